/**
 * Exposure and dependence indicators of a territory: DuckDB SQL over the
 * annual slices (`slice(territory, year, flow, product, country, value_eur)`,
 * see ./queries.ts), run through a `Run`, so the same functions answer in the
 * page (DuckDB-WASM) and in tests (@duckdb/node-api). Labels come from
 * products(code, name) and countries(code, name), falling back to the code.
 *
 * Each indicator is meant to be read against the national value: call the
 * same function with territory "FR" (France = every département, unallocated
 * trade included).
 */
import {checkCount, LABELS, num} from "../queries/queries.js";
import {FRANCE_ID, type Flow} from "../data/canonical.js";
import {type Run} from "../data/run.js";

/** Code of the United States in the customs' country list. */
export const UNITED_STATES = "US";

/**
 * Specialisation ignores products below this share of the territory's exports
 * (1 %): a tiny export line can show a huge, meaningless ratio.
 */
export const RCA_MIN_SHARE = 0.01;


// ---------------------------------------------------------------------------
// Exposure to one destination (the United States by default)

export interface ExposureProductRow {
  /** 1 for the product that sends the most to the country. */
  rank: number;
  code: string;
  name: string;
  /** Exports of this product to the country, euros. */
  value: number;
  /** value / all exports to the country: how much of the exposure this product carries. */
  share: number;
  /** value / all exports of this product: how exposed the product itself is. */
  productShare: number;
}

export interface CountryExposure {
  territory: string;
  year: number;
  country: string;
  countryName: string;
  /** All exports of the territory, euros. */
  total: number;
  /** Exports to the country, euros. */
  value: number;
  /** value / total, null when the territory exports nothing. */
  share: number | null;
  /** The top n products of the exports to the country (value > 0), ties by code. */
  products: ExposureProductRow[];
}

/**
 * Share of the territory's exports going to one country (the United States
 * unless told) and the products that carry it.
 */
export async function countryExposure(
  run: Run,
  {territory, year, country = UNITED_STATES, n = 5}: {territory: string; year: number; country?: string; n?: number}
): Promise<CountryExposure> {
  checkCount(n);
  const [totals] = await run<{total: unknown; value: unknown; name: unknown}>(
    `SELECT CAST(COALESCE(SUM(value_eur), 0) AS DOUBLE) AS total,
       CAST(COALESCE(SUM(value_eur) FILTER (WHERE country = $3), 0) AS DOUBLE) AS value,
       (SELECT name FROM ${LABELS("countries")} WHERE code = $3) AS name
     FROM slice WHERE territory = $1 AND year = $2 AND flow = 'export'`,
    [territory, year, country]
  );
  const rows = await run<{rank: unknown; code: string; name: string; value: unknown; share: unknown; product_share: unknown}>(
    `WITH by_product AS (
       SELECT product,
         SUM(value_eur) AS product_total,
         COALESCE(SUM(value_eur) FILTER (WHERE country = $3), 0) AS to_country
       FROM slice WHERE territory = $1 AND year = $2 AND flow = 'export'
       GROUP BY product
     ), ranked AS (
       SELECT *, row_number() OVER (ORDER BY to_country DESC, product) AS rank, SUM(to_country) OVER () AS country_total
       FROM by_product
     )
     SELECT CAST(r.rank AS INTEGER) AS rank, r.product AS code, COALESCE(p.name, r.product) AS name,
       CAST(r.to_country AS DOUBLE) AS value,
       CAST(r.to_country / r.country_total AS DOUBLE) AS share,
       CAST(r.to_country / r.product_total AS DOUBLE) AS product_share
     FROM ranked AS r LEFT JOIN ${LABELS("products")} AS p ON p.code = r.product
     WHERE r.rank <= $4 AND r.to_country > 0
     ORDER BY r.rank`,
    [territory, year, country, n]
  );
  const total = num(totals?.total);
  const value = num(totals?.value);
  return {
    territory,
    year,
    country,
    countryName: totals?.name == null ? country : String(totals.name),
    total,
    value,
    share: total > 0 ? value / total : null,
    products: rows.map((row) => ({
      rank: num(row.rank),
      code: String(row.code),
      name: String(row.name),
      value: num(row.value),
      share: num(row.share),
      productShare: num(row.product_share)
    }))
  };
}

