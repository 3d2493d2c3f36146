/**
 * The factsheet Markdown a page loader prints: baked figures and sentences,
 * the reference's sections in order, data written as text (never markup),
 * and the JavaScript cells Framework can run.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {formatMillionEuros} from "../../src/components/format.ts";
import {territoryFigures} from "../../src/data/slices.ts";
import type {SiteFigures} from "../../src/factsheet/figures.ts";
import {factsheetMarkdown, routeParameter} from "../../src/factsheet/page.ts";
import {createFixture, syntheticRows, UNALLOCATED, type Fixture} from "../data/synthetic-trade.ts";

let fixture: Fixture;
let figures: SiteFigures;

beforeAll(async () => {
  fixture = await createFixture();
  const bundle = await territoryFigures(fixture);
  figures = {...bundle, key: "test", synthetic: true, sourceDescription: "jeu d'essai <b>", retrievedAt: null, territoiresIndustrie: null};
});

afterAll(async () => {
  await fixture?.cleanup();
});

const SECTIONS = [
  "## Contexte et méthodologie",
  "## Chiffres clés 2024",
  "## Balance commerciale territoriale",
  "## Principales activités à l'export et à l'import",
  "## Exportations",
  "## Importations",
  "## Évolution trimestrielle",
  "## Exposition et dépendances",
  "## Informations pratiques"
];

describe("factsheetMarkdown", () => {
  it("puts the reference's sections in order, with the banner of synthetic data", () => {
    const page = factsheetMarkdown("D10", figures);
    const positions = SECTIONS.map((heading) => page.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('class="demo-banner"');
    expect(page).toContain("<h1>Aube (10)</h1>");
  });

  it("bakes the key figures into the HTML", () => {
    const page = factsheetMarkdown("D10", figures);
    const aube = figures.territories.D10.keyFigures;
    expect(page).toContain(formatMillionEuros(aube.export.total));
    expect(page).toContain(formatMillionEuros(aube.import.total));
    expect(page).toContain(figures.territories.D10.export.sentence.replace(/'/g, "&#39;"));
  });

  it("draws six Sankeys for a département, four for a région, two for France", () => {
    const count = (id: string) => factsheetMarkdown(id, figures).match(/CHARTS\.(exportations|importations)\.draw\(links_/g)?.length;
    expect(count("D10")).toBe(6);
    expect(count("R44")).toBe(4);
    expect(count("FR")).toBe(2);
  });

  it("loads its own slice, its région's reduced one and France's", () => {
    const page = factsheetMarkdown("D10", figures);
    expect(page).toContain('FileAttachment("../data/slices/D10.parquet")');
    expect(page).toContain('FileAttachment("../data/slices/R44-top.parquet")');
    expect(page).toContain('FileAttachment("../data/slices/FR.parquet")');
    expect(factsheetMarkdown("FR", figures)).toContain('FileAttachment("./data/slices/FR.parquet")');
  });

  it("writes data as text: markup in a label or a source name is escaped", () => {
    const hostile = structuredClone(figures);
    hostile.territories.D10.export.sentence = 'Exporte <script>alert(1)</script> & "vins"';
    const page = factsheetMarkdown("D10", hostile);
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("Exporte &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;vins&quot;");
    expect(page).not.toContain("jeu d'essai <b>");
  });

  it("imports nothing Framework would fetch from a CDN, and awaits only where a cell can", () => {
    const page = factsheetMarkdown("D10", figures);
    const cells = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) {
      for (const [, specifier] of cell.matchAll(/from "([^"]+)"/g)) expect(specifier).toMatch(/^\.\.?\/components\/[\w-]+\.js$/);
      // Framework does not notice an await in a for…of head: such a cell would not be async.
      expect(cell).not.toMatch(/for\s*\([^)]*\bof\s+await\b/);
    }
  });

  it("links the territory's own rows as CSV and Parquet, as plain <a download> (no JavaScript needed)", () => {
    const page = factsheetMarkdown("D10", figures);
    expect(page).toContain('<a href="../data/downloads/D10.csv" download="aube-10-commerce-exterieur-2024.csv">');
    expect(page).toContain('<a href="../data/downloads/D10.parquet" download="aube-10-commerce-exterieur-2024.parquet">');
    expect(factsheetMarkdown("FR", figures)).toContain('<a href="./data/downloads/FR.csv" download="france-commerce-exterieur-2024.csv">');
    expect(factsheetMarkdown("R44", figures)).toContain('href="../data/downloads/R44.parquet"');
  });

  it("gives every chart its image downloads and its embed view, named after the territory it shows", () => {
    const page = factsheetMarkdown("D10", figures);
    const actions = [...page.matchAll(/chartActions\((\w+), \{fileName: "([^"]+)", embedHref: "([^"]+)", credit\}\)/g)];
    const kinds = (href: string) => new URL(href, "https://example.org/departements/10").searchParams;
    // partners, treemap, 3 + 3 Sankeys, quarterly trend, year-over-year change
    expect(actions).toHaveLength(10);
    expect(new Set(actions.map(([, variable]) => variable)).size).toBe(10);
    expect(actions.map(([, , fileName]) => fileName)).toContain("aube-10-partenaires-2024");
    expect(actions.map(([, , fileName]) => fileName)).toContain("grand-est-exportations-2024");
    expect(actions.map(([, , , href]) => `${kinds(href).get("territoire")}/${kinds(href).get("graphique")}`)).toEqual([
      "D10/partenaires",
      "D10/activites",
      "D10/exportations",
      "R44/exportations",
      "FR/exportations",
      "D10/importations",
      "R44/importations",
      "FR/importations",
      "D10/tendance",
      "D10/evolution"
    ]);
    for (const [, , , href] of actions) expect(new URL(href, "https://example.org/departements/10").pathname).toBe("/integrer");
    const france = factsheetMarkdown("FR", figures);
    expect(france).toContain('embedHref: "./integrer?territoire=FR&graphique=partenaires"');
    // The image files carry the source, and say when the data are synthetic.
    expect(page).toContain('const credit = "Source : DGDDI / DSECE, 2024 — données de démonstration synthétiques";');
  });

  it("keeps a label's ${…} as text: Framework would run it as an expression", async () => {
    const markdownModule: string = "@observablehq/framework/dist/markdown.js";
    const {createMarkdownIt, parseMarkdown} = (await import(markdownModule)) as {
      createMarkdownIt(): unknown;
      parseMarkdown(input: string, options: {md: unknown; path: string}): {code: unknown[]};
    };
    const cells = (page: string) => parseMarkdown(page, {md: createMarkdownIt(), path: "/departements/10"}).code.length;
    const hostile = structuredClone(figures);
    hostile.territories.D10.export.sentence = "Exporte ${alert(document.cookie)} vers $ {x}";
    hostile.territories.D10.balanceSentence = "Solde ${1+1}";
    const page = factsheetMarkdown("D10", hostile);
    expect(page).not.toContain("${alert");
    expect(page).toContain("Exporte &#36;{alert(document.cookie)} vers &#36; {x}");
    expect(cells(page)).toBe(cells(factsheetMarkdown("D10", figures)));
  });

  it("refuses an unknown territory", () => {
    expect(() => factsheetMarkdown("D99", figures)).toThrow(/« D99 »/);
  });
});

describe("routeParameter", () => {
  it("reads the route parameter Framework passes to a page loader", () => {
    expect(routeParameter("code", ["node", "loader", "--code=2A"])).toBe("2A");
    expect(() => routeParameter("code", ["node", "loader"])).toThrow(/--code=/);
  });
});

describe("single-département régions", () => {
  it("give no share of the région, which would always be 100 %", async () => {
    // La Réunion trading as much as its région (itself), unlike the fixture where it has no trade.
    const reunion = structuredClone(figures);
    for (const flow of ["export", "import"] as const) {
      reunion.territories.D974.keyFigures[flow] = {total: 5e8, regionTotal: 5e8, franceTotal: 1e11, regionShare: 1, franceShare: 0.005, massKg: null};
    }
    const page = factsheetMarkdown("D974", reunion);
    expect(page).not.toMatch(/100,0\u00a0% de La Réunion/);
    expect(page).toMatch(/de la France/);
  });
});

describe("the customs' geography on the pages", () => {
  // The synthetic rows with Corsica published as one "20" and Monaco ("99") trading in PACA.
  let geography: Fixture;
  let geographyFigures: SiteFigures;
  const extra = (dept: string, value: number) =>
    (["export", "import"] as const).flatMap((flow) => [1, 2, 3, 4].map((quarter) => ({year: 2024, quarter, flow, dept, a129: "C14Z", product: "1413", country: "IT", value_eur: value, mass_kg: value / 10})));
  beforeAll(async () => {
    geography = await createFixture([...syntheticRows(), ...extra("20", 2_500_000), ...extra("99", 1_000_000)]);
    const bundle = await territoryFigures(geography);
    geographyFigures = {...bundle, key: "test", synthetic: false, sourceDescription: "essai", retrievedAt: null, territoiresIndustrie: null};
  });
  afterAll(async () => {
    await geography?.cleanup();
  });

  it("gives Corsica '20' its factsheet, and makes 2A and 2B say how the customs publish Corsica", () => {
    expect(geographyFigures.corsica).toBe("20");
    expect(factsheetMarkdown("D20", geographyFigures)).toContain("<h1>Corse (20)</h1>");
    expect(factsheetMarkdown("D20", geographyFigures)).toContain(formatMillionEuros(10_000_000));
    const notice = factsheetMarkdown("D2A", geographyFigures);
    expect(notice).toContain("Les Douanes publient la Corse comme un seul département, code 20");
    expect(notice).toContain('<a href="/departements/20">Corse (20)</a>');
    expect(notice).not.toContain("```js");
  });

  it("keeps INSEE's halves when the source has them, and then the page '20' leads to them", () => {
    expect(figures.corsica).toBe("20");
    const halves = {...geographyFigures, corsica: "2A2B" as const};
    expect(factsheetMarkdown("D2B", halves)).toContain("## Chiffres clés 2024");
    expect(factsheetMarkdown("D20", halves)).toContain('<a href="/departements/2A">Corse-du-Sud (2A)</a>');
  });

  it("says on Provence-Alpes-Côte d'Azur's page that it counts Monaco, with Monaco's figures", () => {
    const paca = factsheetMarkdown("R93", geographyFigures);
    expect(paca).toContain("comprennent ceux de la Principauté de Monaco (code 99 des Douanes)");
    expect(paca).toContain(`${formatMillionEuros(4_000_000)} d&#39;exportations`);
    expect(factsheetMarkdown("R44", geographyFigures)).not.toContain("Monaco");
  });

  it("reconciles France with the sum of its départements: Monaco and the code without a département", () => {
    const france = factsheetMarkdown("FR", geographyFigures);
    expect(france).toContain("De la somme des départements à la France entière, 2024");
    expect(france).toContain("Monaco (code 99, compté dans sa région)");
    expect(france).toContain(`Code ${UNALLOCATED}, sans département`);
    const departementsSum = (flow: "export" | "import") =>
      syntheticRows().concat(extra("20", 2_500_000)).filter((r) => r.year === 2024 && r.flow === flow && r.dept !== UNALLOCATED).reduce((a, r) => a + r.value_eur, 0);
    expect(france).toContain(`<tr><th scope="row">Somme des fiches départementales</th><td>${formatMillionEuros(departementsSum("export"))}</td><td>${formatMillionEuros(departementsSum("import"))}</td></tr>`);
  });
});
