import {describe, expect, it} from "vitest";
import {
  BALANCE_ROUNDING_NOTE,
  balanceDiffersFromRounded,
  balanceRoundingNote,
  formatBillionEuros,
  formatHhi,
  formatRca,
  FRANCE_SHARE_DECIMALS,
  MINUS,
  MONEY_UNIT,
  REGION_SHARE_DECIMALS,
  SHARE_DECIMALS,
  formatMillionEuros,
  formatNumber,
  formatPercent,
  formatShare,
  formatSignedMillionEuros,
  formatSignedPercent
} from "../../src/components/format.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("format", () => {
  it("writes millions of euros the French way", () => {
    expect(formatMillionEuros(1_822_300_000)).toBe(`1${NNBSP}822,3${NBSP}M€`);
    expect(formatMillionEuros(580_354_500_000)).toBe(`580${NNBSP}354,5${NBSP}M€`);
    expect(formatMillionEuros(12_340)).toBe(`0,0${NBSP}M€`);
  });

  it("writes shares with the requested decimals", () => {
    expect(formatPercent(1822.3 / 67665.4, 1)).toBe(`2,7${NBSP}%`);
    expect(formatPercent(1822.3 / 580354.5, 2)).toBe(`0,31${NBSP}%`);
    expect(formatPercent(1697.2 / 684776.3, 2)).toBe(`0,25${NBSP}%`);
  });

  it("signs balances with a real minus and an explicit plus", () => {
    expect(formatSignedMillionEuros(125_100_000)).toBe(`+125,1${NBSP}M€`);
    expect(formatSignedMillionEuros(-125_100_000)).toBe(`\u2212125,1${NBSP}M€`);
    expect(formatSignedPercent(0)).toBe(`0,0${NBSP}%`);
  });

  it("never prints a negative zero or a non-number", () => {
    expect(formatNumber(-0.01, 1)).toBe("0,0");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatNumber(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
  });
});

describe("formatCsvNumberFrench", () => {
  it("writes a comma decimal and no grouping, for French spreadsheets", async () => {
    const {formatCsvNumberFrench} = await import("../../src/components/format.js");
    expect(formatCsvNumberFrench(1822300000.5, 1)).toBe("1822300000,5");
    expect(formatCsvNumberFrench(-40.25, 2)).toBe("-40,25");
    expect(formatCsvNumberFrench(12, 0)).toBe("12");
    expect(formatCsvNumberFrench(Number.NaN)).toBe("");
  });
});

describe("formatDate", () => {
  it("writes an ISO date the French way", async () => {
    const {formatDate} = await import("../../src/components/format.js");
    expect(formatDate("2026-12-01")).toBe("1er décembre 2026");
    expect(formatDate("2025-02-15T10:00:00Z")).toBe("15 février 2025");
    expect(formatDate("pas une date")).toBe("pas une date");
  });
});

describe("masses", () => {
  it("writes tonnes and euros per kilogram with their units", async () => {
    const {formatTonnes, formatEurosPerKg} = await import("../../src/components/format.js");
    expect(formatTonnes(12_345_678)).toBe("12\u202f346\u00a0t");
    expect(formatTonnes(120)).toBe("<\u00a01\u00a0t");
    expect(formatTonnes(0)).toBe("0\u00a0t");
    expect(formatEurosPerKg(28.4)).toBe("28,40\u00a0€/kg");
    expect(formatEurosPerKg(1413.2)).toBe("1\u202f413\u00a0€/kg");
  });

  it("writes a share that rounds to zero as « < 0,1 % », never a false « 0,0 % »", () => {
    expect(formatShare(0.0004, 1)).toBe(`<${NBSP}0,1${NBSP}%`);
    expect(formatShare(0.00004, 2)).toBe(`<${NBSP}0,01${NBSP}%`);
    expect(formatShare(0.0005, 1)).toBe(`0,1${NBSP}%`);
    expect(formatShare(0, 1)).toBe(`0${NBSP}%`);
    expect(formatShare(0.123, 1)).toBe(`12,3${NBSP}%`);
  });
});

