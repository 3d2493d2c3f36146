/**
 * The ONE place where header names are recognised. Real header names are not
 * known (see docs/data.md), so matching is tolerant: case, accents, spaces and
 * underscores, units in parentheses, and known synonyms. Anything else fails
 * loudly, quoting the headers seen and the synonyms expected.
 */
import type {AmountUnit} from "./amounts.js";
import {SourceError} from "./errors.js";
import {findPeriodInHeader, type Quarter} from "./periods.js";
import {cellText, type Cell} from "./table.js";
import {foldLabel} from "./text-decoding.js";

export type Role = "dept" | "product" | "country" | "flow" | "period" | "year" | "quarter" | "value" | "productLabel";

/** Accepted header names per role, in folded form (see foldLabel), units removed. */
export const SYNONYMS: Record<Role, string[]> = {
  dept: ["departement", "dep", "dept", "dpt", "code departement", "code dep", "code dept", "code dpt", "num departement",
    "numero departement", "no departement", "code du departement", "departement code", "code geo", "code geographique"],
  product: ["code produit", "produit", "cpf4", "cpf 4", "code cpf", "code cpf4", "code cpf 4", "cpf", "code produit cpf",
    "code produit cpf4", "produit code", "code", "nomenclature", "code nomenclature", "cpf6", "code cpf6"],
  country: ["code pays", "pays", "pays code", "code pays partenaire", "pays partenaire", "partenaire", "code partenaire",
    "pays de destination ou d origine", "country"],
  flow: ["flux", "flow", "sens", "sens du flux", "type de flux", "type flux", "code flux", "flux e i", "flux ei"],
  period: ["trimestre", "periode", "period", "date", "periode trimestrielle", "trimestre annee", "annee trimestre"],
  year: ["annee", "an", "year", "millesime"],
  quarter: ["trimestre", "trim", "quarter", "numero trimestre", "no trimestre"],
  value: ["valeur", "valeurs", "montant", "value", "valeur totale", "montant total", "valeur en milliers d euros",
    "valeur milliers d euros", "valeur k", "valeur keur"],
  productLabel: ["libelle produit", "libelle", "libelle cpf", "libelle cpf4", "intitule produit", "intitule", "nom produit",
    "designation", "libelle du produit"]
};

/** Columns understood and deliberately not used. */
const IGNORED = ["libelle pays", "nom pays", "pays libelle", "libelle departement", "nom departement", "departement libelle",
  "region", "code region", "libelle region", "nom region", "masse", "poids", "masse kg", "usup", "nc8", "a129", "a 129",
  "libelle flux", "libelle trimestre"];

const UNIT_SUFFIX = /\s+(?:en\s+)?(?:k ?€|keur|k eur|milliers d euros?|milliers euros?|euros?|€|eur)$/;

/** Header text reduced to its words: "Valeur (k€)" → "valeur", "CODE_PRODUIT" → "code produit". */
export function headerKey(header: string): string {
  return foldLabel(header.replace(/\([^)]*\)|\[[^\]]*\]/g, " ")).replace(UNIT_SUFFIX, "").trim();
}

/** Unit stated in a header: thousands of euros unless it says plain euros. */
export function headerUnit(header: string): AmountUnit | undefined {
  const folded = foldLabel(header);
  if (/k ?€|keur|k eur|milliers/.test(folded)) return "k€";
  if (/€|\beuros?\b|\beur\b/.test(folded)) return "€";
  return undefined;
}

export type Layout = "wide" | "long" | "labels";

export interface HeaderMapping {
  layout: Layout;
  /** Column index per role found. */
  columns: Partial<Record<Role, number>>;
  /** Wide layout: one value column per quarter. */
  periodColumns: {index: number; period: Quarter}[];
  unit: AmountUnit;
  headers: string[];
  /** Headers neither used nor deliberately ignored (reported as warnings). */
  unknown: string[];
}

function roleOf(key: string, hasYearColumn: boolean): Role | undefined {
  if (key === "trimestre" || key === "trim") return hasYearColumn ? "quarter" : "period";
  for (const role of Object.keys(SYNONYMS) as Role[]) if (SYNONYMS[role].includes(key)) return role;
  return undefined;
}

