/**
 * Build-time per-territory quarterly slices, for the trends of the factsheets.
 *
 * From the two quarterly tables of the customs pipeline (products:
 * year, quarter, flow, dept, a129, product, value_eur; countries: year,
 * quarter, flow, dept, country, value_eur; products at the A129 level here), one small Parquet file per territory
 * (`D10.parquet`, `R44.parquet`, `FR.parquet`) with the columns of
 * QUARTERLY_COLUMNS: `kind` says which table a row comes from ('product' or
 * 'country') and `code` holds the product or country code.
 *
 * A département holds its own rows, a région the sum of its départements
 * (src/data/territories.ts), France the sum of every row, including any
 * département code the territory list does not know (unallocated trade is
 * still French trade). Every quarter is kept, complete year or not: the
 * queries of src/components/trends.ts decide what is a complete year.
 *
 * The two tables are published separately by the customs: a territory's total
 * over products and over countries can differ (confidentiality); the trend
 * queries say which one they sum.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {withDuckDB} from "./parquet-output.js";
import {createDeptRegionTable, territoryParquet} from "./slices.js";
import {allTerritories} from "./territory-ids.js";
import {FRANCE_ID} from "./canonical.js";

export const QUARTERLY_COLUMNS = [
  ["territory", "VARCHAR"],
  ["year", "SMALLINT"],
  ["quarter", "TINYINT"],
  ["flow", "VARCHAR"],
  ["kind", "VARCHAR"],
  ["code", "VARCHAR"],
  ["value_eur", "DOUBLE"]
] as const;

export type QuarterlyKind = "product" | "country";

/** One row of a quarterly slice, as hyparquet or DuckDB read it. */
export interface QuarterlySliceRow {
  territory: string;
  year: number;
  quarter: number;
  flow: "export" | "import";
  kind: QuarterlyKind;
  code: string;
  value_eur: number;
}

export interface QuarterlySources {
  productsQuarterlyParquetPath: string;
  countriesQuarterlyParquetPath: string;
}

/** File name of a territory's quarterly slice (data/quarterly/): "D10.parquet". */
export const quarterlySliceFileName = (id: string) => `${id}.parquet`;

/**
 * Creates the table `quarterly` holding every territory's quarterly rows
 * (QUARTERLY_COLUMNS), from the two 16-quarter Parquet files. Fails with the
 * file name when a file lacks an expected column.
 */
export async function createQuarterlyTable(connection: DuckDBConnection, sources: QuarterlySources): Promise<void> {
  for (const [path, column] of [
    [sources.productsQuarterlyParquetPath, "a129"],
    [sources.countriesQuarterlyParquetPath, "country"]
  ] as const) {
    const found = (
      await connection.runAndReadAll("SELECT name FROM parquet_schema($1) WHERE name <> 'duckdb_schema'", [path])
    ).getRowObjectsJS() as {name: string}[];
    const names = found.map((row) => String(row.name));
    const missing = ["year", "quarter", "flow", "dept", column, "value_eur"].filter((name) => !names.includes(name));
    if (missing.length > 0) {
      throw new Error(
        `Colonnes absentes de ${path} : ${missing.join(", ")} (colonnes trouvées : ${names.join(", ") || "aucune"}). ` +
          "Attendu : la table trimestrielle du pipeline des douanes."
      );
    }
  }

  await createDeptRegionTable(connection, "quarterly_dept_region", {temp: true});

  const columns = QUARTERLY_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE quarterly (${columns})`);
  await connection.run(
    `INSERT INTO quarterly
     WITH rows AS (
       SELECT CAST(year AS SMALLINT) AS year, CAST(quarter AS TINYINT) AS quarter, CAST(flow AS VARCHAR) AS flow,
         CAST(dept AS VARCHAR) AS dept, 'product' AS kind, CAST(coalesce(a129, product) AS VARCHAR) AS code, CAST(value_eur AS DOUBLE) AS value_eur
       FROM read_parquet($1)
       UNION ALL
       SELECT CAST(year AS SMALLINT), CAST(quarter AS TINYINT), CAST(flow AS VARCHAR),
         CAST(dept AS VARCHAR), 'country', CAST(country AS VARCHAR), CAST(value_eur AS DOUBLE)
       FROM read_parquet($2)
     ), kept AS (
       SELECT r.*, m.region, m.page FROM rows AS r LEFT JOIN quarterly_dept_region AS m USING (dept)
     )
     SELECT 'D' || dept, year, quarter, flow, kind, code, SUM(value_eur) FROM kept WHERE page GROUP BY ALL
     UNION ALL
     SELECT 'R' || region, year, quarter, flow, kind, code, SUM(value_eur) FROM kept WHERE region IS NOT NULL GROUP BY ALL
     UNION ALL
     SELECT $3, year, quarter, flow, kind, code, SUM(value_eur) FROM kept GROUP BY ALL
     ORDER BY 1, 2, 3, 4, 5, 6`,
    [sources.productsQuarterlyParquetPath, sources.countriesQuarterlyParquetPath, FRANCE_ID]
  );
}

/** One territory's rows as Parquet bytes, sorted (deterministic, compact). */
function quarterlyBytes(connection: DuckDBConnection, id: string): Promise<Uint8Array> {
  return territoryParquet(connection, {table: "quarterly", id, orderBy: "year, quarter, flow, kind, code", scratch: "one_quarterly", temp: true});
}

/**
 * One quarterly Parquet slice per territory (every département, région and
 * France, even a territory without rows), keyed by file name
 * (published by src/factsheet/data-files.ts).
 */
export async function buildQuarterlySlices(sources: QuarterlySources): Promise<Map<string, Uint8Array>> {
  return withDuckDB(async (connection) => {
    await createQuarterlyTable(connection, sources);
    const files = new Map<string, Uint8Array>();
    for (const {id} of allTerritories()) files.set(quarterlySliceFileName(id), await quarterlyBytes(connection, id));
    return files;
  });
}
