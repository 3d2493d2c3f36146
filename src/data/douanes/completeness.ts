/**
 * Completeness: a département the source covers must have values for each
 * flow and each quarter the source covers, or its figures (and its région's,
 * and France's) would be published short without a word — a deleted file, a
 * misspelled quarter header (« 2024-4 ») or a truncated series all look like
 * that. What the source covers: the départements of its own list
 * (Departement_region.txt in the bulk layout) and every département any of
 * its files holds; for each table, every quarter from its first to its last.
 * A hole is an error; TRADE_ALLOW_GAPS=1 turns it into a warning, kept in the
 * manifest and printed on the pages concerned.
 */
import type {Flow} from "../canonical.js";
import {SourceError} from "./errors.js";

export interface Covered {
  /** The table the value is in ("fichiers croisés Pays × Produits"…, or the bulk files). */
  table: string;
  dept: string;
  flow: Flow;
  year: number;
  quarter: number;
}

/** A département × flow × quarter with no value in one table. */
export interface Gap {
  table: string;
  dept: string;
  flow: Flow;
  /** "2024T4". */
  quarter: string;
}

const FLOWS: Flow[] = ["export", "import"];
const quarterIndex = (year: number, quarter: number) => year * 4 + quarter - 1;
const quarterName = (index: number) => `${Math.floor(index / 4)}T${(index % 4) + 1}`;

/** Every hole, per table, for the départements `expected` (those seen in any table are added). */
export function findGaps(covered: Iterable<Covered>, expected: Iterable<string> = []): Gap[] {
  const depts = new Set(expected);
  const present = new Set<string>();
  const range = new Map<string, {first: number; last: number}>();
  for (const c of covered) {
    depts.add(c.dept);
    const index = quarterIndex(c.year, c.quarter);
    present.add(`${c.table}|${c.dept}|${c.flow}|${index}`);
    const r = range.get(c.table);
    range.set(c.table, r ? {first: Math.min(r.first, index), last: Math.max(r.last, index)} : {first: index, last: index});
  }
  const gaps: Gap[] = [];
  for (const [table, {first, last}] of range) {
    for (const dept of [...depts].sort()) for (const flow of FLOWS) for (let index = first; index <= last; index++) {
      if (!present.has(`${table}|${dept}|${flow}|${index}`)) gaps.push({table, dept, flow, quarter: quarterName(index)});
    }
  }
  return gaps;
}

/** Gaps grouped as the messages and the pages say them: one line per table × département × flow. */
export function describeGaps(gaps: readonly Gap[]): string[] {
  const groups = new Map<string, string[]>();
  for (const gap of gaps) {
    const key = `département ${gap.dept}, ${gap.flow === "export" ? "exportations" : "importations"} (${gap.table})`;
    groups.set(key, [...(groups.get(key) ?? []), gap.quarter]);
  }
  return [...groups].map(([key, quarters]) => `${key} : ${quarters.join(", ")}`);
}

/** Whether the user asked for holes to be published with a warning (TRADE_ALLOW_GAPS=1). */
export function allowGapsFrom(env: NodeJS.ProcessEnv): boolean {
  const value = (env.TRADE_ALLOW_GAPS ?? "").trim();
  if (value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new SourceError(`TRADE_ALLOW_GAPS : « ${value} » n'est pas une valeur reconnue (1 pour publier malgré des trous, avec un avertissement ; 0 ou absent pour les refuser).`);
}

/** Refuses a source with holes, or (allowed) records them as warnings; returns the gaps kept for the manifest. */
export function checkGaps(gaps: Gap[], allowGaps: boolean, warnings: string[]): Gap[] {
  if (gaps.length === 0) return [];
  const lines = describeGaps(gaps);
  const shown = lines.slice(0, 10).join(" ; ") + (lines.length > 10 ? ` ; … et ${lines.length - 10} autres` : "");
  if (!allowGaps) {
    throw new SourceError(`Source incomplète : ${gaps.length} couple(s) département × flux × trimestre sans aucune valeur — ${shown}. ` +
      `Les chiffres de ces départements (et de leur région, et de la France) seraient publiés amputés. ` +
      `Que faire : vérifiez qu'aucun fichier ne manque et que les en-têtes de trimestre sont lisibles (« 2024T4 », « 2024-T4 ») ; ` +
      `pour publier quand même, avec un avertissement sur les pages concernées, relancez avec TRADE_ALLOW_GAPS=1.`);
  }
  warnings.push(`Source incomplète, publiée à la demande (TRADE_ALLOW_GAPS=1) : ${gaps.length} couple(s) département × flux × trimestre sans aucune valeur — ${shown}`);
  return gaps;
}
