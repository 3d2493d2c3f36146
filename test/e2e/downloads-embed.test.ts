/**
 * What readers take away from a factsheet, in a real browser: the
 * territory's rows as CSV and Parquet (their totals are the page's), and the
 * chart-only embed view, alone and inside an <iframe>.
 */
import {readFileSync} from "node:fs";
import type {BrowserContext, Page} from "playwright-core";
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {CHART_KINDS} from "../../src/components/chart-kinds.js";
import {formatMillionEuros} from "../../src/components/format.js";
import type {StaticServer} from "../../scripts/serve-dist.js";
import {readCsv} from "../csv-reader.js";
import {seriousViolations} from "./axe.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-downloads-");
  ({server, context} = site);
});

afterAll(async () => {
  await site?.close();
});

/** Clicks a link and returns the downloaded file's name and bytes. */
async function download(page: Page, selector: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  return {name: file.suggestedFilename(), bytes: readFileSync((await file.path())!)};
}

/** The CSV's year, flow (as the Parquet names it), value, mass and source columns, after checking its French header. */
function csvRows(bytes: Buffer): {year: number; flow: string; value_eur: string; mass_kg: string; source: string}[] {
  const {header, rows} = readCsv(bytes);
  expect(header).toEqual(["territoire", "annee", "flux", "code_produit", "produit", "code_pays", "pays", "valeur_eur", "masse_kg", "source"]);
  const flows: Record<string, string> = {exportations: "export", importations: "import"};
  return rows.map((cells) => ({year: Number(cells[1]), flow: flows[cells[2]], value_eur: cells[7], mass_kg: cells[8], source: cells[9]}));
}

/** The year the pages show: the demo's latest complete year. */
const SHOWN_YEAR = 2024;
const total = (rows: {year: unknown; flow: unknown; value_eur: unknown}[], flow: string) =>
  rows.filter((row) => row.flow === flow && Number(row.year) === SHOWN_YEAR).reduce((sum, row) => sum + Number(row.value_eur), 0);

