/**
 * The SQL explorer in headless Chromium, offline: a running query shows its
 * state and elapsed time and clears the previous result; « Annuler » really
 * stops an endless recursive CTE and the next query answers; the time limit
 * (shortened with ?limite=) stops a cross join of trade with itself; years,
 * dates and small decimals read as such; a typo is a syntax error, not a
 * read-only refusal; the quick chart says why it draws nothing. Screenshots
 * of the page at 1280 px and 390 px land in test-results/screenshots/.
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";

const SCREENSHOTS = "test-results/screenshots";
const RESULT = "main .explorer-result";
const ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) AS n FROM r";
const CROSS_JOIN = "SELECT count(*) AS paires FROM trade AS a CROSS JOIN trade AS b";
const NBSP = "\u00a0";

let site: BuiltSite;
const measures: Record<string, number> = {};

beforeAll(async () => {
  site = await openBuiltSite("chromium-e2e-explorer-");
  mkdirSync(SCREENSHOTS, {recursive: true});
});

afterAll(async () => {
  if (Object.keys(measures).length) writeFileSync("test-results/explorer-measures.json", JSON.stringify(measures, null, 2) + "\n");
  await site?.close();
});

/** Opens the explorer and waits for its tables (the first example then runs by itself). */
async function openExplorer(page: Page, search = ""): Promise<void> {
  await page.goto(`${site.server.url}/explorer${search}`);
  await expect.poll(() => page.locator("main .explorer-status").textContent(), {timeout: 90_000}).toMatch(/^Tables prêtes/);
  await page.locator(`${RESULT}[data-state='rows']`).waitFor({timeout: 60_000});
}

/** Runs `action` (a click that submits a query) and waits until the previous result has left the page. */
async function replacingResult(page: Page, action: () => Promise<void>): Promise<void> {
  await page.locator(RESULT).evaluate((element) => element.setAttribute("data-old", ""));
  await action();
  await page.locator(`${RESULT}[data-old]`).waitFor({state: "detached", timeout: 10_000});
}

async function submit(page: Page, sql: string): Promise<void> {
  await page.getByLabel("Requête SQL (DuckDB)").fill(sql);
  await replacingResult(page, () => page.getByRole("button", {name: "Exécuter la requête"}).click());
}

const example = (page: Page, name: string) => replacingResult(page, () => page.getByRole("button", {name}).click());

const resultState = (page: Page) => page.locator(RESULT).getAttribute("data-state");

