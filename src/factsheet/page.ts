/**
 * The factsheet page, as Markdown, for one territory: a département ("D10"),
 * a région ("R44") or France ("FR"). Page loaders print it
 * (src/departements/[code].md.ts, src/regions/[code].md.ts, src/france.md.ts).
 *
 * Headline figures and reading sentences are baked into the HTML here, at
 * build time, so they are readable without JavaScript, printable and found by
 * the site search; the charts are JavaScript cells that query the
 * territory's slices with DuckDB-WASM. The first two charts are also pasted
 * as static SVG drawn at build time (static-charts.ts), shown until their
 * cell draws the live chart.
 *
 * Everything that comes from data goes through `html()` (text in HTML) or
 * `js()` (a value in a JavaScript cell): labels are data, never markup.
 */
import {sankeyKind, type ChartKind} from "../components/chart-kinds.ts";
import {sourceLine} from "../components/image-caption.ts";
import {keyFiguresTexts} from "../components/key-figures.ts";
import {formatMillionEuros, formatPercent, formatTonnes} from "../components/format.ts";
import {FRANCE_ID} from "../components/queries.ts";
import type {Flow} from "../data/canonical.ts";
import {CORSICA_CODE, CORSICA_HALVES} from "../data/customs-geography.ts";
import {carriesFigures, departements, findDepartement, findRegion, regions} from "../data/territories.ts";
import type {TerritoryFigures} from "../data/slices.ts";
import {allTerritories, downloadFileName, sliceFileName, topSliceFileName, type TerritoryInfo} from "../data/territory-ids.ts";
import {
  contextParagraph,
  FACTSHEET_TITLE,
  methodologyCaveats,
  practicalInformation,
  SYNTHETIC_BANNER
} from "./content.ts";
import {loadFigures, type SiteFigures} from "./figures.ts";
import {territoiresIndustrieBlock} from "./territoires-industrie.ts";
import {html, js} from "./escape.ts";
import {displayName, pagePath, slug, territoryChartTitle} from "./names.ts";
import {isStaticKind, loadStaticCharts, staticChartBlock, staticChartId, type StaticCharts} from "./static-charts.ts";

const FLOW_WORDS: Record<Flow, {title: string; heading: string}> = {
  export: {title: "Exportations", heading: "Flux à l'export par produit et par pays"},
  import: {title: "Importations", heading: "Flux à l'import par pays et par produit"}
};

function link(info: TerritoryInfo, text = displayName(info)): string {
  return `<a href="${pagePath(info)}">${html(text)}</a>`;
}

/** The territories whose figures a page sets side by side: itself, its région, France. */
function comparedTerritories(info: TerritoryInfo, figures: SiteFigures): TerritoryFigures[] {
  const chain = [info.id, info.region, info.kind === "france" ? null : FRANCE_ID].filter((id): id is string => id !== null);
  return chain.map((id) => figures.territories[id]);
}

/**
 * Slices a page downloads: its own in full; its région's reduced to the top 10
 * (enough for the région's Sankeys); France's in full, because the indicators
 * set the territory against France's whole detail — one file every page
 * shares, so the browser fetches it once for the whole site.
 */
function sliceFiles(info: TerritoryInfo): string[] {
  const files = [sliceFileName(info.id)];
  if (info.region) files.push(topSliceFileName(info.region));
  if (info.kind !== "france") files.push(sliceFileName(FRANCE_ID));
  return files;
}

/** The départements of a région that carry figures, for the source's form of Corsica. */
function regionDepartements(regionCode: string, figures: SiteFigures): string[] {
  return findRegion(regionCode)!.departements.filter((code) => carriesFigures(code, figures.corsica));
}

