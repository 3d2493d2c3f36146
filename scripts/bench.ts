/**
 * npm run bench — what a reader waits for on the static-first site, measured
 * in headless Chromium on the built site served from 127.0.0.1
 * (scripts/serve-dist.ts). Prints figures and writes bench-results/bench.json;
 * asserts nothing (timings are noisy on shared cores: read the medians with
 * the load average printed beside them).
 *
 * For each page of a fixed sample (five départements, a région, France, the
 * home page and the naive baseline), several runs; each run opens the page in
 * a fresh browser profile (cold: nothing cached) then again in the same
 * profile (warm: a second visit, HTTP cache and compiled code as the first
 * visit left them). Measured:
 * - time to the last chart visible: every `svg[role=img]` of the views
 *   (`.view[data-view]`) that is displayed (non-zero box). Drawn at build
 *   time, a chart is visible at the later of first contentful paint and the
 *   last change of its element (its insertion, or its content parsed), timed
 *   in the page by a MutationObserver from navigation start. For the home
 *   page: its map, key figures and list of départements; for the naive page:
 *   the charts its cells draw;
 * - bytes sent by the server before any interaction, by type, raw and as
 *   gzip would send them, and beyond the files every measured page (not the
 *   baseline) requests; on the warm visit, the bytes beyond the HTML (which is
 *   revalidated: a 304);
 * - on a cold factsheet, the time to the first interactive result, engine
 *   included: from selecting another year to every view redrawn (class
 *   `view-live`), then for the next two choices (products CPF4, 15 flows),
 *   each until every view is redrawn again; and the bytes each one fetched;
 * - the page's JS heap before any interaction and after them (CDP
 *   Performance.getMetrics; the DuckDB worker's memory is not included);
 * - the naive baseline (/bench/naive-aube: the whole national table in
 *   DuckDB-WASM, aggregated in the browser) against the Aube factsheet, as
 *   ratios.
 *
 *   npm run bench [-- --runs=3 --dist=dist --pages=/departements/10,/
 *                     --no-cache-headers --dwell=3000 --out=bench-results/bench.json]
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {dirname, extname, join} from "node:path";
import {gzipSync} from "node:zlib";
import type {BrowserContext, CDPSession, Page} from "playwright-core";
import {launchChromium} from "../test/e2e/browser.js";
import {resolveRequestPath, startStaticServer, type ServedRequest} from "./serve-dist.js";
import {VIEW_KINDS} from "../src/components/chart-kinds.js";
import {viewChanges} from "../src/components/factsheet-views.js";
import {defaultState, type ViewState} from "../src/components/view-state.js";

// --- What is measured --------------------------------------------------------

type PageKind = "factsheet" | "home" | "baseline";

/** Elements a reader waits for, by name: the page is ready when the last displayed one is visible. */
interface Target {
  name: string;
  selector: string;
}

interface PageSpec {
  path: string;
  kind: PageKind;
  targets: Target[];
  /** Elements that must all be displayed at 1280 px (the others are listed as errors). */
  mustShow?: string;
  /** Charts the page's cells draw after load, waited for (the baseline). */
  drawnCharts?: number;
}

const factsheet = (path: string): PageSpec => ({
  path,
  kind: "factsheet",
  targets: [{name: "graphiques", selector: ".view[data-view] svg[role=img]"}],
  // The narrow drawings (390 px) are hidden at this width, the wide ones never.
  mustShow: ".view[data-view] .view-wide svg[role=img]"
});

const HOME: PageSpec = {
  path: "/",
  kind: "home",
  targets: [
    {name: "carte", selector: ".home-map svg"},
    {name: "chiffres clés", selector: ".national-figures .card"},
    {name: "liste", selector: ".home-departements table"}
  ],
  mustShow: ".home-metric:not([hidden]) .home-map svg"
};

