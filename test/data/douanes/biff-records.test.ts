/**
 * Hand-built BIFF8 streams for what SheetJS never writes: compressed (8-bit)
 * strings, the compressed/UTF-16 flag switching at each CONTINUE boundary of
 * the shared string table, a Windows-1252 CODEPAGE, FORMULA + STRING, MULRK,
 * BOOLERR — checked against expected values AND against the SheetJS path.
 * Then the fallbacks: what the fast reader refuses, SheetJS still reads.
 */
import * as XLSX from "@e965/xlsx";
import {describe, expect, it} from "vitest";
import {UnsupportedBiffError} from "../../../src/data/douanes/biff/unsupported.ts";
import {readBiffWorkbook} from "../../../src/data/douanes/biff/workbook.ts";
import {readWorkbookWithSheetJS, readXls} from "../../../src/data/douanes/workbook-reader.ts";

const u16 = (n: number) => [n & 255, (n >> 8) & 255];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
const f64 = (x: number) => [...new Uint8Array(new Float64Array([x]).buffer)];
const latin = (text: string) => [...text].map((c) => c.charCodeAt(0));
const wide = (text: string) => [...text].flatMap((c) => u16(c.charCodeAt(0)));
const record = (type: number, body: number[]) => [...u16(type), ...u16(body.length), ...body];
const cell = (r: number, c: number, xf: number) => [...u16(r), ...u16(c), ...u16(xf)];
/** RK: an integer (fInt) or the top 30 bits of a double, optionally ×100. */
const rkInt = (n: number, x100 = false) => u32(((n << 2) | 2 | (x100 ? 1 : 0)) >>> 0);

function xf(formatId: number): number[] {
  return record(0x00e0, [...u16(0), ...u16(formatId), ...u16(0x0001), ...new Array(14).fill(0)]);
}

/** Globals + one sheet "Feuil1" holding `cells` (bodies of cell records, already framed). */
function stream(cells: number[][], {codepage = 1200, biffVersion = 0x0600, extraGlobals = [] as number[][]} = {}): Uint8Array {
  const sst = record(0x00fc, [...u32(5), ...u32(3),
    ...u16(3), 0x00, ...latin("abc"),
    ...u16(6), 0x00, ...latin("Caf")]);
  const continue1 = record(0x003c, [0x01, ...wide("é œ"), ...u16(4), 0x01, ...wide("Ωx")]);
  const continue2 = record(0x003c, [0x00, ...latin("yz")]);
  const bof = (kind: number) => record(0x0809, [...u16(biffVersion), ...u16(kind), ...new Array(12).fill(0)]);
  const sheetName = [6, 0x00, ...latin("Feuil1")];
  const globalsBefore = [
    ...bof(0x0005), ...record(0x0042, u16(codepage)), ...extraGlobals.flat(),
    ...record(0x041e, [...u16(164), ...u16(2), 0x00, ...latin("00")]),
    ...xf(0), ...xf(164)
  ];
  const boundSheetSize = record(0x0085, [...u32(0), 0, 0, ...sheetName]).length;
  const sheetStart = globalsBefore.length + boundSheetSize + sst.length + continue1.length + continue2.length + 4;
  const globals = [...globalsBefore, ...record(0x0085, [...u32(sheetStart), 0, 0, ...sheetName]), ...sst, ...continue1, ...continue2, ...record(0x000a, [])];
  const sheet = [...bof(0x0010), ...cells.flat(), ...record(0x000a, [])];
  return new Uint8Array([...globals, ...sheet]);
}

function container(workbook: Uint8Array, name = "Workbook"): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new({root: "R"});
  XLSX.CFB.utils.cfb_add(cfb, `/${name}`, workbook);
  return new Uint8Array(XLSX.CFB.write(cfb, {type: "array"}) as ArrayBuffer);
}

