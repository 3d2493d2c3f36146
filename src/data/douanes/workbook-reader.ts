/**
 * .xls (BIFF) and .xlsx workbooks, through SheetJS. (A hand-written BIFF8
 * reader was about 20× faster — 1.2 s against 23 s for the .xls of all
 * départements — but the region zips are now the second layout, read once
 * per source and memoised: not worth a binary parser of our own.) Every sheet
 * is returned; records.ts decides which ones hold data. Cached formula
 * results are read, formulas are not evaluated.
 */
import * as XLSX from "@e965/xlsx";
import * as cpexcel from "@e965/xlsx/dist/cpexcel.full.mjs";
import {SourceError} from "./errors.js";
import type {Cell, Sheet} from "./table.js";

// Old BIFF5 files declare a code page (Windows-1252 for French files): give SheetJS the tables.
XLSX.set_cptable(cpexcel);

/** The formatted text when it is a zero-padded code ("01", "0042"), else the number. */
function paddedCodeOr(value: number, text: unknown): number | string {
  if (typeof text !== "string") return value;
  const trimmed = text.trim();
  return /^0\d+$/.test(trimmed) ? trimmed : value;
}

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
  // A workbook with no sheet at all (SpreadsheetML without a worksheet, a bare BIFF record) holds nothing to read.
  if (workbook.SheetNames.length === 0) throw new SourceError(`${file} : classeur sans aucune feuille (fichier vide ou tronqué ?). Téléchargez-le à nouveau ou retirez-le de la source.`);
  return workbook.SheetNames.map((name) => {
    const worksheet = workbook.Sheets[name];
    const data = (worksheet?.["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
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

/** An OLE2 .xls workbook. */
export function readXls(bytes: Uint8Array, file: string): Sheet[] {
  return readWorkbookWithSheetJS(bytes, file, "xls");
}

/** Any workbook SheetJS reads (xlsx, SpreadsheetML, BIFF2–5 without a container). */
export const readWorkbook = readWorkbookWithSheetJS;