const BASELINE: PageSpec = {
  path: "/bench/naive-aube",
  kind: "baseline",
  targets: [{name: "graphiques", selector: "main figure[data-chart] svg[role=img]"}],
  drawnCharts: 6 + 3 // Sankeys + partner balance + treemap + trend
};

const AUBE = "/departements/10";
const SAMPLE: PageSpec[] = [...["10", "75", "59", "13", "974"].map((code) => factsheet(`/departements/${code}`)), factsheet("/regions/44"), factsheet("/france"), HOME, BASELINE];

/** The issue's goals, printed beside the figures (✓/✗). */
const GOALS = {
  /** Factsheets and home page, cold: every chart (the home page's map, figures and list) visible. */
  lastVisibleColdMs: 600,
  /** Factsheets and home page: bytes before any interaction, as gzip would send them. */
  gzipBeforeInteraction: 300_000,
  /** Warm visit: nothing but the revalidated HTML. */
  warmBytesBeyondHtml: 0,
  /** Cold, engine included: the first choice's views all redrawn. */
  firstInteractionMs: 3500,
  /** The next choices. */
  nextInteractionMs: 300
};

/** The controls used on a cold factsheet, in order. */
interface Step {
  name: string;
  control: "annee" | "niveau" | "n";
  /** The option chosen; none: the first option other than the current one. */
  value?: string;
  /** Once redrawn, every activity cell's code (`data-product`, "_AUTRES" aside) matches it. */
  productPattern?: string;
  /** The views this step redraws (the others stay as they are). */
  views: readonly string[];
  goalMs: number;
}

// Each step redraws the views its change concerns (viewChanges), from the state the previous steps left.
const built = defaultState(2024);
const afterYear = {...built, year: 2023};
const afterLevel = {...afterYear, level: "cpf4" as const};
const redrawnViews = (from: ViewState, to: ViewState) => VIEW_KINDS.filter((kind) => viewChanges(kind, from, to));

const STEPS: Step[] = [
  {name: "année", control: "annee", views: redrawnViews(built, afterYear), goalMs: GOALS.firstInteractionMs},
  {name: "CPF4", control: "niveau", value: "cpf4", views: redrawnViews(afterYear, afterLevel), productPattern: "^\\d{4}$", goalMs: GOALS.nextInteractionMs},
  {name: "n = 15", control: "n", value: "15", views: redrawnViews(afterLevel, {...afterLevel, n: 15}), goalMs: GOALS.nextInteractionMs}
];

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
const LOAD_TIMEOUT = {static: 60_000, baseline: 180_000};
const STEP_TIMEOUT = 120_000;

// --- In the page ---------------------------------------------------------------
// These functions run in the page (through `pageScript`): they use nothing from this module but `isDisplayed`.

interface TargetTime {
  /** When the last displayed element was visible (ms from navigation start); null: none displayed. */
  ms: number | null;
  shown: number;
  total: number;
}

interface LoadTimes {
  targets: Record<string, TargetTime>;
  fcpMs: number | null;
  domContentLoadedMs: number;
  /** Labels of the `mustShow` elements not displayed. */
  notShown: string[];
}

interface RedrawState {
  startMs: number | null;
  endMs: number | null;
  error: string | null;
}

type BenchWindow = Window & {__loadTimer?: {changed: Map<Element, number>; stop(): void}; __redraw?: RedrawState};

/** Whether an element is displayed (a non-zero box): a helper of the page functions, defined in the page by `pageScript`. */
const isDisplayed = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
};

/**
 * `fn(arg)` as a script for the page, with `isDisplayed` beside it. tsx
 * compiles this file with esbuild's keepNames, which wraps named inner
 * functions in `__name(…)`, a helper the page does not have: defined too.
 */
function pageScript<A>(fn: (arg: A) => unknown, arg: A): string {
  const helpers = `const __name = (f) => f; const isDisplayed = ${isDisplayed.toString()};`;
  return `(() => { ${helpers} return (${fn.toString()})(${JSON.stringify(arg) ?? "undefined"}); })()`;
}

