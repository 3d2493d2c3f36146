/**
 * Only the last six quarters are crossed Pays × Produits, so a calendar year
 * is complete only while its four quarters are all inside that window.
 */
import {completeYearsOf} from "../canonical.js";
import {SourceError} from "./errors.js";
import type {Quarter} from "./periods.js";

export interface YearCoverage {
  /** Years whose four quarters are present, ascending. */
  completeYears: number[];
  /** The latest complete year: the one the site shows (undefined if none). */
  shownYear: number | undefined;
  /** Years present with fewer than four quarters, and which quarters they have. */
  partialYears: {year: number; quarters: number[]}[];
}

export function findCompleteYears(quarters: Iterable<Quarter>): YearCoverage {
  const all = [...quarters];
  const completeYears = completeYearsOf(all);
  const byYear = new Map<number, Set<number>>();
  for (const {year, quarter} of all) byYear.set(year, (byYear.get(year) ?? new Set()).add(quarter));
  const partialYears = [...byYear.keys()]
    .sort((a, b) => a - b)
    .filter((year) => !completeYears.includes(year))
    .map((year) => ({year, quarters: [...byYear.get(year)!].sort()}));
  return {completeYears, shownYear: completeYears.at(-1), partialYears};
}

/**
 * TRADE_YEAR, the year the site shows when it should not be the latest complete
 * one (to publish last year's portraits from newer files, say). Undefined when unset.
 */
export function requestedYear(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.TRADE_YEAR?.trim();
  if (!text) return undefined;
  if (!/^\d{4}$/.test(text)) throw new SourceError(`TRADE_YEAR=${JSON.stringify(text)} : une année sur quatre chiffres est attendue (par exemple TRADE_YEAR=2024), ou rien pour la dernière année complète.`);
  return Number(text);
}

/** The coverage with the year asked for as the year shown; refused unless that year is complete. */
export function withShownYear(coverage: YearCoverage, requested: number | undefined): YearCoverage {
  if (requested === undefined || requested === coverage.shownYear) return coverage;
  if (coverage.completeYears.includes(requested)) return {...coverage, shownYear: requested};
  const complete = `années complètes de la source : ${coverage.completeYears.join(", ") || "aucune"}`;
  const partial = coverage.partialYears.find((p) => p.year === requested);
  throw new SourceError(
    partial
      ? `TRADE_YEAR=${requested} : année incomplète dans la source (trimestres ${partial.quarters.join(", ")} seulement) ; ${complete}.`
      : `TRADE_YEAR=${requested} : année absente de la source ; ${complete}.`
  );
}
