/**
 * Static first, on the built site in Chromium: a factsheet is complete in its
 * HTML (every chart without JavaScript and in print), requests neither the
 * DuckDB wasm nor a chart library before a control is used; a control
 * changes the views, the URL, and the figures, which equal a DuckDB
 * recomputation from the published canonical table.
 */
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatMillionEuros} from "../../src/components/format.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";
import {canonicalTotal} from "./canonical.js";

const PAGE = "/departements/10";
/** The reference's charts on a département's page: partners, treemap, 3 + 3 Sankeys, quarterly trend, year-over-year change. */
const REFERENCE_CHARTS = 10;
const ENGINE = /duckdb-eh\.[0-9a-f]+\.wasm$|duckdb-browser-eh\.worker|@observablehq\/plot|\/_node\/d3/;

let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-static-first-");
});

afterAll(() => site?.close());

/** The Aube's exports of a year, from the canonical table dist/ publishes. */
const aubeExports = (year: number) => canonicalTotal({depts: ["10"], flow: "export", year});

/** Waits until the live code has drawn every view of the page again (after a control, or a URL with a choice). */
/** Waits until every slot of these views is drawn live (a control redraws only the views it changes). */
const viewsLive = (page: Page, kinds: readonly string[]) =>
  page.waitForFunction(
    (kinds) => kinds.every((kind) => [...document.querySelectorAll(`.view[data-view='${kind}']`)].every((slot) => slot.classList.contains("view-live"))),
    kinds,
    {timeout: 60_000}
  );
// What a year redraws (the quarterly trend shows every quarter whatever the year) and what the Sankeys' size does.
const YEAR_VIEWS = ["chiffres", "departements", "partenaires", "activites", "exportations", "importations", "comparaisons", "indicateurs"];
const SANKEY_VIEWS = ["exportations", "importations"];

/** The charts the page's HTML holds (each drawn once wide, once narrow): a view a fork adds counts too. */
const builtCharts = (page: Page) => page.locator(".view .view-wide > .view-chart > figure svg[role='img']").count();

const visibleCharts = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll(".view svg[role='img']")].filter((svg) => (svg as SVGElement).getBoundingClientRect().width > 0).length);

