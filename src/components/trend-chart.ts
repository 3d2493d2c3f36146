/**
 * Trends of a territory: quarterly exports and imports over the 16 quarters
 * (rows of quarterlyTotals, ./trends.ts) as a line chart, its numbers as a
 * table, a reading sentence, and the complete-year comparison table.
 *
 * Colour never carries the meaning alone: exports are a solid line with round
 * markers, imports a dashed line with square markers, each line is labelled
 * at its end, and the legend under the chart draws the same line samples
 * with words.
 */
import * as Plot from "@observablehq/plot";
import type {NameForms} from "../data/territories.js";
import {dataTable, type TableColumn} from "./data-table.js";
import {formatMillionEuros, formatNumber, formatSignedPercent, UNIT_SPACE} from "./format.js";
import {isPlural} from "./narrative.js";
import {CHART_FONT, chartFigure, emptyNote, plotStyle, resolveDocument, roleForPlotGroups, sampleLegend, sampleSvg, SVG_NS} from "./figure.js";
import {COLORS, estimateTextWidth, flowColor, flowLabel} from "./palette.js";
import type {Flow} from "../data/canonical.js";
import type {ComparisonRow, QuarterPoint, YearComparison} from "./trends.js";

/** Shown instead of the chart when there is nothing to draw. */
const NO_DATA = "Aucune donnée trimestrielle n'est disponible pour ce territoire.";

export interface TrendChartOptions {
  width: number;
  /** Carries the territory, the flows, the unit and the period: "Aube — exportations et importations par trimestre, en M€, 2021–2024". */
  title: string;
  height?: number;
  document?: Document;
}

/** Minimum room per x tick label before only the first quarter of each year is labelled. */
const TICK_ROOM = 58;

/** How each flow is drawn, beyond its colour. */
export const FLOW_STYLE: Record<Flow, {dash: string | undefined; symbol: "circle" | "square"}> = {
  export: {dash: undefined, symbol: "circle"},
  import: {dash: "6,4", symbol: "square"}
};

/** "+5,3 %" or "–" when there is nothing to compare to. */
export function changeText(change: number | null): string {
  return change === null ? "–" : formatSignedPercent(change);
}

/** Points of one flow in time order. */
function series(points: readonly QuarterPoint[], flow: Flow): QuarterPoint[] {
  return points.filter((p) => p.flow === flow).sort((a, b) => a.year - b.year || a.quarter - b.quarter);
}

/** The quarter labels in time order, each once. */
export function quarterDomain(points: readonly QuarterPoint[]): string[] {
  const sorted = [...points].sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  return [...new Set(sorted.map((p) => p.label))];
}

/** Every label when they fit, else only the first quarter of each year (and the last quarter shown). */
export function quarterTicks(points: readonly QuarterPoint[], plotWidth: number): string[] {
  const domain = quarterDomain(points);
  if (domain.length * TICK_ROOM <= plotWidth) return domain;
  const firsts = domain.filter((label) => label.startsWith("T1 "));
  return firsts.length > 0 ? firsts : domain.filter((_, i) => i % 4 === 0);
}

function pointTitle(point: QuarterPoint): string {
  const change = point.change === null ? "" : ` (${changeText(point.change)} sur un an)`;
  return `${flowLabel(point.flow)}, ${point.label}${UNIT_SPACE}: ${formatMillionEuros(point.value)}${change}`;
}

/** Room for the widest y tick label: France's quarters reach "200 000" M€, a small département's "50". */
export function yAxisMargin(points: readonly QuarterPoint[]): number {
  const widestTick = formatNumber(Math.max(0, ...points.map((p) => p.value / 1e6)) * 1.1);
  return Math.max(40, Math.ceil(estimateTextWidth(widestTick, CHART_FONT)) + 14);
}

