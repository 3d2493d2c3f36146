/**
 * What an exported chart image says around the chart, so that it still says
 * what it shows once pasted in a report: its title above; below, its colour
 * keys and its reading note (the chart's legend is HTML, not in its <svg>)
 * and its source.
 * Texts are set with textContent: labels stay text.
 */
import {SVG_NS} from "./figure.js";
import {COLORS, estimateTextWidth, wrapText} from "./palette.js";

/** The credit under a chart shown on its own (image file, embed view): where the figures come from, and whether they are real. */
export function sourceLine({year, synthetic}: {year: number; synthetic: boolean}): string {
  return `Source : DGDDI / DSECE, ${year}${synthetic ? " — données de démonstration synthétiques" : ""}`;
}

/** What an image file says around the chart, so it still says what it is once pasted elsewhere. */
export interface ImageCaption {
  /** Drawn above the chart, wrapped to its width. */
  title: string;
  /** Drawn under the chart, in small muted text: "Source : DGDDI / DSECE, 2024". */
  credit?: string;
  /** Colour keys drawn under the chart: its legend is HTML on the page, not part of its <svg>. */
  legend?: readonly LegendSwatch[];
  /** The chart's reading note and key lists, one paragraph each, wrapped under the legend. */
  notes?: readonly string[];
}

export interface LegendSwatch {
  /** The swatch's colour; with `sample`, only a fallback. */
  color: string;
  label: string;
  /** The legend's own small drawing (a dashed line, a marker), copied into the image. */
  sample?: SVGSVGElement;
}

const normalise = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

/**
 * What the HTML legends under a chart say (./figure.ts legendElement, class
 * "chart-legend"), for its image files: each sample with its words as a
 * swatch, every other paragraph or list item as a note, in reading order.
 */
export function captionOfLegends(container: Element): Required<Pick<ImageCaption, "legend" | "notes">> {
  const legend: LegendSwatch[] = [];
  const notes: string[] = [];
  for (const key of container.querySelectorAll(".chart-legend")) {
    const blocks = key.matches("p, li") ? [key] : [...key.querySelectorAll("p, li")];
    for (const block of blocks) {
      const samples = [...block.querySelectorAll<SVGSVGElement>('svg[aria-hidden="true"]')];
      if (samples.length === 0) {
        const text = normalise(block.textContent);
        if (text) notes.push(text);
        continue;
      }
      for (const sample of samples) {
        const item = sample.parentElement!;
        const color = sample.querySelector("[fill]:not([fill='none'])")?.getAttribute("fill") ?? sample.querySelector("[stroke]")?.getAttribute("stroke") ?? COLORS.text;
        legend.push({color, label: normalise(item.textContent), sample});
      }
    }
  }
  return {legend, notes};
}

const CAPTION_PADDING = 8;
const TITLE_FONT = 14;
const TITLE_LINE = 18;
const TITLE_MAX_LINES = 3;
const CREDIT_FONT = 11;
const CREDIT_LINE = 16;
const CREDIT_MAX_LINES = 3;
const CAPTION_TEXT_STYLE = "font-family: system-ui, sans-serif";
const SWATCH = 12;
const SWATCH_GAP = 6;
const LEGEND_GAP = 16;
const LEGEND_LINE = 20;
const NOTE_LINE = 15;
/** A note is never cut: a treemap's key may be long, every line of it is kept. */
const NOTE_MAX_LINES = 40;

/** Swatches and their labels, left to right, wrapping to `width`: a <g> and its height. */
function legendRows(document: Document, legend: readonly LegendSwatch[], width: number): {group: SVGGElement; height: number} {
  const group = document.createElementNS(SVG_NS, "g");
  let x = CAPTION_PADDING;
  let row = 0;
  for (const {color, label, sample} of legend) {
    const sampleWidth = sample ? Number(sample.getAttribute("width")) || SWATCH : SWATCH;
    const itemWidth = sampleWidth + SWATCH_GAP + estimateTextWidth(label, CREDIT_FONT);
    if (x > CAPTION_PADDING && x + itemWidth > width - CAPTION_PADDING) {
      x = CAPTION_PADDING;
      row++;
    }
    const y = row * LEGEND_LINE;
    let swatch: SVGElement;
    if (sample) {
      // The page's own sample, nested: its lines, dashes and markers as drawn beside the chart.
      swatch = document.importNode(sample, true) as SVGSVGElement;
      swatch.removeAttribute("aria-hidden");
      swatch.setAttribute("x", String(x));
      swatch.setAttribute("y", String(y));
    } else {
      swatch = document.createElementNS(SVG_NS, "rect");
      for (const [name, value] of Object.entries({x, y, width: SWATCH, height: SWATCH})) swatch.setAttribute(name, String(value));
      swatch.setAttribute("style", `fill: ${color}; stroke: none`);
    }
    group.append(swatch, captionText(document, [label], x + sampleWidth + SWATCH_GAP, y + SWATCH - 2, CREDIT_FONT, CREDIT_LINE, COLORS.text, false));
    x += itemWidth + LEGEND_GAP;
  }
  return {group, height: legend.length ? (row + 1) * LEGEND_LINE : 0};
}


