// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {changeChart, changeScale, changeTitle} from "../../src/components/change-chart.js";
import {COLORS, estimateTextWidth} from "../../src/components/palette.js";
import {quarterLabel, relativeChange, type QuarterPoint} from "../../src/components/trends.js";
import type {Flow} from "../../src/data/canonical.js";

const NBSP = "\u00a0";
const MINUS = "\u2212";
const HOSTILE = `<img src=x onerror=alert(1)> & « ouvrages »`;
const TITLE = "Aube — évolution sur un an des exportations et des importations, par trimestre, 2025";

/** Quarterly points from values in M€ per flow, the first quarter being T1 of `firstYear`. */
function makePoints(values: Record<Flow, number[]>, firstYear: number): QuarterPoint[] {
  const points: QuarterPoint[] = [];
  for (const flow of ["export", "import"] as Flow[]) {
    const series = values[flow];
    series.forEach((millions, t) => {
      const year = firstYear + Math.floor(t / 4);
      const quarter = (t % 4) + 1;
      const value = millions * 1e6;
      const previousValue = t >= 4 ? series[t - 4] * 1e6 : null;
      points.push({year, quarter, label: quarterLabel(year, quarter), flow, value, previousValue, change: relativeChange(value, previousValue)});
    });
  }
  return points;
}

/**
 * 2024 then 2025. Exports change by +4,2 %, −5 %, +10 %, 0 %; imports by −5 %,
 * +5 %, 0 %, and not at all in T4 (T4 2024 is zero: nothing to compare to).
 */
const points = makePoints(
  {
    export: [100, 100, 100, 100, 104.2, 95, 110, 100],
    import: [200, 200, 200, 0, 190, 210, 200, 150]
  },
  2024
);
const NON_NULL = points.filter((p) => p.change !== null).length; // 7

/** Five years, changes of both signs every year: 16 quarters drawn per flow. */
const long = makePoints(
  {
    export: [400, 420, 390, 450, 430, 410, 440, 470, 455, 470, 400, 520, 470, 480, 430, 510, 520, 470, 460, 540],
    import: [380, 385, 400, 395, 400, 410, 380, 370, 420, 430, 410, 400, 390, 440, 450, 420, 400, 450, 470, 410]
  },
  2020
);

const draw = (data: readonly QuarterPoint[] = points, width = 900) => changeChart(data, {width, title: TITLE, document});
const chartSvg = (figure: HTMLElement) => figure.querySelector<SVGSVGElement>(":scope > svg")!;
const bars = (figure: HTMLElement, flow?: Flow) =>
  [...chartSvg(figure).querySelectorAll(flow ? `g[aria-description="barres ${flow}"] rect` : `g[aria-description^="barres "] rect`)];
