/**
 * What the page tests print from: the synthetic fixture's figures as the
 * prepare step would publish them (`siteFigures`), and, for the pages that
 * paste drawn views, the fixture with its quarterly files and the views of
 * some territories drawn (`drawnFixture`).
 */
import {drawStaticViews} from "../../src/factsheet/prerender.js";
import type {SiteFigures} from "../../src/factsheet/figures.js";
import type {TerritoryViews} from "../../src/factsheet/page.js";
import {territoryFigures, type FiguresBundle} from "../../src/factsheet/territory-figures.js";
import {createFixture, writeQuarterlyFiles, type Fixture, type QuarterlyFixture} from "../data/synthetic-trade.js";

/** A figures bundle with what the manifest adds (demo data, no Territoires d'industrie list, no holes), or `overrides`. */
export function siteFigures(bundle: FiguresBundle, overrides: Partial<SiteFigures> = {}): SiteFigures {
  return {...bundle, key: "test", synthetic: true, sourceDescription: "jeu d'essai", retrievedAt: null, territoiresIndustrie: null, gaps: [], ...overrides};
}

export interface DrawnFixture {
  fixture: Fixture;
  quarterly: QuarterlyFixture;
  figures: SiteFigures;
  views: Record<string, TerritoryViews>;
  /** The canonical and quarterly files together, as drawStaticViews reads them. */
  sources: Fixture & Pick<QuarterlyFixture, "productsQuarterlyParquetPath" | "countriesQuarterlyParquetPath">;
  cleanup(): Promise<void>;
}

/** The fixture, its figures and the views of `shown` (territory ids) drawn for the year shown. */
export async function drawnFixture(shown: readonly string[]): Promise<DrawnFixture> {
  const fixture = await createFixture();
  const quarterly = await writeQuarterlyFiles();
  const figures = siteFigures(await territoryFigures(fixture));
  const sources = {...fixture, productsQuarterlyParquetPath: quarterly.productsQuarterlyParquetPath, countriesQuarterlyParquetPath: quarterly.countriesQuarterlyParquetPath};
  const views = await drawStaticViews(sources, figures.year, shown);
  return {
    fixture,
    quarterly,
    figures,
    views,
    sources,
    async cleanup() {
      await fixture.cleanup();
      await quarterly.cleanup();
    }
  };
}
