/**
 * npm run bench — what a reader waits for, measured in headless Chromium on
 * the built site served from 127.0.0.1 (scripts/serve-dist.ts). Prints figures
 * and writes bench-results/bench.json; asserts nothing (timings are noisy on
 * shared cores: read the medians with the load average printed beside them).
 *
 * For each page of a fixed sample, several runs; each run opens the page in a
 * fresh browser profile (cold: nothing cached) then again in the same profile
 * (warm: a second visit, HTTP cache and compiled code as the first visit left
 * them). Measured:
 * - time to first chart and to all charts (a `figure[data-chart] svg` in
 *   `main`, timed in the page by a MutationObserver from navigation start).
 *   "First" counts the static charts pasted into the HTML at build time
 *   (`.prerendered-chart`), visible at first paint: it is the later of the
 *   chart's insertion and first contentful paint. "First live" and "all"
 *   count only the charts the page's cells drew;
 * - first contentful paint, and whether the headline figures (`.key-figures`)
 *   and reading sentences are in the served HTML, i.e. visible at first paint;
 * - bytes sent by the server, by type, raw and as gzip would send them, and
 *   the bytes beyond the files every measured page requests (shared assets);
 * - the page's JS heap (CDP Performance.getMetrics; the DuckDB worker's memory
 *   is not included).
 * The naive baseline (/bench/naive-aube: the whole national table in DuckDB-
 * WASM, aggregated in the browser) is measured the same way, and compared with
 * the Aube factsheet as ratios.
 *
 *   npm run bench [-- --runs=3 --dist=dist --pages=/departements/10,/france
 *                     --no-cache-headers --dwell=3000 --out=bench-results/bench.json]
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {dirname, extname, join} from "node:path";
import {gzipSync} from "node:zlib";
import type {BrowserContext} from "playwright-core";
import {launchChromium} from "../test/e2e/browser.ts";
import {resolveRequestPath, startStaticServer, type ServedRequest} from "./serve-dist.ts";

interface PageSpec {
  path: string;
  /** Charts expected once the page is complete: Sankeys + partner balance + treemap + trend. */
  charts: number;
  baseline?: boolean;
}

const BASELINE = "/bench/naive-aube";
const SAMPLE: PageSpec[] = [
  ...["10", "75", "59", "13", "974"].map((code) => ({path: `/departements/${code}`, charts: 6 + 3})),
  {path: "/regions/44", charts: 4 + 3},
  {path: "/france", charts: 2 + 3},
  {path: BASELINE, charts: 6 + 3, baseline: true}
];

/** The issue's goals (issue 6), printed beside the figures. */
const GOALS = {firstWarm: 1000, firstCold: 2500, allWarm: 2000, allCold: 5000, beyondSharedBytes: 200_000};

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const RUNS = Number(option("runs") ?? 3);
const DIST = option("dist") ?? "dist";
const DWELL = Number(option("dwell") ?? 3000);
const OUT = option("out") ?? join("bench-results", "bench.json");
const CACHE_HEADERS = !process.argv.includes("--no-cache-headers");
const selected = option("pages")?.split(",");
const PAGES = selected ? SAMPLE.filter((p) => selected.includes(p.path)) : SAMPLE;

/** One visit of one page. */
interface Visit {
  firstChartMs: number | null;
  /** First chart drawn by a cell (not a static one). */
  firstLiveChartMs: number | null;
  allChartsMs: number | null;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  /** DuckDB-WASM ready (performance mark set by src/components/duckdb.ts), if the page used it. */
  duckdbReadyMs: number | null;
  charts: number;
  heapUsedBytes: number;
  requests: number;
  /** Body bytes the server sent, by file type. */
  bytesByType: Record<string, number>;
  /** path → bytes sent, to find the shared assets. */
  bytesByPath: Record<string, number>;
  errors: string[];
}

const typeOf = (path: string) => extname(path).slice(1) || "html";

