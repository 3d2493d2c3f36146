/**
 * A région's figures by département: one row per département with a page,
 * one for what the customs count in the région without a page (Monaco, code
 * 99, in Provence-Alpes-Côte d'Azur), and the région's total, so that the
 * rows add up to the région's own figures. Drawn as the partner chart's bars
 * (imports left, exports right, balance) and as a table.
 */
import {chartData, readingParagraph, type ChartDataColumn} from "./chart-data.js";
import {formatShare} from "./format.js";
import {barsReading, partnerBalanceChart} from "./partner-balance.js";
import type {TerritoryTotals} from "../queries/queries.js";

export interface BreakdownRow {
  /** "D10", "hors-departements", or "total". */
  id: string;
  name: string;
  /** Euros. */
  exports: number;
  imports: number;
  balance: number;
  /** Share of the région's exports and imports (null when the région's total is 0). */
  exportShare: number | null;
  importShare: number | null;
}

export interface BreakdownInput {
  /** The départements' totals, in the région's order (queries.ts territoryTotals). */
  departements: readonly (TerritoryTotals & {name: string})[];
  /** The région's own totals (its slice): every row counted in it. */
  region: {name: string; exports: number; imports: number};
  /** What the région counts without a page of its own ("Monaco (code 99 des Douanes)"): names the gap between the two. */
  alsoCounted: readonly string[];
}

/** Under half a euro, a gap between the région and its départements is rounding. */
const ROUNDING = 0.5;

/** The table's rows: départements, what the région counts beyond them (when anything), and the région's total. */
export function breakdownRows({departements, region, alsoCounted}: BreakdownInput): BreakdownRow[] {
  const row = (id: string, name: string, exports: number, imports: number): BreakdownRow => ({
    id,
    name,
    exports,
    imports,
    balance: exports - imports,
    exportShare: region.exports ? exports / region.exports : null,
    importShare: region.imports ? imports / region.imports : null
  });
  const rows = departements.map((d) => row(d.territory, d.name, d.exports, d.imports));
  const beyond = {
    exports: region.exports - departements.reduce((sum, d) => sum + d.exports, 0),
    imports: region.imports - departements.reduce((sum, d) => sum + d.imports, 0)
  };
  if (Math.abs(beyond.exports) >= ROUNDING || Math.abs(beyond.imports) >= ROUNDING) {
    // A région's slice sums its départements and the codes counted in it (data/slices.ts): the difference is theirs.
    const name = alsoCounted.length ? alsoCounted.join(", ") : "Montants sans département";
    rows.push(row("hors-departements", name, beyond.exports, beyond.imports));
  }
  rows.push(row("total", `Total ${region.name}`, region.exports, region.imports));
  return rows;
}

const COLUMNS: readonly ChartDataColumn<BreakdownRow>[] = [
  {key: "name", label: "Département"},
  {key: "exports", label: "Exportations", format: "millionEuros", csvDecimals: 0},
  {key: "imports", label: "Importations", format: "millionEuros", csvDecimals: 0},
  {key: "balance", label: "Solde", format: "signedMillionEuros", csvDecimals: 0},
  {key: "exportShare", label: "Part des exportations de la région", unit: "%", csvUnit: "part, de 0 à 1", format: (value) => (value === null ? "—" : formatShare(value as number)), csvDecimals: 4},
  {key: "importShare", label: "Part des importations de la région", unit: "%", csvUnit: "part, de 0 à 1", format: (value) => (value === null ? "—" : formatShare(value as number)), csvDecimals: 4}
];

/** « Premier département à l'export : Bas-Rhin (67), 18,3 % des exportations du Grand Est ; à l'import : … » */
export function breakdownSentence(rows: readonly BreakdownRow[], regionOfName: string): string {
  const departements = rows.filter((row) => row.id.startsWith("D"));
  const lead = (key: "exports" | "imports") => [...departements].sort((a, b) => b[key] - a[key])[0];
  const exporter = lead("exports");
  const importer = lead("imports");
  if (!exporter || (exporter.exports === 0 && importer!.imports === 0)) return "Aucun échange de marchandises n'est enregistré dans les départements de la région.";
  const share = (value: number | null) => (value === null ? "" : `, ${formatShare(value)}`);
  return (
    `Premier département à l'export : ${exporter.name}${share(exporter.exportShare)} des exportations ${regionOfName} ; ` +
    `à l'import : ${importer!.name}${share(importer!.importShare)} des importations.`
  );
}

/** The chart's title, worded as the reference's: « Exportations et importations par département, Grand Est (2024) ». */
export function breakdownTitle(place: string, year: number): string {
  return `Exportations et importations par département, ${place} (${year})`;
}

export interface BreakdownDrawing {
  before: HTMLElement[];
  chart: (width: number) => HTMLElement;
  after: HTMLElement[];
}

/** The sentence, the bars (départements and what the région counts beyond them, not the total) and the open table. */
export function departementBreakdown(
  rows: readonly BreakdownRow[],
  {title, regionOfName, fileName, document}: {title: string; regionOfName: string; fileName: string; document?: Document}
): BreakdownDrawing {
  const bars = rows
    .filter((row) => row.id !== "total")
    .map((row) => ({country: row.id, countryName: row.name, exports: row.exports, imports: row.imports}));
  const reading = barsReading("chaque département", "Départements classés par total des échanges.");
  return {
    before: [readingParagraph(breakdownSentence(rows, regionOfName), {document})],
    chart: (width) =>
      partnerBalanceChart(bars, {width, title, document, rows: {kind: "departements", noData: "Aucun échange n'est enregistré dans les départements de la région.", reading}}),
    after: [chartData(rows, COLUMNS, {summary: `${title} (tableau)`, fileName, document, open: true})]
  };
}
