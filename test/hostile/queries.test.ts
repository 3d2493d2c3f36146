/**
 * SQL injection through route parameters (issue 7): every page query binds its
 * values; hostile territory ids and years give an error or an empty result,
 * and the tables are intact afterwards.
 */
import {describe, expect, it} from "vitest";
import {availableYears, keyFigures, productsByFlow, sankeyLinks, topCountries, topPartners, topProducts} from "../../src/queries/queries.js";
import {withDuckDB} from "../../src/data/parquet-output.js";
import {nodeRun} from "../../src/data/slices.js";

const HOSTILE_IDS = [
  "D10'; DROP TABLE slice; --",
  "D10' OR '1'='1",
  "' UNION SELECT 'D10', 2024, 'export', 'x', 'y', 1e12 --",
  "D10\"; DELETE FROM products; --",
  "D10'); COPY slice TO '/tmp/hostile-copy.csv'; --"
];
const HOSTILE_YEARS = ["2024; DROP TABLE slice", "2024 OR 1=1", "0) OR (1=1"] as unknown as number[];

describe("page queries bind their values", () => {
  it("hostile territory ids and years: error or empty result, tables intact", async () => {
    await withDuckDB(async (connection) => {
      await connection.run(`CREATE TABLE slice AS SELECT * FROM (VALUES
        ('D10', 2024::SMALLINT, 'export', '14.13', 'DE', 1000.0, NULL::DOUBLE), ('D10', 2024::SMALLINT, 'import', '14.13', 'CN', 500.0, NULL::DOUBLE),
        ('FR', 2024::SMALLINT, 'export', '14.13', 'DE', 9000.0, NULL::DOUBLE)) AS t(territory, year, flow, product, country, value_eur, mass_kg)`);
      await connection.run("CREATE TABLE products AS SELECT '14.13' AS code, 'Vêtements' AS name");
      await connection.run("CREATE TABLE countries AS SELECT * FROM (VALUES ('DE', 'Allemagne'), ('CN', 'Chine')) AS t(code, name)");
      const run = nodeRun(connection);
      const count = async () => (await connection.runAndReadAll("SELECT (SELECT count(*) FROM slice), (SELECT count(*) FROM products), (SELECT count(*) FROM countries)")).getRows()[0].map(Number);
      const queries = (territory: string, year: number) => [
        // availableYears takes no year: only asked with a hostile territory.
        ...(territory === "D10" ? [] : [() => availableYears(run, territory)]),
        () => keyFigures(run, {territory, region: territory, year}),
        () => topPartners(run, {territory, year}),
        () => topProducts(run, {territory, year, flow: "export"}),
        () => topCountries(run, {territory, year, flow: "import"}),
        () => productsByFlow(run, {territory, year}),
        () => sankeyLinks(run, {territory, year, flow: "export"})
      ];
      let tried = 0;
      let errors = 0;
      const cases: [string, number][] = [...HOSTILE_IDS.map((id): [string, number] => [id, 2024]), ...HOSTILE_YEARS.map((year): [string, number] => ["D10", year])];
      for (const [territory, year] of cases) {
        for (const query of queries(territory, year)) {
          tried++;
          const outcome = await query().then((rows: unknown) => ({rows}), (error: unknown) => ({error}));
          if ("error" in outcome) {
            errors++;
            expect(outcome.error).toBeInstanceOf(Error);
          } else if (Array.isArray(outcome.rows)) {
            expect(outcome.rows, `${territory} / ${year}`).toEqual([]);
          } else {
            // keyFigures always answers both flows: with nothing matched, every total is zero.
            expect(outcome.rows, `${territory} / ${year}`).toMatchObject({export: {total: 0}, import: {total: 0}, balance: 0});
          }
          expect(await count()).toEqual([3, 1, 2]);
        }
      }
      expect(tried).toBe(HOSTILE_IDS.length * 7 + HOSTILE_YEARS.length * 6);
      // The honest queries still work afterwards, and find D10's rows only.
      for (const query of queries("D10", 2024)) expect(await query()).not.toEqual([]);
      expect(await availableYears(run, "D10")).toEqual([2024]);
      expect((await topProducts(run, {territory: "D10", year: 2024, flow: "export"}))[0]).toMatchObject({code: "14.13", value: 1000});
      expect((await topPartners(run, {territory: "D10", year: 2024})).map((p) => p.country)).toEqual(["DE", "CN"]);
      console.log(`requêtes hostiles : ${tried} essayées, ${errors} en erreur, ${tried - errors} sans résultat, tables intactes`);
    });
  });

  it("a flow or a count outside the allowed values is refused before any SQL", async () => {
    await withDuckDB(async (connection) => {
      const run = nodeRun(connection);
      await expect(topProducts(run, {territory: "D10", year: 2024, flow: "export' --" as "export"})).rejects.toThrow(/Flux inconnu/);
      await expect(topProducts(run, {territory: "D10", year: 2024, flow: "export", n: "1; DROP TABLE slice" as unknown as number})).rejects.toThrow(/Nombre d'éléments invalide/);
    });
  });
});