/** Runs in the page before any of its scripts: timestamps of the charts appearing. */
function chartTimer(expected: number) {
  const state = {first: null as number | null, firstLive: null as number | null, all: null as number | null, count: 0};
  (window as unknown as {__bench: typeof state}).__bench = state;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (state.first === null && document.querySelector("main figure[data-chart] svg")) state.first = now;
    const count = [...document.querySelectorAll("main figure[data-chart] svg")].filter((svg) => !svg.closest(".prerendered-chart")).length;
    if (count === state.count) return;
    state.count = count;
    if (count > 0 && state.firstLive === null) state.firstLive = now;
    if (count >= expected && state.all === null) {
      state.all = now;
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
}

async function visit(context: BrowserContext, baseUrl: string, spec: PageSpec, log: ServedRequest[]): Promise<Visit> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Failed requests are listed from the server's log instead (the missing favicon is not an error of ours).
  page.on("console", (message) => void (message.type() === "error" && !message.text().startsWith("Failed to load resource") && errors.push(message.text())));
  page.on("crash", () => errors.push("la page a planté"));
  await page.addInitScript(chartTimer, spec.charts);
  const from = log.length;
  try {
    await page.goto(baseUrl + spec.path, {waitUntil: "domcontentloaded"});
    await page
      .waitForFunction(() => (window as unknown as {__bench: {all: number | null}}).__bench.all !== null, undefined, {timeout: spec.baseline ? 180_000 : 60_000, polling: 100})
      .catch(() => errors.push(`délai dépassé : graphiques incomplets`));
    const metrics = await context
      .newCDPSession(page)
      .then(async (cdp) => (await cdp.send("Performance.enable"), (await cdp.send("Performance.getMetrics")).metrics))
      .catch(() => [] as {name: string; value: number}[]);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const timings = await page.evaluate(() => {
      const bench = (window as unknown as {__bench: {first: number | null; firstLive: number | null; all: number | null; count: number}}).__bench;
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const ready = performance.getEntriesByName("duckdb:ready")[0];
      return {
        // A static chart is inserted while the HTML is parsed, but seen only once the page paints.
        first: bench.first === null ? null : Math.max(bench.first, paint?.startTime ?? 0),
        firstLive: bench.firstLive,
        all: bench.all,
        count: bench.count,
        fcp: paint ? paint.startTime : null,
        dcl: navigation.domContentLoadedEventEnd,
        duckdb: ready ? ready.startTime : null
      };
    }).catch(() => ({first: null, firstLive: null, all: null, count: 0, fcp: null, dcl: 0, duckdb: null}));
    if (DWELL > 0) await page.waitForTimeout(DWELL).catch(() => undefined); // a reader stays: lets the browser finish caching (e.g. compiled wasm)
    const served = log.slice(from);
    for (const {path, status} of served) if (status === 404 && path !== "/favicon.ico") errors.push(`404 ${path}`);
    const bytesByType: Record<string, number> = {};
    const bytesByPath: Record<string, number> = {};
    for (const {path, bytes} of served) {
      bytesByType[typeOf(path)] = (bytesByType[typeOf(path)] ?? 0) + bytes;
      bytesByPath[path] = (bytesByPath[path] ?? 0) + bytes;
    }
    return {
      firstChartMs: timings.first,
      firstLiveChartMs: timings.firstLive,
      allChartsMs: timings.all,
      firstContentfulPaintMs: timings.fcp,
      domContentLoadedMs: timings.dcl,
      duckdbReadyMs: timings.duckdb,
      charts: timings.count,
      heapUsedBytes: metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0,
      requests: served.length,
      bytesByType,
      bytesByPath,
      errors
    };
  } finally {
    await page.close();
  }
}

const median = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  return present.length % 2 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
};

const gzipSizes = new Map<string, number>();
async function gzipSize(path: string): Promise<number> {
  if (!gzipSizes.has(path)) {
    const file = await resolveRequestPath(DIST, path);
    gzipSizes.set(path, file ? gzipSync(readFileSync(file)).byteLength : 0);
  }
  return gzipSizes.get(path)!;
}

/** What the served HTML itself shows before any script runs. */
async function htmlContent(baseUrl: string, path: string) {
  const text = await (await fetch(baseUrl + path)).text();
  return {keyFigures: /class="key-figures"/.test(text), readingSentences: (text.match(/class="reading"/g) ?? []).length};
}

function ensureBuilt(): boolean {
  if (!existsSync(join(DIST, "index.html"))) {
    if (DIST !== "dist") throw new Error(`${DIST} ne contient pas de site construit.`);
    console.log("dist/ absent : npm run build…");
    execFileSync("npm", ["run", "build"], {stdio: "inherit"});
  }
  const baseline = existsSync(join(DIST, `${BASELINE.slice(1)}.html`));
  if (!baseline) console.log(`${BASELINE} absent de ${DIST}/ (construit avant la page de référence ?) : référence naïve non mesurée.`);
  return baseline;
}

// ---------------------------------------------------------------------------

