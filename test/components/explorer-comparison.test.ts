// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {comparisonLines, type OverviewFigures} from "../../src/components/explorer-comparison.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

const row = (territory: string, exports: number, hhi: number): OverviewFigures => ({
  territory,
  name: territory,
  exports_eur: exports,
  imports_eur: exports / 2,
  balance_eur: exports / 2,
  us_export_share: 0.0004,
  top3_partners_export_share: 0.4,
  top3_partners_import_share: 0.5,
  hhi_partners_export: hhi,
  hhi_products_export: 1219.4
});

describe("comparisonLines", () => {
  it("shows the HHI on the factsheets' scale, « sur 10 000 », and shares without a false zero", () => {
    const lines = comparisonLines({a: row("D10", 1822.3e6, 859.2), b: row("D51", 10e6, 10000), france: row("FR", 580354.5e6, 300)});
    const hhi = lines.find((line) => line.label.startsWith("Concentration des pays clients"))!;
    expect(hhi).toMatchObject({label: `Concentration des pays clients (indice IHH, sur 10${NNBSP}000)`, a: "859", b: `10${NNBSP}000`});
    expect(lines.find((line) => line.label === "Part des exportations de la France")).toMatchObject({a: `0,31${NBSP}%`, b: `<${NBSP}0,01${NBSP}%`});
    expect(lines.find((line) => line.label === "Part des exportations vers les États-Unis")!.a).toBe(`<${NBSP}0,1${NBSP}%`);
  });
});
