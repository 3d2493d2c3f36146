/**
 * The "Territoires d'industrie" of each département, from the ANCT list as
 * published on data.gouv.fr (dataset « Programme Territoires d'industrie »,
 * list 2023–2027, `liste-ti-com2023-<date>.csv`): one row per commune, columns
 * `insee_com, lib_com, id_ti, lib_ti`, 183 territories. A commune belonging to
 * two territories holds both ids and both names in one cell, separated by
 * " ; " (`T12 ; T34` / `Ouest Champenois ; Sud Champagne`): they are paired by
 * position.
 *
 * The file is named by TERRITOIRES_INDUSTRIE_FILE (not on npm, not reachable
 * offline); read once per process. CSV `;` or `,` separated (sniffed on the
 * header line), UTF-8 or latin-1 (sniffed); an .xls / .xlsx copy with the same
 * columns is read through the customs' table reader. Headers are found by name
 * (case, accents, `_` / spaces ignored); `lib_com` is not needed.
 *
 * The département is the commune code's prefix (`97411` → `974`, `2A004` →
 * `2A`, `10387` → `10`); a commune of Corsica is also listed under `20`, the
 * one Corsica the customs publish. A four-digit commune code (a spreadsheet
 * that dropped the leading zero) is read with its zero back. A row that cannot
 * be placed is rejected with a reason, never dropped silently.
 */
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {sha256} from "./douanes/checksum.js";
import {splitDelimited} from "./douanes/delimited-reader.js";
import {describeContent, sniffContent} from "./douanes/sniff.js";
import {readTables} from "./douanes/table-reader.js";
import {cellText} from "./douanes/table.js";
import {printError} from "./douanes/terminal.js";
import {decodeText, foldLabel} from "./douanes/text-decoding.js";
import {CORSICA_CODE, CORSICA_HALVES} from "./customs-geography.js";
import {findDepartement} from "./territories.js";

export interface TerritoireIndustrie {
  id: string;
  name: string;
}

export interface RejectionReason {
  reason: string;
  count: number;
  /** The first few rejected rows, as `ligne N : cells`. */
  examples: string[];
}

export interface TerritoiresIndustrie {
  file: {name: string; sha256: string; bytes: number};
  /** Distinct territories (ids) among the kept rows. */
  territories: number;
  /** Département code → its territories, sorted by name, each once. Corsica's communes are under 2A / 2B and under 20. */
  byDepartement: Record<string, TerritoireIndustrie[]>;
  rows: {read: number; kept: number; rejected: number; reasons: RejectionReason[]};
}

export const TERRITOIRES_INDUSTRIE_VARIABLE = "TERRITOIRES_INDUSTRIE_FILE";

const EXPECTED = "la liste de l'ANCT « liste-ti-com2023-<date>.csv » (data.gouv.fr, Programme Territoires d'industrie), colonnes insee_com, lib_com, id_ti, lib_ti";
const COLUMNS = {commune: "insee com", id: "id ti", name: "lib ti"} as const;
const EXAMPLES_KEPT = 3;
const MULTI_VALUE = /\s*;\s*/;

/** "97411" → "974", "2A004" → "2A", "10387" → "10". */
export function departementOfCommune(commune: string): string {
  return commune.startsWith("97") ? commune.slice(0, 3) : commune.slice(0, 2);
}

/** The INSEE commune code of a cell, or undefined when it is not one. */
function communeCode(cell: string): string | undefined {
  const code = cell.trim().toUpperCase();
  if (/^\d{4}$/.test(code)) return "0" + code;
  return /^(\d{5}|2[AB]\d{3})$/.test(code) ? code : undefined;
}

function fail(file: string, message: string): never {
  throw new Error(`Territoires d'industrie (${file}) : ${message}`);
}

/** `;` or `,`, whichever splits the header line more (quotes ignored). */
function sniffSeparator(text: string): ";" | "," {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  return header.split(",").length > header.split(";").length ? "," : ";";
}

/** The file's rows as text cells, rows[0] being the headers. */
function readRows(bytes: Uint8Array, file: string): {rows: string[][]; format: string} {
  const kind = sniffContent(bytes);
  if (kind === "empty" || kind === "html" || kind === "binary") fail(file, `ce fichier est ${describeContent(kind)} ; attendu : ${EXPECTED}.`);
  if (kind === "zip" || kind === "cfb") {
    const [sheet] = readTables(bytes, file);
    return {rows: sheet.rows.map((row) => row.map(cellText)), format: `classeur, feuille « ${sheet.sheet ?? ""} »`};
  }
  const {text, encoding} = decodeText(bytes);
  const separator = sniffSeparator(text.replace(/^\uFEFF/, ""));
  const {rows, truncated} = splitDelimited(text.replace(/^\uFEFF/, ""), separator);
  if (truncated) fail(file, "le fichier se termine au milieu d'un champ entre guillemets (fichier tronqué ?).");
  return {rows, format: `texte ${encoding}, séparateur « ${separator} »`};
}

class Rejections {
  private readonly byReason = new Map<string, RejectionReason>();
  count = 0;

  add(reason: string, line: number, cells: string[]): void {
    this.count++;
    const entry = this.byReason.get(reason) ?? {reason, count: 0, examples: []};
    entry.count++;
    if (entry.examples.length < EXAMPLES_KEPT) entry.examples.push(`ligne ${line} : ${cells.join(" | ")}`);
    this.byReason.set(reason, entry);
  }

  list(): RejectionReason[] {
    return [...this.byReason.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, "fr"));
  }
}

