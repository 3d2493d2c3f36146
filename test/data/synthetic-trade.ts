/**
 * A small deterministic canonical table for the query and slice tests, built
 * in code: five départements in two régions (Grand Est: 08, 10, 51;
 * Île-de-France: 75, 92), one unallocated code, six quarters (2023 T3 to
 * 2024 T4, so only 2024 is complete), whole euros (sums are exact in doubles).
 *
 * Also the plain-TS reference computations the tests compare SQL results to.
 */
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {CANONICAL_COLUMNS, type CanonicalRow, type Flow} from "../../src/data/canonical.js";
import {buildSlices, SLICE_COLUMNS} from "../../src/data/slices.js";

export const GRAND_EST = ["08", "10", "51"];
export const ILE_DE_FRANCE = ["75", "92"];
/** A code the territory list does not know: counted in France only. */
export const UNALLOCATED = "00";
/** Every (product, country) cell of 08 has the same value: all ranks are ties, broken by code. */
export const TIED_DEPT = "08";

export const PRODUCTS = ["C10A", "C10B", "C11Z", "C13Z", "C14Z", "C20A", "C20B", "C21Z", "C24A", "C25Z", "C26Z", "C28Z", "C29A", "C30Z"];
export const COUNTRIES = ["DE", "BE", "US", "GB", "CN", "IT", "ES", "NL", "CH", "JP", "PL", "IL", "QU", "ZZ"];

/** Labels: one product without a label (falls back to its code), hostile text, a duplicated label row. */
export const PRODUCT_LABELS: [string, string][] = [
  ["C10A", "Viandes et produits à base de viande"],
  ["C10B", "Produits laitiers"],
  ["C11Z", "Boissons"],
  ["C13Z", "Textiles"],
  ["C14Z", "Articles d'habillement"],
  ["C20A", "Produits chimiques de base"],
  ["C20B", "Parfums et produits pour la toilette"],
  ["C21Z", "Produits pharmaceutiques"],
  ["C24A", "Produits sidérurgiques"],
  ["C25Z", "<img src=x onerror=alert(1)> & « ouvrages »"],
  ["C26Z", "Produits informatiques et électroniques"],
  ["C26Z", "Produits informatiques et électroniques"],
  ["C28Z", "Machines et équipements"],
  ["C29A", "Véhicules automobiles"]
];
export const COUNTRY_LABELS: [string, string][] = [
  ["DE", "Allemagne"],
  ["BE", "Belgique"],
  ["US", "États-Unis"],
  ["GB", "Royaume-Uni"],
  ["CN", "Chine"],
  ["IT", "Italie"],
  ["ES", "Espagne"],
  ["NL", "Pays-Bas"],
  ["CH", "Suisse"],
  ["JP", "Japon"],
  ["PL", "Pologne"],
  ["IL", "Israël"],
  ["QU", "Pays et territoires non déterminés"]
];

/** A code's name as the queries give it: its first label row, or the code itself when it has none. */
const nameIn = (labels: [string, string][]) => (code: string) => labels.find(([c]) => c === code)?.[1] ?? code;
export const productName = nameIn(PRODUCT_LABELS);
export const countryName = nameIn(COUNTRY_LABELS);

/** Park–Miller generator: the same rows on every machine. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export function syntheticRows(): CanonicalRow[] {
  const random = generator(20240);
  const rows: CanonicalRow[] = [];
  const periods = [[2023, 3], [2023, 4], [2024, 1], [2024, 2], [2024, 3], [2024, 4]];
  const depts = [...GRAND_EST, ...ILE_DE_FRANCE, UNALLOCATED];
  for (const [year, quarter] of periods) {
    for (const dept of depts) {
      for (const flow of ["export", "import"] as Flow[]) {
        for (const [p, product] of PRODUCTS.entries()) {
          for (const [c, country] of COUNTRIES.entries()) {
            // The slices read the A129 level; the CPF4 code below it is made up.
            const cpf4 = String(1000 + p);
            if (dept === TIED_DEPT) {
              rows.push({year, quarter, flow, dept, a129: product, product: cpf4, country, value_eur: 1000, mass_kg: null});
              continue;
            }
            // Skewed and sparse, like real trade: big products and partners first.
            if (random() < 0.25) continue;
            const scale = (1 + 3 * random()) * 1e6 / (1 + p) / (1 + c / 2) / (flow === "import" && dept === "92" ? 0.5 : 1);
            rows.push({year, quarter, flow, dept, a129: product, product: cpf4, country, value_eur: Math.round(scale), mass_kg: Math.round(scale / (1 + p))});
          }
        }
      }
    }
  }
  return rows;
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** The rows of a territory id ("D10", "R44", "FR") in a year, as plain TS. */
export function territoryRows(rows: CanonicalRow[], territory: string, year: number): CanonicalRow[] {
  const depts =
    territory === "FR" ? null : territory === "R44" ? GRAND_EST : territory === "R11" ? ILE_DE_FRANCE : [territory.slice(1)];
  return rows.filter((row) => row.year === year && (depts === null || depts.includes(row.dept)));
}

