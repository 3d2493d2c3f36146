/**
 * How each chart of chart-kinds.ts is fed and drawn: the query, then the
 * component. The factsheet pages (src/factsheet/page.ts) and the chart-only
 * embed view (src/integrer.md.ts) both draw through this table, so an
 * embedded chart is the page's chart, never a second version of it.
 */
import {changeChart} from "./change-chart.js";
import type {ChartKind} from "./chart-kinds.js";
import {partnerBalanceChart} from "./partner-balance.js";
import {productsByFlow, sankeyLinks, topPartners, type Run} from "./queries.js";
import {flowSankey} from "./sankey.js";
import {trendChart} from "./trend-chart.js";
import {activityTreemap} from "./treemap.js";
import {quarterlyTotals} from "./trends.js";

export interface DrawOptions {
  width: number;
  title: string;
  document?: Document;
}

interface ChartSpec<Row> {
  load(run: Run, territory: string, year: number): Promise<Row[]>;
  draw(rows: readonly Row[], options: DrawOptions): HTMLElement;
}

/** Ties a spec's row type to itself, so that load and draw agree. */
const spec = <Row>(chart: ChartSpec<Row>) => chart;

export const CHARTS = {
  partenaires: spec({
    load: (run, territory, year) => topPartners(run, {territory, year, n: 10}),
    draw: partnerBalanceChart
  }),
  activites: spec({
    load: (run, territory, year) => productsByFlow(run, {territory, year, n: 30}),
    draw: activityTreemap
  }),
  exportations: spec({
    load: (run, territory, year) => sankeyLinks(run, {territory, year, flow: "export", n: 10}),
    draw: (links, options) => flowSankey(links, {...options, flow: "export"})
  }),
  importations: spec({
    load: (run, territory, year) => sankeyLinks(run, {territory, year, flow: "import", n: 10}),
    draw: (links, options) => flowSankey(links, {...options, flow: "import"})
  }),
  tendance: spec({
    load: (run, territory) => quarterlyTotals(run, {territory}),
    draw: trendChart
  }),
  evolution: spec({
    load: (run, territory) => quarterlyTotals(run, {territory}),
    draw: changeChart
  })
} satisfies Record<ChartKind, unknown>;

/**
 * Loads one chart's rows and returns how to draw them, for a view that picks
 * the chart at run time (the embed view); resize redraws without reloading.
 */
export async function loadChart(kind: ChartKind, run: Run, territory: string, year: number) {
  const chart = CHARTS[kind] as ChartSpec<unknown>;
  const rows = await chart.load(run, territory, year);
  return (options: DrawOptions) => chart.draw(rows, options);
}
