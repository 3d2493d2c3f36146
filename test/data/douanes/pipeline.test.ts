import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {withDuckDB} from "../../../src/data/parquet-output.js";
import {pipelineFor} from "../../../src/data/douanes/pipeline.js";
import {listLocalInputs} from "../../../src/data/douanes/source.js";
import {regionZip, tempDir, writeRegionFolder, type DeptFixture} from "./fixtures.js";

const aube: DeptFixture = {
  dept: "10",
  exports: [["14.13", "DE", [1.5, 2, 3, 4, 5, 6]], ["14.13", "BE", [10, 20, 30, 40, 50, 60.001]], ["20.14", "DE", [0, 0, 1234.567, 0, 0, 1]]],
  imports: [["20.14", "CN", [100, 100, 100, 100, 100, 100]]]
};
const marne: DeptFixture = {dept: "51", exports: [["11.02", "US", [7, 7, 7, 7, 7, 7]]], imports: [["11.02", "IT", [1, 2, 3, 4, 5, 6]]]};
const labels: [string, string][] = [["14.13", "Vêtements de dessus"], ["20.14", "Produits chimiques organiques"], ["11.02", "Vins de raisin"]];

async function runOn(folder: string) {
  const cache = await tempDir("douanes-cache-");
  const plan = {mode: "path" as const, synthetic: false, description: "test", inputs: await listLocalInputs(folder)};
  return pipelineFor(plan, {TRADE_CACHE_DIR: cache});
}

describe("pipeline on a région zip in the customs format", () => {
  it("writes the canonical table with exact euros, complete year, labels and a balanced manifest", async () => {
    const folder = await writeRegionFolder({"region_44.zip": regionZip([aube, marne], labels)});
    const outputs = await runOn(folder);
    const {manifest} = outputs;
    expect(manifest.shownYear).toBe(2024);
    expect(manifest.years.completeYears).toEqual([2024]);
    expect(manifest.quarters.crossed).toEqual(["2023T3", "2023T4", "2024T1", "2024T2", "2024T3", "2024T4"]);
    for (const part of Object.values(manifest.rows)) expect(part.read).toBe(part.kept + part.rejected);
    expect(manifest.rows.crossed.rejected).toBe(0);
    expect(manifest.reconciliation.products.cellsDifferent).toBe(0);
    expect(manifest.reconciliation.countries.cellsDifferent).toBe(0);
    expect(manifest.reconciliation.products.cellsCompared).toBeGreaterThan(0);

    await withDuckDB(async (connection) => {
      const trade = outputs.tradeParquetPath.replaceAll("'", "''");
      const schema = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${trade}'`)).getRows().map((r) => `${r[0]} ${r[1]}`);
      expect(schema).toEqual(["year SMALLINT", "quarter TINYINT", "flow VARCHAR", "dept VARCHAR", "a129 VARCHAR", "product VARCHAR", "country VARCHAR", "value_eur DOUBLE", "mass_kg DOUBLE"]);
      const totals = (await connection.runAndReadAll(`SELECT dept, flow, sum(value_eur) FROM '${trade}' WHERE year = 2024 GROUP BY ALL ORDER BY 1, 2`)).getRows();
      // Aube exports 2024: 14.13 DE 3+4+5+6 + 14.13 BE 30+40+50+60.001 + 20.14 DE 1234.567+1 (k€)
      expect(totals).toEqual([
        ["10", "export", 1_433_568],
        ["10", "import", 400_000],
        ["51", "export", 28_000],
        ["51", "import", 18_000]
      ]);
      const names = (await connection.runAndReadAll(`SELECT code, name, level FROM '${outputs.productsParquetPath}' ORDER BY code`)).getRows();
      expect(names).toContainEqual(["1413", "Vêtements de dessus", "cpf4"]);
      expect(names).toContainEqual(["C14Z", "Articles d'habillement", "a129"]);
      const derived = (await connection.runAndReadAll(`SELECT DISTINCT product, a129, mass_kg FROM '${trade}' ORDER BY 1`)).getRows();
      expect(derived).toEqual([["1102", "C11Z", null], ["1413", "C14Z", null], ["2014", "C20A", null]]);
      const countries = (await connection.runAndReadAll(`SELECT code, name FROM '${outputs.countriesParquetPath}' ORDER BY code`)).getRows();
      expect(countries).toContainEqual(["DE", "Allemagne"]);
      const quarterly = (await connection.runAndReadAll(`SELECT count(*) FROM '${outputs.productsQuarterlyParquetPath}'`)).getRows();
      expect(Number(quarterly[0][0])).toBeGreaterThan(0);
    });
    const manifestFile = JSON.parse(await readFile(outputs.manifestPath, "utf8"));
    expect(manifestFile.synthetic).toBe(false);
    expect(manifestFile.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects a duplicated département file's values as duplicates, with file and line", async () => {
    const zipA = regionZip([marne], labels);
    const folder = await writeRegionFolder({"region_44.zip": zipA, "region_44_copie.zip": zipA});
    const {manifest} = await runOn(folder);
    const duplicates = manifest.rows.crossed.reasons.find((r) => r.reason.startsWith("doublon"));
    expect(duplicates?.count).toBe(12);
    expect(duplicates?.examples[0].file).toBe("region_44_copie.zip/51_export_pays_produits.xls");
    expect(manifest.rows.crossed).toMatchObject({read: 24, kept: 12, rejected: 12});
    expect(manifest.totals).toContainEqual({year: 2024, flow: "export", value_eur: 28_000});
  });

  it("runs once: a second call reuses the memoised outputs", async () => {
    const folder = await writeRegionFolder({"region_44.zip": regionZip([marne], labels)});
    const cache = await tempDir("douanes-cache-");
    const plan = {mode: "path" as const, synthetic: false, description: "test", inputs: await listLocalInputs(folder)};
    const first = await pipelineFor(plan, {TRADE_CACHE_DIR: cache});
    const second = await pipelineFor(plan, {TRADE_CACHE_DIR: cache});
    expect(second.tradeParquetPath).toBe(first.tradeParquetPath);
    expect(join(cache, "pipeline")).toBe(join(first.tradeParquetPath, "..", ".."));
  });
});
