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

interface EtalabDepartement {code: string; region: string; nom: string; zone: string}
interface EtalabRegion {code: string; nom: string; zone: string}

export interface Departement {
  code: string;
  name: string;
  regionCode: string;
}

export interface Region {
  code: string;
  name: string;
  departements: string[];
}

const inScope = (zone: string) => zone === "metro" || zone === "drom";

const rawDepartements: EtalabDepartement[] = require("@etalab/decoupage-administratif/data/departements.json");
const rawRegions: EtalabRegion[] = require("@etalab/decoupage-administratif/data/regions.json");

/** All départements in INSEE order ("01" … "95", "2A", "2B" in place, "971" … "976"). */
export const departements: Departement[] = rawDepartements
  .filter((d) => inScope(d.zone))
  .map((d) => ({code: d.code, name: d.nom, regionCode: d.region}));

export const regions: Region[] = rawRegions
  .filter((r) => inScope(r.zone))
  .map((r) => ({
    code: r.code,
    name: r.nom,
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
