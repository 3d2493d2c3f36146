import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DuckDBInstance} from "@duckdb/node-api";
import {
  RCA_MIN_SHARE,
  concentration,
  concentrationOf,
  countryExposure,
  hhiLevel,
  importDependence,
  indicatorSummary,
  specialisation
} from "../../src/components/indicators.js";
import {stackSlices} from "../../src/queries/queries.js";
import {type Run} from "../../src/data/run.js";
import type {CanonicalRow, Flow} from "../../src/data/canonical.js";
import {nodeRun} from "../../src/data/slices.js";
import {closeNode, insertLabels, openNodeSlices, withWasm, type NodeEngine} from "./engines.js";
import {
  COUNTRIES,
  GRAND_EST,
  PRODUCTS,
  countryName,
  productName,
  ranking,
  registerSlices,
  sum,
  territoryRows,
  type Fixture
} from "../data/synthetic-trade.js";

const YEAR = 2024;
const LOADED = ["D10", "D51", "D08", "R44", "FR", "D92"];
let engine: NodeEngine;
let fixture: Fixture;
let instance: DuckDBInstance;
let run: Run;

beforeAll(async () => {
  engine = await openNodeSlices(LOADED);
  ({fixture, instance, run} = engine);
});

afterAll(() => closeNode(engine));

const rowsOf = (territory: string, flow: Flow) => territoryRows(fixture.rows, territory, YEAR).filter((row) => row.flow === flow);
const total = (rows: CanonicalRow[]) => sum(rows.map((row) => row.value_eur));

describe("countryExposure (United States)", () => {
  function expected(territory: string, n: number) {
    const exports = rowsOf(territory, "export");
    const toUs = exports.filter((row) => row.country === "US");
    const usTotal = total(toUs);
    const productTotals = new Map(ranking(exports, (row) => row.a129!));
    return {
      territory,
      year: YEAR,
      country: "US",
      countryName: "États-Unis",
      total: total(exports),
      value: usTotal,
      share: usTotal / total(exports),
      products: ranking(toUs, (row) => row.a129!)
        .slice(0, n)
        .map(([code, value], i) => ({
          rank: i + 1,
          code,
          name: productName(code),
          value,
          share: value / usTotal,
          productShare: value / productTotals.get(code)!
        }))
    };
  }

  for (const territory of ["D10", "R44", "FR"]) {
    it(`${territory}: share of exports to the US and the top 5 products carrying it`, async () => {
      const exposure = await countryExposure(run, {territory, year: YEAR});
      const reference = expected(territory, 5);
      expect(exposure).toMatchObject({...reference, share: expect.any(Number), products: expect.any(Array)});
      expect(exposure.share).toBeCloseTo(reference.share, 12);
      expect(exposure.products.map((p) => [p.code, p.value, p.name])).toEqual(reference.products.map((p) => [p.code, p.value, p.name]));
      exposure.products.forEach((p, i) => {
        expect(p.rank).toBe(i + 1);
        expect(p.share).toBeCloseTo(reference.products[i].share, 12);
        expect(p.productShare).toBeCloseTo(reference.products[i].productShare, 12);
      });
      expect(exposure.products).toHaveLength(5);
    });
  }

  it("makes the région's exports to the US the sum of its départements'", async () => {
    const region = await countryExposure(run, {territory: "R44", year: YEAR});
    const depts = await Promise.all(GRAND_EST.map((d) => countryExposure(run, {territory: `D${d}`, year: YEAR})));
    expect(region.value).toBe(sum(depts.map((d) => d.value)));
    expect(region.total).toBe(sum(depts.map((d) => d.total)));
  });

  it("takes another country, falls back to the code for a name, and says null for an empty territory", async () => {
    const china = await countryExposure(run, {territory: "D10", year: YEAR, country: "CN", n: 2});
    expect(china.countryName).toBe("Chine");
    expect(china.products).toHaveLength(2);
    expect((await countryExposure(run, {territory: "D10", year: YEAR, country: "ZZ"})).countryName).toBe("ZZ");
    const empty = await countryExposure(run, {territory: "D75", year: YEAR});
    expect(empty).toMatchObject({total: 0, value: 0, share: null, products: []});
  });
});

