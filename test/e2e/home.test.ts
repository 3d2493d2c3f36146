/**
 * Home and explorer pages in headless Chromium, offline: the home
 * page is complete in its HTML (map with its 101 reachable départements,
 * key figures, lists) and never loads DuckDB-WASM; its links open the
 * factsheets, its indicator choice switches the drawn maps, the search finds
 * "Aube" and "10"; the explorer runs an example query (the comparison page
 * has its own file, comparer.test.ts); no console error, no off-host request, no serious or
 * critical axe-core violation on the home page.
 */
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import type {StaticServer} from "../../scripts/serve-dist.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";

const SCREENSHOTS = "test-results/screenshots";
/** The shown indicator's map: the page holds the four, drawn at build time, three of them hidden. */
const SHOWN_PANEL = "main .home-metric:not([hidden])";
const MAP_LINKS = `${SHOWN_PANEL} .france-map svg a`;
/** DuckDB-WASM's engine file, which the home page must never request. */
const ENGINE = /duckdb-eh/;
/** Framework's page chrome, styled by the theme and the config rather than by these pages. */
const FRAMEWORK_CHROME = ["#observablehq-sidebar", "#observablehq-sidebar-toggle", "#observablehq-footer", "#observablehq-header"];
const require = createRequire(import.meta.url);

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-e2e-home-");
  ({server, context} = site);
  mkdirSync(SCREENSHOTS, {recursive: true});
});

afterAll(() => site?.close());

