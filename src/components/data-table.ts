/**
 * A chart's numbers as a collapsed table under it: readable without the chart
 * (screen readers, print, copy-paste), closed by default to keep the page short.
 */
import {formatEurosPerKg, formatMillionEuros, formatNumber, formatShare, formatSignedMillionEuros, formatTonnes, SHARE_DECIMALS} from "./format.js";
import {resolveDocument} from "./figure.js";

/** Named formats map to format.ts; a function gets the raw value and its row. */
export type NamedFormat = "millionEuros" | "signedMillionEuros" | "percent" | "number" | "tonnes" | "eurosPerKg";
export type CellFormat<Row> = NamedFormat | ((value: unknown, row: Row) => string);

export interface TableColumn<Row> {
  key: keyof Row & string;
  /** The header without its unit: the unit is added from the format (or `unit`), see columnHeader. */
  label: string;
  format?: CellFormat<Row>;
  /** Unit of the values shown, for a column formatted by a function ("M€", "%"); named formats know theirs. */
  unit?: string;
}

/** The unit each named format writes in its cells, named again in the column's header. */
export const FORMAT_UNITS: Record<NamedFormat, string | null> = {
  millionEuros: "M€",
  signedMillionEuros: "M€",
  percent: "%",
  number: null,
  tonnes: "t",
  eurosPerKg: "€/kg"
};

/** "Label (unit)", or the label alone without a unit; a label that already ends with its unit in brackets is kept. */
export function withUnit(label: string, unit: string | null | undefined): string {
  return unit && !label.endsWith(`(${unit})`) ? `${label} (${unit})` : label;
}

/** A column's header names the unit of the values under it: "Importations (M€)" over "300,6 M€". */
export function columnHeader<Row>(column: TableColumn<Row>): string {
  return withUnit(column.label, column.unit ?? (typeof column.format === "string" ? FORMAT_UNITS[column.format] : null));
}

const NAMED_FORMATS: Record<NamedFormat, (value: number) => string> = {
  millionEuros: (value) => formatMillionEuros(value),
  signedMillionEuros: (value) => formatSignedMillionEuros(value),
  percent: (value) => formatShare(value, SHARE_DECIMALS),
  number: (value) => formatNumber(value, Number.isInteger(value) ? 0 : 1),
  tonnes: (tonnes) => formatTonnes(tonnes * 1000),
  eurosPerKg: (value) => formatEurosPerKg(value)
};

function formatCell<Row>(value: unknown, row: Row, format: CellFormat<Row> | undefined): string {
  if (typeof format === "function") return format(value, row);
  if (typeof value === "number") return NAMED_FORMATS[format ?? "number"](value);
  return value === null || value === undefined ? "" : String(value);
}

/** Numbers read best right-aligned, so their digits line up. */
function isNumericColumn<Row>(rows: readonly Row[], column: TableColumn<Row>): boolean {
  return typeof column.format === "string" || typeof rows[0]?.[column.key] === "number";
}

export function dataTable<Row extends object>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  {summary, document}: {summary: string; document?: Document}
): HTMLDetailsElement {
  const doc = resolveDocument(document);
  const details = doc.createElement("details");
  details.className = "data-table";
  const summaryElement = doc.createElement("summary");
  summaryElement.textContent = summary;
  const table = doc.createElement("table");
  const numeric = columns.map((column) => isNumericColumn(rows, column));

  const headRow = doc.createElement("tr");
  columns.forEach((column, i) => {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = columnHeader(column);
    th.style.textAlign = numeric[i] ? "right" : "left";
    headRow.append(th);
  });
  const thead = doc.createElement("thead");
  thead.append(headRow);

  const tbody = doc.createElement("tbody");
  for (const row of rows) {
    const tr = doc.createElement("tr");
    columns.forEach((column, i) => {
      const td = doc.createElement("td");
      td.textContent = formatCell(row[column.key], row, column.format);
      if (numeric[i]) {
        td.style.textAlign = "right";
        td.style.fontVariantNumeric = "tabular-nums";
      } else td.className = "data-table-text"; // wraps anywhere (style.css): a long label never widens the page
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  details.append(summaryElement, table);
  return details;
}

/**
 * Makes a table of dataTable sortable by any column: each header becomes a
 * button (keyboard and screen readers included, aria-sort says the order);
 * numbers sort largest first, text in French alphabetical order. `rows` are
 * the table's rows, in the order it shows them.
 */
export function makeSortable<Row extends object>(details: HTMLDetailsElement, rows: readonly Row[], columns: readonly TableColumn<Row>[]): void {
  const doc = details.ownerDocument;
  const tbody = details.querySelector("tbody")!;
  const lines = rows.map((row, i) => ({row, tr: tbody.children[i] as HTMLTableRowElement}));
  const headers = [...details.querySelectorAll<HTMLTableCellElement>("thead th")];
  const collator = new Intl.Collator("fr");
  headers.forEach((th, i) => {
    const column = columns[i];
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = th.textContent;
    th.replaceChildren(button);
    // First click: the column's natural order (numbers largest first, text A to Z); the next ones reverse it.
    let reversed = true;
    button.addEventListener("click", () => {
      reversed = th.hasAttribute("aria-sort") ? !reversed : false;
      const value = (line: (typeof lines)[number]) => line.row[column.key] as unknown;
      let numeric = true;
      lines.sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        numeric &&= typeof x === "number" && typeof y === "number";
        const order = typeof x === "number" && typeof y === "number" ? y - x : collator.compare(String(x ?? ""), String(y ?? ""));
        return reversed ? -order : order;
      });
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", numeric !== reversed ? "descending" : "ascending");
      tbody.append(...lines.map((line) => line.tr));
    });
  });
}
