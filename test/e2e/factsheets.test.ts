/**
 * Every factsheet (100 départements — Corsica as one —, 18 régions, France) in Chromium: the
 * sections of the reference are in the HTML as loaded — partner balance, the
 * two treemap blocks, the Sankeys (six on a département page: itself, its
 * région and France, for exports and imports; four when the région has one
 * département) with at most 11 + 11 nodes and exactly 5 red flows — with no
 * console error, no request off 127.0.0.1, and no engine requested.
 */
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {carriesFigures, departements, regions} from "../../src/data/territories.js";
import type {StaticServer} from "../../scripts/serve-dist.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-factsheets-");
  ({server, context} = site);
});

afterAll(() => site?.close());

interface Drawn {
  partnerCharts: number;
  treemapBlocks: number;
  trendCharts: number;
  indicatorCards: number;
  sankeys: {left: number; right: number; red: number; links: number}[];
}

/** What the page's HTML holds (drawn at build time): read from the DOM at load, wide drawings (a 1280 px window). */
async function drawn(path: string): Promise<{drawn: Drawn; errors: string[]; offHost: string[]; engine: string[]}> {
  const {page, errors, offHost, requests} = await watchedPage(context);
  try {
    const response = await page.goto(server.url + path, {waitUntil: "load"});
    expect(response?.status(), path).toBe(200);
    // The page's script has run: it shows the controls.
    await page.locator("form.factsheet-controls").waitFor({state: "visible"});
    const result = await page.evaluate(() => {
      const wide = (kind: string) => [...document.querySelectorAll(`.view-wide figure[data-chart='${kind}']`)].filter((figure) => figure.querySelector("svg"));
      return {
        partnerCharts: wide("partner-balance").length,
        treemapBlocks: document.querySelectorAll(".view-wide figure[data-chart='treemap'] g.block").length,
        trendCharts: wide("trend").length,
        indicatorCards: document.querySelectorAll(".indicator-card").length,
        sankeys: wide("sankey").map((figure) => ({
          left: figure.querySelectorAll("g.node[data-side='left']").length,
          right: figure.querySelectorAll("g.node[data-side='right']").length,
          red: figure.querySelectorAll("path.link[data-highlight='true']").length,
          links: figure.querySelectorAll("path.link").length
        }))
      };
    });
    return {drawn: result, errors: [...errors], offHost: [...offHost], engine: requests.filter((url) => /duckdb|@observablehq\/plot|\/_node\/d3/.test(url))};
  } finally {
    await page.close();
  }
}

/** A région whose only département with a page is that one (overseas, Corsica as "20"): its Sankey would repeat the département's. */
const singleDepartementRegion = (code: string) => regions.find((r) => r.code === code)!.departements.filter((d) => carriesFigures(d, "20")).length === 1;

const ONLY = process.env.FACTSHEETS_ONLY?.split(",");
const allFactsheets = [
  // The demo publishes Corsica as the customs do, one "20": the pages 2A and 2B are notices (baked-figures.test.ts).
  ...departements.filter((d) => carriesFigures(d.code, "20")).map((d) => ({path: `/departements/${d.code}`, sankeys: singleDepartementRegion(d.regionCode) ? 4 : 6})),
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
    const results = await Promise.all(batch.map(({path, sankeys}) => drawn(path).then((r) => ({path, sankeys, ...r}))));
    for (const {path, sankeys, drawn: d, errors, offHost, engine} of results) {
      expect(errors, path).toEqual([]);
      expect(offHost, path).toEqual([]);
      // Static first: no engine and no chart library at load.
      expect(engine, path).toEqual([]);
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
