/**
 * The factsheet's query layer: DuckDB SQL over the per-territory slices.
 *
 * The same functions run in the page (DuckDB-WASM) and at build time or in
 * tests (@duckdb/node-api): they receive a `run` function instead of importing
 * an engine. Tables they expect:
 *   slice(territory, year, flow, product, country, value_eur, mass_kg) — one
 *     or several slices stacked in one table, every query filters on
 *     `territory = $1`; `product` is the A129 level, `mass_kg` NULL where the
 *     source has no masses;
 *   products(code, name), countries(code, name) — labels; a missing label
 *     falls back to the code.
 *
 * Every value from the caller is bound as a parameter. Results are cast in SQL
 * to DOUBLE/INTEGER/VARCHAR and passed through Number()/String() so both
 * engines return the same plain JS rows (no BigInt, no Arrow vectors).
 */
import {FRANCE_ID, type Flow, type ProductLevel} from "../data/canonical.js";
import type {Run} from "../data/run.js";

/**
 * Code and labels of the "everything else" bucket in top-N lists: named for
 * what it holds, so that it is never mistaken for a product whose name starts
 * with "Autres" (« Autres produits alimentaires »).
 */
export const OTHERS_CODE = "_AUTRES";
export const OTHERS_NAMES = {product: "Autres produits", country: "Autres pays"} as const;
export const FLOWS: readonly Flow[] = ["export", "import"];

/**
 * Ranking key that puts an "_AUTRES" row last: slices may be pre-bucketed at
 * build time (see src/data/slices.ts, reduced slices) and must then rank as
 * the full data would.
 */
const LAST_IF_OTHERS = (column: string) => `(${column} = '${OTHERS_CODE}')`;

/** Labels joined with one row per code, so a duplicated label cannot duplicate facts. */
export const LABELS = (table: "products" | "countries") => `(SELECT code, min(name) AS name FROM ${table} GROUP BY code)`;

/** Flow and count are checked (they shape the SQL); every other value is a bound parameter. Shared by trends.ts and indicators.ts. */
export function checkFlow(flow: string): Flow {
  if (flow !== "export" && flow !== "import") throw new Error(`Flux inconnu : « ${flow} » (attendu : export ou import)`);
  return flow;
}

export function checkCount(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Nombre d'éléments invalide : ${n} (entier ≥ 1 attendu)`);
  return n;
}

/** A plain JS number from either engine's value (null as 0). */
export const num = (value: unknown): number => Number(value ?? 0);

// ---------------------------------------------------------------------------
// Registration

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A view over tables a page registered separately: its name, what it reads of each, the error when there is none. */
export interface StackedView {
  name: string;
  /** The SELECT list read from every table, casting so that all give the same types. */
  columns: string;
  /** The message when no table is given. */
  empty: string;
}

/**
 * Makes `view` the UNION ALL of `tables`. Table names cannot be bound as
 * parameters: they are checked against a strict pattern instead, and none may
 * be the view itself.
 */
export async function stackTables(run: Run, view: StackedView, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) throw new Error(view.empty);
  const bad = tables.find((name) => !TABLE_NAME.test(name) || name.toLowerCase() === view.name);
  if (bad !== undefined) throw new Error(`Nom de table invalide : « ${bad} ».`);
  const union = tables.map((name) => `SELECT ${view.columns} FROM ${name}`).join(" UNION ALL ");
  await run(`CREATE OR REPLACE VIEW ${view.name} AS ${union}`, []);
}

/** The product level of the `product` column the queries group by: A129 (the slices' `product`) or CPF4 (their `cpf4`). */

function sliceView(level: ProductLevel): StackedView {
  if (level !== "a129" && level !== "cpf4") throw new Error(`Niveau de produit inconnu : « ${String(level)} » (attendu : a129 ou cpf4)`);
  return {
    name: "slice",
    columns:
      `territory, CAST(year AS SMALLINT) AS year, flow, ${level === "cpf4" ? "cpf4" : "product"} AS product, product AS a129, cpf4, country, ` +
      "CAST(value_eur AS DOUBLE) AS value_eur, CAST(mass_kg AS DOUBLE) AS mass_kg",
    empty: "Aucune table de tranche à réunir."
  };
}

