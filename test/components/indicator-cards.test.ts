// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {
  concentrationTable,
  dependenceTable,
  exposureTable,
  indicatorCardTexts,
  indicatorCards,
  specialisationTable
} from "../../src/components/indicator-cards.js";
import type {ConcentrationRow, IndicatorSummary} from "../../src/components/indicators.js";
import type {NameForms} from "../../src/data/territories.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const HOSTILE = `<img src=x onerror=alert(1)> & « ouvrages »`;
const AUBE: NameForms = {subject: "L'Aube", ofName: "de l'Aube", inName: "dans l'Aube"};
const FRANCE: NameForms = {subject: "La France", ofName: "de la France", inName: "en France"};

const concentrationRows = (exportTop3: number, exportHhi: number): ConcentrationRow[] => [
  {flow: "export", dimension: "country", count: 40, total: 1822.3e6, top3Share: exportTop3, hhi: exportHhi},
  {flow: "export", dimension: "product", count: 60, total: 1822.3e6, top3Share: 0.5, hhi: 1600},
  {flow: "import", dimension: "country", count: 35, total: 1697.2e6, top3Share: 0.6, hhi: 2600},
  {flow: "import", dimension: "product", count: 0, total: 0, top3Share: null, hhi: null}
];

const aube: IndicatorSummary = {
  territory: "D10",
  year: 2024,
  unitedStates: {
    territory: "D10",
    year: 2024,
    country: "US",
    countryName: "États-Unis",
    total: 1822.3e6,
    value: 151.2e6,
    share: 151.2 / 1822.3,
    products: [
      {rank: 1, code: "C14Z", name: "Articles d'habillement", value: 60e6, share: 60 / 151.2, productShare: 0.2},
      {rank: 2, code: "C11Z", name: "Boissons", value: 50e6, share: 50 / 151.2, productShare: 0.1},
      {rank: 3, code: "XX", name: HOSTILE, value: 20e6, share: 20 / 151.2, productShare: 0.05},
      {rank: 4, code: "C28Z", name: "Machines", value: 10e6, share: 10 / 151.2, productShare: 0.04}
    ]
  },
  concentration: concentrationRows(0.412, 1234.4),
  specialisation: [
    {rank: 1, code: "C14Z", name: "Articles d'habillement", value: 420e6, share: 0.2305, referenceShare: 0.0118, rca: 19.53},
    {rank: 2, code: "C11Z", name: "Boissons", value: 300e6, share: 0.165, referenceShare: 0.03, rca: 5.5}
  ],
  importDependence: {
    territory: "D10",
    year: 2024,
    weightedShare: 0.452,
    products: [
      {rank: 1, product: "C20A", productName: "Produits chimiques", value: 300e6, share: 0.18, country: "DE", countryName: "Allemagne", countryValue: 120e6, countryShare: 0.4},
      {rank: 2, product: "C13Z", productName: "Textiles", value: 200e6, share: 0.12, country: "CN", countryName: "Chine", countryValue: 160e6, countryShare: 0.8}
    ]
  }
};

const france: IndicatorSummary = {
  ...aube,
  territory: "FR",
  unitedStates: {...aube.unitedStates, territory: "FR", total: 580354.5e6, value: 48e9, share: 0.0827},
  concentration: concentrationRows(0.352, 800),
  specialisation: [],
  importDependence: {...aube.importDependence, territory: "FR", weightedShare: 0.301}
};

