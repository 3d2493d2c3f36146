import {describe, expect, it} from "vitest";
import {departements, regions} from "../../../src/data/territories.ts";
import {CALIBRATION, departementTotals} from "../../../src/data/demo/calibration.ts";
import {profiledDepartements, profileOf} from "../../../src/data/demo/profiles.ts";
import {partnerCodes} from "../../../src/data/demo/partners.ts";
import {productLabel} from "../../../src/data/reference/products.ts";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

describe("département profiles", () => {
  it("cover exactly the 101 départements", () => {
    expect([...profiledDepartements].sort()).toEqual(departements.map((d) => d.code).sort());
  });

  it("only name products and partners that exist", () => {
    const source = readFileSync(fileURLToPath(new URL("../../../src/data/demo/profiles.ts", import.meta.url)), "utf8");
    const products = [...source.matchAll(/[EIB](\d\d\.\d\d)\*/g)].map((m) => m[1]);
    const partners = [...source.matchAll(/@([A-Z]{2})\*/g)].map((m) => m[1]);
    expect(products.length).toBeGreaterThan(100);
    expect(products.filter((code) => productLabel(code) === undefined)).toEqual([]);
    expect(partners.filter((code) => !partnerCodes.includes(code))).toEqual([]);
    expect(profileOf("31").productBoost("30.30", "export")).toBeGreaterThan(1);
  });
});

describe("calibrated 2024 totals per département", () => {
  const totals = departementTotals();
  const sum = (codes: string[], flow: "export" | "import") => codes.reduce((acc, c) => acc + totals.get(c)![flow], 0);

  it("reproduce the Aube, Grand Est and France figures to the euro", () => {
    const grandEst = regions.find((r) => r.code === CALIBRATION.region.code)!.departements;
    for (const flow of ["export", "import"] as const) {
      expect(totals.get("10")![flow]).toBe(CALIBRATION.departement[flow]);
      expect(sum(grandEst, flow)).toBe(CALIBRATION.region[flow]);
      expect(sum(departements.map((d) => d.code), flow)).toBe(CALIBRATION.france[flow]);
    }
  });

  it("look plausible: Paris region largest, ports import heavily, overseas small", () => {
    const regionTotal = (code: string) => sum(regions.find((r) => r.code === code)!.departements, "import");
    const otherRegions = regions.filter((r) => r.code !== "11").map((r) => regionTotal(r.code));
    expect(regionTotal("11")).toBeGreaterThan(Math.max(...otherRegions));
    for (const port of ["13", "76", "59", "44"]) expect(totals.get(port)!.import).toBeGreaterThan(totals.get(port)!.export);
    for (const drom of ["971", "972", "973", "974", "976"]) {
      expect(totals.get(drom)!.import).toBeGreaterThan(3 * totals.get(drom)!.export);
      expect(totals.get(drom)!.import).toBeLessThan(totals.get("10")!.import * 3);
    }
  });
});