/** Parses the list's rows (rows[0] = headers); `file` names it in messages. */
export function parseTerritoiresIndustrie(rows: string[][], file: string, format = ""): Omit<TerritoiresIndustrie, "file"> {
  const headers = (rows[0] ?? []).map((cell) => foldLabel(cell.replace(/^\uFEFF/, "")));
  const column = (name: string) => headers.indexOf(name);
  const missing = Object.entries(COLUMNS).filter(([, name]) => column(name) < 0).map(([, name]) => name.replace(" ", "_"));
  if (missing.length) {
    const seen = (rows[0] ?? []).map((cell) => cell.trim()).filter(Boolean);
    fail(file, `colonne(s) manquante(s) : ${missing.join(", ")} — en-têtes lus : ${seen.length ? seen.map((h) => `« ${h} »`).join(", ") : "aucun"}${format ? ` (${format})` : ""}. Attendu : ${EXPECTED}.`);
  }
  const communeColumn = column(COLUMNS.commune);
  const idColumn = column(COLUMNS.id);
  const nameColumn = column(COLUMNS.name);

  const rejections = new Rejections();
  const nameOfId = new Map<string, string>();
  const byDept = new Map<string, Map<string, string>>();
  let read = 0;
  let kept = 0;
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const cells = row.map((cell) => cell.trim());
    if (cells.every((cell) => cell === "")) return;
    read++;
    const rawCommune = cells[communeColumn] ?? "";
    const commune = communeCode(rawCommune);
    if (!commune) return rejections.add(rawCommune ? "code commune invalide (attendu : 5 caractères INSEE, comme 10387 ou 2A004)" : "code commune vide", line, cells);
    const dept = departementOfCommune(commune);
    if (!findDepartement(dept)) return rejections.add("commune hors des départements du site (collectivité d'outre-mer ?)", line, cells);
    const ids = (cells[idColumn] ?? "").split(MULTI_VALUE);
    const names = (cells[nameColumn] ?? "").split(MULTI_VALUE).map((name) => name.replace(/\s+/g, " "));
    if (ids.length !== names.length) return rejections.add(`autant d'identifiants (id_ti) que de noms (lib_ti) attendus, séparés par « ; »`, line, cells);
    if (ids.some((id) => id === "") || names.some((name) => name === "")) return rejections.add("identifiant (id_ti) ou nom (lib_ti) de territoire vide", line, cells);
    const conflict = ids.findIndex((id, i) => nameOfId.has(id) && nameOfId.get(id) !== names[i]);
    if (conflict >= 0) return rejections.add(`identifiant déjà lu avec un autre nom (${ids[conflict]} : « ${nameOfId.get(ids[conflict])} »)`, line, cells);
    kept++;
    const targets = (CORSICA_HALVES as readonly string[]).includes(dept) ? [dept, CORSICA_CODE] : [dept];
    ids.forEach((id, i) => {
      nameOfId.set(id, names[i]);
      for (const target of targets) {
        if (!byDept.has(target)) byDept.set(target, new Map());
        byDept.get(target)!.set(id, names[i]);
      }
    });
  });

  const byDepartement: Record<string, TerritoireIndustrie[]> = {};
  for (const code of [...byDept.keys()].sort()) {
    byDepartement[code] = [...byDept.get(code)!]
      .map(([id, name]) => ({id, name}))
      .sort((a, b) => a.name.localeCompare(b.name, "fr") || a.id.localeCompare(b.id));
  }
  return {territories: nameOfId.size, byDepartement, rows: {read, kept, rejected: rejections.count, reasons: rejections.list()}};
}

/** Reads the ANCT list at `path`. Throws a French message naming the file when it cannot be read as that list. */
export function readTerritoiresIndustrie(path: string): TerritoiresIndustrie {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(path, code === "ENOENT" ? "fichier introuvable." : code === "EISDIR" ? "c'est un dossier, pas un fichier." : `lecture impossible (${(error as Error).message}).`);
  }
  let parsed: Omit<TerritoiresIndustrie, "file">;
  try {
    const {rows, format} = readRows(bytes, path);
    parsed = parseTerritoiresIndustrie(rows, path, format);
  } catch (error) {
    // The table reader's messages already name the file.
    const message = (error as Error).message;
    throw new Error(message.startsWith("Territoires d'industrie") ? message : `Territoires d'industrie : ${message}`);
  }
  if (parsed.rows.kept === 0) {
    const why = parsed.rows.reasons.map((r) => `${r.reason} (${r.count}, ex. ${r.examples[0]})`).join(" ; ");
    fail(path, `aucune ligne utilisable sur ${parsed.rows.read}${why ? ` : ${why}` : ""}. Attendu : ${EXPECTED}.`);
  }
  return {file: {name, sha256: sha256(bytes), bytes: bytes.length}, ...parsed};
}

const loaded = new Map<string, TerritoiresIndustrie>();

/**
 * The list TERRITOIRES_INDUSTRIE_FILE names, read once per process (per path),
 * or null when the variable is unset or empty. Rejected rows are reported
 * once on stderr.
 */
export function loadTerritoiresIndustrie(env: NodeJS.ProcessEnv = process.env): TerritoiresIndustrie | null {
  const path = env[TERRITOIRES_INDUSTRIE_VARIABLE]?.trim();
  if (!path) return null;
  let list = loaded.get(path);
  if (!list) {
    list = readTerritoiresIndustrie(path);
    loaded.set(path, list);
    if (list.rows.rejected > 0) {
      printError(
        `[territoires d'industrie] ${list.file.name} : ${list.rows.read} lignes lues = ${list.rows.kept} gardées + ${list.rows.rejected} rejetées (` +
          list.rows.reasons.map((r) => `${r.reason} : ${r.count}, ex. ${r.examples[0]}`).join(" ; ") +
          ")\n"
      );
    }
  }
  return list;
}
