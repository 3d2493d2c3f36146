/**
 * The files the pages attach and readers download, written by the prepare
 * step (scripts/prepare-data.ts) into `src/data/` as plain static files
 * (git-ignored), which Framework copies into `dist/_file/` for the pages that
 * name them. No data loader: Framework's build reuses a data loader's cached
 * output even when it is stale, so fresh data would have meant deleting
 * entries of its cache; a static file is simply read as it is.
 *
 * - `trade.parquet`, `products.parquet`, `countries.parquet` and the two
 *   quarterly tables: the pipeline's outputs, as they are;
 * - `overview.parquet` (one row per territory and year, src/data/overview.ts)
 *   and `territories.parquet` (départements and their régions);
 * - `manifest.json`: the pipeline's account of the source, with the
 *   Territoires d'industrie list's checksum;
 * - `slices/<id>.parquet`, `quarterly/<id>.parquet` (what a page's controls
 *   query) and `downloads/<id>.{csv,parquet}` (a factsheet's rows).
 *
 * Written again only when their key (the data and all the code that writes
 * them) changed: `data/.published` holds the key of what is there.
 */
import {mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {isAbsolute, join} from "node:path";
import {codeHash} from "../data/code-hash.js";
import type {PipelineOutputs} from "../data/douanes/pipeline.js";
import {buildOverview} from "../data/overview.js";
import {copyToParquet, withDuckDB} from "../data/parquet-output.js";
import {buildQuarterlySlices} from "../data/quarterly-slices.js";
import {buildSlices} from "../data/slices.js";
import {loadTerritoiresIndustrie} from "../data/territoires-industrie.js";
import {departements, regionOf} from "../data/territories.js";
import {buildDownloads} from "./downloads.js";

/** The module whose code writes the files: its import closure keys them. */
export const DATA_FILES_CODE = ["src/factsheet/data-files.ts"] as const;

/** The folders of one file per territory, emptied before they are written again (a territory may be gone). */
export const PER_TERRITORY_FOLDERS = ["slices", "quarterly", "downloads"] as const;

const STAMP = ".published";

/**
 * What this module writes under src/data/, as .gitignore patterns: `npm run
 * clean` removes it (scripts/clean.ts), the dev server's watcher ignores it,
 * and .gitignore lists each (a test checks).
 */
export const PUBLISHED_DATA = [STAMP, "*.parquet", "manifest.json", ...PER_TERRITORY_FOLDERS.map((folder) => `${folder}/`)] as const;

/** Whether `name`, a path under src/data/ ("manifest.json", "slices", "slices/D10.parquet"), is one of these files. */
export function isPublishedData(name: string): boolean {
  return PUBLISHED_DATA.some((pattern) =>
    pattern.endsWith("/")
      ? name === pattern.slice(0, -1) || name.startsWith(pattern)
      : pattern.startsWith("*")
        ? !name.includes("/") && name.endsWith(pattern.slice(1))
        : name === pattern);
}

/** Whether a path under src/ is one of these files. */
export const isPublishedDataFile = (path: string): boolean => path.startsWith("data/") && isPublishedData(path.slice("data/".length));

/** The départements and their régions, for the explorer's joins. */
async function territoriesTable(): Promise<Uint8Array> {
  return withDuckDB(async (connection) => {
    await connection.run("CREATE TABLE territories (dept VARCHAR, dept_name VARCHAR, region VARCHAR, region_name VARCHAR)");
    const appender = await connection.createAppender("territories");
    for (const dept of departements) {
      const region = regionOf(dept.code);
      appender.appendVarchar(dept.code);
      appender.appendVarchar(dept.name);
      appender.appendVarchar(region.code);
      appender.appendVarchar(region.name);
      appender.endRow();
    }
    appender.closeSync();
    return new Uint8Array(await copyToParquet(connection, "SELECT * FROM territories ORDER BY region, dept"));
  });
}

/** The pipeline's manifest as published: local folders named relative to their source, the Territoires d'industrie list's checksum added. */
async function publishedManifest(manifestPath: string): Promise<string> {
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  const list = loadTerritoiresIndustrie();
  const territoiresIndustrie = list && {file: list.file, territories: list.territories, rows: list.rows};
  // The builder's folders are nobody's business.
  const files = (manifest.files as {name: string; origin: string}[]).map((file) => ({...file, origin: isAbsolute(file.origin) ? `local:${file.name}` : file.origin}));
  return JSON.stringify({...manifest, files, territoiresIndustrie}, null, 2);
}

/** Every file, by its path under `data/`. */
async function dataFiles(pipeline: PipelineOutputs): Promise<Map<string, Uint8Array | string>> {
  const files = new Map<string, Uint8Array | string>();
  const copied = {
    "trade.parquet": pipeline.tradeParquetPath,
    "products.parquet": pipeline.productsParquetPath,
    "countries.parquet": pipeline.countriesParquetPath,
    "products-quarterly.parquet": pipeline.productsQuarterlyParquetPath,
    "countries-quarterly.parquet": pipeline.countriesQuarterlyParquetPath
  };
  for (const [name, path] of Object.entries(copied)) files.set(name, await readFile(path));
  files.set("overview.parquet", await buildOverview(pipeline.tradeParquetPath));
  files.set("territories.parquet", await territoriesTable());
  files.set("manifest.json", await publishedManifest(pipeline.manifestPath));
  const perTerritory: Record<(typeof PER_TERRITORY_FOLDERS)[number], Map<string, Uint8Array>> = {
    slices: await buildSlices(pipeline.tradeParquetPath),
    quarterly: await buildQuarterlySlices(pipeline),
    downloads: await buildDownloads(pipeline, {synthetic: pipeline.manifest.synthetic})
  };
  for (const folder of PER_TERRITORY_FOLDERS) for (const [name, bytes] of perTerritory[folder]) files.set(`${folder}/${name}`, bytes);
  return files;
}

/**
 * Writes the files for the pipeline's data into `<root>/data/` unless the
 * same key wrote them last; `dataKey` names the data (the figures' key).
 * Returns how many files were written (0 when they were current).
 */
export async function publishDataFiles(pipeline: PipelineOutputs, dataKey: string, root = "src"): Promise<number> {
  const folder = join(root, "data");
  const key = `${dataKey}-${await codeHash(DATA_FILES_CODE)}`;
  if ((await readFile(join(folder, STAMP), "utf8").catch(() => "")) === key) return 0;
  const files = await dataFiles(pipeline);
  await rm(join(folder, STAMP), {force: true});
  await Promise.all(PER_TERRITORY_FOLDERS.map((name) => rm(join(folder, name), {recursive: true, force: true})));
  for (const name of PER_TERRITORY_FOLDERS) await mkdir(join(folder, name), {recursive: true});
  for (const [name, content] of files) await writeFile(join(folder, name), content);
  // Last: a run stopped halfway leaves no stamp, and the next run writes everything again.
  await writeFile(join(folder, STAMP), key);
  return files.size;
}