function titleBlock(info: TerritoryInfo, figures: SiteFigures): string {
  const count = info.kind === "region" ? regionDepartements(info.code, figures).length : 0;
  const outside = figures.outsideDepartements;
  const context =
    info.kind === "departement"
      ? `Département de la région ${link(allTerritories().find((t) => t.id === info.region)!)}`
      : info.kind === "region"
        ? count === 1 ? "Région d'un seul département" : `Région de ${count} départements`
        : `Ensemble des départements${outside.some((d) => d.name) ? ", Monaco" : ""}${outside.some((d) => !d.name) ? " et les montants sans département" : ""}`;
  return `<header class="factsheet-title">
<p class="factsheet-kicker">${html(FACTSHEET_TITLE)}</p>
<h1>${html(displayName(info))}</h1>
<p class="factsheet-subtitle">Année ${figures.year} · ${context}</p>
${info.kind === "departement" ? territoiresIndustrieBlock(info.code, figures.territoiresIndustrie) : ""}
</header>`;
}

function neighbours(info: TerritoryInfo, figures: SiteFigures): string {
  const items: string[] = [];
  if (info.kind === "departement") {
    const listed = departements.filter((d) => carriesFigures(d.code, figures.corsica));
    const index = listed.findIndex((d) => d.code === info.code);
    const previous = listed[index - 1];
    const next = listed[index + 1];
    if (previous) items.push(`<a href="/departements/${previous.code}" rel="prev">← ${html(previous.name)} (${previous.code})</a>`);
    const region = allTerritories().find((t) => t.id === info.region)!;
    items.push(link(region, `Région ${region.name}`));
    items.push(`<a href="/france">France entière</a>`);
    if (next) items.push(`<a href="/departements/${next.code}" rel="next">${html(next.name)} (${next.code}) →</a>`);
  } else if (info.kind === "region") {
    items.push(
      ...regionDepartements(info.code, figures).map((code) => `<a href="/departements/${code}">${html(findDepartement(code)!.name)} (${code})</a>`),
      `<a href="/france">France entière</a>`
    );
  } else {
    items.push(...regions.map((r) => `<a href="/regions/${r.code}">${html(r.name)}</a>`));
  }
  const label = info.kind === "departement" ? "Départements voisins dans la liste, région et France" : info.kind === "region" ? "Départements de la région" : "Régions";
  return `<nav class="factsheet-nav" aria-label="${html(label)}">\n${items.join("\n")}\n</nav>`;
}

function keyFiguresBlock(info: TerritoryInfo, figures: SiteFigures): string {
  const own = figures.territories[info.id];
  const region = info.region ? figures.territories[info.region] : undefined;
  const rows = (["export", "import"] as const).map((flow) => {
    const texts = keyFiguresTexts(flowKeyFigures(own, flow, region, figures));
    const shares = [texts.regionShare, texts.franceShare].filter(Boolean).join(", ");
    const mass = own.keyFigures[flow].massKg;
    const tonnage = mass === null ? "" : ` <span class="key-figure-mass">${html(formatTonnes(mass))}</span>`;
    return `<div class="key-figure key-figure-${flow}"><dt>${texts.flowLabel}</dt><dd><strong>${html(texts.total)}</strong>${tonnage}${shares ? ` <span>${html(shares)}</span>` : ""}</dd></div>`;
  });
  const balance = keyFiguresTexts({...flowKeyFigures(own, "export", region, figures), balance: own.keyFigures.balance}).balance!;
  rows.push(`<div class="key-figure key-figure-balance"><dt>Solde</dt><dd><strong>${html(balance)}</strong></dd></div>`);
  return `<dl class="key-figures">\n${rows.join("\n")}\n</dl>`;
}

function flowKeyFigures(territory: TerritoryFigures, flow: Flow, regionOrNone: TerritoryFigures | undefined, figures: SiteFigures) {
  const flowFigures = territory.keyFigures[flow];
  // A région of one département (the five overseas ones, Corsica as "20") would read "100,0 % de La Réunion".
  const region = regionOrNone && regionDepartements(regionOrNone.code, figures).length > 1 ? regionOrNone : undefined;
  return {
    territoryName: territory.name,
    flow,
    total: flowFigures.total,
    regionName: region?.forms.ofName,
    regionTotal: region ? flowFigures.regionTotal ?? undefined : undefined,
    franceTotal: territory.kind === "france" ? undefined : flowFigures.franceTotal
  };
}

/**
 * What the département pages do not show: on a région's page, the codes
 * counted in it without a page (Monaco in Provence-Alpes-Côte d'Azur); on
 * France's, the reconciliation of France (every row) with its départements.
 */
