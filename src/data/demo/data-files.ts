/**
 * The data files of the demo, in the customs' bulk layout (README.md): one
 * line per (département, product, country, quarter) with a non-zero value,
 * no header, ten `;`-separated fields
 *   flux;trimestre;année;code département;code région;A129;CPF4;code pays;valeur;masse
 * CRLF line ends, sorted by year, quarter, département, CPF4, country.
 * 2021–2023 go to annual zip archives, 2024 and 2025T1 to the rolling files.
 */
import {zipSync} from "fflate";
import type {Flow} from "../canonical.js";
import {a129OfCpf4} from "../reference/a129.js";
import {departementTotals} from "./calibration.js";
import {generateCube} from "./cube.js";
import type {DemoDepartement} from "./geography.js";
import {ARCHIVE_YEARS, QUARTERS} from "./quarters.js";

export const CRLF = "\r\n";
export const FLOW_CODES: Record<Flow, string> = {export: "E", import: "I"};
const FLOWS: readonly Flow[] = ["export", "import"];

/** The rolling files: 2024 T1–T4 and 2025 T1. */
export const ROLLING_FILES: Record<Flow, string> = {export: "REGIONAL_CPF4PAYSE.txt", import: "REGIONAL_CPF4PAYSI.txt"};

/** Zip name and entry path of the annual archive of one year and flow. */
export function archiveNames(year: number, flow: Flow): {zip: string; entry: string} {
  const Flow = flow === "export" ? "Export" : "Import";
  return {
    zip: `${year + 1}02_regional_${year}_${flow}.zip`,
    entry: `Regional-${year}-${flow}/Region_${year}_${Flow}.txt`
  };
}

/** Fixed entry date of an archive (15 February of the next year, noon, local-time fields). */
function archiveDate(year: number): Date {
  return new Date(year + 1, 1, 15, 12, 0, 0);
}
const COMPRESSION_LEVEL = 6;

/**
 * Data lines of one flow for the given départements, per quarter index of
 * QUARTERS, in file order: one chunk of CRLF-ended lines per département
 * (flat strings, far lighter than a string per line).
 */
export function dataChunks(depts: readonly DemoDepartement[], flow: Flow): string[][] {
  const totals = departementTotals();
  const buckets: string[][] = QUARTERS.map(() => []);
  const a129 = new Map<string, string>();
  const a129Of = (cpf4: string) => {
    let code = a129.get(cpf4);
    if (code === undefined) {
      code = a129OfCpf4(cpf4);
      if (!code) throw new Error(`Démo : le produit CPF4 « ${cpf4} » n'a pas de code A129`);
      a129.set(cpf4, code);
    }
    return code;
  };
  // Départements in code order, pairs in (CPF4, country) order: each quarter's bucket is sorted as it fills.
  for (const dept of depts) {
    const cube = generateCube(dept.code, flow, totals.get(dept.code)![flow]);
    const lines: string[][] = QUARTERS.map(() => []);
    for (const {product, country, values, masses} of cube) {
      const prefix = `;${dept.code};${dept.customsRegion};${a129Of(product)};${product};${country};`;
      values.forEach((value, i) => {
        if (value === 0) return;
        const q = QUARTERS[i];
        lines[i].push(`${FLOW_CODES[flow]};${q.quarter};${q.year}${prefix}${value};${masses[i]}${CRLF}`);
      });
    }
    lines.forEach((quarterLines, i) => {
      if (quarterLines.length) buckets[i].push(quarterLines.join(""));
    });
  }
  return buckets;
}

/** The file text of the chunks of some years (data lines are ASCII). */
function textOfYears(buckets: string[][], keep: (year: number) => boolean): Uint8Array {
  return Buffer.from(buckets.filter((_, i) => keep(QUARTERS[i].year)).flat().join(""), "latin1");
}

/**
 * Every data file, name → bytes: the annual archives (by year, export then
 * import), then the rolling files. One flow is generated at a time.
 */
export function dataFiles(depts: readonly DemoDepartement[]): [string, Uint8Array][] {
  const lastArchive = ARCHIVE_YEARS[ARCHIVE_YEARS.length - 1];
  const archives = new Map<string, Uint8Array>();
  const rolling: [string, Uint8Array][] = [];
  for (const flow of FLOWS) {
    const chunks = dataChunks(depts, flow);
    for (const year of ARCHIVE_YEARS) {
      const {zip, entry} = archiveNames(year, flow);
      const content = textOfYears(chunks, (y) => y === year);
      archives.set(zip, zipSync({[entry]: [content, {mtime: archiveDate(year), level: COMPRESSION_LEVEL}]}));
    }
    rolling.push([ROLLING_FILES[flow], textOfYears(chunks, (y) => y > lastArchive)]);
  }
  const ordered = ARCHIVE_YEARS.flatMap((year) => FLOWS.map((flow) => archiveNames(year, flow).zip));
  return [...ordered.map((zip) => [zip, archives.get(zip)!] as [string, Uint8Array]), ...rolling];
}