/** Sum by key, then sorted by value desc, key asc: the reference ranking. */
export function ranking(rows: CanonicalRow[], key: (row: CanonicalRow) => string): [string, number][] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.value_eur);
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

async function createTable(connection: DuckDBConnection, name: string, columns: readonly (readonly [string, string])[], rows: unknown[][]) {
  await connection.run(`CREATE OR REPLACE TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(", ")})`);
  const appender = await connection.createAppender(name);
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else if (typeof value === "number") appender.appendDouble(value);
      else appender.appendVarchar(String(value));
    }
    appender.endRow();
  }
  appender.closeSync();
}

export interface CanonicalFixture {
  directory: string;
  rows: CanonicalRow[];
  tradeParquetPath: string;
  productsParquetPath: string;
  countriesParquetPath: string;
  cleanup(): Promise<void>;
}

export interface Fixture extends CanonicalFixture {
  slices: Map<string, Uint8Array>;
}

/** The two label tables, written as products.parquet and countries.parquet. */
async function writeLabelFiles(connection: DuckDBConnection, path: (name: string) => string): Promise<void> {
  const labels = [["code", "VARCHAR"], ["name", "VARCHAR"]] as const;
  await createTable(connection, "products", labels, PRODUCT_LABELS);
  await connection.run(`COPY products TO '${path("products.parquet")}' (FORMAT parquet)`);
  await createTable(connection, "countries", labels, COUNTRY_LABELS);
  await connection.run(`COPY countries TO '${path("countries.parquet")}' (FORMAT parquet)`);
}

interface FixtureFolder {
  directory: string;
  path(name: string): string;
  productsParquetPath: string;
  countriesParquetPath: string;
  cleanup(): Promise<void>;
}

/** A new temporary folder (`prefix`…) filled by `writeData` and the label tables, through one in-memory DuckDB. */
async function writeFixtureFolder(
  prefix: string,
  writeData: (connection: DuckDBConnection, path: (name: string) => string) => Promise<void>
): Promise<FixtureFolder> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  const path = (name: string) => join(directory, name);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await writeData(connection, path);
    await writeLabelFiles(connection, path);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return {
    directory,
    path,
    productsParquetPath: path("products.parquet"),
    countriesParquetPath: path("countries.parquet"),
    cleanup: () => rm(directory, {recursive: true, force: true})
  };
}

