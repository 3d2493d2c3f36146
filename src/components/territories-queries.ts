/**
 * DuckDB-WASM queries over the territories label table (dept, dept_name,
 * region, region_name), shared by the pages. Pages call registerTerritories()
 * with the file's URL: FileAttachment must be resolved in the page, relative to it.
 */
import {query, registerParquet} from "./duckdb.js";
import type {RegionCount} from "./departements-per-region-chart.js";
import type {DepartementRow} from "./departements-table.js";

export function registerTerritories(url: string): Promise<void> {
  return registerParquet("territories", url);
}

export function departementsPerRegion(): Promise<RegionCount[]> {
  return query<RegionCount>(`
    SELECT region, region_name, count(*) AS departements
    FROM territories GROUP BY region, region_name ORDER BY departements DESC, region_name`);
}

export function allDepartements(): Promise<DepartementRow[]> {
  return query<DepartementRow>("SELECT dept, dept_name FROM territories ORDER BY dept");
}

export async function regionOfDepartement(dept: string): Promise<{region: string; region_name: string}> {
  const [row] = await query<{region: string; region_name: string}>(
    "SELECT region, region_name FROM territories WHERE dept = ?",
    [dept]
  );
  if (!row) throw new Error(`Département inconnu : « ${dept} ».`);
  return row;
}

export function departementsOfRegion(region: string): Promise<DepartementRow[]> {
  return query<DepartementRow>("SELECT dept, dept_name FROM territories WHERE region = ? ORDER BY dept", [region]);
}
