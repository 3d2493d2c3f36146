/**
 * What a factsheet's JavaScript does at load: little. The page is complete in
 * its HTML (every view drawn at build time); this module, light on purpose
 * (no engine, no chart library), adds the chart actions (images, embed code)
 * and shows the controls. The first control used loads DuckDB-WASM and the
 * chart code (./factsheet-live.ts, a dynamic import: nothing of it is
 * fetched before) and draws the views again for the reader's choice; the
 * choice is written in the URL, so a link reopens the same view.
 */
import {chartActions} from "./chart-export.js";
import {isViewKind, VIEW_CHARTS} from "./chart-kinds.js";
import type {FactsheetSources} from "./factsheet-data.js";
import type {ViewTerritory} from "./factsheet-views.js";
import {liveQueue} from "./live-queue.js";
import {needsRedraw, searchOfState, stateFromSearch, type FlowChoice, type ViewState} from "./view-state.js";
import type {ProductLevel} from "../data/canonical.js";

export interface FactsheetConfig {
  /** The page's territory id: "D10". */
  territory: string;
  /** The year drawn at build time, and every complete year. */
  year: number;
  years: number[];
  /** "Source : DGDDI / DSECE, 2024", written under exported images. */
  credit: string;
  /** The embed view's address, relative to the page. */
  embedBase: string;
  /** Every territory whose views the page shows, by id. */
  territories: Record<string, ViewTerritory & {fileStem: string}>;
}

type Live = typeof import("./factsheet-live.js");

/** Adds the image and embed actions of each chart of a slot, once (a redraw keeps them: they look the chart up when pressed). */
export function addChartActions(slot: HTMLElement, config: FactsheetConfig, year: () => number): void {
  const view = slot.dataset.view ?? "";
  const kinds = isViewKind(view) ? VIEW_CHARTS[view] : undefined;
  const territory = config.territories[slot.dataset.territory ?? ""];
  if (!kinds || !territory || slot.querySelector(".view-actions")) return;
  const wrappers = [...slot.querySelectorAll<HTMLElement>(".view-wide > .view-chart")];
  const actions = slot.ownerDocument.createElement("div");
  actions.className = "view-actions";
  wrappers.forEach((wrapper, i) => {
    const kind = kinds[i];
    if (!kind) return;
    const block = chartActions(wrapper, {
      // Read when the actions are made: a year change makes them again (see factsheet-live.ts).
      fileName: `${territory.fileStem}-${kind}-${year()}`,
      embedHref: `${config.embedBase}?territoire=${encodeURIComponent(territory.id)}&graphique=${kind}`,
      credit: config.credit,
      document: slot.ownerDocument
    });
    block.dataset.chart = kind;
    actions.append(block);
  });
  slot.querySelector(".view-charts")?.after(actions);
}

export function enhanceFactsheet(config: FactsheetConfig, sources: FactsheetSources, doc: Document = document): void {
  const view = doc.defaultView!;
  let state = stateFromSearch(view.location.search, config);
  const slots = () => [...doc.querySelectorAll<HTMLElement>(".view[data-view]")];
  for (const slot of slots()) addChartActions(slot, config, () => state.year);

  const form = doc.querySelector<HTMLFormElement>("form.factsheet-controls");
  const status = form?.querySelector<HTMLElement>(".controls-status");
  const live = liveQueue<Live>(() => import("./factsheet-live.js"), status, {failure: "Ces vues n'ont pas pu être recalculées"});

  /** Draws the page for `next`. */
  const show = (next: ViewState) => {
    state = next;
    return live.run("Calcul en cours…", (module) => module.showState(config, sources, next, doc));
  };

  // The flows shown need no query: the page holds both flows' Sankeys, the CSS hides one (html[data-flux]).
  const showFlows = (flows: FlowChoice) => {
    if (flows === "both") delete doc.documentElement.dataset.flux;
    else doc.documentElement.dataset.flux = flows;
  };
  showFlows(state.flows);

  if (form) {
    form.hidden = false;
    const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | null;
    const sync = () => {
      select("annee")!.value = String(state.year);
      select("niveau")!.value = state.level;
      select("n")!.value = String(state.n);
      select("flux")!.value = state.flows;
    };
    sync();
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", () => {
      const next: ViewState = {
        year: Number(select("annee")!.value),
        level: select("niveau")!.value as ProductLevel,
        n: Number(select("n")!.value),
        flows: select("flux")!.value as FlowChoice
      };
      view.history.replaceState(view.history.state, "", `${view.location.pathname}${searchOfState(next, config.year)}${view.location.hash}`);
      showFlows(next.flows);
      const redraw = next.year !== state.year || next.level !== state.level || next.n !== state.n;
      if (redraw) void show(next);
      else state = next;
    });
  }

  // A click on an activity (treemap cell, Sankey product node) shows its CPF4 products.
  doc.addEventListener("click", (event) => {
    const target = event.target as Element | null;
    const cell = target?.closest?.<SVGElement>(".view[data-view='activites'] [data-product]");
    const node = target?.closest?.<SVGElement>(".view[data-view='exportations'] g.node[data-side='left'], .view[data-view='importations'] g.node[data-side='right']");
    const element = cell ?? node;
    if (!element || state.level !== "a129") return;
    const slot = element.closest<HTMLElement>(".view")!;
    const code = element.getAttribute(cell ? "data-product" : "data-code");
    const flow = cell ? element.closest("[data-flow]")?.getAttribute("data-flow") : slot.dataset.view === "exportations" ? "export" : "import";
    if (!code || code === "_AUTRES" || (flow !== "export" && flow !== "import")) return;
    void live.run("", (module) => module.showDetail(config, sources, state, {slot, code, flow}));
  });

  // Every partner, every product: a button under the partner chart and under the treemap.
  for (const slot of slots().filter((s) => (s.dataset.view === "partenaires" || s.dataset.view === "activites") && s.dataset.territory === config.territory)) {
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "show-all";
    button.textContent = slot.dataset.view === "partenaires" ? "Tous les pays partenaires (tableau triable)" : "Tous les produits (tableau triable)";
    button.addEventListener("click", () => {
      void live.run("", (module) => module.showAll(config, sources, state, slot));
    });
    slot.querySelector(".view-after")?.after(button);
  }

  if (needsRedraw(state, config.year)) void show(state);
}
