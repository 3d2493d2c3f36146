// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {chartData, csvHeader, type ChartDataColumn} from "../../src/components/chart-data.js";
import {columnHeader, dataTable, withUnit} from "../../src/components/data-table.js";
import {formatSignedPercent} from "../../src/components/format.js";
import {HOSTILE} from "./fixtures.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const rows = [
  {name: "Allemagne", exports: 260.4e6, share: 0.142, note: "UE"},
  {name: HOSTILE, exports: -40.2e6, share: 0.0031, note: "=SUM(A1)"}
];

describe("dataTable", () => {
  const table = dataTable(
    rows,
    [
      {key: "name", label: "Pays"},
      {key: "exports", label: "Exportations (M€)", format: "millionEuros"},
      {key: "share", label: "Part", format: "percent"},
      {key: "note", label: "Note", format: (value) => `[${String(value)}]`}
    ],
    {summary: "Voir les données du graphique", document}
  );

  it("is a collapsed <details> with its summary and one row per datum", () => {
    expect(table.tagName).toBe("DETAILS");
    expect(table.open).toBe(false);
    expect(table.querySelector("summary")!.textContent).toBe("Voir les données du graphique");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Pays", "Exportations (M€)", "Part (%)", "Note"]);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
  });

  it("formats numbers the French way and right-aligns them", () => {
    const cells = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")]);
    expect(cells[0][1].textContent).toBe(`260,4${NBSP}M€`);
    expect(cells[1][1].textContent).toBe(`\u221240,2${NBSP}M€`);
    expect(cells[0][2].textContent).toBe(`14,2${NBSP}%`);
    expect(cells[0][1].style.textAlign).toBe("right");
    expect(cells[0][0].style.textAlign).toBe("");
    expect(cells[0][3].textContent).toBe("[UE]");
    const big = dataTable([{v: 1234567}], [{key: "v", label: "V"}], {summary: "s", document});
    expect(big.querySelector("td")!.textContent).toBe(`1${NNBSP}234${NNBSP}567`);
  });

  it("writes hostile labels literally", () => {
    expect(table.querySelector("script")).toBeNull();
    expect(table.querySelectorAll("tbody tr")[1].querySelector("td")!.textContent).toBe(HOSTILE);
  });
});

describe("makeSortable", () => {
  it("sorts by a column from its header button, numbers largest first, text in French order, and says the order", async () => {
    const {dataTable, makeSortable} = await import("../../src/components/data-table.js");
    const rows = [{name: "Éthiopie", value: 5}, {name: "Allemagne", value: 50}, {name: "Zambie", value: 500}];
    const columns = [{key: "name" as const, label: "Pays"}, {key: "value" as const, label: "Valeur", format: "number" as const}];
    const details = dataTable(rows, columns, {summary: "t", document});
    makeSortable(details, rows, columns);
    const names = () => [...details.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent);
    const [byName, byValue] = [...details.querySelectorAll<HTMLButtonElement>("thead th button")];
    byValue.click();
    expect(names()).toEqual(["Zambie", "Allemagne", "Éthiopie"]);
    expect(byValue.parentElement!.getAttribute("aria-sort")).toBe("descending");
    byName.click();
    expect(names()).toEqual(["Allemagne", "Éthiopie", "Zambie"]);
    expect(byName.parentElement!.getAttribute("aria-sort")).toBe("ascending");
    byName.click();
    expect(names()).toEqual(["Zambie", "Éthiopie", "Allemagne"]);
    expect(byName.parentElement!.getAttribute("aria-sort")).toBe("descending");
    expect(byValue.parentElement!.hasAttribute("aria-sort")).toBe(false);
  });
});

describe("units in headers", () => {
  type Row = {country: string; imports: number; share: number; mass: number; change: number};
  const data: Row[] = [{country: "Chine", imports: 300.6e6, share: 0.2, mass: 1234.5, change: 0.05}];
  const columns = [
    {key: "country", label: "Pays"},
    {key: "imports", label: "Importations", format: "millionEuros", csvDecimals: 0},
    {key: "share", label: "Part du flux", format: "percent", csvDecimals: 4},
    {key: "mass", label: "Masse", format: "tonnes", csvDecimals: 1},
    {key: "change", label: "Évolution", format: (value: unknown) => formatSignedPercent(value as number), unit: "%", csvUnit: "part, de 0 à 1"}
  ] as const satisfies readonly ChartDataColumn<Row>[];

  it("every table header names the unit of the values under it: « Importations (M€) » over « 300,6 M€ »", () => {
    const block = chartData(data, columns, {summary: "Données", fileName: "x.csv", document});
    const headers = [...block.querySelectorAll("th")].map((th) => th.textContent);
    expect(headers).toEqual(["Pays", "Importations (M€)", "Part du flux (%)", "Masse (t)", "Évolution (%)"]);
    const cells = [...block.querySelectorAll("td")].map((td) => td.textContent);
    expect(cells.slice(1, 3)).toEqual([`300,6${NBSP}M€`, `20,0${NBSP}%`]);
  });

  it("the CSV header names the unit of the raw values it holds: euros, ratios, tonnes", async () => {
    // A build-time jsdom document (no Blob URLs): the CSV is in the link's data: URL.
    const jsdomModule: string = "jsdom";
    const {JSDOM} = (await import(jsdomModule)) as {JSDOM: new (html: string) => {window: Window}};
    const block = chartData(data, columns, {summary: "Données", fileName: "x.csv", document: new JSDOM("<!doctype html><p></p>").window.document});
    const href = block.querySelector<HTMLAnchorElement>("a.csv-download")!.href;
    const text = decodeURIComponent(href.slice(href.indexOf(",") + 1));
    const [header, line] = text.replace(/^\ufeff/, "").split("\r\n");
    expect(header).toBe("Pays;Importations (€);Part du flux (part, de 0 à 1);Masse (t);Évolution (part, de 0 à 1)");
    expect(line).toBe("Chine;300600000;0,2000;1234,5;0,050");
    expect(csvHeader({key: "x", label: "Solde", format: "signedMillionEuros"})).toBe("Solde (€)");
  });

  it("adds no unit twice, and none to a text column", () => {
    expect(withUnit("Exportations (M€)", "M€")).toBe("Exportations (M€)");
    expect(withUnit("Pays", null)).toBe("Pays");
    expect(columnHeader({key: "x", label: "Valeur au kg", format: "eurosPerKg"})).toBe("Valeur au kg (€/kg)");
    expect(columnHeader({key: "x", label: "Rang"})).toBe("Rang");
  });
});
