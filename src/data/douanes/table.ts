/**
 * What every reader produces: a sheet as rows of cells, whatever the file
 * format. Codes stay strings; numeric cells stay numbers so that amounts can be
 * checked exactly (see amounts.ts).
 */
export type Cell = string | number | boolean | null;

export interface Sheet {
  /** File name as shown to the user (archive name included: "region_44.zip/10_pays.xls"). */
  file: string;
  /** Sheet name for workbooks; undefined for text files. */
  sheet?: string;
  /** Rows as in the file: rows[0] is the header row (file row 1). */
  rows: Cell[][];
  /** Description of how the bytes were read (format, encoding, separator), for the diagnostics. */
  format: string;
  /** Set when the file ends in the middle of a row (text files only). */
  truncated?: boolean;
}

export function isBlankCell(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A cell as text, for codes and messages ("" for an empty cell). */
export function cellText(cell: Cell): string {
  return cell === null ? "" : String(cell).trim();
}
