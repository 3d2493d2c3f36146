import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {OTHERS_CODE, OTHERS_NAMES, availableYears, keyFigures, productsByFlow, sankeyLinks, productDetail, stackSlices, territoryTotals, topCountries, topPartners, topProducts} from "../../src/queries/queries.js";
import {type Run} from "../../src/data/run.js";
import type {CanonicalRow, Flow} from "../../src/data/canonical.js";
import {nodeRun} from "../../src/data/slices.js";
import {closeNode, insertLabels, openNodeSlices, withWasm, type NodeEngine} from "./engines.js";
import {
  countryName,
  productName,
  ranking,
  registerSlices,
  sum,
  territoryRows,
  type Fixture
} from "../data/synthetic-trade.js";

const YEAR = 2024;
let engine: NodeEngine;
let fixture: Fixture;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let run: Run;

beforeAll(async () => {
  // As on the Aube page (D10, its région, France), plus other slices in the same table.
  engine = await openNodeSlices(["D10", "R44", "FR", "D51", "D08", "R11", "D92"]);
  ({fixture, instance, connection, run} = engine);
});

afterAll(() => closeNode(engine));

const rowsOf = (territory: string, flow?: Flow) =>
  territoryRows(fixture.rows, territory, YEAR).filter((row) => flow === undefined || row.flow === flow);
const total = (rows: CanonicalRow[]) => sum(rows.map((row) => row.value_eur));

describe("availableYears", () => {
  it("lists only the complete year", async () => {
    expect(await availableYears(run)).toEqual([2024]);
    expect(await availableYears(run, "D10")).toEqual([2024]);
    expect(await availableYears(run, "D99")).toEqual([]);
  });
});

describe("keyFigures", () => {
  it("gives the département's, région's and France's totals, shares and balance", async () => {
    const figures = await keyFigures(run, {territory: "D10", region: "R44", year: YEAR});
    for (const flow of ["export", "import"] as const) {
      const own = total(rowsOf("D10", flow));
      const region = total(rowsOf("R44", flow));
      const france = total(rowsOf("FR", flow));
      expect(own).toBeGreaterThan(0);
      expect(figures[flow]).toEqual({
        total: own,
        regionTotal: region,
        franceTotal: france,
        regionShare: own / region,
        franceShare: own / france,
        massKg: sum(rowsOf("D10", flow).map((row) => row.mass_kg ?? 0))
      });
    }
    expect(figures.balance).toBe(total(rowsOf("D10", "export")) - total(rowsOf("D10", "import")));
  });

  it("has no région above a région, and France counts unallocated trade", async () => {
    const figures = await keyFigures(run, {territory: "R44", year: YEAR});
    expect(figures.export.regionTotal).toBeNull();
    expect(figures.export.regionShare).toBeNull();
    const allocated = total(["08", "10", "51", "75", "92"].flatMap((d) => rowsOf(`D${d}`, "export")));
    expect(figures.export.franceTotal).toBeGreaterThan(allocated);
    expect(figures.export.franceTotal).toBe(total(rowsOf("FR", "export")));
  });

  it("returns zeros for a territory whose slice is not loaded", async () => {
    const figures = await keyFigures(run, {territory: "D75", region: "R11", year: YEAR});
    expect(figures.export.total).toBe(0);
    expect(figures.export.franceShare).toBe(0);
  });
});

describe("territoryTotals", () => {
  it("gives each territory's exports and imports in the order asked, 0 for one without rows, and refuses a malformed id", async () => {
    const rows = await territoryTotals(run, {territories: ["D51", "D10", "D08", "D52"], year: YEAR});
    expect(rows.map((row) => row.territory)).toEqual(["D51", "D10", "D08", "D52"]);
    for (const row of rows.slice(0, 3)) {
      expect(row.exports, row.territory).toBeCloseTo(total(rowsOf(row.territory, "export")), 2);
      expect(row.imports, row.territory).toBeCloseTo(total(rowsOf(row.territory, "import")), 2);
    }
    expect(rows[3]).toEqual({territory: "D52", exports: 0, imports: 0});
    await expect(territoryTotals(run, {territories: ["D10", "D51,R44"], year: YEAR})).rejects.toThrow("Identifiant de territoire invalide : « D51,R44 »");
  });
});

