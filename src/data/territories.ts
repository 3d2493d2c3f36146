/**
 * Territories of the site: the 101 départements (metropolitan + DROM) and the
 * 18 régions, from @etalab/decoupage-administratif. Collectivités d'outre-mer
 * (975, 977, 978, 984, 986–989) are out of scope: the customs' departmental
 * files do not cover them.
 *
 * Used by the Framework config (dynamicPaths, sidebar), the loaders and tests.
 */
import {createRequire} from "node:module";

const require = createRequire(import.meta.url);

interface EtalabDepartement {code: string; region: string; nom: string; zone: string; typeLiaison: number}
interface EtalabRegion {code: string; nom: string; zone: string; typeLiaison: number}

/**
 * How a French place name takes its article, from INSEE's "type de nom en
 * clair" (TNCC, `typeLiaison` in the etalab data): "L'Aube", "le Nord",
 * "les Bouches-du-Rhône", "Paris".
 */
export interface NameForms {
  /** At the start of a sentence: "L'Aube", "Le Nord", "Paris". */
  subject: string;
  /** After "de": "de l'Aube", "du Nord", "des Bouches-du-Rhône", "de Paris". */
  ofName: string;
  /** Location: "dans l'Aube", "dans le Nord", "en Bretagne", "à Paris". */
  inName: string;
}

export interface Departement {
  code: string;
  name: string;
  regionCode: string;
  forms: NameForms;
}

export interface Region {
  code: string;
  name: string;
  departements: string[];
  forms: NameForms;
}

/** TNCC 0–5 cover every département and région; 6–8 (Aux, Las, Los) only communes. */
export function nameForms(name: string, tncc: number, kind: "departement" | "region"): NameForms {
  switch (tncc) {
    case 1:
      return {subject: name, ofName: `d'${name}`, inName: `en ${name}`};
    case 2:
      return {subject: `Le ${name}`, ofName: `du ${name}`, inName: `dans le ${name}`};
    case 3:
      return {subject: `La ${name}`, ofName: `de la ${name}`, inName: `en ${name}`};
    case 4:
      return {subject: `Les ${name}`, ofName: `des ${name}`, inName: `dans les ${name}`};
    case 5:
      return {subject: `L'${name}`, ofName: `de l'${name}`, inName: `dans l'${name}`};
    default:
      // Régions without article take "en" (en Normandie); cities and islands "à" (à Paris, à Mayotte).
      return {subject: name, ofName: `de ${name}`, inName: kind === "region" ? `en ${name}` : `à ${name}`};
  }
}

const inScope = (zone: string) => zone === "metro" || zone === "drom";

const rawDepartements: EtalabDepartement[] = require("@etalab/decoupage-administratif/data/departements.json");
const rawRegions: EtalabRegion[] = require("@etalab/decoupage-administratif/data/regions.json");

/** All départements in INSEE order ("01" … "95", "2A", "2B" in place, "971" … "976"). */
export const departements: Departement[] = rawDepartements
  .filter((d) => inScope(d.zone))
  .map((d) => ({code: d.code, name: d.nom, regionCode: d.region, forms: nameForms(d.nom, d.typeLiaison, "departement")}));

export const regions: Region[] = rawRegions
  .filter((r) => inScope(r.zone))
  .map((r) => ({
    code: r.code,
    name: r.nom,
    forms: nameForms(r.nom, r.typeLiaison, "region"),
    departements: departements.filter((d) => d.regionCode === r.code).map((d) => d.code)
  }));

const departementByCode = new Map(departements.map((d) => [d.code, d]));
const regionByCode = new Map(regions.map((r) => [r.code, r]));

export function findDepartement(code: string): Departement | undefined {
  return departementByCode.get(code);
}

export function findRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

export function regionOf(departementCode: string): Region {
  const dept = departementByCode.get(departementCode);
  if (!dept) throw new Error(`Code département inconnu : « ${departementCode} »`);
  return regionByCode.get(dept.regionCode)!;
}
