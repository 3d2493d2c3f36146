/**
 * The home page (src/factsheet/home.ts, printed by src/index.md.ts): complete
 * in its HTML as Framework renders it — four maps with one link per
 * département, the national key figures of the France row, every
 * département in the list, the search box — hostile labels kept as text, and
 * one light script that reaches neither a chart library nor the engine.
 */
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {formatBillionEuros, formatMillionEuros, formatShare, formatSignedMillionEuros} from "../../src/components/format.js";
import {keyFiguresTexts} from "../../src/components/key-figures.js";
import {colorScale, formatMetric, MISSING_COLOR} from "../../src/components/france-map.js";
import {enhanceHome} from "../../src/components/home-enhance.js";
import {estimateTextWidth} from "../../src/components/palette.js";
import {createOverviewTable, type OverviewRow} from "../../src/data/overview.js";
import {withDuckDB} from "../../src/data/parquet-output.js";
import {nodeRun} from "../../src/data/slices.js";
import {franceContents, HOME_METRICS, HOME_SYNTHETIC_BANNER, homeConfig, homeMarkdown, type HomeFacts} from "../../src/factsheet/home.js";
import {jsdomWindow} from "../../src/factsheet/prerender.js";
import {HEAVY, reachedModules, rendered} from "./framework-markdown.js";
import {UNALLOCATED, writeCanonicalFiles, type CanonicalFixture} from "../data/synthetic-trade.js";

const HOSTILE = "${alert(2)} <script>alert(1)</script> & \"q\"\n\nfin";

let fixture: CanonicalFixture;
let rows: OverviewRow[];
let facts: HomeFacts;
const window = await jsdomWindow();
const {document} = window;

beforeAll(async () => {
  fixture = await writeCanonicalFiles();
  rows = await withDuckDB(async (connection) => {
    await createOverviewTable(connection, fixture.tradeParquetPath);
    return nodeRun(connection)<OverviewRow>("SELECT * FROM overview WHERE year = ?", [2024]);
  });
  const unallocated = fixture.rows.filter((row) => row.dept === UNALLOCATED && row.year === 2024);
  const total = (flow: string) => unallocated.filter((row) => row.flow === flow).reduce((sum, row) => sum + row.value_eur, 0);
  facts = {year: 2024, synthetic: true, outsideDepartements: [{code: UNALLOCATED, name: null, region: null, export: total("export"), import: total("import")}]};
}, 60_000);

afterAll(async () => {
  await fixture?.cleanup();
});

const departementRows = () => rows.filter((row) => row.kind === "departement");
const france = () => rows.find((row) => row.kind === "france")!;

const page = (input = rows, pageFacts = facts) => rendered(homeMarkdown(input, pageFacts, document), "/index", document);

