/**
 * What goes under every chart: its numbers as a collapsed table and as a CSV
 * download, from the same rows and the same column list.
 */
import {downloadLink, toCsv} from "./csv.js";
import {dataTable, type TableColumn} from "./data-table.js";
import {resolveDocument} from "./figure.js";

export interface ChartDataColumn<Row> extends TableColumn<Row> {
  /** Decimals of the CSV cell (euros are written whole). */
  csvDecimals?: number;
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
  const csvColumns = columns.map(({key, label, csvDecimals}) => ({key, label, decimals: csvDecimals}));
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
