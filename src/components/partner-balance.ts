/**
 * "Principaux pays à l'import et à l'export": one row per partner country,
 * imports drawn to the left of zero, exports to the right, and the balance
 * (exports − imports) as a thin bar coloured green/red AND written with its
 * sign in a column on the right, so colour never carries the meaning alone.
 */
import * as Plot from "@observablehq/plot";
import {ticks} from "d3";
import {formatNumber, formatSignedMillionEuros, formatMillionEuros, UNIT_SPACE} from "./format.js";
import {CHART_FONT, chartFigure, emptyNote, plotStyle, resolveDocument, roleForPlotGroups, sampleLegend, sampleSvg, SVG_NS} from "./figure.js";
import {COLORS, estimateTextWidth, fitText} from "./palette.js";

/** Shown instead of the chart when there is nothing to draw. */
const NO_DATA = "Aucun échange avec un pays partenaire n'est enregistré pour ce territoire.";

export interface PartnerRow {
  country: string;
  countryName: string;
  /** Euros. */
  exports: number;
  /** Euros. */
  imports: number;
}

export interface PartnerBalanceOptions {
  width: number;
  title: string;
  document?: Document;
  /** What the rows are, when they are not partner countries (a région's départements): the figure's kind, the empty note and the reading note. */
  rows?: {kind: string; noData: string; reading: string};
}

const ROW_HEIGHT = 28;
const MARGIN_TOP = 34;
const MARGIN_BOTTOM = 30;

/** Room between two tick labels of the x axis. */
const TICK_GAP = 12;

/**
 * Tick values of the x axis (M€, imports negative): the most ticks whose
 * labels do not run into each other across `plotWidth`, three at least, so a
 * phone's narrow drawing still has a scale (d3's default gave a lone « 0 »).
 */
export function axisTicks(low: number, high: number, plotWidth: number, format: (value: number) => string): number[] {
  if (!(high > low)) return [low];
  const span = high - low;
  let best: number[] = [];
  for (let count = 2; count <= 12; count++) {
    const values = ticks(low, high, count);
    const widest = Math.max(...values.map((value) => estimateTextWidth(format(value), CHART_FONT)));
    const spacing = values.length > 1 ? (plotWidth * (values[1] - values[0])) / span : Infinity;
    const readable = spacing >= widest + TICK_GAP;
    if (readable && values.length > best.length) best = values;
    if (!readable && best.length >= 3) break;
  }
  if (best.length >= 3) return best;
  // Three do not fit with the usual room: the first round step that gives three, labels closer together.
  for (let count = 3; count <= 12; count++) {
    const values = ticks(low, high, count);
    if (values.length >= 3) return values;
  }
  return best.length ? best : [low, high];
}

export function balanceColor(balance: number): string {
  return balance > 0 ? COLORS.positive : balance < 0 ? COLORS.negative : COLORS.mutedText;
}

/** Largest total trade first: the reference's order. Ties by name, for stable output. */
export function sortPartners(rows: readonly PartnerRow[]): PartnerRow[] {
  return [...rows].sort(
    (a, b) => b.exports + b.imports - (a.exports + a.imports) || a.countryName.localeCompare(b.countryName, "fr")
  );
}