function outsideDepartementsBlock(info: TerritoryInfo, figures: SiteFigures): string {
  const year = figures.year;
  const flows = (d: {export: number; import: number}) =>
    `${formatMillionEuros(d.export)} d'exportations et ${formatMillionEuros(d.import)} d'importations`;
  if (info.kind === "region") {
    const counted = figures.outsideDepartements.filter((d) => d.region === info.code && d.name);
    return counted
      .map((d) => `<p class="outside-note">Les chiffres de la région comprennent ceux de ${html(d.name === "Monaco" ? "la Principauté de Monaco" : d.name!)} (code ${html(d.code)} des Douanes), que le territoire statistique français inclut : ${html(flows(d))} en ${year}.</p>`)
      .join("\n");
  }
  if (info.kind !== "france" || figures.outsideDepartements.length === 0) return "";
  const france = figures.territories[info.id].keyFigures;
  const sum = (flow: Flow) => france[flow].total - figures.outsideDepartements.reduce((total, d) => total + d[flow], 0);
  const row = (label: string, d: {export: number; import: number}) =>
    `<tr><th scope="row">${html(label)}</th><td>${html(formatMillionEuros(d.export))}</td><td>${html(formatMillionEuros(d.import))}</td></tr>`;
  const rows = [
    row("Somme des fiches départementales", {export: sum("export"), import: sum("import")}),
    ...figures.outsideDepartements.map((d) =>
      row(d.name ? `${d.name} (code ${d.code}, compté dans sa région)` : `Code ${d.code}, sans département`, d)
    ),
    row("France entière", {export: france.export.total, import: france.import.total})
  ];
  return `<table class="reconciliation">
<caption>De la somme des départements à la France entière, ${year}</caption>
<thead><tr><th scope="col"></th><th scope="col">Exportations</th><th scope="col">Importations</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

/** The page of a Corsica code the source does not publish: it says how the source publishes Corsica and leads there. */
function corsicaNotice(info: TerritoryInfo, figures: SiteFigures): string {
  const pageLink = (code: string) => `<a href="/departements/${code}">${html(findDepartement(code)!.name)} (${code})</a>`;
  const text =
    figures.corsica === "20"
      ? `Les Douanes publient la Corse comme un seul département, code ${CORSICA_CODE} : les chiffres ${html(info.forms.ofName)} sont dans la fiche ${pageLink(CORSICA_CODE)}.`
      : `Les données de ce site publient la Corse en deux départements : voir les fiches ${pageLink(CORSICA_HALVES[0])} et ${pageLink(CORSICA_HALVES[1])}.`;
  return `---
title: ${JSON.stringify(`${displayName(info)} — commerce extérieur ${figures.year}`)}
toc: false
---

${figures.synthetic ? `<p class="demo-banner" role="note">${html(SYNTHETIC_BANNER)}</p>\n` : ""}
<header class="factsheet-title">
<p class="factsheet-kicker">${html(FACTSHEET_TITLE)}</p>
<h1>${html(displayName(info))}</h1>
</header>

<p class="corsica-notice" role="note">${text}</p>

<p><a href="/regions/${info.region!.slice(1)}">Région Corse</a> · <a href="/france">France entière</a></p>
`;
}

/** The site's root relative to the page: /departements/10 and /regions/44 sit one folder down, /france at the root. */
function siteRoot(info: TerritoryInfo): string {
  return info.kind === "france" ? "./" : "../";
}

/** Loads the rows of one chart of CHARTS into `variable`. */
function loadChart(kind: ChartKind, variable: string, territory: TerritoryInfo): string {
  return `const ${variable} = await CHARTS.${kind}.load(run, ${js(territory.id)}, year);`;
}

/**
 * Draws one chart of CHARTS from the rows in `variable`, then its actions:
 * SVG and PNG images, and the embed view of the same chart. `page` is the
 * page drawn on (relative links), `territory` the one the chart shows. The
 * page's own first charts replace their static version (staticChartBlock).
 */
function drawChart(kind: ChartKind, variable: string, page: TerritoryInfo, territory: TerritoryInfo, year: number): string {
  const title = territoryChartTitle(kind, territory, year);
  const embedHref = `${siteRoot(page)}integrer?territoire=${territory.id}&graphique=${kind}`;
  const chart = `chart_${kind}_${territory.id}`; // unique on the page: one chart of a kind per territory
  const replaced = isStaticKind(kind) && territory.id === page.id ? `document.getElementById(${js(staticChartId(kind))})?.remove();\n` : "";
  return `${replaced}const ${chart} = display(resize((width) => CHARTS.${kind}.draw(${variable}, {width, title: ${js(title)}})));
display(chartActions(${chart}, {fileName: ${js(`${slug(territory)}-${kind}-${year}`)}, embedHref: ${js(embedHref)}, credit}));`;
}

/**
 * Links to the territory's rows (downloads.zip), plain <a download>: they
 * work without JavaScript, and Framework copies the files they name.
 */
function downloadsBlock(info: TerritoryInfo, figures: SiteFigures): string {
  const href = (format: "csv" | "parquet") => `${siteRoot(info)}data/downloads/${downloadFileName(info.id, format)}`;
  const name = (format: "csv" | "parquet") => `${slug(info)}-commerce-exterieur-${figures.year}.${format}`;
  return `<p class="factsheet-downloads">Les données de cette fiche, ligne à ligne (flux × produit × pays, en euros) :
<a href="${href("csv")}" download="${name("csv")}">CSV (tableur)</a> ·
<a href="${href("parquet")}" download="${name("parquet")}">Parquet</a> —
<a href="${siteRoot(info)}donnees#donnees-d-une-fiche">colonnes décrites</a>.</p>`;
}

/** The JavaScript that opens the data: one cell every chart cell depends on. */
function dataCell(info: TerritoryInfo, figures: SiteFigures): string {
  const up = siteRoot(info);
  const attachment = (path: string) => `FileAttachment(${js(up + path)}).href`;
  return "```js\n" +
    [
      `import {openFactsheetData} from "${up}components/factsheet-data.js";`,
      `import {CHARTS} from "${up}components/charts.js";`,
      `import {chartActions} from "${up}components/chart-export.js";`,
      `import {yearComparisons} from "${up}components/trends.js";`,
      `import {indicatorSummary} from "${up}components/indicators.js";`,
      `import {trendSentence, quarterlyTable, comparisonTable} from "${up}components/trend-chart.js";`,
      `import {indicatorCardTexts, indicatorCards, exposureTable, concentrationTable, specialisationTable, dependenceTable} from "${up}components/indicator-cards.js";`,
      `import {chartData, readingParagraph} from "${up}components/chart-data.js";`,
      `const run = await openFactsheetData({`,
      `  slices: [${sliceFiles(info).map((file) => attachment(`data/slices/${file}`)).join(", ")}],`,
      `  quarterly: [${attachment(`data/quarterly/${sliceFileName(info.id)}`)}],`,
      `  products: ${attachment("data/products.parquet")},`,
      `  countries: ${attachment("data/countries.parquet")}`,
      `});`,
      `const year = ${figures.year};`,
      `const forms = ${js(info.forms)};`,
      `const credit = ${js(sourceLine(figures))};`
    ].join("\n") +
    "\n```";
}

