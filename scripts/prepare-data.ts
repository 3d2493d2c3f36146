/**
 * Run before `observable build` and `observable preview` (npm scripts).
 *
 * 1. Runs the customs pipeline, the factsheet figures and the drawn views
 *    (src/factsheet/prerender.ts) once for the source TRADE_SOURCE names (all
 *    memoised in .cache/), and publishes the figures and views the page
 *    loaders read.
 * 2. When the data changed since the last build (another source, new files,
 *    changed parser or figures code), empties Framework's loader cache:
 *    Framework would otherwise serve pages and data files built from the old
 *    data, as it only re-runs a loader whose own file changed.
 * 3. For the same reason, when the code the page loaders run (src/factsheet/,
 *    the modules it imports), the views they paste or the
 *    Territoires d'industrie list (TERRITOIRES_INDUSTRIE_FILE) changed, drops
 *    the cached pages they printed, so the next build or preview prints them
 *    again.
 *
 * A refused source stops it with its French message and exit code 1 (the
 * stack only with DEBUG=1, see src/data/douanes/terminal.ts).
 */
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {loadPipeline} from "../src/data/douanes/pipeline.ts";
import {printError, runScript} from "../src/data/douanes/terminal.ts";
import {codeHash} from "../src/factsheet/code-hash.ts";
import {computeFigures, currentFiguresPath, publishFigures} from "../src/factsheet/figures.ts";
import {computeStaticViews, publishStaticViews} from "../src/factsheet/prerender.ts";

const FRAMEWORK_CACHE = join("src", ".observablehq", "cache");
// Framework's look-ups for lazy client libraries (scripts/prepare-offline.ts) are not data.
const KEEP = new Set(["_npm"]);

// What the page loaders (src/**/[code].md.ts, france.md.ts, integrer.md.ts) run: their printed pages depend on it.
const PAGE_CODE = ["src/factsheet", "src/components", "src/data/territories.ts", "src/data/territory-ids.ts", "src/data/territoires-industrie.ts"];
// Their outputs in Framework's cache (one per route), and the drawn charts the embed view reads.
const PAGE_OUTPUTS = ["departements", "regions", "france.md", "integrer.md", "index.md", "data/charts.zip"];
const PAGE_CODE_KEY = join(FRAMEWORK_CACHE, ".page-code-key");

async function previousKey(): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(currentFiguresPath(), "utf8")) as {key?: string}).key ?? null;
  } catch {
    return null;
  }
}

await runScript(async () => {
  const started = performance.now();
  const before = await previousKey();
  const pipeline = await loadPipeline();
  const figures = await computeFigures(pipeline);
  await publishFigures(figures);
  const viewsStarted = performance.now();
  const views = await computeStaticViews(pipeline, figures.year);
  await publishStaticViews(views);
  const viewsSeconds = (performance.now() - viewsStarted) / 1000;
  if (before !== figures.key) {
    const entries = await readdir(FRAMEWORK_CACHE).catch(() => [] as string[]);
    await Promise.all(entries.filter((name) => !KEEP.has(name)).map((name) => rm(join(FRAMEWORK_CACHE, name), {recursive: true, force: true})));
    if (before !== null) process.stderr.write(`[données] données changées : cache des chargeurs de Framework vidé\n`);
  }
  // The département pages print the Territoires d'industrie list (read once, into the figures): its checksum in the key.
  const pageCode = `${await codeHash(".", PAGE_CODE)}-${views.key}-${figures.territoiresIndustrie?.file.sha256.slice(0, 16) ?? "sans-ti"}`;
  if ((await readFile(PAGE_CODE_KEY, "utf8").catch(() => null)) !== pageCode) {
    await Promise.all(PAGE_OUTPUTS.map((name) => rm(join(FRAMEWORK_CACHE, name), {recursive: true, force: true})));
    await mkdir(FRAMEWORK_CACHE, {recursive: true});
    await writeFile(PAGE_CODE_KEY, pageCode);
  }
  printError(
    `[données] ${figures.synthetic ? "données de démonstration (synthétiques)" : figures.sourceDescription}, année ${figures.year} — prêtes en ${((performance.now() - started) / 1000).toFixed(1)} s, dont vues dessinées ${viewsSeconds.toFixed(1)} s`
  );
});
