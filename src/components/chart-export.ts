/**
 * Under a chart: download it as an SVG or PNG image, and the code to embed
 * its chart-only view in another site (an <iframe>).
 *
 * The chart is looked up when a button is pressed, not when the buttons are
 * made: Framework's resize() draws it later and draws it again at every width.
 * The SVG file stands on its own: the page's stylesheet (classes,
 * currentColor, CSS variables) is baked into inline styles, a white
 * background is drawn first, and labels stay escaped text (XMLSerializer).
 */
import {resolveDocument, SVG_NS} from "./figure.js";
import {COLORS, estimateTextWidth, wrapText} from "./palette.js";

export interface ChartActionsOptions {
  /** Base file name without extension, e.g. "aube-10-partenaires-2024" → .svg / .png */
  fileName: string;
  /** Link to the chart-only embed view, relative to the current page, e.g. "../integrer?territoire=D10&graphique=partenaires". Optional. */
  embedHref?: string;
  /** Written under the chart in the image files: "Source : DGDDI / DSECE, 2024". */
  credit?: string;
  /** Written above the chart in the image files; by default the chart's text alternative (its title). */
  title?: string;
  /** Colour keys for the image files, when the chart's legend is not in its <svg>. */
  legend?: readonly LegendSwatch[];
  document?: Document;
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** How long a download's object URL lives: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 30_000;
const DEFAULT_EMBED_HEIGHT = 480;
/** Room the embed view needs around the chart (title, reading key). */
const EMBED_EXTRA_HEIGHT = 160;

/**
 * Styles that decide what a chart looks like, copied from the page's computed
 * style. All inherit except opacity, whose initial value is "1".
 */
export const EXPORTED_STYLES = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "fill-opacity",
  "stroke-opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline"
] as const;
const NOT_INHERITED: Partial<Record<(typeof EXPORTED_STYLES)[number], string>> = {opacity: "1"};
/** Elements that are never drawn: no style to copy. */
const UNDRAWN = new Set(["title", "desc", "style", "metadata", "script"]);

/** The outermost <svg> elements that are not hidden from screen readers. */
const VISIBLE_SVG = 'svg:not([aria-hidden="true"]):not(svg *)';

/**
 * The chart's main <svg> inside `container`: the first svg[role="img"]
 * (./figure.ts createSvg), else the first outermost svg not aria-hidden (Plot
 * names its <svg> with aria-label but gives it no role). Legend samples are
 * aria-hidden (./figure.ts sampleSvg): never taken.
 */
export function chartSvg(container: Element): SVGSVGElement | null {
  for (const selector of ['svg[role="img"]', VISIBLE_SVG]) {
    if (container.matches(selector)) return container as SVGSVGElement;
    const svg = container.querySelector<SVGSVGElement>(selector);
    if (svg) return svg;
  }
  return null;
}

function lengthAttribute(svg: SVGSVGElement, name: "width" | "height"): number | undefined {
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(svg.getAttribute(name) ?? "");
  const value = match ? Number(match[1]) : NaN;
  return value > 0 ? value : undefined;
}

function viewBox(svg: SVGSVGElement): {x: number; y: number; width: number; height: number} | undefined {
  const numbers = (svg.getAttribute("viewBox") ?? "").trim().split(/[\s,]+/).map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n)) || numbers[2] <= 0 || numbers[3] <= 0) return undefined;
  const [x, y, width, height] = numbers;
  return {x, y, width, height};
}

/** The drawing's size in CSS pixels: its width/height attributes, else its viewBox, else its box on the page. */
export function svgSize(svg: SVGSVGElement): {width: number; height: number} {
  const box = viewBox(svg);
  let width = lengthAttribute(svg, "width") ?? box?.width;
  let height = lengthAttribute(svg, "height") ?? box?.height;
  if (width === undefined || height === undefined) {
    const rect = svg.getBoundingClientRect();
    width ??= rect.width > 0 ? rect.width : undefined;
    height ??= rect.height > 0 ? rect.height : undefined;
  }
  if (width === undefined || height === undefined) {
    throw new Error("Taille du graphique inconnue : le <svg> n'a ni width/height, ni viewBox, ni taille à l'écran.");
  }
  return {width, height};
}

