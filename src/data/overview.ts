/**
 * The overview table: one row per territory ("D10", "R44", "FR") and complete
 * year, with its totals and a few exposure and concentration indicators. The
 * home page's map and key figures, the comparison page and the explorer read
 * it (src/factsheet/data-files.ts writes it as data/overview.parquet).
 *
 * Computed in SQL over the `slice` table of src/data/slices.ts (complete years
 * only; a région sums its départements, France every row of the canonical
 * table), so its totals are the factsheets' totals.
 *
 * Indicators (NULL when the flow is zero): shares are ratios between 0 and 1;
 * - us_export_share: exports to the United States (country code "US") / exports;
 * - top3_partners_export_share / _import_share: the three largest partner
 *   countries' share of the flow;
 * - hhi_partners_export / _import, hhi_products_export / _import: the
 *   Herfindahl–Hirschman index on its usual 0–10 000 scale (the factsheets'
 *   too, src/components/indicators.ts), the sum of the squared shares in
 *   percent of every country (or product) in the flow: 10 000 when a single
 *   partner takes everything, close to 0 when trade is spread over many.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Run} from "./run.js";
import {copyToParquet, withDuckDB} from "./parquet-output.js";
import {corsicaForm, createSliceTable, nodeRun} from "./slices.js";
import {territoriesWithFigures} from "./territory-ids.js";

/** Columns of overview.parquet, in order, with their DuckDB type and French meaning (documented on /donnees). */
export const OVERVIEW_COLUMNS = [
  ["territory", "VARCHAR", "Identifiant du territoire : « D » + code du département (D10, D2A, D974), « R » + code de la région (R44), « FR » pour la France"],
  ["kind", "VARCHAR", "Type de territoire : departement, region ou france"],
  ["code", "VARCHAR", "Code INSEE du département ou de la région ; « FR » pour la France"],
  ["name", "VARCHAR", "Nom du territoire"],
  ["region", "VARCHAR", "Pour un département, l'identifiant de sa région (R44) ; vide sinon"],
  ["year", "SMALLINT", "Année civile complète (quatre trimestres)"],
  ["exports_eur", "DOUBLE", "Exportations de l'année, en euros (FAB)"],
  ["imports_eur", "DOUBLE", "Importations de l'année, en euros (CAF)"],
  ["balance_eur", "DOUBLE", "Solde commercial : exportations − importations, en euros"],
  ["us_export_share", "DOUBLE", "Part des exportations à destination des États-Unis (code pays US), entre 0 et 1"],
  ["top3_partners_export_share", "DOUBLE", "Part des trois premiers pays clients dans les exportations, entre 0 et 1"],
  ["top3_partners_import_share", "DOUBLE", "Part des trois premiers pays fournisseurs dans les importations, entre 0 et 1"],
  ["hhi_partners_export", "DOUBLE", "Indice de Herfindahl–Hirschman des pays clients (somme des carrés des parts en pourcentage, de 0 à 10 000)"],
  ["hhi_partners_import", "DOUBLE", "Indice de Herfindahl–Hirschman des pays fournisseurs (de 0 à 10 000)"],
  ["hhi_products_export", "DOUBLE", "Indice de Herfindahl–Hirschman des produits exportés (de 0 à 10 000)"],
  ["hhi_products_import", "DOUBLE", "Indice de Herfindahl–Hirschman des produits importés (de 0 à 10 000)"]
] as const;

export interface OverviewRow {
  territory: string;
  kind: "departement" | "region" | "france";
  code: string;
  name: string;
  region: string | null;
  year: number;
  exports_eur: number;
  imports_eur: number;
  balance_eur: number;
  us_export_share: number | null;
  top3_partners_export_share: number | null;
  top3_partners_import_share: number | null;
  hhi_partners_export: number | null;
  hhi_partners_import: number | null;
  hhi_products_export: number | null;
  hhi_products_import: number | null;
}

/** Country code of the United States in the customs' geonomenclature. */
export const UNITED_STATES = "US";

/**
 * The overview rows, from a `slice(territory, year, flow, product, country,
 * value_eur)` table and a `territory_names(territory, kind, code, name,
 * region, ord)` table. Every known territory gets a row for every year of the
 * slice, zeros when it has no trade. $1 is the United States' country code.
 */
