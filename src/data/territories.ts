/**
 * Territories of the site: the 101 départements (metropolitan + DROM) and the
 * 18 régions, from @etalab/decoupage-administratif, plus Corsica as the
 * customs publish it ("20"). Collectivités d'outre-mer
 * (975, 977, 978, 984, 986–989) are out of scope: the customs' departmental
 * files do not cover them.
 *
 * Used by the Framework config (dynamicPaths, sidebar), the loaders and tests.
 */
import {createRequire} from "node:module";
import {CORSICA_CODE, CORSICA_HALVES, CORSICA_REGION, MONACO_CODE, MONACO_REGION} from "./customs-geography.js";

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

/**
 * The article rule of INSEE's TNCC 0–5 (6–8, Aux/Las/Los, are only communes).
 * A feminine département takes "dans la" (always right; "en" is idiomatic for
 * some only), a région "en".
 */
function formsOfTncc(name: string, tncc: number, kind: "departement" | "region"): NameForms {
  switch (tncc) {
    case 1:
      return {subject: name, ofName: `d'${name}`, inName: `en ${name}`};
    case 2:
      return {subject: `Le ${name}`, ofName: `du ${name}`, inName: `dans le ${name}`};
    case 3:
      return {subject: `La ${name}`, ofName: `de la ${name}`, inName: kind === "region" ? `en ${name}` : `dans la ${name}`};
    case 4:
      return {subject: `Les ${name}`, ofName: `des ${name}`, inName: `dans les ${name}`};
    case 5:
      return {subject: `L'${name}`, ofName: `de l'${name}`, inName: kind === "region" ? `en ${name}` : `dans l'${name}`};
    default:
      // Régions without article take "en" (en Normandie); cities and islands "à" (à Paris, à Mayotte).
      return {subject: name, ofName: `de ${name}`, inName: kind === "region" ? `en ${name}` : `à ${name}`};
  }
}

/**
 * Names whose article INSEE's TNCC does not give as French usage writes it
 * ("L'Île-de-France a exporté", "la Seine-et-Marne"), keyed by kind and code:
 * the article a sentence needs, from usage (Le Robert, the régions' and
 * départements' own publications). Overseas régions are islands: "à".
 */
const TNCC_CORRECTIONS: Readonly<Record<string, number>> = {
  // départements named "X-et-Y" after two rivers take the first river's article
  "departement:28": 5, // l'Eure-et-Loir
  "departement:35": 5, // l'Ille-et-Vilaine
  "departement:37": 5, // l'Indre-et-Loire
  "departement:49": 2, // le Maine-et-Loire
  "departement:54": 3, // la Meurthe-et-Moselle
  "departement:71": 3, // la Saône-et-Loire
  "departement:77": 3, // la Seine-et-Marne
  "region:11": 5, // l'Île-de-France
  "region:27": 3, // la Bourgogne-Franche-Comté
  "region:28": 3, // la Normandie
  "region:53": 3, // la Bretagne
  "region:76": 5, // l'Occitanie
  "region:84": 5, // l'Auvergne-Rhône-Alpes
  "region:93": 3, // la Provence-Alpes-Côte d'Azur
  "region:94": 3 // la Corse
};

/** Islands that are régions on their own: "à La Réunion", "à Mayotte", as for their département. */
const ISLAND_REGIONS: Readonly<Record<string, string>> = {"04": "à La Réunion", "06": "à Mayotte"};

/**
 * Every form of a territory's name, from one place: INSEE's TNCC
 * (`typeLiaison` in the etalab data), corrected where usage differs.
 */
export function nameForms(name: string, tncc: number, kind: "departement" | "region", code = ""): NameForms {
  const forms = formsOfTncc(name, TNCC_CORRECTIONS[`${kind}:${code}`] ?? tncc, kind);
  const island = kind === "region" ? ISLAND_REGIONS[code] : undefined;
  return island ? {...forms, inName: island} : forms;
}

const inScope = (zone: string) => zone === "metro" || zone === "drom";

const rawDepartements: EtalabDepartement[] = require("@etalab/decoupage-administratif/data/departements.json");
const rawRegions: EtalabRegion[] = require("@etalab/decoupage-administratif/data/regions.json");

/**
 * Corsica as the customs publish it: one département "20" (see
 * customs-geography.ts). The site has a page for it and for INSEE's 2A and
 * 2B; whichever form the source does not publish says so and leads to the
 * other (corsicaAsPublished).
 */
const CORSICA: Departement = {code: CORSICA_CODE, name: "Corse", regionCode: CORSICA_REGION, forms: nameForms("Corse", 3, "region")};

/** All départements in INSEE order ("01" … "19", "20" then "2A", "2B", "21" … "95", "971" … "976"). */
export const departements: Departement[] = rawDepartements
  .filter((d) => inScope(d.zone))
  .map((d) => ({code: d.code, name: d.nom, regionCode: d.region, forms: nameForms(d.nom, d.typeLiaison, "departement", d.code)}))
  .flatMap((d) => (d.code === CORSICA_HALVES[0] ? [CORSICA, d] : [d]));

/**
 * Département codes the data may carry beyond the pages' départements, with
 * the région they count in: Monaco ("99") is in Provence-Alpes-Côte d'Azur.
 */
export const EXTRA_DATA_DEPARTEMENTS: ReadonlyArray<{code: string; name: string; regionCode: string}> = [
  {code: MONACO_CODE, name: "Monaco", regionCode: MONACO_REGION}
];

/** How the source publishes Corsica: one "20", or INSEE's "2A" and "2B". */
export type CorsicaForm = "20" | "2A2B";

/** Corsica's form in a source whose département codes are `codes`: INSEE's halves only if the source has them. */
export function corsicaAsPublished(codes: Iterable<string>): CorsicaForm {
  const set = new Set(codes);
  return CORSICA_HALVES.some((code) => set.has(code)) ? "2A2B" : "20";
}

/** True when the département page `code` carries figures for that form of Corsica (every non-Corsican page does). */
export function carriesFigures(code: string, corsica: CorsicaForm): boolean {
  if (code === CORSICA_CODE) return corsica === "20";
  if ((CORSICA_HALVES as readonly string[]).includes(code)) return corsica === "2A2B";
  return true;
}

export const regions: Region[] = rawRegions
  .filter((r) => inScope(r.zone))
  .map((r) => ({
    code: r.code,
    name: r.nom,
    forms: nameForms(r.nom, r.typeLiaison, "region", r.code),
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
