/**
 * The factsheet's live views: loaded by the first control a reader uses
 * (./factsheet-enhance.ts), never before. It opens the page's slices in
 * DuckDB-WASM and draws views again with the same queries and components the
 * build used (./factsheet-views.ts), in the slots the HTML already has.
 */
import {chartData} from "./chart-data.js";
import {makeSortable} from "./data-table.js";
import {addChartActions, type FactsheetConfig} from "./factsheet-enhance.js";
import {openFactsheetData, sliceTableNames, type FactsheetSources} from "./factsheet-data.js";
import {isViewKind} from "./chart-kinds.js";
import {drawView, PARTNER_COLUMNS, viewChanges, type Drawn} from "./factsheet-views.js";
import {defaultState, searchOfState, type ViewState} from "./view-state.js";
import {flowLabel} from "./palette.js";
import {LABELS, productDetail, productsByFlow, stackSlices, topPartners} from "../queries/queries.js";
import {type Flow} from "../data/canonical.js";
import {type Run} from "../data/run.js";

let engine: Promise<Run> | undefined;
/** The page's data, opened once (DuckDB-WASM itself is one instance per page, see ./duckdb.ts). */
const open = (sources: FactsheetSources) => (engine ??= openFactsheetData(sources));

let stackedLevel: ViewState["level"] | undefined;

/** The engine with `slice` at `level` (stacked again only when the level changes). */
async function openAt(sources: FactsheetSources, level: ViewState["level"]): Promise<Run> {
  const run = await open(sources);
  if (stackedLevel !== level) {
    await stackSlices(run, sliceTableNames(sources), level);
    stackedLevel = level;
  }
  return run;
}

/** The engine with `slice` at `level`, and the territory a slot shows (undefined for a slot of no known territory). */
async function openFor(config: FactsheetConfig, sources: FactsheetSources, slot: HTMLElement, level: ViewState["level"]) {
  return {run: await openAt(sources, level), territory: config.territories[slot.dataset.territory ?? ""]};
}

/** The state each slot shows: the page's default until drawn live. */
const shownBySlot = new WeakMap<HTMLElement, ViewState>();

/** What each live slot shows, kept to redraw its charts at another width without a query. */
const drawnBySlot = new WeakMap<HTMLElement, Drawn>();
let resizeListening = false;

function replaceChildren(parent: Element | null, children: readonly Element[]): void {
  parent?.replaceChildren(...children);
}

/** The width the slot's charts are drawn at: the column's. */
const slotWidth = (slot: HTMLElement) => Math.max(280, Math.floor(slot.clientWidth || slot.getBoundingClientRect().width || 640));

function drawCharts(slot: HTMLElement, drawn: Drawn): void {
  const charts = drawn.charts(slotWidth(slot));
  const wide = slot.querySelector(".view-wide");
  if (!wide) return;
  const wrappers = [...wide.querySelectorAll<HTMLElement>(":scope > .view-chart")];
  charts.forEach((chart, i) => {
    let wrapper = wrappers[i];
    if (!wrapper) {
      wrapper = slot.ownerDocument.createElement("div");
      wrapper.className = "view-chart";
      wide.append(wrapper);
    }
    wrapper.replaceChildren(chart);
  });
  slot.querySelector(".view-narrow")?.replaceChildren();
}

function listenToResize(doc: Document): void {
  if (resizeListening) return;
  resizeListening = true;
  let timer: number | undefined;
  doc.defaultView?.addEventListener("resize", () => {
    doc.defaultView?.clearTimeout(timer);
    timer = doc.defaultView?.setTimeout(() => {
      for (const slot of doc.querySelectorAll<HTMLElement>(".view.view-live")) {
        const drawn = drawnBySlot.get(slot);
        if (drawn) drawCharts(slot, drawn);
      }
    }, 200);
  });
}

/**
 * Puts a view drawn live in its slot: what goes above, its charts at the
 * column's width (drawn again when the window is resized), what goes below;
 * a detail or a full table shown for the previous drawing goes.
 */
export function fillSlot(slot: HTMLElement, drawn: Drawn): void {
  replaceChildren(slot.querySelector(".view-before"), drawn.before);
  drawCharts(slot, drawn);
  replaceChildren(slot.querySelector(".view-after"), drawn.after);
  slot.querySelector(".view-detail")?.remove();
  slot.querySelector(".view-all")?.remove();
  slot.classList.add("view-live");
  drawnBySlot.set(slot, drawn);
  listenToResize(slot.ownerDocument);
}