const evaluate = <A, R>(page: Page, fn: (arg: A) => R, arg: A) => page.evaluate<Awaited<R>>(pageScript(fn, arg));

/** Before any of the page's scripts: when each element the selectors select last changed (inserted, or content added). */
function installLoadTimer(selectors: string[]): void {
  const changed = new Map<Element, number>();
  const touch = (element: Element | null, now: number) => {
    for (const selector of selectors) {
      const target = element?.closest(selector);
      if (target) changed.set(target, now);
    }
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      touch(record.target instanceof Element ? record.target : record.target.parentElement, now);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        touch(node, now);
        for (const selector of selectors) for (const element of node.querySelectorAll(selector)) changed.set(element, now);
      }
    }
  });
  observer.observe(document, {childList: true, subtree: true});
  (window as BenchWindow).__loadTimer = {changed, stop: () => observer.disconnect()};
}

/** Once loaded: each target's time (the later of first contentful paint and its last displayed element's last change). */
function readLoadTimes({targets, mustShow}: {targets: Target[]; mustShow: string | null}): LoadTimes {
  const timer = (window as BenchWindow).__loadTimer!;
  timer.stop();
  const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
  const times: Record<string, TargetTime> = {};
  for (const {name, selector} of targets) {
    const all = [...document.querySelectorAll(selector)];
    const visible = all.filter(isDisplayed);
    const last = Math.max(paint ?? 0, ...visible.map((element) => timer.changed.get(element) ?? 0));
    times[name] = {ms: visible.length ? last : null, shown: visible.length, total: all.length};
  }
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
  const hidden = mustShow ? [...document.querySelectorAll(mustShow)].filter((element) => !isDisplayed(element)) : [];
  return {targets: times, fcpMs: paint, domContentLoadedMs: navigation.domContentLoadedEventEnd, notShown: hidden.map((e) => e.getAttribute("aria-label") ?? e.tagName)};
}

function chartsDrawn({selector, count}: {selector: string; count: number}): boolean {
  return [...document.querySelectorAll(selector)].filter(isDisplayed).length >= count;
}

/**
 * Before a control changes: times the redraw, from the change event to the
 * moment the status line is empty again (it says « Chargement du moteur… » or
 * « Calcul en cours… » meanwhile) with every view the step concerns drawn anew (its `data-shown-state` set)
 * (a class mutation on each, counted) and, if asked, every activity cell's
 * code matching `productPattern`.
 */
function watchRedraw({productPattern, views}: {productPattern: string | null; views: readonly string[]}): void {
  const form = document.querySelector("form.factsheet-controls")!;
  const status = form.querySelector(".controls-status")!;
  const slots = [...document.querySelectorAll<HTMLElement>(".view[data-view]")].filter((slot) => views.includes(slot.dataset.view ?? ""));
  const redrawn = new Set<Node>();
  const state: RedrawState = {startMs: null, endMs: null, error: null};
  let busy = false;
  const productsMatch = () =>
    productPattern === null ||
    [...document.querySelectorAll(".view[data-view='activites'] [data-product]")].every((cell) => {
      const code = cell.getAttribute("data-product") ?? "";
      return code === "_AUTRES" || new RegExp(productPattern).test(code);
    });
  const finish = (error: string | null) => {
    state.endMs = performance.now();
    state.error = error;
    observer.disconnect();
  };
  form.addEventListener("change", () => (state.startMs ??= performance.now()), {capture: true, once: true});
  const observer = new MutationObserver((records) => {
    for (const record of records) if (record.type === "attributes" && slots.includes(record.target as HTMLElement)) redrawn.add(record.target);
    const text = status.textContent ?? "";
    if (text.startsWith("Ces vues n'ont pas pu")) finish(text);
    else if (text) busy = true;
    else if (busy && redrawn.size === slots.length && productsMatch()) finish(null);
  });
  // data-shown-state: set on a slot each time it is drawn live (src/components/factsheet-live.ts).
  observer.observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["data-shown-state"]});
  (window as BenchWindow).__redraw = state;
}

