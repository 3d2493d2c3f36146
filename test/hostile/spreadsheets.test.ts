/**
 * Malformed and awkward spreadsheets through the public reading API
 * (readTables → convertFile): each is read correctly, or rejected naming the
 * file, the line and the value; nothing is lost (read = kept + rejected).
 */
import * as XLSX from "@e965/xlsx";
import {describe, expect, it} from "vitest";
import {nameHints} from "../../src/data/douanes/file-names.js";
import {convertFile} from "../../src/data/douanes/records.js";
import {readTables} from "../../src/data/douanes/table-reader.js";
import {collect} from "../data/douanes/collect.js";
import {latin1, utf8, workbook, zip, type Row} from "../data/douanes/fixtures.js";

function read(bytes: Uint8Array, name: string) {
  const c = collect();
  const reports = convertFile(readTables(bytes, name), nameHints(name), c.sink);
  const rejected = c.rejects.reduce((s, r) => s + r.count, 0);
  return {...c, reports, kept: c.facts.length, rejected, euros: c.facts.reduce((s, f) => s + f.euros, 0)};
}

function sheetBook(sheets: [string, XLSX.WorkSheet][], bookType: "biff8" | "xlsx"): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(book, sheet, name);
  return new Uint8Array(XLSX.write(book, {type: "array", bookType}) as ArrayBuffer);
}

const BOOKS = [["biff8", "xls"], ["xlsx", "xlsx"]] as const;
const LONG_HEADER = ["Département", "Flux", "Code pays", "Trimestre", "Valeur (k€)"];

describe("files that are not readable workbooks are refused, naming the file", () => {
  it("random bytes with an .xls extension", () => {
    const noise = Uint8Array.from({length: 4096}, (_, i) => ((i * 2654435761) >>> 24) || 1);
    expect(() => read(noise, "10_pays.xls")).toThrow(/10_pays\.xls : /);
  });

  it("random bytes behind a real .xls signature", () => {
    const bytes = Uint8Array.from({length: 4096}, (_, i) => ((i * 40503) >>> 8) & 0xff);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => read(bytes, "10_pays.xls")).toThrow(/10_pays\.xls : classeur illisible/);
  });

  it.each(BOOKS)("a truncated %s workbook: refused naming the file, or (cut in the padding) read in full — never partly", (bookType, extension) => {
    const rows: Row[] = [LONG_HEADER, ...Array.from({length: 40}, (_, i) => ["10", "E", ["DE", "BE", "IT", "ES"][i % 4], `${2020 + (i % 5)}T${1 + (i % 4)}`, i + 1])];
    const bytes = workbook(rows, bookType);
    let refused = 0;
    let cuts = 0;
    for (let cut = 0.05; cut < 1; cut += 0.05, cuts++) {
      const name = `10_pays.${extension}`;
      try {
        const r = read(bytes.subarray(0, Math.floor(bytes.length * cut)), name);
        expect([r.kept, r.rejected, r.euros]).toEqual([40, 0, 820_000]);
      } catch (error) {
        expect((error as Error).message).toMatch(new RegExp(`^${name.replace(".", "\\.")} : `));
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(cuts - 2);
  });

  it("a zip that is not a workbook, named .xlsx", () => {
    expect(() => read(zip({"notes.txt": utf8("bonjour")}), "10_pays.xlsx")).toThrow(/10_pays\.xlsx : /);
  });
});

describe.each(BOOKS)("awkward but valid %s workbooks", (bookType, extension) => {
  const name = `10_pays.${extension}`;

  it("extra sheets before and after the data sheet: data read, others named in warnings", () => {
    const notes = XLSX.utils.aoa_to_sheet([["Source : DGDDI"]]);
    const data = XLSX.utils.aoa_to_sheet([LONG_HEADER, ["10", "E", "DE", "2024T1", 1.5], ["10", "I", "BE", "2024T1", 2]]);
    const chart = XLSX.utils.aoa_to_sheet([["Graphique"], [1, 2, 3]]);
    const r = read(sheetBook([["Lisez-moi", notes], ["Données", data], ["Graphique", chart]], bookType), name);
    expect(r.euros).toBe(3_500);
    expect(r.warnings.join("\n")).toMatch(/Lisez-moi.*ignorée/);
    expect(r.warnings.join("\n")).toMatch(/Graphique.*ignorée/);
  });

  it("merged header cells (a title merged across the columns above the headers)", () => {
    const sheet = XLSX.utils.aoa_to_sheet([["Commerce extérieur de l'Aube, en milliers d'euros"], LONG_HEADER, ["10", "E", "DE", "2024T1", 4]]);
    sheet["!merges"] = [{s: {r: 0, c: 0}, e: {r: 0, c: 4}}];
    const r = read(sheetBook([["Feuil1", sheet]], bookType), name);
    expect(r.euros).toBe(4_000);
    expect(r.reports[0].headerRow).toBe(2);
  });

  it("merged header cells (« Valeur (k€) » merged over one column per quarter): read, or refused naming the file and headers", () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ["Département", "Flux", "Code pays", "Valeur (k€)", null],
      [null, null, null, "2024T1", "2024T2"],
      ["10", "E", "DE", 1, 2]
    ]);
    sheet["!merges"] = [{s: {r: 0, c: 3}, e: {r: 0, c: 4}}, {s: {r: 0, c: 0}, e: {r: 1, c: 0}}];
    let outcome: string;
    try {
      const r = read(sheetBook([["Feuil1", sheet]], bookType), name);
      expect(r.euros).toBe(3_000);
      outcome = "read";
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`${name.replace(".", "\\.")}.*En-têtes lus : « Département », « Flux », « Code pays », « Valeur \\(k€\\) »`, "s"));
      outcome = "refused";
    }
    expect(["read", "refused"]).toContain(outcome);
  });

  it("formulas: the cached result is read, a formula without a result is counted, not dropped", () => {
    const sheet = XLSX.utils.aoa_to_sheet([LONG_HEADER, ["10", "E", "DE", "2024T1", 1], ["10", "E", "BE", "2024T1", 2], ["10", "E", "IT", "2024T1", null]]);
    sheet["E3"] = {t: "n", v: 2, f: "E2*2"};
    sheet["E4"] = {t: "n", f: "E2+E3"} as XLSX.CellObject; // no cached value
    const r = read(sheetBook([["Feuil1", sheet]], bookType), name);
    expect(r.facts.find((f) => f.country === "BE")?.euros).toBe(2_000);
    expect(r.kept + r.rejected).toBe(3);
    expect(r.rejects.find((x) => x.row === 4)).toMatchObject({reason: "valeur vide"});
  });

  it("blank rows inside and trailing total rows: counted as such, not summed", () => {
    const rows: Row[] = [
      LONG_HEADER,
      ["10", "E", "DE", "2024T1", 1],
      [null, null, null, null, null],
      ["10", "E", "BE", "2024T1", 2],
      ["10", "E", "Total", "2024T1", 3],
      ["Total général", null, null, null, 3]
    ];
    const r = read(workbook(rows, bookType), name);
    expect(r.euros).toBe(3_000);
    expect(r.kept + r.rejected).toBe(rows.length - 1);
    expect(r.rejects.map((x) => [x.row, x.reason])).toEqual([[3, "ligne vide"], [5, "ligne de total"], [6, "ligne de total"]]);
  });

  it("numbers stored as text, with decimal commas, spaces and a leading apostrophe", () => {
    const rows: Row[] = [LONG_HEADER, ["10", "E", "DE", "2024T1", "1 234,567"], ["10", "E", "BE", "2024T1", "0,001"], ["10", "E", "IT", "2024T1", "'12"],
      ["10", "E", "ES", "2024T1", "12,3456"], ["10", "E", "US", "2024T1", "douze"]];
    const r = read(workbook(rows, bookType), name);
    expect(r.euros).toBe(1_234_567 + 1 + 12_000);
    expect(r.rejects).toEqual([
      {reason: "plus de trois décimales", row: 5, column: "Valeur (k€)", value: "12,3456", count: 1},
      {reason: "valeur non numérique", row: 6, column: "Valeur (k€)", value: "douze", count: 1}
    ]);
  });
});

