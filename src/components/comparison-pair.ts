/**
 * Which two territories the comparison page (/comparer) shows, and how that
 * choice is written in its URL (?a=D10&b=R44). A light module (no engine, no
 * chart code): the page's script (./comparison-enhance.ts) and the build
 * (src/factsheet/comparison.ts) share it. Everything read from the URL is
 * checked against the territories the build knows, never trusted.
 */

export interface Pair {
  a: string;
  b: string;
}

/** The comparison the page is built with, when its URL asks for nothing else. */
export const DEFAULT_PAIR: Pair = {a: "D10", b: "R44"};

const KEYS = ["a", "b"] as const;

/** The pair the URL asks for, each side checked; a side it does not name is the default's. */
export type PairRequest = {pair: Pair; error?: undefined} | {pair: Pair; error: string};

const EXPECTED =
  "Les codes attendus : D suivi du numéro du département (D10, D974), R suivi du code de la région (R44), ou FR pour la France.";

/** The message for a pair that cannot be compared, or undefined when it can. */
export function pairError(pair: Pair, known: (id: string) => boolean): string | undefined {
  const unknown = KEYS.filter((key) => !known(pair[key]));
  if (unknown.length) {
    const named = unknown.map((key) => `« ${pair[key]} » (territoire ${key.toUpperCase()})`);
    return `${unknown.length > 1 ? "Territoires inconnus" : "Territoire inconnu"} : ${named.join(" et ")}. ${EXPECTED}`;
  }
  if (pair.a === pair.b) return `Les deux territoires choisis sont les mêmes (« ${pair.a} ») : choisissez deux territoires différents.`;
  return undefined;
}

/**
 * Reads `a` and `b` ("D10", "r44", "FR"; case and spaces do not matter) from
 * a query string. An unknown code or the same territory twice gives an error
 * naming it: the page then shows the message and no comparison.
 */
export function readPair(search: string, known: (id: string) => boolean, fallback: Pair = DEFAULT_PAIR): PairRequest {
  const params = new URLSearchParams(search);
  const side = (key: "a" | "b") => params.get(key)?.trim().toUpperCase() || fallback[key];
  const pair = {a: side("a"), b: side("b")};
  const error = pairError(pair, known);
  return error ? {pair, error} : {pair};
}

/** "?a=D10&b=R44", the page's other parameters kept. */
export function writePair(search: string, pair: Pair): string {
  const params = new URLSearchParams(search);
  params.set("a", pair.a);
  params.set("b", pair.b);
  return `?${params.toString()}`;
}

export const samePair = (x: Pair, y: Pair) => x.a === y.a && x.b === y.b;
