import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {regions} from "../../../src/data/territories.js";
import {CALIBRATION, PRINTED_UNIT, breakTies, departementTotals} from "../../../src/data/demo/calibration.js";
import {demoDepartements, departementsOfRegions} from "../../../src/data/demo/geography.js";
import {profiledDepartements, profileOf} from "../../../src/data/demo/profiles.js";
import {partnerCodes} from "../../../src/data/demo/partners.js";
import {demoProducts} from "../../../src/data/demo/weights.js";

const codes = demoDepartements.map((d) => d.code);

describe("the demo's départements (customs geography)", () => {
  it("are the customs' codes: one Corsica 20, Monaco 99, overseas 9A…9E, no INSEE-only code", () => {
    expect(codes).toHaveLength(101);
    expect(codes).toEqual(expect.arrayContaining(["01", "10", "20", "95", "99", "9A", "9B", "9C", "9D", "9E"]));
    for (const insee of ["2A", "2B", "971", "974", "976"]) expect(codes).not.toContain(insee);
    expect([...codes].sort()).toEqual(codes);
    const byCode = new Map(demoDepartements.map((d) => [d.code, d]));
    expect(byCode.get("20")).toMatchObject({name: "Corse", customsRegion: "22", inseeRegion: "94"});
    expect(byCode.get("99")).toMatchObject({name: "Monaco", customsRegion: "21", inseeRegion: "93"});
    expect(byCode.get("9D")).toMatchObject({name: "La Réunion", customsRegion: "24", customsRegionName: "DOM", inseeRegion: "04"});
    expect(byCode.get("10")).toMatchObject({customsRegion: "13", customsRegionName: "Grand Est", inseeRegion: "44"});
  });

  it("are picked by INSEE région, Monaco with PACA, Corsica alone", () => {
    expect(departementsOfRegions(["94"]).map((d) => d.code)).toEqual(["20"]);
    expect(departementsOfRegions(["93"]).map((d) => d.code)).toEqual(["04", "05", "06", "13", "83", "84", "99"]);
    expect(departementsOfRegions(["04", "44"]).map((d) => d.code)).toEqual(["08", "10", "51", "52", "54", "55", "57", "67", "68", "88", "9D"]);
    expect(() => departementsOfRegions(["99"])).toThrow(/Code région inconnu/);
  });
});

describe("département profiles", () => {
  it("cover exactly the demo's départements", () => {
    expect([...profiledDepartements].sort()).toEqual([...codes].sort());
  });

  it("only name products and partners that exist", () => {
    const source = readFileSync(fileURLToPath(new URL("../../../src/data/demo/profiles.ts", import.meta.url)), "utf8");
    const products = [...source.matchAll(/[EIB](\d{4})\*/g)].map((m) => m[1]);
    const partners = [...source.matchAll(/@([A-Z]{2})\*/g)].map((m) => m[1]);
    expect(products.length).toBeGreaterThan(100);
    expect(products.filter((code) => !demoProducts.includes(code))).toEqual([]);
    expect(partners.filter((code) => !partnerCodes.includes(code))).toEqual([]);
    expect(profileOf("31").productBoost("3030", "export")).toBeGreaterThan(1);
  });
});

describe("calibrated 2024 totals per département", () => {
  const totals = departementTotals();
  const sum = (members: readonly string[], flow: "export" | "import") => members.reduce((acc, c) => acc + totals.get(c)![flow], 0);
  const insee = (code: string) => departementsOfRegions([code]).map((d) => d.code);

  it("reproduce the Aube, Grand Est and France figures to the euro", () => {
    for (const flow of ["export", "import"] as const) {
      expect(totals.get("10")![flow]).toBe(CALIBRATION.departement[flow]);
      expect(sum(insee(CALIBRATION.region.code), flow)).toBe(CALIBRATION.region[flow]);
      expect(sum(codes, flow)).toBe(CALIBRATION.france[flow]);
    }
  });

  it("are all different, for départements and régions, exactly and at 0.1 M€", () => {
    const groupings = {
      départements: codes.map((c) => [c]),
      "régions INSEE": regions.map((r) => insee(r.code)),
      "régions douanières": [...new Set(demoDepartements.map((d) => d.customsRegion))].map((r) =>
        demoDepartements.filter((d) => d.customsRegion === r).map((d) => d.code))
    };
    for (const [name, groups] of Object.entries(groupings)) {
      for (const flow of ["export", "import"] as const) {
        const values = groups.map((g) => sum(g, flow));
        expect(new Set(values).size, `${name} ${flow}`).toBe(values.length);
        expect(new Set(values.map((v) => Math.round(v / PRINTED_UNIT))).size, `${name} ${flow} à 0,1 M€`).toBe(values.length);
      }
    }
  });

  it("look plausible: Paris region largest, ports import heavily, overseas small, Monaco a few hundred M€", () => {
    const regionTotal = (code: string) => sum(insee(code), "import");
    const otherRegions = regions.filter((r) => r.code !== "11").map((r) => regionTotal(r.code));
    expect(regionTotal("11")).toBeGreaterThan(Math.max(...otherRegions));
    for (const port of ["13", "76", "59", "44"]) expect(totals.get(port)!.import).toBeGreaterThan(totals.get(port)!.export);
    for (const drom of ["9A", "9B", "9C", "9D", "9E"]) {
      expect(totals.get(drom)!.import).toBeGreaterThan(3 * totals.get(drom)!.export);
      expect(totals.get(drom)!.import).toBeLessThan(totals.get("10")!.import * 3);
    }
    for (const flow of ["export", "import"] as const) {
      expect(totals.get("99")![flow]).toBeGreaterThan(100e6);
      expect(totals.get("99")![flow]).toBeLessThan(1e9);
    }
  });
});

describe("breakTies", () => {
  it("separates equal totals, exactly and at 0.1 M€, keeping each pool's sum and the fixed département", () => {
    const totals = new Map([["A", 5_000_000], ["B", 5_000_000], ["C", 5_040_000], ["D", 9_000_000], ["E", 7_000_000], ["F", 7_000_000], ["X", 5_000_000]]);
    const pools = [["A", "B", "C", "D"], ["E", "F"]];
    const singletons = new Map([...totals.keys()].map((c) => [c, [c]]));
    const groups = new Map([["g1", ["A", "E"]], ["g2", ["B", "F"]], ["g3", ["C", "D", "X"]]]);
    breakTies(totals, pools, [singletons, groups]);
    const values = [...totals.values()];
    expect(new Set(values.map((v) => Math.round(v / PRINTED_UNIT))).size).toBe(values.length);
    const groupTotals = [...groups.values()].map((g) => g.reduce((acc, c) => acc + totals.get(c)!, 0));
    expect(new Set(groupTotals.map((v) => Math.round(v / PRINTED_UNIT))).size).toBe(3);
    expect(totals.get("X")).toBe(5_000_000);
    expect(["A", "B", "C", "D"].reduce((acc, c) => acc + totals.get(c)!, 0)).toBe(24_040_000);
    expect(totals.get("E")! + totals.get("F")!).toBe(14_000_000);
  });
});
