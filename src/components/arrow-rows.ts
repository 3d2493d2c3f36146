/**
 * Arrow query results → plain JavaScript rows, so that pages and components
 * never see Arrow vectors, BigInts or Decimal objects.
 */
import {Type} from "apache-arrow";
import type {DataType, Field} from "apache-arrow";

export type PlainValue = null | boolean | number | string | Date | PlainValue[] | {[key: string]: PlainValue};

/**
 * BigInt → number: the site's figures (euros, counts) stay far below 2^53, and
 * JavaScript arithmetic on mixed number/BigInt throws, so numbers everywhere.
 */
export function toPlainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, toPlainValue);
  if (typeof value === "object") {
    const object = value as {type?: unknown; toArray?: () => unknown; toJSON?: () => unknown};
    // List values are Vectors (they carry a `type`); Struct and Map values are rows with toJSON.
    if (object.type !== undefined && typeof object.toArray === "function") {
      return Array.from(object.toArray() as Iterable<unknown>, toPlainValue);
    }
    const source = typeof object.toJSON === "function" ? object.toJSON() : value;
    if (Array.isArray(source)) return source.map(toPlainValue);
    const plain: {[key: string]: PlainValue} = {};
    for (const [key, entry] of Object.entries(source as object)) plain[key] = toPlainValue(entry);
    return plain;
  }
  throw new Error(`Valeur de résultat inattendue (${typeof value}).`);
}

const TIME_UNITS_PER_SECOND = [1, 1e3, 1e6, 1e9]; // Arrow TimeUnit: SECOND, MILLISECOND, MICROSECOND, NANOSECOND

/** A time of day as "HH:MM:SS" (fractions of a second dropped). */
function timeOfDay(value: number, unit: number): string {
  const seconds = Math.floor(value / TIME_UNITS_PER_SECOND[unit]);
  return [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, "0")).join(":");
}

/** A DECIMAL's little-endian 32-bit words (two's complement) → number. */
function decimalValue(words: Uint32Array, scale: number): number {
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
  const bits = BigInt(32 * words.length);
  if (big >> (bits - 1n)) big -= 1n << bits;
  return Number(big) / 10 ** scale;
}

/**
 * One value read according to its column's Arrow type: Arrow returns dates
 * and timestamps as epoch milliseconds (made `Date` here), times as counts of
 * a unit since midnight, DECIMAL as raw words; everything else as toPlainValue.
 */
export function columnValue(value: unknown, type: DataType): PlainValue {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.Date:
    case Type.Timestamp:
      return typeof value === "number" || typeof value === "bigint" ? new Date(Number(value)) : toPlainValue(value);
    case Type.Time:
      return typeof value === "number" || typeof value === "bigint" ? timeOfDay(Number(value), (type as DataType & {unit: number}).unit) : toPlainValue(value);
    case Type.Decimal:
      return value instanceof Uint32Array ? decimalValue(value, (type as DataType & {scale: number}).scale) : toPlainValue(value);
    default:
      return toPlainValue(value);
  }
}

/** What tableToRows reads: an Arrow Table or RecordBatch (from any copy of apache-arrow). */
export interface ArrowColumns {
  schema: {fields: Field[]};
  numRows: number;
  getChild(name: string): {get(index: number): unknown} | null;
}

/** Every row of an Arrow table (or record batch) as a plain object keyed by column name. */
export function tableToRows<T>(table: ArrowColumns): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((field) => table.getChild(field.name)!);
  const rows: T[] = [];
  for (let index = 0; index < table.numRows; index++) {
    const row: {[key: string]: PlainValue} = {};
    fields.forEach((field, column) => (row[field.name] = columnValue(columns[column].get(index), field.type)));
    rows.push(row as T);
  }
  return rows;
}
