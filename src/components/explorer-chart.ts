/**
 * The explorer's quick chart: the first text column against the first
 * numeric column of a result, as horizontal bars (at most MAX_BARS rows, in
 * the result's order). Pure: rows in, element (or null) out.
 */
import * as Plot from "@observablehq/plot";
import {formatNumber} from "./format.js";
import {resolveDocument} from "./figure.js";

export const MAX_BARS = 30;

export interface QuickChartSpec {
  label: string;
  value: string;
}

/** Which columns to draw, or null when the result has no text or no numeric column. */
export function quickChartSpec(rows: readonly Record<string, unknown>[]): QuickChartSpec | null {
  const first = rows[0];
  if (!first) return null;
  const columns = Object.keys(first);
  const isText = (c: string) => rows.some((r) => typeof r[c] === "string");
  const isNumber = (c: string) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === "number") && rows.some((r) => typeof r[c] === "number");
  const label = columns.find(isText);
  const value = columns.find(isNumber);
  return label && value ? {label, value} : null;
}

export function quickChart(rows: readonly Record<string, unknown>[], {width = 640, document}: {width?: number; document?: Document} = {}): Element | null {
  const doc = resolveDocument(document);
  const spec = quickChartSpec(rows);
  if (!spec) return null;
  const data = rows.slice(0, MAX_BARS).map((row, i) => ({
    key: `${i + 1}. ${String(row[spec.label] ?? "(vide)")}`,
    value: typeof row[spec.value] === "number" ? (row[spec.value] as number) : 0
  }));
  const title = `${spec.value} selon ${spec.label}${rows.length > MAX_BARS ? ` (${MAX_BARS} premières lignes)` : ""}`;
  return Plot.plot({
    document: doc,
    width,
    height: 22 * data.length + 50,
    marginLeft: Math.min(260, width / 2.5),
    ariaLabel: `Graphique rapide : ${title}`,
    title,
    x: {label: spec.value, grid: true, tickFormat: (v: number) => formatNumber(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 2 : 0)},
    y: {label: null, domain: data.map((d) => d.key), tickFormat: (k: string) => (k.length > 40 ? k.slice(0, 39) + "…" : k)},
    marks: [
      Plot.barX(data, {y: "key", x: "value", fill: "#7b3fa0", title: (d: {key: string; value: number}) => `${d.key} : ${formatNumber(d.value, 2)}`}),
      Plot.ruleX([0], {ariaHidden: "true"})
    ]
  });
}