describe("indicatorCardTexts", () => {
  const cards = indicatorCardTexts(aube, france, {forms: AUBE});
  const card = (id: string) => cards.find((c) => c.id === id)!;

  it("lists the indicators in display order", () => {
    expect(cards.map((c) => c.id)).toEqual([
      "us-share",
      "export-country-concentration",
      "import-country-concentration",
      "export-product-concentration",
      "import-product-concentration",
      "specialisation",
      "import-dependence"
    ]);
  });

  it("places the US share against France's and names the products carrying it", () => {
    expect(card("us-share")).toEqual({
      id: "us-share",
      label: "Part des exportations vers les États-Unis",
      value: `8,3${NBSP}%`,
      reference: `France${NBSP}: 8,3${NBSP}%`,
      sentence:
        `8,3${NBSP}% des exportations de l'Aube partent vers les États-Unis (151,2${NBSP}M€), contre 8,3${NBSP}% pour la France entière. ` +
        `Premiers produits exportés vers les États-Unis${NBSP}: articles d'habillement (39,7${NBSP}% de ce flux), boissons (33,1${NBSP}%) et ${HOSTILE} (13,2${NBSP}%).`
    });
  });

  it("explains concentration with the top-3 share and the HHI and its level", () => {
    expect(card("export-country-concentration")).toEqual({
      id: "export-country-concentration",
      label: "Concentration des pays clients",
      value: `41,2${NBSP}%`,
      reference: `France${NBSP}: 35,2${NBSP}% (IHH 800 sur 10${NNBSP}000)`,
      sentence:
        `Les trois premiers pays clients représentent 41,2${NBSP}% des exportations de l'Aube${NBSP}; l'indice de Herfindahl-Hirschman ` +
        `(somme des carrés des parts en pourcentage) vaut 1${NNBSP}234 sur 10${NNBSP}000 (France entière${NBSP}: 35,2${NBSP}% et 800), ` +
        `niveau «${NBSP}modérément concentré${NBSP}» selon les seuils de 1${NNBSP}000 et 1${NNBSP}800 des lignes directrices sur les ` +
        `concentrations du ministère de la Justice et de la Commission fédérale du commerce des États-Unis (DOJ/FTC, 2023).`
    });
    // 2 600 is above 1 800; 1 600 between 1 000 and 1 800 (« faible » and « modérée » under the 2010 thresholds).
    expect(card("import-country-concentration").sentence).toContain("niveau «\u00a0fortement concentré\u00a0»");
    expect(card("export-product-concentration").sentence).toMatch(/^Les trois premiers produits exportés .* niveau «\u00a0modérément concentré\u00a0»/);
    expect(card("import-product-concentration")).toMatchObject({value: "–", sentence: "Aucune importation n'est enregistrée dans l'Aube.", reference: null});
  });

  it("names the first specialisation and the threshold", () => {
    expect(card("specialisation")).toEqual({
      id: "specialisation",
      label: "Spécialisation la plus marquée",
      value: `19,5${NBSP}×`,
      reference: `France${NBSP}: 1 (par définition)`,
      sentence:
        `Premier produit de spécialisation${NBSP}: articles d'habillement, 23,1${NBSP}% des exportations de l'Aube contre 1,18${NBSP}% ` +
        `de celles de la France entière, soit 19,5 fois plus (avantage comparatif révélé${NBSP}; seuls les produits d'au moins ` +
        `1${NBSP}% des exportations sont retenus).`
    });
  });

  it("gives the weighted dependence on the first origin and the most dependent product", () => {
    expect(card("import-dependence")).toEqual({
      id: "import-dependence",
      label: "Dépendance au premier fournisseur",
      value: `45,2${NBSP}%`,
      reference: `France${NBSP}: 30,1${NBSP}%`,
      sentence:
        `Pour les 2 premiers produits importés de l'Aube, 45,2${NBSP}% de la valeur vient du premier pays fournisseur de chacun ` +
        `(moyenne pondérée), contre 30,1${NBSP}% pour la France entière. Le plus dépendant${NBSP}: textiles, dont 80,0${NBSP}% vient d'un seul pays (Chine).`
    });
  });

  it("on France's own page: no reference, no specialisation card", () => {
    const own = indicatorCardTexts(france, null, {forms: FRANCE});
    expect(own.map((c) => c.id)).not.toContain("specialisation");
    expect(own.every((c) => c.reference === null)).toBe(true);
    expect(own[0].sentence).toBe(
      `8,3${NBSP}% des exportations de la France partent vers les États-Unis (48${NNBSP}000,0${NBSP}M€). ` +
        `Premiers produits exportés vers les États-Unis${NBSP}: articles d'habillement (39,7${NBSP}% de ce flux), boissons (33,1${NBSP}%) et ${HOSTILE} (13,2${NBSP}%).`
    );
  });

  it("says plainly when the territory has no trade", () => {
    const empty: IndicatorSummary = {
      ...aube,
      unitedStates: {...aube.unitedStates, total: 0, value: 0, share: null, products: []},
      specialisation: [],
      importDependence: {...aube.importDependence, products: [], weightedShare: null}
    };
    const texts = indicatorCardTexts(empty, france, {forms: AUBE});
    expect(texts[0]).toMatchObject({value: "–", sentence: "Aucune exportation n'est enregistrée dans l'Aube."});
    expect(texts.at(-1)).toMatchObject({value: "–", sentence: "Aucune importation n'est enregistrée dans l'Aube."});
  });
});