export const OVERVIEW_SQL = `
WITH years AS (SELECT DISTINCT year FROM slice),
grid AS (SELECT t.*, y.year FROM territory_names AS t CROSS JOIN years AS y),
flow_totals AS (
  SELECT territory, year, flow, SUM(value_eur) AS total
  FROM slice GROUP BY ALL
),
by_country AS (
  SELECT territory, year, flow, country, SUM(value_eur) AS value
  FROM slice GROUP BY ALL
),
by_product AS (
  SELECT territory, year, flow, product, SUM(value_eur) AS value
  FROM slice GROUP BY ALL
),
country_shares AS (
  SELECT c.*, c.value / NULLIF(t.total, 0) AS share,
    row_number() OVER (PARTITION BY c.territory, c.year, c.flow ORDER BY c.value DESC, c.country) AS rank
  FROM by_country AS c JOIN flow_totals AS t USING (territory, year, flow)
),
product_shares AS (
  SELECT p.*, p.value / NULLIF(t.total, 0) AS share
  FROM by_product AS p JOIN flow_totals AS t USING (territory, year, flow)
),
partners AS (
  SELECT territory, year, flow,
    -- Sums of fractions in a fixed order: a parallel sum in any order could differ in its last bits from one build to the next.
    SUM(share ORDER BY country) FILTER (WHERE rank <= 3) AS top3_share,
    SUM((100 * share) * (100 * share) ORDER BY country) AS hhi,
    SUM(share) FILTER (WHERE country = $1) AS us_share
  FROM country_shares GROUP BY ALL
),
products AS (
  SELECT territory, year, flow, SUM((100 * share) * (100 * share) ORDER BY product) AS hhi
  FROM product_shares GROUP BY ALL
)
SELECT g.territory, g.kind, g.code, g.name, g.region, CAST(g.year AS SMALLINT) AS year,
  CAST(COALESCE(te.total, 0) AS DOUBLE) AS exports_eur,
  CAST(COALESCE(ti.total, 0) AS DOUBLE) AS imports_eur,
  CAST(COALESCE(te.total, 0) - COALESCE(ti.total, 0) AS DOUBLE) AS balance_eur,
  CAST(CASE WHEN COALESCE(te.total, 0) = 0 THEN NULL ELSE COALESCE(pe.us_share, 0) END AS DOUBLE) AS us_export_share,
  CAST(pe.top3_share AS DOUBLE) AS top3_partners_export_share,
  CAST(pi.top3_share AS DOUBLE) AS top3_partners_import_share,
  CAST(pe.hhi AS DOUBLE) AS hhi_partners_export,
  CAST(pi.hhi AS DOUBLE) AS hhi_partners_import,
  CAST(qe.hhi AS DOUBLE) AS hhi_products_export,
  CAST(qi.hhi AS DOUBLE) AS hhi_products_import
FROM grid AS g
LEFT JOIN flow_totals AS te ON te.territory = g.territory AND te.year = g.year AND te.flow = 'export'
LEFT JOIN flow_totals AS ti ON ti.territory = g.territory AND ti.year = g.year AND ti.flow = 'import'
LEFT JOIN partners AS pe ON pe.territory = g.territory AND pe.year = g.year AND pe.flow = 'export'
LEFT JOIN partners AS pi ON pi.territory = g.territory AND pi.year = g.year AND pi.flow = 'import'
LEFT JOIN products AS qe ON qe.territory = g.territory AND qe.year = g.year AND qe.flow = 'export'
LEFT JOIN products AS qi ON qi.territory = g.territory AND qi.year = g.year AND qi.flow = 'import'
ORDER BY g.ord, g.year`;

/**
 * Creates `territory_names` from the site's territory list (départements,
 * régions, France — in that order), Corsica as the canonical table `trade`
 * publishes it.
 */
export async function createTerritoryNames(connection: DuckDBConnection): Promise<void> {
  const corsica = await corsicaForm(nodeRun(connection));
  await connection.run(
    "CREATE OR REPLACE TABLE territory_names (territory VARCHAR, kind VARCHAR, code VARCHAR, name VARCHAR, region VARCHAR, ord INTEGER)"
  );
  const appender = await connection.createAppender("territory_names");
  territoriesWithFigures(corsica).forEach((t, i) => {
    appender.appendVarchar(t.id);
    appender.appendVarchar(t.kind);
    appender.appendVarchar(t.code);
    appender.appendVarchar(t.name);
    if (t.region === null) appender.appendNull();
    else appender.appendVarchar(t.region);
    appender.appendInteger(i);
    appender.endRow();
  });
  appender.closeSync();
}

/** Creates the table `overview` on a connection, from the canonical Parquet file. */
export async function createOverviewTable(connection: DuckDBConnection, canonicalParquetPath: string): Promise<void> {
  await createSliceTable(connection, canonicalParquetPath);
  await createTerritoryNames(connection);
  await connection.run(`CREATE OR REPLACE TABLE overview AS ${OVERVIEW_SQL}`, [UNITED_STATES]);
}

/** overview.parquet's bytes. */
export async function buildOverview(canonicalParquetPath: string): Promise<Uint8Array> {
  return withDuckDB(async (connection) => {
    await createOverviewTable(connection, canonicalParquetPath);
    return new Uint8Array(await copyToParquet(connection, "SELECT * FROM overview"));
  });
}

/** Runs `work` on a connection that holds the `overview` table of the canonical Parquet file (the pages drawn at build time read it so). */
export async function withOverview<T>(canonicalParquetPath: string, work: (run: Run) => Promise<T>): Promise<T> {
  return withDuckDB(async (connection) => {
    await createOverviewTable(connection, canonicalParquetPath);
    return work(nodeRun(connection));
  });
}
