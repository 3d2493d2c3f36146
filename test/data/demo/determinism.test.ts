import {createHash} from "node:crypto";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it, vi} from "vitest";
import {buildRegionZip, writeDemoSource} from "../../../src/data/demo/index.ts";
import {writeXls} from "../../../src/data/demo/xls.ts";
import {randomFor} from "../../../src/data/demo/random.ts";
import {readSheet} from "./read-back.ts";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

afterEach(() => {
  vi.useRealTimers();
});

describe("determinism", () => {
  it("writes the same bytes whatever the clock says (Corse, Guyane)", () => {
    const hashes = [new Date("2001-03-04T05:06:07Z"), new Date("2039-11-12T23:59:59Z")].map((now) => {
      vi.useFakeTimers({toFake: ["Date"]});
      vi.setSystemTime(now);
      return ["94", "03"].map((code) => sha(buildRegionZip(code)));
    });
    expect(hashes[0]).toEqual(hashes[1]);
  });

  it("writes the zips to disk, one per requested région", async () => {
    const dir = await mkdtemp(join(tmpdir(), "demo-"));
    try {
      const {files} = await writeDemoSource(join(dir, "nested"), {regions: ["94"]});
      expect(files).toEqual([join(dir, "nested", "region_94.zip")]);
      expect(await readdir(join(dir, "nested"))).toEqual(["region_94.zip"]);
      expect(sha(await readFile(files[0]))).toBe(sha(buildRegionZip("94")));
      await expect(writeDemoSource(dir, {regions: ["99"]})).rejects.toThrow(/Code région inconnu/);
    } finally {
      await rm(dir, {recursive: true});
    }
  });

  it("draws the same numbers from the same key, different ones from another", () => {
    const draw = (key: string) => Array.from({length: 5}, randomFor(key).next);
    expect(draw("10|export")).toEqual(draw("10|export"));
    expect(draw("10|export")).not.toEqual(draw("10|import"));
  });
});

describe("xls writer", () => {
  it("gives the same bytes with and without its allocation shortcut, and reads back", () => {
    const rows: (string | number)[][] = [["Département", "Code pays", "Valeur (k€)"]];
    for (let i = 0; i < 500; i++) rows.push(["2A", i % 2 ? "QS" : "DE", (i * 7919) / 1000]);
    const fast = writeXls(rows, {sheetName: "essai", title: "essai"});
    const plain = writeXls(rows, {sheetName: "essai", title: "essai", fastBlocks: false});
    expect(sha(fast)).toBe(sha(plain));
    const back = readSheet(fast);
    expect([back.header, ...back.rows]).toEqual(rows);
    expect(Buffer.alloc(16385).length).toBe(16385); // the shortcut is gone once writing ends
  });
});
