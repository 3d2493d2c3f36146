/**
 * The one step before Framework, in `npm run build` and `npm run dev`:
 *
 * 1. Offline: the empty look-up folders and the DuckDB-WASM engine copy
 *    Framework needs to build with no network (prepare-offline.ts).
 * 2. Data: the customs pipeline, the factsheet figures and the drawn views
 *    (src/factsheet/prerender.ts), each memoised in .cache/ by the data and
 *    the site's code (src/factsheet/code-hash.ts), published where the
 *    loaders read them.
 * 3. Freshness: Framework runs a loader again only when the loader's file is
 *    newer than its cached output. When the data changed since the last run,
 *    every loader is marked as changed (its file's modification time, nothing
 *    else); when only the site's code changed, the page loaders are. The
 *    preview server then re-runs them by its own rule. Framework 1.13's build
 *    re-runs a stale page loader but copies a stale data loader's output as it
 *    is (`useStale` in its build.js): so, when the data changed, the outputs of
 *    the data loaders (and the files extracted from their archives) are
 *    removed from its cache too — those outputs only, never the rest.
 *
 * A refused source stops it with its French message and exit code 1 (the
 * stack only with DEBUG=1, see src/data/douanes/terminal.ts).
 */
import {readdir, readFile, rm, utimes} from "node:fs/promises";
import {join, relative} from "node:path";
import {publishCurrentPipeline, resolvePipeline} from "../src/data/douanes/pipeline.js";
import {cacheRoot} from "../src/data/douanes/paths.js";
import {printError, runScript} from "../src/data/douanes/terminal.js";
import {siteCodeHash, writeWhole} from "../src/factsheet/code-hash.js";
import {computeFigures, publishFigures} from "../src/factsheet/figures.js";
import {computeStaticViews, publishStaticViews} from "../src/factsheet/prerender.js";
import {copyDuckdbEngine, prepareNpmCache} from "./prepare-offline.js";

/** What the loaders' outputs were made from at the last run. */
export interface LoaderInputs {
  /** The data and the figures made from them: every loader reads them. */
  data: string;
  /** The site's code, the drawn views and the Territoires d'industrie list: the printed pages depend on them. */
  pages: string;
}

const LOADER = /\.(md|parquet|zip|json|csv|tsv|txt|arrow|html)\.(ts|js)$/;

/** The loaders under `root` (src/), split into page loaders (`*.md.ts`) and data loaders. */
export async function findLoaders(root = "src"): Promise<{pages: string[]; data: string[]}> {
  const files = (await readdir(root, {recursive: true})).map((name) => name.split("\\").join("/")).filter((name) => !name.startsWith(".observablehq/") && LOADER.test(name)).sort();
  return {pages: files.filter((name) => /\.md\.(ts|js)$/.test(name)).map((name) => join(root, name)), data: files.filter((name) => !/\.md\.(ts|js)$/.test(name)).map((name) => join(root, name))};
}

/** The loaders whose outputs are stale when the inputs went from `before` to `now`. */
export function staleLoaders(before: LoaderInputs | null, now: LoaderInputs, loaders: {pages: string[]; data: string[]}): string[] {
  if (before === null || before.data !== now.data) return [...loaders.data, ...loaders.pages];
  return before.pages !== now.pages ? loaders.pages : [];
}

/**
 * Where Framework caches what a data loader under `root` printed: its output
 * (`data/x.zip` for `data/x.zip.ts`) and, for an archive, the folder its
 * members are extracted to (`data/x/`).
 */
export function cachedOutputs(loader: string, root = "src"): string[] {
  const target = relative(root, loader).replace(/\.(ts|js)$/, "");
  const output = join(root, ".observablehq", "cache", target);
  const archive = /\.(zip|tgz|tar\.gz|tar)$/.exec(target);
  return archive ? [output, output.slice(0, -archive[0].length)] : [output];
}

/** Marks loaders as changed for Framework (a newer modification time than their cached outputs); contents untouched. */
export async function markChanged(files: string[], when = new Date()): Promise<void> {
  await Promise.all(files.map((file) => utimes(file, when, when)));
}

const inputsPath = (env: NodeJS.ProcessEnv) => join(cacheRoot(env), "site", "loader-inputs.json");

export async function prepareSite(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = performance.now();
  const step = (text: string) => printError(`[préparation] ${text} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await prepareNpmCache();
  await copyDuckdbEngine();
  step("hors ligne : moteur DuckDB-WASM copié");
  const pipeline = await resolvePipeline(env);
  await publishCurrentPipeline(pipeline, env);
  step("données lues");
  const figures = await computeFigures(pipeline);
  await publishFigures(figures, env);
  step("chiffres des fiches calculés");
  const views = await computeStaticViews(pipeline, figures.year);
  await publishStaticViews(views, env);
  step(`graphiques dessinés pour ${Object.keys(views.territories).length} territoires`);
  const now: LoaderInputs = {
    data: figures.key,
    pages: `${(await siteCodeHash()).slice(0, 16)}-${views.key}-${figures.territoiresIndustrie?.file.sha256.slice(0, 16) ?? "sans-ti"}`
  };
  const before = await readFile(inputsPath(env), "utf8").then((text) => JSON.parse(text) as LoaderInputs, () => null);
  const loaders = await findLoaders();
  const stale = staleLoaders(before, now, loaders);
  await markChanged(stale);
  // See 3. above: the build would publish a stale data loader's output.
  const staleData = loaders.data.filter((loader) => stale.includes(loader));
  await Promise.all(staleData.flatMap((loader) => cachedOutputs(loader)).map((path) => rm(path, {recursive: true, force: true})));
  await writeWhole(inputsPath(env), JSON.stringify(now));
  step(
    `${figures.synthetic ? "données de démonstration (synthétiques)" : figures.sourceDescription}, année ${figures.year}` +
      (stale.length ? ` — ${stale.length} chargeurs à relancer par Framework` : "")
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript(() => prepareSite());
