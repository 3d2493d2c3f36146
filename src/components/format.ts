/**
 * The one formatting module: every chart, table and sentence formats numbers
 * through it, so the whole site speaks the same French.
 *
 * French conventions: narrow no-break space (U+202F) between thousands, comma
 * for decimals, and a no-break space (U+00A0) before a unit or "%" so that a
 * figure never wraps away from its unit.
 */
export const THOUSANDS_SEPARATOR = "\u202f";
export const UNIT_SPACE = "\u00a0";
export const MINUS = "\u2212"; // typographic minus, wider and clearer than "-"

function groupThousands(integerPart: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
}

/** A number with a fixed count of decimals, French style: 1822.34 → "1 822,3". */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return "–";
  const fixed = Math.abs(value).toFixed(decimals);
  const [integerPart, fraction] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? MINUS : "";
  return sign + groupThousands(integerPart) + (fraction ? "," + fraction : "");
}

/** Same as formatNumber, with an explicit "+" for positive values (balances). */
export function formatSigned(value: number, decimals = 0): string {
  const text = formatNumber(value, decimals);
  return value > 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? "+" + text : text;
}

/** Euros → "1 822,3 M€" (millions, one decimal, as in the reference factsheet). */
export function formatMillionEuros(euros: number, decimals = 1): string {
  return formatNumber(euros / 1e6, decimals) + UNIT_SPACE + "M€";
}

/** Euros → "+124,9 M€" / "−124,9 M€", for balances. */
export function formatSignedMillionEuros(euros: number, decimals = 1): string {
  return formatSigned(euros / 1e6, decimals) + UNIT_SPACE + "M€";
}

/** Euros → "580,4 Md€" (billions), for national headlines. */
export function formatBillionEuros(euros: number, decimals = 1): string {
  return formatNumber(euros / 1e9, decimals) + UNIT_SPACE + "Md€";
}

/** Kilograms → "12 345 t" (tonnes, no decimal; "< 1 t" for a positive mass under half a tonne). */
export function formatTonnes(kg: number): string {
  if (kg > 0 && kg < 500) return "<" + UNIT_SPACE + "1" + UNIT_SPACE + "t";
  return formatNumber(kg / 1000, 0) + UNIT_SPACE + "t";
}

/** Euros per kilogram → "28,40 €/kg" (two decimals under 100 €/kg, none above). */
export function formatEurosPerKg(eurosPerKg: number): string {
  return formatNumber(eurosPerKg, Math.abs(eurosPerKg) < 100 ? 2 : 0) + UNIT_SPACE + "€/kg";
}

/** A ratio (0.027) → "2,7 %". Région shares use 1 decimal, France shares 2. */
export function formatPercent(ratio: number, decimals = 1): string {
  return formatNumber(ratio * 100, decimals) + UNIT_SPACE + "%";
}

/**
 * A share (0.123) → "12,3 %", never a false zero: a positive share that
 * rounds to zero reads "< 0,1 %" (with `decimals` = 1), a share of exactly
 * zero "0 %".
 */
export function formatShare(ratio: number, decimals = 1): string {
  if (ratio === 0) return "0" + UNIT_SPACE + "%";
  const smallest = 10 ** -decimals;
  if (ratio > 0 && ratio * 100 < smallest / 2) return "<" + UNIT_SPACE + formatNumber(smallest, decimals) + UNIT_SPACE + "%";
  return formatPercent(ratio, decimals);
}

/** A ratio change (0.053) → "+5,3 %", for year-over-year changes. */
export function formatSignedPercent(ratio: number, decimals = 1): string {
  return formatSigned(ratio * 100, decimals) + UNIT_SPACE + "%";
}

/** An ISO date ("2026-12-01") → "1er décembre 2026". */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const text = new Intl.DateTimeFormat("fr-FR", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"}).format(date);
  return text.replace(/^1 /, "1er ");
}

/** A plain number for CSV files: dot decimal, no grouping (spreadsheets parse it). */
export function formatCsvNumber(value: number, decimals = 3): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : "";
}

/**
 * A plain number for `;`-separated CSV opened by a French spreadsheet: comma
 * decimal (French Excel reads "1822,3" as a number, "1822.3" as text), no
 * grouping, an ASCII "-" (not the typographic minus) so the cell stays numeric.
 */
export function formatCsvNumberFrench(value: number, decimals = 3): string {
  return formatCsvNumber(value, decimals).replace(".", ",");
}
