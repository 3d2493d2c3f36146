/**
 * France-wide checks on the rows written into every crossed file (the same
 * rows writeXls receives; the Grand Est test proves the .xls round trip).
 */
import {beforeAll, describe, expect, it} from "vitest";
import type {Flow} from "../../../src/data/canonical.ts";
import {departements} from "../../../src/data/territories.ts";
import {CALIBRATION, CROSSED_QUARTERS, departementTotals} from "../../../src/data/demo/index.ts";
import {generateCube} from "../../../src/data/demo/cube.ts";
import {crossedRows} from "../../../src/data/demo/tables.ts";
import {euros} from "./read-back.ts";

interface Row {
  dept: string;
  flow: Flow;
  product: string;
  country: string;
  year2024: number;
}

const rows: Row[] = [];
const YEAR_2024_COLUMNS = CROSSED_QUARTERS.map((q, i) => (q.year === 2024 ? 3 + i : -1)).filter((i) => i >= 0);

beforeAll(() => {
  const totals = departementTotals();
  for (const {code} of departements) {
    for (const flow of ["export", "import"] as const) {
      for (const row of crossedRows(code, generateCube(code, flow, totals.get(code)![flow])).slice(1)) {
        const year2024 = YEAR_2024_COLUMNS.reduce((acc, i) => acc + euros(row[i]), 0);
        rows.push({dept: code, flow, product: row[1] as string, country: row[2] as string, year2024});
      }
    }
  }
}, 120_000);

const sumBy = (filter: (row: Row) => boolean) => rows.filter(filter).reduce((acc, row) => acc + row.year2024, 0);

function topKeys(filter: (row: Row) => boolean, key: "product" | "country", count: number): string[] {
  const totals = new Map<string, number>();
  for (const row of rows.filter(filter)) totals.set(row[key], (totals.get(row[key]) ?? 0) + row.year2024);
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k]) => k);
}

describe("France entière in the demo", () => {
  it("adds up to the reference totals to the euro", () => {
    for (const flow of ["export", "import"] as const) expect(sumBy((r) => r.flow === flow)).toBe(CALIBRATION.france[flow]);
  });

  it("has a few hundred to a few thousand pairs per département and flow", () => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(`${row.dept}|${row.flow}`, (counts.get(`${row.dept}|${row.flow}`) ?? 0) + 1);
    expect(counts.size).toBe(departements.length * 2);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(100);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(5000);
  });

  it("looks like French trade: Germany first partner, aircraft first export, hydrocarbons in the ports", () => {
    expect(topKeys((r) => r.flow === "export", "country", 3)).toContain("DE");
    expect(topKeys((r) => r.flow === "export", "product", 1)).toEqual(["30.30"]);
    expect(topKeys((r) => r.dept === "31" && r.flow === "export", "product", 1)).toEqual(["30.30"]);
    for (const port of ["13", "76", "44"]) {
      expect(topKeys((r) => r.dept === port && r.flow === "import", "product", 2)).toContain("06.10");
    }
    const reunionTop = topKeys((r) => r.dept === "974" && r.flow === "import", "country", 5);
    expect(reunionTop.filter((c) => ["MU", "MG", "ZA", "SC", "KM"].includes(c)).length).toBeGreaterThan(0);
    expect(rows.some((r) => r.country === "QS") && rows.some((r) => r.country === "QU")).toBe(true);
    expect(sumBy((r) => r.country === "QU") / CALIBRATION.france.import).toBeLessThan(0.01);
  });
});
