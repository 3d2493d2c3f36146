import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parquetMetadata, parquetReadObjects, parquetSchema} from "hyparquet";
import {buildQuarterlySlices, quarterlySliceFileName, type QuarterlySliceRow} from "../../src/data/quarterly-slices.js";
import {allTerritories} from "../../src/data/territory-ids.js";
import {
  GRAND_EST,
  UNALLOCATED,
  quarterlyTerritoryRows,
  writeQuarterlyFiles,
  type QuarterlyFixture,
  type QuarterlySourceRow
} from "./synthetic-trade.js";

let fixture: QuarterlyFixture;
let slices: Map<string, Uint8Array>;

beforeAll(async () => {
  fixture = await writeQuarterlyFiles();
  slices = await buildQuarterlySlices(fixture);
});

afterAll(async () => {
  await fixture?.cleanup();
});

const bufferOf = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

async function readSlice(name: string): Promise<QuarterlySliceRow[]> {
  const bytes = slices.get(name);
  if (!bytes) throw new Error(`no quarterly slice ${name}`);
  return (await parquetReadObjects({file: bufferOf(bytes)})) as unknown as QuarterlySliceRow[];
}

/** Plain-TS cells "year|quarter|flow|kind|code" → value of a territory. */
function expectedCells(territory: string): Map<string, number> {
  const cells = new Map<string, number>();
  const add = (kind: string, rows: QuarterlySourceRow[]) => {
    for (const row of quarterlyTerritoryRows(rows, territory)) {
      const key = `${row.year}|${row.quarter}|${row.flow}|${kind}|${row.code}`;
      cells.set(key, (cells.get(key) ?? 0) + row.value_eur);
    }
  };
  add("product", fixture.rows.products);
  add("country", fixture.rows.countries);
  return cells;
}

const cellsOf = (rows: QuarterlySliceRow[]) =>
  new Map(rows.map((r) => [`${Number(r.year)}|${Number(r.quarter)}|${r.flow}|${r.kind}|${r.code}`, r.value_eur]));

describe("buildQuarterlySlices", () => {
  it("writes one file per département, région and France", () => {
    expect([...slices.keys()]).toEqual(allTerritories().map((t) => quarterlySliceFileName(t.id)));
    expect(slices.size).toBe(102 + 18 + 1);
  });

  it("has the quarterly schema, SNAPPY-compressed, readable by hyparquet", async () => {
    const metadata = parquetMetadata(bufferOf(slices.get("D10.parquet")!));
    expect(parquetSchema(metadata).children.map((c) => c.element.name)).toEqual([
      "territory",
      "year",
      "quarter",
      "flow",
      "kind",
      "code",
      "value_eur"
    ]);
    expect(new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)))).toEqual(new Set(["SNAPPY"]));
    const rows = await readSlice("D10.parquet");
    expect(new Set(rows.map((r) => r.territory))).toEqual(new Set(["D10"]));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["product", "country"]));
  });

  it("keeps a département's own rows, all 16 quarters", async () => {
    const rows = await readSlice("D10.parquet");
    expect(cellsOf(rows)).toEqual(expectedCells("D10"));
    expect(new Set(rows.map((r) => `${r.year}T${r.quarter}`)).size).toBe(16);
  });

  it("makes a région the sum of its départements and France the sum of all rows", async () => {
    const region = cellsOf(await readSlice("R44.parquet"));
    expect(region).toEqual(expectedCells("R44"));
    const summed = new Map<string, number>();
    for (const dept of GRAND_EST) {
      for (const [key, value] of cellsOf(await readSlice(`D${dept}.parquet`))) summed.set(key, (summed.get(key) ?? 0) + value);
    }
    expect(region).toEqual(summed);
    expect(cellsOf(await readSlice("R11.parquet"))).toEqual(expectedCells("R11"));
    // Unallocated trade has no département slice but counts for France.
    expect(slices.has(`D${UNALLOCATED}.parquet`)).toBe(false);
    const france = cellsOf(await readSlice("FR.parquet"));
    expect(france).toEqual(expectedCells("FR"));
    const allocated = [...summed.values(), ...cellsOf(await readSlice("R11.parquet")).values()].reduce((a, b) => a + b, 0);
    expect([...france.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(allocated);
  });

  it("writes an empty but well-formed slice for a territory without trade", async () => {
    expect(await readSlice("D01.parquet")).toEqual([]);
    expect(await readSlice("R84.parquet")).toEqual([]);
  });

  it("names the file and the missing column when a source table is not the expected one", async () => {
    await expect(
      buildQuarterlySlices({...fixture, countriesQuarterlyParquetPath: fixture.productsQuarterlyParquetPath})
    ).rejects.toThrow(/Colonnes absentes de .*trade_products_quarterly\.parquet : country/);
  });

  it("writes the same files, byte for byte, when built twice", async () => {
    const again = await buildQuarterlySlices(fixture);
    expect([...again.keys()].sort()).toEqual([...slices.keys()].sort());
    for (const [name, bytes] of slices) expect(again.get(name), name).toEqual(bytes);
  });
});
