/**
 * The comparison page (src/factsheet/comparison.ts, printed by
 * src/comparer.md.ts): the default comparison complete in its HTML as
 * Framework renders it — the key figures of both territories side by side,
 * each territory's partner chart and treemap as drawn for its factsheet —,
 * every territory with figures to choose from and its slice named for the
 * page's script, derived from the territory list, and one light script.
 */
import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {comparisonFigures, type ComparisonFigures} from "../../src/components/explorer-comparison.js";
import {formatMillionEuros, formatNumber} from "../../src/components/format.js";
import {withOverview} from "../../src/data/overview.js";
import {territoriesWithFigures} from "../../src/data/territory-ids.js";
import {comparisonMarkdown} from "../../src/factsheet/comparison.js";
import type {SiteFigures} from "../../src/factsheet/figures.js";
import {jsdomWindow, NARROW_WIDTH} from "../../src/factsheet/prerender.js";
import type {TerritoryViews} from "../../src/factsheet/page.js";
import {ranking, sum, territoryRows, type Fixture} from "../data/synthetic-trade.js";
import {drawnFixture, type DrawnFixture} from "./site-fixture.js";
import {HEAVY, reachedModules, rendered} from "./framework-markdown.js";

let site: DrawnFixture;
let fixture: Fixture;
let figures: SiteFigures;
let comparison: ComparisonFigures;
let views: Record<string, TerritoryViews>;
const {document} = await jsdomWindow();

beforeAll(async () => {
  site = await drawnFixture(["D10", "R44"]);
  ({fixture, figures, views} = site);
  comparison = await withOverview(fixture.tradeParquetPath, (run) => comparisonFigures(run, {year: figures.year, pair: {a: "D10", b: "R44"}}));
}, 60_000);

afterAll(async () => {
  await site?.cleanup();
});

const page = () => rendered(comparisonMarkdown(figures, comparison, views, document), "/comparer", document);

