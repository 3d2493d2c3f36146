/**
 * Totals recomputed independently from the canonical table the site
 * publishes (dist/_file/data/trade.<hash>.parquet), with @duckdb/node-api:
 * what the browser tests compare the built pages with.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

const DIST = "dist";

export function publishedTrade(): string {
  const folder = join(DIST, "_file", "data");
  const file = readdirSync(folder).find((name) => /^trade\.[0-9a-f]+\.parquet$/.test(name));
  if (!file) throw new Error(`trade.parquet introuvable dans ${folder} : la page Données doit le publier.`);
  return join(folder, file);
}

/** Each département code's total per flow for the year shown (the last complete one), keyed "10/export". */
export async function deptTotals(): Promise<Map<string, number>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `WITH shown AS (SELECT max(year) AS year FROM (SELECT year FROM read_parquet($1) GROUP BY year HAVING count(DISTINCT quarter) = 4))
       SELECT dept, flow, sum(value_eur) AS value FROM read_parquet($1) WHERE year = (SELECT year FROM shown) GROUP BY dept, flow`,
      [publishedTrade()]
    );
    const map = new Map<string, number>();
    for (const row of reader.getRowObjectsJS() as {dept: string; flow: string; value: number}[]) map.set(`${row.dept}/${row.flow}`, row.value);
    return map;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
