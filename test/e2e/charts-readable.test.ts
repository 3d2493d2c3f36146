/**
 * Charts that can be read, in Chromium at a 390 px phone's width (the
 * narrow drawings, shown at their natural size) and at 1280 px: every label
 * at 11 px at least as displayed, every treemap cell named or listed, no
 * Sankey name cut to « Autres… », the narrow partner axis with three ticks,
 * the home ranking's names whole, and the map's tooltip on focus and on touch.
 */
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {StaticServer} from "../../scripts/serve-dist.js";
import {NARROW_WIDTH} from "../../src/factsheet/prerender.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-charts-readable-");
  ({server, context} = site);
});

afterAll(() => site?.close());

async function open(path: string, width: number): Promise<{page: Page; errors: string[]}> {
  const {page, errors} = await watchedPage(context);
  await page.setViewportSize({width, height: 844});
  await page.goto(server.url + path, {waitUntil: "load"});
  return {page, errors};
}

/** The smallest text of the shown charts, in CSS pixels as displayed (font size × the drawing's scale). */
function smallestText(page: Page, selector: string): Promise<{size: number; text: string}> {
  return page.evaluate((selector) => {
    let smallest = {size: Infinity, text: ""};
    for (const svg of document.querySelectorAll<SVGSVGElement>(selector)) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue; // not shown
      const scale = box.width / Number(svg.getAttribute("width"));
      for (const text of svg.querySelectorAll<SVGTextElement>("text")) {
        if (!text.textContent?.trim() || text.closest("title")) continue;
        for (const node of [text, ...text.querySelectorAll("tspan")]) {
          const size = parseFloat(getComputedStyle(node).fontSize) * scale;
          if (size < smallest.size) smallest = {size, text: node.textContent ?? ""};
        }
      }
    }
    return smallest;
  }, selector);
}

describe("factsheets on a phone (390 px)", () => {
  for (const path of ["/departements/976", "/departements/10", "/regions/11"]) {
    test(`${path}: labels of 11 px at least, every treemap cell named or listed, no Sankey name cut to « Autres… »`, async () => {
      const {page, errors} = await open(path, 390);
      try {
        const narrow = ".view-narrow figure.chart svg[width]:not([aria-hidden])";
        // The narrow drawings are the ones shown, at their natural size.
        const widths = await page.locator(narrow).evaluateAll((svgs) => svgs.map((svg) => Math.round(svg.getBoundingClientRect().width)).filter(Boolean));
        expect(widths.length).toBeGreaterThan(3);
        for (const width of widths) expect(width).toBe(NARROW_WIDTH);
        const smallest = await smallestText(page, narrow);
        expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(11);

        const unlisted = await page.locator(".view-narrow figure[data-chart='treemap']").evaluateAll((figures) =>
          figures.flatMap((figure) =>
            [...figure.querySelectorAll("g.cell")].flatMap((cell) => {
              const name = cell.querySelector("title")!.textContent!.split("\u00a0:")[0];
              const label = [...cell.querySelectorAll("text.cell-label tspan:not(.cell-value)")].map((span) => span.textContent).join(" ");
              const flow = cell.closest("g.block")!.getAttribute("data-flow");
              const listed = [...figure.querySelectorAll(`.treemap-key [data-flow="${flow}"] li`)].some((li) => li.textContent!.replace(/^(\d+|•) /, "").startsWith(`${name} — `));
              return label === name || listed ? [] : [name];
            })
          )
        );
        expect(unlisted).toEqual([]);

        const cutOthers = await page.locator(".view-narrow figure[data-chart='sankey'] .node-label").evaluateAll((labels) =>
          labels.map((label) => [...label.querySelectorAll(".node-name")].map((span) => span.textContent).join(" ")).filter((name) => /^Autres\b.*…$/.test(name) || name === "Autres")
        );
        expect(cutOthers).toEqual([]);

        // The partner chart's axis has a scale: three tick labels at least, zero among them.
        const ticks = await page.locator(".view-narrow figure[data-chart='partner-balance'] g[aria-label='x-axis tick label'] text").allTextContents();
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        expect(ticks).toContain("0");
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe("the home page", () => {
  test("on a phone, every ranking name is whole and inside the drawing, at 12 px", async () => {
    const {page, errors} = await open("/", 390);
    try {
      const facts = await page.locator("main .home-metric:not([hidden]) .home-ranking-narrow svg").evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          width: box.width,
          names: [...svg.querySelectorAll("g[aria-label='text'] text")].map((text) => {
            const r = text.getBoundingClientRect();
            return {text: text.textContent, left: r.left - box.left, right: r.right - box.left, size: parseFloat(getComputedStyle(text).fontSize)};
          })
        };
      });
      expect(facts.width).toBe(NARROW_WIDTH);
      expect(facts.names.length).toBe(15);
      for (const name of facts.names) {
        expect(name.left, name.text!).toBeGreaterThanOrEqual(0);
        expect(name.right, name.text!).toBeLessThanOrEqual(facts.width);
        expect(name.size).toBeGreaterThanOrEqual(12);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("the map's tooltip: a visible box on keyboard focus, and on a first tap, the page opened at the second", async () => {
    const {page, errors} = await open("/", 390);
    try {
      await page.locator("main form.home-metric-choice:not([data-pending])").waitFor({timeout: 60_000});
      const panel = "main .home-metric:not([hidden])";
      const tip = page.locator(`${panel} .map-tip`);
      await page.locator(`${panel} .france-map svg a[data-code='13']`).focus();
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toMatch(/^Bouches-du-Rhône \(13\)Exportations \d{4} : /);
      // Inside the viewport of a phone.
      const box = (await tip.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);

      const aube = page.locator(`${panel} .france-map svg a[data-code='10'] path`);
      const tap = async () => {
        await aube.dispatchEvent("pointerdown", {pointerType: "touch", bubbles: true});
        await aube.dispatchEvent("click", {bubbles: true, cancelable: true});
      };
      await tap();
      expect(await tip.textContent()).toContain("Aube (10)");
      expect(await tip.textContent()).toContain("Touchez à nouveau pour ouvrir la fiche.");
      expect(new URL(page.url()).pathname).toBe("/");
      await tap();
      await page.waitForURL(/\/departements\/10$/);
      await page.waitForLoadState("networkidle", {timeout: 60_000});
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("the balance map's legend says red and green, and no class is blue", async () => {
    const {page} = await open("/", 1280);
    try {
      await page.locator("main form.home-metric-choice:not([data-pending])").waitFor({timeout: 60_000});
      await page.getByRole("radio", {name: "Solde commercial", exact: true}).check();
      const panel = "main .home-metric[data-metric='balance']";
      expect(await page.locator(`${panel} .legend-note`).textContent()).toMatch(/^En rouge, les départements en déficit/);
      const swatches = await page.locator(`${panel} .france-map-legend .swatch`).evaluateAll((spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
      expect(swatches.length).toBeGreaterThan(2);
      for (const color of swatches) {
        const [r, g, b] = color.match(/\d+/g)!.map(Number);
        // Blue or violet: blue the strongest channel, well above green.
        expect(b > r && b > g + 30, color).toBe(false);
      }
    } finally {
      await page.close();
    }
  });
});
