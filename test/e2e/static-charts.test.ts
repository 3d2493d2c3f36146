/**
 * The static charts of a factsheet (src/factsheet/static-charts.ts) in
 * Chromium: without JavaScript, the partner chart and the treemap are in the
 * page, drawn as the live ones (same bars, same cells), accessible and
 * printable; with JavaScript, each gives way to its live chart, actions and
 * data table included, never both at once.
 */
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {seriousViolations} from "./axe.ts";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.ts";

const PAGE = "/departements/10";
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-static-charts-");
});

afterAll(() => site?.close());

interface Drawn {
  staticBlocks: number;
  partnerFigures: number;
  treemapFigures: number;
  /** Bars of the partner chart, by side. */
  bars: Record<"importations" | "exportations" | "solde", number>;
  partnerLabels: string[];
  treemapBlocks: number;
  treemapCells: number;
  /** Rendered width of each chart's <svg>, in CSS pixels. */
  widths: number[];
}

function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const partner = document.querySelector("figure[data-chart='partner-balance'] svg[role='img']");
    const treemap = document.querySelector("figure[data-chart='treemap'] svg[role='img']");
    const bars = (side: string) => partner?.querySelectorAll(`g[aria-description='${side}'] rect`).length ?? 0;
    return {
      staticBlocks: document.querySelectorAll(".prerendered-chart").length,
      partnerFigures: document.querySelectorAll("figure[data-chart='partner-balance']").length,
      treemapFigures: document.querySelectorAll("figure[data-chart='treemap']").length,
      bars: {importations: bars("importations"), exportations: bars("exportations"), solde: bars("solde")},
      partnerLabels: [...(partner?.querySelectorAll("g[aria-label='y-axis tick label'] text") ?? [])].map((text) => text.textContent ?? ""),
      treemapBlocks: treemap?.querySelectorAll("g.block").length ?? 0,
      treemapCells: treemap?.querySelectorAll("g.cell").length ?? 0,
      widths: [partner, treemap].map((svg) => Math.round(svg?.getBoundingClientRect().width ?? 0))
    };
  });
}

let withoutScripts: Drawn;

describe(`${PAGE}, static charts`, () => {
  test("without JavaScript: the partner chart and the treemap are in the HTML, accessible and printed", async () => {
    const {page, offHost} = await watchedPage(site.context);
    try {
      // No script of the page runs: its modules are refused (the inline one only imports them).
      await page.route(/\.js(\?|$)/, (route) => route.abort());
      const response = await page.goto(site.server.url + PAGE, {waitUntil: "load"});
      expect(response?.status()).toBe(200);
      expect(await page.evaluate(() => document.querySelectorAll(".chart-actions, .chart-data").length)).toBe(0);
      withoutScripts = await drawn(page);
      expect(withoutScripts.staticBlocks).toBe(2);
      expect(withoutScripts.partnerFigures).toBe(1);
      expect(withoutScripts.treemapFigures).toBe(1);
      expect(withoutScripts.bars.importations).toBeGreaterThan(2);
      expect(withoutScripts.bars.exportations).toBe(withoutScripts.bars.importations);
      expect(withoutScripts.bars.solde).toBe(withoutScripts.bars.importations);
      expect(withoutScripts.treemapBlocks).toBe(2);
      expect(withoutScripts.treemapCells).toBeGreaterThan(2);
      for (const width of withoutScripts.widths) expect(width).toBeGreaterThan(300);
      expect(await seriousViolations(page), "axe-core").toEqual([]);

      // On A4, both charts print, within the page's width.
      await page.emulateMedia({media: "print"});
      for (const kind of ["partner-balance", "treemap"]) {
        const svg = page.locator(`figure[data-chart='${kind}'] svg[role='img']`);
        expect(await svg.isVisible(), kind).toBe(true);
      }
      const pdf = await page.pdf({format: "A4"});
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      expect(offHost).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("narrow screen: the static charts scale down to the column", async () => {
    const {page} = await watchedPage(site.context);
    try {
      await page.setViewportSize({width: 375, height: 800});
      await page.route(/\.js(\?|$)/, (route) => route.abort());
      await page.goto(site.server.url + PAGE, {waitUntil: "load"});
      const fits = await page.evaluate(() =>
        [...document.querySelectorAll(".prerendered-chart svg[role='img']")].map((svg) => {
          const box = svg.getBoundingClientRect();
          return {right: box.right <= document.documentElement.clientWidth + 1, ratio: box.height / box.width};
        })
      );
      expect(fits).toHaveLength(2);
      for (const {right, ratio} of fits) {
        expect(right).toBe(true);
        expect(ratio).toBeGreaterThan(0.2); // scaled, not squashed: height:auto keeps the aspect ratio
      }
    } finally {
      await page.close();
    }
  });

  test("with JavaScript: each static chart gives way to the live one, drawn alike, with its actions", async () => {
    const {page, errors, offHost} = await watchedPage(site.context);
    try {
      await page.goto(site.server.url + PAGE, {waitUntil: "domcontentloaded"});
      await page.waitForFunction(() => !document.querySelector(".prerendered-chart"), undefined, {timeout: 60_000});
      for (const kind of ["partner-balance", "treemap"]) {
        await page.locator(`div:has(> figure.chart[data-chart='${kind}']) + .chart-actions`).waitFor({timeout: 60_000});
      }
      const live = await drawn(page);
      expect(live.staticBlocks).toBe(0);
      expect(live.partnerFigures).toBe(1);
      expect(live.treemapFigures).toBe(1);
      expect(live.bars).toEqual(withoutScripts.bars);
      expect(live.partnerLabels).toEqual(withoutScripts.partnerLabels);
      expect(live.treemapBlocks).toBe(withoutScripts.treemapBlocks);
      expect(live.treemapCells).toBe(withoutScripts.treemapCells);
      for (const kind of ["partner-balance", "treemap"]) {
        expect(await page.locator(`div:has(> figure.chart[data-chart='${kind}']) + .chart-actions`).count(), kind).toBe(1);
      }
      expect(errors).toEqual([]);
      expect(offHost).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
