/**
 * The comparison page's live part: loaded by the first pair a reader asks
 * for that the HTML does not hold (./comparison-enhance.ts), never before.
 * It opens the two territories' slices and the overview in DuckDB-WASM and
 * draws the key figures and each side's views again with the queries and
 * components the build used (./explorer-comparison.ts, ./factsheet-views.ts),
 * in the places the HTML already has.
 */
import type {ComparisonConfig, ComparisonSources} from "./comparison-enhance.js";
import type {Pair} from "./comparison-pair.js";
import {query, registerParquet} from "./duckdb.js";
import {comparisonCaption, comparisonFigures, comparisonTable} from "./explorer-comparison.js";
import {fillSlot} from "./factsheet-live.js";
import {isViewKind} from "./chart-kinds.js";
import {drawView} from "./factsheet-views.js";
import {stackSlices} from "../queries/queries.js";
import {type Run} from "../data/run.js";
import {defaultState} from "./view-state.js";

const run: Run = <T>(sql: string, params: unknown[]) => query<T>(sql, params);

let tables: Promise<void> | undefined;
/** The tables every pair reads, loaded once. */
const openTables = (sources: ComparisonSources) =>
  (tables ??= Promise.all([
    registerParquet("overview", sources.overview),
    registerParquet("products", sources.products),
    registerParquet("countries", sources.countries)
  ]).then(() => undefined));

/** Draws `pair` in place: the key-figures table, then each side's heading and views. */
export async function showPair(config: ComparisonConfig, sources: ComparisonSources, pair: Pair, doc: Document = document): Promise<void> {
  const ids = [...new Set([pair.a, pair.b])];
  await Promise.all([openTables(sources), ...ids.map((id) => registerParquet(`slice_${id}`, sources.slices[id]))]);
  await stackSlices(run, ids.map((id) => `slice_${id}`));
  const figures = await comparisonFigures(run, {year: config.year, pair});
  const state = defaultState(config.year);
  for (const key of ["a", "b"] as const) {
    const territory = config.territories[pair[key]];
    for (const side of doc.querySelectorAll<HTMLElement>(`.comparison-side[data-side="${key}"]`)) {
      const link = side.querySelector<HTMLAnchorElement>(".comparison-side-heading a");
      if (link) {
        link.textContent = territory.place;
        link.href = territory.href;
      }
      const slot = side.querySelector<HTMLElement>(".view[data-view]");
      const kind = slot?.dataset.view ?? "";
      if (!slot || !isViewKind(kind)) continue;
      slot.dataset.territory = territory.id;
      fillSlot(slot, await drawView(kind, run, territory, state, {document: doc, fileStem: territory.fileStem}));
    }
  }
  const caption = comparisonCaption(config.territories[pair.a].place, config.territories[pair.b].place, config.year);
  doc.querySelector(".comparison-figures")?.replaceChildren(comparisonTable(figures, {caption, document: doc}));
}
