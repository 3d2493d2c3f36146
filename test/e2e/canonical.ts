/**
 * Independent recomputations for the browser tests: sums straight from the
 * canonical table dist/ publishes (trade.parquet), by DuckDB in Node, never
 * through the site's own queries.
 */
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

/** The published canonical table. */
export function publishedTrade(dist = "dist"): string {
  const folder = join(dist, "_file", "data");
  const file = readdirSync(folder).find((name) => /^trade\.[0-9a-f]+\.parquet$/.test(name));
  if (!file) throw new Error(`Pas de trade.<hash>.parquet dans ${folder} : lancez \`npm run build\`.`);
  return join(folder, file);
}

/** The value of a flow in a year, for the rows of `depts` (département codes as the table holds them), or every row (France) without them. */
export async function canonicalTotal({depts, flow, year}: {depts?: readonly string[]; flow: "export" | "import"; year: number}): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    // The codes as one bound string, split in SQL: no value is pasted into the statement.
    const reader = await connection.runAndReadAll(
      `SELECT COALESCE(sum(value_eur), 0) AS value FROM read_parquet($1) WHERE flow = $2 AND year = $3${depts ? " AND list_contains(string_split($4, ','), dept)" : ""}`,
      depts ? [publishedTrade(), flow, year, depts.join(",")] : [publishedTrade(), flow, year]
    );
    return Number((reader.getRowObjectsJS()[0] as {value: number}).value);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
