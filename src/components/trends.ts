/**
 * Trends of a territory's trade: DuckDB SQL over the quarterly slices
 * (src/data/quarterly-slices.ts), run through a `Run` like ./queries.ts, so
 * the same functions answer in the page (DuckDB-WASM) and in tests
 * (@duckdb/node-api).
 *
 * Tables they expect:
 *   quarterly(territory, year, quarter, flow, kind, code, value_eur) — kind is
 *     'product' or 'country'; one or several quarterly slices stacked (see
 *     stackQuarterly), every query filters on `territory = $1`;
 *   products(code, name), countries(code, name) — labels; a missing label
 *     falls back to the code.
 *
 * The customs publish the products and the countries tables separately: a
 * territory's total over products and over countries may differ slightly.
 * Totals here sum the products table unless asked otherwise (`basis`).
 */
import {checkCount, checkFlow, FLOWS, num, OTHERS_CODE, OTHERS_NAMES, stackTables, type StackedView} from "../queries/queries.js";
import {type Run} from "../data/run.js";
import {completeYearsOf, type Flow} from "../data/canonical.js";

export type TrendKind = "product" | "country";

const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function checkKind(kind: string): TrendKind {
  if (kind !== "product" && kind !== "country") throw new Error(`Dimension inconnue : « ${kind} » (attendu : product ou country)`);
  return kind;
}

/** "T1 2024": how a reader sees a quarter. */
export function quarterLabel(year: number, quarter: number): string {
  return `T${quarter} ${year}`;
}

/** Relative change (value / previous − 1), or null when there is nothing to compare to. */
export function relativeChange(value: number, previous: number | null): number | null {
  return previous === null || !(previous > 0) ? null : value / previous - 1;
}

// ---------------------------------------------------------------------------
// Registration

const QUARTERLY_VIEW: StackedView = {
  name: "quarterly",
  columns:
    "territory, CAST(year AS SMALLINT) AS year, CAST(quarter AS TINYINT) AS quarter, flow, kind, code, CAST(value_eur AS DOUBLE) AS value_eur",
  empty: "Aucune table trimestrielle à réunir."
};

/**
 * Makes the view `quarterly` over quarterly slices a page registered as
 * separate tables (names checked, see stackTables). A page with one quarterly
 * slice can also register it directly under the name `quarterly`.
 */
export async function stackQuarterly(run: Run, tables: readonly string[]): Promise<void> {
  await stackTables(run, QUARTERLY_VIEW, tables);
}

// ---------------------------------------------------------------------------
// Quarters and complete years

/** The complete years (completeYearsOf, the one rule) of a territory's quarterly rows, ascending. */
export async function completeYears(run: Run, territory: string): Promise<number[]> {
  const rows = await run<{year: unknown; quarter: unknown}>(
    "SELECT DISTINCT CAST(year AS INTEGER) AS year, CAST(quarter AS INTEGER) AS quarter FROM quarterly WHERE territory = $1",
    [territory]
  );
  return completeYearsOf(rows.map((row) => ({year: num(row.year), quarter: num(row.quarter)})));
}

export interface QuarterPoint {
  year: number;
  quarter: number;
  /** "T1 2024" */
  label: string;
  flow: Flow;
  /** Euros. */
  value: number;
  /** Same quarter one year earlier, euros; null when that quarter is not in the data. */
  previousValue: number | null;
  /** value / previousValue − 1; null when previousValue is null or zero. */
  change: number | null;
}

/**
 * Quarterly exports and imports of a territory with their year-over-year
 * change, ordered by flow (export first) then time. Every quarter of the
 * territory's data appears for both flows (0 when a flow has no row that
 * quarter). `basis` says which customs table is summed (default: products).
 */
export async function quarterlyTotals(
  run: Run,
  {territory, basis = "product"}: {territory: string; basis?: TrendKind}
): Promise<QuarterPoint[]> {
  const rows = await run<{year: unknown; quarter: unknown; flow: string; value: unknown; previous: unknown}>(
    `WITH quarters AS (
       SELECT DISTINCT year, quarter FROM quarterly WHERE territory = $1
     ), flows AS (
       SELECT * FROM (VALUES ('export'), ('import')) AS f(flow)
     ), sums AS (
       SELECT year, quarter, flow, SUM(value_eur) AS value
       FROM quarterly WHERE territory = $1 AND kind = $2
       GROUP BY year, quarter, flow
     ), grid AS (
       SELECT q.year, q.quarter, f.flow, COALESCE(s.value, 0) AS value
       FROM quarters AS q CROSS JOIN flows AS f
       LEFT JOIN sums AS s ON s.year = q.year AND s.quarter = q.quarter AND s.flow = f.flow
     )
     SELECT CAST(g.year AS INTEGER) AS year, CAST(g.quarter AS INTEGER) AS quarter, g.flow,
       CAST(g.value AS DOUBLE) AS value, CAST(p.value AS DOUBLE) AS previous
     FROM grid AS g
     LEFT JOIN grid AS p ON p.year = g.year - 1 AND p.quarter = g.quarter AND p.flow = g.flow
     ORDER BY g.flow, g.year, g.quarter`,
    [territory, checkKind(basis)]
  );
  return rows.map((row) => {
    const year = num(row.year);
    const quarter = num(row.quarter);
    const value = num(row.value);
    const previousValue = numOrNull(row.previous);
    return {year, quarter, label: quarterLabel(year, quarter), flow: checkFlow(row.flow), value, previousValue, change: relativeChange(value, previousValue)};
  });
}

