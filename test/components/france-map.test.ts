// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {hsl} from "d3";
import {COLORS} from "../../src/components/palette.js";
import {GEOMETRY_CODES, GEOMETRY_CREDIT, MAP_CREDIT, MISSING_COLOR, colorScale, franceMap, mapLegend, type MapDatum} from "../../src/components/france-map.js";
import {departements} from "../../src/data/territories.js";

const NBSP = "\u00a0";

/** Every département of INSEE's list (Corsica as 2A and 2B), with a deterministic value (Aube: 1 822,3 M€, Paris: missing). */
function data(): MapDatum[] {
  return departements.filter((d) => d.code !== "20").map((d, i) => ({
    code: d.code,
    name: d.name,
    value: d.code === "75" ? null : d.code === "10" ? 1822.3e6 : (i + 1) * 100e6
  }));
}

const draw = (metric: "exports" | "balance" = "exports", rows = data()) =>
  franceMap(rows, {metric, label: "Exportations 2024", href: (code) => `./departements/${code}`, width: 600, document});

describe("franceMap", () => {
  it("draws the 96 metropolitan départements from the geometry, Corsica as 2A and 2B", () => {
    expect(GEOMETRY_CODES).toHaveLength(96);
    expect(GEOMETRY_CODES).toContain("2A");
    expect(GEOMETRY_CODES).toContain("2B");
    expect(GEOMETRY_CODES.some((code) => code.startsWith("97"))).toBe(false);
  });

  it("colours both halves of Corsica with the customs' one Corsica (20), linked to its page", () => {
    const rows = departements.filter((d) => d.code !== "2A" && d.code !== "2B").map((d, i) => ({code: d.code, name: d.name, value: d.code === "20" ? 5e10 : (i + 1) * 1e6}));
    const figure = draw("exports", rows);
    const corsica = [...figure.querySelectorAll('svg g.departements a[data-code="20"]')];
    expect(corsica).toHaveLength(2);
    const fills = corsica.map((a) => a.querySelector("path")!.getAttribute("fill"));
    expect(fills[0]).toBe(fills[1]);
    expect(fills[0]).not.toBe(figure.querySelector('svg a[data-code="10"] path')!.getAttribute("fill"));
    expect(figure.querySelectorAll('svg g.insets a[data-code="20"]')).toHaveLength(0);
  });

  it("makes all 101 départements links, the overseas ones as labelled tiles", () => {
    const figure = draw();
    const links = [...figure.querySelectorAll("svg a")];
    expect(links).toHaveLength(101);
    expect(new Set(links.map((a) => a.getAttribute("data-code")))).toEqual(new Set(data().map((d) => d.code)));
    expect(figure.querySelectorAll("svg a path")).toHaveLength(96);
    const tiles = [...figure.querySelectorAll("svg g.insets a")];
    expect(tiles.map((a) => a.getAttribute("data-code"))).toEqual(["971", "972", "973", "974", "976"]);
    expect(tiles[3].querySelector("rect")).not.toBeNull();
    expect([...tiles[3].querySelectorAll("text")].map((t) => t.textContent)).toEqual(["974"]);
    expect([...figure.querySelectorAll("svg g.insets text.inset-name")].map((t) => t.textContent)).toEqual(["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]);
    // The accessible name comes from the <title>, which starts with the visible text (WCAG 2.5.3);
    // no aria-label that axe would compare with the visible "974".
    expect(tiles[3].getAttribute("aria-label")).toBeNull();
    expect(tiles[3].querySelector("title")?.textContent).toMatch(/^974 La Réunion — Exportations 2024 : /u);
  });

  it("links each département to its page, with a French title and accessible name", () => {
    const aube = draw().querySelector("svg a[data-code='10']")!;
    expect(aube.getAttribute("href")).toBe("./departements/10");
    const text = `Aube (10) — Exportations 2024 : 1\u202f822,3${NBSP}M€`;
    expect(aube.querySelector("title")!.textContent).toBe(text);
    expect(aube.getAttribute("aria-label")).toBe(text);
    const paris = draw().querySelector("svg a[data-code='75']")!;
    expect(paris.getAttribute("aria-label")).toBe("Paris (75) — Exportations 2024 : donnée absente");
    expect(paris.querySelector("path")!.getAttribute("fill")).toBe(MISSING_COLOR);
  });

  it("colours by quantile classes and lists them in the legend, with the missing class", () => {
    const figure = draw();
    const items = [...figure.querySelectorAll(".france-map-legend li")].map((li) => li.textContent);
    expect(items).toHaveLength(7);
    expect(items.at(-1)).toBe("donnée absente");
    expect(items[0]).toMatch(new RegExp(`^de 100${NBSP}M€ à `, "u"));
    const fills = new Set([...figure.querySelectorAll("svg a path")].map((p) => p.getAttribute("fill")));
    expect(fills.size).toBe(7);
    // Larger values get darker classes: the last département is in the last class.
    const { classes } = colorScale("exports", data().flatMap((d) => (d.value === null ? [] : [d.value])));
    expect(figure.querySelector("svg a[data-code='976'] rect")!.getAttribute("fill")).toBe(classes.at(-1)!.color);
  });

  it("splits the balance around zero, signs written in the legend", () => {
    const rows = data().map((d, i) => ({...d, value: (i % 2 ? -1 : 1) * (i + 1) * 10e6}));
    const {classes, color} = colorScale("balance", rows.map((d) => d.value));
    expect(classes).toHaveLength(8);
    expect(classes[0].label).toMatch(/^moins de \u2212/u);
    expect(classes.at(-1)!.label).toMatch(/^\+.* et plus$/u);
    expect(color(-1)).toBe(classes[3].color);
    expect(color(1)).toBe(classes[4].color);
    expect(color(null)).toBe(MISSING_COLOR);
  });

  it("never colours the balance in the import blue or the export violet, and says red and green in the legend", () => {
    const rows = data().map((d, i) => ({...d, value: (i % 2 ? -1 : 1) * (i + 1) * 10e6}));
    const {classes} = colorScale("balance", rows.map((d) => d.value));
    // Hues of the import blue (≈ 217°) and export violet (≈ 277°), and everything between.
    const [importHue, exportHue] = [hsl(COLORS.import).h, hsl(COLORS.export).h];
    expect(importHue).toBeGreaterThan(200);
    expect(exportHue).toBeLessThan(300);
    for (const {color} of classes) {
      const {h, s} = hsl(color);
      expect(color).not.toBe(COLORS.import);
      // A grey-ish light tint has no hue to collide with; any coloured class is outside 180–320°.
      if (s > 0.15) expect(h < 180 || h > 320, `${color} (${Math.round(h)}°)`).toBe(true);
    }
    // Deficits red, surpluses green: the partner chart's and the rankings' colours.
    expect(hsl(classes[0].color).h < 20 || hsl(classes[0].color).h > 340).toBe(true);
    expect(hsl(classes.at(-1)!.color).h).toBeGreaterThan(90);
    expect(hsl(classes.at(-1)!.color).h).toBeLessThan(160);
    const figure = draw("balance", rows);
    expect(figure.querySelector(".legend-note")!.textContent).toMatch(/En rouge, les départements en déficit.*en vert, ceux en excédent/);
    expect(draw("exports").querySelector(".legend-note")).toBeNull();
  });

  it("credits the geometry and labels the map for screen readers", () => {
    const figure = draw();
    expect(figure.querySelector("figcaption")!.textContent).toBe(GEOMETRY_CREDIT);
    expect(GEOMETRY_CREDIT).toContain("CC-BY 4.0");
    expect(figure.querySelector("svg")!.getAttribute("aria-label")).toContain("Exportations 2024");
  });

  it("uses textContent: hostile names stay text", () => {
    const rows = data().map((d) => (d.code === "974" ? {...d, name: "<img src=x onerror=alert(1)>"} : d));
    const figure = draw("exports", rows);
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelectorAll("svg g.insets text.inset-name")[3].textContent).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("mapLegend", () => {
  it("is the legend the map shows, item for item, with « donnée absente » only when a value is missing", () => {
    const legend = mapLegend(data(), "exports");
    const shown = [...draw().querySelectorAll(".france-map-legend li")].map((item) => item.textContent);
    expect(legend.map(({label}) => label)).toEqual(shown);
    expect(legend.at(-1)).toEqual({color: MISSING_COLOR, label: "donnée absente"});
    const complete = data().map((d) => ({...d, value: d.value ?? 1e6}));
    expect(mapLegend(complete, "exports").some(({label}) => label === "donnée absente")).toBe(false);
    expect(GEOMETRY_CREDIT).toContain(MAP_CREDIT);
  });
});
