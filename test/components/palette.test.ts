import {describe, expect, it} from "vitest";
import {COLORS, estimateTextWidth, fitText, relativeLuminance, textColorOn, wrapText, wrapWhole} from "../../src/components/palette.js";

const contrast = (a: string, b: string) => {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

describe("palette", () => {
  it("puts white text on the import blue and export violet, with AA contrast", () => {
    for (const color of [COLORS.import, COLORS.export]) {
      expect(textColorOn(color)).toBe("#ffffff");
      expect(contrast(color, "#ffffff")).toBeGreaterThan(4.5);
    }
    expect(textColorOn("#f4e8c1")).toBe(COLORS.text);
  });

  it("writes balances in colours readable on white", () => {
    for (const color of [COLORS.positive, COLORS.negative, COLORS.mutedText]) expect(contrast(color, "#ffffff")).toBeGreaterThan(4.5);
  });

  it("fits text by estimated width: whole, cut at a word with …, or nothing", () => {
    expect(fitText("Boissons", 200, 11)).toBe("Boissons");
    const cut = fitText("Produits chimiques de base", 100, 11);
    expect(cut).toBe("Produits…");
    expect(estimateTextWidth(cut, 11)).toBeLessThanOrEqual(100);
    expect(fitText("Produits", 20, 11)).toBe("");
    expect(estimateTextWidth("MMM", 10)).toBeGreaterThan(estimateTextWidth("iii", 10));
  });

  it("wraps at plain spaces only, never inside « 546,7 M€ »", () => {
    const lines = wrapText("Solde commercial : +546,7\u00a0M€ (excédent)", 120, 4, 11);
    expect(lines.some((line) => line.includes("546,7\u00a0M€"))).toBe(true);
    expect(wrapWhole("Exportations 546,7\u00a0M€", 80, 11)).toEqual(["Exportations", "546,7\u00a0M€"]);
  });
});
