/**
 * The chart-only view (/integrer?territoire=D10&graphique=partenaires), for an
 * <iframe> on another site: one chart of a factsheet, its source and a link to
 * the whole factsheet — no sidebar, header, footer or table of contents.
 *
 * One page serves every territory and chart: it is printed with a table of
 * the territories' names and factsheets, and picks the territory and chart
 * from the query string at run time. The chart is the factsheet's own, drawn
 * at build time: the view reads it from the factsheet's HTML (no engine, no
 * chart library, no second copy of every chart in the build).
 */
import {sourceLine} from "../components/image-caption.js";
import {territoriesWithFigures, type TerritoryInfo} from "../data/territory-ids.js";
import {noticeBanner, SYNTHETIC_BANNER} from "./content.js";
import {runScript} from "../data/douanes/terminal.js";
import {loadFigures, type SiteFigures} from "./figures.js";
import {html, js} from "./escape.js";
import {displayName, pagePath} from "./names.js";

/** One entry of the page's territory table: its name and factsheet. */
function territoryEntry(info: TerritoryInfo): string {
  return `  ${js(info.id)}: {name: ${js(displayName(info))}, page: ${js(`.${pagePath(info)}`)}}`;
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

${figures.synthetic ? noticeBanner(SYNTHETIC_BANNER, "embed-banner") : ""}
\`\`\`js
import {chartFromFactsheet, embedError, embedRequest, embedSource} from "./components/embed-request.js";

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
  // The factsheet's own chart, drawn at build time: markup of this site's build, labels escaped when it was drawn.
  const response = await fetch(territory.page);
  const drawing = response.ok ? chartFromFactsheet(await response.text(), request.territory, request.chart) : null;
  const chart = document.createElement("div");
  chart.className = "embed-chart";
  if (drawing) chart.append(drawing);
  display(drawing ? chart : embedError(response.ok ? "Ce graphique ne figure pas sur la fiche du territoire." : "Le graphique n'a pas pu être chargé (erreur " + response.status + ")."));
  display(embedSource(${js(sourceLine(figures))}, {name: territory.name, href: territory.page}));
}
\`\`\`
`;
}

/** What the page loader prints: the embed view for the current build (a refusal: its message, exit 1). */
export async function printEmbed(): Promise<void> {
  await runScript(async () => {
    process.stdout.write(embedMarkdown(await loadFigures()));
  });
}