/**
 * Makes the view `slice` over several slice tables a page registered
 * separately (e.g. "slice_0", "slice_1" loaded from D10.parquet, R44.parquet,
 * FR.parquet), its `product` at the A129 level (default) or CPF4; `a129`
 * keeps the activity of every row.
 */
export async function stackSlices(run: Run, tables: readonly string[], level: ProductLevel = "a129"): Promise<void> {
  await stackTables(run, sliceView(level), tables);
}

/** A product's detail one level down: the CPF4 products of one A129 activity, for a flow. */
export async function productDetail(
  run: Run,
  {territory, year, flow, a129}: {territory: string; year: number; flow: Flow; a129: string}
): Promise<TopRow[]> {
  const rows = await run<{code: string; name: string; value: unknown; share: unknown; rank: unknown}>(
    `WITH totals AS (
       SELECT cpf4 AS code, SUM(value_eur) AS value FROM slice
       WHERE territory = $1 AND year = $2 AND flow = $3 AND a129 = $4 GROUP BY cpf4
     )
     SELECT CAST(row_number() OVER (ORDER BY t.value DESC, t.code) AS INTEGER) AS rank, t.code, COALESCE(l.name, t.code) AS name,
       CAST(t.value AS DOUBLE) AS value, CAST(t.value / NULLIF(SUM(t.value) OVER (), 0) AS DOUBLE) AS share
     FROM totals AS t LEFT JOIN ${LABELS("products")} AS l ON l.code = t.code
     ORDER BY rank`,
    [territory, year, checkFlow(flow), a129]
  );
  return rows.map((row) => ({rank: num(row.rank), code: String(row.code), name: String(row.name), value: num(row.value), share: num(row.share)}));
}

// ---------------------------------------------------------------------------
// Years

/** The years present in the loaded slices (complete years only, by construction), ascending. */
export async function availableYears(run: Run, territory?: string): Promise<number[]> {
  const rows = await run<{year: unknown}>(
    `SELECT DISTINCT CAST(year AS INTEGER) AS year FROM slice
     WHERE $1 = '' OR territory = $1 ORDER BY year`,
    [territory ?? ""]
  );
  return rows.map((row) => num(row.year));
}

// ---------------------------------------------------------------------------
// Key figures

export interface FlowFigures {
  /** The territory's total for the flow, in euros. */
  total: number;
  /** Its région's total (null for a région or France page). */
  regionTotal: number | null;
  franceTotal: number;
  /** total / regionTotal (null when there is no région or its total is zero). */
  regionShare: number | null;
  /** total / franceTotal (null when France's total is zero). */
  franceShare: number | null;
  /** The territory's mass for the flow, in kg (null when the source has no masses). */
  massKg: number | null;
}

export interface KeyFigures {
  export: FlowFigures;
  import: FlowFigures;
  /** Exports − imports of the territory, in euros. */
  balance: number;
}

/**
 * Totals of the territory, its région and France for both flows. The page must
 * have loaded the three slices (e.g. D10, R44 and FR); `region` is the région's
 * territory id ("R44"), omitted for a région or France.
 */
export async function keyFigures(
  run: Run,
  {territory, region, year}: {territory: string; region?: string | null; year: number}
): Promise<KeyFigures> {
  const rows = await run<{flow: string; total: unknown; mass: unknown; region_total: unknown; france_total: unknown}>(
    `SELECT f.flow,
       CAST(COALESCE(SUM(s.value_eur) FILTER (WHERE s.territory = $1), 0) AS DOUBLE) AS total,
       CAST(SUM(s.mass_kg) FILTER (WHERE s.territory = $1) AS DOUBLE) AS mass,
       CAST(COALESCE(SUM(s.value_eur) FILTER (WHERE s.territory = $3), 0) AS DOUBLE) AS region_total,
       CAST(COALESCE(SUM(s.value_eur) FILTER (WHERE s.territory = $4), 0) AS DOUBLE) AS france_total
     FROM (VALUES ('export'), ('import')) AS f(flow)
     LEFT JOIN slice AS s ON s.flow = f.flow AND s.year = $2 AND s.territory IN ($1, $3, $4)
     GROUP BY f.flow`,
    // '' matches no territory: a région or France page has no région above it.
    [territory, year, region ?? "", FRANCE_ID]
  );
  const byFlow = new Map(rows.map((row) => [row.flow, row]));
  const figures = (flow: Flow): FlowFigures => {
    const row = byFlow.get(flow);
    const total = num(row?.total);
    const regionTotal = region ? num(row?.region_total) : null;
    const franceTotal = num(row?.france_total);
    return {
      total,
      regionTotal,
      franceTotal,
      regionShare: regionTotal ? total / regionTotal : null,
      franceShare: franceTotal ? total / franceTotal : null,
      massKg: row?.mass === null || row?.mass === undefined ? null : num(row.mass)
    };
  };
  const exports = figures("export");
  const imports = figures("import");
  return {export: exports, import: imports, balance: exports.total - imports.total};
}

