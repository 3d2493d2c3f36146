/**
 * Sheet rows → facts or rejections. Every value read ends up in exactly one
 * of the two (the accounting identity read = kept + rejected is built in:
 * a value is counted when it is either emitted or rejected, never otherwise).
 *
 * Counting unit: one value, i.e. one line in a long layout, one non-empty
 * quarter cell in a wide layout; a line with no value at all (blank line)
 * counts once, so that it is visible too.
 */
import type {Flow} from "../canonical.js";
import {AMBIGUOUS_GROUPING, parseThousandths, thousandthsToEuros, type AmountProblem} from "./amounts.js";
import * as codes from "./codes.js";
import {normalizeProduct} from "./codes.js";
import {isForeignPartner, NOT_FOREIGN_REASON} from "./countries.js";
import {SourceError} from "./errors.js";
import type {NameHints} from "./file-names.js";
import {headerError, looksLikeHeader, mapHeaders, type HeaderMapping, type Role} from "./headers.js";
import {boundLabel, cutLabelsWarning} from "./label-length.js";
import * as periods from "./periods.js";
import {parseQuarterNumber, parseYear, type Quarter} from "./periods.js";
import {cellText, isBlankCell, type Cell, type Sheet} from "./table.js";
import {refuseReplacementCharacter} from "./text-decoding.js";

export type TableKind = "crossed" | "products" | "countries";

/** The tables as messages name them. */
export const TABLE_NAMES: Record<TableKind, string> = {crossed: "fichiers croisés Pays × Produits", products: "fichiers par produit", countries: "fichiers par pays"};

export interface RecordSink {
  /** One accepted value; product or country is "" when the table has no such column. */
  fact(kind: TableKind, year: number, quarter: number, flow: Flow, dept: string, product: string, country: string, euros: number, row: number): void;
  /** `count` values rejected for one reason on one line. */
  reject(kind: TableKind, reason: string, row: number, column: string, value: string, count: number): void;
  label(code: string, name: string, row: number): void;
  warn(message: string): void;
}

export interface SheetReport {
  sheet?: string;
  format: string;
  headerRow: number;
  mapping: HeaderMapping;
  kind: TableKind | "labels";
  dataLines: number;
}

const HEADER_SEARCH_ROWS = 10;

/**
 * The same few thousand codes and periods come back on every line; their
 * checks (accent folding, regular expressions, reference lookups) are pure,
 * so each distinct cell value is checked once. Bounded for hostile files.
 */
function memoized<K, V>(check: (value: K) => V): (value: K) => V {
  const cache = new Map<K, V>();
  return (value) => {
    let result = cache.get(value);
    if (result === undefined && !cache.has(value)) {
      if (cache.size >= 100_000) cache.clear();
      result = check(value);
      cache.set(value, result);
    }
    return result as V;
  };
}

const isTotalLabel = memoized(codes.isTotalLabel);
const normalizeDept = memoized(codes.normalizeDept);
const isKnownDept = memoized(codes.isKnownDept);
const parseFlow = memoized(codes.parseFlow);
const normalizeCountry = memoized(codes.normalizeCountry);
const isKnownCountryCode = memoized(codes.isKnownCountryCode);
const parsePeriod = memoized(periods.parsePeriod);

function where(sheet: SheetSource): string {
  return sheet.sheet === undefined ? sheet.file : `${sheet.file} [feuille « ${sheet.sheet} »]`;
}

function isBlankRow(row: Cell[]): boolean {
  return row.every(isBlankCell);
}

function tableKind(mapping: HeaderMapping): TableKind {
  const {product, country} = mapping.columns;
  if (product !== undefined && country !== undefined) return "crossed";
  return product !== undefined ? "products" : "countries";
}

/**
 * A sheet's rows read once, in order, as they are asked for (a streamed text
 * file is never held whole, see text-table.ts), with the rows from the
 * oldest one not yet released kept for lookahead.
 */
class RowWindow {
  private readonly iterator: Iterator<Cell[]>;
  private readonly rows: Cell[][] = [];
  /** Index in the sheet of rows[0]. */
  private start = 0;
  private ended = false;

  constructor(rows: Iterable<Cell[]>) {
    this.iterator = rows[Symbol.iterator]();
  }

