/**
 * The views of a factsheet as its HTML holds them: drawn at build time by
 * src/factsheet/prerender.ts (the same queries and components the page runs
 * live, src/components/factsheet-views.ts), pasted into each view's slot.
 * The page is then complete without JavaScript and in print, and readers see
 * every chart at first paint; DuckDB-WASM starts only when a control asks
 * for another view (src/components/factsheet-enhance.ts).
 *
 * This module is what page loaders need: light (no jsdom, no Plot), it reads
 * one small file per territory.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {ViewKind} from "../components/factsheet-views.js";
import {cacheRoot} from "../data/douanes/paths.js";

/** One view drawn at build time: markup above its charts, each chart wide and narrow, markup below. */
export interface DrawnView {
  before: string;
  wide: string[];
  narrow: string[];
  after: string;
}

export type TerritoryViews = Partial<Record<ViewKind, DrawnView>>;

/** Folder of the current build's views, one `<territory id>.json` each. */
export function staticViewsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), "site", "views");
}

/** A territory's views, or none when the prepare step has not made them (the slots then say so). */
export async function loadStaticViews(id: string, env: NodeJS.ProcessEnv = process.env): Promise<TerritoryViews> {
  try {
    return JSON.parse(await readFile(join(staticViewsDir(env), `${id}.json`), "utf8")) as TerritoryViews;
  } catch {
    process.stderr.write(`[fiches] ${id} : pas de vues dessinées (lancer npm run prepare:data)\n`);
    return {};
  }
}

/**
 * A view's slot as an HTML block of the page's Markdown: `data-view` and
 * `data-territory` say what the live code draws in it again. `markup` comes
 * from DOM serialisation (prerender.ts): labels are escaped, and it holds no
 * blank line that would end the HTML block.
 */
export function viewSlot(kind: ViewKind, territory: string, drawn: DrawnView | undefined, {narrowOnly = false}: {narrowOnly?: boolean} = {}): string {
  if (!drawn) return `<div class="view" data-view="${kind}" data-territory="${territory}"><p class="view-missing">Ce bloc n'a pas été calculé lors de la construction du site.</p></div>\n\n`;
  const wrap = (charts: string[]) => charts.map((chart) => `<div class="view-chart">${chart}</div>`).join("");
  // Narrow only: for a half column (the comparison page), where the wide drawing would be shrunk; the live code still draws into .view-wide.
  const charts = drawn.wide.length
    ? `<div class="view-charts${narrowOnly ? " view-charts-narrow" : ""}"><div class="view-wide">${narrowOnly ? "" : wrap(drawn.wide)}</div><div class="view-narrow">${wrap(drawn.narrow)}</div></div>`
    : "";
  return `<div class="view" data-view="${kind}" data-territory="${territory}"><div class="view-before">${drawn.before}</div>${charts}<div class="view-after">${drawn.after}</div></div>\n\n`;
}