// ---------------------------------------------------------------------------
// Concentration

export type Dimension = "country" | "product";

export interface ConcentrationRow {
  flow: Flow;
  /** Concentration across partner countries or across products. */
  dimension: Dimension;
  /** How many partners / products with a positive value. */
  count: number;
  /** The flow's total, euros. */
  total: number;
  /** Share of the three largest (0–1); null when the flow is empty. */
  top3Share: number | null;
  /**
   * Herfindahl–Hirschman index: the sum of the squared shares in percent,
   * from near 0 (spread over many) to 10 000 (a single one). Null when empty.
   */
  hhi: number | null;
}

/**
 * Partner and product concentration of both flows: top-3 share and HHI.
 * Rows in the order export/country, export/product, import/country,
 * import/product; a flow without trade gives nulls.
 */
export async function concentration(run: Run, {territory, year}: {territory: string; year: number}): Promise<ConcentrationRow[]> {
  const rows = await run<{flow: Flow; dimension: Dimension; count: unknown; total: unknown; top3: unknown; hhi: unknown}>(
    `WITH base AS (
       SELECT flow, product, country, value_eur FROM slice WHERE territory = $1 AND year = $2
     ), sums AS (
       SELECT flow, 'country' AS dimension, country AS code, SUM(value_eur) AS value FROM base GROUP BY flow, country
       UNION ALL
       SELECT flow, 'product', product, SUM(value_eur) FROM base GROUP BY flow, product
     ), shares AS (
       SELECT flow, dimension, value,
         value / SUM(value) OVER (PARTITION BY flow, dimension) AS share,
         row_number() OVER (PARTITION BY flow, dimension ORDER BY value DESC, code) AS rank
       FROM sums WHERE value > 0
     ), stats AS (
       SELECT flow, dimension, count(*) AS count, SUM(value) AS total,
         SUM(share) FILTER (WHERE rank <= 3) AS top3, SUM((100 * share) * (100 * share)) AS hhi
       FROM shares GROUP BY flow, dimension
     ), grid AS (
       SELECT * FROM (VALUES ('export', 'country', 1), ('export', 'product', 2), ('import', 'country', 3), ('import', 'product', 4))
         AS g(flow, dimension, position)
     )
     SELECT g.flow, g.dimension, CAST(COALESCE(s.count, 0) AS INTEGER) AS count, CAST(COALESCE(s.total, 0) AS DOUBLE) AS total,
       CAST(s.top3 AS DOUBLE) AS top3, CAST(s.hhi AS DOUBLE) AS hhi
     FROM grid AS g LEFT JOIN stats AS s USING (flow, dimension)
     ORDER BY g.position`,
    [territory, year]
  );
  return rows.map((row) => ({
    flow: row.flow,
    dimension: row.dimension,
    count: num(row.count),
    total: num(row.total),
    top3Share: row.top3 == null ? null : num(row.top3),
    hhi: row.hhi == null ? null : num(row.hhi)
  }));
}

/**
 * Thresholds of the HHI (0–10 000 scale) and where they come from: the 2023
 * Merger Guidelines of the US Department of Justice and Federal Trade
 * Commission, which call a market with an HHI below 1 000
 * unconcentrated, 1 000 to 1 800 moderately concentrated, above 1 800 highly
 * concentrated (the 2010 guidelines' 1 500 / 2 500 were lowered).
 */
export const HHI_THRESHOLDS = {moderate: 1000, high: 1800} as const;
export const HHI_SOURCE = "lignes directrices sur les concentrations du ministère de la Justice et de la Commission fédérale du commerce des États-Unis (DOJ/FTC, 2023)";

export type HhiLevel = "peu concentré" | "modérément concentré" | "fortement concentré";