function redrawEnded(): boolean {
  return (window as BenchWindow).__redraw?.endMs != null;
}

/** The redraw's duration, and when the engine was ready (the "duckdb:ready" mark of src/components/duckdb.ts), from the change. */
function readRedraw(): {ms: number | null; engineReadyMs: number | null; error: string | null} {
  const {startMs, endMs, error} = (window as BenchWindow).__redraw!;
  const ready = performance.getEntriesByName("duckdb:ready")[0]?.startTime;
  return {
    ms: startMs !== null && endMs !== null ? endMs - startMs : null,
    engineReadyMs: startMs !== null && ready !== undefined && ready >= startMs ? ready - startMs : null,
    error
  };
}

// --- Bytes -------------------------------------------------------------------

interface Transfer {
  bytes: number;
  /** As gzip would send them (the files of dist/ compressed). */
  gzip: number;
  requests: number;
  byType: Record<string, {bytes: number; gzip: number}>;
  /** By path, to find the shared files (left out of bench.json). */
  byPath: Record<string, {bytes: number; gzip: number}>;
}

const typeOf = (path: string) => extname(path).slice(1) || "html";

const gzipSizes = new Map<string, number>();
async function gzipSize(path: string): Promise<number> {
  if (!gzipSizes.has(path)) {
    const file = await resolveRequestPath(DIST, path);
    gzipSizes.set(path, file ? gzipSync(readFileSync(file)).byteLength : 0);
  }
  return gzipSizes.get(path)!;
}

/** What the server sent for these requests (a 304 or a HEAD sends no body). */
async function transferOf(served: readonly ServedRequest[]): Promise<Transfer> {
  const transfer: Transfer = {bytes: 0, gzip: 0, requests: served.length, byType: {}, byPath: {}};
  for (const {path, bytes} of served) {
    const gzip = bytes > 0 ? await gzipSize(path) : 0;
    for (const total of [transfer, (transfer.byType[typeOf(path)] ??= {bytes: 0, gzip: 0}), (transfer.byPath[path] ??= {bytes: 0, gzip: 0})]) {
      total.bytes += bytes;
      total.gzip += gzip;
    }
  }
  return transfer;
}

const bytesBeyondHtml = (transfer: Pick<Transfer, "bytes" | "byType">) => transfer.bytes - (transfer.byType.html?.bytes ?? 0);

// --- One visit -----------------------------------------------------------------

interface StepResult {
  name: string;
  value: string;
  ms: number | null;
  engineReadyMs: number | null;
  transfer: Transfer;
}

interface Visit {
  /** The last target visible (ms from navigation start); null: one was never displayed, or the cells' charts were not all drawn in time. */
  lastVisibleMs: number | null;
  load: LoadTimes;
  heapBytes: number | null;
  heapAfterStepsBytes: number | null;
  beforeInteraction: Transfer;
  steps: StepResult[];
  errors: string[];
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Failed requests are listed from the server's log instead (the missing favicon is not an error of ours).
  page.on("console", (message) => void (message.type() === "error" && !message.text().startsWith("Failed to load resource") && errors.push(message.text())));
  page.on("crash", () => errors.push("la page a planté"));
  return errors;
}

const notFound = (served: readonly ServedRequest[]) => served.filter(({path, status}) => status === 404 && path !== "/favicon.ico").map(({path}) => `404 ${path}`);

async function heapUsed(cdp: CDPSession | null): Promise<number | null> {
  if (!cdp) return null;
  const {metrics} = await cdp.send("Performance.getMetrics").catch(() => ({metrics: [] as {name: string; value: number}[]}));
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? null;
}

async function openCdp(context: BrowserContext, page: Page): Promise<CDPSession | null> {
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    return cdp;
  } catch {
    return null;
  }
}

