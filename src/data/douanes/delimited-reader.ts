/**
 * `;`, `,` or tab-separated text (the customs use `;`), latin-1 or UTF-8,
 * quoted fields per RFC 4180. Cells stay text: amounts are parsed later, with
 * a decimal comma or point (see amounts.ts).
 */
import type {Cell, Sheet} from "./table.ts";
import {decodeText} from "./text-decoding.ts";

const SEPARATORS = [";", ",", "\t", "|"] as const;

/** The separator that splits the header line most, quotes ignored. */
function detectSeparator(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)) || text.length).replace(/"[^"]*"/g, "");
  let best: string = ";";
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = firstLine.split(separator).length - 1;
    if (count > bestCount) [best, bestCount] = [separator, count];
  }
  return best;
}

/** Splits text into rows of fields; `truncated` when the text ends inside a quoted field. */
export function splitDelimited(text: string, separator: string): {rows: string[][]; truncated: boolean} {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        inQuotes = false;
      } else field += char;
      i++;
      continue;
    }
    if (char === '"' && field === "") { inQuotes = true; i++; continue; }
    if (char === separator) { row.push(field); field = ""; i++; continue; }
    if (char === "\r" || char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += char;
    i++;
  }
  if (inQuotes || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines at the very end are not rows.
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f.trim() === "")) rows.pop();
  return {rows, truncated: inQuotes};
}

export function readDelimited(bytes: Uint8Array, file: string): Sheet {
  const {text, encoding} = decodeText(bytes, file);
  const separator = detectSeparator(text);
  const {rows, truncated} = splitDelimited(text, separator);
  const cells: Cell[][] = rows.map((row) => row.map((field) => (field.trim() === "" ? null : field)));
  const shownSeparator = separator === "\t" ? "tabulation" : `« ${separator} »`;
  return {file, rows: cells, format: `texte ${encoding}, séparateur ${shownSeparator}`, truncated};
}
