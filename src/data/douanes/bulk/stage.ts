/**
 * One bulk file into the `bulk` staging table, at DuckDB's speed: DuckDB's
 * own CSV reader with every field as text, then the checks and casts in one
 * SQL projection, so that a national file of millions of lines never crosses
 * into JavaScript. Every line becomes one row of `bulk`, kept (`reason` NULL)
 * or rejected (`reason` = a code of reasons.ts); its line number is its
 * position: `rowid - firstRow + 1` (insertion order is preserved).
 *
 * Two ways to split the lines, same projection:
 *   - fields: the CSV reader splits on `;` into eleven columns padded with
 *     NULL (an eleventh column present = too many fields, a NULL among the
 *     ten = too few). It skips blank lines, so it is used only when a scan
 *     of the bytes found none (and no lone carriage return): then rows and
 *     lines match one to one, which is checked after the insert.
 *   - lines: each line as one text column (blank lines kept, as NULL), split
 *     in SQL. Slower; for files with blank lines or odd line ends.
 */
import {closeSync, openSync, readSync} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import {NOT_FOREIGN_PARTNERS} from "../../customs-geography.js";
import {SourceError} from "../errors.js";
import {reasonIndex, type ReasonCode} from "./reasons.js";
import {BULK_FIELD_COUNT, detectColumnOrder, MAX_YEAR, MIN_YEAR, sampleFields, SQL_PATTERNS, type BulkColumnOrder, type OrderDetection} from "./layout.js";

export const BULK_DDL = [
  "CREATE TYPE bulk_flux AS ENUM ('E', 'I')",
  // Compact on purpose (a national year is millions of rows): codes that are numbers are stored as numbers
  // (CPF4 "0111" as 111, région "01" as 1, padded back on output); rejected rows keep only their reason.
  `CREATE TABLE bulk (file_id USMALLINT, flux bulk_flux, trimestre UTINYINT, annee USMALLINT, dept VARCHAR, region UTINYINT,
    a129 VARCHAR, product USMALLINT, country VARCHAR, value_eur DOUBLE, mass_kg DOUBLE, reason UTINYINT)`
];

export interface StagedFile {
  /** Rows of `bulk` from this file: rowid firstRow … firstRow + lines − 1. */
  firstRow: number;
  lines: number;
  order: OrderDetection;
  reading: "fields" | "lines";
}

const SAMPLE_BYTES = 256 * 1024;
const SCAN_CHUNK = 4 * 2 ** 20;

export interface ByteScan {
  /** Lines as a text reader counts them (a last line without line break included). */
  lines: number;
  /** No blank line, no carriage return outside CR LF: the field reader sees every line. */
  regular: boolean;
  /** Holds byte 0x01 (the line reader's separator) or NUL: not a text file. */
  controlByte: number | undefined;
  head: Uint8Array;
  bytes: number;
}

/** One pass over the bytes (native searches, fixed memory): line count, blank lines, control bytes, a sample. */
export function scanBytes(path: string): ByteScan {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(SCAN_CHUNK + 2);
    let carry = 0; // bytes of the previous chunk kept in front (to see "\n\n" across chunks)
    let lines = 0;
    let regular = true;
    let controlByte: number | undefined;
    let head = new Uint8Array();
    let bytes = 0;
    let last = -1;
    for (;;) {
      const read = readSync(fd, buffer, carry, SCAN_CHUNK, null);
      if (read === 0) break;
      const view = buffer.subarray(0, carry + read);
      if (bytes === 0) {
        head = Uint8Array.from(view.subarray(0, SAMPLE_BYTES));
        if (view[0] === 0x0a || (view[0] === 0x0d && view[1] === 0x0a)) regular = false;
      }
      const fresh = view.subarray(carry);
      for (let i = fresh.indexOf(0x0a); i >= 0; i = fresh.indexOf(0x0a, i + 1)) lines++;
      if (regular && (view.indexOf("\n\n") >= 0 || view.indexOf("\n\r\n") >= 0)) regular = false;
      if (regular) {
        for (let i = view.indexOf(0x0d); i >= 0; i = view.indexOf(0x0d, i + 1)) {
          if (i + 1 < view.length ? view[i + 1] !== 0x0a : false) { regular = false; break; }
        }
      }
      if (controlByte === undefined) {
        if (fresh.indexOf(0x01) >= 0) controlByte = 0x01;
        else if (fresh.indexOf(0x00) >= 0) controlByte = 0x00;
      }
      bytes += read;
      last = view[view.length - 1];
      // Keep the last two bytes for the next chunk's pattern searches.
      carry = Math.min(2, view.length);
      buffer.copy(buffer, 0, view.length - carry, view.length);
    }
    if (bytes > 0 && last !== 0x0a) {
      lines++;
      if (last === 0x0d) regular = false;
    }
    return {lines, regular, controlByte, head, bytes};
  } finally {
    closeSync(fd);
  }
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

