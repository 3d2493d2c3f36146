/**
 * The canonical fact table: the contract between source adapters and pages
 * (documented on the site's /donnees page). Every adapter produces these rows.
 */
export type Flow = "export" | "import";

/** Territory id of France in the slices (départements are "D" + code, régions "R" + code). */
export const FRANCE_ID = "FR";

export interface CanonicalRow {
  year: number; // SMALLINT
  quarter: number; // TINYINT, 1–4
  flow: Flow;
  /** Département as the source publishes it, overseas mapped to INSEE ("9D" → "974"); "20" Corsica where the source has one; "99" Monaco. */
  dept: string;
  /** NA 2008 A129 position ("C14Z"); derived from the CPF4 code for sources without one. */
  a129: string | null;
  /** CPF4 class: four digits, no dot ("1413"). */
  product: string;
  country: string; // 2-letter customs code
  value_eur: number; // euros
  /** Kilograms; null when the source has no mass (the region zips) or the line leaves it empty. */
  mass_kg: number | null;
}

/** DuckDB DDL of the canonical table (trade.parquet), in column order. */
export const CANONICAL_COLUMNS = [
  ["year", "SMALLINT"],
  ["quarter", "TINYINT"],
  ["flow", "VARCHAR"],
  ["dept", "VARCHAR"],
  ["a129", "VARCHAR"],
  ["product", "VARCHAR"],
  ["country", "VARCHAR"],
  ["value_eur", "DOUBLE"],
  ["mass_kg", "DOUBLE"]
] as const;

/** products.parquet: both levels' labels in one table (codes cannot collide: "C14Z" vs "1413"). */
export const PRODUCT_LABEL_COLUMNS = [
  ["code", "VARCHAR"],
  ["name", "VARCHAR"],
  ["level", "VARCHAR"] // 'a129' | 'cpf4'
] as const;

export type ProductLevel = "a129" | "cpf4";

/**
 * The one rule of a complete year: its four quarters are all in the table. The site shows
 * complete years only (the pipeline, the slices and the pages' live queries all ask this).
 */
export function completeYearsOf(periods: Iterable<{year: number; quarter: number}>): number[] {
  const byYear = new Map<number, Set<number>>();
  for (const {year, quarter} of periods) byYear.set(year, (byYear.get(year) ?? new Set()).add(quarter));
  return [...byYear].filter(([, quarters]) => [1, 2, 3, 4].every((q) => quarters.has(q))).map(([year]) => year).sort((a, b) => a - b);
}
