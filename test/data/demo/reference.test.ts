import {cptable} from "@e965/xlsx/dist/cpexcel.full.mjs";
import {describe, expect, it} from "vitest";
import {countries, countryName, isKnownCountry} from "../../../src/data/reference/countries.ts";
import {productLabel, products} from "../../../src/data/reference/products.ts";
import {partnerCodes} from "../../../src/data/demo/partners.ts";
import {encodeWindows1252} from "../../../src/data/windows-1252.ts";

describe("product reference list", () => {
  it("holds 100–150 distinct goods classes xx.xx of CPF divisions 01–39", () => {
    expect(products.length).toBeGreaterThanOrEqual(100);
    expect(products.length).toBeLessThanOrEqual(150);
    expect(new Set(products.map((p) => p.code)).size).toBe(products.length);
    for (const {code, label} of products) {
      expect(code).toMatch(/^\d\d\.\d\d$/);
      expect(Number(code.slice(0, 2))).toBeLessThanOrEqual(39);
      expect(label.length).toBeGreaterThan(3);
    }
    expect(productLabel("11.02")).toBe("Vins de raisin");
    expect(productLabel("99.99")).toBeUndefined();
  });

  it("has labels that Windows-1252 can carry and give back unchanged", () => {
    // SheetJS's code-page tables, not TextDecoder: Node 20 decodes "windows-1252" as ISO-8859-1.
    const decode = (bytes: Uint8Array) => [...bytes].map((byte) => cptable[1252].dec[byte]).join("");
    for (const {label} of products) expect(decode(encodeWindows1252(label))).toBe(label);
    expect(() => encodeWindows1252("Ω")).toThrow(/Windows-1252/);
  });
});

describe("country reference list", () => {
  it("names ISO countries and customs specials in French", () => {
    expect(countryName("DE")).toBe("Allemagne");
    expect(countryName("US")).toBe("États-Unis");
    for (const code of ["XC", "XL", "XK", "QS", "QU"]) {
      expect(isKnownCountry(code)).toBe(true);
      expect(countryName(code)).not.toMatch(/inconnu/);
    }
    expect(countryName("ZZ")).toMatch(/ZZ inconnu/);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
  });

  it("knows every partner the demo uses", () => {
    expect(partnerCodes.length).toBeGreaterThanOrEqual(120);
    expect(partnerCodes.length).toBeLessThanOrEqual(180);
    expect(partnerCodes.filter((code) => !isKnownCountry(code))).toEqual([]);
    expect(partnerCodes).not.toContain("FR");
  });
});
