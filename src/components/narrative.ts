/**
 * The reading sentences of the factsheet, in French, built from query rows
 * (src/queries/queries.ts). Pure functions with no browser dependency: the
 * pages bake them into the HTML at build time.
 *
 * They return plain text. Labels come from data files and are NOT escaped
 * here: whoever inserts a sentence into HTML must escape it (htl's `html`
 * template or textContent do).
 */
import type {Flow} from "../data/canonical.js";
import type {NameForms} from "../data/territories.js";
import {FRANCE_SHARE_DECIMALS, formatMillionEuros, formatShare, REGION_SHARE_DECIMALS} from "./format.js";
import type {FlowFigures, TopRow} from "../queries/queries.js";

// ---------------------------------------------------------------------------
// Territory names

/** "Les Bouches-du-Rhône" takes a plural verb. */
export function isPlural(forms: NameForms): boolean {
  return forms.subject.startsWith("Les ");
}

const verb = (forms: NameForms, singular: string, plural: string) => (isPlural(forms) ? plural : singular);

// ---------------------------------------------------------------------------
// Country names with their article

type Article = "le" | "la" | "l'" | "les" | "";

/**
 * The article of common partner countries (customs / ISO codes). Names come
 * from the data; only the article is looked up here. A country missing from
 * this table makes the sentence fall back to a list without articles.
 */
const COUNTRY_ARTICLES: Record<Article, string> = {
  le: "BD BF BI BJ BR BT BW CA CL CM CR DK GA GB GH GL GT HN JP KE KG KH KW KZ LA LB LI LK LU MA ME ML MM MW MX MZ NE NG NI NP PA PE PK PT PY QA RW SD SN SR TD TG TJ TM VE VN VU XK YE ZW",
  la: "BA BE BG BY CD CF CG CH CI CN CO CZ DO FI GE GF GN GP GR HR HU JM JO KP KR LT LV LY MD MK MN MQ MR MY NA NC NO NZ PF PL RE RO RS RU SE SI SK SY TH TN TR TZ",
  "l'": "AD AF AL AM AO AR AT AU AZ DE DZ EC EE EG ER ES ET ID IE IN IQ IR IS IT SA UA UG UY UZ ZA",
  les: "AE BS FJ KM MV NL PH SC US",
  "": "BH CU CY DJ GG HK IL JE MC MG MO MT MU OM PM SG SM SV TW YT"
};

const articleByCode = new Map<string, Article>(
  (Object.entries(COUNTRY_ARTICLES) as [Article, string][]).flatMap(([article, codes]) =>
    codes.split(" ").map((code) => [code, article] as [string, Article])
  )
);

const startsWithVowel = (name: string) => /^[aeiouyàâäéèêëîïôöùûüœ]/i.test(name.normalize("NFC"));

/** "l'Allemagne", "la Belgique", "les États-Unis", "Singapour"; undefined when the article is unknown. */
export function countryWithArticle(code: string, name: string): string | undefined {
  const article = articleByCode.get(code);
  if (article === undefined) return undefined;
  if (article === "") return name;
  if (article === "l'") return `l'${name}`;
  return `${article} ${name}`;
}

/** "de l'Allemagne", "de la Chine", "du Royaume-Uni", "des États-Unis", "d'Israël", "de Singapour". */
export function countryAfterDe(code: string, name: string): string | undefined {
  const article = articleByCode.get(code);
  if (article === undefined) return undefined;
  switch (article) {
    case "le":
      return `du ${name}`;
    case "les":
      return `des ${name}`;
    case "la":
      return `de la ${name}`;
    case "l'":
      return `de l'${name}`;
    default:
      return startsWithVowel(name) ? `d'${name}` : `de ${name}`;
  }
}

// ---------------------------------------------------------------------------
// Product labels

/**
 * A product label inside a sentence: the capital dropped when it is only the
 * sentence-initial one ("Articles d'habillement" → "articles d'habillement"),
 * kept for acronyms and codes ("GPL", "C10A", "29.10").
 */
export function productInSentence(label: string): string {
  const [first, second] = [...label];
  if (first && second && /\p{Lu}/u.test(first) && /\p{Ll}/u.test(second)) return first.toLocaleLowerCase("fr") + label.slice(first.length);
  return label;
}

// ---------------------------------------------------------------------------
// Lists

/** "a", "a et b", "a, b et c". */
export function frenchList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/** Each item followed by its share, the first one saying what the share is of. */
function withShares(rows: TopRow[], label: (row: TopRow) => string): string[] {
  return rows.map((row, index) => `${label(row)} (${formatShare(row.share)}${index === 0 ? " du total" : ""})`);
}

