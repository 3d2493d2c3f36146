/**
 * The two engines the query tests compare. The loaders' @duckdb/node-api
 * with slices registered as a page does; and the page's own path run in
 * Node: Parquet bytes decoded by hyparquet into Arrow, inserted into
 * DuckDB-WASM (the blocking Node build of the same wasm), rows made plain by
 * the same `tableToRows` as in the browser, values bound in prepared statements.
 */
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {tableToIPC} from "apache-arrow";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {tableToRows} from "../../src/components/arrow-rows.js";
import {parquetToArrow} from "../../src/components/parquet-to-arrow.js";
import type {Run} from "../../src/data/run.js";
import {nodeRun} from "../../src/data/slices.js";
import {createFixture, registerSlices, type Fixture} from "../data/synthetic-trade.js";

/** An open @duckdb/node-api database over a fixture's files. */
export interface NodeEngine<F extends {cleanup(): Promise<void>} = Fixture> {
  fixture: F;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  run: Run;
}

/** The synthetic fixture, with the slices `ids` registered in @duckdb/node-api as a page does (one table `slice`, plus labels). */
export async function openNodeSlices(ids: string[]): Promise<NodeEngine> {
  const fixture = await createFixture();
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    await registerSlices(connection, fixture, ids);
    return {fixture, instance, connection, run: nodeRun(connection)};
  } catch (error) {
    await closeNode({fixture, instance, connection});
    throw error;
  }
}

/** Closes the connection and the database, then removes the fixture's files; any part may be missing. */
export async function closeNode(engine: Partial<NodeEngine<{cleanup(): Promise<void>}>> | undefined): Promise<void> {
  engine?.connection?.closeSync();
  engine?.instance?.closeSync();
  await engine?.fixture?.cleanup();
}

export interface WasmEngine {
  /** Runs SQL as the page's `query` does: no parameters → a plain query, otherwise a prepared statement. */
  run: Run;
  /** Decodes Parquet bytes (hyparquet → Arrow) and inserts them as a new table. */
  insert(table: string, bytes: Uint8Array): Promise<void>;
}

/** Label tables as written by a fixture, the same in every test. */
export interface LabelFiles {
  productsParquetPath: string;
  countriesParquetPath: string;
}

/** Opens DuckDB-WASM, hands it to `use`, and closes the connection whatever happens. */
export async function withWasm<T>(use: (engine: WasmEngine) => Promise<T>): Promise<T> {
  const require = createRequire(import.meta.url);
  const duckdb = require("@duckdb/duckdb-wasm/blocking");
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  const module = (name: string) => ({mainModule: join(dist, name), mainWorker: ""});
  const db = await duckdb.createDuckDB({mvp: module("duckdb-mvp.wasm"), eh: module("duckdb-eh.wasm")}, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  const wasm = db.connect();
  try {
    const insert = async (table: string, bytes: Uint8Array) => {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      wasm.insertArrowFromIPCStream(tableToIPC(await parquetToArrow(buffer), "stream"), {name: table, create: true});
    };
    const run: Run = async <T,>(sql: string, params: unknown[]) => {
      if (params.length === 0) return tableToRows<T>(wasm.query(sql));
      const statement = wasm.prepare(sql);
      try {
        return tableToRows<T>(statement.query(...params));
      } finally {
        statement.close();
      }
    };
    return await use({run, insert});
  } finally {
    wasm.close();
  }
}

/** Inserts the label tables `products` and `countries`, as every page registers them. */
export async function insertLabels(engine: WasmEngine, files: LabelFiles): Promise<void> {
  await engine.insert("products", await readFile(files.productsParquetPath));
  await engine.insert("countries", await readFile(files.countriesParquetPath));
}
