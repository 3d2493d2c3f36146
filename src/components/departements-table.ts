/** A table of départements (code, name) linking to their pages. */
export interface DepartementRow {
  dept: string;
  dept_name: string;
}

export interface TableOptions {
  caption: string;
  /** Link to a département's page, relative to the calling page. */
  href: (dept: string) => string;
  /** Code of the page's own département, marked as current. */
  current?: string;
  document?: Document;
}

export function departementsTable(rows: DepartementRow[], {caption, href, current, document = globalThis.document}: TableOptions) {
  const table = document.createElement("table");
  table.className = "departements-table";
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const label of ["Code", "Département"]) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = label;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.insertCell().textContent = row.dept;
    const link = document.createElement("a");
    link.href = href(row.dept);
    link.textContent = row.dept_name;
    if (row.dept === current) link.setAttribute("aria-current", "page");
    tr.insertCell().append(link);
  }
  return table;
}