describe("the home page's HTML", () => {
  it("draws the four indicators' maps, one link per département (both halves of Corsica for its one code), the first shown", () => {
    const {body} = page();
    const panels = [...body.querySelectorAll<HTMLElement>(".home-maps .home-metric")];
    expect(panels.map((panel) => panel.dataset.metric)).toEqual(HOME_METRICS.map((metric) => metric.key));
    expect(panels.map((panel) => panel.hidden)).toEqual([false, true, true, true]);
    const codes = departementRows().map((row) => row.code);
    expect(codes).toContain("20");
    for (const [i, panel] of panels.entries()) {
      const metric = HOME_METRICS[i];
      const links = [...panel.querySelectorAll(".france-map svg a")];
      // Corsica, published as one département ("20"), is drawn on both of the geometry's halves.
      expect(links, metric.key).toHaveLength(codes.length + 1);
      expect(new Set(links.map((a) => a.getAttribute("data-code")))).toEqual(new Set(codes));
      expect(links.filter((a) => a.getAttribute("data-code") === "20")).toHaveLength(2);
      for (const a of links) expect(a.getAttribute("href")).toBe(`./departements/${a.getAttribute("data-code")}`);
      // Coloured by the map's own scale, grey only where the value is missing.
      const values = departementRows().map((row) => metric.value(row));
      const {color} = colorScale(metric.key, values.filter((v): v is number => v !== null));
      for (const a of links) {
        const value = metric.value(rows.find((row) => row.kind === "departement" && row.code === a.getAttribute("data-code"))!);
        expect(a.querySelector("path, rect")!.getAttribute("fill")).toBe(color(value));
        if (value !== null) expect(color(value)).not.toBe(MISSING_COLOR);
      }
      // Every link says its value, as the map's component writes it.
      const aube = rows.find((row) => row.territory === "D10")!;
      const aubeLink = panel.querySelector(".france-map svg a[data-code='10']")!;
      expect(aubeLink.getAttribute("aria-label")).toBe(`Aube (10) — ${metric.label} 2024 : ${formatMetric(metric.key, metric.value(aube)!)}`);
      expect(panel.querySelector(".france-map .legend-title")?.textContent).toBe(`Légende — ${metric.label} 2024`);
      expect(panel.querySelectorAll(".france-map-legend li").length).toBeGreaterThan(1);
      // Its ranking, drawn by Plot wide and narrow, under its heading.
      expect(panel.querySelector("h3")?.textContent).toMatch(metric.key === "balance" ? /^Les \d+ plus forts excédents/ : /^Les \d+ premiers départements/);
      expect(panel.querySelectorAll(".home-ranking-wide svg[role='img']")).toHaveLength(1);
      expect(panel.querySelectorAll(".home-ranking-narrow svg[role='img']")).toHaveLength(1);
      expect(panel.querySelector(".home-ranking-wide svg")?.getAttribute("aria-label")).toBe(panel.querySelector("h3")?.textContent);
    }
    // The radio group, one radio per indicator, the first checked; kept out of sight until the script answers it.
    const radios = [...body.querySelectorAll<HTMLInputElement>("form.home-metric-choice input[type='radio'][name='indicateur']")];
    expect(radios.map((radio) => [radio.value, radio.checked, radio.parentElement?.textContent])).toEqual(HOME_METRICS.map((metric, i) => [metric.key, i === 0, metric.label]));
    expect(body.querySelector("form.home-metric-choice")?.hasAttribute("data-pending")).toBe(true);
  });

  it("writes every name of the narrow ranking whole, above its bar, inside a phone's 326 px, at 12 px", () => {
    const {body} = page();
    for (const panel of body.querySelectorAll<HTMLElement>(".home-maps .home-metric")) {
      const svg = panel.querySelector(".home-ranking-narrow svg")!;
      expect(Number(svg.getAttribute("width"))).toBe(326);
      // Plot writes its default font-size="10" attribute; the inline style, which wins, says 12 px.
      expect(svg.getAttribute("style")).toMatch(/font-size: 12px/);
      const bars = [...svg.querySelectorAll("rect")].filter((rect) => rect.querySelector("title"));
      const names = [...svg.querySelectorAll('g[aria-label="text"] text')];
      expect(names.length).toBe(bars.length);
      for (const [i, text] of names.entries()) {
        const label = text.textContent!;
        // The bar's tooltip starts with the same whole name: nothing clipped or cut.
        expect(bars[i].querySelector("title")!.textContent!.startsWith(`${label} : `)).toBe(true);
        expect(label).toMatch(/ \((\d\d|2[AB]|\d{3})\)$/);
        const x = Number(/translate\(([-\d.]+)/.exec(text.getAttribute("transform") ?? "")?.[1] ?? text.getAttribute("x") ?? "NaN");
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + estimateTextWidth(label, 12)).toBeLessThanOrEqual(326);
      }
    }
  });

  it("gives the national key figures of the France row (every row of the customs' files) and says what it holds", () => {
    const {body} = page();
    const values = [...body.querySelectorAll(".national-figures .figure-value")].map((p) => p.textContent);
    // In M€, as France's own page writes them (keyFiguresTexts), the Md€ beside them as a reading aid.
    expect(values[0]).toBe(keyFiguresTexts({territoryName: "France", flow: "export", total: france().exports_eur}).total);
    expect(values[1]).toBe(keyFiguresTexts({territoryName: "France", flow: "import", total: france().imports_eur}).total);
    expect(values[0]).toBe(formatMillionEuros(france().exports_eur));
    expect(values[2]).toBe(formatSignedMillionEuros(france().balance_eur));
    expect(values).toHaveLength(3);
    const notes = [...body.querySelectorAll(".national-figures .figure-note")].map((p) => p.textContent);
    expect(notes[0]).toBe(`soit ${formatBillionEuros(france().exports_eur)}, valeurs FAB`);
    expect(notes[1]).toBe(`soit ${formatBillionEuros(france().imports_eur)}, valeurs CAF`);
    // France holds more than its départements: the unallocated code counts.
    const sum = departementRows().reduce((total, row) => total + row.exports_eur, 0);
    expect(france().exports_eur).toBe(sum + facts.outsideDepartements[0].export);
    const note = body.querySelector(".home-france-note")!.textContent!;
    expect(note).toContain("toutes les lignes des fichiers des Douanes : l'ensemble des départements et les montants sans département.");
    expect(note).toContain(`Part des exportations vers les États-Unis : ${formatShare(france().us_export_share!, 1)}.`);
    expect(note).not.toMatch(/Somme des|101/);
    expect(franceContents([{code: "99", name: "Monaco", region: "93", export: 1, import: 1}, {code: "00", name: null, region: null, export: 1, import: 1}])).toBe(
      "l'ensemble des départements, Monaco et les montants sans département"
    );
    expect(franceContents([])).toBe("l'ensemble des départements");
  });

  it("lists every département once, by région, each table's caption linking to its région", () => {
    const {body} = page();
    const links = [...body.querySelectorAll(".home-departements table.departements-table tbody a")];
    expect(links.map((a) => a.getAttribute("href")).sort()).toEqual(departementRows().map((row) => `./departements/${row.code}`).sort());
    const grandEst = [...body.querySelectorAll(".home-departements table")].find((table) => table.querySelector("caption")?.textContent === "Grand Est")!;
    expect(grandEst.querySelector("caption a")?.getAttribute("href")).toBe("./regions/44");
    expect([...grandEst.querySelectorAll("tbody td:first-child")].map((td) => td.textContent)).toEqual(["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]);
    // Metropolitan régions first, the overseas ones last.
    const captions = [...body.querySelectorAll(".home-departements caption")].map((caption) => caption.textContent);
    expect(captions.at(-1)).toBe("Mayotte");
    expect(captions).toHaveLength(rows.filter((row) => row.kind === "region").length);
    // The figures of the maps, in one table.
    expect(body.querySelectorAll(".home-maps details.data-table tbody tr")).toHaveLength(departementRows().length);
  });

  it("draws the search box, and gives its script every territory as JSON", () => {
    const {body, cells} = page();
    const input = body.querySelector<HTMLInputElement>(".home-search form.territory-search input[type='search']")!;
    expect(input.labels?.[0]?.textContent).toBe("Trouver un département ou une région");
    const config = homeConfig(rows, facts);
    expect(config.territories).toHaveLength(rows.length);
    expect(config.territories.find((t) => t.id === "R44")).toMatchObject({kind: "region", name: "Grand Est", href: "./regions/44"});
    expect(cells).toHaveLength(1);
    expect(cells[0]).toContain(JSON.stringify(config.territories.find((t) => t.id === "D10")));
  });

  it("shows the synthetic-data banner only for synthetic data", () => {
    expect(page().body.querySelector(".demo-banner[role='note']")?.textContent).toBe(HOME_SYNTHETIC_BANNER);
    expect(page(rows, {...facts, synthetic: false}).body.querySelector(".demo-banner")).toBeNull();
  });

  it("writes hostile labels as text: no element, no Framework expression, no broken HTML block", () => {
    const hostile = rows.map((row) => (row.territory === "D10" || row.territory === "R44" ? {...row, name: HOSTILE} : row));
    const safe = page();
    const {body, cells} = page(hostile);
    expect(body.querySelectorAll("script")).toHaveLength(0);
    expect(cells).toHaveLength(safe.cells.length);
    const aube = body.querySelector(".home-metric .france-map svg a[data-code='10']")!;
    expect(aube.getAttribute("aria-label")).toContain("${alert(2)} <script>alert(1)</script>");
    // Text, whitespace aside (a blank line inside an HTML block would end it: serialisation folds it).
    expect(body.querySelector(".home-departements caption a[href='./regions/44']")?.textContent?.replace(/\s+/g, " ")).toBe(HOSTILE.replace(/\s+/g, " "));
    // Every block stayed whole: the same elements as in the page without it.
    for (const selector of [".home-metric", ".france-map svg a", ".home-departements tbody tr", ".home-ranking svg", "details.data-table"]) {
      expect(body.querySelectorAll(selector).length, selector).toBe(safe.body.querySelectorAll(selector).length);
    }
    expect(cells[0]).not.toContain("</script>");
  });

  it("says « < 0,1 % » rather than a false zero on the map", () => {
    expect(formatMetric("usShare", 0.0002)).toBe("<\u00a00,1\u00a0%");
  });

  it("weighs what it weighs (printed for the record)", () => {
    const markdown = homeMarkdown(rows, facts, document);
    const raw = Buffer.byteLength(markdown);
    const gzipped = gzipSync(markdown).length;
    process.stdout.write(`[accueil] Markdown de la page : ${(raw / 1024).toFixed(0)} Kio, ${(gzipped / 1024).toFixed(0)} Kio gzip\n`);
    expect(raw).toBeLessThan(1_500_000);
  });
});

describe("the home page's script", () => {
  it("imports nothing heavy: no chart library, no d3, no Inputs, no DuckDB, directly or through its modules", () => {
    const {cells} = page();
    const {bare, local} = reachedModules(cells, resolve("src"));
    expect([...local].map((file) => file.slice(resolve("src").length + 1)).sort()).toEqual(expect.arrayContaining(["components/chart-export.ts", "components/home-enhance.ts", "components/territory-search.ts"]));
    for (const specifier of [...bare, ...local]) for (const heavy of HEAVY) expect(specifier).not.toMatch(heavy);
    // The walk does see heavy imports where they are.
    expect([...reachedModules(['import {franceMap} from "./components/france-map.js";'], resolve("src")).bare]).toContain("d3");
  });

  it("switches the panels, adds the image actions and brings the search to life", () => {
    const {body} = page();
    document.body.replaceChildren(...body.childNodes);
    enhanceHome(homeConfig(rows, facts), document);
    const panels = [...document.querySelectorAll<HTMLElement>(".home-metric")];
    expect(panels.map((panel) => panel.querySelectorAll(".chart-actions").length)).toEqual([2, 2, 2, 2]);
    const form = document.querySelector<HTMLFormElement>("form.home-metric-choice")!;
    expect(form.hasAttribute("data-pending")).toBe(false);
    const radio = form.querySelector<HTMLInputElement>("input[value='balance']")!;
    radio.checked = true;
    radio.dispatchEvent(new window.Event("change", {bubbles: true}));
    expect(panels.map((panel) => panel.hidden)).toEqual([true, true, false, true]);
    const input = document.querySelector<HTMLInputElement>("form.territory-search input")!;
    input.value = "aube";
    input.dispatchEvent(new window.Event("input"));
    expect(document.querySelector(".territory-search-results a")?.textContent).toBe("Aube (10)");
    expect(document.querySelector(".territory-search-results a")?.getAttribute("href")).toBe("./departements/10");
    document.body.replaceChildren();
  });
});

// The page loader prints the page from the current build's figures.
describe("src/index.md.ts", () => {
  it("prints the home page", () => {
    expect(readFileSync(join("src", "index.md.ts"), "utf8")).toContain("await printHome();");
  });
});