/**
 * Copies the computed styles of `live` (and of its descendants) onto `clone`,
 * its deep copy, as inline style. A value is written where it could differ
 * outside the page: on the root, where it differs from the parent's (inherited
 * properties), where it differs from the initial value (opacity), or where
 * the element has the attribute itself (it may say currentColor or var(…)).
 */
function inlineComputedStyles(live: SVGSVGElement, clone: SVGSVGElement, view: Window): void {
  const liveElements = [live, ...live.querySelectorAll("*")];
  const cloneElements = [clone, ...clone.querySelectorAll("*")];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element) => {
    let style = computed.get(element);
    if (!style) computed.set(element, (style = view.getComputedStyle(element)));
    return style;
  };
  liveElements.forEach((element, index) => {
    if (UNDRAWN.has(element.localName)) return;
    const style = styleOf(element);
    const parent = element === live ? null : element.parentElement;
    const parentStyle = parent ? styleOf(parent) : null;
    const declarations: string[] = [];
    for (const property of EXPORTED_STYLES) {
      const value = style.getPropertyValue(property).trim();
      if (!value) continue;
      const initial = NOT_INHERITED[property];
      const needed =
        parentStyle === null ||
        element.hasAttribute(property) ||
        (initial === undefined ? parentStyle.getPropertyValue(property).trim() !== value : value !== initial);
      if (needed) declarations.push(`${property}: ${value}`);
    }
    if (declarations.length === 0) return;
    // The element's own declarations stay, unless a computed value replaces them.
    const written = new Set(declarations.map((declaration) => declaration.slice(0, declaration.indexOf(":"))));
    const target = cloneElements[index];
    const kept = (target.getAttribute("style") ?? "")
      .split(";")
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration && !written.has(declaration.split(":")[0].trim().toLowerCase()));
    target.setAttribute("style", [...kept, ...declarations].join("; "));
  });
}

/** A white <rect> under everything else, after the leading <title>/<desc>/<style>. */
function addBackground(svg: SVGSVGElement, width: number, height: number): void {
  const document = svg.ownerDocument;
  const box = viewBox(svg);
  const rect = document.createElementNS(SVG_NS, "rect");
  rect.setAttribute("class", "chart-export-background");
  rect.setAttribute("x", String(box?.x ?? 0));
  rect.setAttribute("y", String(box?.y ?? 0));
  rect.setAttribute("width", String(box?.width ?? width));
  rect.setAttribute("height", String(box?.height ?? height));
  rect.setAttribute("fill", "#ffffff");
  rect.setAttribute("style", "fill: #ffffff; stroke: none; opacity: 1");
  let before = svg.firstElementChild;
  while (before && UNDRAWN.has(before.localName)) before = before.nextElementSibling;
  svg.insertBefore(rect, before);
}

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
  /** Colour keys drawn under the chart, for a chart whose legend is not part of its <svg> (the map's is HTML). */
  legend?: readonly LegendSwatch[];
}