const MONTHS = ["5", "6", "7", "8", "9", "10", "11", "12", "05", "06", "07", "08", "09"].map(sqlString).join(", ");
const NUMBER = sqlString(SQL_PATTERNS.number);
const NOT_FOREIGN = [...NOT_FOREIGN_PARTNERS].map(sqlString).join(", ");

/**
 * The projection shared by both readers. `f` holds the ten field expressions
 * in file order, `fields` the number of fields of the line (0 for a blank line).
 */
function projection(fileId: number, f: string[], fields: string, order: BulkColumnOrder): string {
  const [a129, product] = order === "a129-cpf4" ? [f[5], f[6]] : [f[6], f[5]];
  const valeur = f[8];
  const masse = f[9];
  const codes = `${f[2]} || ';' || ${f[3]} || ';' || ${a129} || ';' || ${product} || ';' || ${f[7]}`;
  const codesPattern = sqlString(`${SQL_PATTERNS.year};(${SQL_PATTERNS.dept});${SQL_PATTERNS.a129};${SQL_PATTERNS.cpf4};${SQL_PATTERNS.country}`);
  const value = `CASE WHEN regexp_full_match(${valeur}, ${NUMBER}) THEN CAST(replace(${valeur}, ',', '.') AS DOUBLE) END`;
  const mass = `CASE WHEN regexp_full_match(${masse}, ${NUMBER}) THEN CAST(replace(${masse}, ',', '.') AS DOUBLE) END`;
  const negative = (field: string) => `(${field} LIKE '-%' AND regexp_full_match(substr(${field}, 2), ${NUMBER}))`;
  const r = (code: ReasonCode) => reasonIndex(code);
  const reason = `CASE
    WHEN fields = ${BULK_FIELD_COUNT} AND ${f[0]} IN ('E', 'I') AND ${f[1]} IN ('1', '2', '3', '4')
      AND regexp_full_match(${codes}, ${codesPattern}) AND ${f[2]} BETWEEN '${MIN_YEAR}' AND '${MAX_YEAR}'
      AND ${f[7]} NOT IN (${NOT_FOREIGN}) AND value_eur IS NOT NULL AND (${masse} = '' OR mass_kg IS NOT NULL) THEN NULL
    WHEN fields = 0 OR (fields = 1 AND trim(${f[0]}) = '') THEN ${r("empty-line")}
    WHEN fields <> ${BULK_FIELD_COUNT} THEN ${r("fields")}
    WHEN ${f[0]} NOT IN ('E', 'I') THEN ${r("flow")}
    WHEN ${f[1]} IN (${MONTHS}) THEN ${r("month")}
    WHEN ${f[1]} NOT IN ('1', '2', '3', '4') THEN ${r("quarter")}
    WHEN NOT regexp_full_match(${f[2]}, '${SQL_PATTERNS.year}') OR ${f[2]} NOT BETWEEN '${MIN_YEAR}' AND '${MAX_YEAR}' THEN ${r("year")}
    WHEN ${f[3]} = '' THEN ${r("dept-empty")}
    WHEN NOT regexp_full_match(${f[3]}, '${SQL_PATTERNS.dept}') THEN ${r("dept")}
    WHEN NOT regexp_full_match(${a129}, '${SQL_PATTERNS.a129}') THEN ${r("a129")}
    WHEN NOT regexp_full_match(${product}, '${SQL_PATTERNS.cpf4}') THEN ${r("cpf4")}
    WHEN NOT regexp_full_match(${f[7]}, '${SQL_PATTERNS.country}') THEN ${r("country")}
    WHEN ${f[7]} IN (${NOT_FOREIGN}) THEN ${r("not-foreign")}
    WHEN ${valeur} = '' THEN ${r("value-empty")}
    WHEN ${negative(valeur)} THEN ${r("value-negative")}
    WHEN value_eur IS NULL THEN ${r("value")}
    WHEN ${negative(masse)} THEN ${r("mass-negative")}
    ELSE ${r("mass")}
  END`;
  return `SELECT ${fileId}::USMALLINT, TRY_CAST(${f[0]} AS bulk_flux), TRY_CAST(${f[1]} AS UTINYINT), TRY_CAST(${f[2]} AS USMALLINT), ${f[3]},
      TRY_CAST(${f[4]} AS UTINYINT), ${a129}, TRY_CAST(${product} AS USMALLINT), ${f[7]}, value_eur, mass_kg, ${reason}
    FROM (SELECT *, ${fields} AS fields, ${value} AS value_eur, ${mass} AS mass_kg FROM SOURCE)`;
}

