/**
 * The page's one DuckDB-WASM database.
 *
 * - One instance per page, memoised: each instance fetches and compiles the
 *   34 MB wasm again.
 * - The wasm and the browser worker are served as plain files copied verbatim
 *   from node_modules (loaders in ../data/duckdb/), never from a CDN.
 * - Extension autoloading is off: offline, any attempt to fetch an extension
 *   would fail, and Parquet is read in JavaScript instead (./parquet-to-arrow.ts).
 *
 * Usage in a page:
 *
 *   import {query, registerParquet} from "../components/duckdb.js";
 *   await registerParquet("territories", FileAttachment("../data/territories.parquet").href);
 *
 * Always call a member (`.href`) on FileAttachment in pages: a bare
 * `FileAttachment("x.parquet")` makes Framework add its own Parquet reader
 * (npm:parquet-wasm, npm:apache-arrow), downloaded from a CDN.
 *   const rows = await query("SELECT * FROM territories WHERE region = ?", ["44"]);
 */
import * as duckdb from "@duckdb/duckdb-wasm";
import {tableToIPC} from "apache-arrow";
import {FileAttachment} from "observablehq:stdlib";
import type {FileAttachmentHandle} from "observablehq:stdlib";
import {tableToRows} from "./arrow-rows.js";
import {parquetToArrow} from "./parquet-to-arrow.js";
import {tableRegistry} from "./parquet-registry.js";

let database: Promise<duckdb.AsyncDuckDB> | undefined;
let connection: Promise<duckdb.AsyncDuckDBConnection> | undefined;

/** The page's database, started on first use. */
export function getDatabase(): Promise<duckdb.AsyncDuckDB> {
  return (database ??= startDatabase());
}

async function startDatabase(): Promise<duckdb.AsyncDuckDB> {
  // Marks for measurements (scripts/bench.ts reads "duckdb:ready").
  performance.mark?.("duckdb:start");
  // Absolute URLs: the worker resolves relative URLs against its own location.
  const worker = new Worker(FileAttachment("../data/duckdb/duckdb-browser-eh.worker.js").href);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // An absolute URL (href is one): the worker resolves relative URLs against its own location.
  await db.instantiate(FileAttachment("../data/duckdb/duckdb-eh.wasm").href);
  await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true}});
  const setup = await db.connect();
  try {
    await setup.query("SET autoinstall_known_extensions = false");
    await setup.query("SET autoload_known_extensions = false");
  } finally {
    await setup.close();
  }
  performance.mark?.("duckdb:ready");
  return db;
}

function getConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  return (connection ??= getDatabase().then((db) => db.connect()));
}

/**
 * Runs `sql` and returns plain rows (numbers as numbers, BigInt converted).
 * Values go through `params`, bound to `?` placeholders of a prepared
 * statement — never concatenated into the SQL.
 */
export async function query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const conn = await getConnection();
  if (params.length === 0) return tableToRows<T>(await conn.query(sql));
  const statement = await conn.prepare(sql);
  try {
    return tableToRows<T>(await statement.query(...params));
  } finally {
    await statement.close();
  }
}

/**
 * A connection of its own whose statement can be stopped: `run` sends it as
 * a pending query that the worker executes in slices, so `cancel` (handled
 * between two slices) really stops it, and other connections stay free.
 * After `restartDatabase`, the next `run` connects to the new database.
 */
export interface CancellableSession {
  run(sql: string): Promise<Record<string, unknown>[]>;
  cancel(): Promise<boolean>;
}

export function openCancellableSession(): CancellableSession {
  let current: {db: duckdb.AsyncDuckDB; conn: Promise<duckdb.AsyncDuckDBConnection>} | undefined;
  const connect = async () => {
    const db = await getDatabase();
    if (current?.db !== db) current = {db, conn: db.connect()};
    return current.conn;
  };
  return {
    async run(sql) {
      const conn = await connect();
      // Not streamed: the whole statement runs in the cancellable polls, then the batches are only read.
      const reader = await conn.send(sql, false);
      if (!reader) throw new Error("Le moteur DuckDB a été arrêté.");
      const rows: Record<string, unknown>[] = [];
      for await (const batch of reader) rows.push(...tableToRows<Record<string, unknown>>(batch));
      return rows;
    },
    async cancel() {
      return current ? (await current.conn).cancelSent() : false;
    }
  };
}

/**
 * Stops the page's database for good (its worker terminated, even in the
 * middle of a statement) and forgets its tables: the next call starts a
 * fresh one, on which the tables must be registered again.
 */
export async function restartDatabase(): Promise<void> {
  const old = database;
  database = undefined;
  connection = undefined;
  registerTable = newRegistry();
  const db = await old?.catch(() => undefined);
  await db?.terminate();
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Loads a Parquet file into table `tableName` (decoded in JavaScript, inserted
 * as Arrow). Idempotent: a second call with the same name and file waits for
 * the first load instead of loading again; another file under the same name
 * replaces the table (the dev server's new URL after a loader ran again, see
 * ./parquet-registry.ts).
 */
export function registerParquet(tableName: string, source: string | FileAttachmentHandle): Promise<void> {
  if (!TABLE_NAME.test(tableName)) throw new Error(`Nom de table invalide : « ${tableName} ».`);
  const sourceName = new URL(typeof source === "string" ? source : source.href, document.baseURI).href;
  return registerTable(tableName, sourceName, source);
}

// A fresh registry per database: restartDatabase forgets every table with the old one.
const newRegistry = () => tableRegistry({
  load: (tableName, source) => loadParquet(tableName, source as string | FileAttachmentHandle),
  drop: async (tableName) => {
    // The name passed TABLE_NAME: safe to write in the statement.
    await (await getConnection()).query(`DROP TABLE IF EXISTS "${tableName}"`);
  }
});
let registerTable = newRegistry();

async function loadParquet(tableName: string, source: string | FileAttachmentHandle): Promise<void> {
  const [table, conn] = await Promise.all([readBytes(source).then(parquetToArrow), getConnection()]);
  // As IPC bytes, not insertArrowTable: that one silently inserts nothing when
  // the Table comes from another copy of apache-arrow (e.g. ESM vs CJS build).
  await conn.insertArrowFromIPCStream(tableToIPC(table, "stream"), {name: tableName, create: true});
}

async function readBytes(source: string | FileAttachmentHandle): Promise<ArrayBuffer> {
  if (typeof source !== "string") return source.arrayBuffer();
  const response = await fetch(source);
  if (!response.ok) throw new Error(`Impossible de charger « ${source} » (HTTP ${response.status}).`);
  return response.arrayBuffer();
}
