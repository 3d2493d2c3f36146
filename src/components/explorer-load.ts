/**
 * Loading a large Parquet file (trade.parquet: over a million rows) into the
 * page's DuckDB-WASM database, column by column.
 *
 * ./parquet-to-arrow.ts builds one JavaScript object per row, fine for the
 * few-kilobyte slices but about five times slower on the canonical table.
 * Here hyparquet hands over each column chunk, the values go straight into one
 * array per column, and text columns become dictionary-encoded Arrow vectors
 * (few distinct values: flows, départements, products, countries).
 */
import * as arrow from "apache-arrow";
import {parquetMetadata, parquetRead, parquetSchema} from "hyparquet";
import {getDatabase} from "./duckdb.js";
import {arrowTypeOf} from "./parquet-to-arrow.js";

/** Parquet bytes → Arrow table, columnar; text as dictionaries. */
export async function parquetToArrowColumns(bytes: ArrayBuffer): Promise<arrow.Table> {
  const metadata = parquetMetadata(bytes);
  const columns = parquetSchema(metadata).children;
  const nested = columns.find((column) => column.children.length > 0);
  if (nested) throw new Error(`Colonne Parquet « ${nested.element.name} » : les colonnes imbriquées ne sont pas prises en charge.`);
  const rowCount = Number(metadata.num_rows);
  const data = new Map<string, unknown[]>(columns.map(({element}) => [element.name, new Array(rowCount)]));
  await parquetRead({
    file: bytes,
    metadata,
    onChunk({columnName, columnData, rowStart}) {
      const target = data.get(columnName);
      if (!target) return;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
    }
  });
  const vectors: Record<string, arrow.Vector> = {};
  for (const {element} of columns) {
    const type = arrowTypeOf(element);
    const values = data.get(element.name)!;
    if (arrow.DataType.isUtf8(type)) {
      vectors[element.name] = arrow.vectorFromArray(values as (string | null)[], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()));
      continue;
    }
    const is64 = arrow.DataType.isInt(type) && type.bitWidth === 64;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === undefined) values[i] = null;
      else if (typeof v === "bigint" && !is64) values[i] = Number(v);
      else if (typeof v === "number" && is64) values[i] = BigInt(Math.trunc(v));
    }
    vectors[element.name] = arrow.vectorFromArray(values, type);
  }
  return new arrow.Table(vectors);
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface LoadReport {
  bytes: number;
  rows: number;
  milliseconds: number;
}

/** Downloads `url` and loads it as table `tableName` (replacing it). Reports size, rows and time. */
export async function loadLargeParquet(tableName: string, url: string, onStep: (step: string) => void = () => {}): Promise<LoadReport> {
  if (!TABLE_NAME.test(tableName)) throw new Error(`Nom de table invalide : « ${tableName} ».`);
  const start = performance.now();
  onStep("téléchargement");
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Impossible de charger « ${url} » (HTTP ${response.status}).`);
  const bytes = await response.arrayBuffer();
  onStep("décodage");
  const table = await parquetToArrowColumns(bytes);
  onStep("chargement dans DuckDB");
  const db = await getDatabase();
  const connection = await db.connect();
  try {
    await connection.query(`DROP TABLE IF EXISTS ${tableName}`);
    await connection.insertArrowFromIPCStream(arrow.tableToIPC(table, "stream"), {name: tableName, create: true});
  } finally {
    await connection.close();
  }
  return {bytes: bytes.byteLength, rows: table.numRows, milliseconds: performance.now() - start};
}
