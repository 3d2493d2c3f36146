/**
 * The embedded demo source: synthetic customs files in the customs' bulk
 * layout (annual archives, rolling files, label files), calibrated on the
 * reference factsheet. The pipeline reads them through the same parser as the
 * real files. See README.md, the file-format contract.
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {dataFiles} from "./data-files.js";
import {demoDepartements, departementsOfRegions} from "./geography.js";
import {textFiles} from "./text-files.js";

export {CALIBRATION, CALIBRATED_YEAR, PRINTED_UNIT, departementTotals} from "./calibration.js";
export {ROLLING_FILES, archiveNames} from "./data-files.js";
export {demoDepartements, departementsOfRegions} from "./geography.js";
export {ARCHIVE_YEARS, COMPLETE_YEARS, PARTIAL_YEAR, QUARTERS} from "./quarters.js";
export {LABEL_FILES, README_FILE} from "./text-files.js";

export interface DemoOptions {
  /**
   * INSEE région codes whose départements get data rows (default: all 18).
   * "93" includes Monaco ("99"), "94" is Corsica ("20"), "01"…"06" one overseas
   * département each. The product and country label files are always complete;
   * Departement_region.txt lists the départements covered (what the source says it covers).
   */
  regions?: string[];
}

/** Every file of the demo, name → bytes, in the order they are written. */
export function demoFiles(options: DemoOptions = {}): [string, Uint8Array][] {
  const depts = options.regions ? departementsOfRegions(options.regions) : demoDepartements;
  return [...dataFiles(depts), ...textFiles(depts)];
}

/** Writes the demo files into `outDir` (created if needed); same bytes on every run. Returns their paths. */
export async function writeDemoSource(outDir: string, options: DemoOptions = {}): Promise<{files: string[]}> {
  const files = demoFiles(options);
  await mkdir(outDir, {recursive: true});
  const paths: string[] = [];
  for (const [name, bytes] of files) {
    const path = join(outDir, name);
    await writeFile(path, bytes);
    paths.push(path);
  }
  return {files: paths};
}