  has(index: number): boolean {
    while (!this.ended && index >= this.start + this.rows.length) {
      const next = this.iterator.next();
      if (next.done) this.ended = true;
      else this.rows.push(next.value);
    }
    return index < this.start + this.rows.length;
  }

  at(index: number): Cell[] {
    if (!this.has(index) || index < this.start) throw new Error(`ligne ${index + 1} hors de la fenêtre de lecture`);
    return this.rows[index - this.start];
  }

  /** Forgets the rows before `index`. */
  release(index: number): void {
    const count = Math.min(index - this.start, this.rows.length);
    if (count <= 0) return;
    this.rows.splice(0, count);
    this.start += count;
  }
}

function findHeaderRow(rows: RowWindow): number {
  for (let r = 0; r < HEADER_SEARCH_ROWS && rows.has(r); r++) if (looksLikeHeader(rows.at(r))) return r;
  for (let r = 0; rows.has(r); r++) if (!isBlankRow(rows.at(r))) return r;
  return -1;
}

/** Rows as given by a reader: an array, or rows read as they are asked for (text files). */
export interface SheetSource extends Omit<Sheet, "rows" | "truncated"> {
  rows: Iterable<Cell[]>;
  readonly truncated?: boolean;
}

const KIND_WORDS: Record<TableKind | "labels", string> = {
  crossed: "un tableau croisé Pays × Produits",
  products: "un tableau par produit",
  countries: "un tableau par pays",
  labels: "un fichier de libellés"
};

/**
 * The file name and the columns must tell the same kind of table: a misspelled
 * header (« Code pyas ») would otherwise re-type a crossed file as a products
 * table and move its values into the wrong table without a word.
 */
function refuseKindConflict(sheet: SheetSource, hints: NameHints, kind: TableKind | "labels", mapping: HeaderMapping): void {
  if (hints.kind !== "crossed" && hints.kind !== "products" && hints.kind !== "countries" && hints.kind !== "labels") return;
  if (hints.kind === kind) return;
  throw headerError(where(sheet), mapping.headers,
    `le nom du fichier annonce ${KIND_WORDS[hints.kind]} mais ses colonnes en font ${KIND_WORDS[kind]} (en-tête mal orthographié ?) : fichier refusé`);
}

