/**
 * One région's zip, as the customs publish it: four .xls per département, the
 * product label file and the read-me. Zip entries carry a fixed date built from
 * local-time fields (zip stores local DOS time), so the bytes do not depend on
 * the clock or the time zone.
 */
import {zipSync, type Zippable} from "fflate";
import type {Flow} from "../canonical.ts";
import {findRegion} from "../territories.ts";
import {departementTotals} from "./calibration.ts";
import {generateCube, type PairSeries} from "./cube.ts";
import {crossedRows, marginRows} from "./tables.ts";
import {productLabelsCsv, readMe} from "./text-files.ts";
import {writeXls, type Cell} from "./xls.ts";

const ENTRY_DATE = new Date(2025, 0, 15, 12, 0, 0);
const COMPRESSION_LEVEL = 6;

export const LABELS_FILE = "libelles_produits.csv";
export const README_FILE = "LisezMoi_Regions_T.txt";

export function regionZipName(regionCode: string): string {
  return `region_${regionCode}.zip`;
}

/** The four file names of one département, in the order they are zipped. */
export function departementFileNames(dept: string) {
  return {
    export: `${dept}_export_pays_produits.xls`,
    import: `${dept}_import_pays_produits.xls`,
    products: `${dept}_produits.xls`,
    countries: `${dept}_pays.xls`
  };
}

function xlsEntry(fileName: string, rows: Cell[][], title: string): Uint8Array {
  return writeXls(rows, {sheetName: fileName.replace(/\.xls$/, ""), title});
}

function departementEntries(dept: string): Record<string, Uint8Array> {
  const totals = departementTotals().get(dept)!;
  const cubes: Record<Flow, PairSeries[]> = {
    export: generateCube(dept, "export", totals.export),
    import: generateCube(dept, "import", totals.import)
  };
  const names = departementFileNames(dept);
  return {
    [names.export]: xlsEntry(names.export, crossedRows(dept, cubes.export), `Exportations ${dept} par pays et produit`),
    [names.import]: xlsEntry(names.import, crossedRows(dept, cubes.import), `Importations ${dept} par pays et produit`),
    [names.products]: xlsEntry(names.products, marginRows(dept, cubes, "product"), `Échanges ${dept} par produit`),
    [names.countries]: xlsEntry(names.countries, marginRows(dept, cubes, "country"), `Échanges ${dept} par pays`)
  };
}

/** The zip of one région, as bytes. */
export function buildRegionZip(regionCode: string): Uint8Array {
  const region = findRegion(regionCode);
  if (!region) throw new Error(`Code région inconnu : « ${regionCode} » (codes INSEE attendus, par exemple 44)`);
  const files: Record<string, Uint8Array> = {
    [README_FILE]: readMe(region.name, region.departements),
    [LABELS_FILE]: productLabelsCsv()
  };
  for (const dept of region.departements) Object.assign(files, departementEntries(dept));
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, {mtime: ENTRY_DATE, level: COMPRESSION_LEVEL}];
  return zipSync(zippable);
}
