/**
 * The comparison page's key figures (/comparer): two territories side by
 * side, from the overview table (src/data/overview.ts), with France's totals
 * for the national shares. The query runs the same at build time
 * (@duckdb/node-api, src/factsheet/comparison.ts) and in the page
 * (DuckDB-WASM, ./comparison-live.ts); the table is pure: rows in, element
 * out, `document` injectable, textContent only.
 */
import {FRANCE_SHARE_DECIMALS, formatHhi, formatMillionEuros, formatNumber, formatShare, formatSignedMillionEuros, SHARE_DECIMALS} from "./format.js";
import type {OverviewRow} from "../data/overview.js";
import {resolveDocument} from "./figure.js";
import {FRANCE_ID} from "../data/canonical.js";
import {type Run} from "../data/run.js";
import type {Pair} from "./comparison-pair.js";

/** The overview columns the comparison reads. */
export type OverviewFigures = Pick<
  OverviewRow,
  | "territory"
  | "name"
  | "exports_eur"
  | "imports_eur"
  | "balance_eur"
  | "us_export_share"
  | "top3_partners_export_share"
  | "top3_partners_import_share"
  | "hhi_partners_export"
  | "hhi_products_export"
>;

/** The two territories' rows and France's, for one year. */
export interface ComparisonFigures {
  a: OverviewFigures;
  b: OverviewFigures;
  france: OverviewFigures;
}

/** Reads the rows of `pair` and France from the `overview` table; a territory without a row is an error naming it. */
export async function comparisonFigures(run: Run, {year, pair}: {year: number; pair: Pair}): Promise<ComparisonFigures> {
  const rows = await run<OverviewFigures>(
    `SELECT territory, name, exports_eur, imports_eur, balance_eur, us_export_share, top3_partners_export_share,
       top3_partners_import_share, hhi_partners_export, hhi_products_export
     FROM overview WHERE year = $1 AND territory IN ($2, $3, $4)`,
    [year, pair.a, pair.b, FRANCE_ID]
  );
  const row = (id: string) => {
    const found = rows.find((r) => r.territory === id);
    if (!found) throw new Error(`Aucun chiffre pour le territoire « ${id} » en ${year} dans le tableau d'ensemble.`);
    return found;
  };
  return {a: row(pair.a), b: row(pair.b), france: row(FRANCE_ID)};
}

export interface ComparisonLine {
  label: string;
  a: string;
  b: string;
}

const share = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? "–" : formatShare(value, SHARE_DECIMALS));
const ratio = (part: number, whole: number) => (whole > 0 ? formatShare(part / whole, FRANCE_SHARE_DECIMALS) : "–");
/** The overview holds HHIs on the factsheets' scale (the squared shares in percent, 0 to 10 000). */
const index = (value: number | null) => (value === null || !Number.isFinite(value) ? "–" : formatHhi(value));

const HHI_MAX = formatNumber(10_000);

/** The table's caption: "Aube (10) et Grand Est : chiffres clés 2024". */
export const comparisonCaption = (placeA: string, placeB: string, year: number) => `${placeA} et ${placeB} : chiffres clés ${year}`;

/** The lines of the key-figures table, formatted in French. `france` gives the national shares. */
export function comparisonLines({a, b, france}: ComparisonFigures): ComparisonLine[] {
  const line = (label: string, f: (row: OverviewFigures) => string): ComparisonLine => ({label, a: f(a), b: f(b)});
  return [
    line("Exportations", (r) => formatMillionEuros(r.exports_eur)),
    line("Importations", (r) => formatMillionEuros(r.imports_eur)),
    line("Solde commercial (exportations − importations)", (r) => formatSignedMillionEuros(r.balance_eur)),
    line("Part des exportations de la France", (r) => ratio(r.exports_eur, france.exports_eur)),
    line("Part des importations de la France", (r) => ratio(r.imports_eur, france.imports_eur)),
    line("Part des exportations vers les États-Unis", (r) => share(r.us_export_share)),
    line("Part des trois premiers pays clients", (r) => share(r.top3_partners_export_share)),
    line("Part des trois premiers pays fournisseurs", (r) => share(r.top3_partners_import_share)),
    line(`Concentration des pays clients (indice IHH, sur ${HHI_MAX})`, (r) => index(r.hhi_partners_export)),
    line(`Concentration des produits exportés (indice IHH, sur ${HHI_MAX})`, (r) => index(r.hhi_products_export))
  ];
}

/** A <table> with its class and caption, and one header row of column headings, each with its alignment. */
function headedTable(doc: Document, className: string, caption: string, headings: readonly (readonly [string, string])[]): HTMLTableElement {
  const table = doc.createElement("table");
  table.className = className;
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const [text, align] of headings) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = text;
    th.style.textAlign = align;
    head.append(th);
  }
  return table;
}

/** A table: indicator | territory A | territory B. */
export function comparisonTable(figures: ComparisonFigures, {caption, document}: {caption: string; document?: Document}): HTMLTableElement {
  const {a, b} = figures;
  const doc = resolveDocument(document);
  const table = headedTable(doc, "comparison-table", caption, [["Indicateur", "left"], [a.name, "right"], [b.name, "right"]]);
  const body = table.createTBody();
  for (const line of comparisonLines(figures)) {
    const row = body.insertRow();
    const th = doc.createElement("th");
    th.scope = "row";
    th.textContent = line.label;
    th.style.fontWeight = "normal";
    row.append(th);
    for (const value of [line.a, line.b]) {
      const cell = row.insertCell();
      cell.textContent = value;
      cell.style.textAlign = "right";
      cell.style.fontVariantNumeric = "tabular-nums";
    }
  }
  return table;
}
