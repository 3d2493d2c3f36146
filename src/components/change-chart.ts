/**
 * Year-over-year change of a territory's quarterly exports and imports (rows
 * of quarterlyTotals, ./trends.ts): for every quarter that has the same
 * quarter one year earlier, two bars side by side, exports then imports, in
 * %, rising above the zero line for a rise and falling below it for a fall.
 *
 * Colour never carries the meaning alone: exports are always the left bar of
 * a quarter and imports the right one, the legend says so in words beside
 * colour samples, every bar has a French tooltip with its signed change, and
 * the y axis writes its signs ("+10 %", "−5 %").
 */
import * as Plot from "@observablehq/plot";
import {nice, precisionFixed, tickStep, ticks as d3ticks} from "d3";
import {formatSignedPercent, UNIT_SPACE} from "./format.js";
import {CHART_FONT, chartFigure, emptyNote, plotStyle, resolveDocument, roleForPlotGroups, sampleLegend, sampleSvg, SVG_NS} from "./figure.js";
import {COLORS, estimateTextWidth, flowColor, flowLabel} from "./palette.js";
import type {Flow} from "../data/canonical.js";
import {quarterDomain, quarterTicks} from "./trend-chart.js";
import {quarterLabel, type QuarterPoint} from "./trends.js";

/** Shown instead of the chart when no quarter can be compared with the year before. */
const NO_DATA =
  `L'évolution sur un an ne peut pas être calculée pour ce territoire${UNIT_SPACE}: ` +
  "aucun trimestre n'a de données pour le même trimestre de l'année précédente.";

export interface ChangeChartOptions {
  width: number;
  /** Carries the territory, the flows and the period: "Aube — évolution sur un an des exportations et des importations, par trimestre, 2022–2024". */
  title: string;
  document?: Document;
}

const FLOWS: readonly Flow[] = ["export", "import"];
const MARGIN_TOP = 26;
const MARGIN_BOTTOM = 30;
const MARGIN_RIGHT = 12;
/** Vertical room per y tick. */
const TICK_SPACING = 45;

/** A quarter point that has a previous year to compare with. */
type ChangePoint = QuarterPoint & {change: number};

const hasChange = (point: QuarterPoint): point is ChangePoint => point.change !== null && Number.isFinite(point.change);

/** "Exportations T1 2025 : +4,2 % par rapport au T1 2024". */
export function changeTitle(point: ChangePoint): string {
  return (
    `${flowLabel(point.flow)} ${point.label}${UNIT_SPACE}: ${formatSignedPercent(point.change)} ` +
    `par rapport au ${quarterLabel(point.year - 1, point.quarter)}`
  );
}

/**
 * The y scale in %: a domain that includes zero, rounded to tick values, its
 * ticks, and how many decimals they need (a ±2 % range ticks every 0,5 %).
 */
export function changeScale(percents: readonly number[], plotHeight: number): {domain: [number, number]; ticks: number[]; decimals: number} {
  const count = Math.max(3, Math.round(plotHeight / TICK_SPACING));
  let lo = Math.min(0, ...percents);
  let hi = Math.max(0, ...percents);
  if (lo === hi) hi = lo + 1; // every change is zero: still a visible axis
  [lo, hi] = nice(lo, hi, count);
  // No change falls below −100 %: a +1 250 % quarter must not drag the axis down to −500 %.
  lo = Math.max(lo, -100);
  const step = tickStep(lo, hi, count);
  return {domain: [lo, hi], ticks: d3ticks(lo, hi, count), decimals: Math.min(2, precisionFixed(step))};
}