describe("topProducts / topCountries", () => {
  it("rank by value with shares of the flow total and label fallback", async () => {
    for (const flow of ["export", "import"] as const) {
      const rows = rowsOf("D10", flow);
      const flowTotal = total(rows);
      const expected = (key: (row: CanonicalRow) => string, label: (code: string) => string) =>
        ranking(rows, key)
          .slice(0, 4)
          .map(([code, value], index) => ({rank: index + 1, code, name: label(code), value, share: value / flowTotal}));
      expect(await topProducts(run, {territory: "D10", year: YEAR, flow, n: 4})).toEqual(
        expected((row) => row.a129!, productName)
      );
      expect(await topCountries(run, {territory: "D10", year: YEAR, flow, n: 4})).toEqual(
        expected((row) => row.country, countryName)
      );
    }
  });

  it("falls back to the code when a label is missing", async () => {
    const all = await topProducts(run, {territory: "D10", year: YEAR, flow: "export", n: 100});
    expect(all.find((row) => row.code === "C30Z")?.name).toBe("C30Z");
    expect(all).toHaveLength(new Set(rowsOf("D10", "export").map((row) => row.a129)).size);
  });

  it("break ties by code", async () => {
    const products = await topProducts(run, {territory: "D08", year: YEAR, flow: "export", n: 3});
    expect(products.map((row) => row.code)).toEqual(["C10A", "C10B", "C11Z"]);
    const countries = await topCountries(run, {territory: "D08", year: YEAR, flow: "import", n: 3});
    expect(countries.map((row) => row.code)).toEqual(["BE", "CH", "CN"]);
  });
});

describe("topPartners", () => {
  it("is the union of the top n by exports and by imports", async () => {
    const n = 4;
    const exports = ranking(rowsOf("D10", "export"), (row) => row.country);
    const imports = ranking(rowsOf("D10", "import"), (row) => row.country);
    const chosen = new Set([...exports.slice(0, n), ...imports.slice(0, n)].map(([code]) => code));
    const valueOf = (list: [string, number][], code: string) => list.find(([c]) => c === code)?.[1] ?? 0;
    const expected = [...chosen]
      .map((country) => {
        const e = valueOf(exports, country);
        const i = valueOf(imports, country);
        return {country, countryName: countryName(country), exports: e, imports: i, balance: e - i};
      })
      .sort((a, b) => b.exports + b.imports - (a.exports + a.imports) || a.country.localeCompare(b.country));
    const partners = await topPartners(run, {territory: "D10", year: YEAR, n});
    expect(partners).toEqual(expected);
    expect(partners.length).toBeGreaterThanOrEqual(n);
    expect(partners.length).toBeLessThanOrEqual(2 * n);
  });
});

describe("productsByFlow", () => {
  it("keeps the top n products per flow and puts the rest in Autres", async () => {
    const n = 5;
    const rows = await productsByFlow(run, {territory: "D10", year: YEAR, n});
    for (const flow of ["export", "import"] as const) {
      const flowRows = rows.filter((row) => row.flow === flow);
      const flowTotal = total(rowsOf("D10", flow));
      const top = ranking(rowsOf("D10", flow), (row) => row.a129!).slice(0, n);
      expect(flowRows.slice(0, n).map((row) => [row.product, row.value])).toEqual(top);
      const others = flowRows.at(-1)!;
      expect(others).toMatchObject({product: OTHERS_CODE, productName: OTHERS_NAMES.product});
      expect(others.value).toBe(flowTotal - sum(top.map(([, value]) => value)));
      expect(sum(flowRows.map((row) => row.value))).toBe(flowTotal);
      expect(sum(flowRows.map((row) => row.share))).toBeCloseTo(1, 12);
    }
    expect(rows.map((row) => row.flow)).toEqual([...rows.map((row) => row.flow)].sort());
  });

  it("has no Autres cell when every product fits", async () => {
    const rows = await productsByFlow(run, {territory: "D10", year: YEAR});
    expect(rows.some((row) => row.product === OTHERS_CODE)).toBe(false);
    expect(rows.find((row) => row.product === "C26Z" && row.flow === "export")?.productName).toBe(
      "Produits informatiques et électroniques"
    );
  });
});

