/**
 * The comparison page (/comparer), as Markdown (printed by src/comparer.md.ts):
 * complete in its HTML for the default pair (components/comparison-pair.ts),
 * like the factsheets. The key figures side by side (the overview's rows,
 * read by the query the page runs live), then, for each of the two
 * territories side by side, its partner chart and its treemap as drawn at
 * build time for its factsheet (prerender.ts), the narrow drawing: a half
 * column is about a phone's width, and on a phone the two stack.
 *
 * The page's one script (components/comparison-enhance.ts) is light: it shows
 * the territory choice and checks the pair in the URL; another pair loads
 * DuckDB-WASM and draws it live with the same queries and components. The
 * territories to choose from, and the slice file of each, come from the
 * territory list (Corsica as the source publishes it), never from a list
 * written by hand. Its styles are in src/factsheet.css.
 */
import type {ComparisonConfig, ComparisonTerritory} from "../components/comparison-enhance.js";
import {DEFAULT_PAIR, type Pair} from "../components/comparison-pair.js";
import {comparisonCaption, comparisonFigures, comparisonTable, type ComparisonFigures} from "../components/explorer-comparison.js";
import type {ViewKind} from "../components/chart-kinds.js";
import {territoriesWithFigures, sliceFileName, type TerritoryInfo} from "../data/territory-ids.js";
import {noticeBanner, SYNTHETIC_BANNER} from "./content.js";
import {runScript} from "../data/douanes/terminal.js";
import {html, js} from "./escape.js";
import type {SiteFigures} from "./figures.js";
import {displayName, pagePath, slug} from "./names.js";
import {formatNumber} from "../components/format.js";
import {jsdomWindow, serialiseElements} from "./prerender.js";
import {loadStaticViews, viewSlot, type TerritoryViews} from "./page.js";
import {viewTerritory} from "./view-territories.js";

/** The views each side shows, with their section's heading. */
const SIDE_VIEWS: readonly {kind: ViewKind; heading: string}[] = [
  {kind: "partenaires", heading: "Principaux pays à l'import et à l'export"},
  {kind: "activites", heading: "Principales activités à l'export et à l'import"}
];

const SIDES = ["a", "b"] as const;

/** Every territory the page can compare, in the order of the choice: France, the régions by name, the départements by code. */
export function comparableTerritories(figures: Pick<SiteFigures, "corsica">): TerritoryInfo[] {
  const all = territoriesWithFigures(figures.corsica);
  const regions = all.filter((t) => t.kind === "region").sort((x, y) => x.name.localeCompare(y.name, "fr"));
  const departements = all.filter((t) => t.kind === "departement").sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return [...all.filter((t) => t.kind === "france"), ...regions, ...departements];
}

function comparisonTerritory(info: TerritoryInfo, figures: SiteFigures): ComparisonTerritory {
  return {...viewTerritory(info, figures.corsica), fileStem: slug(info), href: `.${pagePath(info)}`};
}

/** The page's script's settings: the year, the pair drawn, every territory as the views name it. */
export function comparisonConfig(figures: SiteFigures, pair: Pair = DEFAULT_PAIR): ComparisonConfig {
  return {year: figures.year, pair, territories: Object.fromEntries(comparableTerritories(figures).map((t) => [t.id, comparisonTerritory(t, figures)]))};
}

/** The two territory choices: plain HTML, hidden until the page's script can answer them. */
function controlsBlock(territories: readonly TerritoryInfo[], pair: Pair): string {
  const groups: [string, TerritoryInfo["kind"]][] = [["France", "france"], ["Régions", "region"], ["Départements", "departement"]];
  const select = (key: "a" | "b") => {
    const options = groups
      .map(([label, kind]) => {
        const items = territories
          .filter((t) => t.kind === kind)
          .map((t) => `<option value="${t.id}"${t.id === pair[key] ? " selected" : ""}>${html(displayName(t))}</option>`);
        return `<optgroup label="${html(label)}">${items.join("")}</optgroup>`;
      })
      .join("");
    return `<label>Territoire ${key.toUpperCase()} <select name="${key}">${options}</select></label>`;
  };
  return `<form class="factsheet-controls comparison-controls" hidden aria-label="Territoires comparés">
${select("a")}
${select("b")}
<p class="controls-status" role="status" aria-live="polite"></p>
</form>`;
}

