/**
 * The factsheet Markdown a page loader prints: baked figures and sentences,
 * the reference's sections in order, data written as text (never markup),
 * and the JavaScript cells Framework can run.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {formatMillionEuros} from "../../src/components/format.js";
import {territoryFigures} from "../../src/factsheet/territory-figures.js";
import type {SiteFigures} from "../../src/factsheet/figures.js";
import {factsheetMarkdown, routeParameter} from "../../src/factsheet/page.js";
import {createFixture, syntheticRows, UNALLOCATED, type Fixture} from "../data/synthetic-trade.js";
import {siteFigures} from "./site-fixture.js";

let fixture: Fixture;
let figures: SiteFigures;

beforeAll(async () => {
  fixture = await createFixture();
  const bundle = await territoryFigures(fixture);
  figures = siteFigures(bundle, {sourceDescription: "jeu d'essai <b>"});
});

afterAll(async () => {
  await fixture?.cleanup();
});

const SECTIONS = [
  "## Introduction",
  "## Contexte et méthodologie",
  "### Précisions méthodologiques",
  '## Chiffres clés <span class="shown-year">2024</span>',
  "## Balance commerciale territoriale",
  "## Principales activités à l'export et à l'import",
  "## Exportations",
  "## Importations",
  "## Évolution trimestrielle",
  "## Exposition et dépendances",
  "## Informations pratiques"
];

/** The configuration the page's one script passes to enhanceFactsheet, as JSON. */
function enhanceConfig(page: string): {territory: string; year: number; years: number[]; credit: string; embedBase: string; territories: Record<string, {fileStem: string; region: unknown}>} {
  const match = /enhanceFactsheet\((\{.*\}), \{\n/.exec(page);
  if (!match) throw new Error("pas d'appel à enhanceFactsheet");
  return JSON.parse(match[1]);
}

describe("factsheetMarkdown", () => {
  it("puts the reference's sections in order, with the banner of synthetic data", () => {
    const page = factsheetMarkdown("D10", figures);
    const positions = SECTIONS.map((heading) => page.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('class="demo-banner"');
    expect(page).toContain("<h1>Aube (10)</h1>");
  });

  it("writes the reference's Introduction and Informations pratiques, with the programme's contact, attributed to the ANCT and the DGE", () => {
    const page = factsheetMarkdown("D10", figures);
    const section = (heading: string) => page.slice(page.indexOf(`\n## ${heading}\n`), page.indexOf("\n## ", page.indexOf(`\n## ${heading}\n`) + 4));
    const intro = section("Introduction");
    expect(intro).toContain("copiloté par l'Agence nationale de la cohésion des territoires (ANCT) et la Direction générale des entreprises (DGE)");
    expect(intro).toContain("octobre 2024");
    expect(intro).toContain("commerce extérieur** de l'Aube");
    expect(intro).toContain("le département est l'échelle la plus fine publiée");
    expect(factsheetMarkdown("R44", figures)).toContain("commerce extérieur** du Grand Est");
    expect(factsheetMarkdown("FR", figures)).toContain("commerce extérieur** de la France");
    const practical = page.slice(page.indexOf("\n## Informations pratiques\n"));
    expect(practical).toContain("[territoires-industrie@anct.gouv.fr](mailto:territoires-industrie@anct.gouv.fr)");
    expect(practical).toContain("publication de l'ANCT et de la DGE « Les indicateurs clés : commerce extérieur — Territoires d'industrie »");
    expect(practical).toContain("n'engagent ni l'ANCT ni la DGE");
    expect(practical).toContain("portraits socio-économiques");
  });

  it("heads the région's and France's Sankeys with the comparison they make", () => {
    const page = factsheetMarkdown("D10", figures);
    expect(page.match(/\n### À l'échelle de la région : Grand Est\n/g)).toHaveLength(2);
    expect(page.match(/\n### À l'échelle nationale : France entière\n/g)).toHaveLength(2);
    expect(page).not.toMatch(/\n### Grand Est\n/);
  });

  it("breaks a région of several départements down by département, and gives its script their slices", () => {
    const slots = (id: string) => [...factsheetMarkdown(id, figures).matchAll(/data-view="departements" data-territory="(\w+)"/g)].map(([, territory]) => territory);
    expect(slots("R44")).toEqual(["R44"]);
    // Not on a département's page, nor France's, nor a région of one département.
    expect([...slots("D10"), ...slots("FR"), ...slots("R04")]).toEqual([]);
    const page = factsheetMarkdown("R44", figures);
    expect(page.indexOf("\n## Répartition par département\n")).toBeGreaterThan(page.indexOf("\n## Chiffres clés"));
    for (const code of ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"]) expect(page).toContain(`FileAttachment("../data/slices/D${code}.parquet").href`);
  });

  it("gives every view its slot, with the région's and France's Sankeys on a département's page", () => {
    const REFERENCE_VIEWS = ["chiffres", "departements", "partenaires", "activites", "exportations", "importations", "tendance", "comparaisons", "indicateurs"];
    const slots = (id: string) => [...factsheetMarkdown(id, figures).matchAll(/<div class="view" data-view="(\w+)" data-territory="(\w+)">/g)].map(([, view, territory]) => `${view}@${territory}`);
    // The reference's views, in its order; a view a fork adds to the template comes on top.
    const reference = (id: string) => slots(id).filter((slot) => REFERENCE_VIEWS.includes(slot.split("@")[0]));
    expect(reference("D10")).toEqual([
      "chiffres@D10", "partenaires@D10", "activites@D10",
      "exportations@D10", "exportations@R44", "exportations@FR",
      "importations@D10", "importations@R44", "importations@FR",
      "tendance@D10", "comparaisons@D10", "indicateurs@D10"
    ]);
    expect(slots("R44").filter((slot) => slot.startsWith("exportations"))).toEqual(["exportations@R44", "exportations@FR"]);
    expect(slots("FR").filter((slot) => slot.startsWith("exportations"))).toEqual(["exportations@FR"]);
    // A département alone in its région (overseas) shows its Sankey once, then France's.
    expect(slots("D974").filter((slot) => slot.startsWith("exportations"))).toEqual(["exportations@D974", "exportations@FR"]);
    // Without views drawn, a slot says so instead of staying empty.
    expect(factsheetMarkdown("D10", figures)).toContain("Ce bloc n'a pas été calculé lors de la construction du site.");
  });

  it("passes the page's script its territories and the files a control would load: its slice, its région's, France's", () => {
    const page = factsheetMarkdown("D10", figures);
    const config = enhanceConfig(page);
    expect(config).toMatchObject({territory: "D10", year: 2024, years: [2024], embedBase: "../integrer"});
    expect(Object.keys(config.territories)).toEqual(["D10", "R44", "FR"]);
    expect(config.territories.R44.fileStem).toBe("grand-est-demonstration") // the test figures are synthetic: the files readers take away say so;
    expect(config.credit).toBe("Source : DGDDI / DSECE, 2024 — données de démonstration synthétiques");
    for (const id of ["D10", "R44", "FR"]) expect(page).toContain(`FileAttachment("../data/slices/${id}.parquet").href`);
    expect(page).toContain('FileAttachment("../data/quarterly/D10.parquet").href');
    expect(factsheetMarkdown("FR", figures)).toContain('FileAttachment("./data/slices/FR.parquet").href');
  });

  it("writes data as text: markup in a source name is escaped", () => {
    const page = factsheetMarkdown("D10", figures);
    expect(page).not.toContain("jeu d'essai <b>");
    expect(page).toContain("jeu d&#39;essai &lt;b&gt;");
  });

  it("imports nothing Framework would fetch from a CDN", () => {
    const page = factsheetMarkdown("D10", figures);
    const cells = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(cells).toHaveLength(1);
    for (const [, specifier] of cells[0].matchAll(/from "([^"]+)"/g)) expect(specifier).toMatch(/^\.\.?\/components\/[\w-]+\.js$/);
  });

  it("links the territory's own rows as CSV and Parquet, as plain <a download> (no JavaScript needed)", () => {
    const real = {...figures, synthetic: false};
    const page = factsheetMarkdown("D10", real);
    expect(page).toContain('<a href="../data/downloads/D10.csv" download="aube-10-commerce-exterieur-2024.csv">');
    expect(page).toContain('<a href="../data/downloads/D10.parquet" download="aube-10-commerce-exterieur-2024.parquet">');
    expect(factsheetMarkdown("FR", real)).toContain('<a href="./data/downloads/FR.csv" download="france-commerce-exterieur-2024.csv">');
    expect(factsheetMarkdown("R44", real)).toContain('href="../data/downloads/R44.parquet"');
    expect(page).not.toContain("demonstration");
  });

  it("on the demo's data, names the downloads « -demonstration », says so beside them and in « Citer cette fiche »", () => {
    const page = factsheetMarkdown("D10", figures);
    expect(page).toContain('<a href="../data/downloads/D10-demonstration.csv" download="aube-10-commerce-exterieur-2024-demonstration.csv">');
    expect(page).toContain('<a href="../data/downloads/D10-demonstration.parquet" download="aube-10-commerce-exterieur-2024-demonstration.parquet">');
    expect(page).toContain("Ces fichiers contiennent des données de démonstration synthétiques");
    expect(page).toContain(
      "Citer cette fiche : « Aube (10), Les indicateurs clés : commerce extérieur 2024, données de démonstration synthétiques au format DGDDI / DSECE »."
    );
    expect(page).not.toContain("2024, d'après DGDDI / DSECE »");
    expect(factsheetMarkdown("D10", {...figures, synthetic: false})).toContain(
      "Citer cette fiche : « Aube (10), Les indicateurs clés : commerce extérieur 2024, d'après DGDDI / DSECE »."
    );
  });

  it("offers the controls, hidden until the script can answer them, the year among the complete years", () => {
    const page = factsheetMarkdown("D10", {...figures, completeYears: [2022, 2023, 2024]});
    expect(page).toContain('<form class="factsheet-controls" hidden aria-label="Réglages des graphiques">');
    expect([...page.matchAll(/<option value="(\d{4})"( selected)?>/g)].map(([, year, selected]) => `${year}${selected ?? ""}`)).toEqual(["2024 selected", "2023", "2022"]);
    expect(page).toContain('<option value="cpf4">Produits (CPF4)</option>');
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

describe("the customs' geography on the pages", () => {
  // The synthetic rows with Corsica published as one "20" and Monaco ("99") trading in PACA.
  let geography: Fixture;
  let geographyFigures: SiteFigures;
  const extra = (dept: string, value: number) =>
    (["export", "import"] as const).flatMap((flow) => [1, 2, 3, 4].map((quarter) => ({year: 2024, quarter, flow, dept, a129: "C14Z", product: "1413", country: "IT", value_eur: value, mass_kg: value / 10})));
  beforeAll(async () => {
    geography = await createFixture([...syntheticRows(), ...extra("20", 2_500_000), ...extra("99", 1_000_000)]);
    const bundle = await territoryFigures(geography);
    geographyFigures = siteFigures(bundle, {synthetic: false, sourceDescription: "essai"});
  });
  afterAll(async () => {
    await geography?.cleanup();
  });

  it("gives Corsica '20' its factsheet, and makes 2A and 2B say how the customs publish Corsica", () => {
    expect(geographyFigures.corsica).toBe("20");
    expect(factsheetMarkdown("D20", geographyFigures)).toContain("<h1>Corse (20)</h1>");
    expect(factsheetMarkdown("D20", geographyFigures)).toContain('data-view="chiffres" data-territory="D20"');
    const notice = factsheetMarkdown("D2A", geographyFigures);
    expect(notice).toContain("Les Douanes publient la Corse comme un seul département, code 20");
    expect(notice).toContain('<a href="/departements/20">Corse (20)</a>');
    expect(notice).not.toContain("```js");
  });

  it("keeps INSEE's halves when the source has them, and then the page '20' leads to them", () => {
    expect(figures.corsica).toBe("20");
    const halves = {...geographyFigures, corsica: "2A2B" as const};
    expect(factsheetMarkdown("D2B", halves)).toContain('data-view="chiffres" data-territory="D2B"');
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
