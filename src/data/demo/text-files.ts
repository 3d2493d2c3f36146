/**
 * The label files beside the data, as the customs ship them: UTF-8 without
 * BOM, `;`-separated, CRLF, a header line then `Code;Libellé;Début;Fin`
 * (validity as YYYYMM, 999912 = still valid), a label holding `;` or `"`
 * quoted with `"`; the département → région table; and the read-me, which
 * says plainly that the data are synthetic.
 */
import {a129Products} from "../reference/a129.js";
import {cpf4Products} from "../reference/cpf4.js";
import {countries} from "../reference/countries.js";
import {compareCodes} from "./compare.js";
import {CRLF, ROLLING_FILES, archiveNames} from "./data-files.js";
import {demoDepartements, type DemoDepartement} from "./geography.js";
import {ARCHIVE_YEARS, PARTIAL_YEAR} from "./quarters.js";

export const LABEL_FILES = {
  cpf4: "Libelle_CPF4_rev2.1.txt",
  a129: "Libelle_A129.txt",
  countries: "Libelle_PAYS.txt",
  departements: "Departement_region.txt"
} as const;
export const README_FILE = "LISEZMOI_DEMONSTRATION.txt";

export const LABEL_HEADER = "Code;Libellé;Début;Fin";
export const DEPARTEMENT_HEADER = "Code département;Libellé;Code région;Libellé région";
export const STILL_VALID = "999912";

/** Start of validity of each nomenclature in the demo's label files. */
const CPF4_SINCE = "201501";
const A129_SINCE = "200901";
const COUNTRIES_SINCE = "199301";

/**
 * Codes relabelled over time (the customs' file keeps every label with its
 * validity): former labels [label, start, end], oldest first; the current
 * label (countries.ts) starts the month after the last one ends.
 */
const FORMER_COUNTRY_LABELS: Record<string, readonly (readonly [string, string, string])[]> = {
  XS: [["Serbie-et-Monténégro", "200301", "200605"]]
};

/** The month after a YYYYMM month. */
function nextMonth(yyyymm: string): string {
  const year = Number(yyyymm.slice(0, 4));
  const month = Number(yyyymm.slice(4));
  return month === 12 ? `${year + 1}01` : `${year}${String(month + 1).padStart(2, "0")}`;
}

/** Not partner countries: France itself and its overseas départements, part of its statistical territory. */
const NOT_PARTNERS: ReadonlySet<string> = new Set(["FR", "GP", "MQ", "GF", "RE", "YT"]);

/** A field quoted when it holds the separator, a quote or a line break (`""` for a quote). */
export function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function utf8(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join(CRLF) + CRLF);
}

type LabelRow = readonly [code: string, label: string, start: string, end: string];

function labelFile(rows: LabelRow[]): Uint8Array {
  const sorted = [...rows].sort((a, b) => compareCodes(a[0], b[0]) || compareCodes(a[2], b[2]));
  return utf8([LABEL_HEADER, ...sorted.map((row) => row.map(field).join(";"))]);
}

export function cpf4LabelFile(): Uint8Array {
  return labelFile(cpf4Products.map((p) => [p.code, p.label, CPF4_SINCE, STILL_VALID]));
}

export function a129LabelFile(): Uint8Array {
  return labelFile(a129Products.map((p) => [p.code, p.label, A129_SINCE, STILL_VALID]));
}

export function countryLabelFile(): Uint8Array {
  const rows: LabelRow[] = [];
  for (const {code, name} of countries) {
    if (NOT_PARTNERS.has(code)) continue;
    const former = FORMER_COUNTRY_LABELS[code] ?? [];
    rows.push(...former.map(([label, start, end]) => [code, label, start, end] as const));
    rows.push([code, name, former.length ? nextMonth(former[former.length - 1][2]) : COUNTRIES_SINCE, STILL_VALID]);
  }
  return labelFile(rows);
}

/** The départements the source covers: the pipeline checks every one of them has rows for each flow and quarter. */
export function departementRegionFile(depts: readonly DemoDepartement[] = demoDepartements): Uint8Array {
  return utf8([
    DEPARTEMENT_HEADER,
    ...depts.map((d) => [d.code, d.name, d.customsRegion, d.customsRegionName].map(field).join(";"))
  ]);
}

export function readMe(): Uint8Array {
  const archives = ARCHIVE_YEARS.flatMap((year) => [archiveNames(year, "export").zip, archiveNames(year, "import").zip]);
  const lines = [
    "DONNÉES DE DÉMONSTRATION (SYNTHÉTIQUES)",
    "",
    "Ces fichiers imitent le format des « bases complètes » des statistiques régionales et départementales",
    "du commerce extérieur publiées par la douane (DGDDI / DSECE, « Le kiosque »).",
    "Les valeurs sont INVENTÉES par un générateur déterministe : elles ne décrivent aucun échange réel.",
    "Seuls les totaux 2024 de l'Aube, du Grand Est et de la France entière reproduisent les chiffres publiés.",
    "",
    `Archives annuelles (${ARCHIVE_YEARS[0]}–${ARCHIVE_YEARS[ARCHIVE_YEARS.length - 1]}) : ${archives.join(", ")}.`,
    `Fichiers glissants : ${ROLLING_FILES.export} (exportations) et ${ROLLING_FILES.import} (importations),`,
    `année ${ARCHIVE_YEARS[ARCHIVE_YEARS.length - 1] + 1} complète et premier trimestre ${PARTIAL_YEAR} (année partielle).`,
    "Lignes sans en-tête, séparateur « ; », dix champs :",
    "flux (E, I) ; trimestre ; année ; code département ; code région ; A129 ; CPF4 ; code pays ; valeur (euros) ; masse (kg).",
    "Codes départements et régions de la douane : 20 = Corse, 99 = Monaco, 9A à 9E = départements d'outre-mer (région 24).",
    `Libellés : ${Object.values(LABEL_FILES).join(", ")} (UTF-8).`,
    "Données brutes : CAF à l'import, FAB à l'export, hors matériel militaire."
  ];
  return utf8(lines);
}

/** The label files and the read-me, name → bytes; the département list holds `depts` only (a subset says what it covers). */
export function textFiles(depts: readonly DemoDepartement[] = demoDepartements): [string, Uint8Array][] {
  return [
    [LABEL_FILES.cpf4, cpf4LabelFile()],
    [LABEL_FILES.a129, a129LabelFile()],
    [LABEL_FILES.countries, countryLabelFile()],
    [LABEL_FILES.departements, departementRegionFile(depts)],
    [README_FILE, readMe()]
  ];
}
