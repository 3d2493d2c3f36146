// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {flowSankey, highlightedLinkKeys, nodeNameLines, placeLabels, type FlowLink} from "../../src/components/sankey.js";
import {COLORS} from "../../src/components/palette.js";
import {formatMillionEuros} from "../../src/components/format.js";
import {HOSTILE, sankeyLinks} from "./fixtures.js";

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

  describe("labels on a phone and on a wide screen", () => {
    // The names that were cut: a top export starting with « Autres », long A129 names.
    const names = [
      "Autres produits alimentaires",
      "Vêtements de dessus en textile",
      "Produits de la cokéfaction et du raffinage",
      "Machines et équipements d'usage général",
      "Produits chimiques de base, produits azotés et engrais",
      "Articles d'habillement",
      "Boissons",
      "Papier et carton",
      "Équipements électriques",
      "Produits de l'industrie automobile"
    ];
    const withNames = (): FlowLink[] => {
      const byCode = new Map<string, string>();
      return sankeyLinks(28.3e6).map((link) => {
        if (link.source !== "_AUTRES" && !byCode.has(link.source)) byCode.set(link.source, names[byCode.size]);
        return link.source === "_AUTRES" ? link : {...link, sourceName: byCode.get(link.source)!};
      });
    };

    for (const width of [326, 704]) {
      it(`wraps names instead of cutting them, at 11 px at least, without overlaps (${width} px)`, () => {
        const figure = flowSankey(withNames(), {width, title: "T", flow: "export", document});
        const nodes = [...figure.querySelectorAll<SVGGElement>("g.node")];
        for (const node of nodes) {
          const spans = [...node.querySelectorAll("tspan")];
          for (const span of spans) expect(Number(span.getAttribute("font-size"))).toBeGreaterThanOrEqual(11);
          const name = [...node.querySelectorAll(".node-name")].map((span) => span.textContent).join(" ");
          expect(name).not.toContain("…");
          expect(name).toBe(node.querySelector("rect title")!.textContent!.split("\u00a0:")[0]);
        }
        // Labels of one side never overlap: each one's last line is above the next one's first.
        for (const side of ["left", "right"]) {
          const boxes = nodes
            .filter((node) => node.dataset.side === side)
            .map((node) => {
              const ys = [...node.querySelectorAll("tspan")].map((span) => Number(span.getAttribute("y")));
              return {top: Math.min(...ys) - 11, bottom: Math.max(...ys)};
            })
            .sort((a, b) => a.top - b.top);
          for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom - 0.5);
          expect(boxes[0].top).toBeGreaterThanOrEqual(0);
          expect(boxes.at(-1)!.bottom).toBeLessThanOrEqual(Number(figure.querySelector("svg")!.getAttribute("height")));
        }
      });
    }

    it("tells the top export « Autres produits alimentaires » from the residual « Autres produits » on a phone", () => {
      const figure = flowSankey(withNames(), {width: 326, title: "T", flow: "export", document});
      const text = (code: string) => [...figure.querySelectorAll(`g.node[data-side="left"][data-code="${code}"] .node-name`)];
      expect(text("CI14").map((span) => span.textContent).join(" ")).toBe("Autres produits alimentaires");
      const residual = text("_AUTRES");
      expect(residual.map((span) => span.textContent).join(" ")).toBe("Autres produits");
      expect(residual.every((span) => span.getAttribute("font-style") === "italic")).toBe(true);
    });

    it("keeps the wide drawing as tall as before (print), labels moved apart rather than nodes", () => {
      const figure = flowSankey(withNames(), {width: 704, title: "T", flow: "export", document});
      expect(Number(figure.querySelector("svg")!.getAttribute("height"))).toBe(22 + 11 * 44);
      const tops = placeLabels([{id: "a", centre: 50, height: 40}, {id: "b", centre: 60, height: 40}, {id: "c", centre: 195, height: 10}], 0, 200);
      expect(tops.get("a")).toBe(30);
      expect(tops.get("b")).toBe(73); // below a, 3 px apart
      expect(tops.get("c")).toBe(190); // pulled up to end at the bottom
    });

    it("cuts only a name longer than four lines, after a word", () => {
      const long = "Réservoirs, citernes et conteneurs métalliques ; radiateurs et chaudières pour le chauffage central ; générateurs de vapeur";
      const lines = nodeNameLines(long, 120);
      expect(lines).toHaveLength(4);
      expect(lines[3].endsWith("…")).toBe(true);
      // In the wide drawing's label column, even the longest A129 name is whole.
      expect(nodeNameLines(long, 704 * 0.3 - 8).join(" ")).toBe(long);
      const wrapped = nodeNameLines("Vêtements de dessus en textile", 120);
      expect(wrapped).toHaveLength(2);
      expect(wrapped.join(" ")).toBe("Vêtements de dessus en textile");
    });
  });
});