/** One row of the two sides: for each territory its heading (a link to its factsheet) and the view's slot, narrow drawings only. */
function sidesBlock(kind: ViewKind, pair: Pair, byId: ReadonlyMap<string, TerritoryInfo>, views: Readonly<Record<string, TerritoryViews>>): string {
  const side = (key: "a" | "b") => {
    const info = byId.get(pair[key])!;
    const slot = viewSlot(kind, info.id, views[info.id]?.[kind], {narrowOnly: true}).trimEnd();
    return `<section class="comparison-side" data-side="${key}">
<h3 class="comparison-side-heading"><a href=".${pagePath(info)}">${html(displayName(info))}</a></h3>
${slot}
</section>`;
  };
  return `<div class="comparison-sides">
${SIDES.map(side).join("\n")}
</div>`;
}

/** The page's only JavaScript: every value is data, written as JSON; the slices named literally so that Framework publishes them. */
function enhanceCell(territories: readonly TerritoryInfo[], config: ComparisonConfig): string {
  const attachment = (path: string) => `FileAttachment(${js(`./${path}`)}).href`;
  const slices = territories.map((t) => `    ${js(t.id)}: ${attachment(`data/slices/${sliceFileName(t.id)}`)}`).join(",\n");
  return "```js\n" +
    [
      `import {enhanceComparison} from "./components/comparison-enhance.js";`,
      `enhanceComparison(${js(config)}, {`,
      `  slices: {\n${slices}\n  },`,
      `  overview: ${attachment("data/overview.parquet")},`,
      `  products: ${attachment("data/products.parquet")},`,
      `  countries: ${attachment("data/countries.parquet")}`,
      `});`
    ].join("\n") +
    "\n```";
}

/**
 * The whole page: `figures` the build's (year, Corsica, synthetic or not),
 * `comparison` the overview rows of the default pair, `views` the drawn
 * views of the two territories, by id; `doc` draws the key-figures table.
 */
export function comparisonMarkdown(
  figures: SiteFigures,
  comparison: ComparisonFigures,
  views: Readonly<Record<string, TerritoryViews>>,
  doc: Document,
  pair: Pair = DEFAULT_PAIR
): string {
  const territories = comparableTerritories(figures);
  const byId = new Map(territories.map((t) => [t.id, t]));
  for (const key of SIDES) if (!byId.has(pair[key])) throw new Error(`Comparaison par défaut impossible : territoire inconnu « ${pair[key]} ».`);
  const place = (key: "a" | "b") => displayName(byId.get(pair[key])!);
  const table = comparisonTable(comparison, {caption: comparisonCaption(place("a"), place("b"), figures.year), document: doc});
  return `---
title: Comparer deux territoires
toc: false
---

${figures.synthetic ? noticeBanner(SYNTHETIC_BANNER) : ""}
# Comparer deux territoires

Choisissez deux territoires — départements, régions ou la France — pour voir côte à côte leurs
chiffres clés, leurs principaux pays partenaires et leurs principales activités. L'adresse de la
page garde le choix (\`?a=D10&b=R44\`) : copiez-la pour partager la comparaison.

${controlsBlock(territories, pair)}

<p class="comparison-error" role="alert" hidden></p>

<div class="comparison" data-a="${pair.a}" data-b="${pair.b}">

## Chiffres clés ${figures.year}

<div class="comparison-figures">${serialiseElements([table])}</div>

Parts de la France : rapportées à la France entière (toutes les lignes des fichiers des Douanes).
L'indice de Herfindahl-Hirschman (IHH) est la somme des carrés des parts, en pourcentage, de chaque
pays ou produit : proche de 0 quand les échanges sont répartis sur beaucoup de partenaires, ${formatNumber(10_000)}
quand un seul prend tout — la même échelle que les fiches.

${SIDE_VIEWS.map(({kind, heading}) => `## ${heading}\n\n${sidesBlock(kind, pair, byId, views)}`).join("\n\n")}

</div>

${enhanceCell(territories, comparisonConfig(figures, pair))}

`;
}

/** What the page loader prints: the default comparison with the current build's figures, rows and views. */
export async function printComparison(pair: Pair = DEFAULT_PAIR): Promise<void> {
  await runScript(async () => {
    // Imported here: the tests of the page's Markdown need none of the pipeline.
    const [{loadFigures}, {loadPipeline}, {withOverview}] = await Promise.all([
      import("./figures.js"),
      import("../data/douanes/pipeline.js"),
      import("../data/overview.js")
    ]);
    const figures = await loadFigures();
    const pipeline = await loadPipeline();
    const comparison = await withOverview(pipeline.tradeParquetPath, (run) => comparisonFigures(run, {year: figures.year, pair}));
    const views = Object.fromEntries(await Promise.all([...new Set([pair.a, pair.b])].map(async (id) => [id, await loadStaticViews(id)] as const)));
    const {document} = await jsdomWindow();
    process.stdout.write(comparisonMarkdown(figures, comparison, views, document, pair));
  });
}
