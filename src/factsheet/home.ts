/**
 * The home page, as Markdown (printed by src/index.md.ts): complete in its
 * HTML, drawn at build time by the components the page used to run live —
 * the map of the départements (`franceMap`, with its legend) and the ranking
 * chart (Plot) for each of the four indicators, the national key figures
 * (`figureCards`), the figures of every département (`dataTable`), the
 * départements by région (`departementsTable`) and the search box
 * (`territorySearch`). One indicator's panel shows, the others are hidden;
 * the page's one light script (components/home-enhance.ts) switches them,
 * adds the image actions and brings the search box to life. No query, no
 * engine: the page never loads DuckDB-WASM.
 *
 * `homeMarkdown` is a pure function of the overview rows of one year
 * (src/data/overview.ts) and a document to draw in (jsdom at build time).
 * Every element is made by the DOM and serialised (prerender.ts
 * `serialiseElements`): labels stay text.
 */
import * as Plot from "@observablehq/plot";
import type {SearchTerritory} from "../components/territory-search.js";
import type {HomeConfig} from "../components/home-enhance.js";
import {dataTable} from "../components/data-table.js";
import {departementsTable} from "../components/departements-table.js";
import {figureCards} from "../components/explorer-figures.js";
import {roleForPlotGroups} from "../components/figure.js";
import {BALANCE_ROUNDING_NOTE, SHARE_DECIMALS, UNIT_SPACE, balanceDiffersFromRounded, balanceRoundingNote, formatBillionEuros, formatMillionEuros, formatNumber, formatShare, formatSigned, formatSignedMillionEuros} from "../components/format.js";
import {franceMap, formatMetric, legendNote, mapLegend, MAP_CREDIT, type MapDatum, type MapMetric} from "../components/france-map.js";
import {sourceLine} from "../components/image-caption.js";
import {frenchList, productInSentence} from "../components/narrative.js";
import {COLORS} from "../components/palette.js";
import {territorySearch} from "../components/territory-search.js";
import type {OverviewRow} from "../data/overview.js";
import {demoMarked} from "../data/territory-ids.js";
import type {OutsideDepartement} from "../data/slices.js";
import {runScript} from "../data/douanes/terminal.js";
import {noticeBanner} from "./content.js";
import {html, js} from "./escape.js";
import {jsdomWindow, NARROW_WIDTH, serialiseElements, WIDE_WIDTH} from "./prerender.js";

/** What the page says besides the rows: the year, whether the data are real, what France holds beyond its départements. */
export interface HomeFacts {
  year: number;
  synthetic: boolean;
  /** Codes counted in France without a page of their own (Monaco, unallocated amounts): see SiteFigures. */
  outsideDepartements: readonly OutsideDepartement[];
}

export interface HomeMetric {
  key: MapMetric;
  /** The radio's label, and the map's with the year. */
  label: string;
  value: (row: OverviewRow) => number | null;
}

/** The four indicators, in the order of the radio group: the first one shows without JavaScript. */
export const HOME_METRICS: readonly HomeMetric[] = [
  {key: "exports", label: "Exportations", value: (row) => row.exports_eur},
  {key: "imports", label: "Importations", value: (row) => row.imports_eur},
  {key: "balance", label: "Solde commercial", value: (row) => row.balance_eur},
  {key: "usShare", label: "Part des exportations vers les États-Unis", value: (row) => row.us_export_share}
];

export const HOME_SYNTHETIC_BANNER =
  "Données de démonstration (synthétiques) : les montants de ce site sont générés pour reproduire le format et " +
  "les totaux de référence des Douanes ; ils ne décrivent pas les échanges réels.";

const SEARCH_LABEL = "Trouver un département ou une région";
const SEARCH_PLACEHOLDER = "Nom ou numéro : Aube, 10, Grand Est…";

/** Links from the home page (the site's root). */
const departementHref = (code: string) => `./departements/${code}`;
function territoryHref(row: OverviewRow): string {
  return row.kind === "departement" ? departementHref(row.code) : row.kind === "region" ? `./regions/${row.code}` : "./france";
}

