/**
 * The comparison page (/comparer), static first, in Chromium on the built
 * site: the default comparison (Aube and Grand Est) is in its HTML — key
 * figures side by side, each territory's partner chart and treemap, stacked
 * on a phone — with JavaScript off and before any engine; choosing another
 * territory loads DuckDB-WASM, says so, draws the new pair and writes the
 * URL, with figures equal to a DuckDB recomputation from the published
 * canonical table; an unknown code or the same territory twice gives its
 * message and no comparison.
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatMillionEuros} from "../../src/components/format.js";
import {findRegion} from "../../src/data/territories.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";
import {canonicalTotal} from "./canonical.js";

const PAGE = "/comparer";
const SCREENSHOTS = "test-results/screenshots";
const ENGINE = /duckdb-eh\.[0-9a-f]+\.wasm$|duckdb-browser-eh\.worker|@observablehq\/plot|\/_node\/d3/;
/** Two territories, each with a partner chart and a treemap. */
const CHARTS = 4;

let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-comparer-");
  mkdirSync(SCREENSHOTS, {recursive: true});
});

afterAll(() => site?.close());

const table = (page: Page) => page.locator("main .comparison table.comparison-table");
const headers = (page: Page) => table(page).locator("thead th").allTextContents();
/** The two cells of a line of the key-figures table. */
const line = (page: Page, label: string) => table(page).locator("tbody tr", {has: page.locator(`th:text-is("${label}")`)}).locator("td").allTextContents();
const shownYear = async (page: Page) => Number(/(\d{4})$/.exec((await page.locator("main h2", {hasText: "Chiffres clés"}).textContent())!)![1]);

const visibleCharts = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll(".comparison-side .view svg[role='img']")].filter((svg) => (svg as SVGElement).getBoundingClientRect().width > 0).length);

/** Exports and imports of a territory, formatted as the page does, from the published canonical table. */
async function expectedFlows(depts: readonly string[] | undefined, year: number): Promise<string[]> {
  return Promise.all((["export", "import"] as const).map(async (flow) => formatMillionEuros(await canonicalTotal({depts, flow, year}))));
}

/** Waits until the pair `a`, `b` is drawn live: both sides' views, and the table headed with their names. */
async function pairDrawn(page: Page, a: string, b: string): Promise<void> {
  await page.waitForFunction(
    ([a, b]) =>
      [...document.querySelectorAll<HTMLElement>(".comparison-side[data-side='a'] .view.view-live")].every((slot) => slot.dataset.territory === a) &&
      [...document.querySelectorAll<HTMLElement>(".comparison-side[data-side='b'] .view.view-live")].every((slot) => slot.dataset.territory === b) &&
      document.querySelectorAll(".comparison-side .view.view-live").length === 4 &&
      !document.querySelector(".comparison-stale"),
    [a, b],
    {timeout: 90_000}
  );
}