describe("labels in latin-1 and in UTF-8 read the same", () => {
  const text = "Code produit;Libellé produit\r\n14.13;Vêtements de dessus\r\n10.82;Cacao, chocolat et produits de confiserie — cœur\r\n15.12;Articles d’ébénisterie à 5 €\r\n";
  it("a Windows-1252 file (œ, €, ’ above 0x80) and its UTF-8 copy give identical labels", () => {
    const cp1252 = Uint8Array.from([...text].map((ch) => ({"—": 0x97, "œ": 0x9c, "’": 0x92, "€": 0x80} as Record<string, number>)[ch] ?? ch.charCodeAt(0)));
    const fromLatin = read(cp1252, "libelles_produits.csv").labels;
    const fromUtf8 = read(utf8(text), "libelles_produits.csv").labels;
    const fromBom = read(utf8("\uFEFF" + text), "libelles_produits.csv").labels;
    // Codes as the canonical table holds them: CPF4 without the dot.
    expect(fromLatin).toEqual([["1413", "Vêtements de dessus"], ["1082", "Cacao, chocolat et produits de confiserie — cœur"], ["1512", "Articles d’ébénisterie à 5 €"]]);
    expect(fromUtf8).toEqual(fromLatin);
    expect(fromBom).toEqual(fromLatin);
  });

  it.each(BOOKS)("a %s label workbook keeps accents", (bookType, extension) => {
    const r = read(workbook([["Code produit", "Libellé produit"], ["14.13", "Vêtements — cœur"]], bookType), `libelles_produits.${extension}`);
    expect(r.labels).toEqual([["1413", "Vêtements — cœur"]]);
  });

  it("a latin-1 data file's decimal commas and a UTF-8 one's give the same euros", () => {
    const body = "Département;Flux;Code pays;Trimestre;Valeur (k€)\r\n10;E;DE;2024T1;1 234,567\r\n10;I;BE;2024T2;0,5\r\n";
    expect(read(latin1(body), "10_pays.csv").euros).toBe(1_235_067);
    expect(read(utf8(body), "10_pays.csv").euros).toBe(1_235_067);
  });
});