const byCode = (a: {code: string}, b: {code: string}) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The rows the page shows, checked: the département rows in code order, the région rows, the France row. */
function splitRows(rows: readonly OverviewRow[]): {departements: OverviewRow[]; regions: OverviewRow[]; france: OverviewRow} {
  const france = rows.find((row) => row.kind === "france");
  if (!france) throw new Error("Aperçu sans ligne France : la page d'accueil ne peut pas être construite.");
  return {
    departements: rows.filter((row) => row.kind === "departement").sort(byCode),
    // Metropolitan régions first, then overseas (INSEE codes 01–06), as in the sidebar.
    regions: rows.filter((row) => row.kind === "region").sort((a, b) => Number(a.code < "10") - Number(b.code < "10") || byCode(a, b)),
    france
  };
}

const metricLabel = (metric: HomeMetric, year: number) => `${metric.label} ${year}`;
const fileStem = (kind: "carte" | "classement", metric: HomeMetric, facts: HomeFacts) =>
  demoMarked(`${kind}-departements-${metric.key}-${facts.year}`, facts.synthetic);

function mapData(departements: readonly OverviewRow[], metric: HomeMetric): MapDatum[] {
  return departements.map((row) => ({code: row.code, name: row.name, value: metric.value(row)}));
}

/** The ranking's title: the largest values, or the largest surpluses and deficits. */
function rankingTitle(metric: HomeMetric, year: number, count: number): string {
  if (metric.key === "balance") return `Les ${count} plus forts excédents et les ${count} plus forts déficits — solde commercial ${year}, en millions d'euros`;
  return `Les ${count} premiers départements — ${productInSentence(metricLabel(metric, year))}, ${metric.key === "usShare" ? "en %" : "en millions d'euros"}`;
}

/** Below this width the ranking writes each name above its bar (a phone's column). */
const NARROW_RANKING_BELOW = 480;
const NARROW_ROW = 34;

const RANKING_COLORS: Record<Exclude<MapMetric, "balance">, string> = {exports: COLORS.export, imports: COLORS.import, usShare: "#c55a11"};

/** The ranking under the map, drawn by Plot: its heading, and its chart wide and narrow (the page's CSS shows one). */
function ranking(data: readonly MapDatum[], metric: HomeMetric, year: number, doc: Document): {heading: HTMLElement; charts: HTMLElement} {
  const ranked = data.filter((d): d is MapDatum & {value: number} => d.value !== null && Number.isFinite(d.value)).sort((a, b) => b.value - a.value || byCode(a, b));
  const half = metric.key === "balance" ? Math.min(10, Math.floor(ranked.length / 2)) : 0;
  const shown = metric.key === "balance" ? [...ranked.slice(0, half), ...ranked.slice(ranked.length - half)] : ranked.slice(0, 15);
  const title = rankingTitle(metric, year, metric.key === "balance" ? half : shown.length);
  const inMillions = metric.key !== "usShare";
  const name = (d: MapDatum) => `${d.name} (${d.code})`;
  const barColor = (d: MapDatum & {value: number}) =>
    metric.key === "balance" ? (d.value < 0 ? COLORS.negative : COLORS.positive) : RANKING_COLORS[metric.key as Exclude<MapMetric, "balance">];
  const barValue = (d: MapDatum & {value: number}) => (inMillions ? d.value / 1e6 : d.value * 100);
  const bar = (options: Record<string, unknown>) =>
    Plot.barX(shown, {y: name, x: barValue, fill: barColor, title: (d: MapDatum & {value: number}) => `${name(d)} : ${formatMetric(metric.key, d.value)}`, ...options});
  const x = {label: inMillions ? "M€" : "%", grid: true, tickFormat: (v: number) => formatNumber(v)};
  // Wide: names in the left margin. Narrow (a phone): each name on its own line above its bar,
  // the full width of the drawing, so that « Bouches-du-Rhône (13) » is never clipped.
  const draw = (width: number) =>
    roleForPlotGroups(
      width >= NARROW_RANKING_BELOW
        ? Plot.plot({
            document: doc,
            width,
            height: 24 * shown.length + 40,
            marginLeft: Math.min(220, width / 3),
            style: {fontSize: "11px"},
            ariaLabel: title,
            x,
            y: {label: null, domain: shown.map(name)},
            marks: [bar({}), Plot.ruleX([0], {ariaHidden: "true"})]
          })
        : Plot.plot({
            document: doc,
            width,
            height: NARROW_ROW * shown.length + 40,
            marginLeft: 4,
            marginRight: 16,
            style: {fontSize: "12px"},
            ariaLabel: title,
            x,
            y: {label: null, domain: shown.map(name), axis: null, padding: 0},
            marks: [
              bar({insetTop: 17, insetBottom: 3}),
              Plot.text(shown, {y: name, text: name, frameAnchor: "left", textAnchor: "start", lineAnchor: "top", dy: -NARROW_ROW / 2 + 2, fill: COLORS.text, ariaHidden: "true"}),
              Plot.ruleX([0], {ariaHidden: "true"})
            ]
          })
    );
  const heading = doc.createElement("h3");
  heading.textContent = title;
  const charts = element(doc, "div", "home-ranking");
  charts.append(element(doc, "div", "home-ranking-wide", draw(WIDE_WIDTH)), element(doc, "div", "home-ranking-narrow", draw(NARROW_WIDTH)));
  return {heading, charts};
}

