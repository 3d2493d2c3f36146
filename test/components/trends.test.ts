import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Flow} from "../../src/data/canonical.js";
import {
  completeYears,
  quarterLabel,
  quarterlyTotals,
  relativeChange,
  stackQuarterly,
  yearComparison,
  yearComparisons,
  type TrendKind
} from "../../src/components/trends.js";
import {buildQuarterlySlices, QUARTERLY_COLUMNS} from "../../src/data/quarterly-slices.js";
import {nodeRun} from "../../src/data/slices.js";
import {closeNode, insertLabels, withWasm, type NodeEngine} from "./engines.js";
import {
  countryName,
  productName,
  QUARTERS_16,
  quarterlyTerritoryRows,
  syntheticQuarterlyRows,
  writeQuarterlyFiles,
  type QuarterlyFixture,
  type QuarterlySourceRow
} from "../data/synthetic-trade.js";

interface Setup extends NodeEngine<QuarterlyFixture> {
  slices: Map<string, Uint8Array>;
}

/** Quarterly slices built by the loader's code, registered as a page does (one table `quarterly`), plus labels. */
async function setUp(ids: string[], rows = syntheticQuarterlyRows()): Promise<Setup> {
  const fixture = await writeQuarterlyFiles(rows);
  const slices = await buildQuarterlySlices(fixture);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const columns = QUARTERLY_COLUMNS.map(([c, t]) => `${c} ${t}`).join(", ");
  await connection.run(`CREATE TABLE quarterly (${columns})`);
  for (const id of ids) {
    const file = join(fixture.directory, `quarterly-${id}.parquet`);
    await writeFile(file, slices.get(`${id}.parquet`)!);
    await connection.run("INSERT INTO quarterly SELECT * FROM read_parquet($1)", [file]);
  }
  await connection.run("CREATE TABLE products AS SELECT * FROM read_parquet($1)", [fixture.productsParquetPath]);
  await connection.run("CREATE TABLE countries AS SELECT * FROM read_parquet($1)", [fixture.countriesParquetPath]);
  return {fixture, slices, instance, connection, run: nodeRun(connection)};
}

let main: Setup;
beforeAll(async () => {
  main = await setUp(["D10", "D51", "R44", "FR"]);
});
afterAll(() => closeNode(main));

const sourceRows = (kind: TrendKind) => (kind === "product" ? main.fixture.rows.products : main.fixture.rows.countries);
const sumOf = (rows: QuarterlySourceRow[]) => rows.reduce((total, row) => total + row.value_eur, 0);

describe("quarterLabel / relativeChange", () => {
  it("write French quarters and guard against missing or zero previous values", () => {
    expect(quarterLabel(2024, 1)).toBe("T1 2024");
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(5, null)).toBeNull();
  });
});

describe("completeYears", () => {
  it("lists the years with four quarters", async () => {
    expect(await completeYears(main.run, "D10")).toEqual([2021, 2022, 2023, 2024]);
    expect(await completeYears(main.run, "D99")).toEqual([]);
  });
});

