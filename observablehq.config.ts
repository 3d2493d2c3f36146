/**
 * Observable Framework configuration. Everything here must work with no
 * network at all: see README.md § "How it stays offline".
 */
import {carriesFigures, departements, findDepartement, regions} from "./src/data/territories.js";
import {readFooterFacts, siteFooter} from "./src/factsheet/footer.js";

// Framework's built-in page chrome is English and blocks zoom. `npm run build`
// rewrites the HTML itself (scripts/fix-built-html.ts); this script does the
// same at load time in `npm run dev`, and, in both, translates the sidebar
// search's result count, which Framework's client writes in English.
const frenchChrome = `<script>
document.documentElement.lang = "fr";
document.querySelector('meta[name="viewport"]')?.setAttribute("content", "width=device-width, initial-scale=1");
addEventListener("DOMContentLoaded", () => {
  const results = document.getElementById("observablehq-search-results");
  if (!results) return;
  new MutationObserver(() => {
    const count = results.firstElementChild;
    if (!count || count.tagName !== "DIV") return;
    const text = count.textContent;
    const match = /^([\\d,]+) results?$/.exec(text);
    if (text === "no results") count.textContent = "aucun résultat";
    else if (match) count.textContent = match[1].replace(/,/g, "\\u202f") + (match[1] === "1" ? " résultat" : " résultats");
  }).observe(results, {childList: true});
});
</script>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%231f4e79'/%3E%3Cpath d='M3 11h3V7H3zm3.5 0h3V4h-3zm3.5 0h3V9h-3z' fill='%23fff'/%3E%3C/svg%3E">`;

const sortedRegions = [...regions].sort((a, b) => Number(a.code < "10") - Number(b.code < "10"));

export default {
  title: "Commerce extérieur des territoires",
  root: "src",
  // No Google Fonts: the theme falls back to system fonts (see src/style.css).
  globalStylesheets: [],
  style: "style.css",
  head: frenchChrome,
  // The source and, on the demo's data, a notice on every page (src/factsheet/footer.ts).
  footer: siteFooter(readFooterFacts()),
  // Sidebar: France and the régions first, then one collapsible section per
  // région (metropolitan first, then overseas, whose INSEE codes are 01–06)
  // listing its départements; the page's own section opens itself.
  pages: [
    {name: "France entière", path: "/france"},
    {
      name: "Régions",
      collapsible: true,
      open: false,
      pages: sortedRegions.map((region) => ({name: region.name, path: `/regions/${region.code}`}))
    },
    ...sortedRegions.map((region) => ({
      name: `Départements — ${region.name}`,
      collapsible: true,
      open: false,
      // Corsica as the customs publish it ("20"); the pages 2A and 2B exist and say so.
      pages: region.departements
        .filter((code) => carriesFigures(code, "20"))
        .map((code) => ({name: `${findDepartement(code)!.name} (${code})`, path: `/departements/${code}`}))
    })),
  ],
  dynamicPaths: [
    ...departements.map((dept) => `/departements/${dept.code}`),
    ...regions.map((region) => `/regions/${region.code}`)
  ],
  // Page and data loaders in TypeScript run through tsx's loader inside node:
  // half the start-up time of the tsx CLI, which matters for 120 page loaders.
  interpreters: {".ts": ["node", "--import", "tsx"]},
  search: true,
  toc: {label: "Sommaire"},
  pager: false,
  // Never download DuckDB extensions (Framework's own DuckDB client is not used either).
  duckdb: {extensions: {json: null, parquet: null}}
};
