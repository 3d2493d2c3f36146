import {createHash} from "node:crypto";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it, vi} from "vitest";
import {ROLLING_FILES, demoFiles, writeDemoSource} from "../../../src/data/demo/index.js";
import {randomFor} from "../../../src/data/demo/random.js";
import {crlfLines, dataText} from "./read-files.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

afterEach(() => {
  vi.useRealTimers();
});

/** Data lines of some départements in a set of files. */
function linesOf(files: [string, Uint8Array][], depts: readonly string[]): string[] {
  return files
    .filter(([name]) => name.endsWith(".zip") || name.startsWith("REGIONAL_"))
    .flatMap(([name, bytes]) => crlfLines(dataText(name, bytes).text))
    .filter((line) => depts.includes(line.split(";")[3]));
}

describe("determinism", () => {
  it("writes byte-identical files on two runs into two folders, whatever the clock says", async () => {
    const dirs = [await mkdtemp(join(tmpdir(), "demo-a-")), await mkdtemp(join(tmpdir(), "demo-b-"))];
    try {
      const hashes: Map<string, string>[] = [];
      for (const [i, now] of [new Date("2001-03-04T05:06:07Z"), new Date("2039-11-12T23:59:59Z")].entries()) {
        vi.useFakeTimers({toFake: ["Date"]});
        vi.setSystemTime(now);
        const {files} = await writeDemoSource(join(dirs[i], "nested"), {regions: ["94", "03"]});
        vi.useRealTimers();
        expect(files.every((f) => f.startsWith(join(dirs[i], "nested")))).toBe(true);
        const names = (await readdir(join(dirs[i], "nested"))).sort();
        expect(names).toEqual(files.map((f) => f.split("/").pop()).sort());
        hashes.push(new Map(await Promise.all(names.map(async (n) => [n, sha(await readFile(join(dirs[i], "nested", n)))] as [string, string]))));
      }
      expect([...hashes[1]]).toEqual([...hashes[0]]);
      expect(hashes[0].size).toBe(13);
    } finally {
      for (const dir of dirs) await rm(dir, {recursive: true});
    }
  });

  it("gives a subset of régions exactly the rows those régions have in a larger set", () => {
    const small = demoFiles({regions: ["94"]});
    const larger = demoFiles({regions: ["93", "94", "03"]});
    expect(linesOf(small, ["20"]).length).toBeGreaterThan(1000);
    expect(linesOf(small, ["20"])).toEqual(linesOf(larger, ["20"]));
    expect(linesOf(small, ["99", "9C"])).toEqual([]);
    expect(linesOf(larger, ["99"]).length).toBeGreaterThan(100);
    expect(linesOf(larger, ["9C"]).length).toBeGreaterThan(100);
    const rolling = (files: [string, Uint8Array][]) => files.find(([n]) => n === ROLLING_FILES.export)![1];
    expect(rolling(small).length).toBeLessThan(rolling(larger).length);
  });

  it("refuses an unknown région code", async () => {
    const dir = await mkdtemp(join(tmpdir(), "demo-"));
    try {
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
