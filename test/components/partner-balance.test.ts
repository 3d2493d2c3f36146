// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {axisTicks, partnerBalanceChart, sortPartners, type PartnerRow} from "../../src/components/partner-balance.js";
import {COLORS, estimateTextWidth} from "../../src/components/palette.js";
import {HOSTILE, partnerRows} from "./fixtures.js";

const NBSP = "\u00a0";
const draw = (rows: PartnerRow[], width = 900) =>
  partnerBalanceChart(rows, {width, title: "Aube — principaux pays partenaires, en M€, 2024", document});
const mark = (figure: HTMLElement, description: string) =>
  figure.querySelector(`g[aria-description="${description}"]`)!;
const rects = (figure: HTMLElement, description: string) => [...mark(figure, description).querySelectorAll("rect")];

describe("partnerBalanceChart", () => {
  it("draws one import, one export and one balance bar per country", () => {
    const figure = draw(partnerRows);
    for (const description of ["importations", "exportations", "solde"]) {
      expect(rects(figure, description)).toHaveLength(partnerRows.length);
    }
    expect(mark(figure, "importations").getAttribute("fill")).toBe(COLORS.import);
    expect(mark(figure, "exportations").getAttribute("fill")).toBe(COLORS.export);
  });

  it("puts imports left of zero and exports right of it", () => {
    const figure = draw(partnerRows);
    const zero = Number(figure.querySelector('g[aria-label="rule"] line')!.getAttribute("x1"));
    for (const rect of rects(figure, "importations")) {
      expect(Number(rect.getAttribute("x")) + Number(rect.getAttribute("width"))).toBeCloseTo(zero, 0);
    }
    for (const rect of rects(figure, "exportations")) expect(Number(rect.getAttribute("x"))).toBeCloseTo(zero, 0);
  });

  it("colours and writes each balance with its sign", () => {
    const figure = draw(partnerRows);
    const texts = [...mark(figure, "solde écrit").querySelectorAll("text")];
    const byText = new Map(texts.map((text) => [text.textContent, text.getAttribute("fill")]));
    expect(byText.get(`+125,1${NBSP}M€`)).toBe(COLORS.positive); // États-Unis, no imports
    expect(byText.get(`\u2212128,2${NBSP}M€`)).toBe(COLORS.negative); // Chine
    expect(byText.get(`0,0${NBSP}M€`)).toBe(COLORS.mutedText); // Pologne, balanced
    const fills = rects(figure, "solde").map((rect) => rect.getAttribute("fill"));
    expect(fills.filter((fill) => fill === COLORS.positive)).toHaveLength(5);
    expect(fills.filter((fill) => fill === COLORS.negative)).toHaveLength(4);
  });

  it("sorts countries by total trade, largest first", () => {
    const figure = draw(partnerRows);
    const labels = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(sortPartners(partnerRows).map((row) => row.countryName));
    expect(labels.slice(0, 3)).toEqual(["Allemagne", "Belgique", "Italie"]);
  });

  it("renders a hostile country name literally", () => {
    const figure = draw([{country: "XX", countryName: HOSTILE, exports: 3e6, imports: 1e6}]);
    expect(figure.querySelector("script")).toBeNull();
    const label = figure.querySelector('g[aria-label="y-axis tick label"] text')!;
    expect(label.textContent).toBe(HOSTILE);
    expect(mark(figure, "exportations").querySelector("title")!.textContent).toContain(HOSTILE);
  });

  it("has a title, a text alternative and a French reading key", () => {
    const figure = draw(partnerRows);
    expect(figure.querySelector("figcaption h3")!.textContent).toBe("Aube — principaux pays partenaires, en M€, 2024");
    expect(figure.querySelector("svg")!.getAttribute("aria-label")).toBe("Aube — principaux pays partenaires, en M€, 2024");
    expect(figure.querySelector("svg > title")!.textContent).toBe("Aube — principaux pays partenaires, en M€, 2024");
    const key = figure.querySelector(".chart-legend")!.textContent!;
    expect(key).toContain("Importations (vers la gauche)");
    expect(key).toContain("déficit, signe −");
    expect(key).toContain("excédent, signe +");
  });

  it("says so in words when there is no partner", () => {
    const figure = draw([]);
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.querySelector(".chart-empty")!.textContent).toContain("Aucun échange");
  });

  it("writes axis amounts unsigned, French style", () => {
    const ticks = [...draw(partnerRows).querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toContain("300");
    expect(ticks.some((tick) => tick!.startsWith("\u2212") || tick!.startsWith("-"))).toBe(false);
  });
});

describe("accessibility of Plot's mark groups", () => {
  it("gives every labelled <g> a role, as ARIA requires (axe: aria-prohibited-attr)", () => {
    const labelled = [...draw(partnerRows).querySelectorAll("svg g[aria-label]")];
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.filter((group) => !group.hasAttribute("role"))).toEqual([]);
  });

  describe("x axis on a phone", () => {
    const tickLabels = (figure: HTMLElement) =>
      [...figure.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((text) => ({
        text: text.textContent!,
        x: Number(/translate\(([-\d.]+)/.exec(text.closest("[transform]")?.getAttribute("transform") ?? text.getAttribute("transform") ?? "")?.[1] ?? text.getAttribute("x"))
      }));
    const franceLike: PartnerRow[] = partnerRows.map((row) => ({...row, exports: row.exports * 300, imports: row.imports * 300}));
    const mayotteLike: PartnerRow[] = partnerRows.map((row, i) => ({...row, exports: i * 0.1e6, imports: row.imports / 3}));

    for (const [name, rows] of [["Aube-like", partnerRows], ["France-like", franceLike], ["Mayotte-like", mayotteLike]] as const) {
      it(`has at least three readable tick labels at 326 px (${name})`, () => {
        const figure = draw(rows, 326);
        const labels = tickLabels(figure);
        expect(labels.length).toBeGreaterThanOrEqual(3);
        expect(labels.map((label) => label.text)).toContain("0");
        const sorted = [...labels].sort((a, b) => a.x - b.x);
        for (let i = 1; i < sorted.length; i++) {
          const room = sorted[i].x - sorted[i - 1].x;
          expect(room).toBeGreaterThan((estimateTextWidth(sorted[i].text, 11) + estimateTextWidth(sorted[i - 1].text, 11)) / 2);
        }
      });
    }

    it("picks round ticks, zero among them", () => {
      expect(axisTicks(-345, 350, 180, String)).toEqual([-200, 0, 200]);
      expect(axisTicks(-610, 28, 180, String).length).toBeGreaterThanOrEqual(3);
    });
  });
});
