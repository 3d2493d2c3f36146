/**
 * The customs' bulk layout (docs/data.md §1), recognised by content: no header,
 * ten `;`-separated fields per line,
 *   flux ; trimestre ; année ; code département ; code région ; A129 ; CPF4 ; code pays ; valeur ; masse
 * with the A129 and CPF4 columns possibly swapped (the public scripts
 * disagree), told apart by pattern on a sample of each file.
 */
import {SourceError} from "../errors.js";
import {baseName} from "../file-names.js";

export const BULK_FIELD_COUNT = 10;

/** Column order of a bulk file: which of the 6th and 7th fields holds A129. */
export type BulkColumnOrder = "a129-cpf4" | "cpf4-a129";

/** French names of the ten fields, for messages, in the "a129-cpf4" order. */
export const BULK_FIELDS = ["flux", "trimestre", "année", "code département", "code région", "A129", "CPF4", "code pays", "valeur", "masse"] as const;

export const A129_PATTERN = /^[A-Z]\d{2}[A-Z]$/;
export const CPF4_PATTERN = /^\d{4}$/;

/** The same patterns for DuckDB's regexp_full_match (RE2). */
export const SQL_PATTERNS = {
  year: "[0-9]{4}",
  dept: "[0-9A-Z]{2,3}",
  a129: "[A-Z][0-9]{2}[A-Z]",
  cpf4: "[0-9]{4}",
  country: "[A-Z]{2}",
  number: "[0-9]+([.,][0-9]+)?"
} as const;

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** Rolling series (REGIONAL_CPF4PAYSE/I), annual archive (Region_2019_Export…), or a name that says neither. */
export type BulkSeries = "rolling" | "annual" | "unknown";

export interface SeriesOfName {
  series: BulkSeries;
  /** The year in an annual file's name. */
  year?: number;
}

/** What a file's name says about its series (the content decides the layout, the name only which series wins an overlap). */
export function seriesOfName(path: string): SeriesOfName {
  const name = baseName(path);
  if (/cpf4pays[ei]?\b|^regional_cpf4/i.test(name)) return {series: "rolling"};
  const annual = /^region(?:al)?[_-]?(\d{4})[_-]/i.exec(name);
  if (annual) return {series: "annual", year: Number(annual[1])};
  return {series: "unknown"};
}

function lines(text: string, max: number): string[] {
  return text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== "").slice(0, max);
}

function fieldsLookLikeBulk(fields: string[]): boolean {
  return fields.length === BULK_FIELD_COUNT && /^[EI]$/.test(fields[0].trim()) && /^\d{4}$/.test(fields[2].trim()) && /^\d{1,2}$/.test(fields[1].trim());
}

/**
 * Whether a file's first bytes are bulk data: most of its first lines (the
 * last one may be cut by the sample) split into ten fields starting with a
 * flow letter, a quarter and a year — and no header line.
 */
export function looksLikeBulk(head: Uint8Array): boolean {
  const text = new TextDecoder("latin1").decode(head);
  const sample = lines(text, 50);
  if (head.length >= 4096 && sample.length > 1) sample.pop(); // possibly cut
  if (sample.length === 0) return false;
  const fitting = sample.filter((line) => fieldsLookLikeBulk(line.split(";"))).length;
  return fieldsLookLikeBulk(sample[0].split(";")) || fitting >= Math.max(1, Math.ceil(sample.length * 0.8));
}

export interface OrderDetection {
  order: BulkColumnOrder;
  /** Sample lines fitting each order. */
  fitting: Record<BulkColumnOrder, number>;
  sampled: number;
}

/**
 * The column order of one file, from a sample of its lines: the order that
 * most lines fit (6th field A129 and 7th CPF4, or the reverse). Refuses a file
 * that fits neither, showing the values seen.
 */
export function detectColumnOrder(sample: string[][], file: string): OrderDetection {
  const rows = sample.filter((fields) => fields.length === BULK_FIELD_COUNT);
  const fitting: Record<BulkColumnOrder, number> = {"a129-cpf4": 0, "cpf4-a129": 0};
  for (const fields of rows) {
    const [sixth, seventh] = [fields[5].trim(), fields[6].trim()];
    if (A129_PATTERN.test(sixth) && CPF4_PATTERN.test(seventh)) fitting["a129-cpf4"]++;
    else if (CPF4_PATTERN.test(sixth) && A129_PATTERN.test(seventh)) fitting["cpf4-a129"]++;
  }
  const best: BulkColumnOrder = fitting["a129-cpf4"] >= fitting["cpf4-a129"] ? "a129-cpf4" : "cpf4-a129";
  const other: BulkColumnOrder = best === "a129-cpf4" ? "cpf4-a129" : "a129-cpf4";
  // Most of the sample must fit one order, and clearly more than the other.
  if (rows.length === 0 || fitting[best] < rows.length / 2 || fitting[other] > fitting[best] / 10) {
    const seen = rows.slice(0, 5).map((fields) => `« ${fields[5]} » / « ${fields[6]} »`).join(", ") || "(aucune ligne de dix champs)";
    throw new SourceError(
      `${file} : ordre des colonnes A129 / CPF4 indéterminé — sur ${rows.length} lignes de l'échantillon, ${fitting["a129-cpf4"]} ont un code A129 (comme « C14Z ») ` +
        `en 6e colonne et un code CPF4 (quatre chiffres, comme « 1413 ») en 7e, ${fitting["cpf4-a129"]} l'inverse. Valeurs vues en 6e / 7e colonne : ${seen}. ` +
        `Que faire : vérifiez que ce fichier est bien un fichier « Bases complètes » des douanes (flux;trimestre;année;département;région;A129;CPF4;pays;valeur;masse), ou retirez-le de la source.`
    );
  }
  return {order: best, fitting, sampled: rows.length};
}

/** The first lines of a text sample as fields (the last line is dropped when the sample may have cut it). */
export function sampleFields(head: Uint8Array, complete: boolean, max = 2000): string[][] {
  const all = new TextDecoder("latin1").decode(head).split(/\r\n|\n|\r/);
  if (!complete) all.pop();
  return all.filter((line) => line !== "").slice(0, max).map((line) => line.split(";"));
}
