/**
 * Draws every view of every factsheet (src/components/factsheet-views.ts) at
 * build time, in the prepare step (scripts/prepare-data.ts): one DuckDB
 * connection over the slice tables, the views' own queries and components,
 * one jsdom document — never in a page loader, where jsdom and Plot would
 * cost each of the 121 pages about half a second.
 *
 * Each chart is drawn twice: WIDE_WIDTH, the live charts' width in a 1280 px
 * window, and NARROW_WIDTH, for phones, where the wide one shrunk would make
 * its labels unreadable; the page's CSS shows one of the two.
 *
 * Memoised like the figures (figures.ts): `.cache/pipeline/<key>/views-
 * <year>-<code hash>.json`, recomputed only when the source or the code this
 * module reaches changes, then published as one small file per territory.
 */
import {join} from "node:path";
import {VIEW_KINDS, type ViewKind} from "../components/chart-kinds.js";
import {drawView} from "../components/factsheet-views.js";
import {defaultState} from "../components/view-state.js";
import type {PipelineOutputs} from "../data/douanes/pipeline.js";
import {corsicaForm, withSliceData, type CanonicalFiles} from "../data/slices.js";
import {createQuarterlyTable, type QuarterlySources} from "../data/quarterly-slices.js";
import {demoMarked, territoriesWithFigures} from "../data/territory-ids.js";
import {memoisedPerSource, writeWhole} from "../data/code-hash.js";
import {slug} from "./names.js";
import {staticViewsDir} from "../data/douanes/paths.js";
import type {DrawnView, TerritoryViews} from "./page.js";
import {viewTerritory} from "./view-territories.js";

/** The live charts' width in a 1280 px window (sidebar and table of contents open). */
export const WIDE_WIDTH = 704;
/**
 * A 390 px phone's column: the window less Framework's padding, measured in
 * Chromium (test/e2e/charts-readable.test.ts), so that the narrow drawing is
 * shown at its natural size and its 11 px labels read as 11 px.
 */
export const NARROW_WIDTH = 326;

export interface StaticViewsBundle {
  /** Identifies the data and the code that drew these views. */
  key: string;
  territories: Record<string, TerritoryViews>;
}

/** A jsdom window to draw in (jsdom ships no types, and @types/jsdom is not installed: the one constructor used is typed here). */
export async function jsdomWindow(): Promise<Window & typeof globalThis> {
  const jsdomModule: string = "jsdom";
  const {JSDOM} = (await import(jsdomModule)) as {JSDOM: new (html: string) => {window: Window & typeof globalThis}};
  return new JSDOM("<!doctype html><html lang='fr'><body></body></html>").window;
}

/**
 * Elements as markup for the page's Markdown. DOM serialisation escapes the
 * labels; on top of that, a blank line would end the Markdown HTML block,
 * and "${" in text would open a Framework expression.
 */
export function serialiseElements(elements: readonly Element[]): string {
  return elements
    .map((element) => element.outerHTML)
    .join("\n")
    .replace(/\n\s*\n/g, "\n")
    .replaceAll("${", "&#36;{");
}

/**
 * Every view of every territory with figures (or of those of `only`), drawn
 * from the canonical files for `year`; on synthetic data the names of the
 * files readers take away (CSV, images) are marked « -demonstration ».
 */
export async function drawStaticViews(
  files: CanonicalFiles & QuarterlySources,
  year: number,
  only?: readonly string[],
  {synthetic = false}: {synthetic?: boolean} = {}
): Promise<Record<string, TerritoryViews>> {
  const {document} = await jsdomWindow();
  return withSliceData(files, {year}, async (run, _years, connection) => {
    await createQuarterlyTable(connection, files);
    const corsica = await corsicaForm(run);
    const territories: Record<string, TerritoryViews> = {};
    for (const info of territoriesWithFigures(corsica).filter((t) => !only || only.includes(t.id))) {
      const territory = viewTerritory(info, corsica);
      const views: TerritoryViews = {};
      for (const kind of VIEW_KINDS) {
        const drawn = await drawView(kind, run, territory, defaultState(year), {document, fileStem: demoMarked(slug(info), synthetic)});
        const charts = (width: number) => drawn.charts(width).map((chart) => serialiseElements([chart]));
        views[kind as ViewKind] = {before: serialiseElements(drawn.before), wide: charts(WIDE_WIDTH), narrow: charts(NARROW_WIDTH), after: serialiseElements(drawn.after)} satisfies DrawnView;
      }
      territories[info.id] = views;
    }
    return territories;
  });
}

/** The module whose code draws the views: its import closure keys their memo (src/data/code-hash.ts). */
export const VIEWS_CODE = ["src/factsheet/prerender.ts"] as const;

/** Draws (or reuses) every territory's views for the pipeline's data and the year shown. */
export async function computeStaticViews(pipeline: PipelineOutputs, year: number): Promise<StaticViewsBundle> {
  return memoisedPerSource(pipeline, `views-${year}`, VIEWS_CODE, async (key) => ({
    key,
    territories: await drawStaticViews(pipeline, year, undefined, {synthetic: pipeline.manifest.synthetic})
  }));
}

/** Makes `bundle` the current build's views: one file per territory, read by the page loaders. */
export async function publishStaticViews(bundle: StaticViewsBundle, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dir = staticViewsDir(env);
  await Promise.all(Object.entries(bundle.territories).map(([id, views]) => writeWhole(join(dir, `${id}.json`), JSON.stringify(views))));
}