function element(doc: Document, tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = doc.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** One indicator's panel: its map (with its legend and credit) and its ranking. All but the first are hidden. */
function metricPanel(departements: readonly OverviewRow[], metric: HomeMetric, index: number, year: number, doc: Document): HTMLElement {
  const data = mapData(departements, metric);
  const panel = element(doc, "div", "home-metric");
  panel.dataset.metric = metric.key;
  panel.hidden = index > 0;
  const map = franceMap(data, {metric: metric.key, label: metricLabel(metric, year), href: departementHref, width: WIDE_WIDTH, document: doc});
  const {heading, charts} = ranking(data, metric, year, doc);
  panel.append(element(doc, "div", "home-map", map), heading, charts);
  return panel;
}

/** The radio group: plain HTML, answered by the page's script; kept out of sight until it runs (without it, the first indicator shows). */
function metricChoice(doc: Document): HTMLElement {
  const form = element(doc, "form", "home-metric-choice");
  form.setAttribute("data-pending", "");
  const fieldset = doc.createElement("fieldset");
  const legend = doc.createElement("legend");
  legend.textContent = "Indicateur de la carte";
  fieldset.append(legend);
  HOME_METRICS.forEach((metric, i) => {
    const label = doc.createElement("label");
    const input = doc.createElement("input");
    input.type = "radio";
    input.name = "indicateur";
    input.value = metric.key;
    if (i === 0) input.setAttribute("checked", "");
    label.append(input, doc.createTextNode(metric.label));
    fieldset.append(label);
  });
  form.append(fieldset);
  return form;
}

/**
 * The national key figures: the France row, every row of the customs' files,
 * in M€ as on France's own page (the same figures, to the digit), with the
 * Md€ as a reading aid.
 */
function nationalFigures(france: OverviewRow, year: number, doc: Document): HTMLElement {
  const balanceWord = france.balance_eur > 0 ? "excédent" : france.balance_eur < 0 ? "déficit" : "équilibre";
  const rounding = balanceRoundingNote(france.exports_eur, france.imports_eur);
  return figureCards(
    [
      {title: `Exportations ${year}`, value: formatMillionEuros(france.exports_eur), note: `soit ${formatBillionEuros(france.exports_eur)}, valeurs FAB`, color: COLORS.export},
      {title: `Importations ${year}`, value: formatMillionEuros(france.imports_eur), note: `soit ${formatBillionEuros(france.imports_eur)}, valeurs CAF`, color: COLORS.import},
      {
        title: `Solde commercial ${year}`,
        value: formatSignedMillionEuros(france.balance_eur),
        note: `${balanceWord} (exportations − importations), soit ${formatBillionEuros(france.balance_eur)}${rounding ? `. ${rounding}` : ""}`
      }
    ],
    {className: "national-figures", document: doc}
  );
}

/** What the France figures hold: "l'ensemble des départements, Monaco et les montants sans département". */
export function franceContents(outside: readonly OutsideDepartement[]): string {
  const named = [...new Set(outside.map((d) => d.name).filter((name): name is string => name !== null))];
  const unallocated = outside.some((d) => d.name === null);
  return frenchList(["l'ensemble des départements", ...named, ...(unallocated ? ["les montants sans département"] : [])]);
}

function franceNote(france: OverviewRow, facts: HomeFacts, doc: Document): HTMLElement {
  const p = element(doc, "p", "home-france-note");
  const share = france.us_export_share === null ? "sans objet (aucune exportation)" : formatShare(france.us_export_share, SHARE_DECIMALS);
  p.textContent =
    `La France entière, ce sont toutes les lignes des fichiers des Douanes : ${franceContents(facts.outsideDepartements)}. ` +
    "Hors matériel militaire et hors estimations, ce total est inférieur au chiffre national officiel. " +
    `Part des exportations vers les États-Unis : ${share}.`;
  return p;
}

/** The figures of the maps, every département, in one table (closed). */
function figuresTable(departements: readonly OverviewRow[], year: number, doc: Document): HTMLElement {
  const table = dataTable(
    departements.map((row) => ({code: row.code, name: row.name, exports: row.exports_eur, imports: row.imports_eur, balance: row.balance_eur, us: row.us_export_share})),
    [
      {key: "code", label: "Code"},
      {key: "name", label: "Département"},
      {key: "exports", label: "Exportations", format: "millionEuros"},
      {key: "imports", label: "Importations", format: "millionEuros"},
      {key: "balance", label: "Solde", format: "signedMillionEuros"},
      {key: "us", label: "Part vers les États-Unis", format: (v) => (typeof v === "number" && Number.isFinite(v) ? formatShare(v, SHARE_DECIMALS) : "–"), unit: "%"}
    ],
    {summary: `Les chiffres des cartes, pour les ${departements.length} départements (${year})`, document: doc}
  );
  if (departements.some((row) => balanceDiffersFromRounded(row.exports_eur, row.imports_eur))) {
    const note = element(doc, "p", "table-note");
    note.textContent = BALANCE_ROUNDING_NOTE;
    table.append(note);
  }
  return table;
}

/** The départements by région: one table each, its caption a link to the région's page. */
function departementsByRegion(departements: readonly OverviewRow[], regions: readonly OverviewRow[], doc: Document): HTMLElement {
  const block = element(doc, "div", "home-departements");
  for (const region of regions) {
    const rows = departements.filter((row) => row.region === region.territory).map((row) => ({dept: row.code, dept_name: row.name}));
    if (rows.length === 0) continue;
    const table = departementsTable(rows, {caption: region.name, href: departementHref, document: doc});
    const link = doc.createElement("a");
    link.href = territoryHref(region);
    link.textContent = region.name;
    table.caption!.replaceChildren(link);
    block.append(table);
  }
  return block;
}

/** Every territory the search finds, as the page's script receives it. */
export function searchList(rows: readonly OverviewRow[]): SearchTerritory[] {
  return [...rows].sort((a, b) => (a.territory < b.territory ? -1 : a.territory > b.territory ? 1 : 0)).map((row) => ({
    id: row.territory,
    kind: row.kind,
    code: row.code,
    name: row.name,
    href: territoryHref(row)
  }));
}

/** The page's script's settings: the image files' names, titles and legends, and the search list. */
export function homeConfig(rows: readonly OverviewRow[], facts: HomeFacts): HomeConfig {
  const {departements} = splitRows(rows);
  const credit = sourceLine(facts);
  return {
    credit,
    mapCredit: `${credit} · fond de carte ${MAP_CREDIT}`,
    metrics: HOME_METRICS.map((metric) => ({
      key: metric.key,
      mapFileName: fileStem("carte", metric, facts),
      rankingFileName: fileStem("classement", metric, facts),
      mapTitle: `Commerce extérieur des départements — ${productInSentence(metricLabel(metric, facts.year))}`,
      legend: mapLegend(mapData(departements, metric), metric.key),
      ...(legendNote(metric.key) ? {legendNote: legendNote(metric.key)} : {})
    })),
    territories: searchList(rows),
    searchLabel: SEARCH_LABEL,
    searchPlaceholder: SEARCH_PLACEHOLDER
  };
}

/** Elements as one Markdown HTML block (a <div>, no blank line inside, "${" escaped). */
function block(doc: Document, className: string, ...children: Element[]): string {
  return serialiseElements([element(doc, "div", className, ...children)]);
}

/** The page's one script: light, every value written as JSON (a backtick would not end the fenced cell, but stays out anyway). */
function enhanceCell(config: HomeConfig): string {
  return "```js\n" +
    `import {enhanceHome} from "./components/home-enhance.js";\n` +
    `enhanceHome(${js(config).replace(/`/g, "\\u0060")});\n` +
    "```";
}

