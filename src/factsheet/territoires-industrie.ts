/**
 * Title-block list of the "Territoires d'industrie" of a département.
 *
 * The list is a separate ANCT open dataset (data.gouv.fr, « Liste des
 * territoires d'industrie et des communes concernées »), not on npm and not
 * reachable offline. A user who downloaded it points TERRITOIRES_INDUSTRIE_FILE
 * at it (CSV, XLS or XLSX); its columns are found by name: the territory's
 * name, and the département code or the commune INSEE code. Without it, the
 * block says plainly that the list is not available.
 */
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {readTables} from "../data/douanes/table-reader.ts";
import {cellText} from "../data/douanes/table.ts";
import {foldLabel} from "../data/douanes/text-decoding.ts";
import {findDepartement} from "../data/territories.ts";
import {html} from "./escape.ts";

const NAME_HEADERS = ["lib ti", "libelle ti", "nom ti", "territoire d industrie", "nom territoire", "libelle territoire", "territoire"];
const DEPT_HEADERS = ["insee dep", "code dep", "dep", "departement", "code departement"];
const COMMUNE_HEADERS = ["insee com", "code commune", "codgeo", "code insee", "insee"];

/** "97411" → "974", "2A004" → "2A", "10387" → "10". */
export function departementOfCommune(commune: string): string {
  return commune.startsWith("97") ? commune.slice(0, 3) : commune.slice(0, 2);
}

/** Territoires d'industrie by département code, from the dataset's rows (first row = headers). */
export function territoiresByDepartement(rows: unknown[][], file: string): Map<string, string[]> {
  const headers = (rows[0] ?? []).map((cell) => foldLabel(String(cell ?? "")));
  const find = (names: string[]) => headers.findIndex((header) => names.includes(header));
  const nameColumn = find(NAME_HEADERS);
  const deptColumn = find(DEPT_HEADERS);
  const communeColumn = find(COMMUNE_HEADERS);
  if (nameColumn < 0 || (deptColumn < 0 && communeColumn < 0)) {
    throw new Error(
      `${file} : colonnes introuvables (nom du territoire, et code département ou code commune) — en-têtes lus : ${headers.join(" | ")}`
    );
  }
  const byDept = new Map<string, Set<string>>();
  for (const row of rows.slice(1)) {
    const name = cellText((row[nameColumn] ?? null) as never);
    const code = deptColumn >= 0 ? cellText((row[deptColumn] ?? null) as never).padStart(2, "0") : departementOfCommune(cellText((row[communeColumn] ?? null) as never));
    if (!name || !findDepartement(code)) continue;
    if (!byDept.has(code)) byDept.set(code, new Set());
    byDept.get(code)!.add(name);
  }
  return new Map([...byDept].map(([code, names]) => [code, [...names].sort((a, b) => a.localeCompare(b, "fr"))]));
}

let loaded: Map<string, string[]> | null | undefined;

function load(env: NodeJS.ProcessEnv): Map<string, string[]> | null {
  const path = env.TERRITOIRES_INDUSTRIE_FILE;
  if (!path) return null;
  const [sheet] = readTables(new Uint8Array(readFileSync(path)), basename(path));
  return territoiresByDepartement(sheet.rows, basename(path));
}

export function territoiresIndustrieBlock(code: string, env: NodeJS.ProcessEnv = process.env): string {
  if (loaded === undefined) loaded = load(env);
  if (loaded === null) {
    return `<p class="factsheet-ti">Territoires d'industrie : la liste de l'ANCT n'est pas intégrée à cette version du site (jeu de données séparé, à télécharger sur data.gouv.fr et à indiquer par la variable TERRITOIRES_INDUSTRIE_FILE).</p>`;
  }
  const names = loaded.get(code) ?? [];
  return names.length
    ? `<p class="factsheet-ti">Territoires d'industrie : ${names.map(html).join(", ")}.</p>`
    : `<p class="factsheet-ti">Aucun Territoire d'industrie dans ce département selon la liste de l'ANCT fournie.</p>`;
}
