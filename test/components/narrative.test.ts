import {describe, expect, it} from "vitest";
import {
  balanceSentence,
  countryAfterDe,
  countryWithArticle,
  exportSentence,
  frenchList,
  importSentence,
  isPlural,
  productInSentence,
  shareSentence
} from "../../src/components/narrative.js";
import type {TopRow} from "../../src/queries/queries.js";
import {findDepartement, findRegion} from "../../src/data/territories.js";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const aube = findDepartement("10")!.forms;
const bouchesDuRhone = findDepartement("13")!.forms;
const paris = findDepartement("75")!.forms;
const reunion = findDepartement("974")!.forms;
const grandEst = findRegion("44")!.forms;

/** Top rows with shares computed from the given values and flow total. */
function top(entries: [string, string, number][], total: number): TopRow[] {
  return entries.map(([code, name, value], index) => ({rank: index + 1, code, name, value, share: value / total}));
}

describe("country names with articles", () => {
  it("uses the right article after vers and de", () => {
    expect(countryWithArticle("DE", "Allemagne")).toBe("l'Allemagne");
    expect(countryWithArticle("BE", "Belgique")).toBe("la Belgique");
    expect(countryWithArticle("US", "États-Unis")).toBe("les États-Unis");
    expect(countryWithArticle("GB", "Royaume-Uni")).toBe("le Royaume-Uni");
    expect(countryWithArticle("SG", "Singapour")).toBe("Singapour");
    expect(countryAfterDe("DE", "Allemagne")).toBe("de l'Allemagne");
    expect(countryAfterDe("CN", "Chine")).toBe("de la Chine");
    expect(countryAfterDe("GB", "Royaume-Uni")).toBe("du Royaume-Uni");
    expect(countryAfterDe("NL", "Pays-Bas")).toBe("des Pays-Bas");
    expect(countryAfterDe("IL", "Israël")).toBe("d'Israël");
    expect(countryAfterDe("HK", "Hong Kong")).toBe("de Hong Kong");
  });

  it("knows when it does not know", () => {
    expect(countryWithArticle("QU", "Pays non déterminés")).toBeUndefined();
    expect(countryAfterDe("ZZ", "ZZ")).toBeUndefined();
  });
});

describe("product labels and lists", () => {
  it("drops only a sentence-initial capital", () => {
    expect(productInSentence("Articles d'habillement")).toBe("articles d'habillement");
    expect(productInSentence("Équipements électriques")).toBe("équipements électriques");
    expect(productInSentence("GPL et gaz")).toBe("GPL et gaz");
    expect(productInSentence("C10A")).toBe("C10A");
    expect(productInSentence("29.10")).toBe("29.10");
    expect(productInSentence("")).toBe("");
  });

  it("joins French lists", () => {
    expect(frenchList([])).toBe("");
    expect(frenchList(["a"])).toBe("a");
    expect(frenchList(["a", "b"])).toBe("a et b");
    expect(frenchList(["a", "b", "c"])).toBe("a, b et c");
  });

  it("treats plural names as plural", () => {
    expect(isPlural(bouchesDuRhone)).toBe(true);
    expect(isPlural(aube)).toBe(false);
    expect(isPlural(paris)).toBe(false);
  });
});

