// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {MAX_BARS, quickChart, quickChartSpec, quickChartTitle} from "../../src/components/explorer-chart.js";
import {HOSTILE} from "./fixtures.js";

const reason = (rows: Record<string, unknown>[]) => {
  const spec = quickChartSpec(rows);
  return spec.ok ? "" : spec.reason;
};

describe("quickChartSpec", () => {
  it("draws a value against a text label as bars", () => {
    const rows = [
      {region: "Grand Est", exportations_meur: 38_000.5},
      {region: "Bretagne", exportations_meur: 12_000}
    ];
    expect(quickChartSpec(rows)).toEqual({ok: true, kind: "bars", value: "exportations_meur", labels: ["region"], cut: false});
  });

  it("never takes years or quarters for values: the « Trimestres présents » example is labelled by year, quarter and flow", () => {
    const rows = [
      {annee: 2023, trimestre: 1, flux: "export", lignes: 2023, total_meur: 12.5},
      {annee: 2023, trimestre: 1, flux: "import", lignes: 1980, total_meur: 11}
    ];
    expect(quickChartSpec(rows)).toEqual({ok: true, kind: "bars", value: "lignes", labels: ["annee", "trimestre", "flux"], cut: false});
  });

  it("draws a series over years as a line, one line per flow when there is a text column", () => {
    expect(quickChartSpec([{year: 2023, total: 1}, {year: 2024, total: 2}])).toEqual({ok: true, kind: "line", value: "total", time: "year", timeKind: "year"});
    const byFlow = [
      {annee: 2023, flux: "export", total: 1},
      {annee: 2023, flux: "import", total: 2},
      {annee: 2024, flux: "export", total: 3}
    ];
    expect(quickChartSpec(byFlow)).toEqual({ok: true, kind: "line", value: "total", time: "annee", timeKind: "year", series: "flux"});
    const days = [{jour: new Date(Date.UTC(2024, 0, 1)), n: 1}, {jour: new Date(Date.UTC(2024, 0, 2)), n: 3}];
    expect(quickChartSpec(days)).toMatchObject({ok: true, kind: "line", timeKind: "date"});
    // Two rows for one year (a département column is missing from the labels): bars, not a zigzag line.
    expect(quickChartSpec([{year: 2023, total: 1}, {year: 2023, total: 2}])).toMatchObject({kind: "bars"});
  });

  it("says in French why there is no chart", () => {
    expect(reason([])).toBe("Pas de graphique : la requête n'a renvoyé aucune ligne.");
    expect(reason([{column_name: "year", column_type: "SMALLINT"}, {column_name: "flow", column_type: "VARCHAR"}])).toMatch(/^Pas de graphique : le résultat n'a aucune colonne de valeurs numériques/);
    expect(reason([{year: 2023}, {year: 2024}])).toMatch(/aucune colonne de valeurs numériques/);
    expect(reason([{n: 1}, {n: 2}])).toBe(
      "Pas de graphique : il faut, à côté de la colonne « n », une colonne d'étiquettes (texte, année ou date) qui dise ce que chaque valeur représente."
    );
    expect(reason([{"count_star()": 1_234_567}])).toBe("Pas de graphique : le résultat tient en une ligne, lisez-le dans le tableau.");
    expect(reason([{v: null}, {v: null}])).toBe("Pas de graphique : la colonne « v » n'a que des valeurs vides.");
    expect(reason([{a: null, b: null}, {a: null, b: null}])).toBe("Pas de graphique : les colonnes du résultat n'ont que des valeurs vides.");
    // DESCRIBE: text columns beside empty ones (« key », « default »); the reason is the missing numbers.
    expect(reason([{column_name: "year", key: null}, {column_name: "flow", key: null}])).toMatch(/aucune colonne de valeurs numériques/);
  });

  it("titles the chart with what it draws, and says when rows were left out", () => {
    const rows = Array.from({length: MAX_BARS + 5}, (_, i) => ({pays: `P${i}`, v: i}));
    const spec = quickChartSpec(rows);
    expect(spec.ok && quickChartTitle(spec)).toBe(`v selon pays (${MAX_BARS} premières lignes)`);
  });
});

describe("quickChart", () => {
  it("draws one bar per row, at most MAX_BARS, labels as text and years as years", () => {
    const rows = Array.from({length: MAX_BARS + 5}, (_, i) => ({annee: 2000 + (i % 2), pays: i === 0 ? HOSTILE : `Pays ${i}`, valeur: i + 0.5}));
    const svg = quickChart(rows, {width: 640, document})!;
    expect(svg.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(MAX_BARS);
    const ticks = [...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks[1]).toBe("2001 · Pays 1");
    expect(ticks[0]?.startsWith("2000 · <script>")).toBe(true);
    expect(svg.querySelector("script")).toBeNull();
  });

  it("draws a line over years with the years written as years", () => {
    const rows = [2021, 2022, 2023, 2024].map((year) => ({year, total_meur: year - 2000}));
    const svg = quickChart(rows, {width: 640, document})!;
    expect(svg.querySelectorAll("g[aria-label='line'] path")).toHaveLength(1);
    expect([...svg.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent)).toEqual(["2021", "2022", "2023", "2024"]);
  });

  it("draws nothing when the spec says no", () => {
    expect(quickChart([{n: 1}, {n: 2}], {document})).toBeNull();
  });
});
