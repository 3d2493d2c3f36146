/**
 * Writing Parquet at build time: build a table in an in-memory DuckDB,
 * COPY a query of it to a temporary Parquet file, hand back the bytes.
 *
 * SNAPPY compression on purpose: the browser decodes these files with
 * hyparquet, which reads SNAPPY and uncompressed but not ZSTD without an
 * extra package (see the README, « How it stays offline »).
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import {removeTemporary, temporaryFolder} from "./douanes/temporary.js";

export interface DuckDBOptions {
  /**
   * Bounds DuckDB's memory (e.g. "512MB"): the database then lives in a
   * temporary file, and what does not fit spills to a temporary folder, both
   * removed afterwards (and on SIGTERM, see douanes/temporary.ts).
   */
  memoryLimit?: string;
}

export async function withDuckDB<T>(work: (connection: DuckDBConnection) => Promise<T>, options: DuckDBOptions = {}): Promise<T> {
  const folder = options.memoryLimit ? temporaryFolder("duckdb-") : undefined;
  const instance = folder
    ? await DuckDBInstance.create(join(folder, "work.duckdb"), {memory_limit: options.memoryLimit!, temp_directory: join(folder, "spill")})
    : await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
    if (folder) await removeTemporary(folder);
  }
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Runs `COPY (selectSql) TO … (FORMAT parquet)` and returns the file's bytes.
 * `metadata` goes into the file's key-value metadata (any Parquet reader
 * shows it: `SELECT * FROM parquet_kv_metadata('f.parquet')` in DuckDB).
 */
export async function copyToParquet(connection: DuckDBConnection, selectSql: string, metadata: Record<string, string> = {}): Promise<Buffer> {
  const directory = temporaryFolder("parquet-out-");
  const path = join(directory, "out.parquet");
  const entries = Object.entries(metadata);
  for (const [key] of entries) if (!/^[a-z_]+$/.test(key)) throw new Error(`Clé de métadonnée Parquet invalide : « ${key} »`);
  const kv = entries.length ? `, KV_METADATA {${entries.map(([key, value]) => `${key}: ${sqlString(value)}`).join(", ")}}` : "";
  try {
    await connection.run(
      `COPY (${selectSql}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880${kv})`
    );
    return await readFile(path);
  } finally {
    await removeTemporary(directory);
  }
}