const hasBaseline = ensureBuilt();
const pages = PAGES.filter((p) => !p.baseline || hasBaseline);
const loadBefore = loadavg();
console.log(`${RUNS} passages × ${pages.length} pages, froid puis chaud ; en-têtes de cache ${CACHE_HEADERS ? "oui" : "non"} ; charge moyenne ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`);

const log: ServedRequest[] = [];
const server = await startStaticServer({root: DIST, cacheHeaders: CACHE_HEADERS, onRequest: (entry) => log.push(entry)});
const visits = new Map<string, {cold: Visit[]; warm: Visit[]}>(pages.map((p) => [p.path, {cold: [], warm: []}]));
const html = new Map<string, {keyFigures: boolean; readingSentences: number}>();
try {
  for (const spec of pages) html.set(spec.path, await htmlContent(server.url, spec.path));
  for (let run = 1; run <= RUNS; run++) {
    for (const spec of pages) {
      const profile = mkdtempSync(join(tmpdir(), "chromium-bench-"));
      const context = await launchChromium(profile);
      try {
        const cold = await visit(context, server.url, spec, log);
        const warm = await visit(context, server.url, spec, log);
        visits.get(spec.path)!.cold.push(cold);
        visits.get(spec.path)!.warm.push(warm);
        const errors = [...cold.errors, ...warm.errors];
        console.log(
          `  passage ${run} ${spec.path.padEnd(20)} froid ${cold.firstChartMs?.toFixed(0)}/${cold.firstLiveChartMs?.toFixed(0)}/${cold.allChartsMs?.toFixed(0)} ms, chaud ${warm.firstChartMs?.toFixed(0)}/${warm.firstLiveChartMs?.toFixed(0)}/${warm.allChartsMs?.toFixed(0)} ms${errors.length ? ` — erreurs : ${errors.join(" | ")}` : ""}`
        );
      } finally {
        await context.close();
        rmSync(profile, {recursive: true, force: true});
      }
    }
  }
} finally {
  await server.close();
}

// Shared assets: every path the measured factsheets (not the baseline) all requested on a cold visit.
const factsheetPaths = pages.filter((p) => !p.baseline).map((p) => p.path);
const requestedBy = (path: string) => new Set(visits.get(path)!.cold.flatMap((v) => Object.keys(v.bytesByPath)));
const shared = factsheetPaths.length > 1 ? factsheetPaths.map(requestedBy).reduce((a, b) => new Set([...a].filter((x) => b.has(x)))) : new Set<string>();

interface Summary {
  path: string;
  html: {keyFigures: boolean; readingSentences: number};
  cold: Record<string, number | null>;
  warm: Record<string, number | null>;
  bytesByType: Record<string, number>;
  bytesTotal: number;
  gzipTotal: number;
  beyondShared: number;
  beyondSharedGzip: number;
  beyondSharedFiles: string[];
}

async function summarise(spec: PageSpec): Promise<Summary> {
  const {cold, warm} = visits.get(spec.path)!;
  const stats = (list: Visit[]) => ({
    firstChartMs: median(list.map((v) => v.firstChartMs)),
    firstLiveChartMs: median(list.map((v) => v.firstLiveChartMs)),
    allChartsMs: median(list.map((v) => v.allChartsMs)),
    firstContentfulPaintMs: median(list.map((v) => v.firstContentfulPaintMs)),
    duckdbReadyMs: median(list.map((v) => v.duckdbReadyMs)),
    heapUsedBytes: median(list.map((v) => v.heapUsedBytes)),
    bytes: median(list.map((v) => Object.values(v.bytesByType).reduce((a, b) => a + b, 0))),
    requests: median(list.map((v) => v.requests))
  });
  const first = cold[0];
  const paths = Object.keys(first.bytesByPath);
  const beyond = paths.filter((p) => !shared.has(p));
  const gz = async (list: string[]) => (await Promise.all(list.map(gzipSize))).reduce((a, b) => a + b, 0);
  return {
    path: spec.path,
    html: html.get(spec.path)!,
    cold: stats(cold),
    warm: stats(warm),
    bytesByType: first.bytesByType,
    bytesTotal: Object.values(first.bytesByPath).reduce((a, b) => a + b, 0),
    gzipTotal: await gz(paths),
    beyondShared: beyond.reduce((sum, p) => sum + first.bytesByPath[p], 0),
    beyondSharedGzip: await gz(beyond),
    beyondSharedFiles: beyond
  };
}

const summaries: Summary[] = [];
for (const spec of pages) summaries.push(await summarise(spec));
const loadAfter = loadavg();

