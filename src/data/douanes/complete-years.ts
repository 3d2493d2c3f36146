/**
 * Only the last six quarters are crossed Pays × Produits, so a calendar year
 * is complete only while its four quarters are all inside that window.
 */
import type {Quarter} from "./periods.ts";

export interface YearCoverage {
  /** Years whose four quarters are present, ascending. */
  completeYears: number[];
  /** The latest complete year: the one the site shows (undefined if none). */
  shownYear: number | undefined;
  /** Years present with fewer than four quarters, and which quarters they have. */
  partialYears: {year: number; quarters: number[]}[];
}

export function findCompleteYears(quarters: Iterable<Quarter>): YearCoverage {
  const byYear = new Map<number, Set<number>>();
  for (const {year, quarter} of quarters) {
    if (!byYear.has(year)) byYear.set(year, new Set());
    byYear.get(year)!.add(quarter);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const completeYears = years.filter((year) => [1, 2, 3, 4].every((q) => byYear.get(year)!.has(q)));
  const partialYears = years
    .filter((year) => !completeYears.includes(year))
    .map((year) => ({year, quarters: [...byYear.get(year)!].sort()}));
  return {completeYears, shownYear: completeYears.at(-1), partialYears};
}
