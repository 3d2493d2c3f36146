/**
 * The factsheet page, as Markdown, for one territory: a département ("D10"),
 * a région ("R44") or France ("FR"). Page loaders print it
 * (src/departements/[code].md.ts, src/regions/[code].md.ts, src/france.md.ts).
 * Its sections, in the reference's order, are the template
 * templates/factsheet.md; this module writes what each placeholder stands for
 * (`factsheetBlocks`).
 *
 * The page is complete in its HTML: prose, and every view (key figures,
 * charts, tables, indicators) drawn at build time (prerender.ts, the views of
 * components/factsheet-views.ts) and pasted into its slot (`viewSlot`), so it reads
 * without JavaScript, prints whole and is found by the site search. Its one
 * JavaScript cell adds the chart actions and the controls; DuckDB-WASM starts
 * only when a control asks for another view.
 *
 * Everything that comes from data goes through `html()` (text in HTML) or
 * `js()` (a value in a JavaScript cell): labels are data, never markup.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {isViewKind, VIEW_KINDS, type ViewKind} from "../components/chart-kinds.js";
import {PRODUCT_LEVELS, SANKEY_SIZES, type FlowChoice} from "../components/view-state.js";
import {sourceLine} from "../components/image-caption.js";
import {formatMillionEuros} from "../components/format.js";
import {FRANCE_ID, type Flow, type ProductLevel} from "../data/canonical.js";
import {CORSICA_CODE, CORSICA_HALVES} from "../data/customs-geography.js";
import {carriesFigures, departements, findDepartement, findRegion, regions} from "../data/territories.js";
import {allTerritories, demoMarked, downloadFileName, findTerritory, sliceFileName, type TerritoryInfo} from "../data/territory-ids.js";
import {
  contextParagraph,
  FACTSHEET_TITLE,
  introduction,
  methodologyCaveats,
  DEMO_FILES_NOTE,
  noticeBanner,
  practicalInformation,
  SYNTHETIC_BANNER
} from "./content.js";
import {runScript} from "../data/douanes/terminal.js";
import {staticViewsDir} from "../data/douanes/paths.js";
import {loadFigures, type SiteFigures} from "./figures.js";
import {territoiresIndustrieBlock} from "./territoires-industrie.js";
import {html, js} from "./escape.js";
import {displayName, pagePath, slug} from "./names.js";
import {fillTemplate, readTemplate, type TemplateBlock} from "./template.js";
import {viewTerritory} from "./view-territories.js";

const FLOW_WORDS: Record<Flow, {title: string; heading: string}> = {
  export: {title: "Exportations", heading: "Flux à l'export par produit et par pays"},
  import: {title: "Importations", heading: "Flux à l'import par pays et par produit"}
};

// ---------------------------------------------------------------------------
// The views as the page holds them: drawn at build time by prerender.ts (the same queries and
// components the page runs live, components/factsheet-views.ts), read back here (light: no jsdom,
// no Plot) and pasted into each view's slot.

/** One view drawn at build time: markup above its charts, each chart wide and narrow, markup below. */
export interface DrawnView {
  before: string;
  wide: string[];
  narrow: string[];
  after: string;
}

export type TerritoryViews = Partial<Record<ViewKind, DrawnView>>;

/** A territory's views, or none when the prepare step has not made them (the slots then say so). */
export async function loadStaticViews(id: string, env: NodeJS.ProcessEnv = process.env): Promise<TerritoryViews> {
  try {
    return JSON.parse(await readFile(join(staticViewsDir(env), `${id}.json`), "utf8")) as TerritoryViews;
  } catch {
    process.stderr.write(`[fiches] ${id} : pas de vues dessinées (lancer npm run prepare:data)\n`);
    return {};
  }
}

/**
 * A view's slot as an HTML block of the page's Markdown: `data-view` and
 * `data-territory` say what the live code draws in it again. `markup` comes
 * from DOM serialisation (prerender.ts): labels are escaped, and it holds no
 * blank line that would end the HTML block.
 */
export function viewSlot(kind: ViewKind, territory: string, drawn: DrawnView | undefined, {narrowOnly = false}: {narrowOnly?: boolean} = {}): string {
  if (!drawn) return `<div class="view" data-view="${kind}" data-territory="${territory}"><p class="view-missing">Ce bloc n'a pas été calculé lors de la construction du site.</p></div>\n\n`;
  const wrap = (charts: string[]) => charts.map((chart) => `<div class="view-chart">${chart}</div>`).join("");
  // Narrow only: for a half column (the comparison page), where the wide drawing would be shrunk; the live code still draws into .view-wide.
  const charts = drawn.wide.length
    ? `<div class="view-charts${narrowOnly ? " view-charts-narrow" : ""}"><div class="view-wide">${narrowOnly ? "" : wrap(drawn.wide)}</div><div class="view-narrow">${wrap(drawn.narrow)}</div></div>`
    : "";
  return `<div class="view" data-view="${kind}" data-territory="${territory}"><div class="view-before">${drawn.before}</div>${charts}<div class="view-after">${drawn.after}</div></div>\n\n`;
}

