/**
 * The canonical fact table: the contract between source adapters and pages
 * (see ../shared/design/DATA.md). Every adapter produces these rows.
 */
export type Flow = "export" | "import";

export interface CanonicalRow {
  year: number; // SMALLINT
  quarter: number; // TINYINT, 1–4
  flow: Flow;
  dept: string; // INSEE code as a string: "01", "2A", "974"
  product: string; // product code as in the source
  country: string; // 2-letter customs code
  value_eur: number; // euros (source is k€ with three decimals)
}

/** DuckDB DDL of the canonical table, in column order. */
export const CANONICAL_COLUMNS = [
  ["year", "SMALLINT"],
  ["quarter", "TINYINT"],
  ["flow", "VARCHAR"],
  ["dept", "VARCHAR"],
  ["product", "VARCHAR"],
  ["country", "VARCHAR"],
  ["value_eur", "DOUBLE"]
] as const;