const CELLS = [
  record(0x00fd, [...cell(0, 0, 0), ...u32(0)]),
  record(0x00fd, [...cell(0, 1, 0), ...u32(1)]),
  record(0x00fd, [...cell(0, 2, 0), ...u32(2)]),
  record(0x0203, [...cell(1, 0, 1), ...f64(7)]), // format "00": the code "07"
  record(0x0203, [...cell(1, 1, 0), ...f64(1234.567)]),
  record(0x027e, [...cell(1, 2, 0), ...rkInt(-123456)]),
  record(0x027e, [...cell(1, 3, 0), ...rkInt(12345, true)]),
  record(0x00bd, [...u16(2), ...u16(1), ...u16(0), ...rkInt(5), ...u16(1), ...rkInt(3), ...u16(0), ...rkInt(-7, true), ...u16(3)]),
  record(0x0205, [...cell(3, 0, 0), 1, 0]),
  record(0x0205, [...cell(3, 1, 0), 0x07, 1]),
  record(0x0006, [...cell(3, 2, 0), 0x00, 0, 0, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
  record(0x0207, [...u16(2), 0x00, ...latin("ok")]),
  record(0x0006, [...cell(3, 3, 0), ...f64(2.5), ...u16(0), ...u32(0), ...u16(0)]),
  record(0x0006, [...cell(3, 4, 0), 0x02, 0, 0x2a, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
  record(0x0204, [...cell(5, 1, 0), ...u16(4), 0x00, 0x80, ...latin("uro")])
];

const EXPECTED = [
  ["abc", "Café œ", "Ωxyz"],
  ["07", 1234.567, -123456, 123.45],
  [null, 5, "03", -0.07],
  [true, "#DIV/0!", "ok", 2.5, "#N/A"],
  [],
  [null, "\u0080uro"]
];

describe("fast BIFF8 reader on hand-built streams", () => {
  it("switches between 8-bit and UTF-16 characters at each CONTINUE of the shared strings; reads every cell record", () => {
    const bytes = container(stream(CELLS));
    const fast = readBiffWorkbook(bytes);
    expect(fast).toEqual([{name: "Feuil1", rows: EXPECTED}]);
    expect(readWorkbookWithSheetJS(bytes, "x.xls", "xls").map((s) => s.rows)).toEqual([EXPECTED]);
  });

  it("decodes 8-bit LABEL text with the CODEPAGE record as SheetJS does (0x80 = € in Windows-1252)", () => {
    const bytes = container(stream(CELLS, {codepage: 1252}));
    const fast = readBiffWorkbook(bytes);
    expect(fast[0].rows[5]).toEqual([null, "€uro"]);
    expect(fast[0].rows[0]).toEqual(EXPECTED[0]); // the shared strings ignore the code page
    expect(fast.map((s) => s.rows)).toEqual(readWorkbookWithSheetJS(bytes, "x.xls", "xls").map((s) => s.rows));
  });

  it("a stream larger than the mini-stream cutoff is read from regular sectors", () => {
    const many = Array.from({length: 400}, (_, i) => record(0x0203, [...cell(10 + i, 0, 0), ...f64(i / 8)]));
    const bytes = container(stream([...CELLS, ...many]));
    const rows = readBiffWorkbook(bytes)[0].rows;
    expect(rows[409]).toEqual([399 / 8]);
    expect(rows).toEqual(readWorkbookWithSheetJS(bytes, "x.xls", "xls")[0].rows);
  });

  it.each([
    ["a BIFF5 stream", () => container(stream(CELLS, {biffVersion: 0x0500})), /BIFF8/],
    ["an encrypted workbook (FILEPASS)", () => container(stream(CELLS, {extraGlobals: [record(0x002f, [0, 0, 0, 0, 0, 0])]})), /FILEPASS/],
    ["a note (cell comment)", () => container(stream([...CELLS, record(0x001c, [...u16(0), ...u16(0), ...u16(0), ...u16(1), ...u16(0), 0])])), /NOTE/],
    ["a \"Book\" stream", () => container(stream(CELLS), "Book"), /Book/],
    ["bytes that are no OLE2 container", () => new Uint8Array(600).fill(7), /OLE2/]
  ])("refuses %s with UnsupportedBiffError", (_, make, message) => {
    expect(() => readBiffWorkbook(make())).toThrow(UnsupportedBiffError);
    expect(() => readBiffWorkbook(make())).toThrow(message);
  });

  it("readXls falls back to SheetJS: a BIFF5 workbook is still read, with the same cells", () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Departement", "Valeur"], ["10", 1.5]]), "S");
    const bytes = new Uint8Array(XLSX.write(book, {type: "array", bookType: "biff5"}) as ArrayBuffer);
    expect(() => readBiffWorkbook(bytes)).toThrow(UnsupportedBiffError);
    expect(readXls(bytes, "x.xls").map((s) => s.rows)).toEqual([[["Departement", "Valeur"], ["10", 1.5]]]);
  });
});
