/**
 * Run before `observable build` and `observable preview`.
 *
 * Framework's client bundle references a few libraries lazily (loaded only
 * when a page uses them: lodash, arquero, echarts…). At every build it asks
 * the npm registry for their latest version unless a folder
 * `src/.observablehq/cache/_npm/<name>@<version>/` already exists. Empty
 * folders satisfy that look-up, so building needs no network. Our pages use
 * none of these libraries (Plot, d3, htl, Inputs come from node_modules).
 *
 * The versions are what the registry answered when this list was made; they
 * only name the (never fetched) lazy URLs inside Framework's client code.
 *
 * It also copies DuckDB-WASM's engine (wasm and browser worker) from
 * node_modules into src/data/duckdb/ as plain files, byte for byte (imported
 * as a module, Framework would re-bundle the worker, which then fails), with
 * a fixed modification time: Framework writes a file's time into the pages'
 * JavaScript, so two builds of the same commit give the same bytes.
 */
import {copyFile, mkdir, utimes} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";

export const LAZY_CLIENT_LIBRARIES = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0"
];

export async function prepareNpmCache(root = "src"): Promise<void> {
  const cache = join(root, ".observablehq", "cache", "_npm");
  await Promise.all(LAZY_CLIENT_LIBRARIES.map((library) => mkdir(join(cache, library), {recursive: true})));
}

/** DuckDB-WASM's files the pages load, from the installed package. */
export const DUCKDB_ENGINE_FILES = ["duckdb-eh.wasm", "duckdb-browser-eh.worker.js"];
/** The modification time given to the copies (any fixed date would do). */
export const ENGINE_FILE_TIME = new Date("2000-01-01T00:00:00Z");

export async function copyDuckdbEngine(root = "src"): Promise<void> {
  const require = createRequire(import.meta.url);
  const folder = join(root, "data", "duckdb");
  await mkdir(folder, {recursive: true});
  for (const name of DUCKDB_ENGINE_FILES) {
    const target = join(folder, name);
    await copyFile(require.resolve(`@duckdb/duckdb-wasm/dist/${name}`), target);
    await utimes(target, ENGINE_FILE_TIME, ENGINE_FILE_TIME);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareNpmCache();
  await copyDuckdbEngine();
}
