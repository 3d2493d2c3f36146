import {cptable} from "@e965/xlsx/dist/cpexcel.full.mjs";
import {beforeAll, describe, expect, it} from "vitest";
import {findRegion} from "../../../src/data/territories.ts";
import {
  CALIBRATION,
  CROSSED_QUARTERS,
  HISTORY_QUARTERS,
  LABELS_FILE,
  README_FILE,
  buildRegionZip,
  departementFileNames
} from "../../../src/data/demo/index.ts";
import {countryName} from "../../../src/data/reference/countries.ts";
import {productLabel} from "../../../src/data/reference/products.ts";
import {euros, readSheet, unzip, type Sheet} from "./read-back.ts";

const GRAND_EST = findRegion(CALIBRATION.region.code)!;
const decode1252 = (bytes: Uint8Array) => [...bytes].map((byte) => cptable[1252].dec[byte]).join("");

let entries: Record<string, Uint8Array>;
const sheets = new Map<string, Sheet>();
const sheet = (name: string) => {
  if (!sheets.has(name)) sheets.set(name, readSheet(entries[name]));
  return sheets.get(name)!;
};

beforeAll(() => {
  entries = unzip(buildRegionZip(GRAND_EST.code));
});

/** Sums of a crossed file over one key column, per code and crossed quarter, in euros. */
function crossedSums(rows: unknown[][], keyColumn: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    CROSSED_QUARTERS.forEach((q, i) => {
      const key = `${row[keyColumn]}|${q.label}`;
      sums.set(key, (sums.get(key) ?? 0) + euros(row[3 + i]));
    });
  }
  for (const [key, value] of sums) if (value === 0) sums.delete(key);
  return sums;
}

/** Long-file values of one flow restricted to the crossed quarters, in euros. */
function longValues(rows: unknown[][], flowCode: string): Map<string, number> {
  const crossed = new Set(CROSSED_QUARTERS.map((q) => q.label));
  return new Map(
    rows.filter((r) => r[1] === flowCode && crossed.has(r[3] as string)).map((r) => [`${r[2]}|${r[3]}`, euros(r[4])])
  );
}

