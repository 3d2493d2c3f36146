import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parquetMetadata, parquetReadObjects, parquetSchema} from "hyparquet";
import {formatMillionEuros} from "../../src/components/format.js";
import type {CanonicalRow} from "../../src/data/canonical.js";
import {buildSlices} from "../../src/data/slices.js";
import {territoryFigures, type FiguresBundle} from "../../src/factsheet/territory-figures.js";
import {allTerritories, findTerritory} from "../../src/data/territory-ids.js";
import {GRAND_EST, UNALLOCATED, createFixture, syntheticRows, writeCanonicalFiles, type Fixture} from "./synthetic-trade.js";

let fixture: Fixture;

beforeAll(async () => {
  fixture = await createFixture();
});

afterAll(async () => {
  await fixture?.cleanup();
});

interface SliceRow {
  territory: string;
  year: number;
  flow: string;
  product: string;
  country: string;
  value_eur: number;
}

/** Reads a slice the way the browser does (hyparquet, pure JS). */
async function readSlice(name: string): Promise<SliceRow[]> {
  const bytes = fixture.slices.get(name);
  if (!bytes) throw new Error(`no slice ${name}`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return (await parquetReadObjects({file: buffer})) as unknown as SliceRow[];
}

/** Plain-TS slice of some départements (null: all rows), over the year 2024 only. */
function expectedCells(rows: CanonicalRow[], depts: string[] | null): Map<string, number> {
  const cells = new Map<string, number>();
  for (const row of rows) {
    if (row.year !== 2024 || (depts && !depts.includes(row.dept))) continue;
    const key = `${row.flow}|${row.a129}|${row.country}`;
    cells.set(key, (cells.get(key) ?? 0) + row.value_eur);
  }
  return cells;
}

const sumOf = (rows: SliceRow[]) => rows.reduce((total, r) => total + r.value_eur, 0);
const cellsOf = (rows: SliceRow[]) => new Map(rows.map((r) => [`${r.flow}|${r.product}|${r.country}`, r.value_eur]));

describe("buildSlices", () => {
  it("writes one file per département, région and France", () => {
    const names = [...fixture.slices.keys()];
    expect(names).toHaveLength(102 + 18 + 1);
    expect(names).toEqual(allTerritories().map((t) => `${t.id}.parquet`));
    for (const name of ["D10.parquet", "D2A.parquet", "D974.parquet", "R44.parquet", "R94.parquet", "FR.parquet"]) {
      expect(names).toContain(name);
    }
  });

  it("has the slice schema, SNAPPY-compressed, readable by hyparquet", async () => {
    const bytes = fixture.slices.get("D10.parquet")!;
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const metadata = parquetMetadata(buffer);
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    expect(columns).toEqual(["territory", "year", "flow", "product", "cpf4", "country", "value_eur", "mass_kg"]);
    const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)));
    expect(codecs).toEqual(new Set(["SNAPPY"]));
    const rows = await readSlice("D10.parquet");
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.territory))).toEqual(new Set(["D10"]));
  });

  it("sums the four quarters of the complete year only", async () => {
    const rows = await readSlice("D10.parquet");
    expect(new Set(rows.map((r) => Number(r.year)))).toEqual(new Set([2024]));
    expect(cellsOf(rows)).toEqual(expectedCells(fixture.rows, ["10"]));
  });

  it("makes a région the sum of its départements and France the sum of all rows", async () => {
    const region = await readSlice("R44.parquet");
    expect(cellsOf(region)).toEqual(expectedCells(fixture.rows, GRAND_EST));
    const summed = new Map<string, number>();
    for (const dept of GRAND_EST) {
      for (const [key, value] of cellsOf(await readSlice(`D${dept}.parquet`))) summed.set(key, (summed.get(key) ?? 0) + value);
    }
    expect(cellsOf(region)).toEqual(summed);
    // Unallocated trade has no département or région slice but counts for France.
    expect(fixture.slices.has(`D${UNALLOCATED}.parquet`)).toBe(false);
    expect(cellsOf(await readSlice("FR.parquet"))).toEqual(expectedCells(fixture.rows, null));
  });

  it("writes an empty but well-formed slice for a territory without trade", async () => {
    expect(await readSlice("D01.parquet")).toEqual([]);
    expect(await readSlice("R84.parquet")).toEqual([]);
  });

  it("refuses data without a complete year, naming the quarters found", async () => {
    const partial = await writeCanonicalFiles(syntheticRows().filter((row) => !(row.year === 2024 && row.quarter === 4)));
    try {
      await expect(buildSlices(partial.tradeParquetPath)).rejects.toThrow(
        /Aucune année complète \(4 trimestres\) .* 2023 : T3, T4 ; 2024 : T1, T2, T3/
      );
    } finally {
      await partial.cleanup();
    }
  });
});