function lastVisible(load: LoadTimes): number | null {
  const times = Object.values(load.targets).map((t) => t.ms);
  return times.some((t) => t === null) ? null : Math.max(...(times as number[]));
}

/** Chooses a control's option and waits (in the page) for every view to be redrawn. */
async function runStep(page: Page, step: Step, log: ServedRequest[], errors: string[]): Promise<StepResult> {
  const select = page.locator(`form.factsheet-controls select[name="${step.control}"]`);
  const value = step.value ?? (await select.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => o.value !== s.value)?.value ?? s.value));
  await evaluate(page, watchRedraw, {productPattern: step.productPattern ?? null, views: step.views});
  const from = log.length;
  await select.selectOption(value);
  const ended = await page.waitForFunction(pageScript(redrawEnded, undefined), undefined, {timeout: STEP_TIMEOUT, polling: 100}).then(() => true, () => false);
  const redraw = await evaluate(page, readRedraw, undefined);
  if (!ended) errors.push(`${step.name} : délai dépassé, vues non redessinées`);
  if (redraw.error) errors.push(`${step.name} : ${redraw.error}`);
  return {name: step.name, value, ms: redraw.error ? null : redraw.ms, engineReadyMs: redraw.engineReadyMs, transfer: await transferOf(log.slice(from))};
}

/** Loads the page, and waits for the charts its cells draw, if any; false: they were not all drawn in time. */
async function waitUntilLoaded(page: Page, url: string, spec: PageSpec, errors: string[]): Promise<boolean> {
  const timeout = spec.drawnCharts ? LOAD_TIMEOUT.baseline : LOAD_TIMEOUT.static;
  await page.goto(url, {waitUntil: "load", timeout});
  if (!spec.drawnCharts) return true;
  const drawn = {selector: spec.targets[0].selector, count: spec.drawnCharts};
  return page.waitForFunction(pageScript(chartsDrawn, drawn), undefined, {timeout, polling: 100}).then(
    () => true,
    () => (errors.push(`délai dépassé : graphiques incomplets (${spec.drawnCharts} attendus)`), false)
  );
}

async function visit(context: BrowserContext, baseUrl: string, spec: PageSpec, log: ServedRequest[], {interact}: {interact: boolean}): Promise<Visit> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(pageScript(installLoadTimer, spec.targets.map((t) => t.selector)));
  const from = log.length;
  try {
    const complete = await waitUntilLoaded(page, baseUrl + spec.path, spec, errors);
    const load = await evaluate(page, readLoadTimes, {targets: spec.targets, mustShow: spec.mustShow ?? null});
    for (const label of load.notShown) errors.push(`non affiché : ${label}`);
    const cdp = await openCdp(context, page);
    const heapBytes = await heapUsed(cdp);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    if (DWELL > 0) await page.waitForTimeout(DWELL); // a reader stays: late requests count before the first interaction
    const beforeInteraction = await transferOf(log.slice(from));
    const steps: StepResult[] = [];
    if (interact) for (const step of STEPS) steps.push(await runStep(page, step, log, errors));
    const heapAfterStepsBytes = steps.length ? await heapUsed(cdp) : null;
    errors.push(...notFound(log.slice(from)));
    return {lastVisibleMs: complete ? lastVisible(load) : null, load, heapBytes, heapAfterStepsBytes, beforeInteraction, steps, errors};
  } finally {
    await page.close();
  }
}

/** A fresh profile: the cold visit (with the controls, on a factsheet), then the warm one. */
async function coldThenWarm(baseUrl: string, spec: PageSpec, log: ServedRequest[]): Promise<{cold: Visit; warm: Visit}> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-bench-"));
  const context = await launchChromium(profile);
  try {
    const cold = await visit(context, baseUrl, spec, log, {interact: spec.kind === "factsheet"});
    const warm = await visit(context, baseUrl, spec, log, {interact: false});
    return {cold, warm};
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
}

// --- Summaries -------------------------------------------------------------------

const median = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  return present.length % 2 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
};