describe("concentration", () => {
  function expected(territory: string, flow: Flow, dimension: "country" | "product") {
    const ranks = ranking(rowsOf(territory, flow), (row) => row[dimension]).filter(([, v]) => v > 0);
    const flowTotal = sum(ranks.map(([, v]) => v));
    const shares = ranks.map(([, v]) => v / flowTotal);
    return {
      flow,
      dimension,
      count: ranks.length,
      total: flowTotal,
      top3Share: sum(shares.slice(0, 3)),
      hhi: sum(shares.map((s) => (100 * s) ** 2))
    };
  }

  for (const territory of ["D10", "R44", "FR", "D92"]) {
    it(`${territory}: top-3 share and HHI of partners and products, both flows`, async () => {
      const rows = await concentration(run, {territory, year: YEAR});
      expect(rows.map((r) => `${r.flow}/${r.dimension}`)).toEqual(["export/country", "export/product", "import/country", "import/product"]);
      for (const row of rows) {
        const reference = expected(territory, row.flow, row.dimension);
        expect(row.count).toBe(reference.count);
        expect(row.total).toBe(reference.total);
        expect(row.top3Share).toBeCloseTo(reference.top3Share, 12);
        expect(row.hhi).toBeCloseTo(reference.hhi, 8);
        // Bounds: an even spread over `count` gives 10 000 / count, a single one 10 000.
        expect(row.hhi!).toBeGreaterThanOrEqual(10000 / row.count - 1e-9);
        expect(row.hhi!).toBeLessThanOrEqual(10000 + 1e-9);
        expect(row.top3Share!).toBeGreaterThanOrEqual(Math.min(1, 3 / row.count) - 1e-12);
        expect(row.top3Share!).toBeLessThanOrEqual(1 + 1e-12);
      }
    });
  }

  it("reaches the lower bound on an even spread (every cell of 08 is equal)", async () => {
    const rows = await concentration(run, {territory: "D08", year: YEAR});
    for (const row of rows) {
      const count = row.dimension === "country" ? COUNTRIES.length : PRODUCTS.length;
      expect(row.count).toBe(count);
      expect(row.hhi).toBeCloseTo(10000 / count, 8);
      expect(row.top3Share).toBeCloseTo(3 / count, 12);
    }
    expect(concentrationOf(rows, "import", "product")?.count).toBe(PRODUCTS.length);
  });

  it("reaches 10 000 with a single partner, and gives nulls for an empty flow", async () => {
    const other = await instance.connect();
    try {
      await other.run("CREATE SCHEMA single; USE single");
      await other.run(
        `CREATE TABLE slice AS SELECT * FROM (VALUES
          ('D10', 2024::SMALLINT, 'export', 'C10A', 'US', 5.0), ('D10', 2024::SMALLINT, 'export', 'C11Z', 'US', 15.0))
          AS t(territory, year, flow, product, country, value_eur)`
      );
      const rows = await concentration(nodeRun(other), {territory: "D10", year: YEAR});
      expect(concentrationOf(rows, "export", "country")).toEqual({flow: "export", dimension: "country", count: 1, total: 20, top3Share: 1, hhi: 10000});
      expect(concentrationOf(rows, "export", "product")?.hhi).toBeCloseTo(25 ** 2 + 75 ** 2, 9);
      expect(concentrationOf(rows, "import", "country")).toEqual({flow: "import", dimension: "country", count: 0, total: 0, top3Share: null, hhi: null});
    } finally {
      other.closeSync();
    }
  });

  it("reads HHI levels with the 2023 DOJ/FTC thresholds, 1 000 and 1 800 (not the 2010 guidelines' 1 500 and 2 500)", () => {
    expect([hhiLevel(859), hhiLevel(999.9), hhiLevel(1000), hhiLevel(1219), hhiLevel(1800), hhiLevel(1800.1), hhiLevel(10000)]).toEqual([
      "peu concentré",
      "peu concentré",
      "modérément concentré",
      "modérément concentré",
      "modérément concentré",
      "fortement concentré",
      "fortement concentré"
    ]);
  });
});

describe("specialisation (revealed comparative advantage)", () => {
  function expected(territory: string, n: number, minShare: number) {
    const own = ranking(rowsOf(territory, "export"), (row) => row.a129!);
    const ownTotal = sum(own.map(([, v]) => v));
    const france = new Map(ranking(rowsOf("FR", "export"), (row) => row.a129!));
    const franceTotal = total(rowsOf("FR", "export"));
    return own
      .map(([code, value]) => {
        const share = value / ownTotal;
        const referenceShare = france.get(code)! / franceTotal;
        return {code, name: productName(code), value, share, referenceShare, rca: share / referenceShare};
      })
      .filter((row) => row.share >= minShare && row.rca > 1)
      .sort((a, b) => b.rca - a.rca || b.value - a.value || (a.code < b.code ? -1 : 1))
      .slice(0, n)
      .map((row, i) => ({rank: i + 1, ...row}));
  }

  for (const territory of ["D10", "D92", "R44"]) {
    it(`${territory}: top 10 ratios against France, only above 1, products under 1 % of exports ignored`, async () => {
      const rows = await specialisation(run, {territory, year: YEAR});
      const reference = expected(territory, 10, RCA_MIN_SHARE);
      // The fixture has products this territory exports less of than France: they are left out.
      const underOne = expected(territory, 100, 0).length < ranking(rowsOf(territory, "export"), (row) => row.a129!).length;
      expect(underOne).toBe(true);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.rca > 1)).toBe(true);
      expect(rows.map((r) => [r.rank, r.code, r.name, r.value])).toEqual(reference.map((r) => [r.rank, r.code, r.name, r.value]));
      rows.forEach((row, i) => {
        expect(row.share).toBeCloseTo(reference[i].share, 12);
        expect(row.referenceShare).toBeCloseTo(reference[i].referenceShare, 12);
        expect(row.rca).toBeCloseTo(reference[i].rca, 10);
        expect(row.share).toBeGreaterThanOrEqual(RCA_MIN_SHARE);
      });
      expect(rows.map((r) => r.rca)).toEqual([...rows.map((r) => r.rca)].sort((a, b) => b - a));
    });
  }

  it("lists nothing for France against itself: every ratio is 1, no specialisation", async () => {
    expect(await specialisation(run, {territory: "FR", year: YEAR, n: 100, minShare: 0})).toEqual([]);
  });

  it("applies the threshold: a higher one keeps fewer products, all above it", async () => {
    const all = await specialisation(run, {territory: "D10", year: YEAR, n: 100, minShare: 0});
    const strict = await specialisation(run, {territory: "D10", year: YEAR, n: 100, minShare: 0.1});
    expect(strict.length).toBeLessThan(all.length);
    expect(strict.every((r) => r.share >= 0.1)).toBe(true);
    expect(strict).toEqual(expected("D10", 100, 0.1).map((r) => ({...r, share: expect.closeTo(r.share, 12), referenceShare: expect.closeTo(r.referenceShare, 12), rca: expect.closeTo(r.rca, 10)})));
    await expect(specialisation(run, {territory: "D10", year: YEAR, minShare: 1})).rejects.toThrow(/Seuil invalide/);
  });
});