// ---------------------------------------------------------------------------
// The template's blocks

/** The page's title in its front matter (YAML, written as a JSON string): « Aube — commerce extérieur 2024 ». */
const pageTitle = (info: TerritoryInfo, figures: SiteFigures) => JSON.stringify(`${displayName(info)} — commerce extérieur ${figures.year}`);

/** Lines as a Markdown bulleted list. */
const markdownList = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join("\n");

function link(info: TerritoryInfo, text = displayName(info)): string {
  return `<a href="${pagePath(info)}">${html(text)}</a>`;
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

const quarterWords = (quarter: string) => {
  const [year, q] = quarter.split("T");
  return `${q === "1" ? "1er" : `${q}e`} trimestre ${year}`;
};

/** « les exportations (4e trimestre 2024) et les importations (1er trimestre 2024) » for one département's holes. */
function gapFlows(gaps: readonly SiteFigures["gaps"][number][]): string {
  const parts = (["export", "import"] as const).map((flow) => {
    const quarters = [...new Set(gaps.filter((g) => g.flow === flow).map((g) => g.quarter))].sort();
    return quarters.length ? `les ${flow === "export" ? "exportations" : "importations"} (${quarters.map(quarterWords).join(", ")})` : "";
  });
  return parts.filter(Boolean).join(" et ");
}

/**
 * A source published with holes (TRADE_ALLOW_GAPS=1) says so on every page
 * whose figures it shortens: the département's, its région's and France's.
 */
function gapsNotice(info: TerritoryInfo, figures: SiteFigures): string {
  const depts = [...new Set(figures.gaps.map((g) => g.dept))].filter((code) =>
    info.kind === "france" || (info.kind === "departement" ? code === info.code : findDepartement(code)?.regionCode === info.code));
  if (depts.length === 0) return "";
  const note = (text: string) => noticeBanner(text, "gaps-notice");
  if (info.kind === "departement") {
    return note(`Données incomplètes : la source ne contient aucune valeur pour ${gapFlows(figures.gaps.filter((g) => g.dept === info.code))} de ce département. Les chiffres de cette fiche en sont diminués d'autant.`);
  }
  const listed = depts.slice(0, 5).map((code) => `${gapFlows(figures.gaps.filter((g) => g.dept === code))} ${findDepartement(code)?.forms.ofName ?? `du code ${code}`}`);
  const more = depts.length > 5 ? ` ; et ${depts.length - 5} autres départements` : "";
  return note(`Données incomplètes : la source ne contient aucune valeur pour ${listed.join(" ; ")}${more}. Les chiffres de cette fiche en sont diminués d'autant.`);
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
<thead><tr><th scope="col"></th><th scope="col">Exportations (M€)</th><th scope="col">Importations (M€)</th></tr></thead>
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
title: ${pageTitle(info, figures)}
toc: false
---

${figures.synthetic ? noticeBanner(SYNTHETIC_BANNER) : ""}
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

/**
 * Links to the territory's rows (data/downloads/), plain <a download>: they
 * work without JavaScript, and Framework copies the files they name.
 */
function downloadsBlock(info: TerritoryInfo, figures: SiteFigures): string {
  const synthetic = figures.synthetic;
  const href = (format: "csv" | "parquet") => `${siteRoot(info)}data/downloads/${downloadFileName(info.id, format, {synthetic})}`;
  const name = (format: "csv" | "parquet") => `${demoMarked(`${slug(info)}-commerce-exterieur-${figures.year}`, synthetic)}.${format}`;
  return `<p class="factsheet-downloads">Les données de cette fiche, ligne à ligne (flux × produit × pays, en euros) :
<a href="${href("csv")}" download="${name("csv")}">CSV (tableur)</a> ·
<a href="${href("parquet")}" download="${name("parquet")}">Parquet</a> —
<a href="${siteRoot(info)}donnees#donnees-d-une-fiche">colonnes décrites</a>.${synthetic ? ` ${html(DEMO_FILES_NOTE)}` : ""}</p>`;
}

/** The views of other territories a page shows: its région's and France's Sankeys. */
export type OtherViews = Record<string, TerritoryViews>;

/** The territories a page shows views of: itself, its région (when it has more than one département), France. */
function shownTerritories(info: TerritoryInfo, figures: SiteFigures): TerritoryInfo[] {
  const own = viewTerritory(info, figures.corsica);
  const region = own.region && info.region ? findTerritory(info.region) : undefined;
  return [info, ...(region ? [region] : []), ...(info.kind === "france" ? [] : [findTerritory(FRANCE_ID)!])];
}

/**
 * The page's only JavaScript: light (no engine, no chart library), it adds
 * the chart actions and the controls; DuckDB-WASM is loaded by the first
 * control used (components/factsheet-enhance.ts). Every value is data,
 * written as JSON.
 */
function enhanceCell(info: TerritoryInfo, figures: SiteFigures): string {
  const up = siteRoot(info);
  const attachment = (path: string) => `FileAttachment(${js(up + path)}).href`;
  const territories = shownTerritories(info, figures);
  // A région's breakdown by département reads its départements' slices when a control redraws it.
  const breakdownIds = viewTerritory(info, figures.corsica).breakdown?.departements.map((d) => d.id) ?? [];
  const config = {
    territory: info.id,
    year: figures.year,
    years: figures.completeYears,
    credit: sourceLine(figures),
    embedBase: `${up}integrer`,
    territories: Object.fromEntries(territories.map((t) => [t.id, {...viewTerritory(t, figures.corsica), fileStem: demoMarked(slug(t), figures.synthetic)}]))
  };
  return "```js\n" +
    [
      `import {enhanceFactsheet} from "${up}components/factsheet-enhance.js";`,
      `enhanceFactsheet(${js(config)}, {`,
      `  slices: [${[...territories.map((t) => t.id), ...breakdownIds].map((id) => attachment(`data/slices/${sliceFileName(id)}`)).join(", ")}],`,
      `  quarterly: [${attachment(`data/quarterly/${sliceFileName(info.id)}`)}],`,
      `  products: ${attachment("data/products.parquet")},`,
      `  countries: ${attachment("data/countries.parquet")}`,
      `});`
    ].join("\n") +
    "\n```";
}

/** The flows' Sankeys a reader can show, as the control names them. */
const FLOW_OPTIONS: Record<FlowChoice, string> = {both: "Exportations et importations", export: "Exportations seulement", import: "Importations seulement"};

/** The product levels as the control names them. */
const LEVEL_OPTIONS: Record<ProductLevel, string> = {a129: "Activités (A129)", cpf4: "Produits (CPF4)"};

/** The controls the live views answer; hidden until the page's script shows them (they need it). */
function controlsBlock(figures: SiteFigures): string {
  const years = [...figures.completeYears].reverse();
  const option = (value: string | number, label: string, selected: boolean) => `<option value="${value}"${selected ? " selected" : ""}>${html(label)}</option>`;
  return `<form class="factsheet-controls" hidden aria-label="Réglages des graphiques">
<label>Année <select name="annee">${years.map((year) => option(year, String(year), year === figures.year)).join("")}</select></label>
<label>Niveau de produit <select name="niveau">${PRODUCT_LEVELS.map((level) => option(level, LEVEL_OPTIONS[level], level === PRODUCT_LEVELS[0])).join("")}</select></label>
<label>Produits et pays des diagrammes de flux <select name="n">${SANKEY_SIZES.map((n) => option(n, String(n), n === SANKEY_SIZES[0])).join("")}</select></label>
<label>Diagrammes de flux montrés <select name="flux">${(Object.keys(FLOW_OPTIONS) as FlowChoice[]).map((flows) => option(flows, FLOW_OPTIONS[flows], flows === "both")).join("")}</select></label>
<p class="controls-status" role="status" aria-live="polite"></p>
</form>`;
}

/** A year written in a heading or a sentence that the year control rewrites. */
const shownYear = (year: number) => `<span class="shown-year">${year}</span>`;

function slot(kind: ViewKind, territory: TerritoryInfo, views: TerritoryViews): string {
  return viewSlot(kind, territory.id, views[kind]);
}

function sankeySection(info: TerritoryInfo, figures: SiteFigures, flow: Flow, views: TerritoryViews, others: OtherViews): string {
  const words = FLOW_WORDS[flow];
  const kind = flow === "export" ? "exportations" : "importations";
  const blocks = shownTerritories(info, figures).map((territory, index) => {
    // The chart's own title names the flow and the territory; the heading says which comparison it is.
    const heading = index === 0 ? "" : `### ${territory.kind === "france" ? "À l'échelle nationale" : "À l'échelle de la région"} : ${html(displayName(territory))}\n\n`;
    return heading + slot(kind, territory, index === 0 ? views : others[territory.id] ?? {});
  });
  // One section per flow, so that the flows control can hide the other one (html[data-flux] in factsheet.css).
  return `<section class="flow-section" data-flow-section="${flow}">

## ${words.title}

### ${words.heading}

${blocks.join("")}</section>

`;
}

/** A région of several départements: its figures by département, which add up to the région's. */
function breakdownSection(info: TerritoryInfo, figures: SiteFigures, views: TerritoryViews): string {
  if (!viewTerritory(info, figures.corsica).breakdown) return "";
  return `## Répartition par département

${slot("departements", info, views)}`;
}

function caveatsList(figures: SiteFigures): string {
  const caveats = methodologyCaveats({
    year: figures.year,
    synthetic: figures.synthetic,
    sourceDescription: html(figures.sourceDescription),
    retrievedAt: figures.retrievedAt
  });
  return markdownList(caveats);
}

/** The factsheet's template (templates/factsheet.md), read once per page loader. */
const FACTSHEET_TEMPLATE = readTemplate("factsheet.md");

/** A block that takes no argument. */
const plain = (write: () => string): TemplateBlock => (argument) => {
  if (argument !== undefined) throw new Error(`ce bloc ne prend pas d'argument (« ${argument} »)`);
  return write();
};

/**
 * What each placeholder of the template writes for a territory: the
 * reference's sections are in the template, in order; each view is pasted as
 * drawn at build time (`views`, and `others` for its région's and France's
 * Sankeys).
 */
export function factsheetBlocks(info: TerritoryInfo, figures: SiteFigures, views: TerritoryViews, others: OtherViews): Record<string, TemplateBlock> {
  return {
    "titre-de-la-page": plain(() => pageTitle(info, figures)),
    avertissements: plain(() => (figures.synthetic ? noticeBanner(SYNTHETIC_BANNER) : "") + gapsNotice(info, figures)),
    titre: plain(() => titleBlock(info, figures)),
    navigation: plain(() => neighbours(info, figures)),
    introduction: plain(() => introduction(info.forms, info.kind).join("\n\n")),
    contexte: plain(() => contextParagraph()),
    "precisions-methodologiques": plain(() => caveatsList(figures)),
    reglages: plain(() => controlsBlock(figures)),
    annee: plain(() => shownYear(figures.year)),
    vue: (kind) => {
      if (kind === undefined || !isViewKind(kind)) throw new Error(`vue inconnue « ${kind ?? ""} » : {{vue <nom>}}, un nom de VIEW_KINDS (src/components/chart-kinds.ts) : ${VIEW_KINDS.join(", ")}`);
      return slot(kind, info, views);
    },
    "hors-departements": plain(() => outsideDepartementsBlock(info, figures)),
    telechargements: plain(() => downloadsBlock(info, figures)),
    "repartition-par-departement": plain(() => breakdownSection(info, figures, views)),
    flux: (flow) => {
      if (flow !== "export" && flow !== "import") throw new Error(`flux inconnu « ${flow ?? ""} » : {{flux export}} ou {{flux import}}`);
      return sankeySection(info, figures, flow, views, others);
    },
    "informations-pratiques": plain(() => markdownList(practicalInformation(displayName(info), figures.year, {synthetic: figures.synthetic}))),
    script: plain(() => enhanceCell(info, figures))
  };
}

/** The whole page for a territory id ("D10", "R44", "FR"): the template filled for it. */
export function factsheetMarkdown(id: string, figures: SiteFigures, views: TerritoryViews = {}, others: OtherViews = {}): string {
  const info = allTerritories().find((t) => t.id === id);
  if (!info) throw new Error(`Territoire inconnu : « ${id} »`);
  if (info.kind === "departement" && !carriesFigures(info.code, figures.corsica)) return corsicaNotice(info, figures);
  return fillTemplate(FACTSHEET_TEMPLATE, factsheetBlocks(info, figures, views, others));
}

/** What a page loader prints: the page of `id` with the current build's figures and views (a refusal: its message, exit 1). */
export async function printFactsheet(id: string): Promise<void> {
  await runScript(async () => {
    const figures = await loadFigures();
    const info = findTerritory(id);
    const shown = info ? shownTerritories(info, figures) : [];
    const [views, ...otherViews] = await Promise.all([loadStaticViews(id), ...shown.slice(1).map((t) => loadStaticViews(t.id))]);
    process.stdout.write(factsheetMarkdown(id, figures, views, Object.fromEntries(shown.slice(1).map((t, i) => [t.id, otherViews[i]]))));
  });
}

/** Reads `--code=10` from a page loader's arguments (Framework passes route parameters so). */
export function routeParameter(name: string, argv = process.argv): string {
  const prefix = `--${name}=`;
  const argument = argv.find((a) => a.startsWith(prefix));
  if (!argument) throw new Error(`Paramètre de route manquant : ${prefix}…`);
  return argument.slice(prefix.length);
}
