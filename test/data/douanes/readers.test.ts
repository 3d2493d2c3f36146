import {describe, expect, it} from "vitest";
import {nameHints} from "../../../src/data/douanes/file-names.js";
import {convertFile} from "../../../src/data/douanes/records.js";
import {readTables} from "../../../src/data/douanes/table-reader.js";
import {collect} from "./collect.js";
import {latin1, utf8, workbook, type Row} from "./fixtures.js";

function read(bytes: Uint8Array, name: string) {
  const c = collect();
  const reports = convertFile(readTables(bytes, name), nameHints(name), c.sink);
  return {...c, reports};
}

const total = (facts: {euros: number}[]) => facts.reduce((s, f) => s + f.euros, 0);

const wideRows: Row[] = [
  ["Département", "Code produit", "Code pays", "2023T3", "2023T4", "2024T1", "2024T2", "2024T3", "2024T4"],
  ["10", "14.13", "DE", 1.5, 2, 3, 4, 5, 6.001],
  ["10", "20.14", "BE", 0, null, 1234.567, 0, 0, 1]
];

describe("readers", () => {
  it.each(["biff8", "xlsx"] as const)("reads a wide crossed %s workbook, values in exact euros", (bookType) => {
    const {facts, rejects, reports} = read(workbook(wideRows, bookType), `10_export_pays_produits.${bookType === "biff8" ? "xls" : "xlsx"}`);
    expect(reports[0].mapping.layout).toBe("wide");
    expect(rejects).toEqual([]);
    expect(facts).toHaveLength(11); // one empty cell: no value read
    expect(facts.every((f) => f.flow === "export" && f.dept === "10" && f.kind === "crossed")).toBe(true);
    expect(total(facts)).toBe(1_500 + 2_000 + 3_000 + 4_000 + 5_000 + 6_001 + 1_234_567 + 1_000);
    expect(facts.find((f) => f.product === "2014" && f.year === 2024 && f.quarter === 1)?.euros).toBe(1_234_567);
  });

  it("reads a long latin-1 ';' file with decimal commas and E/I flows, région-wide with a département column", () => {
    const text = "Département;Flux;Code pays;Période;Valeur (k€)\r\n01;E;DE;T1 2024;1 234,567\r\n2A;I;IT;2024-T2;0,001\r\n974;E;XC;2024 Q3;12\r\n";
    const {facts, rejects, reports} = read(latin1(text), "region_pays.csv");
    expect(reports[0].format).toContain("windows-1252");
    expect(rejects).toEqual([]);
    expect(facts.map((f) => [f.dept, f.flow, f.country, f.year, f.quarter, f.euros])).toEqual([
      ["01", "export", "DE", 2024, 1, 1_234_567],
      ["2A", "import", "IT", 2024, 2, 1],
      ["974", "export", "XC", 2024, 3, 12_000]
    ]);
  });

  it("reads UTF-8 with a BOM, ',' separator, decimal point, year and quarter in two columns, dept from the file name", () => {
    const text = "\uFEFFcode_produit,FLUX,annee,trimestre,montant (k€)\n10.71,export,2024,1,\"1,5\"\n10.71,import,2024,T4,2.25\n";
    const {facts, rejects} = read(utf8(text), "05_produits.csv");
    expect(rejects).toEqual([]);
    expect(facts.map((f) => [f.dept, f.flow, f.product, f.quarter, f.euros])).toEqual([
      ["05", "export", "1071", 1, 1_500],
      ["05", "import", "1071", 4, 2_250]
    ]);
  });

  it("reads the latin-1 label file", () => {
    const {labels} = read(latin1("Code produit;Libellé produit\r\n14.13;Vêtements de dessus\r\n"), "libelles_produits.csv");
    expect(labels).toEqual([["1413", "Vêtements de dessus"]]); // CPF4 without the dot
  });

  it("keeps leading zeros of codes stored as numbers with a 00 format", () => {
    const {facts} = read(workbook([["Département", "Flux", "Code pays", "Trimestre", "Valeur"], [1, "E", "DE", "2024T1", 5]]), "x_pays.xls");
    expect(facts[0].dept).toBe("01");
  });

  it("skips a title line above the headers and an extra notes sheet, with warnings", () => {
    const bytes = workbook([["Commerce extérieur — Aube"], ...wideRows], "xlsx", {Notes: [["Source : DGDDI"], ["Licence ouverte"]]});
    const {facts, warnings} = read(bytes, "10_export_pays_produits.xlsx");
    expect(facts).toHaveLength(11);
    expect(warnings.join("\n")).toContain("au-dessus des en-têtes");
    expect(warnings.join("\n")).toContain("Notes");
  });
});
