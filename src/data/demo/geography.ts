/**
 * The départements the demo writes, in the customs' own geography
 * (../customs-geography.ts): INSEE départements, except that Corsica is one
 * code "20", the overseas départements are "9A" … "9E", and Monaco "99" is
 * added to Provence-Alpes-Côte d'Azur. Each carries its customs région code
 * (as written in the data rows) and its INSEE région (used to pick subsets).
 */
import {
  CORSICA_CODE,
  CORSICA_HALVES,
  CORSICA_REGION,
  MONACO_CODE,
  MONACO_REGION,
  customsDeptCode,
  customsRegionOf
} from "../customs-geography.js";
import {departements, findRegion, regions} from "../territories.js";
import {compareCodes} from "./compare.js";

export interface DemoDepartement {
  /** Customs code: "01", "20", "99", "9D". */
  code: string;
  name: string;
  /** Customs région code: "13", "21", "24". */
  customsRegion: string;
  /** Its label in Departement_region.txt ("DOM" for "24"). */
  customsRegionName: string;
  /** INSEE région code: "44", "93", "04". */
  inseeRegion: string;
}

/** The customs label of their région "24", which groups the five overseas départements. */
const OVERSEAS_REGION_NAME = "DOM";
const CORSICA_NAME = "Corse";
const MONACO_NAME = "Monaco";

function demoDepartement(code: string, name: string, inseeRegion: string): DemoDepartement {
  const customsRegion = customsRegionOf(inseeRegion);
  if (!customsRegion) throw new Error(`Région INSEE « ${inseeRegion} » sans code région douanier`);
  const customsRegionName = customsRegion === "24" ? OVERSEAS_REGION_NAME : findRegion(inseeRegion)!.name;
  return {code, name, customsRegion, customsRegionName, inseeRegion};
}

function build(): DemoDepartement[] {
  const list: DemoDepartement[] = [];
  for (const d of departements) {
    // Corsica is added below as the customs' one "20" (the site's list holds "20", "2A" and "2B").
    if (d.code === CORSICA_CODE || (CORSICA_HALVES as readonly string[]).includes(d.code)) continue;
    list.push(demoDepartement(customsDeptCode(d.code), d.name, d.regionCode));
  }
  list.push(demoDepartement(CORSICA_CODE, CORSICA_NAME, CORSICA_REGION));
  list.push(demoDepartement(MONACO_CODE, MONACO_NAME, MONACO_REGION));
  return list.sort((a, b) => compareCodes(a.code, b.code));
}

/** Every département of the demo, by customs code in code-point order ("01" … "95", "99", "9A" … "9E"). */
export const demoDepartements: readonly DemoDepartement[] = build();

const byCode = new Map(demoDepartements.map((d) => [d.code, d]));

export function findDemoDepartement(code: string): DemoDepartement {
  const d = byCode.get(code);
  if (!d) throw new Error(`Département douanier inconnu de la démo : « ${code} »`);
  return d;
}

/** The customs départements of some INSEE régions, in code order; an unknown région code throws. */
export function departementsOfRegions(inseeRegions: readonly string[]): DemoDepartement[] {
  for (const code of inseeRegions) {
    if (!regions.some((r) => r.code === code)) {
      throw new Error(`Code région inconnu : « ${code} » (codes INSEE attendus, par exemple 44)`);
    }
  }
  return demoDepartements.filter((d) => inseeRegions.includes(d.inseeRegion));
}