function describeSynonyms(): string {
  return (Object.keys(SYNONYMS) as Role[]).map((role) => `${role} : ${SYNONYMS[role].join(", ")}`).join(" ; ");
}

export function headerError(where: string, headers: string[], problem: string): SourceError {
  return new SourceError(
    `${where} : ${problem}. En-têtes lus : ${headers.map((h) => `« ${h} »`).join(", ") || "(aucun)"}. ` +
      `En-têtes attendus (synonymes acceptés, sans tenir compte de la casse, des accents ni des unités entre parenthèses) : ` +
      `${describeSynonyms()} ; ou une colonne par trimestre (« 2024T1 », « T1 2024 »…).`
  );
}

/**
 * Maps a header row, or throws a SourceError naming the file and the headers
 * seen. `where` is "file [sheet]" for messages.
 */
export function mapHeaders(row: Cell[], where: string): HeaderMapping {
  const headers = row.map(cellText);
  const keys = headers.map(headerKey);
  const hasYearColumn = keys.some((k) => SYNONYMS.year.includes(k));
  const columns: Partial<Record<Role, number>> = {};
  const periodColumns: {index: number; period: Quarter}[] = [];
  const unknown: string[] = [];
  const units = new Set<AmountUnit>();
  keys.forEach((key, index) => {
    if (key === "") return;
    const period = findPeriodInHeader(headers[index]);
    const role = roleOf(key, hasYearColumn);
    if (period && role === undefined) {
      periodColumns.push({index, period});
      const unit = headerUnit(headers[index]);
      if (unit) units.add(unit);
      return;
    }
    if (role === undefined) {
      if (!IGNORED.includes(key)) unknown.push(headers[index]);
      return;
    }
    if (columns[role] !== undefined) {
      throw headerError(where, headers, `deux colonnes pour le même rôle « ${role} » (« ${headers[columns[role]!]} » et « ${headers[index]} »)`);
    }
    columns[role] = index;
    if (role === "value") {
      const unit = headerUnit(headers[index]);
      if (unit) units.add(unit);
    }
  });
  if (units.size > 1) throw headerError(where, headers, "unités différentes selon les colonnes (k€ et €)");
  const unit: AmountUnit = units.values().next().value ?? "k€";
  const base = {columns, periodColumns, unit, headers, unknown};

  if (columns.productLabel !== undefined && columns.product !== undefined && columns.value === undefined && periodColumns.length === 0) {
    return {...base, layout: "labels"};
  }
  if (columns.product === undefined && columns.country === undefined) {
    throw headerError(where, headers, "ni colonne de code produit ni colonne de code pays");
  }
  const hasLongPeriod = columns.period !== undefined || (columns.year !== undefined && columns.quarter !== undefined);
  if (columns.value !== undefined && periodColumns.length > 0) {
    throw headerError(where, headers, "disposition ambiguë : une colonne de valeur et des colonnes par trimestre");
  }
  if (periodColumns.length > 0) {
    if (hasLongPeriod) throw headerError(where, headers, "disposition ambiguë : une colonne de période et des colonnes par trimestre");
    const seen = new Set<string>();
    for (const {period} of periodColumns) {
      const key = `${period.year}T${period.quarter}`;
      if (seen.has(key)) throw headerError(where, headers, `le trimestre ${key} apparaît dans deux colonnes`);
      seen.add(key);
    }
    return {...base, layout: "wide"};
  }
  if (columns.value === undefined) throw headerError(where, headers, "aucune colonne de valeur (ni « Valeur », ni une colonne par trimestre)");
  if (!hasLongPeriod) throw headerError(where, headers, "aucune colonne de période (« Trimestre », « Période », ou « Année » + « Trimestre »)");
  return {...base, layout: "long"};
}

/** Whether a row looks like a header row (used to skip title lines above it). */
export function looksLikeHeader(row: Cell[]): boolean {
  const keys = row.map((cell) => headerKey(cellText(cell)));
  const roles = keys.map((k) => roleOf(k, false)).filter((r) => r !== undefined);
  const periods = row.filter((cell) => findPeriodInHeader(cellText(cell)) !== undefined).length;
  return roles.length + periods >= 2;
}
