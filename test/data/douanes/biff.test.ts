/**
 * Differential tests: the fast BIFF8 reader against the SheetJS path, on
 * workbooks written by SheetJS (bookType "biff8"). Same sheets, same rows,
 * same cell values and types — or the fast reader was not good enough.
 */
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readBiffWorkbook} from "../../../src/data/douanes/biff/workbook.ts";
import {readWorkbookWithSheetJS} from "../../../src/data/douanes/workbook-reader.ts";

type Input = string | number | boolean | null | XLSX.CellObject;

function biff8(sheets: Record<string, Input[][]>, bookSST = true): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(book, {type: "array", bookType: "biff8", bookSST}) as ArrayBuffer);
}

/** Both readers' view of a file: [sheet name, rows][]. */
function both(bytes: Uint8Array) {
  const fast = readBiffWorkbook(bytes).map((s) => [s.name, s.rows]);
  const reference = readWorkbookWithSheetJS(bytes, "test.xls", "xls").map((s) => [s.sheet, s.rows]);
  return {fast, reference};
}

// SheetJS cannot write one string longer than a record (its writer loops), but strings of
// 3 000 characters (6 000 bytes) make the shared string table cross several CONTINUE records.
const LONG = "Préparations alimentaires à base de céréales, œufs, crème brûlée — € ’ « » ".repeat(40).slice(0, 3000);
const LONG_ROWS = Array.from({length: 8}, (_, i) => [`${i} ${LONG}`]);

describe("fast BIFF8 reader = SheetJS", () => {
  it.each([true, false])("strings (accents, œ, €, a string longer than one record), numbers, blank rows, several sheets (shared strings: %s)", (bookSST) => {
    const bytes = biff8({
      "10_export_pays_produits": [
        ["Département", "Code produit", "Code pays", "2024T1", "Libellé"],
        ["10", "14.13", "DE", 1234.567, "Vêtements de dessus ; cœur"],
        ["2A", "20.14", "BE", 0, LONG],
        [],
        [],
        ["971", "01.11", "XC", -42, "Œuvres d'art"],
        ["01", "29.10", "US", 2 ** 31 + 0.001, 1.25],
        ["", "  ", null, 123456789.123, -0.5],
        [null, null, null, 7]
      ],
      Longues: LONG_ROWS,
      Notes: [["Source : DGDDI"], [], [1, 2, 3, 4.5, 1e-7, 1e300, -(2 ** 29), 2 ** 29, 536870911.99]],
      "Feuille vide": []
    }, bookSST);
    const {fast, reference} = both(bytes);
    expect(fast).toEqual(reference);
    // Without the shared string table SheetJS writes LABEL records, cut at 255 characters.
    expect(fast[0][1]).toContainEqual(["2A", "20.14", "BE", 0, bookSST ? LONG : LONG.slice(0, 255)]);
    if (bookSST) expect(fast[1][1]).toEqual(LONG_ROWS);
    expect(fast.map(([name]) => name)).toEqual(["10_export_pays_produits", "Longues", "Notes", "Feuille vide"]);
  });

  it("number formats: a code stored as 1 with format \"00\" reads \"01\", other formats keep the number", () => {
    const bytes = biff8({S: [
      [{t: "n", v: 1, z: "00"}, {t: "n", v: 42, z: "00000"}, {t: "n", v: 0.5, z: "0.00%"}, {t: "n", v: 45000, z: "dd/mm/yyyy"}, {t: "n", v: 5, z: "dd"}, {t: "n", v: 1234.5, z: "# ##0,00 €"}]
    ]});
    const {fast, reference} = both(bytes);
    expect(fast).toEqual(reference);
    expect(fast[0][1]).toEqual([["01", "00042", 0.5, 45000, "05", 1234.5]]);
  });

  it("booleans, errors and formulas with cached values", () => {
    const bytes = biff8({S: [
      [{t: "b", v: true}, {t: "b", v: false}, {t: "e", v: 0x07}, {t: "e", v: 0x2a}],
      [{t: "n", v: 3, f: "1+2"}, {t: "s", v: "abc", f: "\"abc\""}, {t: "b", v: true, f: "TRUE()"}]
    ]});
    const {fast, reference} = both(bytes);
    expect(fast).toEqual(reference);
    expect(fast[0][1][0]).toEqual([true, false, "#DIV/0!", "#N/A"]);
  });

  it("random tables written by SheetJS read the same with both readers", () => {
    const text = fc.oneof(fc.string({maxLength: 12}), fc.string({unit: "binary", maxLength: 30}), fc.constantFrom("é", "œ", "€", "2A", "01", " 10 ", ""));
    const number = fc.oneof(
      fc.integer({min: -(2 ** 31), max: 2 ** 31}),
      fc.integer({min: 0, max: 10 ** 9}).map((n) => n / 1000),
      fc.integer({min: -(10 ** 6), max: 10 ** 6}).map((n) => n / 100),
      fc.double({noNaN: true, noDefaultInfinity: true})
    );
    const cell = fc.oneof(text, number, fc.boolean(), fc.constant(null));
    const table = fc.array(fc.array(cell, {maxLength: 12}), {maxLength: 30});
    fc.assert(fc.property(fc.dictionary(fc.constantFrom("A", "Feuil1", "Données é", "x"), table, {minKeys: 1, maxKeys: 3}), fc.boolean(), (sheets, sst) => {
      const {fast, reference} = both(biff8(sheets, sst));
      expect(fast).toEqual(reference);
    }), {numRuns: 150});
  });
});