describe("a région zip in the customs' format (Grand Est)", () => {
  it("holds the read-me, the label file and four .xls per département", () => {
    const expected = [README_FILE, LABELS_FILE, ...GRAND_EST.departements.flatMap((d) => Object.values(departementFileNames(d)))];
    expect(Object.keys(entries)).toEqual(expected);
    expect(GRAND_EST.departements).toContain("08");
  });

  it("writes real BIFF8 files whose first row holds the variable names", () => {
    const bytes = entries["10_export_pays_produits.xls"];
    expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // OLE2 container
    expect(sheet("10_export_pays_produits.xls").header).toEqual([
      "Département", "Code produit", "Code pays", ...CROSSED_QUARTERS.map((q) => q.label)
    ]);
    expect(sheet("10_produits.xls").header).toEqual(["Département", "Flux", "Code produit", "Trimestre", "Valeur (k€)"]);
    expect(sheet("10_pays.xls").header).toEqual(["Département", "Flux", "Code pays", "Trimestre", "Valeur (k€)"]);
  });

  it("keeps codes as text, with their leading zeros", () => {
    for (const name of Object.values(departementFileNames("08"))) {
      const {rows, firstColumnTypes} = sheet(name);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["08"]));
      expect(new Set(firstColumnTypes)).toEqual(new Set(["s"]));
    }
    const crossed = sheet("08_export_pays_produits.xls").rows;
    for (const row of crossed) {
      expect(productLabel(row[1] as string)).toBeDefined();
      expect(countryName(row[2] as string)).not.toMatch(/inconnu/);
    }
  });

  it("has values in k€ with at most three decimals, none negative, one row per non-empty pair", () => {
    for (const dept of GRAND_EST.departements) {
      for (const name of [departementFileNames(dept).export, departementFileNames(dept).import]) {
        const {rows} = sheet(name);
        expect(rows.length).toBeGreaterThan(100);
        const pairs = new Set(rows.map((r) => `${r[1]}|${r[2]}`));
        expect(pairs.size).toBe(rows.length);
        for (const row of rows) {
          const values = row.slice(3).map(euros);
          values.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
          expect(values.some((v) => v > 0)).toBe(true);
        }
      }
    }
  });

  it("reproduces the Aube and Grand Est 2024 totals to the euro", () => {
    const year2024 = CROSSED_QUARTERS.map((q, i) => (q.year === 2024 ? 3 + i : -1)).filter((i) => i >= 0);
    const total = (name: string) =>
      sheet(name).rows.reduce((acc, row) => acc + year2024.reduce((s, i) => s + euros(row[i]), 0), 0);
    for (const flow of ["export", "import"] as const) {
      expect(total(departementFileNames("10")[flow])).toBe(CALIBRATION.departement[flow]);
      const region = GRAND_EST.departements.reduce((acc, d) => acc + total(departementFileNames(d)[flow]), 0);
      expect(region).toBe(CALIBRATION.region[flow]);
    }
  });

  it("has products and countries files equal to the sums of the crossed files", () => {
    for (const dept of GRAND_EST.departements) {
      const names = departementFileNames(dept);
      for (const [flow, code] of [["export", "E"], ["import", "I"]] as const) {
        const crossed = sheet(names[flow]).rows;
        expect(longValues(sheet(names.products).rows, code)).toEqual(crossedSums(crossed, 1));
        expect(longValues(sheet(names.countries).rows, code)).toEqual(crossedSums(crossed, 2));
      }
    }
  });

  it("gives 16 quarters of history in the long files, with a trend", () => {
    const rows = sheet("10_produits.xls").rows;
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(HISTORY_QUARTERS.map((q) => q.label)));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["E", "I"]));
    const yearTotal = (year: number) =>
      rows.filter((r) => r[1] === "E" && String(r[3]).startsWith(String(year))).reduce((a, r) => a + euros(r[4]), 0);
    expect(yearTotal(2024)).toBe(CALIBRATION.departement.export);
    expect(yearTotal(2021)).not.toBe(yearTotal(2024));
    expect(yearTotal(2021)).toBeGreaterThan(0.5 * yearTotal(2024));
    expect(yearTotal(2021)).toBeLessThan(1.5 * yearTotal(2024));
  });

  it("writes the label file in Windows-1252 with the accents intact", () => {
    const bytes = entries[LABELS_FILE];
    expect(bytes.includes(0xc3)).toBe(false); // no UTF-8 lead byte for é, è, à…
    expect(bytes.includes(0xe9)).toBe(true); // é in latin-1
    const lines = decode1252(bytes).split("\r\n");
    expect(lines[0]).toBe("Code produit;Libellé produit");
    expect(lines).toContain('11.07;"Boissons rafraîchissantes ; eaux minérales et autres eaux en bouteille"');
    expect(lines).toContain("01.47;Volailles vivantes et œufs");
  });

  it("says in its read-me, in French, that the data is synthetic", () => {
    const text = decode1252(entries[README_FILE]);
    expect(text).toMatch(/DONNÉES DE DÉMONSTRATION \(SYNTHÉTIQUES\)/);
    expect(text).toContain(GRAND_EST.name);
  });
});

describe("Aube's factsheet profile", () => {
  it("has clothing (14.xx) and wine (11.02) as its three leading exports", () => {
    const rows = sheet("10_export_pays_produits.xls").rows;
    const byProduct = new Map<string, number>();
    for (const row of rows) {
      const value = row.slice(5).reduce<number>((a, v) => a + euros(v), 0);
      byProduct.set(row[1] as string, (byProduct.get(row[1] as string) ?? 0) + value);
    }
    const top = [...byProduct].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code]) => code);
    expect(top.every((code) => code.startsWith("14.") || code === "11.02")).toBe(true);
    expect(top).toContain("11.02");
  });
});