// ---------------------------------------------------------------------------
// Complete-year comparison

export interface ComparisonRow {
  /** 1 for the largest in the compared year. */
  rank: number;
  code: string;
  name: string;
  /** Euros in the compared year. */
  value: number;
  /** Euros in the previous year; null when the previous year is not complete. */
  previousValue: number | null;
  /** value / previousValue − 1; null when there is no previous value or it is zero. */
  change: number | null;
}

export interface YearComparison {
  flow: Flow;
  kind: TrendKind;
  /** The compared year: the latest complete year unless asked. */
  year: number;
  /** year − 1 when it is complete, else null. */
  previousYear: number | null;
  /** The flow's total over every code of the kind. */
  total: {value: number; previousValue: number | null; change: number | null};
  /** The top n codes of the compared year, ties broken by code. */
  rows: ComparisonRow[];
}

/**
 * The latest complete year (or `year`) against the previous one, for the top
 * n products or partner countries of a flow. Returns null when the territory
 * has no complete year; throws when `year` is given but not complete.
 */
export async function yearComparison(
  run: Run,
  {territory, flow, kind, n = 10, year}: {territory: string; flow: Flow; kind: TrendKind; n?: number; year?: number}
): Promise<YearComparison | null> {
  checkFlow(flow);
  checkKind(kind);
  checkCount(n);
  const years = await completeYears(run, territory);
  if (years.length === 0) return null;
  const shown = year ?? years.at(-1)!;
  if (!years.includes(shown)) {
    throw new Error(`Année ${shown} absente ou incomplète pour ${territory} ; années complètes : ${years.join(", ")}`);
  }
  const previousYear = years.includes(shown - 1) ? shown - 1 : null;
  const labels = kind === "product" ? "products" : "countries";
  const rows = await run<{rank: unknown; code: string; name: string; value: unknown; previous: unknown; total: unknown; previous_total: unknown}>(
    `WITH base AS (
       SELECT code,
         COALESCE(SUM(value_eur) FILTER (WHERE year = $4), 0) AS value,
         COALESCE(SUM(value_eur) FILTER (WHERE year = $5), 0) AS previous
       FROM quarterly
       WHERE territory = $1 AND flow = $2 AND kind = $3 AND year IN ($4, $5)
       GROUP BY code
     ), ranked AS (
       SELECT *, row_number() OVER (ORDER BY (code = '${OTHERS_CODE}'), value DESC, code) AS rank,
         SUM(value) OVER () AS total, SUM(previous) OVER () AS previous_total
       FROM base
     )
     SELECT CAST(r.rank AS INTEGER) AS rank, r.code,
       CASE WHEN r.code = '${OTHERS_CODE}' THEN '${OTHERS_NAMES[kind]}' ELSE COALESCE(l.name, r.code) END AS name,
       CAST(r.value AS DOUBLE) AS value, CAST(r.previous AS DOUBLE) AS previous,
       CAST(r.total AS DOUBLE) AS total, CAST(r.previous_total AS DOUBLE) AS previous_total
     FROM ranked AS r LEFT JOIN (SELECT code, min(name) AS name FROM ${labels} GROUP BY code) AS l ON l.code = r.code
     WHERE r.rank <= $6
     ORDER BY r.rank`,
    // No previous complete year: year 0 matches no row, and previous values are reported as null.
    [territory, flow, kind, shown, previousYear ?? 0, n]
  );
  const hasPrevious = previousYear !== null;
  const totalValue = num(rows[0]?.total);
  const totalPrevious = hasPrevious ? num(rows[0]?.previous_total) : null;
  return {
    flow,
    kind,
    year: shown,
    previousYear,
    total: {value: totalValue, previousValue: totalPrevious, change: relativeChange(totalValue, totalPrevious)},
    rows: rows
      .filter((row) => num(row.value) > 0)
      .map((row) => {
        const value = num(row.value);
        const previousValue = hasPrevious ? num(row.previous) : null;
        return {rank: num(row.rank), code: String(row.code), name: String(row.name), value, previousValue, change: relativeChange(value, previousValue)};
      })
  };
}

/** The four comparisons of a page: products and partners, exports and imports. */
export async function yearComparisons(
  run: Run,
  options: {territory: string; n?: number; year?: number}
): Promise<YearComparison[]> {
  const result: YearComparison[] = [];
  for (const kind of ["country", "product"] as const) {
    for (const flow of FLOWS) {
      const comparison = await yearComparison(run, {...options, flow, kind});
      if (comparison) result.push(comparison);
    }
  }
  return result;
}
