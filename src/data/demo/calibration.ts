/**
 * Calibration of the demo to the reference factsheet (FACTSHEET.md, year 2024):
 * the Aube, Grand Est and France totals are fixed to the euro, and every other
 * département gets its share of the remainder in proportion to its profile.
 * Works in integer euros so that every sum is exact.
 */
import type {Flow} from "../canonical.ts";
import {departements, findRegion} from "../territories.ts";
import {apportion} from "./apportion.ts";
import {profileOf} from "./profiles.ts";

/** The year whose four quarters are calibrated. */
export const CALIBRATED_YEAR = 2024;

/** Reference totals in euros (the factsheet prints them in M€ with one decimal). */
export const CALIBRATION = {
  departement: {code: "10", export: 1_822_300_000, import: 1_697_200_000},
  region: {code: "44", export: 67_665_400_000, import: 63_519_700_000},
  france: {export: 580_354_500_000, import: 684_776_300_000}
} as const;

export type FlowTotals = Record<Flow, number>;

function splitFlow(flow: Flow): Map<string, number> {
  const {departement, region, france} = CALIBRATION;
  const regionMembers = findRegion(region.code)!.departements;
  const weight = (code: string) => {
    const profile = profileOf(code);
    return flow === "export" ? profile.exportsWeight : profile.importsWeight;
  };
  const restOfRegion = regionMembers.filter((code) => code !== departement.code);
  const restOfFrance = departements.map((d) => d.code).filter((code) => !regionMembers.includes(code));
  const totals = new Map<string, number>([[departement.code, departement[flow]]]);
  const share = (codes: string[], total: number) =>
    apportion(total, codes.map(weight)).forEach((value, i) => totals.set(codes[i], value));
  share(restOfRegion, region[flow] - departement[flow]);
  share(restOfFrance, france[flow] - region[flow]);
  return totals;
}

let cache: Map<string, FlowTotals> | undefined;

/** 2024 totals in euros of every département, for both flows (computed once). */
export function departementTotals(): Map<string, FlowTotals> {
  if (!cache) {
    const exports = splitFlow("export");
    const imports = splitFlow("import");
    cache = new Map(departements.map((d) => [d.code, {export: exports.get(d.code)!, import: imports.get(d.code)!}]));
  }
  return cache;
}
