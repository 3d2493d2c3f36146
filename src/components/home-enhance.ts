/**
 * What the home page's JavaScript does at load: little. The page is complete
 * in its HTML (src/factsheet/home.ts draws the four maps, their legends and
 * rankings, the key figures, the lists and the search box at build time);
 * this module, light on purpose (no engine, no chart library: it imports
 * only the image actions and the search), makes the indicator choice switch
 * the drawn panels, gives the maps a tooltip that works on touch and with the
 * keyboard (./map-tooltip.ts), adds the image actions under the maps and the rankings,
 * and brings the search box to life from the territory list written into
 * the page.
 */
import {chartActions} from "./chart-export.js";
import type {LegendSwatch} from "./image-caption.js";
import {enableMapTooltip} from "./map-tooltip.js";
import {territorySearch, type SearchTerritory} from "./territory-search.js";

export interface HomeMetricConfig {
  /** The metric's key, as the panel's `data-metric` and the radio's value: "exports". */
  key: string;
  /** Base names of the image files: "carte-departements-exports-2024". */
  mapFileName: string;
  rankingFileName: string;
  /** Written above the map in its image files. */
  mapTitle: string;
  /** The map's legend (HTML on the page), drawn into its image files. */
  legend: LegendSwatch[];
  /** What the colours mean in words, when they carry a sign (the balance). */
  legendNote?: string;
}

export interface HomeConfig {
  /** "Source : DGDDI / DSECE, 2024", written under the ranking's images. */
  credit: string;
  /** The same, with the map geometry's credit. */
  mapCredit: string;
  metrics: HomeMetricConfig[];
  /** Every territory the search finds. */
  territories: SearchTerritory[];
  searchLabel: string;
  searchPlaceholder: string;
}

/** Shows the panel of `key` and hides the others (the first one when `key` is unknown). */
export function showMetric(key: string, doc: Document = document): void {
  const panels = [...doc.querySelectorAll<HTMLElement>(".home-metric[data-metric]")];
  const shown = panels.find((panel) => panel.dataset.metric === key) ?? panels[0];
  for (const panel of panels) panel.hidden = panel !== shown;
}

/** The live search box in place of the one drawn at build time, keeping what the reader may already have typed. */
function liveSearch(config: HomeConfig, doc: Document): void {
  const drawn = doc.querySelector<HTMLFormElement>("form.territory-search");
  if (!drawn) return;
  const input = drawn.querySelector("input");
  const focused = input !== null && doc.activeElement === input;
  const live = territorySearch(config.territories, {label: config.searchLabel, placeholder: config.searchPlaceholder, value: input?.value ?? "", document: doc});
  drawn.replaceWith(live);
  if (focused) live.querySelector("input")?.focus();
}

export function enhanceHome(config: HomeConfig, doc: Document = document): void {
  liveSearch(config, doc);

  for (const metric of config.metrics) {
    const panel = doc.querySelector<HTMLElement>(`.home-metric[data-metric="${metric.key}"]`);
    if (!panel || panel.querySelector(".chart-actions")) continue;
    const map = panel.querySelector<HTMLElement>(".home-map");
    if (map) enableMapTooltip(map, doc);
    map?.after(chartActions(map, {fileName: metric.mapFileName, title: metric.mapTitle, legend: metric.legend, notes: metric.legendNote ? [metric.legendNote] : [], credit: config.mapCredit, document: doc}));
    // The wide drawing, even on a phone (where the narrow one shows): the image is the same for everyone.
    const ranking = panel.querySelector(".home-ranking");
    const wide = ranking?.querySelector(".home-ranking-wide");
    if (ranking && wide) ranking.after(chartActions(wide, {fileName: metric.rankingFileName, credit: config.credit, document: doc}));
  }

  const form = doc.querySelector<HTMLFormElement>("form.home-metric-choice");
  if (!form) return;
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", (event) => {
    const radio = event.target as HTMLInputElement | null;
    if (radio?.name === "indicateur") showMetric(radio.value, doc);
  });
  // A browser that restores the form (back button) may have another radio checked: show its panel.
  const checked = form.querySelector<HTMLInputElement>("input[name='indicateur']:checked");
  if (checked) showMetric(checked.value, doc);
  // Usable now: the choice was kept out of sight (and of screen readers) until the script could answer it.
  form.removeAttribute("data-pending");
}