describe.each([
  {path: "/departements/10", fileStem: "aube-10-commerce-exterieur-2024"},
  {path: "/regions/44", fileStem: "grand-est-commerce-exterieur-2024"},
  {path: "/france", fileStem: "france-commerce-exterieur-2024"}
])("$path: the territory's rows", ({path, fileStem}) => {
  test("download as CSV and Parquet, and add up to the exports and imports the page shows", async () => {
    const {page, offHost, errors} = await watchedPage(context);
    try {
      await page.goto(server.url + path);
      const shown = {
        export: (await page.locator(".key-figure-export dd strong").textContent())!,
        import: (await page.locator(".key-figure-import dd strong").textContent())!
      };
      const csv = await download(page, ".factsheet-downloads a[href$='.csv']");
      const parquet = await download(page, ".factsheet-downloads a[href$='.parquet']");
      // Built on the demo's data, the files say so: their names, the CSV's source column, the Parquet's metadata.
      const demo = (await page.locator(".demo-banner").count()) > 0;
      const stem = demo ? `${fileStem}-demonstration` : fileStem;
      expect(csv.name).toBe(`${stem}.csv`);
      expect(parquet.name).toBe(`${stem}.parquet`);
      const csvData = csvRows(csv.bytes);
      const source = demo ? "données synthétiques de démonstration" : "DGDDI / DSECE";
      expect(new Set(csvData.map((row) => row.source))).toEqual(new Set([source]));
      const metadata = parquetMetadata(parquet.bytes.buffer.slice(parquet.bytes.byteOffset, parquet.bytes.byteOffset + parquet.bytes.byteLength) as ArrayBuffer);
      expect(Object.fromEntries((metadata.key_value_metadata ?? []).map(({key, value}) => [key, value]))).toMatchObject({synthetic: String(demo), source});
      const parquetData = (await parquetReadObjects({
        file: parquet.bytes.buffer.slice(parquet.bytes.byteOffset, parquet.bytes.byteOffset + parquet.bytes.byteLength) as ArrayBuffer
      })) as unknown as {year: number; flow: string; value_eur: number; mass_kg: number | null}[];
      expect(csvData.length).toBeGreaterThan(100);
      expect(parquetData).toHaveLength(csvData.length);
      for (const flow of ["export", "import"] as const) {
        expect(total(csvData, flow)).toBe(total(parquetData, flow));
        expect(formatMillionEuros(total(csvData, flow))).toBe(shown[flow]);
      }
      // Every complete year is in the file, with its masses.
      expect(new Set(csvData.map((row) => row.year))).toEqual(new Set([2021, 2022, 2023, 2024]));
      expect(parquetData.some((row) => Number(row.mass_kg) > 0)).toBe(true);
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** The bars of the partner chart: Plot draws one rect per country and flow side. */
/** Bars of the partner chart; on a factsheet, of its wide drawing (the narrow one is there too, hidden). */
const partnerBars = (page: Page, scope = "main") => page.locator(`${scope} figure[data-chart='partner-balance'] svg[role='img'] rect`).count();

describe("the embed view", () => {
  test("draws the factsheet's chart alone, as drawn at build time: no sidebar, header, footer, table of contents or engine", async () => {
    const {page, offHost, errors, requests} = await watchedPage(context);
    try {
      await page.goto(server.url + "/departements/10");
      await page.locator("figure[data-chart='partner-balance'] svg").first().waitFor({timeout: 60_000});
      const onFactsheet = await partnerBars(page, ".view-wide");
      const href = await page.locator(".chart-embed a[href*='graphique=partenaires']").first().getAttribute("href");
      expect(href).toBeTruthy();
      const embedUrl = new URL(href!, server.url + "/departements/10");
      expect(embedUrl.pathname).toBe("/integrer");

      await page.goto(embedUrl.href);
      await page.locator("figure[data-chart='partner-balance'] svg[role='img']").waitFor({timeout: 60_000});
      expect(await partnerBars(page)).toBe(onFactsheet);
      expect(await page.locator("main figure.chart").count()).toBe(1);
      for (const chrome of ["#observablehq-sidebar", "#observablehq-toc", "#observablehq-footer", "#observablehq-header"]) {
        expect(await page.locator(chrome).count(), chrome).toBe(0);
      }
      expect(await page.locator("figure h3").textContent()).toBe(
        "Principaux pays à l'import et à l'export, Aube (2024)"
      );
      const factsheet = page.locator(".embed-source a");
      expect(await factsheet.getAttribute("target")).toBe("_top");
      expect(new URL((await factsheet.evaluate((a) => (a as HTMLAnchorElement).href))).pathname).toBe("/departements/10");
      expect(await seriousViolations(page)).toEqual([]);
      expect(requests.filter((url) => /duckdb|@observablehq\/plot/.test(url))).toEqual([]);
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("draws every kind of chart, for a région", async () => {
    const {page, offHost, errors} = await watchedPage(context);
    try {
      for (const kind of CHART_KINDS) {
        await page.goto(`${server.url}/integrer?territoire=R44&graphique=${kind}`);
        await page.locator("figure.chart svg[role='img']").first().waitFor({timeout: 60_000});
        expect(await page.locator("figure.chart h3").textContent(), kind).toMatch(/, Grand Est \(/);
      }
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("says in French what is wrong with an address it cannot draw, showing the address as text", async () => {
    const {page, errors} = await watchedPage(context);
    try {
      await page.goto(`${server.url}/integrer?territoire=%3Cimg%20src=x%3E&graphique=camembert`);
      const alert = page.locator(".embed-error[role='alert']");
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/territoire inconnu : « <IMG SRC=X> » ; graphique inconnu : « camembert »/);
      expect(await page.locator("main img").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("works inside an <iframe> of another page", async () => {
    const {page, offHost, errors} = await watchedPage(context);
    try {
      await page.goto(`${server.url}/departements/10`);
      await page.setContent(
        `<!doctype html><title>Hôte</title><iframe src="${server.url}/integrer?territoire=FR&graphique=exportations" width="800" height="700"></iframe>`
      );
      const frame = page.frameLocator("iframe");
      await frame.locator("figure[data-chart='sankey'] svg[role='img']").first().waitFor({timeout: 60_000});
      expect(await frame.locator("figure.chart h3").textContent()).toMatch(/^Flux à l.export, France entière \(/);
      expect(offHost).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
