/**
 * What a factsheet offers to take away: the territory's rows — its slice
 * (complete years, flow × product × country, see slices.ts) with the product
 * and country labels beside the codes — as CSV for spreadsheets and as
 * Parquet for DuckDB, Python or R. One pair of files per territory
 * ("D10.csv", "D10.parquet"), packed in downloads.zip; the pages link them
 * with <a download>, so they work without JavaScript.
 */
import {toCsv, type CsvColumn} from "../components/csv.ts";
import {LABELS} from "../components/queries.ts";
import {copyToParquet} from "./parquet-output.ts";
import {withSliceData, type CanonicalFiles} from "./slices.ts";
import {allTerritories} from "./territory-ids.ts";
import {downloadFileName} from "./territory-ids.ts";

/** Columns of a territory's download, in order; documented on /donnees. */
export const DOWNLOAD_COLUMNS = [
  "territory",
  "year",
  "flow",
  "product",
  "product_name",
  "country",
  "country_name",
  "value_eur",
  "mass_kg"
] as const;

export type DownloadRow = Record<(typeof DOWNLOAD_COLUMNS)[number], string | number | null>;

// The header row names the columns as the Parquet file does: one schema for both formats.
const CSV_COLUMNS: CsvColumn<DownloadRow>[] = DOWNLOAD_COLUMNS.map((key) => ({key, label: key}));

/** One territory's rows with labels (empty when the customs give none), sorted: deterministic files. */
const ROWS_SQL = `SELECT s.territory, CAST(s.year AS INTEGER) AS year, s.flow, s.product, p.name AS product_name,
    s.country, c.name AS country_name, s.value_eur, s.mass_kg
  FROM slice AS s
  LEFT JOIN ${LABELS("products")} AS p ON p.code = s.product
  LEFT JOIN ${LABELS("countries")} AS c ON c.code = s.country
  WHERE s.territory = $1
  ORDER BY s.year, s.flow, s.product, s.country`;

/** The CSV and Parquet files of every territory, keyed by file name (see downloadFileName). */
export async function buildDownloads(sources: CanonicalFiles): Promise<Map<string, Uint8Array>> {
  // The slice and label tables the factsheets are computed from; the rows cover every complete year.
  return withSliceData(sources, {}, async (run, _years, connection) => {
    const files = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    for (const {id} of allTerritories()) {
      const rows = await run<DownloadRow>(ROWS_SQL, [id]);
      files.set(downloadFileName(id, "csv"), encoder.encode(toCsv(rows, CSV_COLUMNS)));
      // COPY takes no parameters: the id is bound into a scratch table first.
      await connection.run(`CREATE OR REPLACE TABLE one_download AS ${ROWS_SQL}`, [id]);
      files.set(downloadFileName(id, "parquet"), new Uint8Array(await copyToParquet(connection, "SELECT * FROM one_download")));
    }
    return files;
  });
}
