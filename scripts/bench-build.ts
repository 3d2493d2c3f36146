/**
 * npm run bench:build — how long a full build takes from a clean clone, where
 * the time goes, and how it grows with the number of pages. Prints figures and
 * writes bench-results/bench-build.json; asserts nothing.
 *
 * Each build runs in a fresh clone of the committed tree (HEAD) in a temporary
 * folder, with node_modules linked from this tree and no cache of any kind
 * (no Framework cache, no pipeline cache, no dist/): the shared working tree
 * and its caches are never touched. The build is the project's own `npm run
 * build` script with TRADE_SOURCE=demo; to build fewer pages, `observable build`
 * is given a generated config that keeps the first N dynamic paths.
 *
 *   npm run bench:build                     full build, then 20 dynamic pages
 *   npm run bench:build -- --pages=0,20     only these reduced builds (no full)
 *   npm run bench:build -- --keep           keep the clones (e.g. to serve one dist/)
 */
import {execFileSync, spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";

const TREE = resolve(".");
const OUT = "bench-results";

interface Options {
  full: boolean;
  reduced: number[];
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const pages = argv.find((a) => a.startsWith("--pages="));
  return {
    full: !pages,
    reduced: pages ? pages.slice("--pages=".length).split(",").map(Number) : [20],
    keep: argv.includes("--keep")
  };
}

/** One line of build output, with the second it appeared at. */
interface OutputLine {
  at: number;
  text: string;
}

export interface BuildTimings {
  /** Dynamic paths built (null: all, with the project's own config). */
  dynamicPaths: number | null;
  pages: number;
  totalSeconds: number;
  /** From the start to Framework's first `load /…` line: prepare-offline, prepare-data, start-up. */
  prepareSeconds: number;
  /** Loading pages (page loaders and the data loaders they reference run here). */
  pagesSeconds: number;
  /** After the last page: search index, bundling, copying files, HTML fixes. */
  finishSeconds: number;
  /** Data and page loaders, by target, in milliseconds (as Framework prints them). */
  loaders: Record<string, number>;
  /** Each page's load time in milliseconds, including the loaders it waited for. */
  pageMilliseconds: Record<string, number>;
  distMegabytes: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Reads Framework's build log: `load /departements/10.md … in 812ms` and `load src/x.parquet → success 2 kB in 640ms`. */
export function parseBuildOutput(lines: readonly OutputLine[]): Pick<BuildTimings, "loaders" | "pageMilliseconds"> & {firstPageAt: number | null; lastPageAt: number | null} {
  const loaders: Record<string, number> = {};
  const pageMilliseconds: Record<string, number> = {};
  let firstPageAt: number | null = null;
  let lastPageAt: number | null = null;
  for (const {at, text: raw} of lines) {
    const text = raw.replace(ANSI, "");
    for (const match of text.matchAll(/load (\S+) → (?:success|error)[^]*? in (\d+)ms/g)) loaders[match[1]] = Number(match[2]);
    const page = /^load (\/\S+\.md) .*in (\d+)ms\s*$/.exec(text);
    if (page) {
      pageMilliseconds[page[1]] = Number(page[2]);
      firstPageAt ??= at - Number(page[2]) / 1000;
      lastPageAt = at;
    }
  }
  return {loaders, pageMilliseconds, firstPageAt, lastPageAt};
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

/** In the clone only: the project's config moves here, and a config keeping N dynamic paths takes its name. */
const FULL_CONFIG = "observablehq.full.config.ts";

async function measure(dynamicPaths: number | null): Promise<BuildTimings & {tree: string}> {
  const tree = clone();
  // Framework loads a TypeScript config only under its default name (it registers tsx for it).
  if (dynamicPaths !== null) {
    renameSync(join(tree, "observablehq.config.ts"), join(tree, FULL_CONFIG));
    writeFileSync(
      join(tree, "observablehq.config.ts"),
      `import config from "./${FULL_CONFIG}";\nexport default {...config, dynamicPaths: config.dynamicPaths.slice(0, ${dynamicPaths})};\n`
    );
  }
  const script = "npm run build";
  const env = {...process.env, TRADE_SOURCE: "demo", PATH: `${join(tree, "node_modules", ".bin")}:${process.env.PATH}`};
  const started = performance.now();
  const lines = await run(script, tree, env);
  const totalSeconds = (performance.now() - started) / 1000;
  mkdirSync(OUT, {recursive: true});
  writeFileSync(join(OUT, `bench-build-${dynamicPaths ?? "all"}.log`), lines.map((l) => `${l.at.toFixed(2)}\t${l.text}`).join("\n"));
  const {loaders, pageMilliseconds, firstPageAt, lastPageAt} = parseBuildOutput(lines);
  const distBytes = Number(execFileSync("du", ["-sb", join(tree, "dist")], {encoding: "utf8"}).split("\t")[0]);
  return {
    tree,
    dynamicPaths,
    pages: Object.keys(pageMilliseconds).length,
    totalSeconds,
    prepareSeconds: firstPageAt ?? 0,
    pagesSeconds: (lastPageAt ?? 0) - (firstPageAt ?? 0),
    finishSeconds: totalSeconds - (lastPageAt ?? 0),
    loaders,
    pageMilliseconds,
    distMegabytes: distBytes / 1e6
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function report(result: BuildTimings): void {
  const label = result.dynamicPaths === null ? "toutes les pages" : `${result.dynamicPaths} pages dynamiques`;
  console.log(`\n== Construction propre (${label}) : ${result.pages} pages, ${result.totalSeconds.toFixed(1)} s, dist ${result.distMegabytes.toFixed(0)} Mo`);
  console.log(`   préparation ${result.prepareSeconds.toFixed(1)} s · pages ${result.pagesSeconds.toFixed(1)} s · fin (index, bundles, copies, HTML) ${result.finishSeconds.toFixed(1)} s`);
  const factsheets = Object.entries(result.pageMilliseconds).filter(([path]) => /^\/(departements|regions)\//.test(path));
  if (factsheets.length) {
    const times = factsheets.map(([, ms]) => ms);
    console.log(`   fiche (page + chargeurs) : médiane ${median(times)} ms, min ${Math.min(...times)}, max ${Math.max(...times)} (${factsheets.length} fiches)`);
  }
  const slowest = Object.entries(result.loaders).sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log("   chargeurs les plus lents :");
  for (const [target, ms] of slowest) console.log(`     ${String(ms).padStart(7)} ms  ${target}`);
}

const options = parseOptions(process.argv.slice(2));
console.log(`Charge moyenne au départ : ${loadavg().map((l) => l.toFixed(2)).join(" ")} (2 cœurs partagés : chiffres bruités)`);
const results: BuildTimings[] = [];
const trees: string[] = [];
for (const dynamicPaths of [...(options.full ? [null] : []), ...options.reduced]) {
  const {tree, ...result} = await measure(dynamicPaths);
  trees.push(tree);
  results.push(result);
  report(result);
}
const [full, ...reduced] = options.full ? results : [undefined, ...results];
const small = reduced.at(-1);
if (full && small && full.pages > small.pages) {
  const perPage = (full.totalSeconds - small.totalSeconds) / (full.pages - small.pages);
  const fixed = full.totalSeconds - perPage * full.pages;
  console.log(`\nCroissance : ≈ ${perPage.toFixed(2)} s par page en plus, ≈ ${fixed.toFixed(0)} s fixes (mesuré entre ${small.pages} et ${full.pages} pages).`);
}
mkdirSync(OUT, {recursive: true});
writeFileSync(join(OUT, "bench-build.json"), JSON.stringify({date: new Date().toISOString(), loadavg: loadavg(), results}, null, 2));
console.log(`\nRésultats : ${join(OUT, "bench-build.json")}`);
if (options.keep) console.log(`Copies gardées : ${trees.join(", ")}`);
else for (const tree of trees) rmSync(resolve(tree, ".."), {recursive: true, force: true});