/** Reads one sheet; throws SourceError for problems that make the whole sheet unusable. */
export function convertSheet(sheet: SheetSource, hints: NameHints, sink: RecordSink): SheetReport {
  const rows = new RowWindow(sheet.rows);
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) throw new SourceError(`${where(sheet)} : fichier vide (aucune ligne lue).`);
  const mapping = mapHeaders(rows.at(headerIndex), where(sheet));
  for (let r = 0; r < headerIndex; r++) {
    if (!isBlankRow(rows.at(r))) sink.warn(`${where(sheet)} : ligne ${r + 1} au-dessus des en-têtes ignorée (« ${rows.at(r).map(cellText).filter(Boolean).join(" ")} »)`);
  }
  const report: SheetReport = {sheet: sheet.sheet, format: sheet.format, headerRow: headerIndex + 1, mapping, kind: "labels", dataLines: 0};
  if (mapping.layout === "labels") {
    refuseKindConflict(sheet, hints, "labels", mapping);
    report.dataLines = readLabels(sheet, rows, headerIndex, mapping, sink);
    return report;
  }
  const kind = tableKind(mapping);
  report.kind = kind;
  refuseKindConflict(sheet, hints, kind, mapping);
  const {columns} = mapping;
  if (columns.flow === undefined && hints.flow === undefined) {
    throw headerError(where(sheet), mapping.headers, "flux inconnu : ni colonne « Flux », ni « export »/« import » dans le nom du fichier");
  }
  if (columns.dept === undefined && hints.dept === undefined) {
    throw headerError(where(sheet), mapping.headers, "département inconnu : ni colonne « Département », ni code en tête du nom du fichier (« 10_… »)");
  }
  if (!rows.has(headerIndex + 1)) sink.warn(`${where(sheet)} : aucune ligne de données sous les en-têtes`);
  const text = sheet.sheet === undefined;
  const header = (role: Role) => mapping.headers[columns[role]!];
  const valueCount = mapping.layout === "wide" ? mapping.periodColumns.length : 1;
  const keyRoles = (["dept", "flow", "product", "country", "period", "year", "quarter"] as Role[]).filter((role) => columns[role] !== undefined);

  let r = headerIndex + 1;
  for (; rows.has(r); r++) {
    rows.release(r);
    const row = rows.at(r);
    const line = r + 1;
    const valuesHere = mapping.layout === "wide" ? Math.max(1, mapping.periodColumns.filter(({index}) => !isBlankCell(row[index] ?? null)).length) : 1;
    const reject = (reason: string, role: Role | undefined, value: Cell, count = valuesHere) =>
      sink.reject(kind, reason, line, role ? header(role) : "", cellText(value), count);

    if (isBlankRow(row)) { reject("ligne vide", undefined, "", 1); continue; }
    const totalRole = keyRoles.find((role) => isTotalLabel(row[columns[role]!] ?? null));
    if (totalRole) { reject("ligne de total", totalRole, row[columns[totalRole]!]); continue; }
    if (text && row.length < mapping.headers.length) {
      const last = !rows.has(r + 1);
      reject(last ? "ligne incomplète (fichier tronqué ?)" : "ligne incomplète (moins de champs que d'en-têtes)", undefined, row.map(cellText).join(" | "));
      continue;
    }
    if (text && row.length > mapping.headers.length && row.slice(mapping.headers.length).some((cell) => !isBlankCell(cell))) {
      reject("plus de champs que d'en-têtes", undefined, row.map(cellText).join(" | "));
      continue;
    }

    let dept = hints.dept ?? "";
    if (columns.dept !== undefined) {
      const cell = row[columns.dept] ?? null;
      dept = normalizeDept(cell);
      if (dept === "") { reject("code département manquant", "dept", cell); continue; }
      if (!isKnownDept(dept)) { reject("code département inconnu", "dept", cell); continue; }
      if (hints.dept !== undefined && hints.dept !== dept) { reject(`département différent de celui du nom de fichier (${hints.dept})`, "dept", cell); continue; }
    } else if (!isKnownDept(dept)) {
      reject("code département inconnu (nom de fichier)", undefined, dept);
      continue;
    }

    let flow = hints.flow;
    if (columns.flow !== undefined) {
      const cell = row[columns.flow] ?? null;
      const parsed = parseFlow(cell);
      if (!parsed) { reject("flux inconnu (attendu E/I, export/import)", "flow", cell); continue; }
      if (hints.flow !== undefined && parsed !== hints.flow) { reject(`flux différent de celui du nom de fichier (${hints.flow})`, "flow", cell); continue; }
      flow = parsed;
    }

    let product = "";
    if (columns.product !== undefined) {
      const cell = row[columns.product] ?? null;
      product = normalizeProduct(cell);
      if (product === "") { reject("code produit manquant", "product", cell); continue; }
    }
    let country = "";
    if (columns.country !== undefined) {
      const cell = row[columns.country] ?? null;
      country = normalizeCountry(cell);
      if (country === "") { reject("code pays manquant", "country", cell); continue; }
      if (!isKnownCountryCode(country)) { reject("code pays inconnu", "country", cell); continue; }
      if (!isForeignPartner(country)) { reject(NOT_FOREIGN_REASON, "country", cell); continue; }
    }

    if (mapping.layout === "long") {
      const period = longPeriod(row, columns);
      if (!period) {
        const role: Role = columns.period !== undefined ? "period" : "quarter";
        const shown = columns.period !== undefined ? row[columns.period] : `${cellText(row[columns.year!] ?? null)} ${cellText(row[columns.quarter!] ?? null)}`;
        reject("période illisible", role, shown ?? null);
        continue;
      }
      const cell = row[columns.value!] ?? null;
      const amount = parseThousandths(cell);
      if (!amount.ok) { refuseAmbiguous(amount.reason, where(sheet), line, header("value"), cell); reject(amount.reason, "value", cell); continue; }
      sink.fact(kind, period.year, period.quarter, flow!, dept, product, country, thousandthsToEuros(amount.thousandths, mapping.unit), line);
      continue;
    }
    let emitted = 0;
    for (const {index, period} of mapping.periodColumns) {
      const cell = row[index] ?? null;
      if (isBlankCell(cell)) continue; // no value for that quarter: nothing read
      emitted++;
      const amount = parseThousandths(cell);
      if (!amount.ok) {
        refuseAmbiguous(amount.reason, where(sheet), line, mapping.headers[index], cell);
        sink.reject(kind, amount.reason, line, mapping.headers[index], cellText(cell), 1);
        continue;
      }
      sink.fact(kind, period.year, period.quarter, flow!, dept, product, country, thousandthsToEuros(amount.thousandths, mapping.unit), line);
    }
    if (emitted === 0) reject("aucune valeur sur la ligne", undefined, row.map(cellText).join(" | "), 1);
  }
  report.dataLines = r - headerIndex - 1;
  // Known once every row is read, for a text file read as it goes.
  if (sheet.truncated) sink.warn(`${where(sheet)} : le fichier se termine au milieu d'un champ entre guillemets (fichier tronqué ?)`);
  return report;
}

