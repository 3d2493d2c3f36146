/**
 * The label files shipped beside the bulk data (docs/data.md §1):
 * `Libelle_CPF4_rev2.1.txt`, `Libelle_A129.txt`, `Libelle_PAYS.txt` —
 * `Code;Libellé;Début;Fin`, validity as YYYYMM, 999912 = still valid — and
 * `Departement_region.txt` (`Code département;Libellé;Code région;Libellé région`).
 * `;`-separated, quoted fields may hold `;`. Documented as UTF-8 without BOM,
 * read as latin-1 by one public script: the encoding is sniffed (valid UTF-8,
 * else Windows-1252; a BOM is stripped) and reported.
 */
import {splitDelimited} from "../delimited-reader.js";
import {baseName} from "../file-names.js";
import {boundLabel, cutLabelsWarning} from "../label-length.js";
import {decodeText, refuseReplacementCharacter} from "../text-decoding.js";
import {A129_PATTERN, CPF4_PATTERN} from "./layout.js";

export type LabelKind = "cpf4" | "a129" | "country" | "dept-region";

export interface LabelVersion {
  label: string;
  /** YYYYMM; 0 when the file gives none. */
  start: number;
  /** YYYYMM; 999912 = still valid (also when the file gives none). */
  end: number;
}

export interface LabelFile {
  file: string;
  kind: LabelKind;
  encoding: "utf-8" | "utf-8 (BOM)" | "windows-1252" | "windows-1252 (BOM UTF-8 trompeur)" | "utf-16le" | "utf-16be";
  /** Data lines read (header excluded). */
  lines: number;
  /** code → its labels over time (cpf4, a129, country). */
  labels: Map<string, LabelVersion[]>;
  /** Département region files: customs département code → customs région code and names. */
  departments: Map<string, {name: string; region: string; regionName: string}>;
  /** Lines that could not be used, with why (shown as warnings). */
  problems: string[];
}

const STILL_VALID = 999912;

/** What a label file is, from its name first, else from its header and codes. Undefined: not a label file. */
export function labelKindOf(path: string, head: string): LabelKind | undefined {
  const name = baseName(path).toLowerCase();
  if (/^libell?e_?cpf/.test(name)) return "cpf4";
  if (/^libell?e_?a129/.test(name)) return "a129";
  if (/^libell?e_?pays/.test(name)) return "country";
  if (/^dep(artement)?s?_?r[eé]gion/.test(name)) return "dept-region";
  const text = head.replace(/^\uFEFF/, "");
  const [header = "", first = ""] = text.split(/\r\n|\n|\r/);
  const folded = header.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (!/^"?code/.test(folded) || !/libell/.test(folded)) return undefined;
  if (/region/.test(folded) && /departement/.test(folded)) return "dept-region";
  const code = first.split(";")[0]?.replace(/"/g, "").trim() ?? "";
  if (CPF4_PATTERN.test(code)) return "cpf4";
  if (A129_PATTERN.test(code)) return "a129";
  if (/^[A-Z]{2}$/.test(code)) return "country";
  return undefined;
}

function yearMonth(text: string | undefined, fallback: number): number | undefined {
  const value = (text ?? "").trim();
  if (value === "") return fallback;
  if (!/^\d{6}$/.test(value)) return undefined;
  const month = Number(value.slice(4));
  return month >= 1 && month <= 12 ? Number(value) : undefined;
}

function encodingOf(bytes: Uint8Array, decoded: ReturnType<typeof decodeText>["encoding"]): LabelFile["encoding"] {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom && decoded === "utf-8") return "utf-8 (BOM)";
  if (bom && decoded === "windows-1252") return "windows-1252 (BOM UTF-8 trompeur)";
  return decoded;
}

export function readLabelFile(bytes: Uint8Array, file: string, kind: LabelKind): LabelFile {
  const {text, encoding} = decodeText(bytes, file);
  const {rows} = splitDelimited(text, ";");
  const result: LabelFile = {file, kind, encoding: encodingOf(bytes, encoding), lines: 0, labels: new Map(), departments: new Map(), problems: []};
  const header = rows[0] ?? [];
  const hasHeader = /code/i.test(header[0] ?? "");
  const cut: string[] = [];
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const fields = rows[r].map((field) => field.trim());
    if (fields.every((field) => field === "")) continue;
    result.lines++;
    const line = r + 1;
    const code = fields[0];
    const label = boundLabel(fields[1] ?? "");
    if (label !== (fields[1] ?? "")) cut.push(code);
    if (!code || !label) {
      result.problems.push(`${file}, ligne ${line} : code ou libellé vide (« ${rows[r].join(";")} »)`);
      continue;
    }
    refuseReplacementCharacter(label, `${file}, ligne ${line}`);
    if (kind === "dept-region") {
      const region = fields[2] ?? "";
      if (region === "") result.problems.push(`${file}, ligne ${line} : code région vide pour le département « ${code} »`);
      else result.departments.set(code.toUpperCase(), {name: label, region, regionName: boundLabel(fields[3] ?? "")});
      continue;
    }
    const start = yearMonth(fields[2], 0);
    const end = yearMonth(fields[3], STILL_VALID);
    if (start === undefined || end === undefined) {
      result.problems.push(`${file}, ligne ${line} : dates de validité illisibles (« ${fields[2] ?? ""} » / « ${fields[3] ?? ""} », attendu AAAAMM) pour le code « ${code} »`);
      continue;
    }
    const versions = result.labels.get(code) ?? [];
    versions.push({label, start, end});
    result.labels.set(code, versions);
  }
  const warning = cutLabelsWarning(file, cut);
  // First, so that it is among the problems shown even when there are many.
  if (warning) result.problems.unshift(warning);
  return result;
}

/**
 * The label of a code for a year: the version valid during that year (the
 * latest one starting within or before it when several are); when none is,
 * the one that ended last.
 */
export function labelForYear(versions: readonly LabelVersion[] | undefined, year: number): string | undefined {
  if (!versions || versions.length === 0) return undefined;
  const first = year * 100 + 1;
  const last = year * 100 + 12;
  const valid = versions.filter((v) => v.start <= last && v.end >= first);
  const pool = valid.length ? valid : versions;
  return [...pool].sort((a, b) => (valid.length ? b.start - a.start || b.end - a.end : b.end - a.end || b.start - a.start))[0].label;
}
