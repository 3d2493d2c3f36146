/**
 * The one step before Framework, in `npm run build` and `npm run dev`:
 *
 * 1. Offline: the empty look-up folders and the DuckDB-WASM engine copy
 *    Framework needs to build with no network (prepare-offline.ts).
 * 2. Data: the customs pipeline, the factsheet figures and the drawn views
 *    (src/factsheet/prerender.ts), each memoised in .cache/ by its inputs and
 *    all the code it runs (src/data/code-hash.ts), published where the page
 *    loaders read them; and the files the pages attach and readers download,
 *    written into src/data/ as static files (src/factsheet/data-files.ts).
 * 3. Freshness: the site's only loaders are its page loaders (`*.md.ts`).
 *    Framework runs one again only when its file is newer than its cached
 *    output, so when what the pages are printed from changed (the code the
 *    page loaders run, the templates, the figures, the views), they are
 *    marked as changed:
 *    their modification time, nothing else. Framework's cache is never
 *    touched; `npm run clean` empties it.
 *
 * A refused source stops it with its French message and exit code 1 (the
 * stack only with DEBUG=1, see src/data/douanes/terminal.ts).
 */
import {readdir, readFile, utimes} from "node:fs/promises";
import {join} from "node:path";
import {publishCurrentPipeline, resolvePipeline} from "../src/data/douanes/pipeline.js";
import {cacheRoot} from "../src/data/douanes/paths.js";
import {printError, runScript} from "../src/data/douanes/terminal.js";
import {codeHash, writeWhole} from "../src/data/code-hash.js";
import {computeFigures, publishFigures} from "../src/factsheet/figures.js";
import {publishDataFiles} from "../src/factsheet/data-files.js";
import {templateFiles} from "../src/factsheet/template.js";
import {computeStaticViews, publishStaticViews} from "../src/factsheet/prerender.js";
import {copyDuckdbEngine, prepareNpmCache} from "./prepare-offline.js";

/** What the printed pages were made from at the last run: all the code the page loaders run, the figures, the drawn views and the Territoires d'industrie list. */
export interface PageInputs {
  pages: string;
}

/** The page loaders under `root` (src/): `*.md.ts`, the only loaders of the site. */
export async function findPageLoaders(root = "src"): Promise<string[]> {
  const names = (await readdir(root, {recursive: true})).map((name) => name.split("\\").join("/"));
  return names.filter((name) => !name.startsWith(".observablehq/") && /\.md\.(ts|js)$/.test(name)).sort().map((name) => join(root, name));
}

/** Whether the printed pages are stale: a first run, or any of their inputs changed. */
export function pagesStale(before: PageInputs | null, now: PageInputs): boolean {
  return before === null || before.pages !== now.pages;
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
  const written = await publishDataFiles(pipeline, figures.key);
  step(written ? `${written} fichiers de données écrits dans src/data/` : "fichiers de données à jour");
  const loaders = await findPageLoaders();
  const now: PageInputs = {
    pages: `${await codeHash([...loaders, ...templateFiles()])}-${figures.key}-${views.key}-${figures.territoiresIndustrie?.file.sha256.slice(0, 16) ?? "sans-ti"}`
  };
  const before = await readFile(inputsPath(env), "utf8").then((text) => JSON.parse(text) as PageInputs, () => null);
  const stale = pagesStale(before, now) ? loaders : [];
  await markChanged(stale);
  await writeWhole(inputsPath(env), JSON.stringify(now));
  step(
    `${figures.synthetic ? "données de démonstration (synthétiques)" : figures.sourceDescription}, année ${figures.year}` +
      (stale.length ? ` — ${stale.length} chargeurs de pages à relancer par Framework` : "")
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runScript(() => prepareSite());
