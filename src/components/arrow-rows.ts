/**
 * Arrow query results → plain JavaScript rows, so that pages and components
 * never see Arrow vectors, BigInts or Decimal objects.
 */
import type {Table} from "apache-arrow";

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

/** Every row of an Arrow table as a plain object keyed by column name. */
export function tableToRows<T>(table: Table): T[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((name) => table.getChild(name)!);
  const rows: T[] = [];
  for (let index = 0; index < table.numRows; index++) {
    const row: {[key: string]: PlainValue} = {};
    names.forEach((name, column) => (row[name] = toPlainValue(columns[column].get(index))));
    rows.push(row as T);
  }
  return rows;
}
