/**
 * The demo goes through the same parser as real files and must reproduce the
 * reference factsheet's totals exactly (FACTSHEET.md). The full run is memoised
 * in .cache/pipeline/, so only the first run of this test is slow.
 */
import {describe, expect, it} from "vitest";
import {withDuckDB} from "../../../src/data/parquet-output.ts";
import {loadPipeline} from "../../../src/data/douanes/pipeline.ts";
import {regions} from "../../../src/data/territories.ts";

describe("demo source through the customs parser", () => {
  it("reproduces Aube, Grand Est and France 2024 exactly; France = Σ départements, région = Σ its départements", {timeout: 600_000}, async () => {
    const outputs = await loadPipeline({...process.env, TRADE_SOURCE: "demo"});
    expect(outputs.manifest.synthetic).toBe(true);
    expect(outputs.manifest.shownYear).toBe(2024);
    expect(outputs.manifest.rows.total.read).toBe(outputs.manifest.rows.total.kept + outputs.manifest.rows.total.rejected);
    const trade = outputs.tradeParquetPath.replaceAll("'", "''");
    await withDuckDB(async (connection) => {
      const q = async (sql: string) => (await connection.runAndReadAll(sql)).getRows();
      const byDept = new Map((await q(`SELECT dept || ' ' || flow, sum(value_eur) FROM '${trade}' WHERE year = 2024 GROUP BY ALL`)).map(([k, v]) => [String(k), Number(v)]));
      const sum = (depts: string[], flow: string) => depts.reduce((s, d) => s + (byDept.get(`${d} ${flow}`) ?? 0), 0);
      const grandEst = regions.find((r) => r.code === "44")!.departements;
      const all = regions.flatMap((r) => r.departements);
      expect(sum(["10"], "export")).toBe(1_822_300_000);
      expect(sum(["10"], "import")).toBe(1_697_200_000);
      expect(sum(grandEst, "export")).toBe(67_665_400_000);
      expect(sum(grandEst, "import")).toBe(63_519_700_000);
      expect(sum(all, "export")).toBe(580_354_500_000);
      expect(sum(all, "import")).toBe(684_776_300_000);
      // France = the whole table: no row outside the 101 départements.
      const [[france]] = await q(`SELECT sum(value_eur) FROM '${trade}' WHERE year = 2024 AND flow = 'export'`);
      expect(Number(france)).toBe(580_354_500_000);
      // Every région is the sum of its départements, and the régions add up to France.
      const regionTotals = regions.map((r) => sum(r.departements, "import"));
      expect(regionTotals.reduce((a, b) => a + b, 0)).toBe(684_776_300_000);
    });
  });
});