function countriesClause(flow: Flow, rows: TopRow[]): string {
  if (rows.length === 0) return "";
  const phrase = flow === "export" ? countryWithArticle : countryAfterDe;
  const allKnown = rows.every((row) => phrase(row.code, row.name) !== undefined);
  if (allKnown) {
    // Each item carries its own "de" for imports: "en provenance de la Chine, de l'Allemagne et des États-Unis".
    const lead = flow === "export" ? "d'abord vers" : "d'abord en provenance";
    return `, ${lead} ${frenchList(withShares(rows, (row) => phrase(row.code, row.name)!))}`;
  }
  // Unknown article: a plain list after a colon is correct French whatever the country.
  const lead = flow === "export" ? "d'abord vers" : "d'abord en provenance de";
  return `, ${lead} : ${frenchList(withShares(rows, (row) => row.name))}`;
}

// ---------------------------------------------------------------------------
// Sentences

export interface FlowSentenceInput {
  flow: Flow;
  forms: NameForms;
  year: number;
  /** The territory's total for the flow, euros. */
  total: number;
  topProducts: TopRow[];
  topCountries: TopRow[];
}

/**
 * "L'Aube a exporté pour 1 822,3 M€ de marchandises en 2024, d'abord vers
 * l'Allemagne (15,2 % du total), la Belgique (10,1 %) et les États-Unis
 * (8,3 %). Premiers produits exportés : articles d'habillement (23,4 % du
 * total), … ." Imports read "… d'abord en provenance de la Chine …".
 */
export function flowSentence({flow, forms, year, total, topProducts, topCountries}: FlowSentenceInput): string {
  const noun = flow === "export" ? "exportation" : "importation";
  if (!(total > 0)) {
    return `${forms.subject} n'${verb(forms, "a", "ont")} enregistré aucune ${noun} en ${year}.`;
  }
  const participle = flow === "export" ? "exporté" : "importé";
  const first = `${forms.subject} ${verb(forms, "a", "ont")} ${participle} pour ${formatMillionEuros(total)} de marchandises en ${year}`;
  const products = topProducts.length
    ? ` Premiers produits ${participle}s : ${frenchList(withShares(topProducts, (row) => productInSentence(row.name)))}.`
    : "";
  return `${first}${countriesClause(flow, topCountries)}.${products}`;
}

export function exportSentence(input: Omit<FlowSentenceInput, "flow">): string {
  return flowSentence({...input, flow: "export"});
}

export function importSentence(input: Omit<FlowSentenceInput, "flow">): string {
  return flowSentence({...input, flow: "import"});
}

/**
 * "Le solde commercial de l'Aube (exportations moins importations) est
 * excédentaire de 125,1 M€ en 2024." / "déficitaire de …" / "à l'équilibre".
 */
export function balanceSentence({forms, year, balance}: {forms: NameForms; year: number; balance: number}): string {
  const start = `Le solde commercial ${forms.ofName} (exportations moins importations) est`;
  const amount = formatMillionEuros(Math.abs(balance));
  // Below 0,05 M€ the printed amount would read "0,0 M€": call it balanced.
  if (formatMillionEuros(0) === amount) return `${start} à l'équilibre en ${year}.`;
  return `${start} ${balance > 0 ? "excédentaire" : "déficitaire"} de ${amount} en ${year}.`;
}

/**
 * "Les exportations de l'Aube représentent 2,7 % de celles du Grand Est et
 * 0,31 % de celles de la France entière." Région share with one decimal,
 * France share with two, as in the reference. Null when there is nothing to
 * compare (no share known).
 */
export function shareSentence({
  flow,
  forms,
  regionForms,
  figures
}: {
  flow: Flow;
  forms: NameForms;
  regionForms?: NameForms;
  figures: Pick<FlowFigures, "regionShare" | "franceShare">;
}): string | null {
  const parts: string[] = [];
  if (regionForms && figures.regionShare !== null) parts.push(`${formatShare(figures.regionShare, REGION_SHARE_DECIMALS)} de celles ${regionForms.ofName}`);
  if (figures.franceShare !== null) parts.push(`${formatShare(figures.franceShare, FRANCE_SHARE_DECIMALS)} de celles de la France entière`);
  if (parts.length === 0) return null;
  const noun = flow === "export" ? "exportations" : "importations";
  return `Les ${noun} ${forms.ofName} représentent ${frenchList(parts)}.`;
}
