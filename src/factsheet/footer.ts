/**
 * The footer of every page (observablehq.config.ts): the source, and, when
 * the build runs on the demo's synthetic data, a notice that says so — on
 * every page, /comparer and /explorer included, whatever each page prints.
 *
 * The config is read before any page is built, after `scripts/prepare-data.ts`
 * has published the current build's figures: the footer takes the year shown
 * and whether the data are synthetic from there.
 */
import {readFileSync} from "node:fs";
import {currentFiguresPath} from "./figures.js";
import {html} from "./escape.js";

export interface FooterFacts {
  year: number;
  synthetic: boolean;
}

export const FOOTER_DEMO_NOTICE =
  "Données de démonstration (synthétiques) : les montants de cette édition du site sont générés au format des Douanes " +
  "et ne décrivent pas les échanges réels.";

/** The footer's HTML; without the build's figures (none published yet), the source alone. */
export function siteFooter(facts: FooterFacts | null): string {
  const source = `Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur${facts ? `, ${facts.year}` : ""} — Licence Ouverte 2.0.`;
  return facts?.synthetic
    ? `<span class="footer-demo" role="note"><strong>${html(FOOTER_DEMO_NOTICE)}</strong></span><br>${html(source)}`
    : html(source);
}

/** The current build's year and kind of data, or null when no figures are published yet. */
export function readFooterFacts(path = currentFiguresPath()): FooterFacts | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  const figures = JSON.parse(text) as Partial<FooterFacts>;
  if (typeof figures.year !== "number" || typeof figures.synthetic !== "boolean") {
    throw new Error(`${path} : « year » ou « synthetic » manquant, relancez npm run prepare:data`);
  }
  return {year: figures.year, synthetic: figures.synthetic};
}