describe("sankeyLinks", () => {
  /** Independent bucketing: top n on each side by the flow total, the rest in Autres. */
  function expectedLinks(territory: string, flow: Flow, n: number) {
    const rows = rowsOf(territory, flow);
    const topP = new Set(ranking(rows, (row) => row.a129!).slice(0, n).map(([code]) => code));
    const topC = new Set(ranking(rows, (row) => row.country).slice(0, n).map(([code]) => code));
    const links = new Map<string, number>();
    for (const row of rows) {
      const product = topP.has(row.a129!) ? row.a129! : OTHERS_CODE;
      const country = topC.has(row.country) ? row.country : OTHERS_CODE;
      const [source, target] = flow === "export" ? [product, country] : [country, product];
      const key = `${source}|${target}`;
      links.set(key, (links.get(key) ?? 0) + row.value_eur);
    }
    return links;
  }

  for (const territory of ["D10", "R44", "FR"]) {
    for (const flow of ["export", "import"] as const) {
      it(`${territory} ${flow}: top 10 + Autres on each side, links summing to the flow total`, async () => {
        const links = await sankeyLinks(run, {territory, year: YEAR, flow});
        const expected = expectedLinks(territory, flow, 10);
        expect(new Map(links.map((l) => [`${l.source}|${l.target}`, l.value]))).toEqual(expected);
        expect(sum(links.map((l) => l.value))).toBe(total(rowsOf(territory, flow)));
        expect(new Set(links.map((l) => l.source)).size).toBeLessThanOrEqual(11);
        expect(new Set(links.map((l) => l.target)).size).toBeLessThanOrEqual(11);
        // Descending values.
        expect(links.map((l) => l.value)).toEqual([...links.map((l) => l.value)].sort((a, b) => b - a));
        // Export goes product → country, import country → product; names follow codes.
        const products = new Set(fixture.rows.map((row) => row.a129).concat(OTHERS_CODE));
        for (const link of links) {
          expect(products.has(flow === "export" ? link.source : link.target)).toBe(true);
          const country = flow === "export" ? link.target : link.source;
          const name = flow === "export" ? link.targetName : link.sourceName;
          expect(name).toBe(country === OTHERS_CODE ? OTHERS_NAMES.country : countryName(country));
        }
      });
    }
  }

  it("buckets ties by code", async () => {
    const links = await sankeyLinks(run, {territory: "D08", year: YEAR, flow: "export", n: 2});
    expect(new Set(links.map((l) => l.source))).toEqual(new Set(["C10A", "C10B", OTHERS_CODE]));
    expect(new Set(links.map((l) => l.target))).toEqual(new Set(["BE", "CH", OTHERS_CODE]));
    expect(links[0]).toMatchObject({source: OTHERS_CODE, target: OTHERS_CODE});
  });
});

describe("the CPF4 level", () => {
  it("groups the same slices by CPF4 when asked, and details an activity's CPF4 products", async () => {
    const other = await instance.connect();
    try {
      await other.run("CREATE SCHEMA cpf4_level; USE cpf4_level");
      await registerSlices(other, fixture, ["D10"]);
      const levelRun = nodeRun(other);
      await other.run("ALTER TABLE slice RENAME TO slice_0");
      await stackSlices(levelRun, ["slice_0"], "cpf4");
      const rows = rowsOf("D10", "export");
      const byCpf4 = ranking(rows, (row) => row.product).slice(0, 4);
      expect((await topProducts(levelRun, {territory: "D10", year: YEAR, flow: "export", n: 4})).map((row) => [row.code, row.value])).toEqual(byCpf4);
      await stackSlices(levelRun, ["slice_0"], "a129");
      const [first] = ranking(rows, (row) => row.a129!);
      const detail = await productDetail(levelRun, {territory: "D10", year: YEAR, flow: "export", a129: first[0]});
      expect(detail.map((row) => row.value).reduce((a, b) => a + b, 0)).toBe(first[1]);
      expect(detail.map((row) => row.code)).toEqual([...new Set(rows.filter((row) => row.a129 === first[0]).map((row) => row.product))]);
      await expect(stackSlices(levelRun, ["slice_0"], "nace" as never)).rejects.toThrow(/Niveau de produit inconnu/);
    } finally {
      other.closeSync();
    }
  });
});

