import {describe, expect, it} from "vitest";
import {CHART_KINDS, CHART_NAMES, chartTitle, isChartKind, sankeyKind, VIEW_CHARTS} from "../../src/components/chart-kinds.js";
import {isViewKind} from "../../src/components/chart-kinds.js";

describe("chart kinds", () => {
  it("each kind has a name, a title with the place and a way to be drawn", () => {
    // Drawn by exactly one view of the factsheets (its images and embed view follow).
    expect(Object.values(VIEW_CHARTS).flat().sort()).toEqual([...CHART_KINDS].sort());
    for (const view of Object.keys(VIEW_CHARTS)) expect(isViewKind(view), view).toBe(true);
    for (const kind of CHART_KINDS) {
      expect(CHART_NAMES[kind]).toMatch(/^\p{Lu}/u);
      expect(chartTitle(kind, "Aube", 2024)).toMatch(/^\p{Lu}[^—]+, Aube \(/u);
    }
    expect(new Set(CHART_KINDS.map((kind) => chartTitle(kind, "Aube", 2024))).size).toBe(CHART_KINDS.length);
  });

  it("keeps the reference's titles", () => {
    expect(chartTitle("partenaires", "Aube", 2024)).toBe("Principaux pays à l'import et à l'export, Aube (2024)");
    // The treemap's title says import and export in the order of its section's heading.
    expect(chartTitle("activites", "Aube", 2024)).toBe("Principales activités à l'export et à l'import, Aube (2024)");
    expect(chartTitle("exportations", "Grand Est", 2024)).toBe("Flux à l'export, Grand Est (en valeur, 2024)");
    expect(chartTitle("importations", "France entière", 2023)).toBe("Flux à l'import, France entière (en valeur, 2023)");
  });

  it("recognises its keys only", () => {
    expect(isChartKind("tendance")).toBe(true);
    expect(isChartKind("Tendance")).toBe(false);
    expect(isChartKind("toString")).toBe(false);
    expect(sankeyKind("export")).toBe("exportations");
    expect(sankeyKind("import")).toBe("importations");
  });
});