/** Year-over-year change of each quarter, exports and imports side by side (grouped bars), in %. */
export function changeChart(points: readonly QuarterPoint[], options: ChangeChartOptions): HTMLElement {
  const document = resolveDocument(options.document);
  const {width, title} = options;
  const drawn = points.filter(hasChange);
  if (drawn.length === 0) return chartFigure(emptyNote(document, NO_DATA), [], {title, document, kind: "change"});

  const height = Math.max(240, Math.min(360, Math.round(width * 0.45)));
  const percent = (p: ChangePoint) => p.change * 100;
  const scale = changeScale(drawn.map(percent), height - MARGIN_TOP - MARGIN_BOTTOM);
  const tickFormat = (v: number) => formatSignedPercent(v / 100, scale.decimals);
  const marginLeft = Math.max(40, Math.ceil(Math.max(...scale.ticks.map((v) => estimateTextWidth(tickFormat(v), CHART_FONT)))) + 14);
  const plotWidth = width - marginLeft - MARGIN_RIGHT;
  const domain = quarterDomain(drawn);

  const marks: Plot.Markish[] = FLOWS.map((flow) =>
    Plot.barY(
      drawn.filter((p) => p.flow === flow),
      {
        fx: "label",
        x: () => flow,
        y1: 0,
        y2: percent,
        fill: flowColor(flow),
        title: changeTitle,
        ariaDescription: `barres ${flow}`
      }
    )
  );

  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft,
    marginRight: MARGIN_RIGHT,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    style: plotStyle(),
    ariaLabel: title,
    ariaDescription: changeDescription(drawn),
    fx: {domain, label: null, axis: "bottom", tickSize: 0, padding: 0.2, ticks: quarterTicks(drawn, plotWidth)},
    x: {domain: [...FLOWS], axis: null, padding: 0.06},
    y: {
      domain: scale.domain,
      ticks: scale.ticks,
      tickFormat,
      label: "Évolution sur un an",
      labelAnchor: "top",
      labelArrow: "none",
      grid: true
    },
    marks
  }) as SVGSVGElement & Plot.Plot;
  roleForPlotGroups(svg);
  svg.append(zeroLine(document, svg, marginLeft, width - MARGIN_RIGHT));
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = title;
  svg.prepend(titleElement);
  return chartFigure(svg, [legend(document)], {title, document, kind: "change"});
}

/**
 * The zero line across the whole frame, drawn after the bars. A rule mark
 * would be drawn once per quarter (facet), with gaps between the quarters.
 */
function zeroLine(document: Document, svg: SVGSVGElement & Plot.Plot, left: number, right: number): SVGLineElement {
  const y = svg.scale("y")!.apply(0) as number;
  const line = document.createElementNS(SVG_NS, "line");
  line.setAttribute("class", "zero-line");
  line.setAttribute("aria-hidden", "true");
  line.setAttribute("x1", String(left));
  line.setAttribute("x2", String(right));
  line.setAttribute("y1", String(y));
  line.setAttribute("y2", String(y));
  line.setAttribute("stroke", COLORS.text);
  line.setAttribute("stroke-width", "1");
  return line;
}

/** A short text alternative: the last quarter's change of each flow. */
function changeDescription(points: readonly ChangePoint[]): string {
  return FLOWS.map((flow) => {
    const last = quarterDomain(points.filter((p) => p.flow === flow)).at(-1);
    const point = points.find((p) => p.flow === flow && p.label === last);
    return point ? `${changeTitle(point)}.` : "";
  })
    .filter(Boolean)
    .join(" ");
}

function legend(document: Document): HTMLElement {
  const items = (
    [
      ["export", "Exportations (barre de gauche)"],
      ["import", "Importations (barre de droite)"]
    ] as const
  ).map(([flow, text]) => ({sample: barSample(document, flow), text, className: `legend-${flow}`}));
  return sampleLegend(
    document,
    items,
    `Lecture${UNIT_SPACE}: évolution de chaque trimestre par rapport au même trimestre de l'année précédente, en %${UNIT_SPACE}; ` +
      `une barre au-dessus du trait zéro signale une hausse, une barre au-dessous une baisse.`
  );
}

/** A small bar in the flow's colour (SVG prints, unlike CSS backgrounds). */
function barSample(document: Document, flow: Flow): SVGSVGElement {
  const svg = sampleSvg(document, 12, 12);
  const rect = document.createElementNS(SVG_NS, "rect");
  rect.setAttribute("width", "12");
  rect.setAttribute("height", "12");
  rect.setAttribute("fill", flowColor(flow));
  svg.append(rect);
  return svg;
}
