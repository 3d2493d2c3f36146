/**
 * The fast BIFF8 reader against the SheetJS path on the demo's own .xls files
 * (customs format: codes as text, k€ with three decimals, one sheet per file).
 */
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readBiffWorkbook} from "../../../src/data/douanes/biff/workbook.ts";
import {demoSourceFolder} from "../../../src/data/douanes/demo-source.ts";
import {readWorkbookWithSheetJS} from "../../../src/data/douanes/workbook-reader.ts";
import {readZip} from "../../../src/data/douanes/zip.ts";

describe("fast BIFF8 reader on the demo files", () => {
  it("gives exactly SheetJS's sheets and cells for every .xls of two régions", async () => {
    const folder = await demoSourceFolder(process.env, {regions: ["94", "28"]});
    let files = 0;
    let values = 0;
    for (const zipName of (await readdir(folder)).filter((name) => name.endsWith(".zip"))) {
      for (const entry of readZip(await readFile(join(folder, zipName)), zipName)) {
        if (!entry.name.endsWith(".xls")) continue;
        const fast = readBiffWorkbook(entry.bytes).map((s) => ({sheet: s.name, rows: s.rows}));
        const reference = readWorkbookWithSheetJS(entry.bytes, entry.name, "xls").map((s) => ({sheet: s.sheet, rows: s.rows}));
        expect(fast, entry.name).toEqual(reference);
        files++;
        values += fast[0].rows.reduce((n, row) => n + row.filter((cell) => typeof cell === "number").length, 0);
      }
    }
    expect(files).toBe(4 * 7); // Corse (2A, 2B) and Normandie (14, 27, 50, 61, 76)
    expect(values).toBeGreaterThan(10_000);
  }, 120_000);
});
