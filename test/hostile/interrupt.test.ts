/**
 * A run stopped mid-way (issue 15): SIGTERM left a 177 MB staging file in
 * /tmp and a `.part-*` folder in the cache. The pipeline is started on a bulk
 * zip large enough to take a while, stopped with SIGTERM as soon as it says it
 * is reading the extracted entry (a line on stderr, not a fixed delay), and
 * must leave nothing behind and exit non-zero. Its temporary folder is a
 * private TMPDIR, so that other runs on the machine do not interfere.
 */
import {spawn} from "node:child_process";
import {mkdir, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {tempDir} from "../data/douanes/fixtures.js";

const BLOCK_LINES = 10_000;
const BLOCKS = 120;

/** A bulk year of 1.2 million lines (one block of lines repeated: the duplicates are work too), enough for seconds of staging. */
function bulkLines(): Uint8Array {
  const countries = ["DE", "BE", "IT", "ES", "NL", "US", "CN", "GB", "CH", "PL"];
  const block: string[] = [];
  for (let i = 0; i < BLOCK_LINES; i++) {
    block.push(`${i % 2 ? "E" : "I"};${1 + (i >> 1) % 4};2024;${10 + (i % 80)};13;C14Z;${1000 + (i % 900)};${countries[i % 10]};${(i * 7919) % 100_000};${i % 997}\r\n`);
  }
  return new TextEncoder().encode(block.join("").repeat(BLOCKS));
}

describe("SIGTERM during a run", () => {
  it("removes the staging files and the .part folder, says so and exits with 143", async () => {
    const root = await tempDir("hostile-sigterm-");
    const [source, cache, tmp] = ["source", "cache", "tmp"].map((name) => join(root, name));
    await Promise.all([source, cache, tmp].map((folder) => mkdir(folder)));
    await writeFile(join(source, "202501_regional_2024_export_import.zip"), zipSync({"Region_2024_Export.txt": bulkLines()}, {level: 1}));

    const child = spawn(process.execPath, ["--import", "tsx", "scripts/prepare-data.ts"], {
      env: {...process.env, TRADE_SOURCE: source, TRADE_CACHE_DIR: cache, TMPDIR: tmp},
      stdio: ["ignore", "ignore", "pipe"]
    });
    let stderr = "";
    let leftoversWhileRunning: string[] = [];
    const exit = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on("exit", (code, signal) => resolve({code, signal})));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", async (chunk: string) => {
      stderr += chunk;
      if (/Region_2024_Export\.txt : \d+ octets, lecture…/.test(stderr) && child.exitCode === null && !child.killed) {
        leftoversWhileRunning = await readdir(tmp);
        child.kill("SIGTERM");
      }
    });
    const {code, signal} = await exit;

    // The run was caught with its temporary entry on disk, then cleaned up.
    expect(leftoversWhileRunning.some((name) => name.startsWith("douanes-"))).toBe(true);
    expect(stderr).toMatch(/\[douanes\] interrompu \(SIGTERM\) : \d+ fichier\(s\) ou dossier\(s\) temporaire\(s\) supprimé\(s\)\./);
    expect({code, signal}).toEqual({code: 143, signal: null});
    // tsx keeps its compile cache there too (tsx-<uid>): not the pipeline's.
    expect((await readdir(tmp)).filter((name) => !name.startsWith("tsx-"))).toEqual([]);
    const pipelineFolders = await readdir(join(cache, "pipeline")).catch(() => [] as string[]);
    expect(pipelineFolders.filter((name) => name.includes(".part-"))).toEqual([]);
    expect(pipelineFolders.filter((name) => !name.includes(".part-"))).toEqual([]); // stopped: no memoised output either
  }, 120_000);
});