/** Draws again, in place, from the page's slices, every view of the page that shows something else for `state`. */
export async function showState(config: FactsheetConfig, sources: FactsheetSources, state: ViewState, doc: Document = document): Promise<void> {
  const run = await openAt(sources, state.level);
  for (const slot of doc.querySelectorAll<HTMLElement>(".view[data-view]")) {
    const kind = slot.dataset.view ?? "";
    const territory = config.territories[slot.dataset.territory ?? ""];
    if (!isViewKind(kind) || !territory) continue;
    if (!viewChanges(kind, shownBySlot.get(slot) ?? defaultState(config.year), state)) continue;
    shownBySlot.set(slot, state);
    fillSlot(slot, await drawView(kind, run, territory, state, {document: doc, fileStem: territory.fileStem}));
    // What the slot now shows, in the URL's words: a mark the benchmark (and a curious reader) can read.
    slot.dataset.shownState = searchOfState(state, config.year) || "?";
    // The actions name their files after the year: made again.
    slot.querySelector(".view-actions")?.remove();
    addChartActions(slot, config, () => state.year);
  }
  for (const year of doc.querySelectorAll(".shown-year")) year.textContent = String(state.year);
}

/** Under a treemap or a Sankey, the CPF4 products of the activity `code` for `flow`, as a table with its CSV. */
export async function showDetail(
  config: FactsheetConfig,
  sources: FactsheetSources,
  state: ViewState,
  {slot, code, flow}: {slot: HTMLElement; code: string; flow: Flow}
): Promise<void> {
  const {run, territory} = await openFor(config, sources, slot, "a129");
  if (!territory) return;
  const rows = await productDetail(run, {territory: territory.id, year: state.year, flow, a129: code});
  const [label] = await run<{name: string}>(`SELECT name FROM ${LABELS("products")} WHERE code = $1`, [code]);
  const doc = slot.ownerDocument;
  const section = doc.createElement("section");
  section.className = "view-detail";
  const heading = doc.createElement("h4");
  heading.tabIndex = -1;
  heading.textContent = `${label?.name ?? code} (${code}) : produits de la nomenclature CPF4, ${flowLabel(flow).toLowerCase()} ${state.year}`;
  const table = chartData(
    rows,
    [
      {key: "code", label: "Code CPF4"},
      {key: "name", label: "Produit"},
      {key: "value", label: "Valeur", format: "millionEuros", csvDecimals: 0},
      {key: "share", label: "Part de l'activité", format: "percent", csvDecimals: 4}
    ],
    {summary: `Les ${rows.length} produits de l'activité (tableau)`, fileName: `${territory.fileStem}-${code}-${flow}-${state.year}.csv`, document: doc}
  );
  table.querySelector("details")?.setAttribute("open", "");
  section.append(heading, table);
  slot.querySelector(".view-detail")?.remove();
  (slot.querySelector(".view-actions") ?? slot.querySelector(".view-charts"))?.after(section);
  heading.focus();
}

/** More than any territory has: the whole list. */
const EVERY = 100_000;

/** Under the partner chart or the treemap, every partner or every product of the territory, in a sortable table with its CSV. */
export async function showAll(config: FactsheetConfig, sources: FactsheetSources, state: ViewState, slot: HTMLElement): Promise<void> {
  const {run, territory} = await openFor(config, sources, slot, state.level);
  if (!territory) return;
  const doc = slot.ownerDocument;
  const block = doc.createElement("section");
  block.className = "view-all";
  let table: HTMLElement;
  if (slot.dataset.view === "partenaires") {
    const rows = await topPartners(run, {territory: territory.id, year: state.year, n: EVERY});
    table = chartData(rows, PARTNER_COLUMNS, {summary: `Les ${rows.length} pays partenaires, ${state.year} (tableau triable)`, fileName: `${territory.fileStem}-tous-les-pays-${state.year}.csv`, document: doc});
    makeSortable(table.querySelector("details")!, rows, PARTNER_COLUMNS);
  } else {
    const rows = (await productsByFlow(run, {territory: territory.id, year: state.year, n: EVERY})).map((row) => ({...row, flowName: row.flow === "export" ? "Exportations" : "Importations"}));
    const columns = [
      {key: "flowName" as const, label: "Flux"},
      {key: "product" as const, label: state.level === "a129" ? "Code A129" : "Code CPF4"},
      {key: "productName" as const, label: "Produit"},
      {key: "value" as const, label: "Valeur", format: "millionEuros" as const, csvDecimals: 0},
      {key: "share" as const, label: "Part du flux", format: "percent" as const, csvDecimals: 4}
    ];
    table = chartData(rows, columns, {summary: `Les ${rows.length} produits, ${state.year} (tableau triable)`, fileName: `${territory.fileStem}-tous-les-produits-${state.year}.csv`, document: doc});
    makeSortable(table.querySelector("details")!, rows, columns);
  }
  table.querySelector("details")?.setAttribute("open", "");
  block.append(table);
  slot.querySelector(".view-all")?.remove();
  slot.querySelector(".view-after")?.after(block);
  block.querySelector<HTMLElement>("summary")?.focus();
}
