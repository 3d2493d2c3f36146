/**
 * Run after `observable build`: Framework 1.13.4 writes `<html>` with no
 * language and a viewport that forbids zooming (`maximum-scale=1`), and its
 * chrome is in English. Every built page is rewritten in place.
 *
 * Each fix must apply: if a Framework upgrade changes the markup, the build
 * fails here instead of silently shipping an unfixed site.
 */
import {readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";

export const VIEWPORT = "width=device-width, initial-scale=1";

/**
 * Framework writes each attached file's modification time into the page (`registerFile(…,
 * {lastModified})`): for a loader's output, the moment it ran, so two builds of one commit would
 * differ. The pages never read it; one fixed time makes the bytes depend on the inputs only.
 */
export const FIXED_LAST_MODIFIED = Date.UTC(2000, 0, 1);
const LAST_MODIFIED = /"lastModified":\d+(?:\.\d+)?/g;

const FIXES: {name: string; pattern: RegExp; replacement: string}[] = [
  // Idempotent: a page fixed already (a rerun) is left as it is.
  {name: "lang", pattern: /<html(?: lang="fr")?>/, replacement: '<html lang="fr">'},
  {
    name: "viewport",
    pattern: /<meta name="viewport" content="[^"]*">/,
    replacement: `<meta name="viewport" content="${VIEWPORT}">`
  }
];

// Only on pages with the sidebar (not the 404 page).
const SIDEBAR_FIXES: {pattern: RegExp; replacement: string}[] = [
  {pattern: /(<input type="search") placeholder="Search">/, replacement: '$1 placeholder="Rechercher" aria-label="Rechercher dans le site">'},
  {pattern: /title="Toggle sidebar"/, replacement: 'title="Afficher ou masquer la navigation"'}
];

/** The fixed page; throws naming the fix that found nothing to fix. */
export function fixHtml(html: string, file = "page"): string {
  let fixed = html;
  for (const {name, pattern, replacement} of FIXES) {
    if (!pattern.test(fixed)) throw new Error(`${file}: correctif « ${name} » inapplicable (balisage de Framework inattendu).`);
    fixed = fixed.replace(pattern, replacement);
  }
  for (const {pattern, replacement} of SIDEBAR_FIXES) fixed = fixed.replace(pattern, replacement);
  return fixed.replace(LAST_MODIFIED, `"lastModified":${FIXED_LAST_MODIFIED}`);
}

async function* htmlFiles(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, {withFileTypes: true})) {
    const path = join(directory, entry.name);
    // Framework's asset folders (_file, _node, _observablehq…) hold data and code, not pages:
    // the chart fragments of the embed view are .html files there.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("_")) yield* htmlFiles(path);
    }
    else if (entry.name.endsWith(".html")) yield path;
  }
}

/**
 * The pages that measure, not inform (src/bench/: the naive baseline of npm run bench): kept
 * only when BENCH_PAGES=1 asked for them, so that a published site holds only pages for readers.
 */
export async function dropBenchPages(output = "dist", env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.BENCH_PAGES === "1") return false;
  await rm(join(output, "bench"), {recursive: true, force: true});
  return true;
}

export async function fixBuiltSite(output = "dist"): Promise<number> {
  let count = 0;
  for await (const file of htmlFiles(output)) {
    await writeFile(file, fixHtml(await readFile(file, "utf-8"), file));
    count++;
  }
  if (count === 0) throw new Error(`${output}: aucune page HTML à corriger (la construction a-t-elle eu lieu ?).`);
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dropped = await dropBenchPages(process.argv[2]);
  const count = await fixBuiltSite(process.argv[2]);
  console.log(`fix-built-html: ${count} pages (lang="fr", zoom autorisé)${dropped ? ", pages de mesure retirées (BENCH_PAGES=1 pour les garder)" : ""}`);
}
