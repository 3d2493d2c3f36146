/**
 * Observable Framework configuration. Everything here must work with no
 * network at all: see README.md § "How it stays offline".
 */
import {carriesFigures, departements, findDepartement, regions} from "./src/data/territories.ts";

// Framework's built-in page chrome is English and blocks zoom; these fixes
// apply in `npm run dev` at page load. `npm run build` also rewrites the HTML
// itself (scripts/fix-built-html.ts), so the built site needs no script for them.
const frenchChrome = `<script>
document.documentElement.lang = "fr";
document.querySelector('meta[name="viewport"]')?.setAttribute("content", "width=device-width, initial-scale=1");
</script>`;

const sortedRegions = [...regions].sort((a, b) => Number(a.code < "10") - Number(b.code < "10"));

export default {
  title: "Commerce extérieur des territoires",
  root: "src",
  // No Google Fonts: the theme falls back to system fonts (see src/style.css).
  globalStylesheets: [],
  style: "style.css",
  head: frenchChrome,
  footer: "Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur, 2024 — Licence Ouverte 2.0.",
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
  pager: false,
  // Never download DuckDB extensions (Framework's own DuckDB client is not used either).
  duckdb: {extensions: {json: null, parquet: null}}
};
