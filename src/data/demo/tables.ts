/**
 * The rows of the four per-département files, as the customs lay them out
 * (see README.md): crossed country × product files in the wide layout (one
 * column per quarter), products-only and countries-only files in the long
 * layout (one row per quarter). Values go from integer euros to k€ here, and
 * only here.
 */
import type {Flow} from "../canonical.ts";
import {compareCodes} from "./compare.ts";
import {isCrossedPair, type PairSeries} from "./cube.ts";
import {CROSSED_QUARTERS, FIRST_CROSSED_INDEX, HISTORY_QUARTERS} from "./quarters.ts";
import type {Cell} from "./xls.ts";

export const CROSSED_HEADER = ["Département", "Code produit", "Code pays", ...CROSSED_QUARTERS.map((q) => q.label)];
export const PRODUCTS_HEADER = ["Département", "Flux", "Code produit", "Trimestre", "Valeur (k€)"];
export const COUNTRIES_HEADER = ["Département", "Flux", "Code pays", "Trimestre", "Valeur (k€)"];

export const FLOW_CODES: Record<Flow, string> = {export: "E", import: "I"};

/** Integer euros → k€ with at most three decimals (exact to the euro when read back). */
export function toThousands(euros: number): number {
  return euros / 1000;
}

/** Crossed file: one row per (product, country) pair with a non-zero value in the six quarters. */
export function crossedRows(dept: string, cube: PairSeries[]): Cell[][] {
  const rows: Cell[][] = [CROSSED_HEADER];
  for (const series of cube) {
    if (!isCrossedPair(series)) continue;
    rows.push([dept, series.product, series.country, ...series.values.slice(FIRST_CROSSED_INDEX).map(toThousands)]);
  }
  return rows;
}

type Margin = "product" | "country";

/** Sums of the cube over the other dimension, per code and quarter. */
function marginTotals(cube: PairSeries[], margin: Margin): Map<string, number[]> {
  const totals = new Map<string, number[]>();
  for (const series of cube) {
    const code = series[margin];
    let sums = totals.get(code);
    if (!sums) totals.set(code, (sums = HISTORY_QUARTERS.map(() => 0)));
    series.values.forEach((value, i) => (sums![i] += value));
  }
  return totals;
}

/** Long file over 16 quarters (export rows then import rows); empty quarters are not written. */
export function marginRows(dept: string, cubes: Record<Flow, PairSeries[]>, margin: Margin): Cell[][] {
  const rows: Cell[][] = [margin === "product" ? PRODUCTS_HEADER : COUNTRIES_HEADER];
  for (const flow of ["export", "import"] as const) {
    const totals = marginTotals(cubes[flow], margin);
    for (const code of [...totals.keys()].sort(compareCodes)) {
      totals.get(code)!.forEach((euros, i) => {
        if (euros > 0) rows.push([dept, FLOW_CODES[flow], code, HISTORY_QUARTERS[i].label, toThousands(euros)]);
      });
    }
  }
  return rows;
}
