/**
 * The frame every chart is drawn in: the document to draw with, the <svg>
 * with its text alternative, the <figure> with its title, and what goes under
 * a chart (its reading key) or instead of it (the note when there is no data).
 */
import {COLORS} from "./palette.js";

export interface FrameOptions {
  title: string;
  document: Document;
  /** Which chart this is ("sankey", "treemap"…), as `data-chart` for styles and tests. */
  kind: string;
}

/**
 * <figure> with an <h3> title in its <figcaption>, the chart, then whatever
 * goes under it (reading key…). The chart's own aria-label repeats the title.
 */
export function chartFigure(chart: Element, below: Element[], {title, document, kind}: FrameOptions): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.dataset.chart = kind;
  figure.style.breakInside = "avoid"; // printing on A4 must not cut a chart in two
  const caption = document.createElement("figcaption");
  const heading = document.createElement("h3");
  heading.textContent = title;
  caption.append(heading);
  figure.append(caption, chart, ...below);
  return figure;
}

/** The document to draw with: the injected one, else the browser's. */
export function resolveDocument(document: Document | undefined): Document {
  const doc = document ?? globalThis.document;
  if (!doc) throw new Error("Aucun document disponible : passer l'option `document` (jsdom hors navigateur).");
  return doc;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

/** The charts' type size: 11 px labels, never shrunk (phones get a narrow drawing instead, see prerender.ts). */
export const CHART_FONT = 11;

/** Plot's style for every chart: the page's system font at CHART_FONT. */
export function plotStyle(): {fontSize: string; fontFamily: string} {
  return {fontSize: `${CHART_FONT}px`, fontFamily: "system-ui, sans-serif"};
}

/** An <svg> with its text alternative (role="img", aria-label and <title>). */
export function createSvg(document: Document, width: number, height: number, label: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("font-family", "system-ui, sans-serif");
  svg.setAttribute("style", "max-width: 100%; height: auto;");
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = label;
  svg.append(titleElement);
  return svg;
}

/** The reading key's element (class "chart-legend"), in small muted text; the caller fills it. */
export function legendElement<K extends "div" | "p">(document: Document, tag: K): HTMLElementTagNameMap[K] {
  const key = document.createElement(tag);
  key.className = "chart-legend";
  key.style.fontSize = "0.85em";
  key.style.color = COLORS.mutedText;
  return key;
}

/** The <svg> of a legend sample, hidden from screen readers (the words beside it say it all). */
export function sampleSvg(document: Document, width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("aria-hidden", "true");
  return svg;
}

export interface LegendItem {
  /** A small SVG drawn as in the chart (SVG prints, unlike CSS backgrounds by default). */
  sample: Element;
  text: string;
  className?: string;
}

/** A reading key with samples: one wrapping row of items (sample, then words), then the reading sentence. */
export function sampleLegend(document: Document, items: readonly LegendItem[], reading: string): HTMLElement {
  const key = legendElement(document, "div");
  const row = document.createElement("p");
  row.style.display = "flex";
  row.style.flexWrap = "wrap";
  row.style.gap = "0.25rem 1rem";
  row.style.margin = "0.25rem 0";
  for (const {sample, text, className} of items) {
    const item = document.createElement("span");
    if (className !== undefined) item.className = className;
    item.append(sample, document.createTextNode(` ${text}`));
    row.append(item);
  }
  const sentence = document.createElement("p");
  sentence.style.margin = "0";
  sentence.textContent = reading;
  key.append(row, sentence);
  return key;
}

/** What a chart shows when there is nothing to draw (class "chart-empty"). */
export function emptyNote(document: Document, text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "chart-empty";
  p.textContent = text;
  return p;
}

/**
 * Plot labels its <svg> and its mark groups with aria-label but gives them no
 * role: the <svg> becomes role="img" (one picture with its text alternative,
 * like createSvg's), and the groups role="group", since a <g> may only carry
 * aria-label with a role (axe: aria-prohibited-attr).
 */
export function roleForPlotGroups<T extends Element>(svg: T): T {
  if (svg.getAttribute("aria-label")) svg.setAttribute("role", "img");
  for (const group of svg.querySelectorAll("g[aria-label]:not([role])")) group.setAttribute("role", "group");
  return svg;
}