export function trendChart(points: readonly QuarterPoint[], options: TrendChartOptions): HTMLElement {
  const document = resolveDocument(options.document);
  const {width, title} = options;
  if (points.length === 0) return chartFigure(emptyNote(document, NO_DATA), [], {title, document, kind: "trend"});
  const height = options.height ?? Math.max(240, Math.min(360, Math.round(width * 0.45)));
  const labels = (["export", "import"] as Flow[]).map((flow) => flowLabel(flow));
  const marginRight = Math.max(...labels.map((text) => estimateTextWidth(text, CHART_FONT, true))) + 14;
  const domain = quarterDomain(points);
  const millions = (p: QuarterPoint) => p.value / 1e6;
  const marginLeft = yAxisMargin(points);

  // End labels: the higher line's label above its end, the lower one's below, so they never overlap.
  const ends = (["export", "import"] as Flow[]).map((flow) => series(points, flow).at(-1)!).filter(Boolean);
  const higher = ends.reduce((a, b) => (b.value > a.value ? b : a), ends[0]);

  const marks: Plot.Markish[] = [Plot.ruleY([0], {stroke: COLORS.mutedText})];
  for (const flow of ["export", "import"] as Flow[]) {
    const data = series(points, flow);
    const color = flowColor(flow);
    marks.push(
      Plot.lineY(data, {x: "label", y: millions, stroke: color, strokeWidth: 2, strokeDasharray: FLOW_STYLE[flow].dash, ariaDescription: `ligne ${flow}`}),
      Plot.dot(data, {
        x: "label",
        y: millions,
        fill: color,
        stroke: "white",
        symbol: FLOW_STYLE[flow].symbol,
        r: 3.5,
        title: pointTitle,
        ariaDescription: `points ${flow}`
      }),
      Plot.text(data.slice(-1), {
        x: "label",
        y: millions,
        text: () => flowLabel(flow),
        textAnchor: "start",
        dx: 8,
        dy: ends.length > 1 ? (data.at(-1) === higher ? -9 : 9) : 0,
        fill: color,
        fontWeight: 700,
        ariaDescription: `étiquette ${flow}`
      })
    );
  }

  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 24,
    marginBottom: 32,
    style: plotStyle(),
    ariaLabel: title,
    ariaDescription: trendDescription(points),
    x: {type: "point", domain, label: null, ticks: quarterTicks(points, width - marginLeft - marginRight), padding: 0.3},
    y: {label: "M€", labelAnchor: "top", labelArrow: "none", grid: true, zero: true, nice: true, tickFormat: (v: number) => formatNumber(v)},
    marks
  }) as SVGSVGElement;
  roleForPlotGroups(svg);
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = title;
  svg.prepend(titleElement);
  return chartFigure(svg, [legend(document)], {title, document, kind: "trend"});
}

/** A short text alternative: the first and last quarter of each flow. */
function trendDescription(points: readonly QuarterPoint[]): string {
  return (["export", "import"] as Flow[])
    .map((flow) => {
      const data = series(points, flow);
      if (data.length === 0) return "";
      const first = data[0];
      const last = data.at(-1)!;
      return `${flowLabel(flow)}${UNIT_SPACE}: ${formatMillionEuros(first.value)} au ${first.label}, ${formatMillionEuros(last.value)} au ${last.label}.`;
    })
    .filter(Boolean)
    .join(" ");
}

function legend(document: Document): HTMLElement {
  const items = (
    [
      ["export", "Exportations (trait plein, ronds)"],
      ["import", "Importations (tirets, carrés)"]
    ] as const
  ).map(([flow, text]) => ({sample: lineSample(document, flow), text, className: `legend-${flow}`}));
  return sampleLegend(
    document,
    items,
    `Lecture${UNIT_SPACE}: valeur des échanges de chaque trimestre, en millions d'euros${UNIT_SPACE}; ` +
      `le tableau donne aussi l'évolution par rapport au même trimestre de l'année précédente.`
  );
}

/** The line and marker of a flow, as drawn in the chart (prints, unlike CSS backgrounds). */
function lineSample(document: Document, flow: Flow): SVGSVGElement {
  const svg = sampleSvg(document, 28, 12);
  const line = document.createElementNS(SVG_NS, "line");
  line.setAttribute("x1", "1");
  line.setAttribute("x2", "27");
  line.setAttribute("y1", "6");
  line.setAttribute("y2", "6");
  line.setAttribute("stroke", flowColor(flow));
  line.setAttribute("stroke-width", "2");
  const dash = FLOW_STYLE[flow].dash;
  if (dash) line.setAttribute("stroke-dasharray", dash);
  const marker =
    FLOW_STYLE[flow].symbol === "circle" ? document.createElementNS(SVG_NS, "circle") : document.createElementNS(SVG_NS, "rect");
  if (marker.tagName === "circle") {
    marker.setAttribute("cx", "14");
    marker.setAttribute("cy", "6");
    marker.setAttribute("r", "3.5");
  } else {
    marker.setAttribute("x", "10.5");
    marker.setAttribute("y", "2.5");
    marker.setAttribute("width", "7");
    marker.setAttribute("height", "7");
  }
  marker.setAttribute("fill", flowColor(flow));
  svg.append(line, marker);
  return svg;
}

// ---------------------------------------------------------------------------
// Reading sentence

