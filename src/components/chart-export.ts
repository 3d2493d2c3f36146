/**
 * Under a chart: download it as an SVG or PNG image, and the code to embed
 * its chart-only view in another site (an <iframe>).
 *
 * The chart is looked up when a button is pressed, not when the buttons are
 * made: Framework's resize() draws it later and draws it again at every width.
 * The image files are made by ./chart-image.ts.
 */
import {chartSvg, exportSvg, svgSize, svgToPngBlob} from "./chart-image.js";
import {resolveDocument} from "./figure.js";
import {captionOfLegends, type LegendSwatch} from "./image-caption.js";

export interface ChartActionsOptions {
  /** Base file name without extension, e.g. "aube-10-partenaires-2024" → .svg / .png */
  fileName: string;
  /** Link to the chart-only embed view, relative to the current page, e.g. "../integrer?territoire=D10&graphique=partenaires". Optional. */
  embedHref?: string;
  /** Written under the chart in the image files: "Source : DGDDI / DSECE, 2024". */
  credit?: string;
  /** Written above the chart in the image files; by default the chart's text alternative (its title). */
  title?: string;
  /**
   * Colour keys and notes for the image files; by default, what the chart's
   * HTML legends say (class "chart-legend", read at each click: a live redraw
   * replaces them).
   */
  legend?: readonly LegendSwatch[];
  notes?: readonly string[];
  document?: Document;
}

/** How long a download's object URL lives: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 30_000;
const DEFAULT_EMBED_HEIGHT = 480;
/** Room the embed view needs around the chart (title, reading key). */
const EMBED_EXTRA_HEIGHT = 160;

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
  const {fileName, embedHref, credit} = options;
  const view = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  // The image says what it shows: the chart's title (its text alternative) above; its legend, reading note and credit below.
  const image = (svg: SVGSVGElement) => {
    const drawn = captionOfLegends(chart);
    const legend = options.legend ?? drawn.legend;
    const notes = options.notes ?? drawn.notes;
    return exportSvg(svg, {view, caption: {title: options.title ?? svg.getAttribute("aria-label") ?? "", credit, legend, notes}});
  };
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
