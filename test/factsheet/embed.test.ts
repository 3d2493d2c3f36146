/**
 * The chart-only embed view's Markdown (/integrer): no site chrome, every
 * territory's charts named literally (Framework needs literal FileAttachment
 * paths) as drawn at build time, no engine, and data written as text.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {territoryFigures} from "../../src/factsheet/territory-figures.js";
import {territoriesWithFigures} from "../../src/data/territory-ids.js";
import {embedMarkdown} from "../../src/factsheet/embed.js";
import type {SiteFigures} from "../../src/factsheet/figures.js";
import {createFixture, type Fixture} from "../data/synthetic-trade.js";
import {siteFigures} from "./site-fixture.js";

let fixture: Fixture;
let figures: SiteFigures;

beforeAll(async () => {
  fixture = await createFixture();
  figures = siteFigures(await territoryFigures(fixture), {sourceDescription: "essai"});
});

afterAll(async () => {
  await fixture?.cleanup();
});

describe("embedMarkdown", () => {
  it("hides the sidebar, header, footer and table of contents, and stays out of the site search", () => {
    const front = embedMarkdown(figures).split("---")[1];
    for (const line of ["sidebar: false", "header: false", "footer: false", "toc: false", "index: false"]) expect(front).toContain(line);
  });

  it("names every territory with figures, with its factsheet (where the chart is read) and display name", () => {
    const page = embedMarkdown(figures);
    for (const {id} of territoriesWithFigures(figures.corsica)) expect(page).toContain(`${JSON.stringify(id)}: {name: `);
    // Corsica as the source publishes it: the notice pages have no charts.
    expect(page).not.toContain('"D2A"');
    expect(page).toContain('"D10": {name: "Aube (10)", page: "./departements/10"');
    expect(page).toContain('"R44": {name: "Grand Est", page: "./regions/44"');
    expect(page).toContain('"FR": {name: "France entière", page: "./france"');
  });

  it("says when the data are synthetic, in the banner and the source line", () => {
    expect(embedMarkdown(figures)).toContain('class="demo-banner embed-banner"');
    expect(embedMarkdown(figures)).toContain("Source : DGDDI / DSECE, 2024 — données de démonstration synthétiques");
    const real = embedMarkdown({...figures, synthetic: false});
    expect(real).not.toContain("demo-banner");
    expect(real).toContain('"Source : DGDDI / DSECE, 2024"');
  });

  it("imports one light local component: no engine, no chart library", () => {
    const specifiers = [...embedMarkdown(figures).matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
    expect(specifiers).toEqual(["./components/embed-request.js"]);
    expect(embedMarkdown(figures)).not.toMatch(/duckdb|openFactsheetData|charts\.js/);
  });
});