const withoutPaths = ({byPath, ...rest}: Transfer) => rest;

interface Summary {
  path: string;
  kind: PageKind;
  /** Medians over the runs. */
  cold: {lastVisibleMs: number | null; fcpMs: number | null; targets: Record<string, number | null>; heapBytes: number | null; heapAfterStepsBytes: number | null};
  warm: {lastVisibleMs: number | null; fcpMs: number | null};
  /** "10/20": displayed / in the page, for the first target (cold, run 1). */
  shown: string;
  /** Bytes: the first run's. */
  beforeInteraction: Omit<Transfer, "byPath">;
  beyondShared: {bytes: number; gzip: number; files: string[]};
  warmTransfer: Omit<Transfer, "byPath">;
  steps: {name: string; value: string; ms: number | null; engineReadyMs: number | null; transfer: Omit<Transfer, "byPath">}[];
}

function sharedFiles(visits: Map<string, {cold: Visit[]}>, paths: string[]): Set<string> {
  const requestedBy = (path: string) => new Set(visits.get(path)!.cold.flatMap((v) => Object.keys(v.beforeInteraction.byPath)));
  return paths.length > 1 ? paths.map(requestedBy).reduce((a, b) => new Set([...a].filter((x) => b.has(x)))) : new Set<string>();
}

function summarise(spec: PageSpec, {cold, warm}: {cold: Visit[]; warm: Visit[]}, shared: Set<string>): Summary {
  const first = cold[0];
  const beyond = Object.entries(first.beforeInteraction.byPath).filter(([path]) => !shared.has(path));
  const main = first.load.targets[spec.targets[0].name];
  return {
    path: spec.path,
    kind: spec.kind,
    cold: {
      lastVisibleMs: median(cold.map((v) => v.lastVisibleMs)),
      fcpMs: median(cold.map((v) => v.load.fcpMs)),
      targets: Object.fromEntries(spec.targets.map(({name}) => [name, median(cold.map((v) => v.load.targets[name]?.ms ?? null))])),
      heapBytes: median(cold.map((v) => v.heapBytes)),
      heapAfterStepsBytes: median(cold.map((v) => v.heapAfterStepsBytes))
    },
    warm: {lastVisibleMs: median(warm.map((v) => v.lastVisibleMs)), fcpMs: median(warm.map((v) => v.load.fcpMs))},
    shown: `${main.shown}/${main.total}`,
    beforeInteraction: withoutPaths(first.beforeInteraction),
    beyondShared: {
      bytes: beyond.reduce((sum, [, sent]) => sum + sent.bytes, 0),
      gzip: beyond.reduce((sum, [, sent]) => sum + sent.gzip, 0),
      files: beyond.map(([path]) => path)
    },
    warmTransfer: withoutPaths(warm[0].beforeInteraction),
    steps: first.steps.map((step, i) => ({
      name: step.name,
      value: step.value,
      ms: median(cold.map((v) => v.steps[i]?.ms ?? null)),
      engineReadyMs: median(cold.map((v) => v.steps[i]?.engineReadyMs ?? null)),
      transfer: withoutPaths(step.transfer)
    }))
  };
}

function baselineRatios(summaries: Summary[]): Record<string, number | null> | null {
  const baseline = summaries.find((s) => s.kind === "baseline");
  const aube = summaries.find((s) => s.path === AUBE);
  if (!baseline || !aube) return null;
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
  return {
    lastVisibleCold: ratio(baseline.cold.lastVisibleMs, aube.cold.lastVisibleMs),
    lastVisibleWarm: ratio(baseline.warm.lastVisibleMs, aube.warm.lastVisibleMs),
    gzipBeforeInteraction: ratio(baseline.beforeInteraction.gzip, aube.beforeInteraction.gzip),
    heap: ratio(baseline.cold.heapBytes, aube.cold.heapBytes)
  };
}

// --- Printing --------------------------------------------------------------------

