/**
 * The explorer's quick chart: what a query result can show at a glance.
 *
 * Columns are sorted into values (numbers that are not years, quarters or
 * months) and labels (text, years, quarters, months, dates, booleans). The
 * first value column is drawn against the labels:
 * - a line over time when the only label is a year or a date, or a year or
 *   date and one text column of at most MAX_SERIES values (one line each);
 * - otherwise horizontal bars, one per row in the result's order (at most
 *   MAX_BARS), labelled by every label column.
 * When nothing sensible can be drawn, quickChartSpec says why, in French.
 * Pure: rows in, element (or reason) out.
 */
import * as Plot from "@observablehq/plot";
import {formatIsoDate, formatResultValue, formatSignificant, formatYear, isYearColumn} from "./format.js";
import {resolveDocument} from "./figure.js";
import {COLORS} from "./palette.js";

export const MAX_BARS = 30;
export const MAX_SERIES = 8;

type Row = Record<string, unknown>;

export type QuickChartSpec =
  | {ok: true; kind: "bars"; value: string; labels: string[]; cut: boolean}
  | {ok: true; kind: "line"; value: string; time: string; timeKind: "year" | "date"; series?: string}
  | {ok: false; reason: string};

type ColumnRole = "value" | "year" | "date" | "ordinal" | "text" | "empty";

/** Whole numbers that number periods (quarter 1–4, month 1–12) label rows; they are not quantities. */
const ORDINAL_WORDS = new Set(["quarter", "trimestre", "month", "mois", "semestre", "semester"]);

function columnRole(name: string, values: readonly unknown[]): ColumnRole {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return "empty";
  if (present.every((v) => v instanceof Date)) return "date";
  if (present.every((v) => typeof v === "number")) {
    if (isYearColumn(name, values)) return "year";
    const words = name.toLowerCase().split(/[^\p{L}]+/u);
    if (words.some((w) => ORDINAL_WORDS.has(w)) && present.every((v) => Number.isInteger(v))) return "ordinal";
    return "value";
  }
  return "text";
}

const quoted = (column: string) => `« ${column} »`;

