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
 * 3. For the same reason, when the code the page loaders run changed
 *    (src/factsheet/, the modules it imports), drops the cached pages they
 *    printed, so the next build or preview prints them again.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {computeFigures, currentFiguresPath, publishFigures} from "../src/factsheet/figures.ts";

const FRAMEWORK_CACHE = join("src", ".observablehq", "cache");
// Framework's look-ups for lazy client libraries (scripts/prepare-offline.ts) are not data.
const KEEP = new Set(["_npm"]);

// What the page loaders (src/**/[code].md.ts, france.md.ts, integrer.md.ts) run: their printed pages depend on it.
const PAGE_CODE = ["src/factsheet", "src/components", "src/data/territories.ts", "src/data/territory-ids.ts"];
// Their outputs in Framework's cache, one per route.
const PAGE_OUTPUTS = ["departements", "regions", "france.md", "integrer.md"];
const PAGE_CODE_KEY = join(FRAMEWORK_CACHE, ".page-code-key");

async function pageCodeHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of PAGE_CODE) {
    const files = entry.endsWith(".ts") ? [entry] : (await readdir(entry)).filter((name) => name.endsWith(".ts")).sort().map((name) => join(entry, name));
    for (const file of files) hash.update(file).update(await readFile(file));
  }
  return hash.digest("hex");
}

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
const pageCode = await pageCodeHash();
if ((await readFile(PAGE_CODE_KEY, "utf8").catch(() => null)) !== pageCode) {
  await Promise.all(PAGE_OUTPUTS.map((name) => rm(join(FRAMEWORK_CACHE, name), {recursive: true, force: true})));
  await mkdir(FRAMEWORK_CACHE, {recursive: true});
  await writeFile(PAGE_CODE_KEY, pageCode);
}
process.stderr.write(
  `[données] ${figures.synthetic ? "données de démonstration (synthétiques)" : figures.sourceDescription}, année ${figures.year} — prêtes en ${((performance.now() - started) / 1000).toFixed(1)} s\n`
);
