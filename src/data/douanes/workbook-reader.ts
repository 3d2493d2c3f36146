/**
 * .xls (BIFF) and .xlsx workbooks. BIFF8 .xls files go through the dedicated
 * reader in biff/ (about two orders of magnitude faster, same cells); anything
 * it does not handle, and every .xlsx, goes through SheetJS. Every sheet is
 * returned; records.ts decides which ones hold data. Cached formula results
 * are read, formulas are not evaluated.
 */
import * as XLSX from "@e965/xlsx";
import * as cpexcel from "@e965/xlsx/dist/cpexcel.full.mjs";
import {paddedCodeOr} from "./biff/number-format.ts";
import {UnsupportedBiffError} from "./biff/unsupported.ts";
import {readBiffWorkbook} from "./biff/workbook.ts";
import {SourceError} from "./errors.ts";
import type {Cell, Sheet} from "./table.ts";

// Old BIFF5 files declare a code page (Windows-1252 for French files): give SheetJS the tables.
XLSX.set_cptable(cpexcel);

/** A code such as "01" stored as the number 1 with a "00" format keeps its zeros. */
function toCell(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case "n": return paddedCodeOr(cell.v as number, cell.w);
    case "s": return cell.v as string;
    case "b": return cell.v as boolean;
    case "e": return cell.w ?? "#ERREUR";
    case "d": return cell.w ?? String(cell.v);
    default: return cell.w ?? String(cell.v);
  }
}

/** The SheetJS path: any workbook format SheetJS reads. */
export function readWorkbookWithSheetJS(bytes: Uint8Array, file: string, format: "xls" | "xlsx"): Sheet[] {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {type: "array", dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false});
  } catch (error) {
    throw new SourceError(
      `${file} : classeur illisible (fichier tronqué ou corrompu ?) — ${(error as Error).message}. Téléchargez-le à nouveau.`
    );
  }
  return workbook.SheetNames.map((name) => {
    const worksheet = workbook.Sheets[name];
    const data = (worksheet["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
    const rows: Cell[][] = [];
    for (let r = 0; r < data.length; r++) {
      const source = data[r] ?? [];
      const row: Cell[] = new Array(source.length);
      for (let c = 0; c < source.length; c++) row[c] = toCell(source[c]);
      rows.push(row);
    }
    return {file, sheet: name, rows, format};
  });
}

/** Which reader read the last .xls files (for the diagnostics and the benchmark). */
export const xlsReaderStats = {fast: 0, sheetjs: 0, fallbackReasons: new Map<string, number>()};

/** An OLE2 .xls: the fast BIFF8 reader, or SheetJS when the file is outside what it handles. */
export function readXls(bytes: Uint8Array, file: string): Sheet[] {
  try {
    const sheets = readBiffWorkbook(bytes).map(({name, rows}): Sheet => ({file, sheet: name, rows, format: "xls"}));
    xlsReaderStats.fast++;
    return sheets;
  } catch (error) {
    if (!(error instanceof UnsupportedBiffError)) throw error;
    xlsReaderStats.sheetjs++;
    xlsReaderStats.fallbackReasons.set(error.message, (xlsReaderStats.fallbackReasons.get(error.message) ?? 0) + 1);
    return readWorkbookWithSheetJS(bytes, file, "xls");
  }
}

/** Any workbook SheetJS reads (xlsx, SpreadsheetML, BIFF2–5 without a container). */
export const readWorkbook = readWorkbookWithSheetJS;
