/**
 * Every chart of every factsheet as drawn at build time (the wide drawing of
 * src/factsheet/prerender.ts), one HTML fragment per territory and chart
 * ("D10-partenaires.html"), packed in one deterministic zip. The chart-only
 * embed view (/integrer) shows one of them: no engine, no chart library.
 */
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {VIEW_CHARTS} from "../components/chart-kinds.ts";
import {staticViewsDir, type TerritoryViews} from "../factsheet/static-charts.ts";
import {writeToStdout} from "./parquet-output.ts";
import {zipSlices} from "./slices.ts";

/** Name of a chart's fragment inside charts.zip. */
export const chartFileName = (id: string, kind: string) => `${id}-${kind}.html`;

const dir = staticViewsDir();
const files = new Map<string, Uint8Array>();
const encoder = new TextEncoder();
for (const file of (await readdir(dir)).filter((name) => name.endsWith(".json")).sort()) {
  const id = file.slice(0, -".json".length);
  const views = JSON.parse(await readFile(join(dir, file), "utf8")) as TerritoryViews;
  for (const [view, kinds] of Object.entries(VIEW_CHARTS)) {
    kinds.forEach((kind, i) => {
      const markup = views[view as keyof TerritoryViews]?.wide[i];
      if (markup) files.set(chartFileName(id, kind), encoder.encode(markup));
    });
  }
}
if (files.size === 0) throw new Error(`Aucun graphique dessiné dans ${dir} : lancer npm run prepare:data avant la construction.`);
await writeToStdout(zipSlices(files));
