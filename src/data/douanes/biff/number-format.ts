/**
 * The one place where a number cell's format matters: a code such as "01"
 * stored as the number 1 with a "00" format must keep its zeros (see
 * workbook-reader.ts). Formatting goes through SheetJS's own formatter and
 * format table, loaded the way SheetJS loads FORMAT records, so that both
 * readers give the same text; General (id 0, nearly every cell) never shows
 * leading zeros and is not formatted at all.
 */
import * as XLSX from "@e965/xlsx";

const SSF = XLSX.SSF as {
  load(format: string, id: number): number;
  format(format: number, value: number, options: {date1904: boolean}): string;
};

/** The one malformed format SheetJS rewrites when loading (Google Sheets' "d.m"). */
const REWRITTEN_FORMATS: Record<string, string> = {"d.m": "d\\.m"};

export function loadNumberFormat(id: number, format: string): void {
  SSF.load(REWRITTEN_FORMATS[format] ?? format, id);
}

/** A number cell as the pipeline sees it: the number, or its formatted text when that text is a zero-padded code. */
export function numberCell(value: number, formatId: number, date1904: boolean): number | string {
  if (formatId === 0) return value;
  let text: string;
  try {
    text = SSF.format(formatId, value, {date1904});
  } catch {
    return value;
  }
  return paddedCodeOr(value, text);
}

/** The formatted text when it is a zero-padded code ("01", "0042"), else the number. */
export function paddedCodeOr(value: number, text: unknown): number | string {
  if (typeof text !== "string") return value;
  const trimmed = text.trim();
  return /^0\d+$/.test(trimmed) ? trimmed : value;
}
