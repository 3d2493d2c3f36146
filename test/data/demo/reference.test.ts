import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {a129OfCpf4} from "../../../src/data/reference/a129.js";
import {cpf4Label} from "../../../src/data/reference/cpf4.js";
import {isKnownCountry} from "../../../src/data/reference/countries.js";
import {partnerCodes} from "../../../src/data/demo/partners.js";
import {demoProducts} from "../../../src/data/demo/weights.js";

describe("the demo's nomenclatures", () => {
  it("trade four-digit CPF goods that all have a label and an A129 code", () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(100);
    expect(new Set(demoProducts).size).toBe(demoProducts.length);
    for (const code of demoProducts) {
      expect(code).toMatch(/^\d{4}$/);
      expect(cpf4Label(code)).toBeDefined();
      expect(a129OfCpf4(code)).toMatch(/^[A-Z]\d\d[A-Z]$/);
    }
    for (const code of ["0111", "0610", "1102", "1413", "2120", "3030"]) expect(demoProducts).toContain(code);
  });

  it("know every partner the demo uses, never France nor its overseas départements", () => {
    expect(partnerCodes.length).toBeGreaterThanOrEqual(120);
    expect(partnerCodes.length).toBeLessThanOrEqual(180);
    expect(partnerCodes.filter((code) => !isKnownCountry(code))).toEqual([]);
    for (const code of ["FR", "GP", "MQ", "GF", "RE", "YT"]) expect(partnerCodes).not.toContain(code);
  });
});

describe("the generator's tables", () => {
  it("only name four-digit products the demo trades", () => {
    for (const file of ["product-weights.ts", "partners.ts", "trend.ts", "prices.ts"]) {
      const source = readFileSync(fileURLToPath(new URL(`../../../src/data/demo/${file}`, import.meta.url)), "utf8");
      const codes = [...source.matchAll(/"(\d{4})"/g)].map((m) => m[1]);
      expect(codes.length, file).toBeGreaterThan(file === "trend.ts" ? 3 : 10);
      const unknown = codes.filter((code) => !demoProducts.includes(code));
      // prices.ts may price classes the demo does not trade (unit values only).
      if (file !== "prices.ts") expect(unknown, file).toEqual([]);
      else expect(unknown.filter((code) => cpf4Label(code) === undefined), file).toEqual([]);
    }
  });
});
