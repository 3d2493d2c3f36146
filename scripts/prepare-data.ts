/**
 * Run before `observable build` and `observable preview` (npm scripts).
 *
 * 1. Runs the customs pipeline and the factsheet figures once for the source
 *    TRADE_SOURCE names (both memoised in .cache/), and publishes the figures
 *    the page loaders read.
 * 2. When the data changed since the last build (another source, new files,
 *    changed parser or figures code), empties Framework's loader cache:
 *    Framework would otherwise serve pages and data files built from the old
 *    data, as it only re-runs a loader whose own file changed.
 */
import {readdir, readFile, rm} from "node:fs/promises";
import {join} from "node:path";
import {computeFigures, currentFiguresPath, publishFigures} from "../src/factsheet/figures.ts";

const FRAMEWORK_CACHE = join("src", ".observablehq", "cache");
// Framework's look-ups for lazy client libraries (scripts/prepare-offline.ts) are not data.
const KEEP = new Set(["_npm"]);

async function previousKey(): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(currentFiguresPath(), "utf8")) as {key?: string}).key ?? null;
  } catch {
    return null;
  }
}

const started = performance.now();
const before = await previousKey();
const figures = await computeFigures();
await publishFigures(figures);
if (before !== figures.key) {
  const entries = await readdir(FRAMEWORK_CACHE).catch(() => [] as string[]);
  await Promise.all(entries.filter((name) => !KEEP.has(name)).map((name) => rm(join(FRAMEWORK_CACHE, name), {recursive: true, force: true})));
  if (before !== null) process.stderr.write(`[données] données changées : cache des chargeurs de Framework vidé\n`);
}
process.stderr.write(
  `[données] ${figures.synthetic ? "données de démonstration (synthétiques)" : figures.sourceDescription}, année ${figures.year} — prêtes en ${((performance.now() - started) / 1000).toFixed(1)} s\n`
);
