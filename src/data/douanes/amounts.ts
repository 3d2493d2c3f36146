/**
 * Amounts: the customs publish thousands of euros with three decimals, i.e.
 * whole euros. Converting through floating point (1234.567 * 1000) can land
 * one ulp off, so a value is parsed to an integer count of thousandths of its
 * unit: "1234,567" k€ → 1 234 567 €, exactly.
 */
import type {Cell} from "./table.js";

export type AmountUnit = "k€" | "€";

export type AmountResult = {ok: true; thousandths: number} | {ok: false; reason: AmountProblem};

export type AmountProblem =
  | "valeur vide"
  | "valeur non numérique"
  | "valeur négative"
  | "valeur confidentielle (secret statistique)"
  | "plus de trois décimales"
  | "valeur trop grande"
  | typeof AMBIGUOUS_GROUPING;

/**
 * « 1.234.567 » or « 1,234.5 »: a point or comma between thousands, another
 * locale's way of writing. Which mark is the decimal one cannot be told for
 * sure from one value (« 1,234 » reads 1.234 in French), and a wrong guess is
 * off by a thousand: the file is refused (records.ts), never guessed.
 */
export const AMBIGUOUS_GROUPING = "séparateur de milliers « . » ou « , » (autre convention d'écriture des nombres)";

/** Markers used for confidential cells in French statistical files. */
const CONFIDENTIAL = new Set(["s", "c", "nd", "n d", "secret", "conf", "confidentiel", "x", "*"]);

const SPACES = /[\s\u00a0\u202f']/g;

function fromDecimalString(raw: string): AmountResult {
  let text = raw.replace(SPACES, "");
  if (text === "" || text === "-") return {ok: false, reason: "valeur vide"};
  if (CONFIDENTIAL.has(raw.trim().toLowerCase())) return {ok: false, reason: "valeur confidentielle (secret statistique)"};
  // One decimal mark at most (spaces, narrow spaces and apostrophes group thousands).
  if (/^[+-]?\d+(?:[.,]\d+){2,}$/.test(text)) return {ok: false, reason: AMBIGUOUS_GROUPING};
  text = text.replace(",", ".");
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return {ok: false, reason: "valeur non numérique"};
  const [, sign, integerDigits, fractionDigits = ""] = match;
  const fraction = fractionDigits.replace(/0+$/, "");
  if (fraction.length > 3) return {ok: false, reason: "plus de trois décimales"};
  const thousandths = Number(integerDigits) * 1000 + Number(fraction.padEnd(3, "0"));
  if (!Number.isSafeInteger(thousandths)) return {ok: false, reason: "valeur trop grande"};
  if (sign === "-" && thousandths !== 0) return {ok: false, reason: "valeur négative"};
  return {ok: true, thousandths};
}

function fromNumber(value: number): AmountResult {
  if (!Number.isFinite(value)) return {ok: false, reason: "valeur non numérique"};
  if (value < 0) return {ok: false, reason: "valeur négative"};
  const scaled = value * 1000;
  const thousandths = Math.round(scaled);
  if (!Number.isSafeInteger(thousandths)) return {ok: false, reason: "valeur trop grande"};
  // Binary floating point leaves tiny residues (1234.567 * 1000 = 1234566.9999999998);
  // anything beyond that is a genuine fourth decimal.
  if (Math.abs(scaled - thousandths) > 1e-6 * Math.max(1, thousandths)) return {ok: false, reason: "plus de trois décimales"};
  return {ok: true, thousandths};
}

/** A cell as an integer number of thousandths of its unit. */
export function parseThousandths(cell: Cell): AmountResult {
  if (cell === null) return {ok: false, reason: "valeur vide"};
  if (typeof cell === "number") return fromNumber(cell);
  if (typeof cell === "boolean") return {ok: false, reason: "valeur non numérique"};
  return fromDecimalString(cell);
}

/** Euros from thousandths of the file's unit: exact for k€, cents kept for €. */
export function thousandthsToEuros(thousandths: number, unit: AmountUnit): number {
  return unit === "k€" ? thousandths : thousandths / 1000;
}
