import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {buildDownloads, CSV_HEADERS, DOWNLOAD_COLUMNS, toCsvRow} from "../../src/factsheet/downloads.js";
import {allTerritories} from "../../src/data/territory-ids.js";
import {readCsv} from "../csv-reader.js";
import {
  countryName,
  GRAND_EST,
  productName,
  sum,
  territoryRows,
  writeCanonicalFiles,
  type CanonicalFixture
} from "./synthetic-trade.js";

let fixture: CanonicalFixture;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  fixture = await writeCanonicalFiles();
  // Built as from the demo: every file must say the data are synthetic.
  files = await buildDownloads(fixture, {synthetic: true});
}, 120_000);

afterAll(async () => {
  await fixture?.cleanup();
});

const arrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const readParquet = async (bytes: Uint8Array) => (await parquetReadObjects({file: arrayBuffer(bytes)})) as unknown as Record<string, unknown>[];
const kvMetadata = (bytes: Uint8Array) =>
  Object.fromEntries((parquetMetadata(arrayBuffer(bytes)).key_value_metadata ?? []).map(({key, value}) => [key, value]));
const FRENCH_HEADER = ["territoire", "annee", "flux", "code_produit", "produit", "code_pays", "pays", "valeur_eur", "masse_kg", "source"];
const DEMO_SOURCE = "données synthétiques de démonstration";

describe("buildDownloads", () => {
  it("writes a CSV and a Parquet file for every territory, named « -demonstration » on the demo's data", () => {
    const expected = allTerritories().flatMap(({id}) => [`${id}-demonstration.csv`, `${id}-demonstration.parquet`]);
    expect([...files.keys()].sort()).toEqual(expected.sort());
  });

  it("says the data are synthetic in every CSV row (source column) and in the Parquet's key-value metadata, keeping English Parquet columns", async () => {
    for (const id of ["D10", "R44", "FR"]) {
      const csv = readCsv(files.get(`${id}-demonstration.csv`)!);
      expect(csv.header).toEqual(FRENCH_HEADER);
      expect(csv.rows.length).toBeGreaterThan(0);
      expect(new Set(csv.rows.map((row) => row[9]))).toEqual(new Set([DEMO_SOURCE]));
      const parquet = files.get(`${id}-demonstration.parquet`)!;
      expect(kvMetadata(parquet)).toMatchObject({synthetic: "true", source: DEMO_SOURCE});
      expect(Object.keys((await readParquet(parquet))[0])).toEqual([...DOWNLOAD_COLUMNS]);
    }
  });

  it("on the customs' data, plain names, « DGDDI / DSECE » as source and synthetic = false", async () => {
    const real = await buildDownloads(fixture, {synthetic: false});
    expect(real.has("D10.csv") && real.has("D10.parquet") && !real.has("D10-demonstration.csv")).toBe(true);
    expect(new Set(readCsv(real.get("D10.csv")!).rows.map((row) => row[9]))).toEqual(new Set(["DGDDI / DSECE"]));
    expect(kvMetadata(real.get("D10.parquet")!)).toMatchObject({synthetic: "false", source: "DGDDI / DSECE"});
  }, 120_000);

  it("writes flows the French way in the CSV, « exportations » / « importations », and refuses an unknown flow", () => {
    expect(CSV_HEADERS.flow).toBe("flux");
    const row = {territory: "D10", year: 2024, flow: "export", product: "C14Z", product_name: null, country: "DE", country_name: null, value_eur: 1, mass_kg: null};
    expect(toCsvRow(row, DEMO_SOURCE)).toMatchObject({flow: "exportations", source: DEMO_SOURCE});
    expect(toCsvRow({...row, flow: "import"}, DEMO_SOURCE).flow).toBe("importations");
    expect(() => toCsvRow({...row, flow: "E"}, DEMO_SOURCE)).toThrow("Flux inconnu dans les données de D10 : « E »");
  });

  it("sums, per flow, to the territory's complete year in the canonical table (CSV and Parquet alike)", async () => {
    for (const id of ["D10", "R44", "FR"]) {
      const rows = territoryRows(fixture.rows, id, 2024);
      const csv = readCsv(files.get(`${id}-demonstration.csv`)!);
      const parquet = await readParquet(files.get(`${id}-demonstration.parquet`)!);
      expect(csv.rows).toHaveLength(parquet.length);
      for (const flow of ["export", "import"]) {
        const expected = sum(rows.filter((r) => r.flow === flow).map((r) => r.value_eur));
        expect(expected).toBeGreaterThan(0);
        expect(sum(parquet.filter((r) => r.flow === flow).map((r) => Number(r.value_eur)))).toBe(expected);
        // CSV numbers are whole euros written the French way (no thousands separator here).
        const csvFlow = flow === "export" ? "exportations" : "importations";
        expect(sum(csv.rows.filter((r) => r[2] === csvFlow).map((r) => Number(r[7])))).toBe(expected);
      }
      // Only complete years: 2023 has two quarters in the fixture.
      expect(new Set(parquet.map((r) => Number(r.year)))).toEqual(new Set([2024]));
      expect(new Set(parquet.map((r) => r.territory))).toEqual(new Set([id]));
    }
  });

  it("a région sums its départements: Grand Est has every cell of 08, 10 and 51 added up", async () => {
    const region = await readParquet(files.get("R44-demonstration.parquet")!);
    const departements = (await Promise.all(GRAND_EST.map((code) => readParquet(files.get(`D${code}-demonstration.parquet`)!)))).flat();
    expect(sum(region.map((r) => Number(r.value_eur)))).toBe(sum(departements.map((r) => Number(r.value_eur))));
  });

  it("names products and countries with one label each (a duplicated label row duplicates nothing), empty when unknown", async () => {
    const rows = await readParquet(files.get("D10-demonstration.parquet")!);
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
    const csv = readCsv(files.get("D10-demonstration.csv")!);
    const cells = csv.rows.filter((r) => r[3] === "C25Z").map((r) => r[4]);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toBe(productName("C25Z"));
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const again = await buildDownloads(fixture, {synthetic: true});
    for (const [name, bytes] of files) expect(again.get(name), name).toEqual(bytes);
  });
});