describe("query results (the explorer)", async () => {
  const {formatYear, formatSignificant, formatIsoDate, isYearColumn, formatResultValue, resultFormats} = await import("../../src/components/format.js");

  it("writes a year with four bare digits, never « 2 023 »", () => {
    expect(formatYear(2023)).toBe("2023");
    expect(formatNumber(2023)).toBe(`2${NNBSP}023`);
  });

  it("tells a year column by a word of its name and whole values from 1000 to 9999", () => {
    expect(isYearColumn("year", [2023, 2024, null])).toBe(true);
    expect(isYearColumn("annee", [2023])).toBe(true);
    expect(isYearColumn("Année", [2023])).toBe(true);
    expect(isYearColumn('max("year")', [2024])).toBe(true);
    expect(isYearColumn("annee_debut", [2019])).toBe(true);
    // A count that happens to look like a year, a misnamed measure, a word that only contains « year ».
    expect(isYearColumn("lignes", [2023])).toBe(false);
    expect(isYearColumn("year", [2023.5])).toBe(false);
    expect(isYearColumn("year", [12])).toBe(false);
    expect(isYearColumn("yearly_total", [2023])).toBe(false);
    expect(isYearColumn("year", [null])).toBe(false);
    expect(isYearColumn("year", ["2023"])).toBe(false);
  });

  it("keeps the significant digits of small decimals", () => {
    expect(formatSignificant(0.00123)).toBe("0,00123");
    expect(formatSignificant(0.086)).toBe("0,086");
    expect(formatSignificant(0.5)).toBe("0,50");
    expect(formatSignificant(0.123456)).toBe("0,123");
    expect(formatSignificant(-0.0042)).toBe("\u22120,0042");
    expect(formatSignificant(0.0000012345)).toBe("0,00000123");
    expect(formatSignificant(1.2e-8)).toBe("1,20 × 10⁻⁸");
    expect(formatSignificant(1822.345)).toBe(`1${NNBSP}822,35`);
    expect(formatSignificant(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatSignificant(Number.NaN)).toBe("–");
  });

  it("writes dates in ISO 8601, with the time only when there is one", () => {
    expect(formatIsoDate(new Date(Date.UTC(2024, 2, 31)))).toBe("2024-03-31");
    expect(formatIsoDate(new Date(Date.UTC(2024, 2, 31, 14, 5)))).toBe("2024-03-31 14:05:00");
    expect(formatIsoDate(new Date(Number.NaN))).toBe("–");
  });

  it("formats each cell by its column: years, dates, numbers, booleans, lists, empty", () => {
    const rows = [
      {annee: 2023, jour: new Date(Date.UTC(2023, 0, 1)), part: 0.0031, total: 18223, ok: true, liste: [1, 2], vide: null},
      {annee: 2024, jour: new Date(Date.UTC(2024, 0, 1)), part: 0.25, total: 2024, ok: false, liste: [], vide: null}
    ];
    const formats = resultFormats(rows);
    expect(Object.keys(formats)).toEqual(Object.keys(rows[0]));
    expect(rows.map((row) => Object.entries(row).map(([column, value]) => formats[column](value)))).toEqual([
      ["2023", "2023-01-01", "0,0031", `18${NNBSP}223`, "vrai", "[1,2]", ""],
      ["2024", "2024-01-01", "0,25", `2${NNBSP}024`, "faux", "[]", ""]
    ]);
    expect(formatResultValue({quand: new Date(Date.UTC(2024, 5, 30))})).toBe('{"quand":"2024-06-30"}');
    expect(resultFormats([])).toEqual({});
  });
});

describe("one convention for every figure", () => {
  it("writes an HHI on its 0–10 000 scale as a whole number", () => {
    expect(formatHhi(859.4)).toBe("859");
    expect(formatHhi(10000)).toBe(`10${NNBSP}000`);
    expect(formatHhi(1219.6)).toBe(`1${NNBSP}220`);
  });

  it("writes an RCA with one decimal, two only when one would read 1,0 for a ratio that is not 1", () => {
    expect(formatRca(67.7349)).toBe("67,7");
    expect(formatRca(19.53)).toBe("19,5");
    expect(formatRca(1.04)).toBe("1,04");
    expect(formatRca(1.001)).toBe("1,0");
    expect(formatRca(1.06)).toBe("1,1");
  });

  it("says when a balance does not equal the difference of the rounded totals: Paris-like figures, not the Aube's", () => {
    // 37 108,16 and 54 354,34 M€ print 37 108,2 and 54 354,3 (difference −17 246,1); the balance −17 246,18 prints −17 246,2.
    const [exports, imports] = [37108.16e6, 54354.34e6];
    expect([formatMillionEuros(exports), formatMillionEuros(imports), formatSignedMillionEuros(exports - imports)]).toEqual([
      `37${NNBSP}108,2${NBSP}M€`,
      `54${NNBSP}354,3${NBSP}M€`,
      `${MINUS}17${NNBSP}246,2${NBSP}M€`
    ]);
    expect(balanceDiffersFromRounded(exports, imports)).toBe(true);
    expect(balanceRoundingNote(exports, imports)).toBe(BALANCE_ROUNDING_NOTE);
    expect(BALANCE_ROUNDING_NOTE).toBe(
      `Montants arrondis séparément : le solde, calculé sur les montants exacts, peut différer de 0,1${NBSP}M€ de la différence des montants arrondis.`
    );
    // The Aube of the reference: 1 822,3 − 1 697,2 = 125,1, the balance printed.
    expect(balanceRoundingNote(1822.3e6, 1697.2e6)).toBeNull();
    expect(balanceRoundingNote(37108.2e6, 54354.3e6)).toBeNull();
  });

  it("keeps one number of decimals per kind of share: région 1, France 2, any other share 1", () => {
    expect([REGION_SHARE_DECIMALS, FRANCE_SHARE_DECIMALS, SHARE_DECIMALS]).toEqual([1, 2, 1]);
    // Mayotte's share of France: never a false zero.
    expect(formatShare(20e6 / 580354.5e6 / 10, FRANCE_SHARE_DECIMALS)).toBe(`<${NBSP}0,01${NBSP}%`);
  });

  it("writes money in M€ whatever the magnitude, Md€ only as an aid", () => {
    expect(MONEY_UNIT).toBe("M€");
    expect(formatMillionEuros(3.4e6)).toBe(`3,4${NBSP}M€`);
    expect(formatMillionEuros(580354.5e6)).toBe(`580${NNBSP}354,5${NBSP}M€`);
    expect(formatBillionEuros(580354.5e6)).toBe(`580,4${NBSP}Md€`);
  });
});