const MILLIONS = {format: "millionEuros" as const, csvDecimals: 0};

function partnersSection(info: TerritoryInfo, figures: SiteFigures, charts: StaticCharts): string {
  const own = figures.territories[info.id];
  return `## Balance commerciale territoriale

### Principaux pays à l'import et à l'export

<p class="reading">${html(own.balanceSentence)}</p>

${staticChartBlock("partenaires", charts)}\`\`\`js
${loadChart("partenaires", "partners", info)}
${drawChart("partenaires", "partners", info, info, figures.year)}
display(chartData(partners, [
  {key: "countryName", label: "Pays"},
  {key: "imports", label: "Importations (€)", ...${js(MILLIONS)}},
  {key: "exports", label: "Exportations (€)", ...${js(MILLIONS)}},
  {key: "balance", label: "Solde (€)", format: "signedMillionEuros", csvDecimals: 0}
], {summary: "Données du graphique (tableau)", fileName: ${js(`${slug(info)}-partenaires-${figures.year}.csv`)}}));
\`\`\``;
}

function activitiesSection(info: TerritoryInfo, figures: SiteFigures, charts: StaticCharts): string {
  const own = figures.territories[info.id];
  const lead = (flow: Flow) => own[flow].topProducts[0];
  const sentence = [
    lead("export") && `Premier produit exporté : ${lead("export").name} (${formatPercent(lead("export").share)} des exportations)`,
    lead("import") && `premier produit importé : ${lead("import").name} (${formatPercent(lead("import").share)} des importations)`
  ]
    .filter(Boolean)
    .join(" ; ");
  return `## Principales activités à l'export et à l'import

${sentence ? `<p class="reading">${html(sentence)}.</p>` : ""}

${staticChartBlock("activites", charts)}\`\`\`js
${loadChart("activites", "activities", info)}
${drawChart("activites", "activities", info, info, figures.year)}
const withMass = activities.some((d) => d.massKg !== null);
display(chartData(activities.map((d) => ({...d, massTonnes: d.massKg === null ? null : d.massKg / 1000, perKg: d.massKg ? d.value / d.massKg : null})), [
  {key: "flow", label: "Flux", format: (flow) => flow === "export" ? "Exportations" : "Importations"},
  {key: "productName", label: "Produit"},
  {key: "value", label: "Valeur (€)", ...${js(MILLIONS)}},
  {key: "share", label: "Part du flux", format: "percent", csvDecimals: 4},
  ...(withMass ? [{key: "massTonnes", label: "Masse (t)", format: "tonnes", csvDecimals: 1}, {key: "perKg", label: "Valeur au kg (€)", format: "eurosPerKg", csvDecimals: 2}] : [])
], {summary: "Données du graphique (tableau)", fileName: ${js(`${slug(info)}-activites-${figures.year}.csv`)}}));
\`\`\``;
}