// ---------------------------------------------------------------------------
// A région by département

export interface TerritoryTotals {
  /** Territory id: "D10". */
  territory: string;
  /** Euros. */
  exports: number;
  imports: number;
}

/**
 * Exports and imports of each of `territories` (ids, e.g. a région's
 * départements) for a year, in the order given; a territory without rows
 * counts 0. The ids travel as one bound string (no list parameters: both
 * engines bind them alike).
 */
export async function territoryTotals(run: Run, {territories, year}: {territories: readonly string[]; year: number}): Promise<TerritoryTotals[]> {
  const bad = territories.find((id) => !/^[A-Z]+[0-9A-Z]*$/.test(id));
  if (bad !== undefined) throw new Error(`Identifiant de territoire invalide : « ${bad} ».`);
  if (territories.length === 0) return [];
  const rows = await run<{territory: string; exports: unknown; imports: unknown}>(
    `SELECT territory,
       CAST(COALESCE(SUM(value_eur) FILTER (WHERE flow = 'export'), 0) AS DOUBLE) AS exports,
       CAST(COALESCE(SUM(value_eur) FILTER (WHERE flow = 'import'), 0) AS DOUBLE) AS imports
     FROM slice WHERE year = $1 AND list_contains(string_split($2, ','), territory)
     GROUP BY territory`,
    [year, territories.join(",")]
  );
  const byId = new Map(rows.map((row) => [String(row.territory), row]));
  return territories.map((territory) => ({territory, exports: num(byId.get(territory)?.exports), imports: num(byId.get(territory)?.imports)}));
}

// ---------------------------------------------------------------------------
// Partners

export interface PartnerRow {
  country: string;
  countryName: string;
  exports: number;
  imports: number;
  /** exports − imports */
  balance: number;
}

/**
 * The leading partners: the union of the top n countries by exports and the
 * top n by imports (ties broken by code), ordered by exports + imports.
 */
export async function topPartners(
  run: Run,
  {territory, year, n = 10}: {territory: string; year: number; n?: number}
): Promise<PartnerRow[]> {
  const rows = await run<{country: string; countryName: string; exports: unknown; imports: unknown}>(
    `WITH by_country AS (
       SELECT country,
         COALESCE(SUM(value_eur) FILTER (WHERE flow = 'export'), 0) AS exports,
         COALESCE(SUM(value_eur) FILTER (WHERE flow = 'import'), 0) AS imports
       FROM slice WHERE territory = $1 AND year = $2
       GROUP BY country
     ), ranked AS (
       SELECT *,
         row_number() OVER (ORDER BY ${LAST_IF_OTHERS("country")}, exports DESC, country) AS export_rank,
         row_number() OVER (ORDER BY ${LAST_IF_OTHERS("country")}, imports DESC, country) AS import_rank
       FROM by_country
     )
     SELECT r.country, COALESCE(c.name, r.country) AS "countryName",
       CAST(r.exports AS DOUBLE) AS exports, CAST(r.imports AS DOUBLE) AS imports
     FROM ranked AS r LEFT JOIN ${LABELS("countries")} AS c ON c.code = r.country
     WHERE (r.export_rank <= $3 AND r.exports > 0) OR (r.import_rank <= $3 AND r.imports > 0)
     ORDER BY r.exports + r.imports DESC, r.country`,
    [territory, year, checkCount(n)]
  );
  return rows.map((row) => {
    const exports = num(row.exports);
    const imports = num(row.imports);
    return {country: String(row.country), countryName: String(row.countryName), exports, imports, balance: exports - imports};
  });
}

