/**
 * The views pasted into a factsheet (src/factsheet/prerender.ts,
 * static-charts.ts, components/factsheet-views.ts): every block drawn at
 * build time by the views' own queries and components, wide and narrow, kept
 * whole through Framework's Markdown, labels escaped, the page's only script
 * light, and the same from one build to the next.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {withDuckDB} from "../../src/data/parquet-output.js";
import {withSliceData} from "../../src/data/slices.js";
import {topPartners} from "../../src/queries/queries.js";
import {formatMillionEuros} from "../../src/components/format.js";
import type {SiteFigures} from "../../src/factsheet/figures.js";
import {factsheetMarkdown} from "../../src/factsheet/page.js";
import {drawStaticViews, jsdomWindow, NARROW_WIDTH, serialiseElements, WIDE_WIDTH} from "../../src/factsheet/prerender.js";
import type {TerritoryViews} from "../../src/factsheet/page.js";
import type {Fixture} from "../data/synthetic-trade.js";
import {drawnFixture, type DrawnFixture} from "./site-fixture.js";

// Framework's own Markdown parser (no type declarations: the two functions used, typed here).
const markdownModule: string = "@observablehq/framework/dist/markdown.js";
const {createMarkdownIt, parseMarkdown} = (await import(markdownModule)) as {
  createMarkdownIt(): unknown;
  parseMarkdown(input: string, options: {md: unknown; path: string}): {body: string; code: {id: string; node: {input: string}}[]};
};

const HOSTILE = "${alert(2)} <script>alert(1)</script> & \"q\"\n\nfin";
const SHOWN = ["D10", "R44", "FR"];

let site: DrawnFixture;
let fixture: Fixture;
let figures: SiteFigures;
let views: Record<string, TerritoryViews>;
const {document} = await jsdomWindow();

beforeAll(async () => {
  site = await drawnFixture(SHOWN);
  ({fixture, figures, views} = site);
}, 60_000);

afterAll(async () => {
  await site?.cleanup();
});

const regionPage = () => factsheetMarkdown("R44", figures, views.R44, {FR: views.FR});

const aubePage = () => factsheetMarkdown("D10", figures, views.D10, {R44: views.R44, FR: views.FR});

/** The page as Framework renders it: its HTML body, and its JavaScript cells (fenced and inline). */
function rendered(markdown: string): {body: HTMLElement; cells: string[]} {
  const page = parseMarkdown(markdown, {md: createMarkdownIt(), path: "/departements/10"});
  const body = document.createElement("div");
  body.innerHTML = page.body;
  return {body, cells: page.code.map((cell) => cell.node.input)};
}

