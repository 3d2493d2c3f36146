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

/**
 * Amounts of money: always millions of euros with one decimal, the
 * reference factsheet's unit, whatever the magnitude (a small département's
 * 3,4 M€ as France's 580 354,5 M€), so that the home page, the factsheets
 * and their tables can be compared figure for figure. Billions appear only
 * as a reading aid beside a national amount ("soit 580,4 Md€",
 * formatBillionEuros), never instead of the M€ figure.
 */
export const MONEY_UNIT = "M€";

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
  return formatNumber(euros / 1e6, decimals) + UNIT_SPACE + MONEY_UNIT;
}

/** Euros → "+124,9 M€" / "−124,9 M€", for balances. */
export function formatSignedMillionEuros(euros: number, decimals = 1): string {
  return formatSigned(euros / 1e6, decimals) + UNIT_SPACE + MONEY_UNIT;
}

/** Euros → "580,4 Md€" (billions): only as a reading aid beside the M€ figure (see MONEY_UNIT). */
export function formatBillionEuros(euros: number, decimals = 1): string {
  return formatNumber(euros / 1e9, decimals) + UNIT_SPACE + "Md€";
}


/**
 * Decimals of shares, one convention for départements, régions and France:
 * a share of the région one decimal, a share of France two (as in the
 * reference: "2,7 % du Grand Est, 0,31 % de la France"), any other share (of
 * a flow, of a partner, of a product) one. Always through formatShare, so
 * that a positive share never reads as a false zero ("< 0,01 %").
 */
export const SHARE_DECIMALS = 1;
export const REGION_SHARE_DECIMALS = 1;
export const FRANCE_SHARE_DECIMALS = 2;

/**
 * The balance is computed from the unrounded totals, then rounded like them:
 * it can differ by 0,1 M€ from the difference of the two rounded totals
 * printed beside it (Paris: 37 108,2 − 54 354,3 = −17 246,1, balance
 * −17 246,2). Where they differ, the page says so with this note.
 */
export const BALANCE_ROUNDING_NOTE =
  "Montants arrondis séparément : le solde, calculé sur les montants exacts, peut différer de 0,1" +
  UNIT_SPACE + MONEY_UNIT + " de la différence des montants arrondis.";

/** True when the printed balance differs from the printed exports minus the printed imports (see BALANCE_ROUNDING_NOTE). */
export function balanceDiffersFromRounded(exportsEur: number, importsEur: number): boolean {
  const tenths = (euros: number) => Math.round(Number((euros / 1e6).toFixed(1)) * 10);
  return tenths(exportsEur - importsEur) !== tenths(exportsEur) - tenths(importsEur);
}

/** The note to print beside a balance and its two totals, or null when the printed figures agree. */
export function balanceRoundingNote(exportsEur: number, importsEur: number): string | null {
  return balanceDiffersFromRounded(exportsEur, importsEur) ? BALANCE_ROUNDING_NOTE : null;
}

/**
 * Herfindahl–Hirschman index on its usual 0–10 000 scale (the sum of the
 * squared shares in percent), as a whole number: "859".
 */
export function formatHhi(hhi: number): string {
  return formatNumber(hhi, 0);
}

/**
 * Revealed comparative advantage, one decimal ("67,7"): more digits are noise
 * for a ratio of shares. A ratio that one decimal would print as "1,0" while
 * it is not 1 gets two ("1,04"), so a specialisation never reads as none.
 */
export function formatRca(rca: number): string {
  const text = formatNumber(rca, 1);
  return text === "1,0" && Math.abs(rca - 1) >= 0.005 ? formatNumber(rca, 2) : text;
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

/** A ratio (0.027) → "2,7 %"; for changes and other signed ratios (shares go through formatShare). */
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

/** A calendar year as written in French: four digits, no thousands separator (2023 → "2023", never "2 023"). */
export function formatYear(year: number): string {
  return Number.isInteger(year) ? String(year) : formatNumber(year, 2);
}

/**
 * A number that keeps its significant digits: integers grouped ("1 234 567"),
 * others with 2 decimals from 1 up, and with `digits` significant digits
 * below 1 so that small values do not read as zero (0.00123 → "0,00123",
 * 0.5 → "0,50"); under a millionth, a power of ten ("1,2 × 10⁻⁸").
 */
export function formatSignificant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return "–";
  if (Number.isInteger(value)) return formatNumber(value, 0);
  const magnitude = Math.abs(value);
  if (magnitude >= 1) return formatNumber(value, 2);
  if (magnitude < 1e-6) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
    return `${formatNumber(Number(mantissa), digits - 1)} × 10${superscript(Number(exponent))}`;
  }
  const decimals = Math.max(2, digits - 1 - Math.floor(Math.log10(magnitude)));
  // Trailing zeros beyond the second decimal would claim a precision the value lacks.
  return formatNumber(value, decimals).replace(/(,\d\d\d*?)0+$/u, "$1");
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

function superscript(n: number): string {
  return (n < 0 ? "⁻" : "") + [...String(Math.abs(n))].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join("");
}

/**
 * A date (or date and time) as ISO 8601, the form SQL reads and writes:
 * "2024-03-31", or "2024-03-31 14:05:00" when it has a time of day (UTC,
 * as DuckDB hands them over).
 */
export function formatIsoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "–";
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" && iso.slice(19, 23) === ".000" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Words that name a year column (a token of the name: `year`, `annee`, `max("year")`, `annee_debut`). */
const YEAR_WORDS = new Set(["year", "annee", "année"]);

/**
 * True when a result column holds years: a word of its name is « year »,
 * « annee » or « année », and every value present is a whole number from
 * 1000 to 9999. A name alone is not enough (a column called `year` holding
 * 12.5 is a number), nor are values alone (a count of 2 023 rows is not a year).
 */
export function isYearColumn(name: string, values: readonly unknown[]): boolean {
  const words = name.toLowerCase().split(/[^\p{L}]+/u);
  if (!words.some((word) => YEAR_WORDS.has(word))) return false;
  const present = values.filter((v) => v !== null && v !== undefined);
  return present.length > 0 && present.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 1000 && v <= 9999);
}

/**
 * How one cell of a query result reads: years as years (see isYearColumn),
 * dates in ISO 8601, numbers with their significant digits, booleans in
 * French, lists and records as JSON, null as an empty cell.
 */
export function formatResultValue(value: unknown, {year = false}: {year?: boolean} = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return year ? formatYear(value) : formatSignificant(value);
  if (value instanceof Date) return formatIsoDate(value);
  if (typeof value === "boolean") return value ? "vrai" : "faux";
  if (typeof value === "string") return value;
  // A replacer sees dates already turned into strings by toJSON: read the holder's own value.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? formatIsoDate(raw) : v;
  });
}

/** One formatter per column of a query result (for Inputs.table's `format`). */
export function resultFormats(rows: readonly Record<string, unknown>[]): Record<string, (value: unknown) => string> {
  const columns = Object.keys(rows[0] ?? {});
  return Object.fromEntries(
    columns.map((column) => {
      const year = isYearColumn(column, rows.map((row) => row[column]));
      return [column, (value: unknown) => formatResultValue(value, {year})];
    })
  );
}