describe("quarterlyTotals", () => {
  /** Independent computation: sum per (year, quarter, flow), previous = same quarter a year earlier. */
  function expected(territory: string, kind: TrendKind) {
    const rows = quarterlyTerritoryRows(sourceRows(kind), territory);
    const value = (year: number, quarter: number, flow: Flow) =>
      sumOf(rows.filter((r) => r.year === year && r.quarter === quarter && r.flow === flow));
    return (["export", "import"] as Flow[]).flatMap((flow) =>
      QUARTERS_16.map(([year, quarter]) => {
        const previousValue = year > 2021 ? value(year - 1, quarter, flow) : null;
        const current = value(year, quarter, flow);
        return {
          year,
          quarter,
          label: `T${quarter} ${year}`,
          flow,
          value: current,
          previousValue,
          change: previousValue ? current / previousValue - 1 : null
        };
      })
    );
  }

  for (const territory of ["D10", "R44", "FR"]) {
    it(`${territory}: 16 quarters per flow with year-over-year change (products table)`, async () => {
      const points = await quarterlyTotals(main.run, {territory});
      expect(points).toHaveLength(32);
      expect(points).toEqual(expected(territory, "product"));
    });
  }

  it("sums the countries table when asked", async () => {
    expect(await quarterlyTotals(main.run, {territory: "D10", basis: "country"})).toEqual(expected("D10", "country"));
  });

  it("makes a région the sum of its départements, point by point", async () => {
    const region = await quarterlyTotals(main.run, {territory: "R44"});
    const depts = await Promise.all(["08", "10", "51"].map((d) => setUpValues(`D${d}`)));
    region.forEach((point, i) => expect(point.value).toBe(depts.reduce((total, values) => total + values[i], 0)));
  });

  it("gives 0 for a flow without rows in a quarter, and no change against 0", async () => {
    const points = await quarterlyTotals(main.run, {territory: "D51"});
    const hole = points.find((p) => p.flow === "import" && p.year === 2022 && p.quarter === 2)!;
    expect(hole).toMatchObject({value: 0, change: -1});
    const after = points.find((p) => p.flow === "import" && p.year === 2023 && p.quarter === 2)!;
    expect(after.previousValue).toBe(0);
    expect(after.change).toBeNull();
  });

  it("returns nothing for a territory without rows, and binds the territory", async () => {
    expect(await quarterlyTotals(main.run, {territory: "D99"})).toEqual([]);
    expect(await quarterlyTotals(main.run, {territory: "D10' OR 1=1 --"})).toEqual([]);
    await expect(quarterlyTotals(main.run, {territory: "D10", basis: "pays" as TrendKind})).rejects.toThrow(/« pays »/);
  });
});

/** The product-basis values of a territory in quarterlyTotals order (export then import, time order). */
async function setUpValues(territory: string): Promise<number[]> {
  const rows = quarterlyTerritoryRows(main.fixture.rows.products, territory);
  return (["export", "import"] as Flow[]).flatMap((flow) =>
    QUARTERS_16.map(([year, quarter]) => sumOf(rows.filter((r) => r.year === year && r.quarter === quarter && r.flow === flow)))
  );
}

