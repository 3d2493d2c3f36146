import {describe, expect, it} from "vitest";
import {CHART_KINDS, CHART_NAMES, chartTitle, isChartKind, sankeyKind, VIEW_CHARTS} from "../../src/components/chart-kinds.ts";
import {isViewKind} from "../../src/components/factsheet-views.ts";

describe("chart kinds", () => {
  it("each kind has a name, a title with the place and a way to be drawn", () => {
    // Drawn by exactly one view of the factsheets (its images and embed view follow).
    expect(Object.values(VIEW_CHARTS).flat().sort()).toEqual([...CHART_KINDS].sort());
    for (const view of Object.keys(VIEW_CHARTS)) expect(isViewKind(view), view).toBe(true);
    for (const kind of CHART_KINDS) {
      expect(CHART_NAMES[kind]).toMatch(/^\p{Lu}/u);
      expect(chartTitle(kind, "Aube (10)", 2024)).toMatch(/^Aube \(10\) — /);
    }
    expect(new Set(CHART_KINDS.map((kind) => chartTitle(kind, "Aube (10)", 2024))).size).toBe(CHART_KINDS.length);
  });

  it("keeps the reference's titles", () => {
    expect(chartTitle("partenaires", "Aube (10)", 2024)).toBe("Aube (10) — principaux pays partenaires à l'import et à l'export, 2024 (M€)");
    expect(chartTitle("exportations", "Grand Est", 2024)).toBe("Grand Est — exportations par produit et par pays de destination, 2024 (M€)");
    expect(chartTitle("importations", "France entière", 2023)).toBe("France entière — importations par pays d'origine et par produit, 2023 (M€)");
  });

  it("recognises its keys only", () => {
    expect(isChartKind("tendance")).toBe(true);
    expect(isChartKind("Tendance")).toBe(false);
    expect(isChartKind("toString")).toBe(false);
    expect(sankeyKind("export")).toBe("exportations");
    expect(sankeyKind("import")).toBe("importations");
  });
});
