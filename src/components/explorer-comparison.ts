/**
 * The comparison page's pieces: two territories' key figures side by side,
 * their top lists, and the shareable URL state (?a=D10&b=D51).
 * Pure: rows in, elements out; `document` injectable; textContent only.
 */
import {FRANCE_SHARE_DECIMALS, formatHhi, formatMillionEuros, formatShare, formatSignedMillionEuros, SHARE_DECIMALS} from "./format.js";
import type {OverviewRow} from "../data/overview.js";
import {resolveDocument} from "./figure.js";

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

export interface ComparisonLine {
  label: string;
  a: string;
  b: string;
}

const share = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? "–" : formatShare(value, SHARE_DECIMALS));
const ratio = (part: number, whole: number) => (whole > 0 ? formatShare(part / whole, FRANCE_SHARE_DECIMALS) : "–");
const index = (value: number | null) => (value === null || !Number.isFinite(value) ? "–" : formatHhi(value));

/** The lines of the key-figures table, formatted in French. `france` gives the national shares. */
export function comparisonLines(a: OverviewFigures, b: OverviewFigures, france: OverviewFigures): ComparisonLine[] {
  const line = (label: string, f: (row: OverviewFigures) => string): ComparisonLine => ({label, a: f(a), b: f(b)});
  return [
    line("Exportations", (r) => formatMillionEuros(r.exports_eur)),
    line("Importations", (r) => formatMillionEuros(r.imports_eur)),
    line("Solde commercial (exportations − importations)", (r) => formatSignedMillionEuros(r.balance_eur)),
    line("Part des exportations de la France", (r) => ratio(r.exports_eur, france.exports_eur)),
    line("Part des importations de la France", (r) => ratio(r.imports_eur, france.imports_eur)),
    line("Part des exportations vers les États-Unis", (r) => share(r.us_export_share)),
    line("Part des 3 premiers pays clients", (r) => share(r.top3_partners_export_share)),
    line("Part des 3 premiers pays fournisseurs", (r) => share(r.top3_partners_import_share)),
    line("Concentration des clients (indice HHI, sur 10\u202f000)", (r) => index(r.hhi_partners_export)),
    line("Concentration des produits exportés (indice HHI, sur 10\u202f000)", (r) => index(r.hhi_products_export))
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
export function comparisonTable(a: OverviewFigures, b: OverviewFigures, france: OverviewFigures, {caption, document}: {caption: string; document?: Document}): HTMLTableElement {
  const doc = resolveDocument(document);
  const table = headedTable(doc, "comparison-table", caption, [["Indicateur", "left"], [a.name, "right"], [b.name, "right"]]);
  const body = table.createTBody();
  for (const line of comparisonLines(a, b, france)) {
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

export interface RankedRow {
  rank: number;
  name: string;
  value: number;
  share: number;
}

/** A small top-N table: rank, name, value in M€, share of the flow. */
export function topTable(rows: readonly RankedRow[], {caption, nameLabel, document}: {caption: string; nameLabel: string; document?: Document}): HTMLTableElement {
  const table = headedTable(resolveDocument(document), "top-table", caption, [["Rang", "right"], [nameLabel, "left"], ["Montant (M€)", "right"], ["Part (%)", "right"]]);
  const body = table.createTBody();
  if (rows.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 4;
    cell.textContent = "Aucun échange enregistré.";
  }
  for (const row of rows) {
    const tr = body.insertRow();
    const cells: [string, string][] = [
      [String(row.rank), "right"],
      [row.name, "left"],
      [formatMillionEuros(row.value), "right"],
      [formatShare(row.share, SHARE_DECIMALS), "right"]
    ];
    for (const [text, align] of cells) {
      const cell = tr.insertCell();
      cell.textContent = text;
      cell.style.textAlign = align;
    }
  }
  return table;
}

/** The pair in the URL's query string, each kept only if `valid`; fallbacks otherwise. */
export function readPair(search: string, valid: (id: string) => boolean, fallback: {a: string; b: string}): {a: string; b: string} {
  const params = new URLSearchParams(search);
  const pick = (key: "a" | "b") => {
    const value = params.get(key)?.trim().toUpperCase();
    return value && valid(value) ? value : fallback[key];
  };
  return {a: pick("a"), b: pick("b")};
}

/** "?a=D10&b=R44", other parameters kept. */
export function writePair(search: string, pair: {a: string; b: string}): string {
  const params = new URLSearchParams(search);
  params.set("a", pair.a);
  params.set("b", pair.b);
  return `?${params.toString()}`;
}