const ms = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v)}`);
const kb = (v: number) => `${(v / 1000).toFixed(0)}`;
const mb = (v: number | null) => (v === null ? "—" : (v / 1e6).toFixed(1));
const size = (v: number) => (v < 10_000 ? `${v} o` : v < 10_000_000 ? `${kb(v)} ko` : `${mb(v)} Mo`);
const mark = (value: number | null, goal: number) => (value === null ? " ✗" : value <= goal ? " ✓" : " ✗");
const loadText = (load: number[]) => load.map((l) => l.toFixed(2)).join(" ");
const byTypeText = (transfer: Omit<Transfer, "byPath">) =>
  Object.entries(transfer.byType)
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([type, {bytes, gzip}]) => `${type} ${size(gzip)} (${size(bytes)})`)
    .join(", ") || "rien";

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const row of rows) console.log(line(row));
}

function summaryRow(s: Summary): string[] {
  const goals = s.kind !== "baseline";
  const goal = (text: string, value: number | null, limit: number) => text + (goals ? mark(value, limit) : "");
  const step = (i: number) => {
    const result = s.steps[i];
    if (!result) return "—";
    const engine = result.engineReadyMs === null ? "" : ` (moteur ${ms(result.engineReadyMs)})`;
    return ms(result.ms) + engine + mark(result.ms, STEPS[i].goalMs);
  };
  return [
    s.path,
    goal(ms(s.cold.lastVisibleMs), s.cold.lastVisibleMs, GOALS.lastVisibleColdMs),
    ms(s.warm.lastVisibleMs),
    ms(s.cold.fcpMs),
    s.shown,
    goal(`${kb(s.beforeInteraction.gzip)} (${kb(s.beforeInteraction.bytes)})`, s.beforeInteraction.gzip, GOALS.gzipBeforeInteraction),
    `${kb(s.beyondShared.gzip)} (${kb(s.beyondShared.bytes)})`,
    goal(`${size(bytesBeyondHtml(s.warmTransfer))}, ${s.warmTransfer.requests} req.`, bytesBeyondHtml(s.warmTransfer), GOALS.warmBytesBeyondHtml),
    step(0),
    step(1),
    step(2),
    `${mb(s.cold.heapBytes)}${s.cold.heapAfterStepsBytes === null ? "" : ` → ${mb(s.cold.heapAfterStepsBytes)}`}`
  ];
}

function printSummaries(summaries: Summary[], shared: Set<string>, ratios: ReturnType<typeof baselineRatios>): void {
  console.log(`\nMédianes sur ${RUNS} passage(s), ms depuis la navigation (interactions : depuis le changement) ; ✓/✗ : objectifs de l'issue`);
  console.log(
    `Objectifs : fiche et accueil à froid, tout visible ≤ ${GOALS.lastVisibleColdMs} ms et ≤ ${kb(GOALS.gzipBeforeInteraction)} ko gzip avant toute interaction ; ` +
      `visite chaude : rien que le HTML revalidé ; premier résultat interactif ≤ ${GOALS.firstInteractionMs / 1000} s à froid (moteur compris), suivants ≤ ${GOALS.nextInteractionMs} ms`
  );
  const header = ["page", "tout visible froid", "chaud", "FCP froid", "visibles / dans la page", "avant interaction ko gz (brut)", "hors partagé ko gz (brut)", "chaud hors HTML", ...STEPS.map((s, i) => (i === 0 ? `→ ${s.name} (moteur prêt)` : `→ ${s.name}`)), "tas Mo (→ après)"];
  printTable(header, summaries.map(summaryRow));
  for (const s of summaries.filter((s) => s.kind === "home")) {
    console.log(`Accueil, froid : ${Object.entries(s.cold.targets).map(([name, t]) => `${name} ${ms(t)} ms`).join(", ")}`);
  }
  console.log(`\nFichiers demandés par toutes les pages mesurées (hors référence) : ${shared.size}. Octets avant interaction par type, gzip (brut), passage 1 :`);
  for (const s of summaries) console.log(`  ${s.path.padEnd(20)} ${byTypeText(s.beforeInteraction)}`);
  console.log("Octets de chaque interaction, gzip (brut), passage 1 :");
  for (const s of summaries.filter((s) => s.steps.length)) {
    console.log(`  ${s.path.padEnd(20)} ${s.steps.map((step) => `${step.name} → ${step.value} : ${size(step.transfer.gzip)} (${size(step.transfer.bytes)}) [${byTypeText(step.transfer)}]`).join(" ; ")}`);
  }
  if (ratios) {
    const x = (v: number | null) => (v === null ? "—" : `× ${v.toFixed(1)}`);
    console.log(
      `\nRéférence naïve / fiche de l'Aube : tout visible froid ${x(ratios.lastVisibleCold)}, chaud ${x(ratios.lastVisibleWarm)}, ` +
        `octets gz avant interaction ${x(ratios.gzipBeforeInteraction)}, tas JS ${x(ratios.heap)}`
    );
  }
}

