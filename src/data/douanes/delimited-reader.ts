/**
 * `;`, `,` or tab-separated text (the customs use `;`), latin-1 or UTF-8,
 * quoted fields per RFC 4180. Cells stay text: amounts are parsed later, with
 * a decimal comma or point (see amounts.ts).
 */
import type {Cell, Sheet} from "./table.js";
import {decodeText} from "./text-decoding.js";

const SEPARATORS = [";", ",", "\t", "|"] as const;

/** The separator that splits the header line most, quotes ignored. */
export function detectSeparator(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)) || text.length).replace(/"[^"]*"/g, "");
  let best: string = ";";
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = firstLine.split(separator).length - 1;
    if (count > bestCount) [best, bestCount] = [separator, count];
  }
  return best;
}

/**
 * Splits text given in pieces into rows of fields (RFC 4180 quotes), each
 * row handed out as soon as it is complete. Blank lines at the very end are
 * not rows: blank rows are held until a row with content follows them.
 */
export class RowSplitter {
  private row: string[] = [];
  private field = "";
  private inQuotes = false;
  /** Last characters whose meaning depends on the next one (carriage returns, quotes). */
  private carry = "";
  private blanks: string[][] = [];

  /** The characters that end a field or a row, or open a quote. */
  private readonly special: RegExp;

  constructor(private readonly separator: string, private readonly emit: (row: string[]) => void) {
    this.special = new RegExp(`[${separator.replace(/[\\\]^-]/g, "\\$&")}\r\n"]`, "g");
  }

  push(piece: string): void {
    const text = this.carry + piece;
    // Trailing quotes and carriage returns mean something only with what follows them: split with the next piece
    // (deferring is always safe: the characters are split in the same order).
    let keep = text.length;
    while (keep > 0 && (text[keep - 1] === '"' || text[keep - 1] === "\r")) keep--;
    this.carry = text.slice(keep);
    this.split(keep === text.length ? text : text.slice(0, keep));
  }

  /** The rows still held; `truncated` when the text ended inside a quoted field. */
  end(): {truncated: boolean} {
    const text = this.carry;
    this.carry = "";
    this.split(text);
    const truncated = this.inQuotes;
    if (this.inQuotes || this.field !== "" || this.row.length > 0) {
      this.row.push(this.field);
      this.rowDone(this.row);
    }
    this.blanks = [];
    return {truncated};
  }

  private rowDone(row: string[]): void {
    if (row.every((f) => f.trim() === "")) {
      this.blanks.push(row);
      return;
    }
    for (const blank of this.blanks) this.emit(blank);
    this.blanks = [];
    this.emit(row);
  }

  /** Splits `text` from the current state; between special characters, fields are sliced, not built character by character. */
  private split(text: string): void {
    const {separator, special} = this;
    let {row, field, inQuotes} = this;
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote < 0) { field += text.slice(i); break; }
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') { field += '"'; i = quote + 2; continue; }
        inQuotes = false;
        i = quote + 1;
        continue;
      }
      special.lastIndex = i;
      const found = special.exec(text);
      const at = found ? found.index : n;
      if (at > i) field += text.slice(i, at);
      if (at >= n) break;
      const char = text[at];
      i = at + 1;
      if (char === '"') {
        if (field === "") inQuotes = true;
        else field += char;
      } else if (char === separator) {
        row.push(field);
        field = "";
      } else {
        row.push(field);
        this.rowDone(row);
        row = [];
        field = "";
        if (char === "\r" && text[i] === "\n") i++;
      }
    }
    this.row = row;
    this.field = field;
    this.inQuotes = inQuotes;
  }
}

/** Splits text into rows of fields; `truncated` when the text ends inside a quoted field. */
export function splitDelimited(text: string, separator: string): {rows: string[][]; truncated: boolean} {
  const rows: string[][] = [];
  const splitter = new RowSplitter(separator, (row) => rows.push(row));
  splitter.push(text);
  return {rows, truncated: splitter.end().truncated};
}

const toCells = (row: string[]): Cell[] => row.map((field) => (field.trim() === "" ? null : field));
export const describeSeparator = (separator: string) => (separator === "\t" ? "tabulation" : `« ${separator} »`);

export function readDelimited(bytes: Uint8Array, file: string): Sheet {
  const {text, encoding} = decodeText(bytes, file);
  const separator = detectSeparator(text);
  const {rows, truncated} = splitDelimited(text, separator);
  return {file, rows: rows.map(toCells), format: `texte ${encoding}, séparateur ${describeSeparator(separator)}`, truncated};
}