describe("flow sentences", () => {
  const total = 1_822_300_000;
  const products = top(
    [
      ["C14Z", "Articles d'habillement", 426_418_200],
      ["C11Z", "Boissons", 200_000_000]
    ],
    total
  );
  const countries = top(
    [
      ["DE", "Allemagne", 277_000_000],
      ["BE", "Belgique", 182_230_000],
      ["US", "États-Unis", 151_250_900]
    ],
    total
  );

  it("reads the Aube's exports", () => {
    expect(exportSentence({forms: aube, year: 2024, total, topProducts: products, topCountries: countries})).toBe(
      `L'Aube a exporté pour 1${NNBSP}822,3${NBSP}M€ de marchandises en 2024, d'abord vers l'Allemagne (15,2${NBSP}% du total), ` +
        `la Belgique (10,0${NBSP}%) et les États-Unis (8,3${NBSP}%). ` +
        `Premiers produits exportés : articles d'habillement (23,4${NBSP}% du total) et boissons (11,0${NBSP}%).`
    );
  });

  it("agrees the verb with a plural name and contracts de for imports", () => {
    const sentence = importSentence({forms: bouchesDuRhone, year: 2024, total, topProducts: products.slice(0, 1), topCountries: [
      ...top([["GB", "Royaume-Uni", 300_000_000], ["NL", "Pays-Bas", 200_000_000], ["CN", "Chine", 100_000_000]], total)
    ]});
    expect(sentence).toBe(
      `Les Bouches-du-Rhône ont importé pour 1${NNBSP}822,3${NBSP}M€ de marchandises en 2024, d'abord en provenance ` +
        `du Royaume-Uni (16,5${NBSP}% du total), des Pays-Bas (11,0${NBSP}%) et de la Chine (5,5${NBSP}%). ` +
        `Premiers produits importés : articles d'habillement (23,4${NBSP}% du total).`
    );
  });

  it("falls back to a list without articles when a country's article is unknown", () => {
    const sentence = exportSentence({
      forms: paris,
      year: 2024,
      total: 10_000_000,
      topProducts: [],
      topCountries: top([["DE", "Allemagne", 6_000_000], ["QU", "Pays non déterminés", 4_000_000]], 10_000_000)
    });
    expect(sentence).toBe(
      `Paris a exporté pour 10,0${NBSP}M€ de marchandises en 2024, d'abord vers : Allemagne (60,0${NBSP}% du total) et Pays non déterminés (40,0${NBSP}%).`
    );
    const imports = importSentence({forms: reunion, year: 2024, total: 1e6, topProducts: [], topCountries: top([["ZZ", "ZZ", 1e6]], 1e6)});
    expect(imports).toBe(`La Réunion a importé pour 1,0${NBSP}M€ de marchandises en 2024, d'abord en provenance de : ZZ (100,0${NBSP}% du total).`);
  });

  it("says so when there is no trade", () => {
    expect(exportSentence({forms: aube, year: 2024, total: 0, topProducts: [], topCountries: []})).toBe(
      "L'Aube n'a enregistré aucune exportation en 2024."
    );
    expect(importSentence({forms: bouchesDuRhone, year: 2023, total: 0, topProducts: [], topCountries: []})).toBe(
      "Les Bouches-du-Rhône n'ont enregistré aucune importation en 2023."
    );
  });

  it("returns hostile labels as plain text (escaping is the renderer's job)", () => {
    const hostile = "<img src=x onerror=alert(1)> & « ouvrages »";
    const sentence = exportSentence({
      forms: aube,
      year: 2024,
      total: 100,
      topProducts: top([["C25Z", hostile, 100]], 100),
      topCountries: top([["XX", "</p><script>", 100]], 100)
    });
    expect(sentence).toContain(`: ${hostile} (100,0`);
    expect(sentence).toContain("vers : </p><script> (");
  });
});

describe("balance and share sentences", () => {
  it("says surplus, deficit or balance with the absolute amount", () => {
    expect(balanceSentence({forms: aube, year: 2024, balance: 125_100_000})).toBe(
      `Le solde commercial de l'Aube (exportations moins importations) est excédentaire de 125,1${NBSP}M€ en 2024.`
    );
    expect(balanceSentence({forms: bouchesDuRhone, year: 2024, balance: -1_234_567_890})).toBe(
      `Le solde commercial des Bouches-du-Rhône (exportations moins importations) est déficitaire de 1${NNBSP}234,6${NBSP}M€ en 2024.`
    );
    // Below what one decimal of M€ shows: balanced rather than "excédentaire de 0,0 M€".
    expect(balanceSentence({forms: paris, year: 2024, balance: 40_000})).toBe(
      "Le solde commercial de Paris (exportations moins importations) est à l'équilibre en 2024."
    );
    expect(balanceSentence({forms: paris, year: 2024, balance: -60_000})).toContain(`déficitaire de 0,1${NBSP}M€`);
  });

  it("gives the région share with one decimal and the France share with two", () => {
    expect(shareSentence({flow: "export", forms: aube, regionForms: grandEst, figures: {regionShare: 1822.3 / 67665.4, franceShare: 1822.3 / 580354.5}})).toBe(
      `Les exportations de l'Aube représentent 2,7${NBSP}% de celles du Grand Est et 0,31${NBSP}% de celles de la France entière.`
    );
    expect(shareSentence({flow: "import", forms: grandEst, figures: {regionShare: null, franceShare: 63519.7 / 684776.3}})).toBe(
      `Les importations du Grand Est représentent 9,28${NBSP}% de celles de la France entière.`
    );
    expect(shareSentence({flow: "import", forms: aube, figures: {regionShare: null, franceShare: null}})).toBeNull();
  });
});
