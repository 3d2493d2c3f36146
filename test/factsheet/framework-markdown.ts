/**
 * A page's Markdown as Framework renders it (its own parser), and the
 * modules its JavaScript cells reach: shared by the tests of the pages drawn
 * at build time (home, comparison).
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";

// Framework's own Markdown parser (no type declarations: the two functions used, typed here).
const markdownModule: string = "@observablehq/framework/dist/markdown.js";
const {createMarkdownIt, parseMarkdown} = (await import(markdownModule)) as {
  createMarkdownIt(): unknown;
  parseMarkdown(input: string, options: {md: unknown; path: string}): {body: string; code: {id: string; node: {input: string}}[]};
};

/** The page as Framework renders it: its HTML body (in `document`), and its JavaScript cells. */
export function rendered(markdown: string, path: string, document: Document): {body: HTMLElement; cells: string[]} {
  const page = parseMarkdown(markdown, {md: createMarkdownIt(), path});
  const body = document.createElement("div");
  body.innerHTML = page.body;
  return {body, cells: page.code.map((cell) => cell.node.input)};
}

// `import type` is erased; dynamic import() is not a static import and is not followed.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;"']*?\bfrom\s+)?["']([^"']+)["']/gm;

/** What a light page script must not reach: chart libraries, Inputs, the engine and its readers. */
export const HEAVY = [/^@observablehq\/plot/, /^d3(-|$)/, /^@observablehq\/inputs/, /^@duckdb\//, /^apache-arrow/, /^hyparquet/, /\/duckdb\.js$/];

/** Every module a page's cells reach through static imports: bare specifiers, and local files walked (".js" read as its ".ts"). */
export function reachedModules(cells: string[], pageDir: string): {bare: Set<string>; local: Set<string>} {
  const bare = new Set<string>();
  const local = new Set<string>();
  const visit = (source: string, dir: string) => {
    for (const [, specifier] of source.matchAll(STATIC_IMPORT)) {
      if (!specifier.startsWith(".")) {
        bare.add(specifier);
        continue;
      }
      const file = resolve(dir, specifier).replace(/\.js$/, ".ts");
      if (local.has(file)) continue;
      local.add(file);
      visit(readFileSync(file, "utf8"), dirname(file));
    }
  };
  for (const cell of cells) visit(cell, pageDir);
  return {bare, local};
}