/** A value in another locale's writing refuses the whole file: its other values may be misread the same way, silently. */
function refuseAmbiguous(reason: AmountProblem, file: string, line: number, column: string, cell: Cell): void {
  if (reason !== AMBIGUOUS_GROUPING) return;
  throw new SourceError(`${file}, ligne ${line}, colonne « ${column} » : valeur « ${cellText(cell)} » écrite avec un ${reason} ; lue au hasard, elle serait fausse d'un facteur mille. ` +
    `Fichier refusé. Que faire : réenregistrez le fichier avec la virgule décimale française (« 1234,567 », milliers séparés par des espaces ou sans séparateur).`);
}

function longPeriod(row: Cell[], columns: HeaderMapping["columns"]): Quarter | undefined {
  if (columns.period !== undefined) return parsePeriod(row[columns.period] ?? null);
  const year = parseYear(row[columns.year!] ?? null);
  const quarter = parseQuarterNumber(row[columns.quarter!] ?? null);
  return year !== undefined && quarter !== undefined ? {year, quarter} : undefined;
}

/** Reads the label rows; returns how many lines there were under the header. */
function readLabels(sheet: SheetSource, rows: RowWindow, headerIndex: number, mapping: HeaderMapping, sink: RecordSink): number {
  const codeColumn = mapping.columns.product!;
  const nameColumn = mapping.columns.productLabel!;
  const cut: string[] = [];
  let r = headerIndex + 1;
  for (; rows.has(r); r++) {
    rows.release(r);
    const row = rows.at(r);
    if (isBlankRow(row)) continue;
    const code = normalizeProduct(row[codeColumn] ?? null);
    const text = cellText(row[nameColumn] ?? null);
    refuseReplacementCharacter(text, `${where(sheet)}, ligne ${r + 1}`);
    const name = boundLabel(text);
    if (name !== text) cut.push(code);
    if (code === "" || name === "") sink.warn(`${where(sheet)} : ligne ${r + 1}, libellé incomplet (« ${code} » ; « ${name} »)`);
    else sink.label(code, name, r + 1);
  }
  const warning = cutLabelsWarning(where(sheet), cut);
  if (warning) sink.warn(warning);
  return r - headerIndex - 1;
}

/**
 * Reads every sheet of a file. Sheets without recognisable headers are skipped
 * with a warning when another sheet of the file holds the data (notes, pivot
 * tables…); when none does, the first sheet's header error is thrown.
 */
export function convertFile(sheets: SheetSource[], hints: NameHints, sink: RecordSink): SheetReport[] {
  const reports: SheetReport[] = [];
  let firstError: SourceError | undefined;
  const skipped: string[] = [];
  for (const sheet of sheets) {
    // Workbooks' sheets are arrays: a blank one is skipped (a streamed text file is checked as it is read).
    if (Array.isArray(sheet.rows) && sheet.rows.every(isBlankRow)) { skipped.push(`${where(sheet)} : feuille vide`); continue; }
    try {
      reports.push(convertSheet(sheet, hints, sink));
    } catch (error) {
      if (!(error instanceof SourceError) || sheets.length === 1) throw error;
      firstError ??= error;
      skipped.push(`${where(sheet)} : feuille ignorée — ${error.message}`);
    }
  }
  if (reports.length === 0) {
    if (firstError) throw firstError;
    throw new SourceError(`${sheets[0]?.file ?? "?"} : fichier vide (aucune ligne lue).`);
  }
  for (const message of skipped) sink.warn(message);
  return reports;
}
