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
  {summary, fileName, document}: {summary: string; fileName: string; document?: Document}
): HTMLElement {
  const doc = resolveDocument(document);
  const block = doc.createElement("div");
  block.className = "chart-data";
  const csvColumns = columns.map(({key, label, csvDecimals}) => ({key, label, decimals: csvDecimals}));
  block.append(dataTable(rows, columns, {summary, document: doc}), downloadLink(toCsv(rows, csvColumns), fileName, {document: doc}));
  return block;
}

/** A reading sentence computed in the page, as text (never markup). */
export function readingParagraph(text: string, {document}: {document?: Document} = {}): HTMLParagraphElement {
  const paragraph = resolveDocument(document).createElement("p");
  paragraph.className = "reading";
  paragraph.textContent = text;
  return paragraph;
}
