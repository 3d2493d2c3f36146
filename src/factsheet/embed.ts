/**
 * The chart-only view (/integrer?territoire=D10&graphique=partenaires), for an
 * <iframe> on another site: one chart of a factsheet, its source and a link to
 * the whole factsheet — no sidebar, header, footer or table of contents.
 *
 * One page serves every territory and chart: it is printed with a table of
 * every territory's slice URLs (FileAttachment needs literal paths, so the
 * page loader writes them out) and picks the territory and chart from the
 * query string at run time. The charts are drawn by components/charts.ts, as
 * on the factsheets.
 */
import {sourceLine} from "../components/image-caption.ts";
import {allTerritories, sliceFileName, type TerritoryInfo} from "../data/territory-ids.ts";
import {SYNTHETIC_BANNER} from "./content.ts";
import type {SiteFigures} from "./figures.ts";
import {html, js} from "./escape.ts";
import {displayName, pagePath} from "./names.ts";

/** One entry of the page's territory table: names, page and data files. */
function territoryEntry(info: TerritoryInfo): string {
  const file = (folder: string) => `FileAttachment(${js(`./data/${folder}/${sliceFileName(info.id)}`)}).href`;
  return `  ${js(info.id)}: {name: ${js(displayName(info))}, page: ${js(`.${pagePath(info)}`)}, slice: ${file("slices")}, quarterly: ${file("quarterly")}}`;
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
import {openFactsheetData} from "./components/factsheet-data.js";
import {loadChart} from "./components/charts.js";
import {chartTitle} from "./components/chart-kinds.js";
import {embedError, embedRequest, embedSource} from "./components/embed-request.js";

const TERRITORIES = {
${allTerritories().map(territoryEntry).join(",\n")}
};
const year = ${figures.year};
const request = embedRequest(location.search, TERRITORIES);
\`\`\`

\`\`\`js
if (request.error) {
  display(embedError(request.error));
} else {
  const territory = TERRITORIES[request.territory];
  const run = await openFactsheetData({
    slices: [territory.slice],
    quarterly: [territory.quarterly],
    products: FileAttachment("./data/products.parquet").href,
    countries: FileAttachment("./data/countries.parquet").href
  });
  const draw = await loadChart(request.chart, run, request.territory, year);
  const title = chartTitle(request.chart, territory.name, year);
  display(resize((width) => draw({width, title})));
  display(embedSource(${js(sourceLine(figures))}, {name: territory.name, href: territory.page}));
}
\`\`\`
`;
}