describe("the views in a factsheet's HTML", () => {
  it("put every chart of the Aube's page in it, wide and narrow: partners, treemap, six Sankeys, trends", () => {
    const {body} = rendered(aubePage());
    const charts = (view: string, territory = "D10") => body.querySelectorAll(`.view[data-view="${view}"][data-territory="${territory}"] .view-wide > .view-chart > figure svg[role="img"]`);
    expect(charts("partenaires")).toHaveLength(1);
    expect(charts("activites")).toHaveLength(1);
    for (const territory of SHOWN) {
      expect(charts("exportations", territory), territory).toHaveLength(1);
      expect(charts("importations", territory), territory).toHaveLength(1);
    }
    expect(charts("tendance")).toHaveLength(2);
    // The reference's ten at least (a view a fork adds counts too), each drawn wide and narrow.
    expect(body.querySelectorAll(".view-wide figure svg[role='img']").length).toBeGreaterThanOrEqual(10);
    expect(body.querySelectorAll(".view-narrow figure svg[role='img']")).toHaveLength(body.querySelectorAll(".view-wide figure svg[role='img']").length);
    const widths = (selector: string) => new Set([...body.querySelectorAll(`${selector} svg[role='img']`)].map((svg) => Number(svg.getAttribute("width") ?? svg.getAttribute("viewBox")?.split(" ")[2])));
    expect(widths(".view-wide")).toEqual(new Set([WIDE_WIDTH]));
    expect(widths(".view-narrow")).toEqual(new Set([NARROW_WIDTH]));
  });

  it("draw the partner chart from the page's query: one bar per partner and side, titled", async () => {
    const partners = await withSliceData(fixture, {year: figures.year}, (run) => topPartners(run, {territory: "D10", year: figures.year, n: 10}));
    expect(partners.length).toBeGreaterThan(2);
    const figure = rendered(aubePage()).body.querySelector(".view[data-view='partenaires'] .view-wide figure[data-chart='partner-balance']")!;
    expect(figure.querySelector("figcaption h3")?.textContent).toBe("Principaux pays à l'import et à l'export, Aube (2024)");
    const svg = figure.querySelector("svg[role='img']")!;
    for (const side of ["importations", "exportations", "solde"]) {
      expect(svg.querySelectorAll(`g[aria-description='${side}'] rect`), side).toHaveLength(partners.length);
    }
  });

  it("break the région down by département: every département of Grand Est in the table, totals equal to the région's, and its bars", () => {
    const {body} = rendered(regionPage());
    const slot = body.querySelector(".view[data-view='departements'][data-territory='R44']")!;
    const rows = [...slot.querySelectorAll(".chart-data-open tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows.map((row) => row[0])).toEqual([
      "Ardennes (08)", "Aube (10)", "Marne (51)", "Haute-Marne (52)", "Meurthe-et-Moselle (54)",
      "Meuse (55)", "Moselle (57)", "Bas-Rhin (67)", "Haut-Rhin (68)", "Vosges (88)", "Total Grand Est"
    ]);
    const region = figures.territories.R44.keyFigures;
    expect(rows.at(-1)!.slice(1, 3)).toEqual([formatMillionEuros(region.export.total), formatMillionEuros(region.import.total)]);
    // The départements of the fixture (08, 10, 51) make the whole région: their figures add up to its total.
    const sum = (flow: "export" | "import") => ["D08", "D10", "D51"].reduce((total, id) => total + figures.territories[id].keyFigures[flow].total, 0);
    expect(sum("export")).toBeCloseTo(region.export.total, 3);
    expect(rows[1].slice(1, 3)).toEqual([formatMillionEuros(figures.territories.D10.keyFigures.export.total), formatMillionEuros(figures.territories.D10.keyFigures.import.total)]);
    for (const width of ["wide", "narrow"]) {
      expect(slot.querySelectorAll(`.view-${width} figure[data-chart='departements'] g[aria-description='exportations'] rect`), width).toHaveLength(10);
    }
    expect(slot.querySelector(".view-wide figcaption h3")?.textContent).toBe("Exportations et importations par département, Grand Est (2024)");
  });

  it("hold the key figures, the indicators and the comparisons, with their numbers", () => {
    const {body} = rendered(aubePage());
    const keyFigures = body.querySelector(".view[data-view='chiffres'] dl.key-figures")!;
    expect(keyFigures.querySelector(".key-figure-export strong")?.textContent).toBe(formatMillionEuros(figures.territories.D10.keyFigures.export.total));
    expect(body.querySelectorAll(".view[data-view='indicateurs'] .indicator-card").length).toBeGreaterThan(2);
    expect(body.querySelectorAll(".view[data-view='comparaisons'] details.year-comparison")).toHaveLength(4);
    // Every chart has its table; the Sankeys their key-figures line.
    expect(body.querySelectorAll(".view .view-after details")).toHaveLength(9); // the two trend charts share one
    expect(body.querySelectorAll(".view[data-view='exportations'] .key-figures-line")).toHaveLength(3);
  });

  it("leave one light script: no chart library, no engine, no query at load", () => {
    const {cells} = rendered(aubePage());
    expect(cells).toHaveLength(1);
    expect(cells[0]).toContain('import {enhanceFactsheet} from "../components/factsheet-enhance.js";');
    expect(cells[0]).not.toMatch(/plot|d3|duckdb|CHARTS|openFactsheetData/i);
  });

  it("write hostile labels as text: no element, no Framework expression, no broken HTML block", async () => {
    await withDuckDB(async (connection) => {
      await connection.run(
        `COPY (SELECT code, CASE WHEN code = 'DE' THEN $1 ELSE name END AS name FROM read_parquet($2)) TO '${fixture.countriesParquetPath}.hostile' (FORMAT parquet)`,
        [HOSTILE, fixture.countriesParquetPath]
      );
    });
    const hostile = await drawStaticViews({...site.sources, countriesParquetPath: `${fixture.countriesParquetPath}.hostile`}, figures.year, ["D10"]);
    const safe = rendered(factsheetMarkdown("D10", figures, views.D10));
    const page = rendered(factsheetMarkdown("D10", figures, hostile.D10));
    expect(page.body.querySelectorAll("script")).toHaveLength(0);
    // "${alert(2)}" stayed text: Framework found no more cells than in the page without it.
    expect(page.cells).toHaveLength(safe.cells.length);
    const figure = page.body.querySelector(".view[data-view='partenaires'] figure")!;
    expect(figure.textContent).toContain("${alert(2)}");
    // The whole view stayed in one HTML block: its table is after the chart, inside the slot.
    expect(page.body.querySelector(".view[data-view='partenaires'] .view-after details")).not.toBeNull();
  }, 60_000);

  it("hold no blank line, which would end the HTML block in the middle of a view", () => {
    const figure = document.createElement("figure");
    figure.append("Produit\n  \nsuite", document.createElement("svg"));
    const markup = serialiseElements([figure, document.createElement("p")]);
    expect(markup).not.toMatch(/\n\s*\n/);
    expect(rendered(`<div>${markup}</div>`).body.querySelector("div > figure > svg")).not.toBeNull();
  });

  it("on synthetic data, name the chart CSVs « -demonstration », and not otherwise", async () => {
    const demo = await drawStaticViews(site.sources, figures.year, ["D10"], {synthetic: true});
    const names = (drawn: typeof demo.D10) => [...drawn.partenaires!.after.matchAll(/download="([^"]+)"/g)].map((match) => match[1]);
    expect(names(demo.D10)).toEqual([`aube-10-demonstration-partenaires-${figures.year}.csv`]);
    expect(names(views.D10)).toEqual([`aube-10-partenaires-${figures.year}.csv`]);
  }, 60_000);

  it("are the same from one build to the next, and give no element an id", async () => {
    const again = await drawStaticViews(site.sources, figures.year, ["D10"]);
    expect(JSON.stringify(again.D10)).toBe(JSON.stringify(views.D10));
    for (const [kind, drawn] of Object.entries(views.D10)) expect(`${drawn.wide.join("")}${drawn.narrow.join("")}`, kind).not.toMatch(/\sid="/);
  }, 60_000);
});

describe("the activities' reading sentence", () => {
  it("agrees in gender: « Première activité », « Premier produit »", () => {
    const {body} = rendered(aubePage());
    expect(body.querySelector(".view[data-view='activites'] .view-before .reading")?.textContent).toMatch(/^Première activité à l'export : /);
  });
});
