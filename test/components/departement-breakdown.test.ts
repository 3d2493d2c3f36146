// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {formatMillionEuros, formatShare, formatSignedMillionEuros} from "../../src/components/format.js";
import {breakdownRows, breakdownSentence, breakdownTitle, departementBreakdown} from "../../src/components/departement-breakdown.js";

const M = 1e6;
// Provence-Alpes-Côte d'Azur as the customs count it: its six départements and Monaco (code 99, no page).
const PACA = {
  departements: [
    {territory: "D04", name: "Alpes-de-Haute-Provence (04)", exports: 100 * M, imports: 50 * M},
    {territory: "D13", name: "Bouches-du-Rhône (13)", exports: 900 * M, imports: 1500 * M},
    {territory: "D06", name: "Alpes-Maritimes (06)", exports: 0, imports: 0}
  ],
  region: {name: "Provence-Alpes-Côte d'Azur", exports: 1030 * M, imports: 1560 * M},
  alsoCounted: ["Monaco (code 99 des Douanes)"]
};

describe("a région's figures by département", () => {
  it("lists every département, then Monaco for what the région counts beyond them, then the région's total", () => {
    const rows = breakdownRows(PACA);
    expect(rows.map((row) => row.id)).toEqual(["D04", "D13", "D06", "hors-departements", "total"]);
    const monaco = rows[3];
    expect(monaco).toMatchObject({name: "Monaco (code 99 des Douanes)", exports: 30 * M, imports: 10 * M, balance: 20 * M});
    const parts = rows.slice(0, -1);
    const total = rows.at(-1)!;
    expect(parts.reduce((sum, row) => sum + row.exports, 0)).toBe(total.exports);
    expect(parts.reduce((sum, row) => sum + row.imports, 0)).toBe(total.imports);
    expect(total).toMatchObject({name: "Total Provence-Alpes-Côte d'Azur", exportShare: 1, importShare: 1, balance: -530 * M});
    expect(rows[1].exportShare).toBeCloseTo(900 / 1030, 12);
  });

  it("adds no row when the départements make the région's whole total", () => {
    const rows = breakdownRows({...PACA, region: {name: "Grand Est", exports: 1000 * M, imports: 1550 * M}, alsoCounted: []});
    expect(rows.map((row) => row.id)).toEqual(["D04", "D13", "D06", "total"]);
  });

  it("names the leading exporter and importer with their shares of the région", () => {
    expect(formatShare(900 / 1030)).toMatch(/^87,4/);
    expect(breakdownSentence(breakdownRows(PACA), "de la Provence-Alpes-Côte d'Azur")).toBe(
      `Premier département à l'export : Bouches-du-Rhône (13), ${formatShare(900 / 1030)} des exportations de la Provence-Alpes-Côte d'Azur ; ` +
        `à l'import : Bouches-du-Rhône (13), ${formatShare(1500 / 1560)} des importations.`
    );
  });

  it("draws the bars of the départements and Monaco, not the total, and an open table of every row", () => {
    const drawing = departementBreakdown(breakdownRows(PACA), {title: breakdownTitle("Provence-Alpes-Côte d'Azur", 2024), regionOfName: "de la Provence-Alpes-Côte d'Azur", fileName: "paca-departements-2024.csv", document});
    const figure = drawing.chart(704);
    expect(figure.dataset.chart).toBe("departements");
    expect(figure.querySelector("figcaption h3")?.textContent).toBe("Exportations et importations par département, Provence-Alpes-Côte d'Azur (2024)");
    expect(figure.querySelectorAll("g[aria-description='exportations'] rect")).toHaveLength(4);
    expect(figure.textContent).toContain("pour chaque département");
    const [block] = drawing.after;
    expect(block.querySelector("details")?.open).toBe(true);
    expect(block.classList.contains("chart-data-open")).toBe(true);
    const cells = [...block.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(cells.map((row) => row[0])).toEqual(["Alpes-de-Haute-Provence (04)", "Bouches-du-Rhône (13)", "Alpes-Maritimes (06)", "Monaco (code 99 des Douanes)", "Total Provence-Alpes-Côte d'Azur"]);
    expect(cells[4]).toEqual(["Total Provence-Alpes-Côte d'Azur", formatMillionEuros(1030 * M), formatMillionEuros(1560 * M), formatSignedMillionEuros(-530 * M), formatShare(1), formatShare(1)]);
    expect(block.querySelector("th:nth-child(5)")?.textContent).toBe("Part des exportations de la région (%)");
  });
});
