/**
 * Parquet bytes → Arrow table, in pure JavaScript (hyparquet).
 *
 * DuckDB-WASM has no built-in Parquet reader and cannot download its parquet
 * extension offline, so pages decode the project's Parquet files here and
 * hand DuckDB an Arrow table. Column types are mapped explicitly from the
 * Parquet schema (a SMALLINT stays a SMALLINT in DuckDB, not a DOUBLE).
 */
import * as arrow from "apache-arrow";
import {parquetMetadata, parquetReadObjects, parquetSchema} from "hyparquet";
import type {SchemaElement} from "hyparquet";

/** The Arrow type DuckDB should see for one flat Parquet column. */
export function arrowTypeOf(element: SchemaElement): arrow.DataType {
  const logical = element.logical_type;
  const converted = element.converted_type;
  if (logical?.type === "INTEGER") return integerType(logical.bitWidth, logical.isSigned);
  if (logical?.type === "DECIMAL" || converted === "DECIMAL") return new arrow.Float64();
  if (logical?.type === "DATE" || converted === "DATE") return new arrow.DateDay();
  if (logical?.type === "STRING" || logical?.type === "ENUM" || logical?.type === "JSON") return new arrow.Utf8();
  if (converted === "UTF8" || converted === "ENUM" || converted === "JSON") return new arrow.Utf8();
  const legacyInteger = /^(U?)INT_(8|16|32|64)$/.exec(converted ?? "");
  if (legacyInteger) return integerType(Number(legacyInteger[2]), legacyInteger[1] === "");
  switch (element.type) {
    case "BOOLEAN":
      return new arrow.Bool();
    case "INT32":
      return new arrow.Int32();
    case "INT64":
      return new arrow.Int64();
    case "FLOAT":
      return new arrow.Float32();
    case "DOUBLE":
      return new arrow.Float64();
  }
  throw new Error(
    `Colonne Parquet « ${element.name} » : type non pris en charge (${element.type ?? "groupe"}` +
      `${logical ? ", " + logical.type : converted ? ", " + converted : ""}).`
  );
}

function integerType(bitWidth: number, signed: boolean): arrow.DataType {
  switch (bitWidth) {
    case 8:
      return signed ? new arrow.Int8() : new arrow.Uint8();
    case 16:
      return signed ? new arrow.Int16() : new arrow.Uint16();
    case 32:
      return signed ? new arrow.Int32() : new arrow.Uint32();
    default:
      return signed ? new arrow.Int64() : new arrow.Uint64();
  }
}

/** Decodes a whole Parquet file (flat columns only) into an Arrow table. */
export async function parquetToArrow(bytes: ArrayBuffer): Promise<arrow.Table> {
  const metadata = parquetMetadata(bytes);
  const columns = parquetSchema(metadata).children;
  const nested = columns.find((column) => column.children.length > 0);
  if (nested) throw new Error(`Colonne Parquet « ${nested.element.name} » : les colonnes imbriquées ne sont pas prises en charge.`);
  const rows = await parquetReadObjects({file: bytes, metadata});
  const vectors: Record<string, arrow.Vector> = {};
  for (const {element} of columns) {
    const type = arrowTypeOf(element);
    const values = rows.map((row) => normalizeValue(row[element.name], type));
    vectors[element.name] = arrow.vectorFromArray(values, type);
  }
  return new arrow.Table(vectors);
}

/** hyparquet gives BigInt for every INT64; Arrow wants BigInt only for 64-bit columns. */
function normalizeValue(value: unknown, type: arrow.DataType): unknown {
  if (value === undefined || value === null) return null;
  const is64 = arrow.DataType.isInt(type) && type.bitWidth === 64;
  if (typeof value === "bigint" && !is64) return Number(value);
  if (typeof value === "number" && is64) return BigInt(Math.trunc(value));
  return value;
}
