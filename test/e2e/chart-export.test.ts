/**
 * The chart images and the embed code of a factsheet, in Chromium on the
 * built site: "Image SVG" saves a standalone SVG file of the chart as drawn
 * (same marks, its title, a white background), "Image PNG" a PNG twice the
 * chart's size, "Intégrer" gives an <iframe> of the embed view. Saved files
 * are kept in test-results/chart-export/ to look at.
 */
import {copyFileSync, mkdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {seriousViolations} from "./axe.js";
import {openBuiltSite, watchedPage, type BuiltSite, type PageWatch} from "./browser.js";

const PAGE = "/departements/10";
const SAVED = "test-results/chart-export";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let site: BuiltSite;
let watch: PageWatch;
let page: Page;

beforeAll(async () => {
  mkdirSync(SAVED, {recursive: true});
  site = await openBuiltSite("chromium-chart-export-");
  watch = await watchedPage(site.context);
  page = watch.page;
  const response = await page.goto(site.server.url + PAGE, {waitUntil: "domcontentloaded"});
  expect(response?.status()).toBe(200);
  // The charts are in the HTML (drawn at build time); the page's script adds their actions.
  await page.waitForFunction(() => document.querySelectorAll(".view-actions .chart-actions").length === 10, undefined, {timeout: 60_000});
});

afterAll(() => site?.close());

/** The chart kind (file names, embed view) of each figure kind. */
const CHART_OF: Record<string, string> = {"partner-balance": "partenaires", treemap: "activites", sankey: "exportations", trend: "tendance", change: "evolution"};

/** The "chart-actions" row of the `index`-th chart of that figure kind, under its view. */
function actionsOf(kind: string, index = 0): Locator {
  return page.locator(`.view-actions .chart-actions[data-chart='${CHART_OF[kind]}']`).nth(index);
}

/** Clicks (or presses Enter on) a button and returns the saved file's name and bytes. */
async function download(button: Locator, how: "click" | "keyboard" = "click"): Promise<{name: string; bytes: Buffer}> {
  const saved = page.waitForEvent("download");
  if (how === "click") await button.click();
  else {
    await button.focus();
    await page.keyboard.press("Enter");
  }
  const file = await saved;
  const path = await file.path();
  const name = file.suggestedFilename();
  copyFileSync(path, join(SAVED, name));
  return {name, bytes: readFileSync(path)};
}

interface SvgFacts {
  error: string | null;
  root: string;
  width: string | null;
  height: string | null;
  title: string | null;
  rects: number;
  paths: number;
  texts: string[];
  /** The texts drawn around the chart (title lines joined, then the source). */
  caption: string[];
  /** The first drawn child (after <title>/<style>): tag and fill. */
  first: {tag: string; fill: string | null} | null;
  /** Elements whose colour attribute says currentColor but no inline style resolves it. */
  unresolved: number;
}

/** The file parsed as XML by Chromium, as the facts the tests check. */
function svgFacts(text: string): Promise<SvgFacts> {
  return page.evaluate((source) => {
    const parsed = new DOMParser().parseFromString(source, "image/svg+xml");
    const root = parsed.documentElement;
    const first = [...root.children].find((child) => !["title", "desc", "style"].includes(child.localName)) ?? null;
    const unresolved = [...root.querySelectorAll("[fill='currentColor'], [stroke='currentColor']")].filter((element) => {
      const style = element.getAttribute("style") ?? "";
      return ["fill", "stroke"].some((name) => element.getAttribute(name) === "currentColor" && !new RegExp(`(^|;)\\s*${name}:`).test(style));
    }).length;
    return {
      error: parsed.querySelector("parsererror")?.textContent ?? null,
      root: `${root.namespaceURI} ${root.localName}`,
      width: root.getAttribute("width"),
      height: root.getAttribute("height"),
      title: root.querySelector(":scope > title")?.textContent ?? null,
      rects: root.querySelectorAll("rect").length,
      paths: root.querySelectorAll("path").length,
      texts: [...root.querySelectorAll("text")].map((text) => text.textContent ?? ""),
      caption: [...root.querySelectorAll(":scope > text")].map((text) => [...text.querySelectorAll("tspan")].map((line) => line.textContent).join(" ")),
      first: first && {tag: first.localName, fill: first.getAttribute("fill")},
      unresolved
    };
  }, text);
}

/** Text as compared across the page and the file: no-break spaces and line breaks read as one space. */
const normalised = (text: string) => text.replace(/\s+/g, " ").trim();

/** The same facts about the chart on the page. */
function pageChart(
  kind: string,
  index = 0
): Promise<{width: number; height: number; title: string; rects: number; paths: number; legendRects: number; legendPaths: number; notes: string[]}> {
  return page
    .locator(`.view-wide figure.chart[data-chart='${kind}']`)
    .nth(index)
    .evaluate((figure) => {
      const svg = figure.querySelector("svg:not([aria-hidden])")!;
      return {
        width: Number(svg.getAttribute("width")),
        height: Number(svg.getAttribute("height")),
        title: figure.querySelector("figcaption h3")?.textContent ?? "",
        rects: svg.querySelectorAll("rect").length,
        paths: svg.querySelectorAll("path").length,
        // The legend's own samples, copied into the image beside their words.
        legendRects: figure.querySelectorAll(".chart-legend svg rect").length,
        legendPaths: figure.querySelectorAll(".chart-legend svg path").length,
        // Its reading note and key lines, as the image writes them under the chart.
        notes: [...figure.querySelectorAll(".chart-legend p, .chart-legend li, p.chart-legend")]
          .filter((block) => !block.querySelector("svg"))
          .map((block) => (block.textContent ?? "").replace(/\s+/g, " ").trim())
          .filter(Boolean)
      };
    });
}

describe(`chart images and embed code on ${PAGE}`, () => {
  test("every chart has its actions, in French", async () => {
    // Each view's charts are followed by one row of actions per chart: partners, treemap, six Sankeys, trend, change.
    const rows = await page.locator(".view:has(.view-charts)").evaluateAll((views) =>
      views.map((view) => [view.querySelectorAll(".view-wide > .view-chart").length, view.querySelectorAll(".view-charts + .view-actions > .chart-actions").length])
    );
    expect(rows).toHaveLength(9);
    for (const [charts, actions] of rows) expect(actions).toBe(charts);
    const partners = actionsOf("partner-balance");
    await expect(partners.getByRole("button", {name: "Télécharger l'image SVG du graphique"}).isVisible()).resolves.toBe(true);
    await expect(partners.getByRole("button", {name: "Télécharger l'image PNG du graphique"}).isVisible()).resolves.toBe(true);
  });

  test("the partner chart as SVG: same bars, its title, a white background, styles resolved", async () => {
    const chart = await pageChart("partner-balance");
    const {name, bytes} = await download(actionsOf("partner-balance").getByRole("button", {name: /image SVG/}));
    expect(name).toBe("aube-10-demonstration-partenaires-2024.svg");
    const text = bytes.toString("utf8");
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const facts = await svgFacts(text);
    expect(facts.error).toBeNull();
    expect(facts.root).toBe("http://www.w3.org/2000/svg svg");
    expect(facts.title).toBe(chart.title);
    expect(Number(facts.width)).toBe(chart.width);
    // The chart's title above it and its source below it make the image taller than the chart.
    expect(Number(facts.height)).toBeGreaterThan(chart.height + 30);
    // Under the chart: its legend (samples and words), its reading note, then the source.
    expect(chart.notes.length).toBeGreaterThan(0);
    expect(facts.caption.map(normalised)).toEqual([chart.title, ...chart.notes, "Source : DGDDI / DSECE, 2024 — données de démonstration synthétiques"].map(normalised));
    for (const label of ["Importations (vers la gauche)", "Exportations (vers la droite)"]) expect(facts.texts).toContain(label);
    expect(facts.rects).toBe(chart.rects + 1 + chart.legendRects); // the background, the legend's swatches
    expect(facts.first).toEqual({tag: "rect", fill: "#ffffff"});
    expect(facts.unresolved).toBe(0);
    expect(facts.texts).toContain("Allemagne");
  });

  test("the partner chart as PNG: twice the size of the chart with its title and source", async () => {
    const chart = await pageChart("partner-balance");
    const {name, bytes} = await download(actionsOf("partner-balance").getByRole("button", {name: /image PNG/}));
    expect(name).toBe("aube-10-demonstration-partenaires-2024.png");
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
    expect(bytes.readUInt32BE(16)).toBe(Math.round(chart.width * 2));
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(Math.round((chart.height + 30) * 2)); // title and source around the chart
  });

  test("the embed code: an iframe of the chart-only view, and a link to it", async () => {
    const actions = actionsOf("partner-balance");
    await actions.locator("summary", {hasText: "Intégrer"}).click();
    const textarea = actions.getByRole("textbox", {name: /Code à copier/});
    await expect(textarea.isVisible()).resolves.toBe(true);
    await expect(textarea.getAttribute("readonly")).resolves.not.toBeNull();
    const code = await textarea.inputValue();
    const expected = `${site.server.url}/integrer?territoire=D10&graphique=partenaires`;
    expect(code.startsWith(`<iframe src="${expected.replace("&", "&amp;")}" title="`)).toBe(true);
    const iframe = await page.evaluate((html) => {
      const element = new DOMParser().parseFromString(html, "text/html").querySelector("iframe")!;
      return Object.fromEntries(["src", "title", "width", "height", "style", "loading"].map((name) => [name, element.getAttribute(name)]));
    }, code);
    const chart = await pageChart("partner-balance");
    expect(iframe).toMatchObject({src: expected, title: chart.title, width: "100%", style: "border:0", loading: "lazy"});
    expect(Number(iframe.height)).toBeGreaterThan(chart.height);
    await actions.screenshot({path: join(SAVED, "chart-actions-embed-open.png")});
    const link = actions.getByRole("link", {name: "Ouvrir la vue intégrable"});
    await expect(link.evaluate((a) => (a as HTMLAnchorElement).href)).resolves.toBe(expected);
  });

  test("axe-core finds no serious violation, with an embed block open", async () => {
    await expect(page.locator("details.chart-embed[open]").count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the treemap as SVG, from the keyboard", async () => {
    const chart = await pageChart("treemap");
    const {name, bytes} = await download(actionsOf("treemap").getByRole("button", {name: /image SVG/}), "keyboard");
    expect(name).toBe("aube-10-demonstration-activites-2024.svg");
    const facts = await svgFacts(bytes.toString("utf8"));
    expect(facts.error).toBeNull();
    expect(facts.title).toBe(chart.title);
    expect(facts.rects).toBe(chart.rects + 1);
    expect(facts.rects).toBeGreaterThan(2);
    expect(facts.first).toEqual({tag: "rect", fill: "#ffffff"});
    // The reading note and every line of the key of unnamed cells are in the image.
    expect(facts.caption.slice(1, -1).map(normalised)).toEqual(chart.notes);
    expect(chart.notes.some((note) => note.startsWith("À gauche en bleu"))).toBe(true);
  });

  test("a Sankey as SVG", async () => {
    const chart = await pageChart("sankey");
    const {name, bytes} = await download(actionsOf("sankey").getByRole("button", {name: /image SVG/}));
    expect(name).toMatch(/^aube-10-demonstration-exportations-2024\.svg$/);
    const facts = await svgFacts(bytes.toString("utf8"));
    expect(facts.error).toBeNull();
    expect(facts.title).toBe(chart.title);
    expect(facts.paths).toBe(chart.paths);
    expect(facts.paths).toBeGreaterThan(0);
    expect(facts.rects).toBe(chart.rects + 1);
    expect(facts.caption.slice(1, -1).map(normalised)).toEqual(chart.notes);
  });

  test.each([
    ["trend", "aube-10-demonstration-tendance-2024"],
    ["change", "aube-10-demonstration-evolution-2024"]
  ])("the %s chart (Plot) as SVG, its page colours resolved", async (kind, fileName) => {
    const chart = await pageChart(kind);
    const {name, bytes} = await download(actionsOf(kind).getByRole("button", {name: /image SVG/}));
    expect(name).toBe(`${fileName}.svg`);
    const facts = await svgFacts(bytes.toString("utf8"));
    expect(facts.error).toBeNull();
    expect(facts.title).toBe(chart.title);
    expect(facts.rects).toBe(chart.rects + 1 + chart.legendRects);
    expect(facts.paths).toBe(chart.paths + chart.legendPaths);
    expect(facts.caption.slice(1, -1).map(normalised)).toEqual(chart.notes);
    expect(facts.unresolved).toBe(0);
  });

  test("the actions are not printed", async () => {
    await page.emulateMedia({media: "print"});
    try {
      const shown = await page.locator(".chart-actions").evaluateAll((rows) => rows.filter((row) => getComputedStyle(row).display !== "none").length);
      expect(shown).toBe(0);
    } finally {
      await page.emulateMedia({media: "screen"});
    }
  });

  test("no console error, no request off 127.0.0.1, no error message shown", async () => {
    const messages = await page.locator(".chart-actions-status").allTextContents();
    expect(messages.length).toBeGreaterThanOrEqual(9);
    expect(messages.filter(Boolean)).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.offHost).toEqual([]);
  });
});
