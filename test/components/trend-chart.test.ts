// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {COLORS} from "../../src/components/palette.js";
import {
  changeText,
  comparisonTable,
  comparisonTitle,
  quarterTableRows,
  quarterTicks,
  quarterlyTable,
  trendChart,
  trendSentence
} from "../../src/components/trend-chart.js";
import {quarterLabel, relativeChange, type QuarterPoint, type YearComparison} from "../../src/components/trends.js";
import type {Flow} from "../../src/data/canonical.js";
import type {NameForms} from "../../src/data/territories.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const HOSTILE = `<img src=x onerror=alert(1)> & « ouvrages »`;
const AUBE: NameForms = {subject: "L'Aube", ofName: "de l'Aube", inName: "dans l'Aube"};
const BDR: NameForms = {subject: "Les Bouches-du-Rhône", ofName: "des Bouches-du-Rhône", inName: "dans les Bouches-du-Rhône"};
const TITLE = "Aube — exportations et importations par trimestre, en M€, 2021–2024";

/** 16 quarters, exports growing by 10 M€ a quarter from 400 M€, imports flat at 380 M€ then a last jump. */
function makePoints(): QuarterPoint[] {
  const points: QuarterPoint[] = [];
  const value = (flow: Flow, t: number) => (flow === "export" ? 400e6 + t * 10e6 : t === 15 ? 450e6 : 380e6);
  for (const flow of ["import", "export"] as Flow[]) {
    for (let t = 0; t < 16; t++) {
      const year = 2021 + Math.floor(t / 4);
      const quarter = (t % 4) + 1;
      const previousValue = t >= 4 ? value(flow, t - 4) : null;
      points.push({year, quarter, label: quarterLabel(year, quarter), flow, value: value(flow, t), previousValue, change: relativeChange(value(flow, t), previousValue)});
    }
  }
  return points;
}
const points = makePoints();
const draw = (width = 900, data: QuarterPoint[] = points) => trendChart(data, {width, title: TITLE, document});
const mark = (figure: HTMLElement, description: string) => figure.querySelector(`g[aria-description="${description}"]`)!;