// ---------------------------------------------------------------------------
// Top products / countries of one flow

export interface TopRow {
  /** 1 for the largest. */
  rank: number;
  code: string;
  name: string;
  /** Euros. */
  value: number;
  /** value / the territory's total for the flow. */
  share: number;
}

type Dimension = "product" | "country";

/** Top n codes of one dimension for a flow, with their share of the flow total; no "Autres" row. */
async function topOf(
  run: Run,
  dimension: Dimension,
  {territory, year, flow, n = 10}: {territory: string; year: number; flow: Flow; n?: number}
): Promise<TopRow[]> {
  const labels = LABELS(dimension === "product" ? "products" : "countries");
  const rows = await run<{rank: unknown; code: string; name: string; value: unknown; share: unknown}>(
    `WITH totals AS (
       SELECT ${dimension} AS code, SUM(value_eur) AS value
       FROM slice WHERE territory = $1 AND year = $2 AND flow = $3
       GROUP BY ${dimension}
     ), ranked AS (
       SELECT *, row_number() OVER (ORDER BY ${LAST_IF_OTHERS("code")}, value DESC, code) AS rank,
         SUM(value) OVER () AS flow_total
       FROM totals
     )
     SELECT CAST(r.rank AS INTEGER) AS rank, r.code,
       CASE WHEN r.code = '${OTHERS_CODE}' THEN '${OTHERS_NAMES[dimension]}' ELSE COALESCE(l.name, r.code) END AS name,
       CAST(r.value AS DOUBLE) AS value,
       CAST(CASE WHEN r.flow_total = 0 THEN 0 ELSE r.value / r.flow_total END AS DOUBLE) AS share
     FROM ranked AS r LEFT JOIN ${labels} AS l ON l.code = r.code
     WHERE r.rank <= $4
     ORDER BY r.rank`,
    [territory, year, checkFlow(flow), checkCount(n)]
  );
  return rows.map((row) => ({
    rank: num(row.rank),
    code: String(row.code),
    name: String(row.name),
    value: num(row.value),
    share: num(row.share)
  }));
}

export function topProducts(run: Run, options: {territory: string; year: number; flow: Flow; n?: number}): Promise<TopRow[]> {
  return topOf(run, "product", options);
}

export function topCountries(run: Run, options: {territory: string; year: number; flow: Flow; n?: number}): Promise<TopRow[]> {
  return topOf(run, "country", options);
}

// ---------------------------------------------------------------------------
// Treemap

export interface ProductFlowRow {
  flow: Flow;
  product: string;
  productName: string;
  /** Euros. */
  value: number;
  /** value / the territory's total for this flow. */
  share: number;
  /** Kilograms (null when the source has no masses). */
  massKg: number | null;
}

/**
 * Products of both flows for the treemap: the top n products of each flow
 * (default 30, ties by code) and one "Autres" cell per flow holding the rest,
 * so cells stay legible and each flow's cells still sum to its total.
 * Ordered by flow (export first), then value descending with "Autres" last.
 */
