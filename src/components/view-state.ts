/**
 * What a reader can change on a factsheet — the year, the product level, the
 * size of the Sankeys and which flows' Sankeys show — and how that choice is
 * written in the URL (?annee=2023&niveau=cpf4&n=15&flux=exportations). A light module (no engine, no chart code):
 * the page's script (./factsheet-enhance.ts), the views (./factsheet-views.ts)
 * and the build (src/factsheet/) share it.
 */
import type {ProductLevel} from "../data/canonical.js";


/** NA 2008 A129 (the reference's « activités ») or CPF4 below it. */
export const PRODUCT_LEVELS: readonly ProductLevel[] = ["a129", "cpf4"];
/** How many products and countries a Sankey names on each side. */
export const SANKEY_SIZES: readonly number[] = [10, 15, 20];

/** Which flows' Sankeys a page shows: both, as the reference does, or one; its word in the URL. */
export const FLOW_CHOICES = {both: "", export: "exportations", import: "importations"} as const;
export type FlowChoice = keyof typeof FLOW_CHOICES;

export interface ViewState {
  year: number;
  level: ProductLevel;
  n: number;
  flows: FlowChoice;
}

/** The state a page is built in: its year, A129, the reference's ten, both flows. */
export const defaultState = (year: number): ViewState => ({year, level: PRODUCT_LEVELS[0], n: SANKEY_SIZES[0], flows: "both"});

const flowsOfWord = (word: string | null): FlowChoice | undefined =>
  (Object.keys(FLOW_CHOICES) as FlowChoice[]).find((choice) => choice !== "both" && FLOW_CHOICES[choice] === word);

/** The state the URL asks for, each value checked (a year among the complete ones), else the page's default. */
export function stateFromSearch(search: string, {year, years}: {year: number; years: readonly number[]}): ViewState {
  const params = new URLSearchParams(search);
  const fallback = defaultState(year);
  const asked = {year: Number(params.get("annee")), level: params.get("niveau") as ProductLevel, n: Number(params.get("n"))};
  return {
    year: years.includes(asked.year) ? asked.year : fallback.year,
    level: PRODUCT_LEVELS.includes(asked.level) ? asked.level : fallback.level,
    n: SANKEY_SIZES.includes(asked.n) ? asked.n : fallback.n,
    flows: flowsOfWord(params.get("flux")) ?? fallback.flows
  };
}

/** The query string of a state: only what differs from the page's default, so the plain address stays plain. */
export function searchOfState(state: ViewState, defaultYear: number): string {
  const fallback = defaultState(defaultYear);
  const params = new URLSearchParams();
  if (state.year !== fallback.year) params.set("annee", String(state.year));
  if (state.level !== fallback.level) params.set("niveau", state.level);
  if (state.n !== fallback.n) params.set("n", String(state.n));
  if (state.flows !== fallback.flows) params.set("flux", FLOW_CHOICES[state.flows]);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether the page's drawings (built in the default state) differ from what `state` asks: the flows shown need no query. */
export const needsRedraw = (state: ViewState, defaultYear: number) => searchOfState({...state, flows: "both"}, defaultYear) !== "";
