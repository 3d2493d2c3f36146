// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {flowSankey, highlightedLinkKeys, type FlowLink} from "../../src/components/sankey.ts";
import {COLORS} from "../../src/components/palette.ts";
import {formatMillionEuros} from "../../src/components/format.ts";
import {HOSTILE, sankeyLinks} from "./fixtures.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const draw = (links: FlowLink[], flow: "export" | "import" = "export", width = 900) =>
  flowSankey(links, {width, title: "Aube — flux à l'export, en M€, 2024", flow, document});

const redLinks = (figure: HTMLElement) => [...figure.querySelectorAll<SVGPathElement>('path.link[data-highlight="true"]')];

describe("flowSankey", () => {
  it("draws 11 + 11 nodes, every link, and exactly 5 red links", () => {
    const links = sankeyLinks(1822.3e6);
    const figure = draw(links);
    expect(figure.querySelectorAll('g.node[data-side="left"]')).toHaveLength(11);
    expect(figure.querySelectorAll('g.node[data-side="right"]')).toHaveLength(11);
    expect(figure.querySelectorAll("path.link")).toHaveLength(links.length);
    const red = redLinks(figure);
    expect(red).toHaveLength(5);
    for (const path of red) expect(path.getAttribute("stroke")).toBe(COLORS.highlight);
    for (const path of figure.querySelectorAll('path.link[data-highlight="false"]')) {
      expect(path.getAttribute("stroke")).toBe(COLORS.neutral);
    }
  });

  it("never reddens a flow from or to « Autres », even the largest one", () => {
    const links: FlowLink[] = [
      {source: "_AUTRES", sourceName: "Autres", target: "DE", targetName: "Allemagne", value: 900e6},
      {source: "CI14", sourceName: "Habillement", target: "_AUTRES", targetName: "Autres", value: 800e6},
      ...["BE", "IT", "ES", "US", "GB", "CH"].map((country, i) => ({
        source: "CI14",
        sourceName: "Habillement",
        target: country,
        targetName: `Pays ${country}`,
        value: (60 - i) * 1e6
      }))
    ];
    const figure = draw(links);
    const red = redLinks(figure).map((path) => path.querySelector("title")?.textContent ?? "");
    expect(red).toHaveLength(5);
    expect(red.some((title) => title.includes("Autres"))).toBe(false);
    expect(red.some((title) => title.includes("Pays CH"))).toBe(false); // sixth named flow
    expect([...highlightedLinkKeys(links, 5)]).toEqual(["CI14→BE", "CI14→IT", "CI14→ES", "CI14→US", "CI14→GB"]);
  });

  it("orders nodes by value with « Autres » last on each side", () => {
    const figure = draw(sankeyLinks(1822.3e6));
    for (const side of ["left", "right"]) {
      const nodes = [...figure.querySelectorAll<SVGGElement>(`g.node[data-side="${side}"]`)].sort(
        (a, b) => Number(a.querySelector("rect")!.getAttribute("y")) - Number(b.querySelector("rect")!.getAttribute("y"))
      );
      expect(nodes.at(-1)!.dataset.code).toBe("_AUTRES");
      const heights = nodes.slice(0, -1).map((node) => Number(node.querySelector("rect")!.getAttribute("height")));
      expect(heights).toEqual([...heights].sort((a, b) => b - a));
    }
  });

  it("labels left nodes on their left, right nodes on their right, with name and M€", () => {
    const figure = draw(sankeyLinks(1822.3e6));
    for (const node of figure.querySelectorAll<SVGGElement>("g.node")) {
      const rect = node.querySelector("rect")!;
      const label = node.querySelector("text.node-label")!;
      const x = Number(label.getAttribute("x"));
      if (node.dataset.side === "left") {
        expect(label.getAttribute("text-anchor")).toBe("end");
        expect(x).toBeLessThan(Number(rect.getAttribute("x")));
      } else {
        expect(label.getAttribute("text-anchor")).toBe("start");
        expect(x).toBeGreaterThan(Number(rect.getAttribute("x")) + Number(rect.getAttribute("width")));
      }
      expect(label.querySelector(".node-value")!.textContent).toMatch(/^\d[\d\u202f]*,\d\u00a0M€$/);
    }
    const germany = figure.querySelector('g.node[data-code="DE"] text')!;
    expect(germany.querySelector(".node-name")!.textContent).toBe("Allemagne");
  });

  it("writes link tooltips « A → B : X M€ » and handles France-sized values", () => {
    const links = sankeyLinks(684_776.3e6, "import");
    const figure = draw(links, "import");
    const titles = [...figure.querySelectorAll("path.link > title")].map((title) => title.textContent);
    expect(titles).toContain(`Allemagne → Articles d'habillement${NBSP}: ${formatMillionEuros(links[0].value)}`);
    expect(figure.querySelectorAll("g.node")).toHaveLength(22);
    const leftValues = [...figure.querySelectorAll('g.node[data-side="left"] .node-value')].map((t) => t.textContent);
    expect(leftValues.every((text) => text!.includes(NNBSP))).toBe(true); // hundreds of thousands of M€
    expect(figure.querySelector(".side-headers")!.textContent).toBe("Pays d'origineProduits importés");
  });

  it("renders a hostile label literally", () => {
    const links: FlowLink[] = [{source: "X", sourceName: HOSTILE, target: "DE", targetName: "Allemagne", value: 1e6}];
    const figure = draw(links);
    expect(figure.querySelector("script")).toBeNull();
    expect(figure.querySelector("path.link > title")!.textContent).toContain(HOSTILE);
    expect(figure.querySelector('g.node[data-side="left"] rect > title')!.textContent).toContain(HOSTILE);
  });

  it("has a figure title, a text alternative and a reading key in words", () => {
    const figure = draw(sankeyLinks(1e9));
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("figcaption h3")!.textContent).toBe("Aube — flux à l'export, en M€, 2024");
    expect(figure.querySelector("svg")!.getAttribute("aria-label")).toBe("Aube — flux à l'export, en M€, 2024");
    expect(figure.querySelector("svg > title")!.textContent).toBe("Aube — flux à l'export, en M€, 2024");
    expect(figure.querySelector(".chart-legend")!.textContent).toContain("En rouge");
  });

  it("draws up to 20 named nodes and « Autres » on a side, refuses more, and says why", () => {
    const links = (count: number) => Array.from({length: count}, (_, i) => ({source: `P${i}`, sourceName: `P${i}`, target: "DE", targetName: "Allemagne", value: 1e6}));
    expect(draw(links(21)).querySelectorAll("g.node[data-side='left']")).toHaveLength(21);
    expect(() => draw(links(22))).toThrow(/22 nœuds à gauche, 21 au plus/);
  });

  it("says so when there is nothing to draw", () => {
    const figure = draw([]);
    expect(figure.querySelectorAll("path.link")).toHaveLength(0);
    expect(figure.querySelector("svg")!.textContent).toContain("Aucun flux");
  });
});