export function partnerBalanceChart(rows: readonly PartnerRow[], options: PartnerBalanceOptions): HTMLElement {
  const document = resolveDocument(options.document);
  const {width, title} = options;
  const sorted = sortPartners(rows);
  if (sorted.length === 0) return chartFigure(emptyNote(document, options.rows?.noData ?? NO_DATA), [], {title, document, kind: options.rows?.kind ?? "partner-balance"});
  const names = new Map(sorted.map((row) => [row.country, row.countryName]));
  const balance = (row: PartnerRow) => row.exports - row.imports;
  const balanceLabel = (row: PartnerRow) => formatSignedMillionEuros(balance(row));

  const marginLeft = Math.min(
    Math.max(60, ...sorted.map((row) => estimateTextWidth(row.countryName, CHART_FONT) + 12)),
    Math.round(width * 0.3)
  );
  const marginRight = Math.max(70, ...sorted.map((row) => estimateTextWidth(balanceLabel(row), CHART_FONT) + 16));
  const height = MARGIN_TOP + MARGIN_BOTTOM + Math.max(1, sorted.length) * ROW_HEIGHT;
  const millions = (euros: number) => euros / 1e6;
  const nb = UNIT_SPACE;
  const headers = sideHeaders(sorted, width - marginLeft - marginRight);
  const tickLabel = (value: number) => formatNumber(Math.abs(value));
  const low = -millions(Math.max(0, ...sorted.map((row) => row.imports)));
  const high = millions(Math.max(0, ...sorted.map((row) => row.exports)));
  const xTicks = axisTicks(low, high, width - marginLeft - marginRight, tickLabel);

  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    style: plotStyle(),
    ariaLabel: title,
    y: {
      domain: sorted.map((row) => row.country),
      label: null,
      padding: 0.2,
      tickSize: 0,
      // Country names are data: Plot writes them as text, and long ones are cut to fit the margin.
      tickFormat: (code: string) => fitText(names.get(code) ?? code, marginLeft - 10, CHART_FONT, 3) || code
    },
    x: {
      label: null,
      // The domain spans the ticks: the outer ones are drawn, and bars keep their lengths.
      domain: [Math.min(low, xTicks[0]), Math.max(high, xTicks.at(-1)!, low + 1)],
      ticks: xTicks,
      grid: true,
      // Imports are drawn negative but are amounts: the axis shows them unsigned.
      tickFormat: tickLabel
    },
    marks: [
      Plot.barX(sorted, {
        x: (row: PartnerRow) => -millions(row.imports),
        y: "country",
        fill: COLORS.import,
        title: (row: PartnerRow) => `${row.countryName} — importations${nb}: ${formatMillionEuros(row.imports)}`,
        ariaDescription: "importations"
      }),
      Plot.barX(sorted, {
        x: (row: PartnerRow) => millions(row.exports),
        y: "country",
        fill: COLORS.export,
        title: (row: PartnerRow) => `${row.countryName} — exportations${nb}: ${formatMillionEuros(row.exports)}`,
        ariaDescription: "exportations"
      }),
      Plot.barX(sorted, {
        x: (row: PartnerRow) => millions(balance(row)),
        y: "country",
        fill: (row: PartnerRow) => balanceColor(balance(row)),
        stroke: "white",
        strokeWidth: 1,
        insetTop: 7,
        insetBottom: 7,
        title: (row: PartnerRow) => `${row.countryName} — solde${nb}: ${balanceLabel(row)}`,
        ariaDescription: "solde"
      }),
      Plot.ruleX([0], {stroke: COLORS.text}),
      Plot.text(sorted, {
        y: "country",
        text: balanceLabel,
        frameAnchor: "right",
        textAnchor: "start",
        dx: 8,
        fill: (row: PartnerRow) => balanceColor(balance(row)),
        fontWeight: 600,
        ariaDescription: "solde écrit"
      }),
      Plot.text([headers.left], {x: 0, frameAnchor: "top", dx: -6, dy: -18, textAnchor: "end", fill: COLORS.import, fontWeight: 700}),
      Plot.text([headers.right], {x: 0, frameAnchor: "top", dx: 6, dy: -18, textAnchor: "start", fill: COLORS.export, fontWeight: 700}),
      Plot.text(["Solde"], {frameAnchor: "top-right", dx: 8, dy: -18, textAnchor: "start", fill: COLORS.text, fontWeight: 700})
    ]
  }) as SVGSVGElement;
  roleForPlotGroups(svg);
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = title;
  svg.prepend(titleElement);
  return chartFigure(svg, [readingKey(document, options.rows?.reading)], {title, document, kind: options.rows?.kind ?? "partner-balance"});
}

/**
 * The headers either side of zero, long or short depending on the room the
 * (un-niced) x domain leaves them: never running into each other or "Solde".
 */
function sideHeaders(rows: readonly PartnerRow[], plotWidth: number): {left: string; right: string} {
  const maxImports = Math.max(0, ...rows.map((row) => row.imports));
  const maxExports = Math.max(0, ...rows.map((row) => row.exports));
  const span = maxImports + maxExports || 1;
  const pick = (room: number, candidates: string[]) =>
    candidates.find((text) => estimateTextWidth(text, CHART_FONT, true) + 8 <= room) ?? "";
  return {
    left: pick((plotWidth * maxImports) / span, ["← Importations (M€)", "← Importations", "← Imp."]),
    right: pick((plotWidth * maxExports) / span, ["Exportations (M€) →", "Exportations →", "Exp. →"])
  };
}

/** "Légende" under the chart: swatches with words, and the signs spelled out. */
function readingKey(document: Document, reading = PARTNER_READING): HTMLElement {
  const nb = UNIT_SPACE;
  const items = (
    [
      [COLORS.import, "Importations (vers la gauche)"],
      [COLORS.export, "Exportations (vers la droite)"],
      [COLORS.positive, `Solde positif${nb}: excédent, signe +`],
      [COLORS.negative, `Solde négatif${nb}: déficit, signe −`]
    ] as const
  ).map(([color, text]) => ({sample: swatch(document, color), text}));
  return sampleLegend(document, items, reading);
}

/** The reading note of the bars, for rows that are `each` ("chaque pays partenaire"), ranked as `ranked` says. */
export function barsReading(each: string, ranked: string): string {
  const nb = UNIT_SPACE;
  return (
    `Lecture${nb}: pour ${each}, la barre bleue à gauche mesure les importations, ` +
    `la barre violette à droite les exportations, en millions d'euros${nb}; le trait central et la colonne ` +
    `«${nb}Solde${nb}» donnent le solde (exportations − importations). ${ranked}`
  );
}

const PARTNER_READING = barsReading("chaque pays partenaire", "Pays classés par total des échanges.");

/** A small SVG square (prints, unlike CSS backgrounds by default). */
function swatch(document: Document, color: string): SVGSVGElement {
  const svg = sampleSvg(document, 12, 12);
  const rect = document.createElementNS(SVG_NS, "rect");
  rect.setAttribute("width", "12");
  rect.setAttribute("height", "12");
  rect.setAttribute("fill", color);
  svg.append(rect);
  return svg;
}
