/**
 * Reconciliation: the crossed Pays × Produits files, summed over countries
 * (resp. products), against the products-only (resp. countries-only) files,
 * cell by cell (flow, département, quarter, code), over the quarters and
 * départements both hold. Differences are reported, never corrected: the
 * customs may hide confidential cells differently in each file.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {KIND_CODES} from "./staging.js";

export interface ReconciliationDifference {
  flow: string;
  dept: string;
  period: string;
  code: string;
  crossed: number;
  other: number;
  difference: number;
}

export interface ReconciliationSide {
  /** False when the source has no such file: nothing to compare. */
  available: boolean;
  cellsCompared: number;
  cellsDifferent: number;
  crossedTotal: number;
  otherTotal: number;
  largest: ReconciliationDifference[];
}

export interface Reconciliation {
  toleranceEur: number;
  /** Crossed files summed over countries vs products-only files. */
  products: ReconciliationSide;
  /** Crossed files summed over products vs countries-only files. */
  countries: ReconciliationSide;
}

const TOLERANCE_EUR = 0.5;

async function reconcileSide(connection: DuckDBConnection, table: string, against: "products" | "countries"): Promise<ReconciliationSide> {
  const kind = KIND_CODES[against];
  const code = against === "products" ? "product" : "country";
  await connection.run(`CREATE TEMP TABLE recon AS
    WITH scope AS (
      SELECT DISTINCT flow, dept, year, quarter FROM ${table} WHERE kind = 0
      INTERSECT SELECT DISTINCT flow, dept, year, quarter FROM ${table} WHERE kind = ${kind}),
    c AS (SELECT flow, dept, year, quarter, ${code} AS code, sum(value_eur) AS v FROM ${table} WHERE kind = 0 GROUP BY ALL),
    o AS (SELECT flow, dept, year, quarter, ${code} AS code, sum(value_eur) AS v FROM ${table} WHERE kind = ${kind} GROUP BY ALL),
    j AS (SELECT flow, dept, year, quarter, code, coalesce(c.v, 0) AS crossed, coalesce(o.v, 0) AS other
          FROM c FULL OUTER JOIN o USING (flow, dept, year, quarter, code))
    SELECT * FROM j SEMI JOIN scope USING (flow, dept, year, quarter)`);
  try {
    const [summary] = (await connection.runAndReadAll(`SELECT count(*)::DOUBLE, count(*) FILTER (abs(crossed - other) > ${TOLERANCE_EUR})::DOUBLE,
      coalesce(sum(crossed), 0), coalesce(sum(other), 0) FROM recon`)).getRows() as number[][];
    const largest = (await connection.runAndReadAll(`SELECT flow, dept, year || 'T' || quarter, code, crossed, other, crossed - other AS d
      FROM recon WHERE abs(crossed - other) > ${TOLERANCE_EUR} ORDER BY abs(d) DESC, flow, dept, 3, code LIMIT 10`)).getRows();
    const available = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${table} WHERE kind = ${kind}`)).getRows()[0][0]) > 0;
    return {
      available,
      cellsCompared: Number(summary[0]),
      cellsDifferent: Number(summary[1]),
      crossedTotal: Number(summary[2]),
      otherTotal: Number(summary[3]),
      largest: largest.map(([flow, dept, period, code, crossed, other, difference]) => ({
        flow: String(flow), dept: String(dept), period: String(period), code: String(code),
        crossed: Number(crossed), other: Number(other), difference: Number(difference)
      }))
    };
  } finally {
    await connection.run("DROP TABLE recon");
  }
}

/** `table` has the staging columns (kind, flow, dept, year, quarter, product, country, value_eur), duplicates removed. */
export async function reconcile(connection: DuckDBConnection, table: string): Promise<Reconciliation> {
  return {
    toleranceEur: TOLERANCE_EUR,
    products: await reconcileSide(connection, table, "products"),
    countries: await reconcileSide(connection, table, "countries")
  };
}
