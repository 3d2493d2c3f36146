/**
 * The static charts pasted into a factsheet (src/factsheet/prerender.ts,
 * static-charts.ts): drawn at build time by the page's own queries and
 * components, kept whole through Framework's Markdown, labels escaped,
 * replaced by the live chart's cell, and the same from one build to the next.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CHARTS} from "../../src/components/charts.ts";
import {withDuckDB} from "../../src/data/parquet-output.ts";
import {territoryFigures, withSliceData} from "../../src/data/slices.ts";
import type {SiteFigures} from "../../src/factsheet/figures.ts";
import {factsheetMarkdown} from "../../src/factsheet/page.ts";
import {drawStaticCharts, jsdomWindow, serialiseFigure} from "../../src/factsheet/prerender.ts";
import type {StaticCharts} from "../../src/factsheet/static-charts.ts";
import {createFixture, type Fixture} from "../data/synthetic-trade.ts";

// Framework's own Markdown parser (no type declarations: the two functions used, typed here).
const markdownModule: string = "@observablehq/framework/dist/markdown.js";
const {createMarkdownIt, parseMarkdown} = (await import(markdownModule)) as {
  createMarkdownIt(): unknown;
  parseMarkdown(input: string, options: {md: unknown; path: string}): {body: string; code: {id: string}[]};
};

const HOSTILE = "${alert(2)} <script>alert(1)</script> & \"q\"\n\nfin";

let fixture: Fixture;
let figures: SiteFigures;
let charts: Record<string, StaticCharts>;
const {document} = await jsdomWindow();

beforeAll(async () => {
  fixture = await createFixture();
  const bundle = await territoryFigures(fixture);
  figures = {...bundle, key: "test", synthetic: true, sourceDescription: "jeu d'essai", retrievedAt: null, territoiresIndustrie: null};
  charts = await drawStaticCharts(fixture, figures.year);
}, 60_000);

afterAll(async () => {
  await fixture?.cleanup();
});

/** The page as Framework renders it: its HTML body, and how many JavaScript cells (fenced and inline) it found. */
function rendered(markdown: string): {body: HTMLElement; cells: number} {
  const page = parseMarkdown(markdown, {md: createMarkdownIt(), path: "/departements/10"});
  const body = document.createElement("div");
  body.innerHTML = page.body;
  return {body, cells: page.code.length};
}

describe("static charts", () => {
  it("put the partner chart of the Aube in its page, titled, one bar per partner and side, before its cell", async () => {
    const markdown = factsheetMarkdown("D10", figures, charts.D10);
    const partners = await withSliceData(fixture, {year: figures.year}, (run) => CHARTS.partenaires.load(run, "D10", figures.year));
    expect(partners.length).toBeGreaterThan(2);

    const {body} = rendered(markdown);
    const figure = body.querySelector("div.prerendered-chart#prerendered-partenaires > figure[data-chart='partner-balance']")!;
    expect(figure).not.toBeNull();
    expect(figure.querySelector("figcaption h3")?.textContent).toBe("Aube (10) — principaux pays partenaires à l'import et à l'export, 2024 (M€)");
    const svg = figure.querySelector("svg[role='img']")!;
    for (const side of ["importations", "exportations", "solde"]) {
      expect(svg.querySelectorAll(`g[aria-description='${side}'] rect`), side).toHaveLength(partners.length);
    }
    expect([...svg.querySelectorAll("g[aria-label='y-axis tick label'] text")].map((text) => text.textContent)).toEqual(
      partners.map((row) => row.countryName)
    );
    // The treemap too, and each static chart sits right before its cell's output.
    const treemap = body.querySelector("#prerendered-activites > figure[data-chart='treemap'] svg[role='img']")!;
    expect(treemap.querySelectorAll("g.block")).toHaveLength(2);
    expect(treemap.querySelectorAll("g.cell").length).toBeGreaterThan(2);
    for (const id of ["prerendered-partenaires", "prerendered-activites"]) {
      expect(body.querySelector(`#${id}`)!.nextElementSibling?.className, id).toMatch(/observablehq--block/);
    }
  });

  it("are removed by the cell that draws the live chart, right before it draws", () => {
    const markdown = factsheetMarkdown("D10", figures, charts.D10);
    for (const kind of ["partenaires", "activites"]) {
      expect(markdown).toContain(
        `document.getElementById("prerendered-${kind}")?.remove();\nconst chart_${kind}_D10 = display(resize(`
      );
    }
    // The other charts have no static version to remove.
    expect(markdown.match(/getElementById\("prerendered-/g)).toHaveLength(2);
  });

  it("leave the page as it was when there are none", () => {
    const markdown = factsheetMarkdown("D10", figures);
    expect(markdown).not.toContain("prerendered-chart");
    expect(rendered(markdown).body.querySelectorAll("figure")).toHaveLength(0);
  });

  it("write hostile labels as text: no element, no Framework expression, no broken HTML block", async () => {
    // The countries' label table of the fixture, with one hostile name.
    await withDuckDB(async (connection) => {
      await connection.run(
        `COPY (SELECT code, CASE WHEN code = 'DE' THEN $1 ELSE name END AS name FROM read_parquet($2)) TO '${fixture.countriesParquetPath}.hostile' (FORMAT parquet)`,
        [HOSTILE, fixture.countriesParquetPath]
      );
    });
    const hostile = await drawStaticCharts({...fixture, countriesParquetPath: `${fixture.countriesParquetPath}.hostile`}, figures.year);
    const safe = rendered(factsheetMarkdown("D10", figures, charts.D10));
    const page = rendered(factsheetMarkdown("D10", figures, hostile.D10));

    const figure = page.body.querySelector("#prerendered-partenaires figure")!;
    expect(figure.querySelectorAll("script")).toHaveLength(0);
    expect(page.body.querySelectorAll("script")).toHaveLength(0);
    // "${alert(2)}" stayed text: Framework found no more cells than in the page without it.
    expect(page.cells).toBe(safe.cells);
    expect(figure.textContent).toContain("${alert(2)}");
    expect(figure.querySelector("svg title")?.parentElement?.tagName.toLowerCase()).toBe("svg");
    // The whole chart stayed in one HTML block: its legend is inside the figure, after the SVG.
    expect(figure.querySelector("svg + .chart-legend")).not.toBeNull();
  });

  it("hold no blank line, which would end the HTML block in the middle of the chart", () => {
    const figure = document.createElement("figure");
    figure.append("Produit\n  \nsuite", document.createElement("svg"));
    const markup = serialiseFigure(figure);
    expect(markup).not.toMatch(/\n\s*\n/);
    expect(rendered(`<div>${markup}</div>`).body.querySelector("div > figure > svg")).not.toBeNull();
  });

  it("are the same from one build to the next, and give no element an id", async () => {
    const again = await drawStaticCharts(fixture, figures.year);
    expect(JSON.stringify(again)).toBe(JSON.stringify(charts));
    for (const [id, {partenaires, activites}] of Object.entries(charts)) expect(`${partenaires}${activites}`, id).not.toMatch(/\sid="/);
    // Plot's class name is a constant of its version, not a random one.
    expect(charts.D10.partenaires).toContain('class="plot-d6a7b5"');
  }, 60_000);
});