/** Whether the baseline page was built; fails when there is no built site (building is left to the reader: a build may be under way). */
function ensureBuilt(): boolean {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST}/ ne contient pas de site construit (ou une construction est en cours) : lancez BENCH_PAGES=1 npm run build, puis npm run bench.`);
  const baseline = existsSync(join(DIST, `${BASELINE.path.slice(1)}.html`));
  if (!baseline) console.log(`${BASELINE.path} absent de ${DIST}/ (la construction ne la garde qu'avec BENCH_PAGES=1 npm run build) : référence naïve non mesurée.`);
  return baseline;
}

function progressLine(run: number, spec: PageSpec, {cold, warm}: {cold: Visit; warm: Visit}): string {
  const steps = cold.steps.length ? `, interactions ${cold.steps.map((s) => ms(s.ms)).join("/")} ms` : "";
  const errors = [...cold.errors, ...warm.errors];
  return `  passage ${run} ${spec.path.padEnd(20)} froid ${ms(cold.lastVisibleMs)} ms, chaud ${ms(warm.lastVisibleMs)} ms${steps}${errors.length ? ` — erreurs : ${errors.join(" | ")}` : ""}`;
}

// ---------------------------------------------------------------------------

const hasBaseline = ensureBuilt();
const pages = PAGES.filter((p) => p.kind !== "baseline" || hasBaseline);
const loadBefore = loadavg();
console.log(`${RUNS} passage(s) × ${pages.length} pages, froid puis chaud ; en-têtes de cache ${CACHE_HEADERS ? "oui" : "non"} ; charge moyenne ${loadText(loadBefore)}`);

const log: ServedRequest[] = [];
const server = await startStaticServer({root: DIST, cacheHeaders: CACHE_HEADERS, onRequest: (entry) => log.push(entry)});
const visits = new Map<string, {cold: Visit[]; warm: Visit[]}>(pages.map((p) => [p.path, {cold: [], warm: []}]));
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const spec of pages) {
      const pair = await coldThenWarm(server.url, spec, log);
      visits.get(spec.path)!.cold.push(pair.cold);
      visits.get(spec.path)!.warm.push(pair.warm);
      console.log(progressLine(run, spec, pair));
    }
  }
} finally {
  await server.close();
}

const shared = sharedFiles(visits, pages.filter((p) => p.kind !== "baseline").map((p) => p.path));
const summaries = pages.map((spec) => summarise(spec, visits.get(spec.path)!, shared));
const ratios = baselineRatios(summaries);
const loadAfter = loadavg();
printSummaries(summaries, shared, ratios);
console.log(`Charge moyenne : ${loadText(loadBefore)} au départ, ${loadText(loadAfter)} à la fin.`);

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
      baselineRatios: ratios,
      visits: Object.fromEntries(visits)
    },
    (key, value) => (key === "byPath" ? undefined : value),
    2
  )
);
console.log(`Résultats : ${OUT}`);
