/**
 * CSV downloads of a chart's data, shaped for French Excel: UTF-8 with a BOM
 * (otherwise accents come out as mojibake), `;` as separator (Excel's French
 * default, since "," is the decimal mark), comma decimals, CRLF line ends.
 */
import {formatCsvNumberFrench} from "./format.js";
import {resolveDocument} from "./figure.js";

export const CSV_BOM = "\ufeff";
export const CSV_SEPARATOR = ";";

export interface CsvColumn<Row> {
  key: keyof Row & string;
  /** Header cell, in French. */
  label: string;
  /** Decimals for numeric cells; default 0 for integers, 3 otherwise. */
  decimals?: number;
}

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab / CR, which some
 * apps skip) as a formula: "=HYPERLINK(…)" in a product label would be live.
 * Prefixing an apostrophe makes it plain text. Only text cells are guarded:
 * numeric cells come from finite numbers formatted here, so "-40,2" stays a
 * number.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function cellText(value: unknown, decimals: number | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    return formatCsvNumberFrench(value, decimals ?? (Number.isInteger(value) ? 0 : 3));
  }
  return guardFormula(String(value));
}

/** The whole CSV text, BOM included, header row first. */
export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => quote(guardFormula(column.label)))];
  for (const row of rows) {
    lines.push(columns.map((column) => quote(cellText(row[column.key], column.decimals))));
  }
  return CSV_BOM + lines.map((cells) => cells.join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}

export const DOWNLOAD_LABEL = "Télécharger les données (CSV)";

/**
 * An <a download> for the CSV. In a browser it points to a Blob URL; where the
 * document's window has no Blob URLs (a build-time render under jsdom) it
 * falls back to a data: URL, so pre-rendered HTML still downloads. The
 * document's own window decides, not Node's globals: Node's
 * URL.createObjectURL makes "blob:nodedata:" URLs no browser can open.
 */
export function downloadLink(csvText: string, fileName: string, {document}: {document?: Document} = {}): HTMLAnchorElement {
  const doc = resolveDocument(document);
  const link = doc.createElement("a");
  link.className = "csv-download";
  link.download = fileName;
  link.textContent = DOWNLOAD_LABEL;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  link.href =
    view && typeof view.Blob === "function" && typeof view.URL?.createObjectURL === "function"
      ? view.URL.createObjectURL(new view.Blob([csvText], {type: "text/csv;charset=utf-8"}))
      : "data:text/csv;charset=utf-8," + encodeURIComponent(csvText);
  return link;
}
