import {describe, expect, it} from "vitest";
import {countries, countryName, isKnownCountry} from "../../../src/data/reference/countries.js";

describe("customs' special country codes", () => {
  it("are known, with French labels", () => {
    const expected: Record<string, RegExp> = {
      QP: /^Haute mer$/,
      QQ: /^Autocorrections$/,
      QR: /^Avitaillement et soutage.*intra-UE/,
      QS: /^Avitaillement et soutage.*pays tiers/,
      QU: /^Pays et territoires non déterminés$/,
      XC: /^Ceuta$/,
      XL: /^Melilla$/,
      XK: /^Kosovo$/,
      XS: /^Serbie$/,
      EU: /^Union européenne/
    };
    for (const [code, label] of Object.entries(expected)) {
      expect(isKnownCountry(code), code).toBe(true);
      expect(countryName(code), code).toMatch(label);
    }
    expect(countries.find((c) => c.code === "EU")?.kind).toBe("special");
    expect(countries.find((c) => c.code === "QQ")?.kind).toBe("special");
  });

  it("leave ISO countries and the unknown-code message alone", () => {
    expect(countryName("DE")).toBe("Allemagne");
    expect(countryName("RS")).toMatch(/Serbie/);
    expect(countryName("ZZ")).toBe("Code pays ZZ inconnu");
    const codes = countries.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });
});