export async function productsByFlow(
  run: Run,
  {territory, year, n = 30}: {territory: string; year: number; n?: number}
): Promise<ProductFlowRow[]> {
  const rows = await run<{flow: Flow; product: string; productName: string; value: unknown; share: unknown; mass: unknown}>(
    `WITH totals AS (
       SELECT flow, product, SUM(value_eur) AS value, SUM(mass_kg) AS mass
       FROM slice WHERE territory = $1 AND year = $2
       GROUP BY flow, product
     ), ranked AS (
       SELECT *, row_number() OVER (PARTITION BY flow ORDER BY ${LAST_IF_OTHERS("product")}, value DESC, product) AS rank,
         SUM(value) OVER (PARTITION BY flow) AS flow_total
       FROM totals
     ), bucketed AS (
       SELECT flow, CASE WHEN rank <= $3 THEN product ELSE '${OTHERS_CODE}' END AS product,
         SUM(value) AS value, SUM(mass) AS mass, any_value(flow_total) AS flow_total
       FROM ranked GROUP BY ALL
     )
     SELECT b.flow, b.product,
       CASE WHEN b.product = '${OTHERS_CODE}' THEN '${OTHERS_NAMES.product}' ELSE COALESCE(p.name, b.product) END AS "productName",
       CAST(b.value AS DOUBLE) AS value, CAST(b.mass AS DOUBLE) AS mass,
       CAST(CASE WHEN b.flow_total = 0 THEN 0 ELSE b.value / b.flow_total END AS DOUBLE) AS share
     FROM bucketed AS b LEFT JOIN ${LABELS("products")} AS p ON p.code = b.product
     ORDER BY b.flow, b.product = '${OTHERS_CODE}', b.value DESC, b.product`,
    [territory, year, checkCount(n)]
  );
  return rows.map((row) => ({
    flow: checkFlow(row.flow),
    product: String(row.product),
    productName: String(row.productName),
    value: num(row.value),
    share: num(row.share),
    massKg: row.mass === null || row.mass === undefined ? null : num(row.mass)
  }));
}

// ---------------------------------------------------------------------------
// Sankey

export interface SankeyLink {
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  /** Euros. */
  value: number;
}

/**
 * Links of the flow Sankey: the top n products and top n countries by the
 * territory's flow total (ties by code); everything else goes to "_AUTRES" on
 * its side, then links are summed. Export links go product → country, import
 * links country → product. Note that "_AUTRES" may appear on both sides: the
 * drawing must key nodes by side. Links whose sum is not positive are dropped
 * (a Sankey cannot draw them). Ordered by value descending.
 */
export async function sankeyLinks(
  run: Run,
  {territory, year, flow, n = 10}: {territory: string; year: number; flow: Flow; n?: number}
): Promise<SankeyLink[]> {
  const rows = await run<{product: string; productName: string; country: string; countryName: string; value: unknown}>(
    `WITH base AS (
       SELECT product, country, value_eur AS value
       FROM slice WHERE territory = $1 AND year = $2 AND flow = $3
     ), product_rank AS (
       SELECT product, row_number() OVER (ORDER BY ${LAST_IF_OTHERS("product")}, SUM(value) DESC, product) AS rank FROM base GROUP BY product
     ), country_rank AS (
       SELECT country, row_number() OVER (ORDER BY ${LAST_IF_OTHERS("country")}, SUM(value) DESC, country) AS rank FROM base GROUP BY country
     ), bucketed AS (
       SELECT
         CASE WHEN pr.rank <= $4 THEN b.product ELSE '${OTHERS_CODE}' END AS product,
         CASE WHEN cr.rank <= $4 THEN b.country ELSE '${OTHERS_CODE}' END AS country,
         SUM(b.value) AS value
       FROM base AS b
       JOIN product_rank AS pr USING (product)
       JOIN country_rank AS cr USING (country)
       GROUP BY ALL
       HAVING SUM(b.value) > 0
     )
     SELECT b.product,
       CASE WHEN b.product = '${OTHERS_CODE}' THEN '${OTHERS_NAMES.product}' ELSE COALESCE(p.name, b.product) END AS "productName",
       b.country,
       CASE WHEN b.country = '${OTHERS_CODE}' THEN '${OTHERS_NAMES.country}' ELSE COALESCE(c.name, b.country) END AS "countryName",
       CAST(b.value AS DOUBLE) AS value
     FROM bucketed AS b
     LEFT JOIN ${LABELS("products")} AS p ON p.code = b.product
     LEFT JOIN ${LABELS("countries")} AS c ON c.code = b.country
     ORDER BY b.value DESC, b.product, b.country`,
    [territory, year, checkFlow(flow), checkCount(n)]
  );
  return rows.map((row) => {
    const product = {code: String(row.product), name: String(row.productName)};
    const country = {code: String(row.country), name: String(row.countryName)};
    const [source, target] = flow === "export" ? [product, country] : [country, product];
    return {source: source.code, sourceName: source.name, target: target.code, targetName: target.name, value: num(row.value)};
  });
}
