/**
 * Build-time aggregation of the canonical table into per-territory slices.
 *
 * A slice is one small Parquet file per territory (`D10.parquet`,
 * `R44.parquet`, `FR.parquet`) with the columns of SLICE_COLUMNS: the sum over
 * the four quarters of each complete year (a year whose four quarters are all
 * present in the canonical table), per flow × product (A129) × CPF4 ×
 * country. A région sums its départements (src/data/territories.ts, Monaco in
 * Provence-Alpes-Côte d'Azur); France sums every row of the canonical table,
 * including any département code the territory list does not know
 * (unallocated trade is still French trade).
 *
 * Pages stack the slices they need in one DuckDB table named `slice` and query
 * it with src/queries/queries.ts — the same functions the build runs over
 * `withSliceData` with @duckdb/node-api (src/factsheet/territory-figures.ts).
 */
import {type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import {completeYearsOf, FRANCE_ID} from "./canonical.js";
import type {Run} from "./run.js";
import {copyToParquet, withDuckDB} from "./parquet-output.js";
import {corsicaAsPublished, departements, EXTRA_DATA_DEPARTEMENTS, type CorsicaForm} from "./territories.js";
import {allTerritories, findTerritory, sliceFileName, type TerritoryInfo} from "./territory-ids.js";

export const SLICE_COLUMNS = [
  ["territory", "VARCHAR"],
  ["year", "SMALLINT"],
  ["flow", "VARCHAR"],
  ["product", "VARCHAR"],
  ["cpf4", "VARCHAR"],
  ["country", "VARCHAR"],
  ["value_eur", "DOUBLE"],
  ["mass_kg", "DOUBLE"]
] as const;


/** A `Run` over a @duckdb/node-api connection, returning plain JS rows like the page's client. */
export function nodeRun(connection: DuckDBConnection): Run {
  return async <T>(sql: string, params: unknown[]) => {
    const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJS() as T[];
  };
}

/** A table written only to be read back on the same connection: TEMP or not. */
interface ScratchTable {
  temp: boolean;
}

/**
 * Creates `table` (dept, region, page): every département code the data may
 * carry with its région, which the slice tables join to sum régions; `page`
 * is false for codes that count in a région without a page of their own
 * (Monaco, in Provence-Alpes-Côte d'Azur).
 */
export async function createDeptRegionTable(connection: DuckDBConnection, table: string, {temp}: ScratchTable): Promise<void> {
  await connection.run(`CREATE OR REPLACE ${temp ? "TEMP " : ""}TABLE ${table} (dept VARCHAR, region VARCHAR, page BOOLEAN)`);
  const appender = await connection.createAppender(table);
  const rows = [...departements.map((d) => ({...d, page: true})), ...EXTRA_DATA_DEPARTEMENTS.map((d) => ({...d, page: false}))];
  for (const d of rows) {
    appender.appendVarchar(d.code);
    appender.appendVarchar(d.regionCode);
    appender.appendBoolean(d.page);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * The rows of one territory of `table`, as Parquet bytes sorted by `orderBy`
 * (deterministic, compact). COPY takes no parameters: the rows are filtered
 * into the table `scratch` first, with the id bound.
 */
export async function territoryParquet(
  connection: DuckDBConnection,
  {table, id, orderBy, scratch, temp}: ScratchTable & {table: string; id: string; orderBy: string; scratch: string}
): Promise<Uint8Array> {
  await connection.run(`CREATE OR REPLACE ${temp ? "TEMP " : ""}TABLE ${scratch} AS SELECT * FROM ${table} WHERE territory = $1`, [id]);
  return new Uint8Array(await copyToParquet(connection, `SELECT * FROM ${scratch} ORDER BY ${orderBy}`));
}

/**
 * Creates the table `slice` holding every territory's slice, from the canonical
 * Parquet file. Fails, naming the quarters found, when no year is complete.
 * Returns the complete years, ascending.
 */
export async function createSliceTable(connection: DuckDBConnection, canonicalParquetPath: string): Promise<number[]> {
  await connection.run("CREATE OR REPLACE TABLE trade AS SELECT * FROM read_parquet($1)", [canonicalParquetPath]);
  const periods = (
    await connection.runAndReadAll(
      `SELECT CAST(year AS INTEGER) AS year, list_sort(list(DISTINCT CAST(quarter AS INTEGER))) AS quarters
       FROM trade GROUP BY year ORDER BY year`
    )
  ).getRowObjectsJS() as {year: number; quarters: number[]}[];
  const complete = completeYearsOf(periods.flatMap(({year, quarters}) => quarters.map((quarter) => ({year, quarter}))));
  if (complete.length === 0) {
    const seen = periods.map((p) => `${p.year} : T${p.quarters.join(", T")}`).join(" ; ") || "aucune ligne";
    throw new Error(
      `Aucune année complète (4 trimestres) dans ${canonicalParquetPath} — trimestres trouvés : ${seen}. ` +
        "Les fiches ne montrent que des années complètes : vérifiez les fichiers téléchargés."
    );
  }

  await createDeptRegionTable(connection, "dept_region", {temp: false});

  const columns = SLICE_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE slice (${columns})`);
  // One pass per territory level, over complete years only.
  await connection.run(
    `INSERT INTO slice
     WITH kept AS (
       -- The slices' products are the A129 level (the reference factsheet's « activités »);
       -- a product without one (a region-zip code outside the nomenclature) stands at its own code.
       SELECT t.year, t.flow, t.dept, coalesce(t.a129, t.product) AS product, t.product AS cpf4, t.country, t.value_eur, t.mass_kg, m.region, m.page
       FROM trade AS t LEFT JOIN dept_region AS m USING (dept)
       WHERE t.year IN (${complete.map(Number).join(", ")})
     )
     SELECT 'D' || dept, year, flow, product, cpf4, country, SUM(value_eur), SUM(mass_kg) FROM kept WHERE page GROUP BY ALL
     UNION ALL
     SELECT 'R' || region, year, flow, product, cpf4, country, SUM(value_eur), SUM(mass_kg) FROM kept WHERE region IS NOT NULL GROUP BY ALL
     UNION ALL
     SELECT $1, year, flow, product, cpf4, country, SUM(value_eur), SUM(mass_kg) FROM kept GROUP BY ALL
     -- Stored by territory: each per-territory filter below then skips most row groups.
     ORDER BY 1, 2, 3, 4, 5, 6`,
    [FRANCE_ID]
  );
  return complete;
}

/** The rows of one territory from a slice table, as Parquet bytes (sorted: deterministic, compact). */
function sliceBytes(connection: DuckDBConnection, id: string): Promise<Uint8Array> {
  return territoryParquet(connection, {table: "slice", id, orderBy: "year, flow, product, cpf4, country", scratch: "one_slice", temp: false});
}

/**
 * Writes one Parquet slice per territory (every département, région and
 * France, even when a territory has no rows), plus the reduced slices of
 * régions and France, keyed by file name.
 */
export async function buildSlices(canonicalParquetPath: string): Promise<Map<string, Uint8Array>> {
  return withDuckDB(async (connection) => {
    await createSliceTable(connection, canonicalParquetPath);
    const files = new Map<string, Uint8Array>();
    for (const {id} of allTerritories()) files.set(sliceFileName(id), await sliceBytes(connection, id));
    return files;
  });
}

export interface CanonicalFiles {
  tradeParquetPath: string;
  productsParquetPath?: string;
  countriesParquetPath?: string;
}

/** What a query over the slice table knows of the data: the year shown and every complete year. */
export interface SliceYears {
  year: number;
  completeYears: number[];
}

/**
 * Runs `work` on a DuckDB connection holding the `slice` table and the label
 * tables, the ones the page's client queries: for the latest complete year,
 * or `year`.
 */
export async function withSliceData<T>(
  files: CanonicalFiles,
  options: {year?: number},
  work: (run: Run, years: SliceYears, connection: DuckDBConnection) => Promise<T>
): Promise<T> {
  return withDuckDB(async (connection) => {
    const completeYears = await createSliceTable(connection, files.tradeParquetPath);
    const year = options.year ?? completeYears.at(-1)!;
    if (!completeYears.includes(year)) {
      throw new Error(`Année ${year} absente ou incomplète ; années complètes : ${completeYears.join(", ")}`);
    }
    await createLabelTable(connection, "products", files.productsParquetPath);
    await createLabelTable(connection, "countries", files.countriesParquetPath);
    return work(nodeRun(connection), {year, completeYears}, connection);
  });
}

/** How the canonical table (`trade`, see createSliceTable) publishes Corsica. */
export async function corsicaForm(run: Run): Promise<CorsicaForm> {
  const rows = await run<{dept: string}>("SELECT DISTINCT dept FROM trade WHERE dept IN ('20', '2A', '2B')", []);
  return corsicaAsPublished(rows.map((row) => row.dept));
}

/** Trade of one département code that has no page of its own (Monaco, codes the site cannot place), for the year shown. */
export interface OutsideDepartement {
  code: string;
  /** "Monaco", or null for a code the site does not know. */
  name: string | null;
  /** INSEE région it counts in, or null when it counts in France only. */
  region: string | null;
  export: number;
  import: number;
}

/** Totals of the year of every département code without a page (see OutsideDepartement). */
export async function outsideDepartements(run: Run, year: number): Promise<OutsideDepartement[]> {
  const rows = await run<{dept: string; region: string | null; exports: number; imports: number}>(
    `SELECT t.dept, m.region,
       CAST(COALESCE(SUM(t.value_eur) FILTER (WHERE t.flow = 'export'), 0) AS DOUBLE) AS exports,
       CAST(COALESCE(SUM(t.value_eur) FILTER (WHERE t.flow = 'import'), 0) AS DOUBLE) AS imports
     FROM trade AS t LEFT JOIN dept_region AS m USING (dept)
     WHERE t.year = $1 AND NOT coalesce(m.page, false)
     GROUP BY ALL ORDER BY t.dept`,
    [year]
  );
  return rows.map((row) => ({
    code: String(row.dept),
    name: EXTRA_DATA_DEPARTEMENTS.find((d) => d.code === row.dept)?.name ?? null,
    region: row.region === null ? null : String(row.region),
    export: Number(row.exports),
    import: Number(row.imports)
  }));
}

/** A label table `name(code, name)` from a Parquet file, or empty (labels then fall back to codes). */
async function createLabelTable(connection: DuckDBConnection, name: "products" | "countries", path?: string): Promise<void> {
  if (path) {
    await connection.run(
      `CREATE OR REPLACE TABLE ${name} AS SELECT CAST(code AS VARCHAR) AS code, CAST(name AS VARCHAR) AS name FROM read_parquet($1)`,
      [path]
    );
  } else {
    await connection.run(`CREATE OR REPLACE TABLE ${name} (code VARCHAR, name VARCHAR)`);
  }
}
