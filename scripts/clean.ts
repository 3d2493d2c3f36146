/**
 * `npm run clean`: everything a build or a preview made, so that the next one
 * starts from nothing — dist/, Framework's cache, the memos (.cache/), the
 * DuckDB-WASM engine copy and the data files the prepare step wrote into
 * src/data/ (PUBLISHED_DATA in src/factsheet/data-files.ts).
 */
import {readdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {isPublishedData} from "../src/factsheet/data-files.js";

const GENERATED = ["dist", "src/.observablehq/cache", ".cache", "src/data/duckdb"];

const published = (await readdir("src/data").catch(() => [] as string[])).filter(isPublishedData);
await Promise.all([...GENERATED, ...published.map((name) => join("src/data", name))].map((path) => rm(path, {recursive: true, force: true})));
