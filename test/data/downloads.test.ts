import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parquetReadObjects} from "hyparquet";
import {buildDownloads, DOWNLOAD_COLUMNS} from "../../src/data/downloads.ts";
import {allTerritories} from "../../src/data/territory-ids.ts";
import {readCsv} from "../csv-reader.ts";
import {
  countryName,
  GRAND_EST,
  productName,
  sum,
  territoryRows,
  writeCanonicalFiles,
  type CanonicalFixture
} from "./synthetic-trade.ts";

let fixture: CanonicalFixture;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  fixture = await writeCanonicalFiles();
  files = await buildDownloads(fixture);
}, 120_000);

afterAll(async () => {
  await fixture?.cleanup();
});

const readParquet = async (bytes: Uint8Array) =>
  (await parquetReadObjects({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer})) as unknown as Record<string, unknown>[];

describe("buildDownloads", () => {
  it("writes a CSV and a Parquet file for every territory", () => {
    const expected = allTerritories().flatMap(({id}) => [`${id}.csv`, `${id}.parquet`]);
    expect([...files.keys()].sort()).toEqual(expected.sort());
  });

  it("sums, per flow, to the territory's complete year in the canonical table (CSV and Parquet alike)", async () => {
    for (const id of ["D10", "R44", "FR"]) {
      const rows = territoryRows(fixture.rows, id, 2024);
      const csv = readCsv(files.get(`${id}.csv`)!);
      const parquet = await readParquet(files.get(`${id}.parquet`)!);
      expect(csv.header).toEqual([...DOWNLOAD_COLUMNS]);
      expect(csv.rows).toHaveLength(parquet.length);
      for (const flow of ["export", "import"]) {
        const expected = sum(rows.filter((r) => r.flow === flow).map((r) => r.value_eur));
        expect(expected).toBeGreaterThan(0);
        expect(sum(parquet.filter((r) => r.flow === flow).map((r) => Number(r.value_eur)))).toBe(expected);
        // CSV numbers are whole euros written the French way (no thousands separator here).
        expect(sum(csv.rows.filter((r) => r[2] === flow).map((r) => Number(r[7])))).toBe(expected);
      }
      // Only complete years: 2023 has two quarters in the fixture.
      expect(new Set(parquet.map((r) => Number(r.year)))).toEqual(new Set([2024]));
      expect(new Set(parquet.map((r) => r.territory))).toEqual(new Set([id]));
    }
  });

  it("a région sums its départements: Grand Est has every cell of 08, 10 and 51 added up", async () => {
    const region = await readParquet(files.get("R44.parquet")!);
    const departements = (await Promise.all(GRAND_EST.map((code) => readParquet(files.get(`D${code}.parquet`)!)))).flat();
    expect(sum(region.map((r) => Number(r.value_eur)))).toBe(sum(departements.map((r) => Number(r.value_eur))));
  });

  it("names products and countries with one label each (a duplicated label row duplicates nothing), empty when unknown", async () => {
    const rows = await readParquet(files.get("D10.parquet")!);
    const keys = rows.map((r) => `${r.flow}|${r.product}|${r.country}`);
    expect(new Set(keys).size).toBe(keys.length);
    const labelled = rows.find((r) => r.product === "C26Z")!;
    expect(labelled.product_name).toBe(productName("C26Z"));
    expect(rows.find((r) => r.country === "DE")!.country_name).toBe(countryName("DE"));
    // C30Z and ZZ have no label in the fixture.
    expect(rows.find((r) => r.product === "C30Z")?.product_name ?? null).toBeNull();
    expect(rows.find((r) => r.country === "ZZ")?.country_name ?? null).toBeNull();
  });

  it("keeps a hostile label as inert text in the CSV", () => {
    const csv = readCsv(files.get("D10.csv")!);
    const cells = csv.rows.filter((r) => r[3] === "C25Z").map((r) => r[4]);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toBe(productName("C25Z"));
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const again = await buildDownloads(fixture);
    for (const [name, bytes] of files) expect(again.get(name), name).toEqual(bytes);
  });
});