/** The reading of an HHI with the 2023 DOJ/FTC thresholds (HHI_THRESHOLDS): 1 000 is already « modérément », 1 800 « modérément » still. */
export function hhiLevel(hhi: number): HhiLevel {
  return hhi < HHI_THRESHOLDS.moderate ? "peu concentré" : hhi <= HHI_THRESHOLDS.high ? "modérément concentré" : "fortement concentré";
}

// ---------------------------------------------------------------------------
// Specialisation (revealed comparative advantage)

export interface SpecialisationRow {
  /** 1 for the highest ratio. */
  rank: number;
  code: string;
  name: string;
  /** The territory's exports of the product, euros. */
  value: number;
  /** value / the territory's exports. */
  share: number;
  /** The product's share in the reference's (France's) exports. */
  referenceShare: number;
  /** share / referenceShare: above 1, the territory is more specialised in it than France. */
  rca: number;
}

/**
 * Revealed comparative advantage of the territory's exported products against
 * France (or `reference`): the top n ratios among the products weighing at
 * least `minShare` of the territory's exports (RCA_MIN_SHARE, 1 %), and only
 * ratios above 1 — a specialisation is a product the territory exports more
 * of than France does. Ties by value then code. The reference's slice must be
 * loaded too.
 */
export async function specialisation(
  run: Run,
  {
    territory,
    year,
    reference = FRANCE_ID,
    n = 10,
    minShare = RCA_MIN_SHARE
  }: {territory: string; year: number; reference?: string; n?: number; minShare?: number}
): Promise<SpecialisationRow[]> {
  checkCount(n);
  if (!(minShare >= 0 && minShare < 1)) throw new Error(`Seuil invalide : ${minShare} (part entre 0 et 1 attendue)`);
  const rows = await run<{rank: unknown; code: string; name: string; value: unknown; share: unknown; reference_share: unknown; rca: unknown}>(
    `WITH own AS (
       SELECT product, SUM(value_eur) AS value FROM slice
       WHERE territory = $1 AND year = $2 AND flow = 'export' GROUP BY product
     ), ref AS (
       SELECT product, SUM(value_eur) AS value FROM slice
       WHERE territory = $3 AND year = $2 AND flow = 'export' GROUP BY product
     ), shares AS (
       SELECT o.product, o.value, o.value / SUM(o.value) OVER () AS share,
         r.value / (SELECT SUM(value) FROM ref) AS reference_share
       FROM own AS o LEFT JOIN ref AS r USING (product)
       WHERE o.value > 0
     ), ranked AS (
       SELECT *, share / reference_share AS rca,
         row_number() OVER (ORDER BY share / reference_share DESC, value DESC, product) AS rank
       -- Above 1 by more than floating-point noise (France against itself gives 1 ± 1e-16).
       FROM shares WHERE share >= $4 AND reference_share > 0 AND share / reference_share > 1 + 1e-9
     )
     SELECT CAST(r.rank AS INTEGER) AS rank, r.product AS code, COALESCE(p.name, r.product) AS name,
       CAST(r.value AS DOUBLE) AS value, CAST(r.share AS DOUBLE) AS share,
       CAST(r.reference_share AS DOUBLE) AS reference_share, CAST(r.rca AS DOUBLE) AS rca
     FROM ranked AS r LEFT JOIN ${LABELS("products")} AS p ON p.code = r.product
     WHERE r.rank <= $5
     ORDER BY r.rank`,
    [territory, year, reference, minShare, n]
  );
  return rows.map((row) => ({
    rank: num(row.rank),
    code: String(row.code),
    name: String(row.name),
    value: num(row.value),
    share: num(row.share),
    referenceShare: num(row.reference_share),
    rca: num(row.rca)
  }));
}

// ---------------------------------------------------------------------------
// Import dependence

export interface DependenceRow {
  /** 1 for the largest imported product. */
  rank: number;
  product: string;
  productName: string;
  /** Imports of the product, euros. */
  value: number;
  /** value / the territory's imports. */
  share: number;
  /** The first origin country of the product (ties by code). */
  country: string;
  countryName: string;
  /** Imports of the product from that country, euros. */
  countryValue: number;
  /** countryValue / value. */
  countryShare: number;
}

