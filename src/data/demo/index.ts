/**
 * The embedded demo source: synthetic customs files, one zip per région, in
 * the customs' own format, calibrated on the reference factsheet. The pipeline
 * reads them through the same parser as the real files. See README.md.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {regions} from "../territories.ts";
import {buildRegionZip, regionZipName} from "./region-zip.ts";

export {buildRegionZip, regionZipName, departementFileNames, LABELS_FILE, README_FILE} from "./region-zip.ts";
export {CALIBRATION, CALIBRATED_YEAR, departementTotals} from "./calibration.ts";
export {CROSSED_QUARTERS, HISTORY_QUARTERS} from "./quarters.ts";

export interface DemoOptions {
  /** INSEE région codes to write (default: all 18). */
  regions?: string[];
}

/** Writes `region_<code>.zip` files into `outDir` (created if needed); same bytes on every run. */
export async function writeDemoSource(outDir: string, options: DemoOptions = {}): Promise<{files: string[]}> {
  const codes = options.regions ?? regions.map((r) => r.code);
  await mkdir(outDir, {recursive: true});
  const files: string[] = [];
  for (const code of codes) {
    const path = join(outDir, regionZipName(code));
    await writeFile(path, buildRegionZip(code));
    files.push(path);
  }
  return {files};
}
