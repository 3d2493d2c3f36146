/**
 * What goes under every chart: its numbers as a collapsed table and as a CSV
 * download, from the same rows and the same column list.
 */
import {downloadLink, toCsv} from "./csv.js";
import {dataTable, withUnit, type NamedFormat, type TableColumn} from "./data-table.js";
import {resolveDocument} from "./figure.js";

export interface ChartDataColumn<Row> extends TableColumn<Row> {
  /** Decimals of the CSV cell (euros are written whole). */
  csvDecimals?: number;
  /** Unit of the CSV cells, for a column formatted by a function; named formats know theirs. */
  csvUnit?: string;
}

/**
 * The unit of the raw value a CSV cell holds, for each named format: money in
 * euros (the table shows M€), shares as ratios, masses in tonnes.
 */
export const CSV_UNITS: Record<NamedFormat, string | null> = {
  millionEuros: "€",
  signedMillionEuros: "€",
  percent: "part, de 0 à 1",
  number: null,
  tonnes: "t",
  eurosPerKg: "€/kg"
};

/** The CSV header of a column: its label and the unit of the raw values under it, "Importations (€)". */
export function csvHeader<Row>(column: ChartDataColumn<Row>): string {
  return withUnit(column.label, column.csvUnit ?? (typeof column.format === "string" ? CSV_UNITS[column.format] : null));
}

export function chartData<Row extends object>(
  rows: readonly Row[],
  columns: readonly ChartDataColumn<Row>[],
  {summary, fileName, document, open = false}: {summary: string; fileName: string; document?: Document; open?: boolean}
): HTMLElement {
  const doc = resolveDocument(document);
  const block = doc.createElement("div");
  // An open table is content of its own (it prints); a collapsed one only repeats its chart.
  block.className = open ? "chart-data chart-data-open" : "chart-data";
  const csvColumns = columns.map((column) => ({key: column.key, label: csvHeader(column), decimals: column.csvDecimals}));
  const table = dataTable(rows, columns, {summary, document: doc});
  table.open = open;
  block.append(table, downloadLink(toCsv(rows, csvColumns), fileName, {document: doc}));
  return block;
}

/** A reading sentence computed in the page, as text (never markup). */
export function readingParagraph(text: string, {document}: {document?: Document} = {}): HTMLParagraphElement {
  const paragraph = resolveDocument(document).createElement("p");
  paragraph.className = "reading";
  paragraph.textContent = text;
  return paragraph;
}