function sankeySection(info: TerritoryInfo, figures: SiteFigures, flow: Flow): string {
  const words = FLOW_WORDS[flow];
  const region = info.region ? figures.territories[info.region] : undefined;
  const blocks = comparedTerritories(info, figures).map((territory, index) => {
    const territoryInfo = allTerritories().find((t) => t.id === territory.id)!;
    const texts = keyFiguresTexts(flowKeyFigures(territory, flow, index === 0 ? region : undefined, figures));
    const figuresLine = [texts.total, index === 0 ? texts.regionShare : undefined, index === 0 && territory.kind !== "france" ? texts.franceShare : undefined]
      .filter(Boolean)
      .join(" — ");
    const variable = `links_${flow}_${index}`;
    const heading = index === 0 ? "" : `### ${html(displayName(territoryInfo))}\n\n`;
    return `${heading}<p class="reading">${html(territory[flow].sentence)}</p>

\`\`\`js
${loadChart(sankeyKind(flow), variable, territoryInfo)}
${drawChart(sankeyKind(flow), variable, info, territoryInfo, figures.year)}
display(chartData(${variable}, [
  {key: "sourceName", label: ${js(flow === "export" ? "Produit" : "Pays d'origine")}},
  {key: "targetName", label: ${js(flow === "export" ? "Pays de destination" : "Produit")}},
  {key: "value", label: "Valeur (€)", ...${js(MILLIONS)}}
], {summary: "Données du graphique (tableau)", fileName: ${js(`${slug(territoryInfo)}-${sankeyKind(flow)}-${figures.year}.csv`)}}));
\`\`\`

<p class="key-figures-line"><strong>${html(words.title)} ${html(territory.forms.ofName)} : ${html(figuresLine)}</strong></p>`;
  });
  return `## ${words.title}

### ${words.heading}

${blocks.join("\n\n")}`;
}

function trendsSection(info: TerritoryInfo, figures: SiteFigures): string {
  return `## Évolution trimestrielle

Au-delà de la fiche de référence : les fichiers des Douanes par produit et par pays couvrent seize
trimestres, de quoi voir la tendance et comparer l'année présentée à la précédente.

\`\`\`js
${loadChart("tendance", "quarters", info)}
display(readingParagraph(trendSentence(quarters, {forms})));
${drawChart("tendance", "quarters", info, info, figures.year)}
${drawChart("evolution", "quarters", info, info, figures.year)}
display(quarterlyTable(quarters));
\`\`\`

### Comparaison avec l'année précédente

\`\`\`js
// Awaited on its own line: Framework does not see an await inside a for…of head and would not make the cell async.
const comparisons = await yearComparisons(run, {territory: ${js(info.id)}, n: 10});
for (const comparison of comparisons) display(comparisonTable(comparison));
\`\`\``;
}

