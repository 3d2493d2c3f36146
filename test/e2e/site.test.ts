/**
 * The built site in a real browser, with no network beyond 127.0.0.1: each
 * page type renders its charts from DuckDB-WASM queries, logs no error,
 * requests nothing off-host, is in French, lets readers zoom and has no
 * serious accessibility violation (axe-core).
 */
import {existsSync, mkdirSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {StaticServer} from "../../scripts/serve-dist.js";
import {seriousViolations} from "./axe.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";

const DIST = "dist";
const SCREENSHOTS = "test-results/screenshots";
const CHART_SVG = "main figure svg, main svg[class^='plot']";

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;
/** Measured figures, written to test-results/ for the README's Performance section. */
const timings: Record<string, number> = {};
const weights: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  site = await openBuiltSite("chromium-e2e-");
  ({server, context} = site);
  mkdirSync(SCREENSHOTS, {recursive: true});
});

afterAll(async () => {
  await site?.close();
  const measures = {millisecondsToFirstChart: timings, bytesByType: weights};
  if (Object.keys(timings).length) writeFileSync("test-results/measures.json", JSON.stringify(measures, null, 2) + "\n");
});

/** Zoom is blocked by `user-scalable=no` or a maximum scale below 2 (WCAG 1.4.4 asks for 200 %). */
function viewportAllowsZoom(content: string): boolean {
  const settings = new Map(
    content.split(",").map((part) => part.split("=").map((s) => s.trim().toLowerCase()) as [string, string])
  );
  const scalable = settings.get("user-scalable");
  const maximum = settings.get("maximum-scale");
  return scalable !== "no" && scalable !== "0" && (maximum === undefined || Number(maximum) >= 2);
}

test("the viewport check rejects what Framework emits by default", () => {
  expect(viewportAllowsZoom("width=device-width, initial-scale=1, maximum-scale=1")).toBe(false);
  expect(viewportAllowsZoom("width=device-width, user-scalable=no")).toBe(false);
  expect(viewportAllowsZoom("width=device-width, initial-scale=1")).toBe(true);
});

const pages = [
  {path: "/", name: "accueil"},
  {path: "/departements/10", name: "departement-10", heading: "Aube (10)"},
  {path: "/departements/20", name: "departement-20", heading: "Corse (20)"},
  {path: "/departements/974", name: "departement-974", heading: "La Réunion (974)"},
  {path: "/regions/44", name: "region-44", heading: "Grand Est"},
  {path: "/france", name: "france", heading: "France entière"}
];

describe.each(pages)("$path", ({path, name, heading}) => {
  test("shows its charts from its HTML, offline, in French, zoomable, with no engine requested", async () => {
    const {page, requests, offHost, errors, bytesByType} = await watchedPage(context);
    try {
      const response = await page.goto(server.url + path, {waitUntil: "domcontentloaded"});
      expect(response?.status()).toBe(200);

      // The fixes are in the served HTML itself, not only applied by a script.
      const html = await response!.text();
      expect(html).toMatch(/<html lang="fr">/);
      const servedViewport = /<meta name="viewport" content="([^"]*)">/.exec(html)?.[1] ?? "";
      expect(viewportAllowsZoom(servedViewport), servedViewport).toBe(true);

      // A chart drawn at build time (Plot or d3 SVG inside main), there at load.
      await page.locator(CHART_SVG).first().waitFor({timeout: 60_000});
      timings[path] = Math.round(await page.evaluate(() => performance.now()));

      if (heading) {
        expect(await page.locator("h1").first().textContent()).toBe(heading);
        expect(await page.title()).toContain(heading);
      }
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
      const domViewport = await page.locator('meta[name="viewport"]').getAttribute("content");
      expect(viewportAllowsZoom(domViewport ?? "")).toBe(true);

      await page.screenshot({path: join(SCREENSHOTS, `${name}.png`), fullPage: true});
      weights[path] = await bytesByType();
      expect(await seriousViolations(page), `${path} : axe-core`).toEqual([]);
      // Static first: the engine loads when a control asks for it (static-first.test.ts), never at load.
      expect(requests.filter((url) => /duckdb-eh/.test(url))).toEqual([]);
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

test("the sidebar lists France, the 18 régions and the 100 départements (Corsica as one), and its search finds them in French", async () => {
  const {page, offHost, errors} = await watchedPage(context);
  try {
    await page.goto(server.url + "/departements/10");
    const links = page.locator("#observablehq-sidebar a[href]");
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const departements = hrefs.filter((href) => /\/departements\/[0-9AB]+$/.test(href));
    expect(departements).toHaveLength(100);
    expect(departements).toContain("/departements/20");
    expect(departements).not.toContain("/departements/2A");
    expect(hrefs.filter((href) => /\/regions\/\d+$/.test(href))).toHaveLength(18);
    expect(hrefs.some((href) => href.endsWith("/france"))).toBe(true);
    // The page's own région section is open.
    const open = page.locator("#observablehq-sidebar details[open] > summary");
    expect(await open.allTextContents()).toContain("Départements — Grand Est");
    await page.locator("#observablehq-search input").fill("Bouches-du-Rhône");
    // Results carry the page titles: "Bouches-du-Rhône (13) — commerce extérieur 2024", the best match first.
    await expect.poll(() => page.locator("#observablehq-search-results a").first().textContent()).toMatch(/^Bouches-du-Rhône \(13\)/);
    // Framework's result count, in French (the page head translates it).
    await expect.poll(() => page.locator("#observablehq-search-results > div").first().textContent()).toMatch(/^\d+ résultats?$/);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("an unknown département is a real 404", async () => {
  const {page, offHost} = await watchedPage(context);
  try {
    const response = await page.goto(server.url + "/departements/99");
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").first().textContent()).toBe("Page introuvable");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect(offHost).toEqual([]);
  } finally {
    await page.close();
  }
});

test("dist/ holds one page per département and région, and none for unknown codes", () => {
  expect(readdirSync(join(DIST, "regions")).filter((file) => file.endsWith(".html"))).toHaveLength(18);
  expect(existsSync(join(DIST, "france.html"))).toBe(true);
  const built = readdirSync(join(DIST, "departements")).filter((file) => file.endsWith(".html"));
  expect(built).toEqual(expect.arrayContaining(["10.html", "2A.html", "2B.html", "974.html", "976.html"]));
  expect(built).not.toContain("99.html");
  // Corsica: the customs' one "20" and INSEE's 2A and 2B (which say how the customs publish it).
  expect(built).toContain("20.html");
  expect(built).toHaveLength(102);
});