/** Writes the canonical and label Parquet files to a temporary folder. */
export async function writeCanonicalFiles(rows = syntheticRows()): Promise<CanonicalFixture> {
  const folder = await writeFixtureFolder("slices-test-", async (connection, path) => {
    const numeric = (t: string) => (t === "VARCHAR" ? t : "DOUBLE");
    await createTable(
      connection,
      "raw",
      CANONICAL_COLUMNS.map(([c, t]) => [c, numeric(t)] as const),
      rows.map((r) => [r.year, r.quarter, r.flow, r.dept, r.a129, r.product, r.country, r.value_eur, r.mass_kg])
    );
    const cast = CANONICAL_COLUMNS.map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`).join(", ");
    await connection.run(`COPY (SELECT ${cast} FROM raw) TO '${path("trade.parquet")}' (FORMAT parquet)`);
  });
  return {
    directory: folder.directory,
    rows,
    tradeParquetPath: folder.path("trade.parquet"),
    productsParquetPath: folder.productsParquetPath,
    countriesParquetPath: folder.countriesParquetPath,
    cleanup: folder.cleanup
  };
}

/** The canonical files and their slices. */
export async function createFixture(rows = syntheticRows()): Promise<Fixture> {
  const files = await writeCanonicalFiles(rows);
  return {...files, slices: await buildSlices(files.tradeParquetPath)};
}

/**
 * Registers some slices the way a page does: several slice files stacked in
 * one table `slice`, plus the label tables.
 */
export async function registerSlices(connection: DuckDBConnection, fixture: Fixture, ids: string[]): Promise<void> {
  const columns = SLICE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE slice (${columns})`);
  for (const id of ids) {
    const file = join(fixture.directory, `slice-${id}.parquet`);
    await writeFile(file, fixture.slices.get(`${id}.parquet`)!);
    await connection.run("INSERT INTO slice SELECT * FROM read_parquet($1)", [file]);
  }
  await connection.run("CREATE OR REPLACE TABLE products AS SELECT * FROM read_parquet($1)", [fixture.productsParquetPath]);
  await connection.run("CREATE OR REPLACE TABLE countries AS SELECT * FROM read_parquet($1)", [fixture.countriesParquetPath]);
}

// ---------------------------------------------------------------------------
// The two 16-quarter tables (products, countries), for the trend tests

/** The 16 quarters of the products-only and countries-only tables: 2021 T1 … 2024 T4. */
export const QUARTERS_16: [number, number][] = [2021, 2022, 2023, 2024].flatMap((year) =>
  [1, 2, 3, 4].map((quarter) => [year, quarter] as [number, number])
);

export interface QuarterlySourceRow {
  year: number;
  quarter: number;
  flow: Flow;
  dept: string;
  /** Product code (products table) or country code (countries table). */
  code: string;
  value_eur: number;
}

export interface QuarterlySourceRows {
  products: QuarterlySourceRow[];
  countries: QuarterlySourceRow[];
}

/**
 * Deterministic 16-quarter product and country rows for the départements of
 * syntheticRows (unallocated code included): whole euros, sparse, growing
 * over time, and a département (51) with no imports at all in 2022 T2.
 * Products and countries are drawn independently, so a territory's two
 * totals differ, as they may in the customs' files.
 */
export function syntheticQuarterlyRows(quarters = QUARTERS_16): QuarterlySourceRows {
  const random = generator(4416);
  const result: QuarterlySourceRows = {products: [], countries: []};
  const depts = [...GRAND_EST, ...ILE_DE_FRANCE, UNALLOCATED];
  for (const [t, [year, quarter]] of quarters.entries()) {
    for (const dept of depts) {
      for (const flow of ["export", "import"] as Flow[]) {
        if (dept === "51" && flow === "import" && year === 2022 && quarter === 2) continue;
        for (const [kind, codes] of [["products", PRODUCTS], ["countries", COUNTRIES]] as const) {
          for (const [i, code] of codes.entries()) {
            if (random() < 0.2) continue;
            const value = Math.round(((1 + 2 * random()) * 4e6 * (1 + t / 20)) / (1 + i));
            result[kind].push({year, quarter, flow, dept, code, value_eur: value});
          }
        }
      }
    }
  }
  return result;
}

/** The rows of a territory id ("D10", "R44", "R11", "FR") in the 16-quarter rows, as plain TS. */
export function quarterlyTerritoryRows(rows: QuarterlySourceRow[], territory: string): QuarterlySourceRow[] {
  const depts =
    territory === "FR" ? null : territory === "R44" ? GRAND_EST : territory === "R11" ? ILE_DE_FRANCE : [territory.slice(1)];
  return rows.filter((row) => depts === null || depts.includes(row.dept));
}

export interface QuarterlyFixture {
  directory: string;
  rows: QuarterlySourceRows;
  productsQuarterlyParquetPath: string;
  countriesQuarterlyParquetPath: string;
  productsParquetPath: string;
  countriesParquetPath: string;
  cleanup(): Promise<void>;
}

/** Writes the two 16-quarter tables (the pipeline's column types) and the label tables. */
export async function writeQuarterlyFiles(rows = syntheticQuarterlyRows()): Promise<QuarterlyFixture> {
  const folder = await writeFixtureFolder("quarterly-test-", async (connection, path) => {
    for (const [kind, column, file] of [
      ["products", "a129", "trade_products_quarterly.parquet"],
      ["countries", "country", "trade_countries_quarterly.parquet"]
    ] as const) {
      const columns = [["year", "DOUBLE"], ["quarter", "DOUBLE"], ["flow", "VARCHAR"], ["dept", "VARCHAR"], [column, "VARCHAR"], ["value_eur", "DOUBLE"]] as const;
      await createTable(connection, `raw_${kind}`, columns, rows[kind].map((r) => [r.year, r.quarter, r.flow, r.dept, r.code, r.value_eur]));
      // The products table holds both levels, as the pipeline writes it: the A129 code and a CPF4 one below it.
      const codes = kind === "products" ? "a129, a129 || '-cpf4' AS product" : column;
      await connection.run(
        `COPY (SELECT CAST(year AS SMALLINT) AS year, CAST(quarter AS TINYINT) AS quarter, flow, dept, ${codes}, value_eur FROM raw_${kind})
         TO '${path(file)}' (FORMAT parquet)`
      );
    }
  });
  return {
    directory: folder.directory,
    rows,
    productsQuarterlyParquetPath: folder.path("trade_products_quarterly.parquet"),
    countriesQuarterlyParquetPath: folder.path("trade_countries_quarterly.parquet"),
    productsParquetPath: folder.productsParquetPath,
    countriesParquetPath: folder.countriesParquetPath,
    cleanup: folder.cleanup
  };
}