function captionText(document: Document, lines: readonly string[], x: number, y: number, font: number, lineHeight: number, fill: string, bold: boolean): SVGTextElement {
  const text = document.createElementNS(SVG_NS, "text");
  text.setAttribute("style", `${CAPTION_TEXT_STYLE}; font-size: ${font}px; font-weight: ${bold ? 700 : 400}; fill: ${fill}`);
  lines.forEach((line, i) => {
    const span = document.createElementNS(SVG_NS, "tspan");
    span.setAttribute("x", String(x));
    span.setAttribute("y", String(y + i * lineHeight));
    span.textContent = line; // text, never markup
    text.append(span);
  });
  return text;
}

/** An <svg> of the chart's width holding the title, the chart (nested <svg>) and the credit. */
export function captionFrame(chart: SVGSVGElement, width: number, height: number, caption: ImageCaption): {svg: SVGSVGElement; height: number} {
  const document = chart.ownerDocument;
  const titleLines = wrapText(caption.title, width - 2 * CAPTION_PADDING, TITLE_MAX_LINES, TITLE_FONT);
  const top = CAPTION_PADDING + titleLines.length * TITLE_LINE + CAPTION_PADDING;
  const legend = legendRows(document, caption.legend ?? [], width);
  const legendTop = top + height + (legend.height ? CAPTION_PADDING : 0);
  const noteLines = (caption.notes ?? []).map((note) => wrapText(note, width - 2 * CAPTION_PADDING, NOTE_MAX_LINES, CREDIT_FONT));
  const notesTop = legendTop + legend.height + (noteLines.length ? CAPTION_PADDING : 0);
  const notesHeight = noteLines.reduce((sum, lines) => sum + lines.length * NOTE_LINE + 4, 0);
  const creditTop = notesTop + notesHeight;
  const creditLines = caption.credit ? wrapText(caption.credit, width - 2 * CAPTION_PADDING, CREDIT_MAX_LINES, CREDIT_FONT) : [];
  const total = creditTop + (creditLines.length ? creditLines.length * CREDIT_LINE + CAPTION_PADDING : 0);
  const frame = document.createElementNS(SVG_NS, "svg");
  frame.setAttribute("width", String(width));
  frame.setAttribute("height", String(total));
  frame.setAttribute("viewBox", `0 0 ${width} ${total}`);
  frame.setAttribute("role", "img");
  frame.setAttribute("aria-label", caption.title);
  const title = document.createElementNS(SVG_NS, "title");
  title.textContent = caption.title;
  chart.setAttribute("x", "0");
  chart.setAttribute("y", String(top));
  frame.append(title, captionText(document, titleLines, CAPTION_PADDING, CAPTION_PADDING + TITLE_FONT, TITLE_FONT, TITLE_LINE, COLORS.text, true), chart);
  if (legend.height) {
    legend.group.setAttribute("transform", `translate(0, ${legendTop})`);
    frame.append(legend.group);
  }
  let y = notesTop;
  for (const lines of noteLines) {
    frame.append(captionText(document, lines, CAPTION_PADDING, y + CREDIT_FONT, CREDIT_FONT, NOTE_LINE, COLORS.text, false));
    y += lines.length * NOTE_LINE + 4;
  }
  if (creditLines.length) {
    frame.append(captionText(document, creditLines, CAPTION_PADDING, creditTop + CREDIT_FONT + 2, CREDIT_FONT, CREDIT_LINE, COLORS.mutedText, false));
  }
  return {svg: frame, height: total};
}