test("a running query shows its state and can be cancelled; the next query answers", async () => {
  const {page, offHost, errors} = await watchedPage(site.context);
  try {
    await openExplorer(page);
    expect(await page.locator(`${RESULT} table`).count()).toBe(1);

    await submit(page, ENDLESS);
    const running = page.locator(`${RESULT}[data-state='running']`);
    await running.waitFor({timeout: 10_000});
    expect(await running.locator("[role='status']").textContent()).toMatch(new RegExp(`^Requête en cours… \\d+,\\d${NBSP}s \\(limite : 30${NBSP}s\\) Annuler$`));
    // The previous result is gone, not left on screen as if it answered this query.
    expect(await page.locator(`${RESULT} table`).count()).toBe(0);
    expect(await page.locator("main .explorer-chart-note").textContent()).toBe("Le graphique suivra le résultat.");
    // The clock moves.
    const first = await running.locator(".explorer-elapsed").textContent();
    await expect.poll(() => running.locator(".explorer-elapsed").textContent(), {timeout: 5_000}).not.toBe(first);
    await page.setViewportSize({width: 390, height: 844});
    await running.scrollIntoViewIfNeeded();
    await page.screenshot({path: join(SCREENSHOTS, "explorateur-en-cours-390.png")});
    await page.setViewportSize({width: 1280, height: 900});

    const clicked = performance.now();
    await running.getByRole("button", {name: "Annuler"}).click();
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("cancelled");
    measures.cancelToMessageMs = Math.round(performance.now() - clicked);
    expect(await page.locator(RESULT).textContent()).toMatch(new RegExp(`^Requête annulée\\. Requête annulée après \\d+,\\d${NBSP}s\\. Vous pouvez en lancer une autre\\.$`));
    expect(await page.locator("main .explorer-chart-note").textContent()).toBe("Pas de graphique sans résultat.");

    const asked = performance.now();
    await submit(page, "SELECT 42 AS reponse");
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("rows");
    measures.nextQueryAfterCancelMs = Math.round(performance.now() - asked);
    expect(await page.locator(`${RESULT} .explorer-summary`).textContent()).toMatch(/^1 ligne en /);
    expect(await page.locator(`${RESULT} table tbody td`).allTextContents()).toContain("42");

    // A new query stops the one still running instead of queuing behind it.
    await submit(page, ENDLESS);
    await page.locator(`${RESULT}[data-state='running']`).waitFor({timeout: 10_000});
    const replaced = performance.now();
    await submit(page, "SELECT 7 AS sept");
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("rows");
    measures.queryReplacingRunawayMs = Math.round(performance.now() - replaced);
    expect(await page.locator(`${RESULT} table tbody td`).allTextContents()).toContain("7");
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the time limit stops a cross join of trade with itself, in French, and the engine stays usable", async () => {
  const {page, offHost, errors} = await watchedPage(site.context);
  try {
    await openExplorer(page, "?limite=2");
    expect(await page.locator("main").textContent()).toContain("plus de 2 secondes est arrêtée");
    const asked = performance.now();
    await submit(page, CROSS_JOIN);
    await expect.poll(() => resultState(page), {timeout: 20_000}).toBe("cancelled");
    measures.timeLimitStopMs = Math.round(performance.now() - asked);
    expect(await page.locator(`${RESULT} [role='alert']`).textContent()).toMatch(
      new RegExp(`^Temps dépassé\\. Requête arrêtée : elle dépassait la limite de 2,0${NBSP}s\\. Ajoutez des filtres`)
    );
    await submit(page, "SELECT count(*) AS lignes FROM trade");
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("rows");
    expect(await page.locator(`${RESULT} .explorer-summary`).textContent()).toMatch(/^1 ligne en /);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("years, dates and small decimals read as such; a typo is a syntax error; the quick chart says why it draws nothing", async () => {
  const {page, offHost, errors} = await watchedPage(site.context);
  try {
    await openExplorer(page);
    await submit(
      page,
      `SELECT year AS annee, make_date(year, quarter * 3, 1) AS debut_trimestre, sum(value_eur) / 1e15 AS petit, count(*) AS lignes
FROM trade GROUP BY ALL ORDER BY ALL LIMIT 3`
    );
    await expect.poll(() => resultState(page), {timeout: 30_000}).toBe("rows");
    // The state can say « rows » a moment before the table is in: wait for this query's own header.
    await page.locator(`${RESULT} table thead th`, {hasText: "debut_trimestre"}).first().waitFor({timeout: 10_000});
    const headers = await page.locator(`${RESULT} table thead th`).allTextContents();
    const cells = await page.locator(`${RESULT} table tbody tr`).first().locator("td").allTextContents();
    const cell = (name: string) => cells[headers.findIndex((h) => h.trim() === name)];
    expect(cell("annee")).toMatch(/^20\d\d$/);
    expect(cell("debut_trimestre")).toMatch(new RegExp(`^${cell("annee")}-03-01$`));
    expect(cell("petit")).toMatch(/^0,0*[1-9]\d{0,2}$/u);
    expect(cell("lignes")).toMatch(/^\d{1,3}(\u202f\d{3})*$/u);
    await page.screenshot({path: join(SCREENSHOTS, "explorateur-formats.png"), fullPage: true});

    await submit(page, "SELEC * FROM trade");
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("syntax");
    const alert = await page.locator(`${RESULT} [role='alert']`).textContent();
    expect(alert).toMatch(/^Erreur de syntaxe\. « SELEC » n'est pas le début d'une instruction SQL ; vouliez-vous écrire « SELECT » \?/);
    expect(alert).not.toMatch(/lecture seule/);
    await submit(page, "DELETE FROM trade");
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("refused");
    expect(await page.locator(`${RESULT} [role='alert']`).textContent()).toMatch(/^Requête refusée\. .*lecture seule/u);

    await example(page, "Colonnes de trade");
    await expect.poll(() => resultState(page), {timeout: 10_000}).toBe("rows");
    expect(await page.locator("main .explorer-chart-note").textContent()).toMatch(/^Pas de graphique : le résultat n'a aucune colonne de valeurs numériques/);

    // The example by year, quarter and flow: bars of row counts labelled « 2023 · 1 · export », not bars of years.
    await example(page, "Trimestres présents");
    await expect.poll(() => resultState(page), {timeout: 30_000}).toBe("rows");
    const chart = page.locator("main svg[aria-label^='Graphique rapide']");
    // More than 30 quarters × flows: the title says which rows are drawn.
    const rowCount = Number((await page.locator(`${RESULT} .explorer-summary`).textContent())?.match(/^\d+/)?.[0]);
    expect(await chart.getAttribute("aria-label")).toBe(`Graphique rapide : lignes selon annee, trimestre, flux${rowCount > 30 ? " (30 premières lignes)" : ""}`);
    expect(await chart.locator("g[aria-label='y-axis tick label'] text").first().textContent()).toMatch(/^20\d\d · 1 · (export|import)$/);

    await example(page, "Exportations par région");
    await expect.poll(() => resultState(page), {timeout: 30_000}).toBe("rows");
    await page.screenshot({path: join(SCREENSHOTS, "explorateur.png"), fullPage: true});
    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: join(SCREENSHOTS, "explorateur-390.png"), fullPage: true});
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(offHost).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
