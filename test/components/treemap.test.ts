// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {wrapText} from "../../src/components/palette.ts";
import {activityTreemap, cellLabel, type ActivityRow} from "../../src/components/treemap.ts";
import {COLORS, estimateTextWidth} from "../../src/components/palette.ts";
import {activityRows, HOSTILE} from "./fixtures.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const draw = (rows: ActivityRow[], width = 900, height = 480) =>
  activityTreemap(rows, {width, height, title: "Aube — activités, en M€, 2024", document});

const area = (rect: Element) => Number(rect.getAttribute("width")) * Number(rect.getAttribute("height"));
const blockRects = (figure: HTMLElement, flow: string) => [...figure.querySelectorAll(`g.block[data-flow="${flow}"] g.cell rect`)];

describe("activityTreemap", () => {
  it("draws imports in blue on the left and exports in violet on the right, one cell per product", () => {
    const figure = draw(activityRows());
    const blocks = [...figure.querySelectorAll<SVGGElement>("g.block")];
    expect(blocks.map((block) => block.dataset.flow)).toEqual(["import", "export"]);
    expect(blockRects(figure, "import")).toHaveLength(11);
    expect(blockRects(figure, "export")).toHaveLength(11);
    for (const rect of blockRects(figure, "import")) expect(rect.getAttribute("fill")).toBe(COLORS.import);
    for (const rect of blockRects(figure, "export")) expect(rect.getAttribute("fill")).toBe(COLORS.export);
  });

  it("writes each block's header with its total", () => {
    const headers = [...draw(activityRows()).querySelectorAll(".block-header")].map((h) => h.textContent);
    expect(headers).toEqual([`Importations — 1${NNBSP}697,2${NBSP}M€`, `Exportations — 1${NNBSP}822,3${NBSP}M€`]);
  });

  it("sizes cells by value within a flow and blocks by the flows' totals", () => {
    const rows = activityRows();
    const figure = draw(rows);
    const importArea = blockRects(figure, "import").reduce((sum, rect) => sum + area(rect), 0);
    const exportArea = blockRects(figure, "export").reduce((sum, rect) => sum + area(rect), 0);
    expect(importArea / exportArea).toBeCloseTo(1697.2 / 1822.3, 3);
    // Exports are larger: their block fills the height left under the headers.
    const exportCells = [...figure.querySelectorAll('g.block[data-flow="export"] g.cell')];
    const exportRows = rows.filter((row) => row.flow === "export");
    for (const cell of exportCells) {
      const row = exportRows.find((r) => r.product === cell.getAttribute("data-product"))!;
      expect(area(cell.querySelector("rect")!) / exportArea).toBeCloseTo(row.value / (1822.3e6), 4);
    }
  });

  it("gives every cell a tooltip with full name, value and share", () => {
    const titles = [...draw(activityRows()).querySelectorAll("g.cell > title")].map((t) => t.textContent);
    expect(titles).toContain(`Articles d'habillement${NBSP}: 546,7${NBSP}M€ (30,0${NBSP}% des exportations)`);
  });

  it("drops labels on tiny cells and keeps every drawn label inside its cell", () => {
    const figure = draw(activityRows());
    const tiny = figure.querySelector('g.block[data-flow="export"] g.cell[data-product="CA01"]')!; // 0,4 %
    expect(tiny.querySelector("text")).toBeNull();
    expect(tiny.querySelector("title")!.textContent).toContain("Produits agricoles");
    const labelled = [...figure.querySelectorAll("g.cell")].filter((cell) => cell.querySelector("text"));
    expect(labelled.length).toBeGreaterThan(10);
    for (const cell of labelled) {
      const rect = cell.querySelector("rect")!;
      const width = Number(rect.getAttribute("width"));
      const height = Number(rect.getAttribute("height"));
      const spans = [...cell.querySelectorAll("tspan")];
      for (const span of spans) {
        const bold = span.getAttribute("font-weight") === "600"; // names bold, value line regular
        expect(estimateTextWidth(span.textContent!, 11, bold)).toBeLessThanOrEqual(width - 8);
        expect(Number(span.getAttribute("y"))).toBeLessThanOrEqual(height);
      }
    }
  });

  it("renders a hostile product name literally", () => {
    const rows: ActivityRow[] = [
      {flow: "export", product: "X", productName: HOSTILE, value: 5e6},
      {flow: "import", product: "Y", productName: "Boissons", value: 2e6}
    ];
    const figure = draw(rows);
    expect(figure.querySelector("script")).toBeNull();
    expect(figure.querySelector('g.cell[data-product="X"] title')!.textContent).toContain(HOSTILE);
    expect(figure.querySelector('g.cell[data-product="X"] text')!.textContent).toContain("<script>");
  });

  it("writes the balance with its sign in the reading key", () => {
    const figure = draw(activityRows());
    expect(figure.querySelector(".chart-legend")!.textContent).toContain(`+125,1${NBSP}M€ (excédent)`);
    expect(figure.querySelector("figcaption h3")!.textContent).toBe("Aube — activités, en M€, 2024");
  });

  it("draws an empty flow as a header and a sentence, without phantom cells", () => {
    const figure = draw([{flow: "export", product: "A", productName: "Boissons", value: 5e6}]);
    expect(figure.querySelectorAll("g.cell")).toHaveLength(1);
    expect(figure.querySelector('g.block[data-flow="import"] .block-empty')!.textContent).toBe("Aucune importation enregistrée.");
    expect(figure.querySelector(".chart-legend")!.textContent).toContain(`+5,0${NBSP}M€ (excédent)`);
  });

  it("stacks the header on two lines in a narrow block", () => {
    const figure = draw(activityRows(), 320, 300);
    expect(figure.querySelectorAll('g.block[data-flow="import"] .block-header tspan')).toHaveLength(2);
  });
});

describe("cell labels", () => {
  it("wraps on words and ends a cut line with an ellipsis", () => {
    expect(wrapText("Produits en caoutchouc et en plastique", 90, 3, 11)).toEqual(["Produits en", "caoutchouc et", "en plastique"]);
    const two = wrapText("Produits en caoutchouc et en plastique", 90, 2, 11);
    expect(two).toHaveLength(2);
    expect(two[1].endsWith("…")).toBe(true);
  });

  it("keeps name and value when there is room, and nothing when there is not", () => {
    expect(cellLabel("Boissons", 328e6, 1822.3e6, 160, 60)).toEqual({name: ["Boissons"], value: `328,0${NBSP}M€ · 18,0${NBSP}%`});
    expect(cellLabel("Boissons", 328e6, 1822.3e6, 20, 60)).toBeUndefined();
    expect(cellLabel("Boissons", 328e6, 1822.3e6, 160, 10)).toBeUndefined();
  });
});