function indicatorsSection(info: TerritoryInfo): string {
  const reference = info.kind === "france" ? "null" : `await indicatorSummary(run, {territory: ${js(FRANCE_ID)}, year})`;
  return `## Exposition et dépendances

Chaque indicateur est calculé sur l'année présentée et situé par rapport à la valeur nationale :
part des exportations vers les États-Unis, concentration des partenaires et des produits
(part des trois premiers, indice de Herfindahl-Hirschman), spécialisation (avantage comparatif
révélé) et dépendance des importations à leur premier pays d'origine.

\`\`\`js
const indicators = await indicatorSummary(run, {territory: ${js(info.id)}, year});
const nationalIndicators = ${reference};
display(indicatorCards(indicatorCardTexts(indicators, nationalIndicators, {forms})));
display(exposureTable(indicators.unitedStates));
display(concentrationTable(indicators.concentration, nationalIndicators?.concentration ?? null));
if (indicators.specialisation.length) display(specialisationTable(indicators.specialisation));
display(dependenceTable(indicators.importDependence));
\`\`\``;
}

function contextSection(figures: SiteFigures): string {
  const caveats = methodologyCaveats({
    year: figures.year,
    synthetic: figures.synthetic,
    sourceDescription: html(figures.sourceDescription),
    retrievedAt: figures.retrievedAt
  });
  return `## Contexte et méthodologie

${contextParagraph()}

${caveats.map((line) => `- ${line}`).join("\n")}`;
}

function practicalSection(info: TerritoryInfo, figures: SiteFigures): string {
  return `## Informations pratiques

${practicalInformation(displayName(info), figures.year)
  .map((line) => `- ${line}`)
  .join("\n")}`;
}

/** The whole page for a territory id ("D10", "R44", "FR"), with its static charts if any. */
export function factsheetMarkdown(id: string, figures: SiteFigures, charts: StaticCharts = {}): string {
  const info = allTerritories().find((t) => t.id === id);
  if (!info) throw new Error(`Territoire inconnu : « ${id} »`);
  if (info.kind === "departement" && !carriesFigures(info.code, figures.corsica)) return corsicaNotice(info, figures);
  return `---
title: ${JSON.stringify(`${displayName(info)} — commerce extérieur ${figures.year}`)}
toc:
  label: Sommaire
---

${figures.synthetic ? `<p class="demo-banner" role="note">${html(SYNTHETIC_BANNER)}</p>\n` : ""}
${titleBlock(info, figures)}

${neighbours(info, figures)}

${contextSection(figures)}

## Chiffres clés ${figures.year}

${keyFiguresBlock(info, figures)}

${outsideDepartementsBlock(info, figures)}

${downloadsBlock(info, figures)}

${dataCell(info, figures)}

${partnersSection(info, figures, charts)}

${activitiesSection(info, figures, charts)}

${sankeySection(info, figures, "export")}

${sankeySection(info, figures, "import")}

${trendsSection(info, figures)}

${indicatorsSection(info)}

${practicalSection(info, figures)}
`;
}

/** What a page loader prints: the page of `id` with the current build's figures and static charts. */
export async function printFactsheet(id: string): Promise<void> {
  const [figures, charts] = await Promise.all([loadFigures(), loadStaticCharts(id)]);
  process.stdout.write(factsheetMarkdown(id, figures, charts));
}

/** Reads `--code=10` from a page loader's arguments (Framework passes route parameters so). */
export function routeParameter(name: string, argv = process.argv): string {
  const prefix = `--${name}=`;
  const argument = argv.find((a) => a.startsWith(prefix));
  if (!argument) throw new Error(`Paramètre de route manquant : ${prefix}…`);
  return argument.slice(prefix.length);
}
