/**
 * .xls (BIFF) and .xlsx workbooks through SheetJS. Every sheet is returned;
 * records.ts decides which ones hold data. Cached formula results are read,
 * formulas are not evaluated.
 */
import * as XLSX from "@e965/xlsx";
import * as cpexcel from "@e965/xlsx/dist/cpexcel.full.mjs";
import {SourceError} from "./errors.ts";
import type {Cell, Sheet} from "./table.ts";

// Old BIFF5 files declare a code page (Windows-1252 for French files): give SheetJS the tables.
XLSX.set_cptable(cpexcel);

/** A code such as "01" stored as the number 1 with a "00" format keeps its zeros. */
function toCell(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case "n": {
      const value = cell.v as number;
      return typeof cell.w === "string" && /^0\d+$/.test(cell.w.trim()) ? cell.w.trim() : value;
    }
    case "s": return cell.v as string;
    case "b": return cell.v as boolean;
    case "e": return cell.w ?? "#ERREUR";
    case "d": return cell.w ?? String(cell.v);
    default: return cell.w ?? String(cell.v);
  }
}

export function readWorkbook(bytes: Uint8Array, file: string, format: "xls" | "xlsx"): Sheet[] {
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
