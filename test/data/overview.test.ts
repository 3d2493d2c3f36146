import {territoriesWithFigures} from "../../src/data/territory-ids.js";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parquetReadObjects} from "hyparquet";
import {OVERVIEW_COLUMNS, buildOverview, type OverviewRow} from "../../src/data/overview.js";
import {allTerritories} from "../../src/data/territory-ids.js";
import type {CanonicalRow} from "../../src/data/canonical.js";
import {sum, territoryRows, writeCanonicalFiles, type CanonicalFixture} from "./synthetic-trade.js";

let fixture: CanonicalFixture;
let rows: OverviewRow[];

beforeAll(async () => {
  fixture = await writeCanonicalFiles();
  const bytes = await buildOverview(fixture.tradeParquetPath);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  rows = (await parquetReadObjects({file: buffer})) as unknown as OverviewRow[];
});

afterAll(async () => {
  await fixture?.cleanup();
});

/** Plain-TS reference: shares of each key in a flow. */
function shares(input: CanonicalRow[], key: (row: CanonicalRow) => string): number[] {
  const totals = new Map<string, number>();
  for (const row of input) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.value_eur);
  const total = sum(totals.values());
  return [...totals.values()].map((v) => v / total).sort((a, b) => b - a);
}

const byId = (id: string) => rows.find((row) => row.territory === id)!;

describe("overview.parquet", () => {
  it("has one row per territory for the complete year only, with the documented columns", () => {
    // The fixture publishes no Corsica code: Corsica's form is then the customs' one "20", and 2A, 2B have no row.
    expect(rows).toHaveLength(territoriesWithFigures("20").length);
    expect(rows.map((r) => r.territory)).toEqual(territoriesWithFigures("20").map((t) => t.id));
    expect(rows.map((r) => r.territory)).not.toContain("D2A");
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2024]));
    expect(Object.keys(rows[0])).toEqual(OVERVIEW_COLUMNS.map(([name]) => name));
    expect(byId("D10")).toMatchObject({kind: "departement", code: "10", name: "Aube", region: "R44"});
    expect(byId("R44")).toMatchObject({kind: "region", code: "44", name: "Grand Est", region: null});
    expect(byId("FR")).toMatchObject({kind: "france", code: "FR", name: "France", region: null});
  });

  it.each(["D10", "D92", "R44", "R11", "FR"])("computes %s's totals and indicators like plain TypeScript", (id) => {
    const row = byId(id);
    const all = territoryRows(fixture.rows, id, 2024);
    const exports = all.filter((r) => r.flow === "export");
    const imports = all.filter((r) => r.flow === "import");
    const exportTotal = sum(exports.map((r) => r.value_eur));
    const importTotal = sum(imports.map((r) => r.value_eur));
    expect(row.exports_eur).toBe(exportTotal);
    expect(row.imports_eur).toBe(importTotal);
    expect(row.balance_eur).toBe(exportTotal - importTotal);
    const us = sum(exports.filter((r) => r.country === "US").map((r) => r.value_eur));
    expect(row.us_export_share).toBeCloseTo(us / exportTotal, 12);
    const countryExport = shares(exports, (r) => r.country);
    const countryImport = shares(imports, (r) => r.country);
    expect(row.top3_partners_export_share).toBeCloseTo(sum(countryExport.slice(0, 3)), 12);
    expect(row.top3_partners_import_share).toBeCloseTo(sum(countryImport.slice(0, 3)), 12);
    // The HHI on the factsheets' 0–10 000 scale: squared shares in percent.
    const hhi = (list: number[]) => sum(list.map((s) => (100 * s) ** 2));
    expect(row.hhi_partners_export).toBeCloseTo(hhi(countryExport), 6);
    expect(row.hhi_partners_import).toBeCloseTo(hhi(countryImport), 6);
    expect(row.hhi_products_export).toBeCloseTo(hhi(shares(exports, (r) => r.a129!)), 6);
    expect(row.hhi_products_import).toBeCloseTo(hhi(shares(imports, (r) => r.a129!)), 6);
    expect(row.hhi_partners_export!).toBeGreaterThan(1);
    expect(row.hhi_partners_export!).toBeLessThanOrEqual(10000);
  });

  it("counts France as every row, unallocated trade included", () => {
    const france = byId("FR");
    const sumOfDepartements = sum(rows.filter((r) => r.kind === "departement").map((r) => r.exports_eur));
    expect(france.exports_eur).toBeGreaterThan(sumOfDepartements);
    expect(sum(rows.filter((r) => r.kind === "region").map((r) => r.exports_eur))).toBe(sumOfDepartements);
  });

  it("gives a territory without trade zeros and no indicators", () => {
    const empty = byId("D01");
    expect(empty).toMatchObject({exports_eur: 0, imports_eur: 0, balance_eur: 0, us_export_share: null, hhi_partners_export: null});
  });

  it("marks a perfectly even partner spread with the smallest HHI", () => {
    // Département 08: every (product, country) cell has the same value, so 14 equal partners.
    const tied = byId("D08");
    expect(tied.hhi_partners_export).toBeCloseTo(10000 / 14, 8);
    expect(tied.top3_partners_export_share).toBeCloseTo(3 / 14, 12);
    expect(tied.us_export_share).toBeCloseTo(1 / 14, 12);
  });
});
