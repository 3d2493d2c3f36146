/**
 * Why a bulk line is rejected: the short code stored in DuckDB (`reason`
 * column of the staging table) and what the manifest and stderr say.
 */
import {NOT_FOREIGN_REASON} from "../countries.js";

export const REASONS = {
  "empty-line": {text: "ligne vide", column: ""},
  fields: {text: "nombre de champs incorrect (10 attendus, séparés par « ; »)", column: ""},
  flow: {text: "flux inconnu (attendu E ou I)", column: "flux"},
  month: {text: "trimestre entre 5 et 12 (un mois ?)", column: "trimestre"},
  quarter: {text: "trimestre hors 1–4", column: "trimestre"},
  year: {text: "année illisible (quatre chiffres entre 1990 et 2100 attendus)", column: "année"},
  "dept-empty": {text: "code département vide", column: "code département"},
  dept: {text: "code département invalide", column: "code département"},
  a129: {text: "code A129 invalide (attendu comme « C14Z »)", column: "A129"},
  cpf4: {text: "code CPF4 invalide (quatre chiffres attendus)", column: "CPF4"},
  country: {text: "code pays invalide (deux lettres attendues)", column: "code pays"},
  "not-foreign": {text: NOT_FOREIGN_REASON, column: "code pays"},
  "value-empty": {text: "valeur vide", column: "valeur"},
  "value-negative": {text: "valeur négative", column: "valeur"},
  value: {text: "valeur non numérique", column: "valeur"},
  "mass-negative": {text: "masse négative", column: "masse"},
  mass: {text: "masse invalide (nombre de kilogrammes ou vide attendu)", column: "masse"},
  duplicate: {text: "doublon (ligne identique déjà lue : mêmes flux, trimestre, année, département, produit, pays et valeurs)", column: ""},
  overlap: {text: "année et flux aussi fournis par un fichier plus récent", column: ""}
} as const;

export type ReasonCode = keyof typeof REASONS;

/** The `reason` column of the staging table holds the index of its code here (NULL: kept). */
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

export function reasonIndex(code: ReasonCode): number {
  return REASON_CODES.indexOf(code);
}

/** Why the rows of a file for one (flow, year) were set aside: another file, named, was kept for it. */
export function overlapText(flow: string, year: number, keptFile: string): string {
  return `${flow === "E" || flow === "export" ? "exportations" : "importations"} ${year} aussi fournies par « ${keptFile} », gardé (série la plus récente) : lignes de ce fichier écartées pour cette année`;
}

export function reasonText(code: ReasonCode): string {
  return REASONS[code].text;
}

/** Index of the field (0–9, in the "a129-cpf4" order) a reason is about, or undefined for the whole line. */
export function reasonField(code: ReasonCode): number | undefined {
  const column = REASONS[code].column;
  if (column === "") return undefined;
  const index = ["flux", "trimestre", "année", "code département", "code région", "A129", "CPF4", "code pays", "valeur", "masse"].indexOf(column);
  return index < 0 ? undefined : index;
}
