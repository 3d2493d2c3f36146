/**
 * The charts a factsheet shows before DuckDB-WASM has started: the first two
 * charts of the page, drawn at build time by the same components from the
 * same queries (src/factsheet/prerender.ts, in the prepare step) and pasted
 * into the page as static HTML; the chart's cell removes it when it draws the
 * live chart. They also make the page readable and printable without
 * JavaScript.
 *
 * This module is what page loaders need: light (no jsdom, no Plot), it reads
 * one small file per territory.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {ChartKind} from "../components/chart-kinds.ts";
import {cacheRoot} from "../data/douanes/paths.ts";

/** The kinds drawn at build time: the first two charts of a factsheet. */
export const STATIC_KINDS = ["partenaires", "activites"] as const satisfies readonly ChartKind[];
export type StaticKind = (typeof STATIC_KINDS)[number];

/** One territory's pre-rendered charts: the serialised <figure>, by kind. */
export type StaticCharts = Partial<Record<StaticKind, string>>;

export function isStaticKind(kind: ChartKind): kind is StaticKind {
  return (STATIC_KINDS as readonly string[]).includes(kind);
}

/** The id of the block holding a static chart: one chart of each kind per page. */
export const staticChartId = (kind: StaticKind): string => `prerendered-${kind}`;

/** Folder of the current build's static charts, one `<territory id>.json` each. */
export function staticChartsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), "site", "charts");
}

/**
 * A territory's static charts, or none when the prepare step has not made
 * them (the page then shows its charts once DuckDB-WASM has drawn them).
 */
export async function loadStaticCharts(id: string, env: NodeJS.ProcessEnv = process.env): Promise<StaticCharts> {
  try {
    return JSON.parse(await readFile(join(staticChartsDir(env), `${id}.json`), "utf8")) as StaticCharts;
  } catch {
    process.stderr.write(`[fiches] ${id} : pas de graphiques statiques (lancer npm run prepare:data)\n`);
    return {};
  }
}

/**
 * The static chart as an HTML block of the page's Markdown, or "" when there
 * is none. `markup` comes from DOM serialisation (prerender.ts): labels in it
 * are escaped, and it holds no blank line that would end the HTML block.
 */
export function staticChartBlock(kind: StaticKind, charts: StaticCharts): string {
  const markup = charts[kind];
  return markup ? `<div class="prerendered-chart" id="${staticChartId(kind)}">${markup}</div>\n\n` : "";
}