test("the home page is whole without its scripts: the map's links, the key figures and the lists are in the HTML", async () => {
  const {page, requests} = await watchedPage(context);
  try {
    // No script at all: what a reader sees at first paint, before any module runs (or with JavaScript off).
    await page.route(/\.js(\?.*)?$/, (route) => route.abort());
    await page.goto(server.url + "/", {waitUntil: "domcontentloaded"});
    expect(await page.locator(MAP_LINKS).count()).toBe(101);
    expect(await page.locator("main .home-metric").count()).toBe(4);
    expect(await page.locator("main .home-metric:not([hidden])").getAttribute("data-metric")).toBe("exports");
    expect(await page.locator(`${SHOWN_PANEL} .france-map .legend-title`).textContent()).toContain("Exportations");
    expect(await page.locator("main .national-figures .figure-value").count()).toBe(3);
    expect(await page.locator(`${SHOWN_PANEL} .home-ranking-wide svg[role='img']`).count()).toBe(1);
    // The list by région holds every département of the map, once.
    const mapCodes = new Set(await page.locator(MAP_LINKS).evaluateAll((links) => links.map((a) => a.getAttribute("data-code"))));
    const listed = await page.locator("main .home-departements table.departements-table tbody a").evaluateAll((links) => links.map((a) => a.getAttribute("href")?.split("/").pop()));
    expect(listed.sort()).toEqual([...mapCodes].sort());
    expect(await page.locator("main h2", {hasText: "La France en"}).textContent()).toMatch(/^La France en \d{4}$/);
    expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the home map has 101 reachable départements; clicking the Aube opens its page", async () => {
  const {page, offHost, errors, bytesByType, requests} = await watchedPage(context);
  // The factsheet opened last must finish loading: closing the page mid-request leaves rejected size promises.
  const settle = async () => {
    await page.waitForLoadState("networkidle", {timeout: 60_000});
    await bytesByType();
  };
  try {
    await page.goto(server.url + "/", {waitUntil: "domcontentloaded"});
    // In the HTML: no waiting for a query.
    expect(await page.locator(MAP_LINKS).count()).toBe(101);
    const codes = await page.locator(MAP_LINKS).evaluateAll((links) => links.map((a) => a.getAttribute("data-code")));
    expect(codes).toEqual(expect.arrayContaining(["01", "10", "20", "75", "971", "972", "973", "974", "976"]));
    // Corsica, published by the customs as one département, colours both halves of the map and links to its page.
    expect(codes.filter((code) => code === "20")).toHaveLength(2);
    // National key figures: the France row, drawn at build time.
    expect(await page.locator("main .national-figures .figure-value").count()).toBe(3);
    // In M€ with one decimal, as France's page writes them; the Md€ only as the note's reading aid.
    expect(await page.locator("main .national-figures .figure-value").first().textContent()).toMatch(/\d,\d\u00a0M€$/u);
    expect(await page.locator("main .national-figures .figure-note").first().textContent()).toMatch(/^soit [\d,]+\u00a0Md€, valeurs FAB$/u);
    expect(await page.locator("main .home-france-note").textContent()).toMatch(/^La France entière, ce sont toutes les lignes des fichiers des Douanes : l'ensemble des départements/u);
    // Each indicator of the radio shows its own map and legend, drawn at build time.
    for (const label of ["Importations", "Solde commercial", "Part des exportations vers les États-Unis", "Exportations"]) {
      await page.getByRole("radio", {name: label, exact: true}).check();
      await expect.poll(() => page.locator(`${SHOWN_PANEL} .france-map .legend-title`).textContent()).toContain(label);
      expect(await page.locator("main .home-metric:not([hidden])").count()).toBe(1);
      expect(await page.locator(MAP_LINKS).count()).toBe(101);
    }
    await page.screenshot({path: join(SCREENSHOTS, "accueil-carte.png"), fullPage: true});

    // The ranking under the map saves as an SVG image titled like its heading.
    const heading = await page.locator(`${SHOWN_PANEL} h3`, {hasText: "Les 15 premiers départements"}).textContent();
    // The map's actions come first, then the ranking's.
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator(`${SHOWN_PANEL} .chart-actions`).nth(1).getByRole("button", {name: /image SVG/}).click()]);
    // On the demo's data the saved image says so in its name too.
    expect(svg.suggestedFilename()).toMatch(/^classement-departements-exports-\d{4}(-demonstration)?\.svg$/);
    const svgText = readFileSync((await svg.path())!, "utf8");
    expect(svgText).toContain(`<title>${heading}</title>`);
    expect(svgText).toContain("Source : DGDDI / DSECE");

    // The map saves with its legend (HTML on the page, drawn into the image) and the geometry's CC-BY credit.
    const legend = await page.locator(`${SHOWN_PANEL} .france-map-legend li`).allTextContents();
    const [mapFile] = await Promise.all([page.waitForEvent("download"), page.locator(`${SHOWN_PANEL} .chart-actions`).first().getByRole("button", {name: /image SVG/}).click()]);
    expect(mapFile.suggestedFilename()).toMatch(/^carte-departements-exports-\d{4}(-demonstration)?\.svg$/);
    const mapText = readFileSync((await mapFile.path())!, "utf8");
    expect(mapText.match(/<path /g)?.length).toBeGreaterThanOrEqual(96);
    for (const label of legend) expect(mapText).toContain(`>${label}</tspan>`);
    expect(mapText).toContain("CC-BY 4.0");

    // Keyboard: the links are focusable.
    await page.locator(`${MAP_LINKS}[data-code='10']`).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-code"))).toBe("10");

    // The home page itself logged nothing and never asked for the engine (the factsheet opened next is tested elsewhere).
    await page.waitForLoadState("networkidle", {timeout: 60_000});
    expect(requests.filter((url) => ENGINE.test(url))).toEqual([]);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
    await page.locator(`${MAP_LINKS}[data-code='10'] path`).click();
    await page.waitForURL(/\/departements\/10$/);
    await settle();
  } finally {
    await page.close();
  }
});

test("the overseas tile opens its département with the keyboard (Enter)", async () => {
  const {page, errors, bytesByType} = await watchedPage(context);
  const settle = async () => {
    await page.waitForLoadState("networkidle", {timeout: 60_000});
    await bytesByType();
  };
  try {
    await page.goto(server.url + "/");
    await page.locator(`${MAP_LINKS}[data-code='974']`).waitFor({timeout: 60_000});
    await page.locator(`${MAP_LINKS}[data-code='974']`).focus();
    expect(errors).toEqual([]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/departements\/974$/);
    await settle();
  } finally {
    await page.close();
  }
});