describe("a factsheet, static first", () => {
  test("without JavaScript shows every chart, the key figures and the indicators, and no empty heading", async () => {
    const context = await site.context.browser()!.newContext({javaScriptEnabled: false, viewport: {width: 1280, height: 900}});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + PAGE);
      expect(await builtCharts(page)).toBeGreaterThanOrEqual(REFERENCE_CHARTS);
      expect(await visibleCharts(page)).toBe(await builtCharts(page));
      expect(await page.locator(".view[data-view='chiffres'] .key-figure-export strong").textContent()).toBe(formatMillionEuros(await aubeExports(2024)));
      expect(await page.locator(".view[data-view='indicateurs'] .indicator-card").count()).toBeGreaterThan(2);
      // Every heading is followed by its content before the next heading of its rank or above.
      const empty = await page.evaluate(() =>
        [...document.querySelectorAll("main h2, main h3")].filter((h) => !h.closest("figure")).filter((h) => {
          const next = h.nextElementSibling;
          return !next || (/^H[1-6]$/.test(next.tagName) && Number(next.tagName[1]) <= Number(h.tagName[1]));
        }).map((h) => h.textContent)
      );
      expect(empty).toEqual([]);
      // The controls need the script: they stay hidden.
      expect(await page.locator("form.factsheet-controls").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  test("printed at load, holds every chart", async () => {
    const {page} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + PAGE, {waitUntil: "domcontentloaded"});
      await page.emulateMedia({media: "print"});
      expect(await visibleCharts(page)).toBe(await builtCharts(page));
      expect(await page.locator("form.factsheet-controls").isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });

  test("on a 390 px phone, shows the narrow drawings, at their own size", async () => {
    const context = await site.context.browser()!.newContext({viewport: {width: 390, height: 844}});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + PAGE, {waitUntil: "domcontentloaded"});
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll(".view svg[role='img']")]
          .map((svg) => ({narrow: !!svg.closest(".view-narrow"), width: svg.getBoundingClientRect().width, drawn: Number((svg as SVGSVGElement).viewBox.baseVal?.width || svg.getAttribute("width"))}))
          .filter((svg) => svg.width > 0)
      );
      expect(shown).toHaveLength(await builtCharts(page));
      for (const svg of shown) {
        expect(svg.narrow).toBe(true);
        // Drawn for the phone's column: not shrunk (its 11 px labels stay 11 px).
        expect(svg.width / svg.drawn).toBeGreaterThan(0.9);
      }
    } finally {
      await context.close();
    }
  });

  test("requests no engine before a control; the first control loads it, redraws, and writes the URL", async () => {
    const {page, requests, errors, offHost} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + PAGE);
      await page.locator("form.factsheet-controls").waitFor({state: "visible"});
      const charts = await builtCharts(page);
      // Chart actions are there from the start, on the static charts.
      expect(await page.locator(".view-actions .chart-actions").count()).toBe(charts);
      expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);

      await page.locator("select[name='annee']").selectOption("2023");
      await expect.poll(() => page.locator(".controls-status").textContent()).toMatch(/^(Chargement du moteur de requêtes|Calcul en cours|)/);
      await viewsLive(page, YEAR_VIEWS);
      // The trend, the same for every year, is left as built.
      expect(await page.locator(".view[data-view='tendance'].view-live").count()).toBe(0);
      expect(new URL(page.url()).search).toBe("?annee=2023");
      expect(requests.some((url) => /duckdb-eh\.[0-9a-f]+\.wasm$/.test(url))).toBe(true);
      expect(await page.locator(".view[data-view='chiffres'] .key-figure-export strong").textContent()).toBe(formatMillionEuros(await aubeExports(2023)));
      expect(await page.locator("h2 .shown-year").first().textContent()).toBe("2023");
      expect(await visibleCharts(page)).toBe(charts);

      // The next control answers from the engine already there.
      await page.locator("select[name='niveau']").selectOption("cpf4");
      await expect.poll(() => page.locator(".view[data-view='activites'] [data-product]").first().getAttribute("data-product")).toMatch(/^\d{4}$/);
      expect(new URL(page.url()).search).toBe("?annee=2023&niveau=cpf4");
      expect(errors).toEqual([]);
      expect(offHost).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("the flows control shows one flow's Sankeys at once, with no engine, and its link reopens it", async () => {
    const {page, requests, errors} = await watchedPage(site.context);
    try {
      const sankeys = (flow: string) => page.locator(`.flow-section[data-flow-section='${flow}'] .view[data-view] .view-wide svg[role='img']`);
      await page.goto(site.server.url + PAGE);
      await page.locator("form.factsheet-controls").waitFor({state: "visible"});
      expect(await sankeys("import").first().isVisible()).toBe(true);
      await page.locator("select[name='flux']").selectOption("export");
      await expect.poll(() => sankeys("import").first().isVisible()).toBe(false);
      expect(await sankeys("export").first().isVisible()).toBe(true);
      expect(new URL(page.url()).search).toBe("?flux=exportations");
      expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);

      await page.goto(site.server.url + `${PAGE}?flux=importations`);
      await page.locator("form.factsheet-controls").waitFor({state: "visible"});
      expect(await page.locator("select[name='flux']").inputValue()).toBe("import");
      expect(await sankeys("export").first().isVisible()).toBe(false);
      expect(await sankeys("import").first().isVisible()).toBe(true);
      expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("a link with the reader's choice reopens the same view; a click on an activity lists its CPF4 products", async () => {
    const {page, errors} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + `${PAGE}?n=15`);
      await viewsLive(page, SANKEY_VIEWS);
      expect(await page.locator(".view[data-view='partenaires'].view-live").count()).toBe(0);
      expect(await page.locator("select[name='n']").inputValue()).toBe("15");
      const left = await page.locator(".view[data-view='exportations'][data-territory='D10'] g.node[data-side='left']").count();
      expect(left).toBeGreaterThan(11);
      expect(left).toBeLessThanOrEqual(16);

      const cell = page.locator(".view[data-view='activites'] g.block[data-flow='export'] [data-product]:not([data-product='_AUTRES'])").first();
      await cell.click();
      const detail = page.locator(".view[data-view='activites'] .view-detail");
      await detail.waitFor({timeout: 30_000});
      expect(await detail.locator("h4").textContent()).toMatch(/produits de la nomenclature CPF4, exportations 2024$/);
      const codes = await detail.locator("tbody tr td:first-child").allTextContents();
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) expect(code).toMatch(/^\d{4}$/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("every partner in a sortable table, from a button, on demand", async () => {
    const {page, errors} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + PAGE);
      await page.locator(".view[data-view='partenaires'] button.show-all").click();
      const table = page.locator(".view[data-view='partenaires'] .view-all table");
      await table.waitFor({timeout: 60_000});
      const count = await table.locator("tbody tr").count();
      // More than the ten of the chart: every partner of the year.
      expect(count).toBeGreaterThan(10);
      expect(await page.locator(".view[data-view='partenaires'] .view-all summary").textContent()).toBe(`Les ${count} pays partenaires, 2024 (tableau triable)`);
      await table.locator("thead button", {hasText: "Pays"}).click();
      const names = await table.locator("tbody tr td:first-child").allTextContents();
      expect(names).toEqual([...names].sort(new Intl.Collator("fr").compare));
      expect(await table.locator("thead th[aria-sort='ascending']").textContent()).toBe("Pays");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
