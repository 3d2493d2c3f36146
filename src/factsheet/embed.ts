/**
 * The chart-only view (/integrer?territoire=D10&graphique=partenaires), for an
 * <iframe> on another site: one chart of a factsheet, its source and a link to
 * the whole factsheet — no sidebar, header, footer or table of contents.
 *
 * One page serves every territory and chart: it is printed with a table of
 * every chart's file (FileAttachment needs literal paths, so the page loader
 * writes them out) and picks the territory and chart from the query string at
 * run time. The chart is the factsheet's own, drawn at build time
 * (src/data/charts.zip.ts): the view loads one small file, no engine.
 */
import {sourceLine} from "../components/image-caption.ts";
import {CHART_KINDS} from "../components/chart-kinds.ts";
import {territoriesWithFigures, type TerritoryInfo} from "../data/territory-ids.ts";
import {SYNTHETIC_BANNER} from "./content.ts";
import type {SiteFigures} from "./figures.ts";
import {html, js} from "./escape.ts";
import {displayName, pagePath} from "./names.ts";

/** One entry of the page's territory table: names, page and the file of each chart. */
function territoryEntry(info: TerritoryInfo): string {
  const charts = CHART_KINDS.map((kind) => `${kind}: FileAttachment(${js(`./data/charts/${info.id}-${kind}.html`)}).href`).join(", ");
  return `  ${js(info.id)}: {name: ${js(displayName(info))}, page: ${js(`.${pagePath(info)}`)}, charts: {${charts}}}`;
}

export function embedMarkdown(figures: SiteFigures): string {
  return `---
title: Graphique à intégrer
sidebar: false
header: false
footer: false
toc: false
index: false
---

${figures.synthetic ? `<p class="demo-banner embed-banner" role="note">${html(SYNTHETIC_BANNER)}</p>\n` : ""}
\`\`\`js
import {embedError, embedRequest, embedSource} from "./components/embed-request.js";

const TERRITORIES = {
${territoriesWithFigures(figures.corsica).map(territoryEntry).join(",\n")}
};
const year = ${figures.year};
const request = embedRequest(location.search, TERRITORIES);
\`\`\`

\`\`\`js
if (request.error) {
  display(embedError(request.error));
} else {
  const territory = TERRITORIES[request.territory];
  // The factsheet's chart as drawn at build time: markup of this site's own build, labels escaped when it was drawn.
  const response = await fetch(territory.charts[request.chart]);
  const chart = document.createElement("div");
  chart.className = "embed-chart";
  if (response.ok) chart.innerHTML = await response.text();
  display(response.ok ? chart : embedError("Le graphique n'a pas pu être chargé (erreur " + response.status + ")."));
  display(embedSource(${js(sourceLine(figures))}, {name: territory.name, href: territory.page}));
}
\`\`\`
`;
}
