/**
 * Calibration of the demo to the reference factsheet (FACTSHEET.md, year 2024):
 * the Aube, Grand Est and France totals are fixed to the euro, and every other
 * département of the customs' geography (Corsica "20", Monaco "99", overseas
 * "9A" … "9E" included) gets its share of the remainder in proportion to its
 * profile, with a seeded size noise. Works in integer euros so that every sum
 * is exact.
 *
 * No two départements, and no two régions (INSEE or customs), share a 2024
 * total for either flow, not even at the 0.1 M€ the pages print: collisions
 * are broken by moving a few hundred thousand euros within the same
 * remainder, which keeps the calibrated sums exact.
 */
import type {Flow} from "../canonical.js";
import {apportion} from "./apportion.js";
import {compareCodes} from "./compare.js";
import {demoDepartements} from "./geography.js";
import {profileOf} from "./profiles.js";
import {randomFor} from "./random.js";

/** The year whose four quarters are calibrated. */
export const CALIBRATED_YEAR = 2024;

/** Reference totals in euros (the factsheet prints them in M€ with one decimal). */
export const CALIBRATION = {
  /** The Aube (customs and INSEE code "10"). */
  departement: {code: "10", export: 1_822_300_000, import: 1_697_200_000},
  /** Grand Est: INSEE région 44, customs région 13. */
  region: {code: "44", customsCode: "13", export: 67_665_400_000, import: 63_519_700_000},
  /** Every row of the files. */
  france: {export: 580_354_500_000, import: 684_776_300_000}
} as const;

export type FlowTotals = Record<Flow, number>;

/** The rounding the pages print totals at: 0.1 M€. */
export const PRINTED_UNIT = 100_000;
/** What a collision moves from one département to another. */
const NUDGE = 370_000;
const SIZE_NOISE = 0.12;

/** Keys of two totals that must differ: exactly and at the printed rounding. */
function collisionKeys(value: number): string[] {
  return [`=${value}`, `~${Math.round(value / PRINTED_UNIT)}`];
}

/** The first pair of groups sharing a total (by key), or undefined. */
function firstCollision(groups: Map<string, string[]>, totals: Map<string, number>): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const [name, members] of [...groups].sort((a, b) => compareCodes(a[0], b[0]))) {
    const value = members.reduce((acc, code) => acc + totals.get(code)!, 0);
    for (const key of collisionKeys(value)) {
      const other = seen.get(key);
      if (other !== undefined) return [other, name];
      seen.set(key, name);
    }
  }
  return undefined;
}

/**
 * Makes every group total distinct within each grouping (départements, then
 * régions…), exactly and at the printed rounding, by moving NUDGE euros from
 * the largest member of a colliding group to the largest département of the
 * same pool outside that group. Pools keep their sums; départements outside
 * every pool (the Aube) and groups containing one are never changed.
 */
export function breakTies(totals: Map<string, number>, pools: readonly string[][], groupings: readonly Map<string, string[]>[]): void {
  const poolOf = new Map(pools.flatMap((pool) => pool.map((code) => [code, pool] as const)));
  const largest = (codes: readonly string[]) => codes.reduce((a, b) => (totals.get(b)! > totals.get(a)! ? b : a));
  for (let round = 0; ; round++) {
    if (round > 1000) throw new Error("Calibration de la démo : totaux impossibles à distinguer");
    let collision: [string, string] | undefined;
    const grouping = groupings.find((g) => (collision = firstCollision(g, totals)));
    if (!grouping || !collision) return;
    const movable = (name: string) => grouping.get(name)!.every((code) => poolOf.has(code));
    const name = movable(collision[1]) ? collision[1] : collision[0];
    const members = grouping.get(name)!;
    if (!movable(name)) throw new Error(`Calibration de la démo : ${collision.join(" et ")} ont le même total`);
    const from = largest(members);
    const to = largest(poolOf.get(from)!.filter((code) => !members.includes(code)));
    totals.set(from, totals.get(from)! - NUDGE);
    totals.set(to, totals.get(to)! + NUDGE);
  }
}

function splitFlow(flow: Flow): Map<string, number> {
  const {departement, region, france} = CALIBRATION;
  const weight = (code: string) => {
    const profile = profileOf(code);
    const size = flow === "export" ? profile.exportsWeight : profile.importsWeight;
    return size * randomFor(`${code}|${flow}|taille`).logNormal(SIZE_NOISE);
  };
  const inRegion = demoDepartements.filter((d) => d.inseeRegion === region.code).map((d) => d.code);
  const restOfRegion = inRegion.filter((code) => code !== departement.code);
  const restOfFrance = demoDepartements.map((d) => d.code).filter((code) => !inRegion.includes(code));
  const totals = new Map<string, number>([[departement.code, departement[flow]]]);
  const share = (codes: string[], total: number) =>
    apportion(total, codes.map(weight)).forEach((value, i) => totals.set(codes[i], value));
  share(restOfRegion, region[flow] - departement[flow]);
  share(restOfFrance, france[flow] - region[flow]);

  const byRegion = (key: "inseeRegion" | "customsRegion") => {
    const groups = new Map<string, string[]>();
    for (const d of demoDepartements) groups.set(d[key], [...(groups.get(d[key]) ?? []), d.code]);
    return groups;
  };
  const singletons = new Map(demoDepartements.map((d) => [d.code, [d.code]]));
  breakTies(totals, [restOfRegion, restOfFrance], [singletons, byRegion("inseeRegion"), byRegion("customsRegion")]);
  return totals;
}

let cache: Map<string, FlowTotals> | undefined;

/** 2024 totals in euros of every customs département, for both flows (computed once). */
export function departementTotals(): Map<string, FlowTotals> {
  if (!cache) {
    const exports = splitFlow("export");
    const imports = splitFlow("import");
    cache = new Map(demoDepartements.map((d) => [d.code, {export: exports.get(d.code)!, import: imports.get(d.code)!}]));
  }
  return cache;
}