const barTitled = (figure: HTMLElement, title: string) => bars(figure).find((rect) => rect.querySelector("title")!.textContent === title)!;
const zeroY = (figure: HTMLElement) => Number(chartSvg(figure).querySelector("line.zero-line")!.getAttribute("y1"));
const num = (element: Element, attribute: string) => Number(element.getAttribute(attribute));
const translateX = (element: Element) => Number(/translate\(([^,]+),/.exec(element.getAttribute("transform") ?? "")?.[1] ?? 0);
const tickLabels = (figure: HTMLElement, axis: "fx" | "y") =>
  [...chartSvg(figure).querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? "");

describe("changeChart", () => {
  it("is a titled figure whose chart's text alternative is the title", () => {
    const figure = draw();
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.dataset.chart).toBe("change");
    expect(figure.querySelector("figcaption h3")!.textContent).toBe(TITLE);
    const svg = chartSvg(figure);
    expect(svg.getAttribute("aria-label")).toBe(TITLE);
    expect(svg.querySelector(":scope > title")!.textContent).toBe(TITLE);
    expect(svg.getAttribute("aria-description")).toBe(
      `Exportations T4 2025${NBSP}: 0,0${NBSP}% par rapport au T4 2024. ` +
        `Importations T3 2025${NBSP}: 0,0${NBSP}% par rapport au T3 2024.`
    );
    // axe: no <g> named without a role
    expect(svg.querySelectorAll("g[aria-label]:not([role])")).toHaveLength(0);
  });

  it("draws one bar per quarter and flow that has a change, and none for the first year", () => {
    const figure = draw();
    expect(NON_NULL).toBe(7);
    expect(bars(figure)).toHaveLength(NON_NULL);
    expect(bars(figure, "export")).toHaveLength(4);
    expect(bars(figure, "import")).toHaveLength(3);
    expect(tickLabels(figure, "fx")).toEqual(["T1 2025", "T2 2025", "T3 2025", "T4 2025"]);
    expect(bars(draw(long))).toHaveLength(32);
  });

  it("draws a rise above the zero line and a fall below it", () => {
    const figure = draw();
    const zero = zeroY(figure);
    const rise = barTitled(figure, `Exportations T3 2025${NBSP}: +10,0${NBSP}% par rapport au T3 2024`);
    const fall = barTitled(figure, `Exportations T2 2025${NBSP}: ${MINUS}5,0${NBSP}% par rapport au T2 2024`);
    expect(num(rise, "height")).toBeGreaterThan(0);
    expect(num(rise, "y") + num(rise, "height")).toBeCloseTo(zero, 6);
    expect(num(fall, "height")).toBeGreaterThan(0);
    expect(num(fall, "y")).toBeCloseTo(zero, 6);
    // Heights in proportion: +10 % is twice as tall as −5 %.
    expect(num(rise, "height") / num(fall, "height")).toBeCloseTo(2, 6);
    // The zero line spans the whole frame, not one quarter.
    const line = chartSvg(figure).querySelector("line.zero-line")!;
    expect(num(line, "x2") - num(line, "x1")).toBeGreaterThan(800);
  });

  it("titles every bar in French with the sign and the quarter compared to", () => {
    const titles = bars(draw()).map((rect) => rect.querySelector("title")!.textContent);
    expect(titles).toEqual([
      `Exportations T1 2025${NBSP}: +4,2${NBSP}% par rapport au T1 2024`,
      `Exportations T2 2025${NBSP}: ${MINUS}5,0${NBSP}% par rapport au T2 2024`,
      `Exportations T3 2025${NBSP}: +10,0${NBSP}% par rapport au T3 2024`,
      `Exportations T4 2025${NBSP}: 0,0${NBSP}% par rapport au T4 2024`,
      `Importations T1 2025${NBSP}: ${MINUS}5,0${NBSP}% par rapport au T1 2024`,
      `Importations T2 2025${NBSP}: +5,0${NBSP}% par rapport au T2 2024`,
      `Importations T3 2025${NBSP}: 0,0${NBSP}% par rapport au T3 2024`
    ]);
    const point = points.find((p) => p.flow === "import" && p.label === "T2 2025")!;
    expect(changeTitle({...point, change: point.change!})).toBe(titles[5]);
  });

  it("colours the flows as the trend chart, exports left of imports, with a legend in words", () => {
    const figure = draw();
    const fills = (flow: Flow) => [...chartSvg(figure).querySelectorAll(`g[aria-description="barres ${flow}"] > g`)].map((g) => g.getAttribute("fill"));
    expect(new Set(fills("export"))).toEqual(new Set([COLORS.export]));
    expect(new Set(fills("import"))).toEqual(new Set([COLORS.import]));
    const [exportT1] = bars(figure, "export");
    const [importT1] = bars(figure, "import");
    expect(num(exportT1, "x")).toBeLessThan(num(importT1, "x"));
    const legend = figure.querySelector(".chart-legend")!;
    expect(legend.querySelector(".legend-export")!.textContent).toBe(" Exportations (barre de gauche)");
    expect(legend.querySelector(".legend-import")!.textContent).toBe(" Importations (barre de droite)");
    expect(legend.querySelector(".legend-export rect")!.getAttribute("fill")).toBe(COLORS.export);
    expect(legend.querySelector(".legend-import rect")!.getAttribute("fill")).toBe(COLORS.import);
    expect(legend.querySelector(".legend-export svg")!.getAttribute("aria-hidden")).toBe("true");
    expect(legend.textContent).toContain("même trimestre de l'année précédente");
  });

  it("writes the y axis in signed French percentages, with decimals only when the range needs them", () => {
    const labels = tickLabels(draw(), "y");
    expect(labels).toContain(`0${NBSP}%`);
    expect(labels).toContain(`+10${NBSP}%`);
    expect(labels).toContain(`${MINUS}4${NBSP}%`);
    expect(labels.every((label) => /^(?:[+\u2212]\d+|0)\u00a0%$/.test(label))).toBe(true);
    const small = makePoints({export: [100, 100, 100, 100, 101.2, 99.2, 100.4, 100], import: [100, 100, 100, 100, 99, 100.8, 100, 100]}, 2024);
    const smallLabels = tickLabels(draw(small), "y");
    expect(smallLabels).toContain(`+0,5${NBSP}%`);
    expect(new Set(smallLabels).size).toBe(smallLabels.length);
    expect(chartSvg(draw()).querySelector('g[aria-label="y-axis label"]')!.textContent).toBe("Évolution sur un an");
  });

  it("sizes the left margin to the widest tick label", () => {
    const huge = makePoints({export: [10, 10, 10, 10, 135, 9, 10, 10], import: [10, 10, 10, 10, 10, 10, 10, 10]}, 2024);
    for (const data of [points, huge]) {
      const figure = draw(data);
      const marginLeft = num(chartSvg(figure).querySelector("line.zero-line")!, "x1");
      for (const label of tickLabels(figure, "y")) expect(estimateTextWidth(label, 11) + 9).toBeLessThanOrEqual(marginLeft);
    }
    expect(tickLabels(draw(huge), "y")).toContain(`+1${"\u202f"}200${NBSP}%`);
  });

  it("labels every quarter when wide, only the first quarters of each year when narrow", () => {
    const drawnLabels = long.filter((p) => p.flow === "export" && p.change !== null).map((p) => p.label);
    expect(tickLabels(draw(long, 1400), "fx")).toEqual(drawnLabels);
    expect(tickLabels(draw(long, 600), "fx")).toEqual(["T1 2021", "T1 2022", "T1 2023", "T1 2024"]);
  });

  it("respects the width", () => {
    for (const width of [360, 640, 1200]) {
      const svg = chartSvg(draw(long, width));
      expect(svg.getAttribute("width")).toBe(String(width));
      expect(svg.getAttribute("viewBox")).toBe(`0 0 ${width} ${svg.getAttribute("height")}`);
      expect(num(svg.querySelector("line.zero-line")!, "x2")).toBeLessThanOrEqual(width);
      for (const rect of svg.querySelectorAll('g[aria-description^="barres "] rect')) {
        const right = translateX(rect.parentElement!) + num(rect, "x") + num(rect, "width");
        expect(right).toBeLessThanOrEqual(width);
        expect(num(rect, "width")).toBeGreaterThan(2);
      }
    }
  });

  it("writes labels and flows from the data as text, never as markup", () => {
    const hostile: QuarterPoint[] = [
      {year: 2025, quarter: 1, label: HOSTILE, flow: "export", value: 2e6, previousValue: 1e6, change: 1},
      {year: 2025, quarter: 1, label: HOSTILE, flow: HOSTILE as Flow, value: 2e6, previousValue: 1e6, change: 1}
    ];
    const figure = draw(hostile);
    expect(figure.querySelector("img")).toBeNull();
    expect(bars(figure)).toHaveLength(1);
    expect(bars(figure)[0].querySelector("title")!.textContent).toBe(`Exportations ${HOSTILE}${NBSP}: +100,0${NBSP}% par rapport au T1 2024`);
    expect(tickLabels(figure, "fx")).toEqual([HOSTILE]);
  });

  it("says so in words when no quarter has a year before it", () => {
    const firstYear = points.filter((p) => p.year === 2024);
    for (const data of [[], firstYear]) {
      const figure = draw(data);
      expect(figure.dataset.chart).toBe("change");
      expect(figure.querySelector("svg")).toBeNull();
      expect(figure.querySelector("figcaption h3")!.textContent).toBe(TITLE);
      expect(figure.querySelector(".chart-empty")!.textContent).toBe(
        `L'évolution sur un an ne peut pas être calculée pour ce territoire${NBSP}: ` +
          "aucun trimestre n'a de données pour le même trimestre de l'année précédente."
      );
    }
  });
});

describe("changeScale", () => {
  it("always includes zero, ends on ticks, and picks the decimals of its step", () => {
    expect(changeScale([3, 8], 300)).toMatchObject({domain: [0, 8], decimals: 0});
    expect(changeScale([-12, -3], 300).domain[1]).toBe(0);
    const small = changeScale([-1.2, 1.2], 300);
    expect(small.decimals).toBe(1);
    expect(small.ticks).toContain(0.5);
    // A quarter at +1 250 % and another at −10 %: the axis stops at −100 %, not −500 %.
    const [lo, hi] = changeScale([-10, 1250], 304).domain;
    expect(lo).toBe(-100);
    expect(hi).toBeGreaterThanOrEqual(1250);
    const flat = changeScale([0, 0], 300);
    expect(flat.domain[0]).toBe(0);
    expect(flat.domain[1]).toBeGreaterThan(0);
  });
});
