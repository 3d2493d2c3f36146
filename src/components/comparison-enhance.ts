/**
 * What the comparison page's JavaScript does at load (/comparer, printed by
 * src/factsheet/comparison.ts): little. The page holds the default
 * comparison in its HTML (key figures, both territories' partner charts and
 * treemaps, drawn at build time); this module, light on purpose (no engine,
 * no chart library), shows the territory choice and checks the pair the URL
 * asks for. An unknown code or the same territory twice shows a message and
 * no comparison. Another valid pair, from the URL or the choice, loads
 * DuckDB-WASM and the chart code (./comparison-live.ts, a dynamic import:
 * nothing of it is fetched before) and draws it in place; the choice is
 * written in the URL (?a=D10&b=R44), so a link reopens the same comparison.
 */
import {pairError, readPair, samePair, writePair, type Pair, type PairRequest} from "./comparison-pair.js";
import type {ViewTerritory} from "./factsheet-views.js";
import {liveQueue} from "./live-queue.js";

/** A territory the page can compare: as the views name it, its files' stem and its factsheet's address. */
export interface ComparisonTerritory extends ViewTerritory {
  fileStem: string;
  /** Relative to the page: "./departements/10". */
  href: string;
}

export interface ComparisonConfig {
  /** The year shown (the build's). */
  year: number;
  /** The pair drawn at build time. */
  pair: Pair;
  /** Every territory the page can compare, by id. */
  territories: Record<string, ComparisonTerritory>;
}

/** The files the live comparison reads: every territory's slice by id, the overview and the label tables. */
export interface ComparisonSources {
  slices: Record<string, string>;
  overview: string;
  products: string;
  countries: string;
}

type Live = typeof import("./comparison-live.js");

export function enhanceComparison(config: ComparisonConfig, sources: ComparisonSources, doc: Document = document): void {
  const view = doc.defaultView!;
  const known = (id: string) => Object.hasOwn(config.territories, id) && Object.hasOwn(sources.slices, id);
  const form = doc.querySelector<HTMLFormElement>("form.comparison-controls");
  const status = form?.querySelector<HTMLElement>(".controls-status");
  const comparison = doc.querySelector<HTMLElement>(".comparison");
  const message = doc.querySelector<HTMLElement>(".comparison-error");
  const live = liveQueue<Live>(() => import("./comparison-live.js"), status, {failure: "La comparaison n'a pas pu être calculée"});
  /** What the comparison block holds, and the last pair asked for. */
  let drawn = config.pair;
  let wanted = config.pair;

  const setStale = (stale: boolean) => {
    comparison?.classList.toggle("comparison-stale", stale);
    if (stale) comparison?.setAttribute("aria-busy", "true");
    else comparison?.removeAttribute("aria-busy");
  };

  const show = (request: PairRequest) => {
    if (message) {
      message.textContent = request.error ?? "";
      message.hidden = !request.error;
    }
    if (comparison) comparison.hidden = Boolean(request.error);
    if (request.error) return;
    const pair = request.pair;
    wanted = pair;
    if (samePair(pair, drawn)) {
      setStale(false);
      return;
    }
    // Until the new pair is drawn, the one on screen is marked as not the reader's choice.
    setStale(true);
    void live.run("Calcul en cours…", async (module) => {
      await module.showPair(config, sources, pair, doc);
      drawn = pair;
      if (samePair(wanted, drawn)) setStale(false);
    });
  };

  const request = readPair(view.location.search, known, config.pair);
  if (form) {
    const select = (name: "a" | "b") => form.elements.namedItem(name) as HTMLSelectElement | null;
    for (const key of ["a", "b"] as const) {
      // An unknown code is not an option: that side keeps the page's default, the message names the code.
      if (known(request.pair[key])) select(key)!.value = request.pair[key];
    }
    form.hidden = false;
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", () => {
      const pair = {a: select("a")!.value, b: select("b")!.value};
      view.history.replaceState(view.history.state, "", `${view.location.pathname}${writePair(view.location.search, pair)}${view.location.hash}`);
      const error = pairError(pair, known);
      show(error ? {pair, error} : {pair});
    });
  }
  show(request);
}
