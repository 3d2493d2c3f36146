/**
 * Opens a factsheet's data in the page's DuckDB-WASM: the annual slices
 * (stacked as one `slice` view), the quarterly slices (one `quarterly` view)
 * and the product and country labels. Returns the `run` function the query
 * modules (queries.ts, trends.ts, indicators.ts) expect.
 */
import {query, registerParquet} from "./duckdb.js";
import {stackSlices} from "../queries/queries.js";
import {type Run} from "../data/run.js";
import {stackQuarterly} from "./trends.js";

export interface FactsheetSources {
  /** URLs of the annual slices the page shows (the territory's, then its région's and France's). */
  slices: string[];
  /** URLs of the quarterly slices (the territory's). */
  quarterly: string[];
  products: string;
  countries: string;
}

/** The tables the annual slices are registered as, which `slice` stacks (stackSlices). */
export const sliceTableNames = (sources: FactsheetSources) => sources.slices.map((_, i) => `slice_${i}`);

export async function openFactsheetData(sources: FactsheetSources): Promise<Run> {
  const sliceTables = sliceTableNames(sources);
  const quarterlyTables = sources.quarterly.map((_, i) => `quarterly_${i}`);
  await Promise.all([
    ...sources.slices.map((href, i) => registerParquet(sliceTables[i], href)),
    ...sources.quarterly.map((href, i) => registerParquet(quarterlyTables[i], href)),
    registerParquet("products", sources.products),
    registerParquet("countries", sources.countries)
  ]);
  const run: Run = <T>(sql: string, params: unknown[]) => query<T>(sql, params);
  await stackSlices(run, sliceTables);
  if (quarterlyTables.length) await stackQuarterly(run, quarterlyTables);
  return run;
}