describe("buildSlices, twice", () => {
  it("writes the same files, byte for byte", async () => {
    const again = await buildSlices(fixture.tradeParquetPath);
    expect([...again.keys()].sort()).toEqual([...fixture.slices.keys()].sort());
    for (const [name, bytes] of fixture.slices) expect(again.get(name), name).toEqual(bytes);
  });
});

describe("territoryFigures", () => {
  let bundle: FiguresBundle;
  beforeAll(async () => {
    bundle = await territoryFigures(fixture);
  });

  it("covers every territory for the complete year, as JSON", () => {
    expect(bundle.year).toBe(2024);
    expect(bundle.completeYears).toEqual([2024]);
    expect(Object.keys(bundle.territories)).toHaveLength(121);
    // The fixture has INSEE's Corsica (none), no Monaco: the unallocated code is all that France adds.
    expect(bundle.corsica).toBe("20");
    expect(bundle.outsideDepartements.map((d) => [d.code, d.name, d.region])).toEqual([[UNALLOCATED, null, null]]);
    const unallocated = fixture.rows.filter((r) => r.year === 2024 && r.dept === UNALLOCATED && r.flow === "export");
    expect(bundle.outsideDepartements[0].export).toBe(unallocated.reduce((a, r) => a + r.value_eur, 0));
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it("gives the Aube its totals, shares and sentences", () => {
    const aube = bundle.territories.D10;
    const exportTotal = fixture.rows
      .filter((r) => r.year === 2024 && r.dept === "10" && r.flow === "export")
      .reduce((a, r) => a + r.value_eur, 0);
    const regionTotal = fixture.rows
      .filter((r) => r.year === 2024 && GRAND_EST.includes(r.dept) && r.flow === "export")
      .reduce((a, r) => a + r.value_eur, 0);
    expect(aube.keyFigures.export.total).toBe(exportTotal);
    expect(aube.keyFigures.export.regionShare).toBe(exportTotal / regionTotal);
    expect(aube.region).toBe("R44");
    expect(aube.export.sentence.startsWith(`L'Aube a exporté pour ${formatMillionEuros(exportTotal)}`)).toBe(true);
    expect(aube.export.topProducts).toHaveLength(3);
    expect(aube.export.shareSentence).toMatch(/^Les exportations de l'Aube représentent .+ de celles du Grand Est et .+ de celles de la France entière\.$/);
    expect(aube.balanceSentence).toMatch(/^Le solde commercial de l'Aube .+ est (excédentaire|déficitaire) de /);
  });

  it("says plainly when a territory has no trade, and gives France no share sentence", () => {
    expect(bundle.territories.D01.export.sentence).toBe("L'Ain n'a enregistré aucune exportation en 2024.");
    expect(bundle.territories.D01.balanceSentence).toBe(
      "Le solde commercial de l'Ain (exportations moins importations) est à l'équilibre en 2024."
    );
    expect(bundle.territories.FR.export.shareSentence).toBeNull();
    expect(bundle.territories.R44.export.shareSentence).toMatch(/^Les exportations du Grand Est représentent .+ de celles de la France entière\.$/);
  });

  it("finds territories by id", () => {
    expect(findTerritory("D2A")?.name).toBe("Corse-du-Sud");
    expect(findTerritory("R44")?.forms.ofName).toBe("du Grand Est");
    expect(findTerritory("FR")?.kind).toBe("france");
    expect(findTerritory("D20")?.name).toBe("Corse");
    expect(findTerritory("D99")).toBeUndefined();
  });
});
