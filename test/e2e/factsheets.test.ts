/**
 * Every factsheet (100 départements — Corsica as one —, 18 régions, France) in Chromium: the
 * sections of the reference are drawn — partner balance, the two treemap
 * blocks, the Sankeys (six on a département page: itself, its région and
 * France, for exports and imports) with at most 11 + 11 nodes and exactly 5
 * red flows — with no console error and no request off 127.0.0.1.
 */
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {carriesFigures, departements, regions} from "../../src/data/territories.ts";
import type {StaticServer} from "../../scripts/serve-dist.ts";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.ts";

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-factsheets-");
  ({server, context} = site);
});

afterAll(() => site?.close());

interface Drawn {
  staticCharts: number;
  partnerCharts: number;
  treemapBlocks: number;
  trendCharts: number;
  indicatorCards: number;
  sankeys: {left: number; right: number; red: number; links: number}[];
}

/** What the page drew, read from the DOM once every chart is there. */
async function drawn(path: string, sankeys: number): Promise<{drawn: Drawn; errors: string[]; offHost: string[]}> {
  const {page, errors, offHost} = await watchedPage(context);
  try {
    const response = await page.goto(server.url + path, {waitUntil: "domcontentloaded"});
    expect(response?.status(), path).toBe(200);
    // The served HTML itself holds the static partner chart and treemap (src/factsheet/static-charts.ts).
    const staticCharts = (await response!.text()).match(/<div class="prerendered-chart" id="prerendered-(?:partenaires|activites)"><figure /g)?.length ?? 0;
    // Figures (a chart's legend may hold small SVG swatches of its own): each kind drawn, with its SVG.
    const drawnCount = (kind: string) => `document.querySelectorAll("figure[data-chart='${kind}']:has(svg)").length`;
    await page.waitForFunction(
      `${drawnCount("sankey")} === ${sankeys} && ${drawnCount("treemap")} === 1 && ${drawnCount("partner-balance")} === 1 &&
       ${drawnCount("trend")} === 1 && document.querySelectorAll(".indicator-card").length > 0 &&
       !document.querySelector(".prerendered-chart")`, // the live charts, not the static ones the page starts with
      undefined,
      {timeout: 60_000}
    );
    const result = await page.evaluate(() => ({
      partnerCharts: document.querySelectorAll("figure[data-chart='partner-balance']:has(svg)").length,
      treemapBlocks: document.querySelectorAll("figure[data-chart='treemap'] g.block").length,
      trendCharts: document.querySelectorAll("figure[data-chart='trend']:has(svg)").length,
      indicatorCards: document.querySelectorAll(".indicator-card").length,
      sankeys: [...document.querySelectorAll("figure[data-chart='sankey']")].map((figure) => ({
        left: figure.querySelectorAll("g.node[data-side='left']").length,
        right: figure.querySelectorAll("g.node[data-side='right']").length,
        red: figure.querySelectorAll("path.link[data-highlight='true']").length,
        links: figure.querySelectorAll("path.link").length
      }))
    }));
    return {drawn: {...result, staticCharts}, errors: [...errors], offHost: [...offHost]};
  } finally {
    await page.close();
  }
}

const ONLY = process.env.FACTSHEETS_ONLY?.split(",");
const allFactsheets = [
  // The demo publishes Corsica as the customs do, one "20": the pages 2A and 2B are notices (baked-figures.test.ts).
  ...departements.filter((d) => carriesFigures(d.code, "20")).map((d) => ({path: `/departements/${d.code}`, sankeys: 6})),
  ...regions.map((r) => ({path: `/regions/${r.code}`, sankeys: 4})),
  {path: "/france", sankeys: 2}
];
// FACTSHEETS_ONLY=/departements/10,/france checks a few pages while working on them.
const factsheets = ONLY ? allFactsheets.filter((f) => ONLY.includes(f.path)) : allFactsheets;

describe("every factsheet", () => {
  // Two pages at a time (2 cores): each test checks a batch, so a failure names its page.
  const BATCH = 2;
  const batches = Array.from({length: Math.ceil(factsheets.length / BATCH)}, (_, i) => factsheets.slice(i * BATCH, (i + 1) * BATCH));
  test.each(batches.map((batch) => [batch.map((f) => f.path).join(" "), batch] as const))("%s", async (_, batch) => {
    const results = await Promise.all(batch.map(({path, sankeys}) => drawn(path, sankeys).then((r) => ({path, sankeys, ...r}))));
    for (const {path, sankeys, drawn: d, errors, offHost} of results) {
      expect(errors, path).toEqual([]);
      expect(offHost, path).toEqual([]);
      expect(d.staticCharts, path).toBe(2);
      expect(d.partnerCharts, path).toBe(1);
      expect(d.treemapBlocks, path).toBe(2);
      expect(d.trendCharts, path).toBe(1);
      expect(d.sankeys, path).toHaveLength(sankeys);
      for (const sankey of d.sankeys) {
        expect(sankey.left, path).toBeGreaterThan(1);
        expect(sankey.left, path).toBeLessThanOrEqual(11);
        expect(sankey.right, path).toBeLessThanOrEqual(11);
        expect(sankey.red, path).toBe(5);
      }
    }
  });
});
