/**
 * The canonical fact table: the contract between source adapters and pages
 * (see ../shared/design/DATA.md). Every adapter produces these rows.
 */
export type Flow = "export" | "import";

export interface CanonicalRow {
  year: number; // SMALLINT
  quarter: number; // TINYINT, 1–4
  flow: Flow;
  dept: string; // as the source publishes it, overseas mapped to INSEE: "01", "20" (one Corsica), "2A", "974", "99" (Monaco)
  a129: string; // NA 2008 A129 code: "C14Z" (the factsheet's « activités »)
  product: string; // CPF4, four digits: "1413"
  country: string; // 2-letter customs code
  value_eur: number; // euros
  mass_kg: number | null; // kilograms, null where the source has no masses
}

/** DuckDB DDL of the canonical table, in column order. */
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
