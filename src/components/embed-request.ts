/**
 * The chart-only embed view (src/factsheet/embed.ts): which territory and
 * chart its URL asks for, and the few elements it draws around the chart.
 * Everything read from the URL is checked against known keys and written as
 * text, never as markup.
 */
import {CHART_KINDS, CHART_NAMES, isChartKind, VIEW_CHARTS, type ChartKind} from "./chart-kinds.js";
import {resolveDocument} from "./figure.js";

export type EmbedRequest = {territory: string; chart: ChartKind; error?: undefined} | {error: string};

const EXAMPLE = "?territoire=D10&graphique=partenaires";

/**
 * Reads `territoire` (a territory id: "D10", "R44", "FR"; case-insensitive)
 * and `graphique` (a key of CHART_KINDS) from a query string.
 */
export function embedRequest(search: string, territories: Readonly<Record<string, unknown>>): EmbedRequest {
  const params = new URLSearchParams(search);
  const territory = (params.get("territoire") ?? "").trim().toUpperCase();
  const chart = (params.get("graphique") ?? "").trim().toLowerCase();
  const problems: string[] = [];
  if (!territory) problems.push("territoire manquant");
  else if (!Object.hasOwn(territories, territory)) problems.push(`territoire inconnu : « ${territory} »`);
  if (!chart) problems.push("graphique manquant");
  else if (!isChartKind(chart)) problems.push(`graphique inconnu : « ${chart} »`);
  if (problems.length || !isChartKind(chart)) {
    return {
      error:
        `Graphique introuvable (${problems.join(" ; ")}). ` +
        `L'adresse attend ${EXAMPLE} : territoire D + code du département, R + code de la région ou FR ; ` +
        `graphique parmi ${CHART_KINDS.map((kind) => `${kind} (${CHART_NAMES[kind].toLowerCase()})`).join(", ")}.`
    };
  }
  return {territory, chart};
}

/**
 * The chart as the territory's factsheet prints it: the wide drawing of its
 * view (`viewSlot`, src/factsheet/page.ts), taken from the factsheet's HTML, so
 * the embed view and the factsheet show the same chart and the build writes
 * it once. Null when the page holds no such chart.
 */
export function chartFromFactsheet(
  pageHtml: string,
  territory: string,
  chart: ChartKind,
  {document}: {document?: Document} = {}
): Element | null {
  const doc = resolveDocument(document);
  const found = Object.entries(VIEW_CHARTS).find(([, kinds]) => kinds.includes(chart));
  if (!found) return null;
  const [view, kinds] = found;
  const page = new (doc.defaultView ?? window).DOMParser().parseFromString(pageHtml, "text/html");
  const slot = [...page.querySelectorAll(".view")].find((node) => node.getAttribute("data-view") === view && node.getAttribute("data-territory") === territory);
  const drawing = slot?.querySelectorAll(":scope .view-wide > .view-chart")[kinds.indexOf(chart)];
  return drawing ? doc.importNode(drawing, true) : null;
}

/** The message shown instead of a chart (role="alert"). */
export function embedError(message: string, {document}: {document?: Document} = {}): HTMLElement {
  const p = resolveDocument(document).createElement("p");
  p.className = "embed-error";
  p.setAttribute("role", "alert");
  p.textContent = message;
  return p;
}

/** The line under an embedded chart: the source, then a link to the whole factsheet (out of the iframe). */
export function embedSource(
  source: string,
  factsheet: {name: string; href: string},
  {document}: {document?: Document} = {}
): HTMLElement {
  const doc = resolveDocument(document);
  const p = doc.createElement("p");
  p.className = "embed-source";
  const link = doc.createElement("a");
  link.href = factsheet.href;
  link.target = "_top";
  link.textContent = `Fiche complète : ${factsheet.name}`;
  p.append(`${source} · `, link);
  return p;
}