describe("trendChart", () => {
  it("has a title, a text alternative with figures, and the chart inside a figure", () => {
    const figure = draw();
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("figcaption h3")!.textContent).toBe(TITLE);
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("aria-label")).toBe(TITLE);
    expect(svg.querySelector(":scope > title")!.textContent).toBe(TITLE);
    expect(svg.getAttribute("aria-description")).toBe(
      `Exportations${NBSP}: 400,0${NBSP}M€ au T1 2021, 550,0${NBSP}M€ au T4 2024. Importations${NBSP}: 380,0${NBSP}M€ au T1 2021, 450,0${NBSP}M€ au T4 2024.`
    );
  });

  it("draws one line per flow, exports solid and imports dashed, in the flows' colours", () => {
    const figure = draw();
    const exportLine = mark(figure, "ligne export");
    const importLine = mark(figure, "ligne import");
    expect(exportLine.getAttribute("stroke")).toBe(COLORS.export);
    expect(importLine.getAttribute("stroke")).toBe(COLORS.import);
    expect(exportLine.getAttribute("stroke-dasharray")).toBeNull();
    expect(importLine.getAttribute("stroke-dasharray")).toBe("6,4");
    expect(exportLine.querySelectorAll("path")).toHaveLength(1);
  });

  it("marks every quarter, round for exports and square for imports, with a French tooltip", () => {
    const figure = draw();
    const exportDots = mark(figure, "points export");
    const importDots = mark(figure, "points import");
    expect(exportDots.querySelectorAll("circle")).toHaveLength(16);
    expect(importDots.querySelectorAll("path")).toHaveLength(16);
    expect(importDots.querySelectorAll("circle")).toHaveLength(0);
    const titles = [...exportDots.querySelectorAll("title")].map((t) => t.textContent);
    expect(titles[0]).toBe(`Exportations, T1 2021${NBSP}: 400,0${NBSP}M€`);
    expect(titles[15]).toBe(`Exportations, T4 2024${NBSP}: 550,0${NBSP}M€ (+7,8${NBSP}% sur un an)`);
  });

  it("labels the end of each line with its flow, the higher one above", () => {
    const figure = draw();
    const exportGroup = mark(figure, "étiquette export");
    const importGroup = mark(figure, "étiquette import");
    expect(exportGroup.querySelector("text")!.textContent).toBe("Exportations");
    expect(importGroup.querySelector("text")!.textContent).toBe("Importations");
    expect(exportGroup.getAttribute("fill")).toBe(COLORS.export);
    expect(importGroup.getAttribute("fill")).toBe(COLORS.import);
    // Exports end higher (550 vs 450 M€): their label is nudged up, imports' down.
    const dy = (group: Element) => Number(/translate\([^,]+,([^)]+)\)/.exec(group.getAttribute("transform") ?? "")![1]);
    expect(dy(exportGroup)).toBeLessThan(0);
    expect(dy(importGroup)).toBeGreaterThan(0);
  });

  it("writes French quarter labels, thinned to the first quarter of each year when narrow", () => {
    const ticks = (figure: HTMLElement) => [...figure.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks(draw(1400))).toEqual(points.filter((p) => p.flow === "export").map((p) => p.label));
    expect(ticks(draw(640))).toEqual(["T1 2021", "T1 2022", "T1 2023", "T1 2024"]);
    expect(quarterTicks(points, 16 * 58)).toHaveLength(16);
  });

  it("writes the y axis in French millions", () => {
    const figure = draw();
    const labels = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toContain("0");
    expect(labels.some((l) => /^\d{3}$/.test(l ?? ""))).toBe(true);
    expect(figure.querySelector('g[aria-label="y-axis label"]')!.textContent).toBe("M€");
  });

  it("has a legend that does not rest on colour: line samples with words", () => {
    const figure = draw();
    const legend = figure.querySelector(".chart-legend")!;
    expect(legend.querySelector(".legend-export")!.textContent).toBe(" Exportations (trait plein, ronds)");
    expect(legend.querySelector(".legend-import")!.textContent).toBe(" Importations (tirets, carrés)");
    expect(legend.querySelector(".legend-import line")!.getAttribute("stroke-dasharray")).toBe("6,4");
    expect(legend.querySelector(".legend-import rect")).not.toBeNull();
    expect(legend.querySelector(".legend-export circle")).not.toBeNull();
    expect(legend.textContent).toContain("même trimestre de l'année précédente");
  });

  it("says so in words when there is no data", () => {
    const figure = draw(900, []);
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.querySelector(".chart-empty")!.textContent).toBe("Aucune donnée trimestrielle n'est disponible pour ce territoire.");
  });
});

describe("trendSentence", () => {
  it("reads the last quarter with its year-over-year change", () => {
    expect(trendSentence(points, {forms: AUBE})).toBe(
      `Au T4 2024, les exportations de l'Aube atteignent 550,0${NBSP}M€ (+7,8${NBSP}% par rapport au T4 2023) ` +
        `et ses importations 450,0${NBSP}M€ (+18,4${NBSP}%).`
    );
  });

  it("agrees with a plural name, and drops the change when there is none", () => {
    const recent = points.filter((p) => p.year === 2021);
    expect(trendSentence(recent, {forms: BDR})).toBe(
      `Au T4 2021, les exportations des Bouches-du-Rhône atteignent 430,0${NBSP}M€ et leurs importations 380,0${NBSP}M€.`
    );
    expect(trendSentence([], {forms: AUBE})).toBe("Aucune donnée trimestrielle n'est disponible pour les échanges de l'Aube.");
  });
});

