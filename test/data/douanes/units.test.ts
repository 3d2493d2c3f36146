import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {AMBIGUOUS_GROUPING, parseThousandths} from "../../../src/data/douanes/amounts.js";
import {findCompleteYears} from "../../../src/data/douanes/complete-years.js";
import {headerKey, mapHeaders} from "../../../src/data/douanes/headers.js";
import {parsePeriod} from "../../../src/data/douanes/periods.js";

describe("k€ → € exactly", () => {
  it.each([
    ["1234,567", 1_234_567], ["1 234,567", 1_234_567], ["1\u202f234,5", 1_234_500], ["1234.5", 1_234_500],
    ["0,001", 1], ["12", 12_000], ["-0", 0]
  ])("%s k€ → %d €", (text, euros) => expect(parseThousandths(text)).toEqual({ok: true, thousandths: euros}));

  it.each(["1.234.567", "1,234.5", "1.234,567", "1,234,567"])("%s (a point or comma between thousands) is not guessed", (text) => {
    expect(parseThousandths(text)).toEqual({ok: false, reason: AMBIGUOUS_GROUPING});
  });

  it("numeric cells with up to three decimals convert exactly", () => {
    fc.assert(fc.property(fc.integer({min: 0, max: 10 ** 12}), (thousandths) => {
      expect(parseThousandths(thousandths / 1000)).toEqual({ok: true, thousandths});
      expect(parseThousandths(String(thousandths / 1000).replace(".", ","))).toEqual({ok: true, thousandths});
    }));
  });

  it("refuses a fourth decimal, negatives and text", () => {
    expect(parseThousandths(1.0005)).toEqual({ok: false, reason: "plus de trois décimales"});
    expect(parseThousandths("-3,5")).toEqual({ok: false, reason: "valeur négative"});
    expect(parseThousandths("abc")).toEqual({ok: false, reason: "valeur non numérique"});
  });
});

describe("periods", () => {
  it.each(["2024T1", "2024-T1", "T1 2024", "2024 Q1", "q1-2024", "1er trimestre 2024", "2024_t1"])("%s is 2024 Q1", (text) => {
    expect(parsePeriod(text)).toEqual({year: 2024, quarter: 1});
  });
  it.each(["202401", "2024T5", "T1", "2024"])("%s is refused", (text) => expect(parsePeriod(text)).toBeUndefined());
});

describe("complete years in the six crossed quarters", () => {
  it("finds 2024 in 2023T3…2024T4 and shows it", () => {
    const quarters = [[2023, 3], [2023, 4], [2024, 1], [2024, 2], [2024, 3], [2024, 4]].map(([year, quarter]) => ({year, quarter}));
    expect(findCompleteYears(quarters)).toEqual({completeYears: [2024], shownYear: 2024, partialYears: [{year: 2023, quarters: [3, 4]}]});
  });
  it("finds none in 2024T2…2025T3", () => {
    const quarters = [[2024, 2], [2024, 3], [2024, 4], [2025, 1], [2025, 2], [2025, 3]].map(([year, quarter]) => ({year, quarter}));
    expect(findCompleteYears(quarters).shownYear).toBeUndefined();
  });
});

describe("header mapping", () => {
  it("tolerates case, accents, underscores and units", () => {
    expect(headerKey("CODE_PRODUIT")).toBe("code produit");
    expect(headerKey("Valeur (k€)")).toBe("valeur");
    expect(headerKey("Département ")).toBe("departement");
  });
  it("maps a wide layout and a long layout", () => {
    expect(mapHeaders(["Dép", "CPF4", "Pays", "2024T1", "T2 2024"], "f").layout).toBe("wide");
    const long = mapHeaders(["code département", "flux", "code cpf", "période", "montant (€)"], "f");
    expect(long.layout).toBe("long");
    expect(long.unit).toBe("€");
  });
  it("refuses two columns for one role", () => {
    expect(() => mapHeaders(["Pays", "Code pays", "Trimestre", "Valeur"], "f.xls")).toThrow(/deux colonnes pour le même rôle « country »/);
  });
});