describe("stackSlices", () => {
  it("makes one view of slices registered as separate tables, and refuses odd table names", async () => {
    const other = await instance.connect();
    try {
      await other.run("CREATE SCHEMA IF NOT EXISTS stacked; USE stacked");
      const otherRun = nodeRun(other);
      await other.run("CREATE TABLE slice_territory AS SELECT * FROM main.slice WHERE territory = 'D10'");
      await other.run("CREATE TABLE slice_region AS SELECT * FROM main.slice WHERE territory = 'R44'");
      await other.run("CREATE TABLE slice_france AS SELECT * FROM main.slice WHERE territory = 'FR'");
      await other.run("CREATE TABLE products AS SELECT * FROM main.products; CREATE TABLE countries AS SELECT * FROM main.countries");
      await stackSlices(otherRun, ["slice_territory", "slice_region", "slice_france"]);
      expect(await keyFigures(otherRun, {territory: "D10", region: "R44", year: YEAR})).toEqual(
        await keyFigures(run, {territory: "D10", region: "R44", year: YEAR})
      );
      await expect(stackSlices(otherRun, ["slice_territory; DROP TABLE x"])).rejects.toThrow(/invalide/);
      await expect(stackSlices(otherRun, [])).rejects.toThrow(/Aucune/);
    } finally {
      other.closeSync();
    }
  });
});

describe("DuckDB-WASM", () => {
  /**
   * The page's path: slices decoded by hyparquet into Arrow, inserted into
   * DuckDB-WASM (the node build of the same wasm), rows made plain — then
   * every query must answer exactly as @duckdb/node-api does.
   */
  it("gives the same rows as @duckdb/node-api for every query", async () => {
    await withWasm(async (engine) => {
      await engine.insert("slice_territory", fixture.slices.get("D10.parquet")!);
      await engine.insert("slice_region", fixture.slices.get("R44.parquet")!);
      await engine.insert("slice_france", fixture.slices.get("FR.parquet")!);
      await insertLabels(engine, fixture);
      const wasmRun = engine.run;
      await stackSlices(wasmRun, ["slice_territory", "slice_region", "slice_france"]);

      expect(await availableYears(wasmRun)).toEqual(await availableYears(run));
      const figures = {territory: "D10", region: "R44", year: YEAR};
      expect(await keyFigures(wasmRun, figures)).toEqual(await keyFigures(run, figures));
      for (const territory of ["D10", "R44", "FR"]) {
        const options = {territory, year: YEAR};
        expect(await topPartners(wasmRun, options)).toEqual(await topPartners(run, options));
        expect(await productsByFlow(wasmRun, {...options, n: 5})).toEqual(await productsByFlow(run, {...options, n: 5}));
        for (const flow of ["export", "import"] as const) {
          expect(await sankeyLinks(wasmRun, {...options, flow})).toEqual(await sankeyLinks(run, {...options, flow}));
          expect(await topProducts(wasmRun, {...options, flow})).toEqual(await topProducts(run, {...options, flow}));
          expect(await topCountries(wasmRun, {...options, flow})).toEqual(await topCountries(run, {...options, flow}));
        }
      }
    });
  }, 120_000);
});

describe("inputs", () => {
  it("binds the territory as a parameter and refuses bad flows and counts", async () => {
    expect(await topProducts(run, {territory: "D10' OR 1=1 --", year: YEAR, flow: "export"})).toEqual([]);
    await expect(topProducts(run, {territory: "D10", year: YEAR, flow: "exports" as Flow})).rejects.toThrow(/« exports »/);
    await expect(sankeyLinks(run, {territory: "D10", year: YEAR, flow: "export", n: 0})).rejects.toThrow(/invalide/);
  });
});
