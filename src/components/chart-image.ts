/**
 * A chart as an image file: a standalone SVG — the page's stylesheet
 * (classes, currentColor, CSS variables) baked into inline styles, a white
 * background drawn first, labels kept as escaped text (XMLSerializer) — with
 * an optional caption (./image-caption.ts), and its PNG rendering.
 */
import {resolveDocument, SVG_NS} from "./figure.js";
import {captionFrame, type ImageCaption} from "./image-caption.js";

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

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