describe("quarterlyTable", () => {
  it("gives one row per quarter in time order, flows side by side, changes signed or «–»", () => {
    const rows = quarterTableRows(points);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual({label: "T1 2021", exports: 400e6, exportChange: null, imports: 380e6, importChange: null});
    const table = quarterlyTable(points, {document});
    const headers = [...table.querySelectorAll("th")].map((th) => th.textContent);
    expect(headers).toEqual(["Trimestre", "Exportations (M€)", "Évolution sur un an (%)", "Importations (M€)", "Évolution sur un an (%)"]);
    const cells = (i: number) => [...table.querySelectorAll("tbody tr")[i].querySelectorAll("td")].map((td) => td.textContent);
    expect(cells(0)).toEqual(["T1 2021", `400,0${NBSP}M€`, "–", `380,0${NBSP}M€`, "–"]);
    expect(cells(15)).toEqual(["T4 2024", `550,0${NBSP}M€`, `+7,8${NBSP}%`, `450,0${NBSP}M€`, `+18,4${NBSP}%`]);
    expect(table.querySelector("summary")!.textContent).toBe("Les chiffres du graphique (tableau)");
  });

  it("formats changes with the shared module", () => {
    expect(changeText(null)).toBe("–");
    expect(changeText(-0.021)).toBe(`\u22122,1${NBSP}%`);
  });
});

describe("comparisonTable", () => {
  const comparison: YearComparison = {
    flow: "export",
    kind: "country",
    year: 2024,
    previousYear: 2023,
    total: {value: 1822.3e6, previousValue: 1750e6, change: 1822.3 / 1750 - 1},
    rows: [
      {rank: 1, code: "DE", name: "Allemagne", value: 276.9e6, previousValue: 260e6, change: 276.9 / 260 - 1},
      {rank: 2, code: "XX", name: HOSTILE, value: 120e6, previousValue: 0, change: null}
    ]
  };

  it("shows the two years, the change and the total, open", () => {
    const table = comparisonTable(comparison, {document});
    expect(table.open).toBe(true);
    expect(table.querySelector("summary")!.textContent).toBe("Principaux pays de destination, 2024 comparé à 2023");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Rang", "Pays", "2024 (M€)", "2023 (M€)", "Évolution (%)"]);
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows[0]).toEqual(["1", "Allemagne", `276,9${NBSP}M€`, `260,0${NBSP}M€`, `+6,5${NBSP}%`]);
    expect(rows[1]).toEqual(["2", HOSTILE, `120,0${NBSP}M€`, `0,0${NBSP}M€`, "–"]);
    expect(rows[2]).toEqual(["", "Total", `1${NNBSP}822,3${NBSP}M€`, `1${NNBSP}750,0${NBSP}M€`, `+4,1${NBSP}%`]);
    expect(table.querySelector("img")).toBeNull();
  });

  it("titles every kind and flow, and says when the previous year is incomplete", () => {
    const titles = (["country", "product"] as const).flatMap((kind) =>
      (["export", "import"] as const).map((flow) => comparisonTitle({...comparison, kind, flow}))
    );
    expect(titles).toEqual([
      "Principaux pays de destination, 2024 comparé à 2023",
      "Principaux pays d'origine, 2024 comparé à 2023",
      "Principaux produits exportés, 2024 comparé à 2023",
      "Principaux produits importés, 2024 comparé à 2023"
    ]);
    const alone: YearComparison = {
      ...comparison,
      kind: "product",
      previousYear: null,
      total: {value: 1, previousValue: null, change: null},
      rows: [{rank: 1, code: "C14Z", name: "Articles d'habillement", value: 1e6, previousValue: null, change: null}]
    };
    const table = comparisonTable(alone, {document});
    expect(table.querySelector("summary")!.textContent).toBe("Principaux produits exportés, 2024 (année précédente incomplète)");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)[1]).toBe("Produit");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)[3]).toBe("Année précédente (M€)");
    expect([...table.querySelectorAll("tbody tr")[0].querySelectorAll("td")].map((td) => td.textContent)[3]).toBe("–");
  });
});

describe("yAxisMargin", () => {
  it("leaves room for the widest tick label, so France's 200 000 M€ are not clipped", async () => {
    const {yAxisMargin} = await import("../../src/components/trend-chart.js");
    const {estimateTextWidth} = await import("../../src/components/palette.js");
    const quarter = (value: number) => ({year: 2024, quarter: 1, label: "T1 2024", flow: "import" as const, value, previousValue: null, change: null});
    const france = yAxisMargin([quarter(2.1e11)]);
    expect(france).toBeGreaterThan(estimateTextWidth("200\u202f000", 11));
    expect(france).toBeGreaterThan(yAxisMargin([quarter(5e7)]));
  });
});
