/**
 * What a factsheet offers to take away: the territory's rows — its slice
 * (complete years, flow × product × country, see slices.ts) with the product
 * and country labels beside the codes — as CSV for spreadsheets and as
 * Parquet for DuckDB, Python or R. One pair of files per territory
 * ("D10.csv", "D10.parquet"), written to data/downloads/; the pages link them
 * with <a download>, so they work without JavaScript.
 *
 * Two audiences, two shapes of the same rows: the CSV speaks French to a
 * spreadsheet (French headers, « exportations » / « importations », a
 * `source` column), the Parquet keeps the canonical English column names for
 * whoever forks the site. Built from the demo's synthetic data, both say so
 * three ways (documented on /donnees and in docs/data.md): the file names end
 * in « -demonstration », every CSV row's `source` reads « données
 * synthétiques de démonstration », and the Parquet file's key-value metadata
 * holds `synthetic: true` and the same source.
 */
import {toCsv, type CsvColumn} from "../components/csv.js";
import {LABELS} from "../queries/queries.js";
import {type Flow} from "../data/canonical.js";
import {copyToParquet} from "../data/parquet-output.js";
import {withSliceData, type CanonicalFiles} from "../data/slices.js";
import {allTerritories} from "../data/territory-ids.js";
import {downloadFileName} from "../data/territory-ids.js";

/** Columns of a territory's Parquet download, in order; documented on /donnees. */
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

export type DownloadColumn = (typeof DOWNLOAD_COLUMNS)[number];
export type DownloadRow = Record<DownloadColumn, string | number | null>;

/** The CSV's header for each Parquet column, then its `source` column; documented on /donnees. */
export const CSV_HEADERS: Record<DownloadColumn | "source", string> = {
  territory: "territoire",
  year: "annee",
  flow: "flux",
  product: "code_produit",
  product_name: "produit",
  country: "code_pays",
  country_name: "pays",
  value_eur: "valeur_eur",
  mass_kg: "masse_kg",
  source: "source"
};

/** The flow as a French spreadsheet reads it. */
export const CSV_FLOWS: Record<Flow, string> = {export: "exportations", import: "importations"};

/** The `source` cell of every CSV row and the Parquet metadata's `source`. */
export const DOWNLOAD_SOURCE = {real: "DGDDI / DSECE", synthetic: "données synthétiques de démonstration"} as const;

type CsvRow = Omit<DownloadRow, "flow"> & {flow: string; source: string};

const CSV_COLUMNS: CsvColumn<CsvRow>[] = [...DOWNLOAD_COLUMNS, "source" as const].map((key) => ({key, label: CSV_HEADERS[key]}));

/** A Parquet row as the CSV writes it: French flow names, the source named. */
export function toCsvRow(row: DownloadRow, source: string): CsvRow {
  const flow = CSV_FLOWS[row.flow as Flow];
  if (!flow) throw new Error(`Flux inconnu dans les données de ${String(row.territory)} : « ${String(row.flow)} »`);
  return {...row, flow, source};
}

/**
 * One territory's rows at the A129 level (the slice's CPF4 rows summed: one row per key), with
 * labels (empty when the customs give none), sorted on that key: deterministic files. The sums
 * are of whole euros and kilograms, exact in any order.
 */
const ROWS_SQL = `WITH rows AS (
    SELECT territory, year, flow, product, country, SUM(value_eur) AS value_eur, SUM(mass_kg) AS mass_kg
    FROM slice WHERE territory = $1 GROUP BY ALL
  )
  SELECT r.territory, CAST(r.year AS INTEGER) AS year, r.flow, r.product, p.name AS product_name,
    r.country, c.name AS country_name, r.value_eur, r.mass_kg
  FROM rows AS r
  LEFT JOIN ${LABELS("products")} AS p ON p.code = r.product
  LEFT JOIN ${LABELS("countries")} AS c ON c.code = r.country
  ORDER BY r.year, r.flow, r.product, r.country`;

/** The CSV and Parquet files of every territory, keyed by file name (see downloadFileName). */
export async function buildDownloads(sources: CanonicalFiles, {synthetic}: {synthetic: boolean}): Promise<Map<string, Uint8Array>> {
  const source = synthetic ? DOWNLOAD_SOURCE.synthetic : DOWNLOAD_SOURCE.real;
  const metadata = {source, synthetic: String(synthetic)};
  // The slice and label tables the factsheets are computed from; the rows cover every complete year.
  return withSliceData(sources, {}, async (run, _years, connection) => {
    const files = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    for (const {id} of allTerritories()) {
      const rows = await run<DownloadRow>(ROWS_SQL, [id]);
      files.set(downloadFileName(id, "csv", {synthetic}), encoder.encode(toCsv(rows.map((row) => toCsvRow(row, source)), CSV_COLUMNS)));
      // COPY takes no parameters: the id is bound into a scratch table first.
      await connection.run(`CREATE OR REPLACE TABLE one_download AS ${ROWS_SQL}`, [id]);
      files.set(downloadFileName(id, "parquet", {synthetic}), new Uint8Array(await copyToParquet(connection, "SELECT * FROM one_download", metadata)));
    }
    return files;
  });
}