describe("the comparison page, static first", () => {
  test("without JavaScript shows the default comparison: key figures side by side and both territories' charts", async () => {
    const context = await site.context.browser()!.newContext({javaScriptEnabled: false, viewport: {width: 1280, height: 900}});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + PAGE);
      const year = await shownYear(page);
      expect(await headers(page)).toEqual(["Indicateur", "Aube", "Grand Est"]);
      const [aube, grandEst] = await Promise.all([expectedFlows(["10"], year), expectedFlows(findRegion("44")!.departements, year)]);
      expect(await line(page, "Exportations")).toEqual([aube[0], grandEst[0]]);
      expect(await line(page, "Importations")).toEqual([aube[1], grandEst[1]]);
      expect(await visibleCharts(page)).toBe(CHARTS);
      // Side by side: the two partner charts on one row.
      const boxes = await page.locator(".comparison-side .view[data-view='partenaires'] svg[role='img']").evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(2);
      expect(boxes[1].left).toBeGreaterThanOrEqual(boxes[0].right);
      expect(Math.abs(boxes[1].top - boxes[0].top)).toBeLessThan(5);
      expect(await page.locator(".demo-banner").textContent()).toMatch(/^Données de démonstration \(synthétiques\)/);
      // The choice needs the script: it stays hidden.
      expect(await page.locator("form.comparison-controls").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  test("on a 390 px phone, stacks the two territories, each chart at its own size, nothing wider than the screen", async () => {
    const context = await site.context.browser()!.newContext({viewport: {width: 390, height: 844}});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + PAGE, {waitUntil: "domcontentloaded"});
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll(".comparison-side .view svg[role='img']")]
          .map((svg) => ({box: svg.getBoundingClientRect().toJSON() as DOMRect, drawn: Number((svg as SVGSVGElement).viewBox.baseVal?.width || svg.getAttribute("width"))}))
          .filter((svg) => svg.box.width > 0)
      );
      expect(shown).toHaveLength(CHARTS);
      // Not shrunk: its 11 px labels stay 11 px.
      for (const svg of shown) expect(svg.box.width / svg.drawn).toBeGreaterThan(0.9);
      // Stacked: the Grand Est's partner chart below the Aube's.
      expect(shown[1].box.top).toBeGreaterThanOrEqual(shown[0].box.bottom);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({path: join(SCREENSHOTS, "comparer-390.png"), fullPage: true});
    } finally {
      await context.close();
    }
  });

  test("requests no engine before a choice; another territory loads it, says so, draws the pair and writes the URL", async () => {
    const {page, requests, errors, offHost} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + PAGE);
      await page.locator("form.comparison-controls").waitFor({state: "visible"});
      await page.screenshot({path: join(SCREENSHOTS, "comparer.png"), fullPage: true});
      expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);
      const year = await shownYear(page);

      await page.locator("select[name='b']").selectOption({label: "Marne (51)"});
      await expect.poll(() => page.locator(".controls-status").textContent()).toMatch(/^(Chargement du moteur de requêtes|Calcul en cours|)/);
      await pairDrawn(page, "D10", "D51");
      expect(new URL(page.url()).search).toBe("?a=D10&b=D51");
      expect(requests.some((url) => /duckdb-eh\.[0-9a-f]+\.wasm$/.test(url))).toBe(true);
      expect(await headers(page)).toEqual(["Indicateur", "Aube", "Marne"]);
      const [aube, marne] = await Promise.all([expectedFlows(["10"], year), expectedFlows(["51"], year)]);
      expect(await line(page, "Exportations")).toEqual([aube[0], marne[0]]);
      expect(await line(page, "Importations")).toEqual([aube[1], marne[1]]);
      expect(await page.locator(".comparison-side[data-side='b'] .comparison-side-heading a").first().textContent()).toBe("Marne (51)");
      expect(await page.locator(".comparison-side[data-side='b'] .view[data-view='partenaires'] figcaption h3").textContent()).toBe("Principaux pays à l'import et à l'export, Marne (2024)");
      expect(await visibleCharts(page)).toBe(CHARTS);
      expect(await page.locator(".controls-status").textContent()).toBe("");

      // A shared link reopens the same comparison.
      await page.goto(site.server.url + `${PAGE}?a=FR&b=D51`);
      await pairDrawn(page, "FR", "D51");
      expect(await page.locator("select[name='a'] option:checked").textContent()).toBe("France entière");
      const france = await expectedFlows(undefined, year);
      expect((await line(page, "Exportations"))[0]).toBe(france[0]);
      expect(errors).toEqual([]);
      expect(offHost).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("refuses an unknown code with a French message naming it, and no comparison", async () => {
    const {page, requests, errors} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + `${PAGE}?a=ZZZ&b=R44`);
      const message = page.locator("main .comparison-error");
      await message.waitFor({state: "visible"});
      expect(await message.textContent()).toMatch(/^Territoire inconnu : « ZZZ » \(territoire A\)\. Les codes attendus : /);
      expect(await page.locator("main .comparison").isVisible()).toBe(false);
      expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("refuses comparing a territory with itself", async () => {
    const {page, errors} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + `${PAGE}?a=D10&b=D10`);
      const message = page.locator("main .comparison-error");
      await message.waitFor({state: "visible"});
      expect(await message.textContent()).toBe("Les deux territoires choisis sont les mêmes (« D10 ») : choisissez deux territoires différents.");
      expect(await page.locator("main .comparison").isVisible()).toBe(false);
      // Choosing another territory brings the comparison back.
      await page.locator("select[name='b']").selectOption("R44");
      await page.locator("main .comparison").waitFor({state: "visible"});
      expect(await message.isVisible()).toBe(false);
      expect(new URL(page.url()).search).toBe("?a=D10&b=R44");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