export interface LegendSwatch {
  color: string;
  label: string;
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

/** Swatches and their labels, left to right, wrapping to `width`: a <g> and its height. */
function legendRows(document: Document, legend: readonly LegendSwatch[], width: number): {group: SVGGElement; height: number} {
  const group = document.createElementNS(SVG_NS, "g");
  let x = CAPTION_PADDING;
  let row = 0;
  for (const {color, label} of legend) {
    const itemWidth = SWATCH + SWATCH_GAP + estimateTextWidth(label, CREDIT_FONT);
    if (x > CAPTION_PADDING && x + itemWidth > width - CAPTION_PADDING) {
      x = CAPTION_PADDING;
      row++;
    }
    const y = row * LEGEND_LINE;
    const swatch = document.createElementNS(SVG_NS, "rect");
    for (const [name, value] of Object.entries({x, y, width: SWATCH, height: SWATCH})) swatch.setAttribute(name, String(value));
    swatch.setAttribute("style", `fill: ${color}; stroke: none`);
    group.append(swatch, captionText(document, [label], x + SWATCH + SWATCH_GAP, y + SWATCH - 2, CREDIT_FONT, CREDIT_LINE, COLORS.text, false));
    x += itemWidth + LEGEND_GAP;
  }
  return {group, height: legend.length ? (row + 1) * LEGEND_LINE : 0};
}

/** A copy of the chart that stands alone: computed styles inlined, explicit size and viewBox. */
function standaloneCopy(svg: SVGSVGElement, view: Window | null): {copy: SVGSVGElement; width: number; height: number} {
  const {width, height} = svgSize(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (view && typeof view.getComputedStyle === "function") inlineComputedStyles(svg, copy, view);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  if (!viewBox(copy)) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return {copy, width, height};
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
function captionFrame(chart: SVGSVGElement, width: number, height: number, caption: ImageCaption): {svg: SVGSVGElement; height: number} {
  const document = chart.ownerDocument;
  const titleLines = wrapText(caption.title, width - 2 * CAPTION_PADDING, TITLE_MAX_LINES, TITLE_FONT);
  const top = CAPTION_PADDING + titleLines.length * TITLE_LINE + CAPTION_PADDING;
  const legend = legendRows(document, caption.legend ?? [], width);
  const legendTop = top + height + (legend.height ? CAPTION_PADDING : 0);
  const creditTop = legendTop + legend.height;
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
  if (creditLines.length) {
    frame.append(captionText(document, creditLines, CAPTION_PADDING, creditTop + CREDIT_FONT + 2, CREDIT_FONT, CREDIT_LINE, COLORS.mutedText, false));
  }
  return {svg: frame, height: total};
}

/**
 * The chart as a standalone SVG file, with its size: namespaces, explicit
 * size, a white background, the page's computed styles inlined (skipped when
 * `view` has no getComputedStyle), labels as escaped text; with `caption`,
 * its title above and its credit below.
 */
export function exportSvg(
  svg: SVGSVGElement,
  {view = svg.ownerDocument.defaultView, caption}: {view?: Window | null; caption?: ImageCaption} = {}
): {text: string; width: number; height: number} {
  const {copy, width, height} = standaloneCopy(svg, view);
  const image = caption ? captionFrame(copy, width, height, caption) : {svg: copy, height};
  image.svg.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
  image.svg.setAttributeNS(XMLNS_NS, "xmlns:xlink", XLINK_NS);
  addBackground(image.svg, width, image.height);
  const Serializer = (view as (Window & typeof globalThis) | null)?.XMLSerializer ?? XMLSerializer;
  return {text: XML_DECLARATION + new Serializer().serializeToString(image.svg), width, height: image.height};
}

/** The chart alone as a standalone SVG file (see exportSvg). */
export function serializeSvg(svg: SVGSVGElement, view: Window | null = svg.ownerDocument.defaultView): string {
  return exportSvg(svg, {view}).text;
}

/**
 * The SVG text drawn on a canvas `scale` times larger, as a PNG. Needs a
 * browser: the SVG is loaded as an image from a Blob URL.
 */
export function svgToPngBlob(
  svgText: string,
  width: number,
  height: number,
  {scale = 2, document}: {scale?: number; document?: Document} = {}
): Promise<Blob> {
  const doc = resolveDocument(document);
  const view = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  const url = view.URL.createObjectURL(new view.Blob([svgText], {type: "image/svg+xml;charset=utf-8"}));
  return new Promise<Blob>((resolve, reject) => {
    const image = doc.createElement("img");
    image.onerror = () => reject(new Error("L'image du graphique n'a pas pu être chargée pour la convertir en PNG."));
    image.onload = () => {
      const canvas = doc.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext("2d");
      if (!context) return reject(new Error("Ce navigateur ne permet pas de dessiner l'image (canvas 2D indisponible)."));
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("La conversion du graphique en PNG a échoué."))), "image/png");
    };
    image.src = url;
  }).finally(() => view.URL.revokeObjectURL(url));
}

