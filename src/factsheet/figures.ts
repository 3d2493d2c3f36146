/**
 * The figures and sentences every factsheet bakes into its HTML, computed once
 * per source for all territories (src/factsheet/territory-figures.ts).
 *
 * Two levels of memo, because 120 page loaders each start a fresh process:
 * - `.cache/pipeline/<key>/figures-<code hash>.json`, beside the pipeline's
 *   outputs: recomputed only when the source or the code this module reaches
 *   changes (src/data/code-hash.ts);
 * - `.cache/site/figures.json`, the copy for the current build, written by
 *   `scripts/prepare-data.ts` before every build and preview. A page loader
 *   reads only that file (no pipeline, no DuckDB: ~0.3 s per page instead of
 *   ~1.8 s), and computes it itself only when it is missing.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Gap} from "../data/douanes/completeness.js";
import type {Manifest} from "../data/douanes/manifest.js";
import type {PipelineOutputs} from "../data/douanes/pipeline.js";
import {cacheRoot} from "../data/douanes/paths.js";
import type {FiguresBundle} from "./territory-figures.js";
import {loadTerritoiresIndustrie, type TerritoiresIndustrie} from "../data/territoires-industrie.js";
import {memoisedPerSource, writeWhole} from "../data/code-hash.js";

export interface SiteFigures extends FiguresBundle {
  /** Identifies the data and the code that made these figures. */
  key: string;
  synthetic: boolean;
  sourceDescription: string;
  /** Date of the newest source file (download or generation), ISO yyyy-mm-dd, or null. */
  retrievedAt: string | null;
  /** The ANCT's list of Territoires d'industrie (TERRITOIRES_INDUSTRIE_FILE), read once here, or null without it. */
  territoiresIndustrie: TerritoiresIndustrie | null;
  /** Holes of the source published on request (TRADE_ALLOW_GAPS=1, manifest.gaps): each page concerned says so. */
  gaps: Gap[];
}

function retrievedAt(manifest: Manifest): string | null {
  const dates = manifest.files.map((file) => file.downloadedAt).filter((date): date is string => date !== null);
  return dates.length ? dates.sort().at(-1)!.slice(0, 10) : null;
}

/** Path of the current build's figures. */
export function currentFiguresPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), "site", "figures.json");
}

/** The module whose code computes the figures (with the pipeline and territory-figures.ts, which it imports): its import closure keys their memo. */
export const FIGURES_CODE = ["src/factsheet/figures.ts"] as const;

/** Runs (or reuses) the pipeline, unless given its outputs, and the figures for the source TRADE_SOURCE names. */
export async function computeFigures(outputs?: PipelineOutputs): Promise<SiteFigures> {
  // Imported here, not at the top: page loaders that find the current figures never pay for the pipeline's modules.
  const [{loadPipeline}, {territoryFigures}] = await Promise.all([import("../data/douanes/pipeline.js"), import("./territory-figures.js")]);
  const pipeline = outputs ?? (await loadPipeline());
  // Read once for the whole build (the page loaders read it from the figures); its checksum keys the memo.
  const territoiresIndustrie = loadTerritoiresIndustrie();
  const name = `figures-${territoiresIndustrie?.file.sha256.slice(0, 12) ?? "sans-ti"}`;
  return memoisedPerSource(pipeline, name, FIGURES_CODE, async (key): Promise<SiteFigures> => ({
    ...(await territoryFigures(pipeline, {year: pipeline.manifest.shownYear})),
    key,
    synthetic: pipeline.manifest.synthetic,
    sourceDescription: pipeline.manifest.source.description,
    retrievedAt: retrievedAt(pipeline.manifest),
    territoiresIndustrie,
    gaps: pipeline.manifest.gaps ?? []
  }));
}

/** Makes `figures` the current build's figures. */
export async function publishFigures(figures: SiteFigures, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await writeWhole(currentFiguresPath(env), JSON.stringify(figures));
}

let memo: Promise<SiteFigures> | undefined;

/** The current build's figures (see the module comment). */
export function loadFigures(): Promise<SiteFigures> {
  return (memo ??= readFile(currentFiguresPath(), "utf8").then(
    (text) => JSON.parse(text) as SiteFigures,
    async () => {
      const figures = await computeFigures();
      await publishFigures(figures);
      return figures;
    }
  ));
}
