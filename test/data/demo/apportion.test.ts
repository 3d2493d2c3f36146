import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {apportion} from "../../../src/data/demo/apportion.js";

describe("apportion", () => {
  it("splits a total into non-negative integers that add up exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 700_000_000_000}),
        fc.array(fc.double({min: 0, max: 1e6, noNaN: true}), {minLength: 1, maxLength: 200}),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
            if (weights[i] === 0) expect(part).toBe(0);
          });
        }
      )
    );
  });

  it("is proportional up to one unit", () => {
    const weights = [0.2, 0.3, 0.5];
    apportion(997, weights).forEach((part, i) => expect(Math.abs(part - 997 * weights[i])).toBeLessThan(1));
    const parts = apportion(1_000_001, [1, 3]);
    expect(Math.abs(parts[1] - 750_000.75)).toBeLessThan(1);
  });

  it("refuses weights that cannot carry a positive total", () => {
    expect(() => apportion(5, [0, 0])).toThrow(/poids tous nuls/);
    expect(() => apportion(5, [1, -1])).toThrow(/poids invalide/);
  });
});