export interface ImportDependence {
  territory: string;
  year: number;
  products: DependenceRow[];
  /**
   * Over the listed products, the share of their imports that comes from each
   * one's first origin (Σ countryValue / Σ value); null when nothing is imported.
   */
  weightedShare: number | null;
}

/** For the main n imported products (ties by code), the share that comes from the first origin country. */
export async function importDependence(
  run: Run,
  {territory, year, n = 10}: {territory: string; year: number; n?: number}
): Promise<ImportDependence> {
  checkCount(n);
  const rows = await run<{
    rank: unknown;
    product: string;
    productName: string;
    value: unknown;
    share: unknown;
    country: string;
    countryName: string;
    countryValue: unknown;
  }>(
    `WITH cells AS (
       SELECT product, country, SUM(value_eur) AS value FROM slice
       WHERE territory = $1 AND year = $2 AND flow = 'import' GROUP BY product, country
     ), product_totals AS (
       SELECT product, SUM(value) AS value FROM cells GROUP BY product
     ), ranked AS (
       SELECT *, row_number() OVER (ORDER BY value DESC, product) AS rank, SUM(value) OVER () AS total
       FROM product_totals
     ), first_origin AS (
       SELECT product, country, value,
         row_number() OVER (PARTITION BY product ORDER BY value DESC, country) AS origin_rank
       FROM cells
     )
     SELECT CAST(r.rank AS INTEGER) AS rank, r.product, COALESCE(p.name, r.product) AS "productName",
       CAST(r.value AS DOUBLE) AS value, CAST(r.value / r.total AS DOUBLE) AS share,
       o.country, COALESCE(c.name, o.country) AS "countryName", CAST(o.value AS DOUBLE) AS "countryValue"
     FROM ranked AS r
     JOIN first_origin AS o ON o.product = r.product AND o.origin_rank = 1
     LEFT JOIN ${LABELS("products")} AS p ON p.code = r.product
     LEFT JOIN ${LABELS("countries")} AS c ON c.code = o.country
     WHERE r.rank <= $3 AND r.value > 0
     ORDER BY r.rank`,
    [territory, year, n]
  );
  const products = rows.map((row) => {
    const value = num(row.value);
    const countryValue = num(row.countryValue);
    return {
      rank: num(row.rank),
      product: String(row.product),
      productName: String(row.productName),
      value,
      share: num(row.share),
      country: String(row.country),
      countryName: String(row.countryName),
      countryValue,
      countryShare: countryValue / value
    };
  });
  const listed = products.reduce((total, row) => total + row.value, 0);
  const fromFirst = products.reduce((total, row) => total + row.countryValue, 0);
  return {territory, year, products, weightedShare: listed > 0 ? fromFirst / listed : null};
}

// ---------------------------------------------------------------------------
// All headline figures of a territory, for the indicator cards

export interface IndicatorSummary {
  territory: string;
  year: number;
  unitedStates: CountryExposure;
  concentration: ConcentrationRow[];
  /** Top products by RCA against France (empty for France itself: every ratio is 1). */
  specialisation: SpecialisationRow[];
  importDependence: ImportDependence;
}

/**
 * Every indicator of a territory, one statement at a time (a connection runs
 * one at a time). Needs the territory's full slice and France's full slice.
 */
export async function indicatorSummary(
  run: Run,
  {territory, year, n = 10}: {territory: string; year: number; n?: number}
): Promise<IndicatorSummary> {
  const unitedStates = await countryExposure(run, {territory, year});
  const concentrationRows = await concentration(run, {territory, year});
  const specialisationRows = territory === FRANCE_ID ? [] : await specialisation(run, {territory, year, n});
  const dependence = await importDependence(run, {territory, year, n});
  return {territory, year, unitedStates, concentration: concentrationRows, specialisation: specialisationRows, importDependence: dependence};
}

/** The concentration row of a flow and dimension. */
export function concentrationOf(rows: readonly ConcentrationRow[], flow: Flow, dimension: Dimension): ConcentrationRow | undefined {
  return rows.find((row) => row.flow === flow && row.dimension === dimension);
}
