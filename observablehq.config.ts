/**
 * Observable Framework configuration. Everything here must work with no
 * network at all: see README.md § "How it stays offline".
 */
import {departements, findDepartement, regionOf, regions} from "./src/data/territories.ts";

// Framework's built-in page chrome is English and blocks zoom; these fixes
// apply in `npm run dev` at page load. `npm run build` also rewrites the HTML
// itself (scripts/fix-built-html.ts), so the built site needs no script for them.
const frenchChrome = `<script>
document.documentElement.lang = "fr";
document.querySelector('meta[name="viewport"]')?.setAttribute("content", "width=device-width, initial-scale=1");
</script>`;

/**
 * Page variables: `{{dept_name}}` and friends in the Markdown text of a
 * parameterized page are replaced at build time, so that titles, headings, the
 * browser tab and the search index carry the territory's real name. An unknown
 * code is a 404, also in preview (Framework maps ENOENT to its 404 page).
 */
function variablesFor(params: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!params?.code) return undefined;
  const dept = findDepartement(params.code);
  if (!dept) throw Object.assign(new Error(`Département inconnu : ${params.code}`), {code: "ENOENT"});
  const region = regionOf(dept.code);
  return {
    dept_code: dept.code,
    dept_name: dept.name,
    dept_subject: dept.forms.subject,
    dept_of: dept.forms.ofName,
    dept_in: dept.forms.inName,
    region_code: region.code,
    region_name: region.name,
    region_of: region.forms.ofName,
    region_in: region.forms.inName
  };
}

// The tiny part of markdown-it's API the plugin uses (markdown-it ships no types).
interface MarkdownToken {type: string; content: string; children: MarkdownToken[] | null}
interface MarkdownIt {
  core: {ruler: {push(name: string, rule: (state: {tokens: MarkdownToken[]; env: {params?: Record<string, string>}}) => void): void}};
}

function pageVariables(md: MarkdownIt): MarkdownIt {
  md.core.ruler.push("page_variables", ({tokens, env}) => {
    const variables = variablesFor(env?.params);
    if (!variables) return;
    for (const token of tokens) {
      for (const child of token.children ?? []) {
        if (child.type !== "text") continue;
        child.content = child.content.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
          if (!(name in variables)) throw new Error(`Variable de page inconnue : {{${name}}}`);
          return variables[name];
        });
      }
    }
  });
  return md;
}

export default {
  title: "Commerce extérieur des territoires",
  root: "src",
  // No Google Fonts: the theme falls back to system fonts (see src/style.css).
  globalStylesheets: [],
  style: "style.css",
  head: frenchChrome,
  footer: "Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur, 2024 — Licence Ouverte 2.0.",
  // Sidebar: one collapsible section per région (metropolitan first, then overseas,
  // whose INSEE codes are 01–06); the page's own région opens itself.
  pages: [...regions].sort((a, b) => Number(a.code < "10") - Number(b.code < "10")).map((region) => ({
    name: region.name,
    collapsible: true,
    open: false,
    pages: region.departements.map((code) => ({
      name: `${findDepartement(code)!.name} (${code})`,
      path: `/departements/${code}`
    }))
  })),
  dynamicPaths: departements.map((dept) => `/departements/${dept.code}`),
  search: true,
  pager: false,
  markdownIt: pageVariables,
  // Never download DuckDB extensions (Framework's own DuckDB client is not used either).
  duckdb: {extensions: {json: null, parquet: null}}
};
