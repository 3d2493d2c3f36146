/**
 * Draws the static charts of every territory (static-charts.ts) at build
 * time, in the prepare step (scripts/prepare-data.ts): one DuckDB connection
 * over the slice table, the page's own queries and components (charts.ts),
 * one jsdom document — never in a page loader, where jsdom and Plot would
 * cost each of the 120 pages about half a second.
 *
 * Memoised like the figures (figures.ts): `.cache/pipeline/<key>/static-
 * charts-<code hash>.json`, recomputed only when the source or the charts'
 * code changes, then published as one small file per territory.
 */
import {join} from "node:path";
import {loadChart} from "../components/charts.ts";
import {PROJECT_ROOT} from "../data/douanes/paths.ts";
import type {PipelineOutputs} from "../data/douanes/pipeline.ts";
import {withSliceData, type CanonicalFiles} from "../data/slices.ts";
import {allTerritories} from "../data/territory-ids.ts";
import {memoisedPerSource, writeWhole} from "./code-hash.ts";
import {territoryChartTitle} from "./names.ts";
import {STATIC_KINDS, staticChartsDir, type StaticCharts} from "./static-charts.ts";

/**
 * The width static charts are drawn at: the live charts' width in a 1280 px
 * window (sidebar and table of contents open), so that there the live chart
 * replaces the static one without moving the page; narrower screens scale
 * the static chart down (max-width: 100%, height: auto).
 */
export const STATIC_WIDTH = 704;

// What the markup depends on besides the data: a change recomputes it.
const CHARTS_CODE = [
  "src/components",
  "src/data/slices.ts",
  "src/data/territories.ts",
  "src/data/territory-ids.ts",
  "src/factsheet/names.ts",
  "src/factsheet/prerender.ts",
  "src/factsheet/static-charts.ts",
  "node_modules/@observablehq/plot/package.json",
  "node_modules/d3/package.json",
  "node_modules/jsdom/package.json"
];

export interface StaticChartsBundle {
  /** Identifies the data and the code that drew these charts. */
  key: string;
  territories: Record<string, StaticCharts>;
}

/** A jsdom window to draw in (jsdom ships no types, and @types/jsdom is not installed: the one constructor used is typed here). */
export async function jsdomWindow(): Promise<Window & typeof globalThis> {
  const jsdomModule: string = "jsdom";
  const {JSDOM} = (await import(jsdomModule)) as {JSDOM: new (html: string) => {window: Window & typeof globalThis}};
  return new JSDOM("<!doctype html><html lang='fr'><body></body></html>").window;
}

/**
 * A chart's <figure> as markup for the page's Markdown. DOM serialisation
 * escapes the labels; on top of that, a blank line would end the Markdown
 * HTML block, and "${" in text would open a Framework expression.
 */
export function serialiseFigure(figure: Element): string {
  return figure.outerHTML.replace(/\n\s*\n/g, "\n").replaceAll("${", "&#36;{");
}

/** Every territory's static charts, drawn from the canonical files for `year`. */
export async function drawStaticCharts(files: CanonicalFiles, year: number): Promise<Record<string, StaticCharts>> {
  const {document} = await jsdomWindow();
  return withSliceData(files, {year}, async (run) => {
    const territories: Record<string, StaticCharts> = {};
    for (const info of allTerritories()) {
      const charts: StaticCharts = {};
      for (const kind of STATIC_KINDS) {
        const draw = await loadChart(kind, run, info.id, year);
        charts[kind] = serialiseFigure(draw({width: STATIC_WIDTH, title: territoryChartTitle(kind, info, year), document}));
      }
      territories[info.id] = charts;
    }
    return territories;
  });
}

/** Draws (or reuses) every territory's static charts for the pipeline's data and the year shown. */
export async function computeStaticCharts(pipeline: PipelineOutputs, year: number): Promise<StaticChartsBundle> {
  return memoisedPerSource(pipeline, `static-charts-${year}`, {root: PROJECT_ROOT, entries: CHARTS_CODE}, async (key) => ({
    key,
    territories: await drawStaticCharts(pipeline, year)
  }));
}

/** Makes `bundle` the current build's static charts: one file per territory, read by its page loader. */
export async function publishStaticCharts(bundle: StaticChartsBundle, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dir = staticChartsDir(env);
  await Promise.all(Object.entries(bundle.territories).map(([id, charts]) => writeWhole(join(dir, `${id}.json`), JSON.stringify(charts))));
}