describe("importDependence", () => {
  function expected(territory: string, n: number) {
    const imports = rowsOf(territory, "import");
    const importTotal = total(imports);
    return ranking(imports, (row) => row.a129!)
      .slice(0, n)
      .map(([product, value], i) => {
        const [country, countryValue] = ranking(imports.filter((row) => row.a129 === product), (row) => row.country)[0];
        return {
          rank: i + 1,
          product,
          productName: productName(product),
          value,
          share: value / importTotal,
          country,
          countryName: countryName(country),
          countryValue,
          countryShare: countryValue / value
        };
      });
  }

  for (const territory of ["D10", "R44", "FR", "D08"]) {
    it(`${territory}: first origin of the 10 main imported products`, async () => {
      const dependence = await importDependence(run, {territory, year: YEAR});
      const reference = expected(territory, 10);
      expect(dependence.products).toHaveLength(10);
      expect(dependence.products.map((r) => ({...r, share: 0}))).toEqual(reference.map((r) => ({...r, share: 0})));
      dependence.products.forEach((row, i) => expect(row.share).toBeCloseTo(reference[i].share, 12));
      expect(dependence.weightedShare).toBeCloseTo(sum(reference.map((r) => r.countryValue)) / sum(reference.map((r) => r.value)), 12);
      for (const row of dependence.products) {
        expect(row.countryShare).toBeGreaterThan(0);
        expect(row.countryShare).toBeLessThanOrEqual(1);
      }
    });
  }

  it("breaks ties by code (every cell of 08 is equal), and is empty without imports", async () => {
    const tied = await importDependence(run, {territory: "D08", year: YEAR, n: 2});
    expect(tied.products.map((r) => [r.product, r.country, r.countryShare])).toEqual([
      ["C10A", "BE", 1 / COUNTRIES.length],
      ["C10B", "BE", 1 / COUNTRIES.length]
    ]);
    expect(await importDependence(run, {territory: "D75", year: YEAR})).toEqual({territory: "D75", year: YEAR, products: [], weightedShare: null});
  });
});

describe("guards", () => {
  it("binds values as parameters and refuses bad counts", async () => {
    expect((await countryExposure(run, {territory: "D10' OR 1=1 --", year: YEAR})).total).toBe(0);
    expect((await countryExposure(run, {territory: "D10", year: YEAR, country: "US' OR 1=1 --"})).value).toBe(0);
    await expect(importDependence(run, {territory: "D10", year: YEAR, n: 0})).rejects.toThrow(/invalide/);
  });
});

describe("indicatorSummary", () => {
  it("gathers every indicator, with no specialisation for France", async () => {
    const aube = await indicatorSummary(run, {territory: "D10", year: YEAR});
    expect(aube.unitedStates).toEqual(await countryExposure(run, {territory: "D10", year: YEAR}));
    expect(aube.concentration).toHaveLength(4);
    expect(aube.specialisation.length).toBeGreaterThan(0);
    expect(aube.importDependence.products).toHaveLength(10);
    expect((await indicatorSummary(run, {territory: "FR", year: YEAR})).specialisation).toEqual([]);
  });
});

describe("DuckDB-WASM", () => {
  it("gives the same indicators as @duckdb/node-api over the page's Parquet path", async () => {
    await withWasm(async (engine) => {
      await engine.insert("slice_territory", fixture.slices.get("D10.parquet")!);
      await engine.insert("slice_france", fixture.slices.get("FR.parquet")!);
      await insertLabels(engine, fixture);
      const wasmRun = engine.run;
      await stackSlices(wasmRun, ["slice_territory", "slice_france"]);
      for (const territory of ["D10", "FR"]) {
        expect(await indicatorSummary(wasmRun, {territory, year: YEAR})).toEqual(await indicatorSummary(run, {territory, year: YEAR}));
      }
    });
  }, 120_000);
});
