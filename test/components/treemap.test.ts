// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {wrapText, wrapWhole} from "../../src/components/palette.js";
import {activityTreemap, cellLabel, type ActivityRow} from "../../src/components/treemap.js";
import {COLORS, estimateTextWidth} from "../../src/components/palette.js";
import {activityRows, HOSTILE} from "./fixtures.js";

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

  it("keeps every drawn label inside its cell, at 11 px at least", () => {
    const figure = draw(activityRows());
    const labelled = [...figure.querySelectorAll("g.cell")].filter((cell) => cell.querySelector("text.cell-label"));
    expect(labelled.length).toBeGreaterThan(10);
    for (const cell of labelled) {
      const rect = cell.querySelector("rect")!;
      const width = Number(rect.getAttribute("width"));
      const height = Number(rect.getAttribute("height"));
      expect(Number(cell.querySelector("text")!.getAttribute("font-size"))).toBeGreaterThanOrEqual(11);
      for (const span of cell.querySelectorAll("tspan")) {
        const bold = span.getAttribute("font-weight") === "600"; // names bold, value line regular
        expect(estimateTextWidth(span.textContent!, 11, bold)).toBeLessThanOrEqual(width - 8);
        expect(Number(span.getAttribute("y"))).toBeLessThanOrEqual(height);
      }
    }
  });

  // Mayotte-like: exports a sliver beside imports, thirty products of each and the residual.
  const deficitRows = (): ActivityRow[] => {
    const rows: ActivityRow[] = [];
    for (const [flow, total] of [["import", 610e6], ["export", 28.3e6]] as const) {
      const weights = Array.from({length: 30}, (_, i) => 1 / (i + 1.5));
      const scale = (0.85 * total) / weights.reduce((a, b) => a + b, 0);
      weights.forEach((w, i) => rows.push({flow, product: `P${i}`, productName: i === 3 ? "Autres produits alimentaires" : i === 5 ? "Produits de la cokéfaction et du raffinage" : `Produit numéro ${i}`, value: w * scale}));
      rows.push({flow, product: "_AUTRES", productName: "Autres produits", value: 0.15 * total});
    }
    return rows;
  };

  for (const [name, rows] of [["Aube-like", activityRows], ["Mayotte-like", deficitRows]] as const) {
    for (const width of [704, 326]) {
      it(`names every cell whole or lists it under the chart, never a cut name (${name}, ${width} px)`, () => {
        const figure = activityTreemap(rows(), {width, title: "T", document});
        for (const cell of figure.querySelectorAll("g.cell")) {
          const flow = cell.closest("g.block")!.getAttribute("data-flow");
          const items = [...figure.querySelectorAll(`.treemap-key [data-flow="${flow}"] li`)];
          const listed = new Map(items.map((li) => [li.textContent!.replace(/^(\d+|•) /, "").split(" — ")[0], li.querySelector(".key-number")!.textContent!]));
          const productName = cell.querySelector("title")!.textContent!.split(`${NBSP}:`)[0];
          const label = cell.querySelector("text.cell-label");
          const names = label ? [...label.querySelectorAll("tspan:not(.cell-value)")].map((span) => span.textContent).join(" ") : null;
          if (names !== null) {
            expect(names).toBe(productName);
            expect(listed.has(productName)).toBe(false);
          } else {
            expect(listed.has(productName), productName).toBe(true);
            // The number in the cell, when there is one, is the one the key gives.
            const number = cell.querySelector("text.cell-key")?.textContent ?? "•";
            expect(listed.get(productName)).toBe(number);
          }
        }
        expect([...figure.querySelectorAll("svg text")].filter((text) => text.textContent!.includes("…")).map((t) => t.textContent)).toEqual([]);
      });
    }
  }

  it("keeps a deficit territory's export sliver visible and lists its products", () => {
    const figure = activityTreemap(deficitRows(), {width: 326, title: "T", document});
    const exportCells = [...figure.querySelectorAll('g.block[data-flow="export"] g.cell rect')];
    const sliver = Math.max(...exportCells.map((rect) => Number(rect.getAttribute("height"))));
    expect(sliver).toBeGreaterThanOrEqual(4);
    const exportKey = figure.querySelector('.treemap-key [data-flow="export"]')!;
    expect(exportKey.textContent).toContain("Exportations");
    expect(exportKey.querySelectorAll("li").length).toBeGreaterThanOrEqual(20);
    expect(exportKey.textContent).toContain(`Autres produits alimentaires — `);
  });

  it("shows the key open in the wide drawing (screens, print), one tap away on a phone", () => {
    const wide = activityTreemap(deficitRows(), {width: 704, title: "T", document}).querySelector<HTMLDetailsElement>("details.treemap-key-block")!;
    const narrow = activityTreemap(deficitRows(), {width: 326, title: "T", document}).querySelector<HTMLDetailsElement>("details.treemap-key-block")!;
    expect(wide.open).toBe(true);
    expect(narrow.open).toBe(false);
    expect(narrow.querySelector("summary")!.textContent).toBe(`Les ${narrow.querySelectorAll("li").length} rectangles trop petits pour leur nom${NBSP}: numéros, noms et valeurs`);
  });

  it("names the residual « Autres produits », distinct from a product starting with « Autres »", () => {
    const figure = activityTreemap(deficitRows(), {width: 704, title: "T", document});
    const texts = [...figure.querySelectorAll("g.cell text.cell-label, .treemap-key li")].map((el) => el.textContent!);
    expect(texts.some((text) => text.replace(/^(\d+|•) /, "").startsWith("Autres produits alimentaires"))).toBe(true);
    const residual = figure.querySelector('g.block[data-flow="import"] g.cell[data-product="_AUTRES"] text.cell-label')!;
    expect([...residual.querySelectorAll("tspan:not(.cell-value)")].map((s) => s.textContent).join(" ")).toBe("Autres produits");
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

  it("stacks the blocks in a narrow drawing, each the full width, areas still in proportion", () => {
    const figure = activityTreemap(activityRows(), {width: 326, title: "T", document});
    const [imports, exports] = [...figure.querySelectorAll("g.block")];
    expect(imports.getAttribute("transform")).toBe("translate(0,0)");
    expect(Number(/,([\d.]+)\)/.exec(exports.getAttribute("transform")!)![1])).toBeGreaterThan(100);
    const importArea = blockRects(figure, "import").reduce((sum, rect) => sum + area(rect), 0);
    const exportArea = blockRects(figure, "export").reduce((sum, rect) => sum + area(rect), 0);
    expect(importArea / exportArea).toBeCloseTo(1697.2 / 1822.3, 3);
    for (const rect of [...blockRects(figure, "import"), ...blockRects(figure, "export")]) expect(Number(rect.getAttribute("x") ?? 0) + Number(rect.getAttribute("width"))).toBeLessThanOrEqual(326);
    expect(figure.querySelector(".chart-legend")!.textContent).toContain("En haut en bleu, les importations");
  });
});

describe("cell labels", () => {
  it("wraps a whole name on words, or says it cannot", () => {
    expect(wrapWhole("Produits en caoutchouc et en plastique", 90, 11)).toEqual(["Produits en", "caoutchouc et", "en plastique"]);
    expect(wrapWhole("Anticonstitutionnellement", 60, 11)).toBeNull();
  });

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