test("the search finds the Aube by name and by code", async () => {
  const {page, offHost, errors} = await watchedPage(context);
  try {
    await page.goto(server.url + "/");
    const box = page.getByRole("searchbox", {name: "Trouver un département ou une région"});
    await box.waitFor({timeout: 60_000});
    // The box is drawn in the HTML; the page's script makes it answer (the script's last step shows the indicator choice).
    await page.locator("main form.home-metric-choice:not([data-pending])").waitFor({timeout: 60_000});
    await box.fill("aube");
    await expect.poll(() => page.locator("main .territory-search-results a").first().textContent()).toBe("Aube (10)");
    await box.fill("10");
    await expect.poll(() => page.locator("main .territory-search-results a").allTextContents()).toEqual(["Aube (10)"]);
    expect(await page.locator("main .territory-search-results a").first().getAttribute("href")).toMatch(/departements\/10$/);
    await box.fill("grand est");
    await expect.poll(() => page.locator("main .territory-search-results a").first().getAttribute("href")).toMatch(/regions\/44$/);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the home page has no serious or critical accessibility violation (axe-core)", async () => {
  const {page} = await watchedPage(context);
  try {
    await page.goto(server.url + "/");
    await page.locator(MAP_LINKS).first().waitFor({timeout: 60_000});
    await page.locator("main table.departements-table tbody tr").first().waitFor({timeout: 60_000});
    // The page's script has run: the indicator choice is shown, the search box is live.
    await page.locator("main form.home-metric-choice:not([data-pending])").waitFor({timeout: 60_000});
    await page.addScriptTag({content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")});
    const audit = (scope: "page" | "chrome") =>
      page.evaluate(async ({scope, chrome}) => {
        const axe = (window as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<{violations: {id: string; impact: string; help: string; nodes: {target: string[]}[]}[]}>}}).axe;
        const present = chrome.filter((selector) => document.querySelector(selector)).map((selector) => [selector]);
        if (scope === "chrome" && present.length === 0) return [];
        const context = scope === "page" ? {exclude: present} : {include: present};
        const results = await axe.run(context, {resultTypes: ["violations"]});
        return results.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))}));
      }, {scope, chrome: FRAMEWORK_CHROME});
    // Everything but Framework's own chrome must be clean.
    const serious = (await audit("page")).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    // Framework's sidebar, toggle and footer (theme and config, outside these pages) are recorded, not asserted.
    writeFileSync("test-results/axe-framework-chrome.json", JSON.stringify(await audit("chrome"), null, 2) + "\n");
  } finally {
    await page.close();
  }
});

test("the explorer loads trade.parquet, runs an example query and shows rows", async () => {
  const {page, offHost, errors} = await watchedPage(context);
  try {
    await page.goto(server.url + "/explorer");
    await expect.poll(() => page.locator("main .explorer-status").textContent(), {timeout: 90_000}).toMatch(/^Tables prêtes/);
    expect(await page.locator("main .explorer-status").textContent()).toMatch(/Mo téléchargés/);
    await page.getByRole("button", {name: "Exportations par région"}).click();
    await expect.poll(() => page.locator("main form table tbody tr").count(), {timeout: 60_000}).toBeGreaterThan(10);
    expect(await page.locator("main .explorer-summary").textContent()).toMatch(/^18 lignes/);
    expect(await page.locator("main svg[class^='plot'] rect").count()).toBeGreaterThan(10);
    await page.screenshot({path: join(SCREENSHOTS, "explorateur.png"), fullPage: true});

    // The quick chart saves as a PNG image.
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("main .chart-actions").getByRole("button", {name: /image PNG/}).click()]);
    expect(png.suggestedFilename()).toBe("explorateur-graphique.png");
    expect([...readFileSync((await png.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // A write is refused in French, before reaching DuckDB.
    await page.getByLabel("Requête SQL (DuckDB)").fill("DROP TABLE trade");
    await page.getByRole("button", {name: "Exécuter la requête"}).click();
    await expect.poll(() => page.locator("main [role='alert']").textContent()).toMatch(/Requête refusée.*lecture seule/u);
    // A DuckDB error is explained in French.
    await page.getByLabel("Requête SQL (DuckDB)").fill("SELECT * FROM nulle_part");
    await page.getByRole("button", {name: "Exécuter la requête"}).click();
    await expect.poll(() => page.locator("main [role='alert']").textContent()).toMatch(/^La requête a échoué\. Table, colonne ou fonction inconnue/u);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