function fieldReader(path: string): {source: string; f: string[]; fields: string} {
  const columns = Array.from({length: BULK_FIELD_COUNT + 1}, (_, i) => `'c${i + 1}': 'VARCHAR'`).join(", ");
  const c = Array.from({length: BULK_FIELD_COUNT}, (_, i) => `c${i + 1}`);
  const present = c.map((name) => `(${name} IS NOT NULL)::INTEGER`).join(" + ");
  return {
    // nullstr is a byte the scan found absent: an empty field stays '', a missing one is NULL.
    source: `read_csv(${sqlString(path)}, header = false, delim = ';', quote = '', escape = '', comment = '', auto_detect = false,
      null_padding = true, nullstr = '\x01', encoding = 'latin-1', columns = {${columns}})`,
    f: c.map((name) => `coalesce(${name}, '')`),
    fields: `CASE WHEN c11 IS NOT NULL THEN ${BULK_FIELD_COUNT + 1} WHEN c10 IS NOT NULL THEN ${BULK_FIELD_COUNT} ELSE ${present} END`
  };
}

function lineReader(path: string): {source: string; f: string[]; fields: string} {
  return {
    source: `(SELECT string_split(line, ';') AS parts FROM read_csv(${sqlString(path)}, header = false, delim = '\x01', quote = '', escape = '', comment = '',
      auto_detect = false, encoding = 'latin-1', columns = {'line': 'VARCHAR'}))`,
    f: Array.from({length: BULK_FIELD_COUNT}, (_, i) => `coalesce(parts[${i + 1}], '')`),
    fields: "least(coalesce(len(parts), 0), 255)"
  };
}

async function count(connection: DuckDBConnection): Promise<number> {
  return Number((await connection.runAndReadAll("SELECT count(*) FROM bulk")).getRows()[0][0]);
}

/**
 * Appends one file's lines to `bulk`. `file` is the name shown in messages,
 * `path` where the bytes are on disk.
 */
export async function stageBulkFile(connection: DuckDBConnection, path: string, file: string, fileId: number): Promise<StagedFile> {
  const scan = scanBytes(path);
  if (scan.controlByte !== undefined) {
    throw new SourceError(`${file} : octet de contrôle 0x${scan.controlByte.toString(16).padStart(2, "0")} dans le fichier : ce n'est pas un fichier texte des douanes (fichier corrompu ?). Que faire : téléchargez-le à nouveau.`);
  }
  const order = detectColumnOrder(sampleFields(scan.head, scan.head.length >= scan.bytes), file);
  const firstRow = await count(connection);
  const reading = scan.regular ? "fields" : "lines";
  const reader = reading === "fields" ? fieldReader(path) : lineReader(path);
  const sql = projection(fileId, reader.f, reader.fields, order.order).replace("FROM SOURCE", `FROM ${reader.source}`);
  try {
    await connection.run(`INSERT INTO bulk ${sql}`);
  } catch (error) {
    const message = (error as Error).message.split("\n").slice(0, 3).join(" ");
    if (/Maximum line size|line size/i.test(message)) {
      throw new SourceError(`${file} : ligne trop longue pour un fichier des douanes (${message}). Que faire : vérifiez que c'est bien un fichier « Bases complètes ».`);
    }
    throw new SourceError(`${file} : lecture impossible par DuckDB (${message}).`);
  }
  const lines = (await count(connection)) - firstRow;
  if (lines !== scan.lines) {
    throw new SourceError(`${file} : ${lines} lignes lues par DuckDB pour ${scan.lines} lignes dans le fichier (fins de ligne inhabituelles ?) : les numéros de ligne ne seraient pas fiables. Que faire : convertissez les fins de ligne (CR LF ou LF) et relancez.`);
  }
  return {firstRow, lines, order, reading};
}