/**
 * "Au T4 2024, les exportations de l'Aube atteignent 450,2 M€ (+5,3 % par
 * rapport au T4 2023) et ses importations 420,0 M€ (−2,1 %)." Plain text.
 */
export function trendSentence(points: readonly QuarterPoint[], {forms}: {forms: NameForms}): string {
  const last = (flow: Flow) => series(points, flow).at(-1);
  const exports = last("export");
  const imports = last("import");
  if (!exports || !imports) return `Aucune donnée trimestrielle n'est disponible pour les échanges ${forms.ofName}.`;
  const versus = (p: QuarterPoint, long: boolean) =>
    p.change === null ? "" : ` (${changeText(p.change)}${long ? ` par rapport au T${p.quarter} ${p.year - 1}` : ""})`;
  const possessive = isPlural(forms) ? "leurs" : "ses";
  return (
    `Au ${exports.label}, les exportations ${forms.ofName} atteignent ${formatMillionEuros(exports.value)}${versus(exports, true)} ` +
    `et ${possessive} importations ${formatMillionEuros(imports.value)}${versus(imports, exports.change === null)}.`
  );
}

// ---------------------------------------------------------------------------
// Tables

export interface QuarterTableRow {
  label: string;
  exports: number;
  exportChange: number | null;
  imports: number;
  importChange: number | null;
}

/** One row per quarter, in time order, both flows side by side. */
export function quarterTableRows(points: readonly QuarterPoint[]): QuarterTableRow[] {
  const exports = new Map(series(points, "export").map((p) => [p.label, p]));
  const imports = new Map(series(points, "import").map((p) => [p.label, p]));
  return quarterDomain(points).map((label) => ({
    label,
    exports: exports.get(label)?.value ?? 0,
    exportChange: exports.get(label)?.change ?? null,
    imports: imports.get(label)?.value ?? 0,
    importChange: imports.get(label)?.change ?? null
  }));
}

/** The chart's numbers, as a collapsed table under it. */
export function quarterlyTable(
  points: readonly QuarterPoint[],
  {summary = "Les chiffres du graphique (tableau)", document}: {summary?: string; document?: Document} = {}
): HTMLDetailsElement {
  const change = (value: unknown) => changeText(value as number | null);
  const columns: TableColumn<QuarterTableRow>[] = [
    {key: "label", label: "Trimestre"},
    {key: "exports", label: "Exportations", format: "millionEuros"},
    {key: "exportChange", label: "Évolution sur un an", format: change, unit: "%"},
    {key: "imports", label: "Importations", format: "millionEuros"},
    {key: "importChange", label: "Évolution sur un an", format: change, unit: "%"}
  ];
  return dataTable(quarterTableRows(points), columns, {summary, document});
}

/** "Principaux pays de destination, 2024 comparé à 2023" and the like. */
export function comparisonTitle(comparison: YearComparison): string {
  const what =
    comparison.kind === "country"
      ? comparison.flow === "export"
        ? "Principaux pays de destination"
        : "Principaux pays d'origine"
      : comparison.flow === "export"
        ? "Principaux produits exportés"
        : "Principaux produits importés";
  return comparison.previousYear === null
    ? `${what}, ${comparison.year} (année précédente incomplète)`
    : `${what}, ${comparison.year} comparé à ${comparison.previousYear}`;
}

/**
 * The complete-year comparison as a table (open, not collapsed: it is the
 * display), with the flow's total as the last row.
 */
export function comparisonTable(comparison: YearComparison, {document}: {document?: Document} = {}): HTMLDetailsElement {
  const rows: (ComparisonRow & {rankText: string})[] = [
    ...comparison.rows.map((row) => ({...row, rankText: String(row.rank)})),
    {rank: 0, rankText: "", code: "", name: "Total", ...comparison.total}
  ];
  const euros = (value: unknown) => (value === null ? "–" : formatMillionEuros(value as number));
  const columns: TableColumn<(typeof rows)[number]>[] = [
    {key: "rankText", label: "Rang"},
    {key: "name", label: comparison.kind === "country" ? "Pays" : "Produit"},
    {key: "value", label: String(comparison.year), format: "millionEuros"},
    {key: "previousValue", label: comparison.previousYear === null ? "Année précédente" : String(comparison.previousYear), format: euros, unit: "M€"},
    {key: "change", label: "Évolution", format: (value) => changeText(value as number | null), unit: "%"}
  ];
  const table = dataTable(rows, columns, {summary: comparisonTitle(comparison), document});
  table.open = true;
  table.classList.add("year-comparison");
  return table;
}