describe("the comparison page's HTML", () => {
  it("holds the default comparison's key figures side by side, equal to the canonical rows' sums", () => {
    const {body} = page();
    const table = body.querySelector(".comparison table.comparison-table")!;
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Indicateur", "Aube", "Grand Est"]);
    expect(table.querySelector("caption")?.textContent).toBe(`Aube (10) et Grand Est : chiffres clés ${figures.year}`);
    const line = (label: string) => [...table.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("th")?.textContent === label)!;
    const total = (territory: string, flow: string) => sum(territoryRows(fixture.rows, territory, figures.year).filter((row) => row.flow === flow).map((row) => row.value_eur));
    expect([...line("Exportations").querySelectorAll("td")].map((td) => td.textContent)).toEqual([formatMillionEuros(total("D10", "export")), formatMillionEuros(total("R44", "export"))]);
    expect([...line("Importations").querySelectorAll("td")].map((td) => td.textContent)).toEqual([formatMillionEuros(total("D10", "import")), formatMillionEuros(total("R44", "import"))]);
    // The factsheets' scale of the index, the overview's too: the squared shares in percent, summed (0 to 10 000).
    const hhi = (territory: string) => {
      const exports = territoryRows(fixture.rows, territory, figures.year).filter((row) => row.flow === "export");
      const whole = total(territory, "export");
      return sum(ranking(exports, (row) => row.country).map(([, value]) => (100 * value / whole) ** 2));
    };
    expect([...line("Concentration des pays clients (indice IHH, sur 10\u202f000)").querySelectorAll("td")].map((td) => td.textContent)).toEqual([formatNumber(hhi("D10")), formatNumber(hhi("R44"))]);
  });

  it("puts both territories' partner chart and treemap side by side, as drawn for their factsheets, narrow only", () => {
    const {body} = page();
    const rows = [...body.querySelectorAll(".comparison .comparison-sides")];
    expect(rows).toHaveLength(2);
    const slots = rows.map((row) => [...row.querySelectorAll<HTMLElement>(".comparison-side .view")].map((slot) => `${slot.dataset.view}@${slot.dataset.territory}`));
    expect(slots).toEqual([["partenaires@D10", "partenaires@R44"], ["activites@D10", "activites@R44"]]);
    expect([...rows[0].querySelectorAll(".comparison-side-heading a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Aube (10)", "./departements/10"],
      ["Grand Est", "./regions/44"]
    ]);
    const charts = body.querySelectorAll(".comparison-side .view-charts-narrow .view-narrow > .view-chart > figure svg[role='img']");
    expect(charts).toHaveLength(4);
    for (const svg of charts) expect(Number(svg.getAttribute("width") ?? svg.getAttribute("viewBox")?.split(" ")[2])).toBe(NARROW_WIDTH);
    // The wide drawings, too wide for a half column, are not in the page.
    expect(body.querySelectorAll(".comparison-side .view-wide *")).toHaveLength(0);
    // The partner chart is the one its factsheet shows: its narrow drawing, byte for byte.
    expect(body.querySelector(".comparison-side[data-side='a'] .view[data-view='partenaires'] .view-narrow")!.innerHTML).toContain(views.D10.partenaires!.narrow[0].slice(0, 200));
  });

  it("offers every territory with figures on both sides, the default chosen, and names each one's slice for the script", () => {
    const {body, cells} = page();
    const expected = territoriesWithFigures(figures.corsica).map((t) => t.id).sort();
    for (const name of ["a", "b"]) {
      const options = [...body.querySelectorAll<HTMLOptionElement>(`form.comparison-controls select[name='${name}'] option`)];
      expect(options.map((option) => option.value).sort()).toEqual(expected);
    }
    expect(body.querySelector("form.comparison-controls select[name='a'] option[selected]")?.textContent).toBe("Aube (10)");
    expect(body.querySelector("form.comparison-controls select[name='b'] option[selected]")?.textContent).toBe("Grand Est");
    expect(body.querySelector<HTMLFormElement>("form.comparison-controls")!.hidden).toBe(true);
    const slices = [...cells.join("\n").matchAll(/"(\w+)": FileAttachment\("\.\/data\/slices\/(\w+)\.parquet"\)\.href/g)];
    expect(slices.map(([, id]) => id).sort()).toEqual(expected);
    for (const [, id, file] of slices) expect(file).toBe(id);
    // Corsica as the source publishes it: one code, not the two halves a list written by hand once held.
    expect(expected.filter((id) => /^D2[0AB]$/.test(id))).toEqual(figures.corsica === "20" ? ["D20"] : ["D2A", "D2B"]);
  });

  it("says when the data are synthetic, and has a place for the message of a pair it cannot compare", () => {
    const {body} = page();
    expect(body.querySelector(".demo-banner")?.textContent).toMatch(/^Données de démonstration \(synthétiques\)/);
    expect(rendered(comparisonMarkdown({...figures, synthetic: false}, comparison, views, document), "/comparer", document).body.querySelector(".demo-banner")).toBeNull();
    const message = body.querySelector<HTMLElement>(".comparison-error[role='alert']")!;
    expect(message.hidden).toBe(true);
  });

  it("leaves one light script: no chart library, no engine before a choice", () => {
    const {cells} = page();
    expect(cells).toHaveLength(1);
    const {bare, local} = reachedModules(cells, resolve("src"));
    expect([...local].map((file) => file.slice(resolve("src").length + 1)).sort()).toEqual(
      expect.arrayContaining(["components/comparison-enhance.ts", "components/comparison-pair.ts", "components/live-queue.ts"])
    );
    for (const specifier of [...bare, ...local]) for (const heavy of HEAVY) expect(specifier).not.toMatch(heavy);
  });

  it("is printed by a page loader at the same route, /comparer", () => {
    expect(existsSync("src/comparer.md")).toBe(false);
    expect(readFileSync("src/comparer.md.ts", "utf8")).toContain("await printComparison();");
  });
});