/** Which columns to draw and how, or the French reason why there is no chart. */
export function quickChartSpec(rows: readonly Row[]): QuickChartSpec {
  if (rows.length === 0) return {ok: false, reason: "Pas de graphique : la requête n'a renvoyé aucune ligne."};
  const columns = Object.keys(rows[0]);
  const roles = new Map(columns.map((c) => [c, columnRole(c, rows.map((r) => r[c]))]));
  const values = columns.filter((c) => roles.get(c) === "value");
  const labels = columns.filter((c) => roles.get(c) !== "value" && roles.get(c) !== "empty");
  // Only when nothing else is there: DESCRIBE's empty « key » column is not why it has no chart.
  if (labels.length === 0 && values.length === 0) {
    return {ok: false, reason: `Pas de graphique : ${columns.length > 1 ? "les colonnes du résultat n'ont" : `la colonne ${quoted(columns[0])} n'a`} que des valeurs vides.`};
  }
  if (values.length === 0) {
    return {ok: false, reason: "Pas de graphique : le résultat n'a aucune colonne de valeurs numériques (les années, trimestres et mois servent d'étiquettes, pas de valeurs)."};
  }
  const value = values[0];
  if (rows.length === 1) return {ok: false, reason: "Pas de graphique : le résultat tient en une ligne, lisez-le dans le tableau."};
  if (labels.length === 0) {
    return {
      ok: false,
      reason: `Pas de graphique : il faut, à côté de la colonne ${quoted(value)}, une colonne d'étiquettes (texte, année ou date) qui dise ce que chaque valeur représente.`
    };
  }
  const time = labels.find((c) => roles.get(c) === "year" || roles.get(c) === "date");
  const others = labels.filter((c) => c !== time);
  if (time) {
    const timeKind = roles.get(time) === "year" ? "year" : "date";
    if (others.length === 0 && distinctCount(rows, [time]) === rows.length) return {ok: true, kind: "line", value, time, timeKind};
    const series = others.length === 1 && roles.get(others[0]) === "text" ? others[0] : undefined;
    if (series && distinctCount(rows, [series]) <= MAX_SERIES && distinctCount(rows, [time, series]) === rows.length) {
      return {ok: true, kind: "line", value, time, timeKind, series};
    }
  }
  return {ok: true, kind: "bars", value, labels, cut: rows.length > MAX_BARS};
}

/** Each label column's cells as text, as the result table shows them (years as years). */
function labelTexts(rows: readonly Row[]): (row: Row, column: string) => string {
  const years = new Map<string, boolean>();
  return (row, column) => {
    const value = row[column];
    if (value === null || value === undefined || value === "") return "(vide)";
    if (!years.has(column)) years.set(column, isYearColumn(column, rows.map((r) => r[column])));
    return formatResultValue(value, {year: years.get(column)});
  };
}

function distinctCount(rows: readonly Row[], columns: readonly string[]): number {
  const text = labelTexts(rows);
  return new Set(rows.map((r) => columns.map((c) => text(r, c)).join("\u0000"))).size;
}

/** The chart's title: what is drawn against what. */
export function quickChartTitle(spec: Extract<QuickChartSpec, {ok: true}>): string {
  if (spec.kind === "line") return `${spec.value} selon ${spec.time}${spec.series ? `, par ${spec.series}` : ""}`;
  return `${spec.value} selon ${spec.labels.join(", ")}${spec.cut ? ` (${MAX_BARS} premières lignes)` : ""}`;
}

const valueOf = (v: unknown) => (typeof v === "number" ? v : null);

/** The chart for `rows`, or null when quickChartSpec finds nothing to draw. */
export function quickChart(rows: readonly Row[], {width = 640, document}: {width?: number; document?: Document} = {}): Element | null {
  const doc = resolveDocument(document);
  const spec = quickChartSpec(rows);
  if (!spec.ok) return null;
  const title = quickChartTitle(spec);
  const common = {document: doc, width, ariaLabel: `Graphique rapide : ${title}`, title};
  const text = labelTexts(rows);
  if (spec.kind === "line") {
    const data = rows
      .map((r) => ({time: r[spec.time] as number | Date, value: valueOf(r[spec.value]), series: spec.series ? text(r, spec.series) : ""}))
      .sort((a, b) => Number(a.time) - Number(b.time));
    const years = spec.timeKind === "year" ? [...new Set(data.map((d) => d.time as number))] : [];
    const timeText = (t: number | Date) => (t instanceof Date ? formatIsoDate(t) : formatYear(t));
    return Plot.plot({
      ...common,
      height: 320,
      marginLeft: 60,
      x: {label: spec.time, ...(spec.timeKind === "year" ? {tickFormat: formatYear, ticks: years.length <= 12 ? years : 8} : {type: "utc", tickFormat: formatIsoDate, ticks: 5})},
      y: {label: spec.value, grid: true, zero: true, tickFormat: formatSignificant},
      color: spec.series ? {legend: true, label: spec.series} : undefined,
      marks: [
        Plot.ruleY([0], {ariaHidden: "true"}),
        Plot.lineY(data, {x: "time", y: "value", z: "series", stroke: spec.series ? "series" : COLORS.export, strokeWidth: 2}),
        Plot.dot(data, {
          x: "time",
          y: "value",
          fill: spec.series ? "series" : COLORS.export,
          r: 3,
          title: (d: {time: number | Date; value: number | null; series: string}) =>
            `${d.series ? d.series + ", " : ""}${timeText(d.time)} : ${d.value === null ? "vide" : formatSignificant(d.value)}`
        })
      ]
    });
  }
  const shown = rows.slice(0, MAX_BARS);
  const texts = shown.map((r) => spec.labels.map((c) => text(r, c)).join(" · "));
  // Keys must be unique for the bars' band scale: number the rows only when two labels repeat.
  const unique = new Set(texts).size === texts.length;
  const data = shown.map((r, i) => ({key: unique ? texts[i] : `${i + 1}. ${texts[i]}`, value: valueOf(r[spec.value])}));
  return Plot.plot({
    ...common,
    height: 22 * data.length + 50,
    marginLeft: Math.min(260, width / 2.5),
    x: {label: spec.value, grid: true, tickFormat: formatSignificant},
    y: {label: null, domain: data.map((d) => d.key), tickFormat: (k: string) => (k.length > 40 ? k.slice(0, 39) + "…" : k)},
    marks: [
      Plot.barX(data, {y: "key", x: "value", fill: COLORS.export, title: (d: {key: string; value: number | null}) => `${d.key} : ${d.value === null ? "vide" : formatSignificant(d.value)}`}),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
