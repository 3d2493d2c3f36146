/**
 * npm run bench:build — how long a full build takes from a clean clone, where
 * the time goes, and how it grows with the number of pages. Prints figures and
 * writes bench-results/bench-build.json; asserts nothing.
 *
 * Each build runs in a fresh clone of the committed tree (HEAD) in a temporary
 * folder, with node_modules linked from this tree and no cache of any kind
 * (no Framework cache, no pipeline cache, no dist/): the shared working tree
 * and its caches are never touched. The build is the project's own `npm run
 * build` script with TRADE_SOURCE=demo.
 *
 * Growth with the number of pages is extrapolated from the per-page times, not
 * measured with fewer pages: Framework 1.13 builds every page the sidebar
 * lists and follows links between pages (each factsheet links to its
 * neighbours), so limiting `dynamicPaths` in a config still builds all 120.
 *
 *   npm run bench:build [-- --runs=1 --keep]     --keep: keep the clone (e.g. to serve its dist/)
 */
import {execFileSync, spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";

const TREE = resolve(".");
const OUT = "bench-results";

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** One line of build output, with the second it appeared at. */
interface OutputLine {
  at: number;
  text: string;
}

export interface BuildTimings {
  pages: number;
  totalSeconds: number;
  /** From the start to Framework's first `load /…` line: the prepare step, start-up. */
  prepareSeconds: number;
  /** Loading pages (page loaders and the data loaders they reference run here). */
  pagesSeconds: number;
  /** After the last page: search index, bundling, copying files, HTML fixes. */
  finishSeconds: number;
  /** Data and page loaders, by target, in milliseconds (as Framework prints them). */
  loaders: Record<string, number>;
  /** Each page's load time in milliseconds, including the loaders it waited for. */
  pageMilliseconds: Record<string, number>;
  /** Framework's rendering of the pages into dist/ (parsing their HTML, hashing their files): first to last `render` line. */
  renderSeconds: number;
  renderedPages: number;
  distMegabytes: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Reads Framework's build log, whose lines nest: a page line
 * `load /departements/10 load /departements/10.md → [missing] success 15.5 kB in 599ms`
 * (its page loader) is closed by `in 699ms` (the whole page); data loaders run
 * while files are copied, `load /data/x.zip → [missing] …output… success 2.8 MB in 41000ms`.
 */
export function parseBuildOutput(
  lines: readonly OutputLine[]
): Pick<BuildTimings, "loaders" | "pageMilliseconds" | "renderSeconds" | "renderedPages"> & {firstPageAt: number | null; lastPageAt: number | null} {
  const loaders: Record<string, number> = {};
  const pageMilliseconds: Record<string, number> = {};
  let firstPageAt: number | null = null;
  let lastPageAt: number | null = null;
  const pending: string[] = [];
  let page: string | null = null;
  const renders: number[] = [];
  const token = /^load (\/[^\s.]*) in (\d+)ms$|^load (\/[^\s.]*) |load (\S+) → (?:\[\w+\] )*|(?:success|error)\b.*? in (\d+)ms|^in (\d+)ms$/g;
  for (const {at, text: raw} of lines) {
    const text = raw.replace(ANSI, "").trim();
    if (/^render \/\S* → /.test(text)) renders.push(at);
    for (const match of text.matchAll(token)) {
      const [, quickPage, quickMs, pageStart, loader, loaderMs, pageMs] = match;
      if (quickPage !== undefined) {
        pageMilliseconds[quickPage] = Number(quickMs);
        firstPageAt ??= at - Number(quickMs) / 1000;
        lastPageAt = at;
      } else if (pageStart !== undefined) {
        page = pageStart;
      } else if (loader !== undefined) {
        pending.push(loader);
      } else if (loaderMs !== undefined) {
        const target = pending.pop();
        if (target !== undefined) loaders[target] = Math.max(loaders[target] ?? 0, Number(loaderMs));
      } else if (pageMs !== undefined && page !== null) {
        pageMilliseconds[page] = Number(pageMs);
        firstPageAt ??= at - Number(pageMs) / 1000;
        lastPageAt = at;
        page = null;
      }
    }
  }
  const renderSeconds = renders.length > 1 ? renders.at(-1)! - renders[0] : 0;
  return {loaders, pageMilliseconds, firstPageAt, lastPageAt, renderSeconds, renderedPages: renders.length};
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<OutputLine[]> {
  const started = performance.now();
  const lines: OutputLine[] = [];
  return new Promise((done, fail) => {
    const child = spawn("sh", ["-c", command], {cwd, env, stdio: ["ignore", "pipe", "pipe"]});
    let pending = "";
    const collect = (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const parts = pending.split("\n");
      pending = parts.pop()!;
      for (const text of parts) lines.push({at: (performance.now() - started) / 1000, text});
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("close", (code) => {
      if (pending) lines.push({at: (performance.now() - started) / 1000, text: pending});
      if (code === 0) done(lines);
      else fail(new Error(`La construction a échoué (code ${code}) :\n${lines.slice(-20).map((l) => l.text).join("\n")}`));
    });
  });
}

function clone(): string {
  const folder = mkdtempSync(join(tmpdir(), "bench-build-"));
  execFileSync("git", ["clone", "--quiet", "--local", "--no-hardlinks", TREE, join(folder, "tree")]);
  symlinkSync(join(TREE, "node_modules"), join(folder, "tree", "node_modules"));
  return join(folder, "tree");
}

async function measure(): Promise<BuildTimings & {tree: string}> {
  const tree = clone();
  const script = "npm run build";
  const env = {...process.env, TRADE_SOURCE: "demo", PATH: `${join(tree, "node_modules", ".bin")}:${process.env.PATH}`};
  const started = performance.now();
  const lines = await run(script, tree, env);
  const totalSeconds = (performance.now() - started) / 1000;
  mkdirSync(OUT, {recursive: true});
  writeFileSync(join(OUT, "bench-build.log"), lines.map((l) => `${l.at.toFixed(2)}\t${l.text}`).join("\n"));
  const {loaders, pageMilliseconds, firstPageAt, lastPageAt, renderSeconds, renderedPages} = parseBuildOutput(lines);
  const distBytes = Number(execFileSync("du", ["-sb", join(tree, "dist")], {encoding: "utf8"}).split("\t")[0]);
  return {
    tree,
    pages: Object.keys(pageMilliseconds).length,
    totalSeconds,
    prepareSeconds: firstPageAt ?? 0,
    pagesSeconds: (lastPageAt ?? 0) - (firstPageAt ?? 0),
    finishSeconds: totalSeconds - (lastPageAt ?? 0),
    loaders,
    pageMilliseconds,
    renderSeconds,
    renderedPages,
    distMegabytes: distBytes / 1e6
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function report(result: BuildTimings): void {
  console.log(`\n== Construction propre : ${result.pages} pages, ${result.totalSeconds.toFixed(1)} s, dist ${result.distMegabytes.toFixed(0)} Mo`);
  console.log(
    `   avant les pages (étape de préparation, démarrage) ${result.prepareSeconds.toFixed(1)} s · pages ${result.pagesSeconds.toFixed(1)} s · ` +
      `après (index de recherche, bundles, chargeurs de données, copies, HTML) ${result.finishSeconds.toFixed(1)} s`
  );
  const factsheets = Object.entries(result.pageMilliseconds).filter(([path]) => /^\/(departements|regions)\//.test(path));
  if (factsheets.length) {
    const times = factsheets.map(([, ms]) => ms);
    const sum = times.reduce((a, b) => a + b, 0) / 1000;
    // A page costs its load (page loader, Markdown) and its share of the render phase (Framework parses its HTML three times).
    const renderPerPage = result.renderedPages ? result.renderSeconds / result.renderedPages : 0;
    const perPage = median(times) / 1000 + renderPerPage;
    console.log(`   fiche (chargeur de page + analyse) : médiane ${median(times)} ms, min ${Math.min(...times)}, max ${Math.max(...times)} (${factsheets.length} fiches, ${sum.toFixed(0)} s en tout)`);
    console.log(`   rendu dans dist/ : ${result.renderSeconds.toFixed(1)} s pour ${result.renderedPages} pages (${(renderPerPage * 1000).toFixed(0)} ms par page)`);
    const fixed = result.totalSeconds - perPage * result.pages;
    console.log(
      `   croissance (extrapolée, pas mesurée) : ≈ ${fixed.toFixed(0)} s fixes + ${perPage.toFixed(2)} s par page → ` +
        `${(fixed + perPage * 240).toFixed(0)} s pour 240 pages, ${(fixed + perPage * 1000).toFixed(0)} s pour 1 000`
    );
  }
  const slowest = Object.entries(result.loaders).sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log("   chargeurs les plus lents :");
  for (const [target, ms] of slowest) console.log(`     ${String(ms).padStart(7)} ms  ${target}`);
}

async function main(): Promise<void> {
  const runs = Number(option("runs") ?? 1);
  const keep = process.argv.includes("--keep");
  const loadBefore = loadavg();
  console.log(`Charge moyenne au départ : ${loadBefore.map((l) => l.toFixed(2)).join(" ")} (2 cœurs partagés : chiffres bruités)`);
  const results: BuildTimings[] = [];
  const trees: string[] = [];
  for (let run = 0; run < runs; run++) {
    const {tree, ...result} = await measure();
    trees.push(tree);
    results.push(result);
    report(result);
  }
  if (runs > 1) console.log(`\nMédiane sur ${runs} constructions : ${median(results.map((r) => r.totalSeconds)).toFixed(1)} s`);
  mkdirSync(OUT, {recursive: true});
  writeFileSync(join(OUT, "bench-build.json"), JSON.stringify({date: new Date().toISOString(), loadavg: {before: loadBefore, after: loadavg()}, results}, null, 2));
  console.log(`\nRésultats : ${join(OUT, "bench-build.json")}, journal : ${join(OUT, "bench-build.log")} ; charge moyenne à la fin ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  if (keep) console.log(`Copies gardées : ${trees.join(", ")}`);
  else for (const tree of trees) rmSync(resolve(tree, ".."), {recursive: true, force: true});
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