/** Saves `blob` as `fileName`: a clicked <a download> on an object URL, revoked a little later. */
export function downloadBlob(blob: Blob, fileName: string, {document}: {document?: Document} = {}): void {
  const doc = resolveDocument(document);
  const view = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** The chart in `container`, or an error saying why there is none. */
function findChart(container: Element): SVGSVGElement {
  const svg = chartSvg(container);
  if (svg) return svg;
  throw new Error(
    container.querySelector(".chart-empty")
      ? "Pas d'image à télécharger : ce graphique n'a pas de données."
      : "Le graphique n'est pas encore dessiné : réessayez dans un instant."
  );
}

/** The <iframe> code to paste in another page, serialised by the DOM (attribute values escaped). */
export function embedCode(src: string, title: string, height: number, {document}: {document?: Document} = {}): string {
  const iframe = resolveDocument(document).createElement("iframe");
  iframe.setAttribute("src", src);
  iframe.setAttribute("title", title);
  iframe.setAttribute("width", "100%");
  iframe.setAttribute("height", String(Math.round(height)));
  iframe.setAttribute("style", "border:0");
  iframe.setAttribute("loading", "lazy");
  return iframe.outerHTML;
}

function embedBlock(doc: Document, chart: Element, embedHref: string): HTMLDetailsElement {
  const src = new URL(embedHref, doc.baseURI).href;
  const details = doc.createElement("details");
  details.className = "chart-embed";
  const summary = doc.createElement("summary");
  summary.textContent = "Intégrer";
  const label = doc.createElement("label");
  const labelText = doc.createElement("span");
  labelText.textContent = "Code à copier dans votre page (iframe)";
  const textarea = doc.createElement("textarea");
  textarea.readOnly = true;
  textarea.rows = 3;
  textarea.spellcheck = false;
  textarea.addEventListener("focus", () => textarea.select());
  label.append(labelText, textarea);
  const link = doc.createElement("a");
  link.href = src;
  link.textContent = "Ouvrir la vue intégrable";
  // The title and height come from the chart as drawn when the reader opens the block.
  const refresh = () => {
    const svg = chartSvg(chart);
    const title = svg?.getAttribute("aria-label") || "Graphique — commerce extérieur";
    let height = DEFAULT_EMBED_HEIGHT;
    if (svg) {
      try {
        height = svgSize(svg).height + EMBED_EXTRA_HEIGHT;
      } catch {
        // no size yet: keep the default
      }
    }
    textarea.value = embedCode(src, title, height, {document: doc});
  };
  refresh();
  details.addEventListener("toggle", () => {
    if (details.open) refresh();
  });
  details.append(summary, label, link);
  return details;
}

/**
 * The buttons under a chart: "Image SVG", "Image PNG", and, with
 * `embedHref`, the "Intégrer" block. `chart` is the element the page displays
 * (resize's container); its <svg role="img"> is looked up at each click.
 */
export function chartActions(chart: Element, options: ChartActionsOptions): HTMLElement {
  const doc = resolveDocument(options.document);
  const {fileName, embedHref, credit, legend} = options;
  const view = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  // The image says what it shows: the chart's title (its text alternative) above, the credit below.
  const image = (svg: SVGSVGElement) =>
    exportSvg(svg, {view, caption: {title: options.title ?? svg.getAttribute("aria-label") ?? "", credit, legend}});
  const block = doc.createElement("div");
  block.className = "chart-actions";
  const status = doc.createElement("span");
  status.className = "chart-actions-status";
  status.setAttribute("role", "status");

  const button = (text: string, label: string, save: (svg: SVGSVGElement) => Promise<void> | void) => {
    const element = doc.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    // Not disabled while busy (a disabled button loses keyboard focus): a click meanwhile is ignored.
    let busy = false;
    element.addEventListener("click", async () => {
      if (busy) return;
      busy = true;
      status.textContent = "";
      try {
        await save(findChart(chart));
      } catch (error) {
        status.textContent = error instanceof Error ? error.message : String(error);
      } finally {
        busy = false;
      }
    });
    return element;
  };

  const svgButton = button("Image SVG", "Télécharger l'image SVG du graphique", (svg) => {
    downloadBlob(new view.Blob([image(svg).text], {type: "image/svg+xml;charset=utf-8"}), `${fileName}.svg`, {document: doc});
  });
  const pngButton = button("Image PNG", "Télécharger l'image PNG du graphique", async (svg) => {
    const {text, width, height} = image(svg);
    const png = await svgToPngBlob(text, width, height, {scale: 2, document: doc});
    downloadBlob(png, `${fileName}.png`, {document: doc});
  });

  block.append(svgButton, pngButton);
  if (embedHref !== undefined) block.append(embedBlock(doc, chart, embedHref));
  block.append(status);
  return block;
}
