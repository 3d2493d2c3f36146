/**
 * Identity of every territory of the site, as the slices and pages name it:
 * "D10" (département), "R44" (région), "FR" (France). A light module (no
 * DuckDB) so page loaders can import it cheaply.
 */
import {FRANCE_ID} from "./canonical.js";
import {carriesFigures, departements, findDepartement, findRegion, regions, type CorsicaForm, type NameForms} from "./territories.js";

export type TerritoryKind = "departement" | "region" | "france";

export interface TerritoryInfo {
  /** "D10", "R44", "FR" */
  id: string;
  kind: TerritoryKind;
  code: string;
  name: string;
  forms: NameForms;
  /** Territory id of the région above a département ("R44"), null otherwise. */
  region: string | null;
}

export const FRANCE_FORMS: NameForms = {subject: "La France", ofName: "de la France", inName: "en France"};

export const departementId = (code: string) => `D${code}`;
export const regionId = (code: string) => `R${code}`;

/** Every territory of the site: the départements (INSEE's 101 and Corsica as "20"), the 18 régions, France — in that order. */
export function allTerritories(): TerritoryInfo[] {
  return [
    ...departements.map((d) => ({
      id: departementId(d.code),
      kind: "departement" as const,
      code: d.code,
      name: d.name,
      forms: d.forms,
      region: regionId(d.regionCode)
    })),
    ...regions.map((r) => ({id: regionId(r.code), kind: "region" as const, code: r.code, name: r.name, forms: r.forms, region: null})),
    {id: FRANCE_ID, kind: "france" as const, code: FRANCE_ID, name: "France", forms: FRANCE_FORMS, region: null}
  ];
}

/** The territories whose pages carry figures, for the source's form of Corsica (the other Corsica pages are notices). */
export function territoriesWithFigures(corsica: CorsicaForm): TerritoryInfo[] {
  return allTerritories().filter((t) => t.kind !== "departement" || carriesFigures(t.code, corsica));
}

/** The territory behind an id ("D2A", "R93", "FR"), or undefined. */
export function findTerritory(id: string): TerritoryInfo | undefined {
  if (id === FRANCE_ID) return allTerritories().at(-1);
  if (id.startsWith("D") && findDepartement(id.slice(1))) return allTerritories().find((t) => t.id === id);
  if (id.startsWith("R") && findRegion(id.slice(1))) return allTerritories().find((t) => t.id === id);
  return undefined;
}

/** Marks the name of every file built from the demo's synthetic data: "D10-demonstration.csv". */
export const DEMO_FILE_SUFFIX = "-demonstration";

/** A file name's stem, marked when the data are synthetic. */
export const demoMarked = (stem: string, synthetic: boolean) => (synthetic ? `${stem}${DEMO_FILE_SUFFIX}` : stem);

/**
 * File names of a territory's rows to take away (data/downloads/):
 * "D10.csv", "D10.parquet"; "D10-demonstration.csv" on the demo's data.
 */
export const downloadFileName = (id: string, format: "csv" | "parquet", {synthetic}: {synthetic: boolean}) =>
  `${demoMarked(id, synthetic)}.${format}`;

/** File name of a territory's slice (data/slices/): "D10.parquet". */
export const sliceFileName = (id: string) => `${id}.parquet`;
