/** Test helpers: read the demo's zips and .xls back with SheetJS, independently of the pipeline's parser. */
import * as XLSX from "@e965/xlsx";
import {unzipSync} from "fflate";

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export interface Sheet {
  header: string[];
  rows: unknown[][];
  /** Cell types of column 0 of each data row ("s" for text, "n" for numbers). */
  firstColumnTypes: string[];
}

export function readSheet(bytes: Uint8Array): Sheet {
  const workbook = XLSX.read(bytes, {type: "array"});
  const sheet = workbook.Sheets[workbook.SheetNames[0]];
  const all = XLSX.utils.sheet_to_json<unknown[]>(sheet, {header: 1, raw: true});
  const range = XLSX.utils.decode_range(sheet["!ref"]!);
  const firstColumnTypes: string[] = [];
  for (let r = 1; r <= range.e.r; r++) firstColumnTypes.push(sheet[XLSX.utils.encode_cell({r, c: 0})]?.t ?? "");
  return {header: all[0] as string[], rows: all.slice(1), firstColumnTypes};
}

/** k€ with three decimals → integer euros, failing loudly on anything finer than the euro. */
export function euros(thousands: unknown): number {
  if (typeof thousands !== "number") throw new Error(`valeur non numérique : ${String(thousands)}`);
  const value = Math.round(thousands * 1000);
  if (Math.abs(value - thousands * 1000) > 1e-6 * Math.max(1, Math.abs(value))) {
    throw new Error(`plus de trois décimales : ${thousands}`);
  }
  return value;
}