describe("yearComparison", () => {
  function expected(territory: string, flow: Flow, kind: TrendKind, year: number, n: number) {
    const rows = quarterlyTerritoryRows(sourceRows(kind), territory).filter((r) => r.flow === flow);
    const byCode = (y: number) => {
      const map = new Map<string, number>();
      for (const row of rows.filter((r) => r.year === y)) map.set(row.code, (map.get(row.code) ?? 0) + row.value_eur);
      return map;
    };
    const current = byCode(year);
    const previous = byCode(year - 1);
    const ranked = [...current].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
    const total = sumOf(rows.filter((r) => r.year === year));
    const previousTotal = sumOf(rows.filter((r) => r.year === year - 1));
    return {
      flow,
      kind,
      year,
      previousYear: year - 1,
      total: {value: total, previousValue: previousTotal, change: total / previousTotal - 1},
      rows: ranked.map(([code, value], i) => {
        const previousValue = previous.get(code) ?? 0;
        return {
          rank: i + 1,
          code,
          name: kind === "product" ? productName(code) : countryName(code),
          value,
          previousValue,
          change: previousValue ? value / previousValue - 1 : null
        };
      })
    };
  }

  for (const territory of ["D10", "R44", "FR"]) {
    for (const kind of ["product", "country"] as const) {
      for (const flow of ["export", "import"] as const) {
        it(`${territory} ${kind} ${flow}: latest complete year vs the previous one, top 5`, async () => {
          expect(await yearComparison(main.run, {territory, flow, kind, n: 5})).toEqual(expected(territory, flow, kind, 2024, 5));
        });
      }
    }
  }

  it("compares an earlier year on request and labels codes (fallback to the code)", async () => {
    const comparison = await yearComparison(main.run, {territory: "D10", flow: "export", kind: "product", n: 20, year: 2023});
    expect(comparison).toEqual(expected("D10", "export", "product", 2023, 20));
    expect(comparison!.rows.find((r) => r.code === "C30Z")?.name).toBe("C30Z");
  });

  it("yearComparisons gives partners then products, exports then imports", async () => {
    const all = await yearComparisons(main.run, {territory: "D10", n: 3});
    expect(all.map((c) => `${c.kind}/${c.flow}`)).toEqual(["country/export", "country/import", "product/export", "product/import"]);
    expect(all.every((c) => c.rows.length === 3)).toBe(true);
  });

  it("is null without a complete year, refuses an incomplete year, bad flows and counts", async () => {
    expect(await yearComparison(main.run, {territory: "D99", flow: "export", kind: "product"})).toBeNull();
    await expect(yearComparison(main.run, {territory: "D10", flow: "export", kind: "product", year: 2020})).rejects.toThrow(
      /Année 2020 absente ou incomplète .* 2021, 2022, 2023, 2024/
    );
    await expect(yearComparison(main.run, {territory: "D10", flow: "exports" as Flow, kind: "product"})).rejects.toThrow(/« exports »/);
    await expect(yearComparison(main.run, {territory: "D10", flow: "export", kind: "product", n: 0})).rejects.toThrow(/invalide/);
  });

  it("has no previous values when the previous year is incomplete", async () => {
    // 2021 T3 … 2024 T4: 2021 is incomplete, 2022 has nothing to compare to.
    const partial = await setUp(["D10"], syntheticQuarterlyRows(QUARTERS_16.slice(2)));
    try {
      expect(await completeYears(partial.run, "D10")).toEqual([2022, 2023, 2024]);
      const comparison = (await yearComparison(partial.run, {territory: "D10", flow: "import", kind: "country", year: 2022}))!;
      expect(comparison.previousYear).toBeNull();
      expect(comparison.total.previousValue).toBeNull();
      expect(comparison.total.change).toBeNull();
      expect(comparison.rows.every((r) => r.previousValue === null && r.change === null)).toBe(true);
      // And quarterly points of 2021 have no previous quarter.
      const points = await quarterlyTotals(partial.run, {territory: "D10"});
      expect(points[0]).toMatchObject({label: "T3 2021", previousValue: null, change: null});
    } finally {
      await closeNode(partial);
    }
  });
});

describe("stackQuarterly", () => {
  it("makes one view of separately registered quarterly tables, and refuses odd names", async () => {
    const other = await main.instance.connect();
    try {
      await other.run("CREATE SCHEMA stacked; USE stacked");
      await other.run("CREATE TABLE q_territory AS SELECT * FROM main.quarterly WHERE territory = 'D10'");
      await other.run("CREATE TABLE q_france AS SELECT * FROM main.quarterly WHERE territory = 'FR'");
      const otherRun = nodeRun(other);
      await stackQuarterly(otherRun, ["q_territory", "q_france"]);
      expect(await quarterlyTotals(otherRun, {territory: "FR"})).toEqual(await quarterlyTotals(main.run, {territory: "FR"}));
      await expect(stackQuarterly(otherRun, ["q; DROP TABLE x"])).rejects.toThrow(/invalide/);
      await expect(stackQuarterly(otherRun, [])).rejects.toThrow(/Aucune/);
    } finally {
      other.closeSync();
    }
  });
});

describe("DuckDB-WASM", () => {
  it("gives the same trends as @duckdb/node-api over the page's Parquet path", async () => {
    await withWasm(async (engine) => {
      // As on a département page: its quarterly slice registered directly as `quarterly`.
      await engine.insert("quarterly", main.slices.get("D10.parquet")!);
      await insertLabels(engine, main.fixture);
      const wasmRun = engine.run;
      expect(await completeYears(wasmRun, "D10")).toEqual(await completeYears(main.run, "D10"));
      expect(await quarterlyTotals(wasmRun, {territory: "D10"})).toEqual(await quarterlyTotals(main.run, {territory: "D10"}));
      expect(await yearComparisons(wasmRun, {territory: "D10"})).toEqual(await yearComparisons(main.run, {territory: "D10"}));
    });
  }, 120_000);
});