const ms = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v)}`);
const kb = (v: number) => `${(v / 1000).toFixed(0)}`;
const mb = (v: number | null) => (v === null ? "—" : (v / 1e6).toFixed(1));
const mark = (value: number | null, goal: number) => (value === null ? "" : value <= goal ? " ✓" : " ✗");

console.log(`\nMédianes sur ${RUNS} passages (ms depuis la navigation ; ✓/✗ : objectif de l'issue 6 pour les départements)`);
const header = ["page", "1er froid", "1er dyn. froid", "tous froid", "1er chaud", "1er dyn. chaud", "tous chaud", "FCP", "DuckDB prêt", "chiffres HTML", "Mo (gz) froid", "ko chaud", "hors partagé ko (gz)", "tas Mo"];
const rows = summaries.map((s) => {
  const dept = s.path.startsWith("/departements/");
  return [
    s.path,
    ms(s.cold.firstChartMs) + (dept ? mark(s.cold.firstChartMs, GOALS.firstCold) : ""),
    ms(s.cold.firstLiveChartMs),
    ms(s.cold.allChartsMs) + (dept ? mark(s.cold.allChartsMs, GOALS.allCold) : ""),
    ms(s.warm.firstChartMs) + (dept ? mark(s.warm.firstChartMs, GOALS.firstWarm) : ""),
    ms(s.warm.firstLiveChartMs),
    ms(s.warm.allChartsMs) + (dept ? mark(s.warm.allChartsMs, GOALS.allWarm) : ""),
    ms(s.cold.firstContentfulPaintMs),
    ms(s.cold.duckdbReadyMs),
    s.html.keyFigures ? `oui, ${s.html.readingSentences} phrases` : "non",
    `${mb(s.bytesTotal)} (${mb(s.gzipTotal)})`,
    kb(s.warm.bytes ?? 0),
    `${kb(s.beyondShared)} (${kb(s.beyondSharedGzip)})` + (dept ? mark(s.beyondShared, GOALS.beyondSharedBytes) : ""),
    mb(s.cold.heapUsedBytes)
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
console.log(line(header));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const row of rows) console.log(line(row));
console.log(`Fichiers partagés par toutes les pages mesurées : ${shared.size}. Octets par type (froid, passage 1) :`);
for (const s of summaries) console.log(`  ${s.path.padEnd(20)} ${Object.entries(s.bytesByType).sort((a, b) => b[1] - a[1]).map(([t, b]) => `${t} ${kb(b)} ko`).join(", ")}`);

const baseline = summaries.find((s) => s.path === BASELINE);
const aube = summaries.find((s) => s.path === "/departements/10");
let ratios: Record<string, number | null> | undefined;
if (baseline && aube) {
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
  ratios = {
    firstChartCold: ratio(baseline.cold.firstChartMs, aube.cold.firstChartMs),
    allChartsCold: ratio(baseline.cold.allChartsMs, aube.cold.allChartsMs),
    firstChartWarm: ratio(baseline.warm.firstChartMs, aube.warm.firstChartMs),
    allChartsWarm: ratio(baseline.warm.allChartsMs, aube.warm.allChartsMs),
    bytesGzip: ratio(baseline.gzipTotal, aube.gzipTotal),
    heap: ratio(baseline.cold.heapUsedBytes, aube.cold.heapUsedBytes)
  };
  const x = (v: number | null) => (v === null ? "—" : `× ${v.toFixed(1)}`);
  console.log(
    `\nRéférence naïve / fiche de l'Aube : premier graphique froid ${x(ratios.firstChartCold)}, tous froid ${x(ratios.allChartsCold)}, ` +
      `premier chaud ${x(ratios.firstChartWarm)}, tous chaud ${x(ratios.allChartsWarm)}, octets gz ${x(ratios.bytesGzip)}, tas JS ${x(ratios.heap)}`
  );
}
console.log(`Charge moyenne : ${loadBefore.map((l) => l.toFixed(2)).join(" ")} au départ, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} à la fin.`);

mkdirSync(dirname(OUT), {recursive: true});
writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      cacheHeaders: CACHE_HEADERS,
      dwellMs: DWELL,
      loadavg: {before: loadBefore, after: loadAfter},
      goals: GOALS,
      sharedFiles: [...shared].sort(),
      pages: summaries,
      baselineRatios: ratios ?? null,
      visits: Object.fromEntries([...visits].map(([path, v]) => [path, {cold: v.cold.map(({bytesByPath, ...rest}) => rest), warm: v.warm.map(({bytesByPath, ...rest}) => rest)}]))
    },
    null,
    2
  )
);
console.log(`Résultats : ${OUT}`);