describe("indicatorCards", () => {
  it("draws one article per card with its texts, literally", () => {
    const texts = indicatorCardTexts(aube, france, {forms: AUBE});
    const grid = indicatorCards(texts, {document});
    const articles = [...grid.querySelectorAll("article")];
    expect(articles).toHaveLength(texts.length);
    const us = grid.querySelector(".indicator-us-share")!;
    expect(us.querySelector("h4")!.textContent).toBe("Part des exportations vers les États-Unis");
    expect(us.querySelector(".indicator-value")!.textContent).toBe(`8,3${NBSP}%`);
    expect(us.querySelector(".indicator-reference")!.textContent).toBe(`France${NBSP}: 8,3${NBSP}%`);
    expect(us.querySelector(".indicator-sentence")!.textContent).toContain(HOSTILE);
    expect(grid.querySelector("img")).toBeNull();
    expect(grid.querySelector(".indicator-import-product-concentration .indicator-reference")).toBeNull();
  });
});

describe("detail tables", () => {
  const cells = (table: HTMLElement) =>
    [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
  const headers = (table: HTMLElement) => [...table.querySelectorAll("th")].map((th) => th.textContent);

  it("exposure: the products exported to the US with both shares", () => {
    const table = exposureTable(aube.unitedStates, {document});
    expect(table.querySelector("summary")!.textContent).toBe("Produits exportés vers les États-Unis (tableau)");
    expect(headers(table)).toEqual(["Rang", "Produit", "Exportations vers les États-Unis (M€)", "Part de ce flux (%)", "Part du produit exportée vers les États-Unis (%)"]);
    expect(cells(table)[0]).toEqual(["1", "Articles d'habillement", `60,0${NBSP}M€`, `39,7${NBSP}%`, `20,0${NBSP}%`]);
    expect(cells(table)[2][1]).toBe(HOSTILE);
    expect(table.querySelector("img")).toBeNull();
  });

  it("concentration: territory and France side by side, dashes for empty flows", () => {
    const table = concentrationTable(aube.concentration, france.concentration, {document});
    const scale = `sur 10${NNBSP}000`;
    expect(headers(table)).toEqual([
      "Concentration des…",
      "Part des 3 premiers (%)",
      "France, part des 3 premiers (%)",
      `Indice IHH (${scale})`,
      "Niveau",
      `France, IHH (${scale})`
    ]);
    expect(cells(table)[0]).toEqual(["Pays (exportations)", `41,2${NBSP}%`, `35,2${NBSP}%`, `1${NNBSP}234`, "modérément concentré", "800"]);
    expect(cells(table)[3]).toEqual(["Produits (importations)", "–", "–", "–", "–", "–"]);
    expect(headers(concentrationTable(france.concentration, null, {document}))).toEqual(["Concentration des…", "Part des 3 premiers (%)", `Indice IHH (${scale})`, "Niveau"]);
    // The thresholds' source, beside the figures.
    expect(table.querySelector(".table-note")!.textContent).toBe(
      `Niveau selon les lignes directrices sur les concentrations du ministère de la Justice et de la Commission fédérale du commerce ` +
        `des États-Unis (DOJ/FTC, 2023)${NBSP}: moins de 1${NNBSP}000, peu concentré${NBSP}; de 1${NNBSP}000 à 1${NNBSP}800, ` +
        `modérément concentré${NBSP}; au-delà, fortement concentré.`
    );
  });

  it("specialisation: shares and the ratio, threshold in the summary", () => {
    const table = specialisationTable(aube.specialisation, {document});
    expect(table.querySelector("summary")!.textContent).toBe(
      `Spécialisation à l'export (indice supérieur à 1, produits d'au moins 1${NBSP}% des exportations, tableau)`
    );
    expect(headers(table)).toEqual([
      "Rang",
      "Produit",
      "Exportations (M€)",
      "Part des exportations du territoire (%)",
      "Part des exportations de la France (%)",
      "Indice de spécialisation (France = 1)"
    ]);
    expect(cells(table)[0]).toEqual(["1", "Articles d'habillement", `420,0${NBSP}M€`, `23,1${NBSP}%`, `1,18${NBSP}%`, "19,5"]);
  });

  it("dependence: each main imported product with its first origin", () => {
    const table = dependenceTable(aube.importDependence, {document});
    expect(headers(table)).toEqual(["Rang", "Produit importé", "Importations (M€)", "Premier pays fournisseur", "Part du premier fournisseur (%)"]);
    expect(cells(table)[1]).toEqual(["2", "Textiles", `200,0${NBSP}M€`, "Chine", `80,0${NBSP}%`]);
  });
});
