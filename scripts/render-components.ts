/**
 * Renders every factsheet component from the test fixtures under jsdom, to
 * look at them without building the site:
 *   npx tsx scripts/render-components.ts [outDir=/tmp/components]
 * writes one .svg per chart and an index.html with every figure (open it, or
 * screenshot it with headless Chromium).
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {partnerBalanceChart} from "../src/components/partner-balance.js";
import {activityTreemap} from "../src/components/treemap.js";
import {flowSankey} from "../src/components/sankey.js";
import {keyFigures} from "../src/components/key-figures.js";
import {dataTable} from "../src/components/data-table.js";
import {downloadLink, toCsv} from "../src/components/csv.js";
import {jsdomWindow} from "../src/factsheet/prerender.js";
import {activityRows, HOSTILE, partnerRows, sankeyLinks} from "../test/components/fixtures.js";


/** A small département: one dominant product, and the largest flow going to « Autres ». */
function skewedLinks() {
  const links = sankeyLinks(95e6).map((link, i) => ({...link, value: link.value * (link.source === "CI14" ? 12 : 1) / (1 + (i % 7))}));
  links.push({source: "CE20", sourceName: "Produits chimiques", target: "_AUTRES", targetName: "Autres pays", value: 400e6});
  return links.filter((link) => !(link.source === "CE20" && link.target === "_AUTRES" && link.value < 400e6));
}

const outDir = process.argv[2] ?? "/tmp/components";
mkdirSync(outDir, {recursive: true});
const window = await jsdomWindow();
const {document} = window;
const width = 900;

const partners = [...partnerRows, {country: "XX", countryName: HOSTILE, exports: 5e6, imports: 9e6}];
const figures: [string, HTMLElement][] = [
  ["partners", partnerBalanceChart(partners, {width, title: "Aube — principaux pays partenaires, en M€, 2024", document})],
  ["partners-narrow", partnerBalanceChart(partnerRows, {width: 360, title: "Aube — pays partenaires (mobile)", document})],
  ["treemap", activityTreemap(activityRows(), {width, title: "Aube — principales activités à l'export et à l'import, en M€, 2024", document})],
  ["treemap-narrow", activityTreemap(activityRows(), {width: 380, title: "Aube — activités (mobile)", document})],
  ["sankey-export", flowSankey(sankeyLinks(1822.3e6), {width, title: "Aube — flux à l'export par produit et par pays, en M€, 2024", flow: "export", document})],
  ["sankey-import-france", flowSankey(sankeyLinks(684776.3e6, "import"), {width, title: "France — flux à l'import par pays et par produit, en M€, 2024", flow: "import", document})],
  ["sankey-skewed", flowSankey(skewedLinks(), {width, title: "Département fictif — une activité dominante, « Autres » en tête", flow: "export", document})],
  ["partners-empty", partnerBalanceChart([], {width, title: "Aucun partenaire", document})],
  ["sankey-narrow", flowSankey(sankeyLinks(1822.3e6), {width: 380, title: "Aube — export (mobile)", flow: "export", document})]
];

const blocks: HTMLElement[] = [
  keyFigures(
    {territoryName: "Aube", flow: "export", total: 1822.3e6, regionName: "du Grand Est", regionTotal: 67665.4e6, franceTotal: 580354.5e6, balance: 125.1e6},
    {document}
  ),
  dataTable(partners, [
    {key: "countryName", label: "Pays"},
    {key: "exports", label: "Exportations", format: "millionEuros"},
    {key: "imports", label: "Importations", format: "millionEuros"}
  ], {summary: "Données du graphique (tableau)", document}),
  downloadLink(toCsv(partners, [{key: "countryName", label: "Pays"}, {key: "exports", label: "Exportations (€)"}]), "partenaires.csv", {document})
];
blocks[1].setAttribute("open", "");

const page = (body: string) =>
  `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Composants</title>` +
  `<body style="font-family: system-ui, sans-serif; max-width: 940px; margin: 1rem;">${body}</body></html>`;
// XMLSerializer, not outerHTML: a standalone .svg is XML and knows no &nbsp;.
const serializer = new window.XMLSerializer();
for (const [name, figure] of figures) {
  const svg = figure.querySelector("svg");
  if (svg) writeFileSync(join(outDir, `${name}.svg`), serializer.serializeToString(svg));
  writeFileSync(join(outDir, `${name}.html`), page(figure.outerHTML));
}
writeFileSync(join(outDir, "index.html"), page([...figures.map(([, figure]) => figure), ...blocks].map((element) => element.outerHTML).join("\n<hr>\n")));
writeFileSync(join(outDir, "blocks.html"), page(blocks.map((element) => element.outerHTML).join("\n<hr>\n")));
console.log(`Écrit dans ${outDir} : ${figures.length} graphiques + index.html`);