/** The whole home page for the overview rows of `facts.year`. */
export function homeMarkdown(rows: readonly OverviewRow[], facts: HomeFacts, doc: Document): string {
  const year = facts.year;
  const shown = rows.filter((row) => row.year === year);
  const {departements, regions, france} = splitRows(shown);
  const banner = facts.synthetic ? `${noticeBanner(HOME_SYNTHETIC_BANNER)}\n` : "";
  return `---
title: Accueil
toc: false
---

${banner}# Commerce extérieur des territoires

Ce site présente, pour chaque département français (outre-mer compris), chaque région et la
France, les exportations et les importations de marchandises d'après les statistiques régionales
et départementales des douanes (DGDDI / DSECE) : principaux pays partenaires, principaux produits,
flux entre produits et pays, et poids du territoire dans sa région et en France. Cliquez sur un
département de la carte, ou cherchez un territoire par son nom ou son numéro.

## La France en ${year}

${block(doc, "home-figures", nationalFigures(france, year, doc), franceNote(france, facts, doc))}

[Fiche de la France](./france) · [Comparer deux territoires](./comparer) ·
[Explorer les données en SQL](./explorer) · [Télécharger les données](./donnees)

## Trouver un territoire

${block(doc, "home-search", territorySearch(searchList(shown), {label: SEARCH_LABEL, placeholder: SEARCH_PLACEHOLDER, document: doc}))}

## Carte des départements

Chaque département de la carte est un lien vers sa fiche (au clavier : Tab puis Entrée). Les cinq
départements d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte), absents du fond de
carte, sont les carrés sous la métropole.

${block(doc, "home-maps", metricChoice(doc), ...HOME_METRICS.map((metric, i) => metricPanel(departements, metric, i, year, doc)), figuresTable(departements, year, doc))}

## Tous les départements

${block(doc, "home-list", departementsByRegion(departements, regions, doc))}

${enhanceCell(homeConfig(shown, facts))}

<style>
main p a[href], main li a[href], main td a[href], main caption a[href] { text-decoration: underline; }
.home-search .territory-search-results { columns: 2; max-width: 720px; }
.home-metric-choice fieldset { border: 0; padding: 0; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font: 14px var(--sans-serif); }
.home-metric-choice legend { font-weight: 600; padding: 0; margin-bottom: 0.3rem; }
.home-metric-choice label { display: inline-flex; align-items: center; gap: 0.3rem; }
.home-metric-choice[data-pending] { visibility: hidden; }
.home-ranking svg { max-width: 100%; height: auto; }
.home-ranking-narrow { display: none; }
@media (max-width: 600px) { .home-ranking-wide { display: none; } .home-ranking-narrow { display: block; } }
.home-departements { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0 1.5rem; align-items: start; }
@media print { .home-metric-choice, .home-search { display: none; } }
</style>
`;
}

/**
 * What the page loader prints: the page for the current build's year, from
 * the overview rows computed from the canonical table (one DuckDB query, a
 * couple of seconds for the one home page) and drawn under jsdom.
 */
export async function printHome(): Promise<void> {
  await runScript(async () => {
    // Imported here: the tests of the page's Markdown need none of the pipeline.
    const [{loadFigures}, {loadPipeline}, {withOverview}] = await Promise.all([
      import("./figures.js"),
      import("../data/douanes/pipeline.js"),
      import("../data/overview.js")
    ]);
    const figures = await loadFigures();
    const pipeline = await loadPipeline();
    const rows = await withOverview(pipeline.tradeParquetPath, (run) => run<OverviewRow>("SELECT * FROM overview WHERE year = ?", [figures.year]));
    const {document} = await jsdomWindow();
    process.stdout.write(homeMarkdown(rows, figures, document));
  });
}
