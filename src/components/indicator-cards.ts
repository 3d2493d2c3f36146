/**
 * Exposure and dependence indicators as cards: the territory's value, France's
 * value beside it, and one French sentence that explains the figure and
 * places the territory against the nation. Plus the detail tables (through
 * ./data-table.ts).
 *
 * Texts come from a pure function (indicatorCardTexts) so that a page or a
 * loader can bake them into the HTML; the element only lays them out, with
 * textContent (labels come from data files and are never parsed as HTML).
 */
import type {NameForms} from "../data/territories.js";
import {dataTable, type TableColumn} from "./data-table.js";
import {FRANCE_SHARE_DECIMALS, formatHhi, formatMillionEuros, formatPercent, formatRca, formatShare, UNIT_SPACE} from "./format.js";
import {
  HHI_SOURCE,
  HHI_THRESHOLDS,
  RCA_MIN_SHARE,
  concentrationOf,
  hhiLevel,
  type ConcentrationRow,
  type CountryExposure,
  type Dimension,
  type ImportDependence,
  type IndicatorSummary,
  type SpecialisationRow
} from "./indicators.js";
import {countryWithArticle, frenchList, productInSentence} from "./narrative.js";
import {resolveDocument} from "./figure.js";
import {COLORS} from "./palette.js";
import type {Flow} from "../data/canonical.js";

export interface IndicatorCardText {
  /** Stable id, also the card's class suffix: "us-share", "export-country-concentration"… */
  id: string;
  /** What is measured: "Part des exportations vers les États-Unis". */
  label: string;
  /** The territory's value, formatted: "12,3 %". */
  value: string;
  /** "France : 8,3 %", or null on France's own page. */
  reference: string | null;
  /** One sentence: what the figure means and how it compares with France. */
  sentence: string;
}

const nb = UNIT_SPACE;

/** "sur 10 000": the HHI's scale, said wherever an HHI is shown. */
const HHI_SCALE = `sur ${formatHhi(10000)}`;

/** Where the HHI's thresholds come from, said beside the figure. */
export const HHI_READING =
  `seuils de ${formatHhi(HHI_THRESHOLDS.moderate)} et ${formatHhi(HHI_THRESHOLDS.high)} des ${HHI_SOURCE}`;

/** "partners" in French, for each flow. */
const PARTNERS: Record<Flow, string> = {export: "pays clients", import: "pays fournisseurs"};
const FLOW_NOUN: Record<Flow, string> = {export: "exportations", import: "importations"};

function usCard(own: CountryExposure, france: CountryExposure | null, forms: NameForms): IndicatorCardText {
  const destination = countryWithArticle(own.country, own.countryName) ?? own.countryName;
  const label = `Part des exportations vers ${destination}`;
  const reference = france?.share != null ? `France${nb}: ${formatShare(france.share)}` : null;
  if (own.share === null) {
    return {id: "us-share", label, value: "–", reference, sentence: `Aucune exportation n'est enregistrée ${forms.inName}.`};
  }
  const versus = france?.share != null ? `, contre ${formatShare(france.share)} pour la France entière` : "";
  const carriers = own.products
    .slice(0, 3)
    .map((p, i) => `${productInSentence(p.name)} (${formatShare(p.share)}${i === 0 ? " de ce flux" : ""})`);
  const carried = carriers.length ? ` Premiers produits exportés vers ${destination}${nb}: ${frenchList(carriers)}.` : "";
  return {
    id: "us-share",
    label,
    value: formatShare(own.share),
    reference,
    sentence: `${formatShare(own.share)} des exportations ${forms.ofName} partent vers ${destination} (${formatMillionEuros(own.value)})${versus}.${carried}`
  };
}

function concentrationCard(
  own: ConcentrationRow[],
  france: ConcentrationRow[] | null,
  flow: Flow,
  dimension: Dimension,
  forms: NameForms
): IndicatorCardText {
  const row = concentrationOf(own, flow, dimension);
  const national = france ? concentrationOf(france, flow, dimension) : undefined;
  const what = dimension === "country" ? PARTNERS[flow] : flow === "export" ? "produits exportés" : "produits importés";
  const id = `${flow}-${dimension}-concentration`;
  const label = `Concentration des ${what}`;
  const reference =
    national?.top3Share != null && national.hhi != null
      ? `France${nb}: ${formatShare(national.top3Share)} (IHH ${formatHhi(national.hhi)} ${HHI_SCALE})`
      : null;
  if (!row || row.top3Share === null || row.hhi === null) {
    return {id, label, value: "–", reference, sentence: `Aucune ${FLOW_NOUN[flow].slice(0, -1)} n'est enregistrée ${forms.inName}.`};
  }
  const versus = national?.top3Share != null && national.hhi != null
    ? ` (France entière${nb}: ${formatShare(national.top3Share)} et ${formatHhi(national.hhi)})`
    : "";
  const lead = `Les trois premiers ${what} représentent ${formatShare(row.top3Share)} des ${FLOW_NOUN[flow]} ${forms.ofName}`;
  return {
    id,
    label,
    value: formatShare(row.top3Share),
    reference,
    sentence:
      `${lead}${nb}; l'indice de Herfindahl-Hirschman (somme des carrés des parts en pourcentage) ` +
      `vaut ${formatHhi(row.hhi)} ${HHI_SCALE}${versus}, niveau «${nb}${hhiLevel(row.hhi)}${nb}» selon les ${HHI_READING}.`
  };
}

function specialisationCard(rows: SpecialisationRow[], forms: NameForms): IndicatorCardText | null {
  const top = rows[0];
  if (!top) return null;
  return {
    id: "specialisation",
    label: "Spécialisation la plus marquée",
    value: `${formatRca(top.rca)}${nb}×`,
    reference: `France${nb}: 1 (par définition)`,
    sentence:
      `Premier produit de spécialisation${nb}: ${productInSentence(top.name)}, ${formatShare(top.share)} des exportations ${forms.ofName} ` +
      `contre ${formatShare(top.referenceShare, FRANCE_SHARE_DECIMALS)} de celles de la France entière, soit ${formatRca(top.rca)} fois plus ` +
      `(avantage comparatif révélé${nb}; seuls les produits d'au moins ${formatPercent(RCA_MIN_SHARE, 0)} des exportations sont retenus).`
  };
}

function dependenceCard(own: ImportDependence, france: ImportDependence | null, forms: NameForms): IndicatorCardText {
  const count = own.products.length;
  const label = "Dépendance au premier fournisseur";
  const reference = france?.weightedShare != null ? `France${nb}: ${formatShare(france.weightedShare)}` : null;
  if (own.weightedShare === null || count === 0) {
    return {id: "import-dependence", label, value: "–", reference, sentence: `Aucune importation n'est enregistrée ${forms.inName}.`};
  }
  const most = [...own.products].sort((a, b) => b.countryShare - a.countryShare || a.rank - b.rank)[0];
  const versus = france?.weightedShare != null ? `, contre ${formatShare(france.weightedShare)} pour la France entière` : "";
  return {
    id: "import-dependence",
    label,
    value: formatShare(own.weightedShare),
    reference,
    sentence:
      (count === 1 ? `Pour le premier produit importé ${forms.ofName}, ` : `Pour les ${count} premiers produits importés ${forms.ofName}, `) +
      `${formatShare(own.weightedShare)} de la valeur vient du premier pays fournisseur de chacun (moyenne pondérée)${versus}. ` +
      `Le plus dépendant${nb}: ${productInSentence(most.productName)}, dont ${formatShare(most.countryShare)} vient d'un seul pays (${most.countryName}).`
  };
}

/**
 * The cards' texts, in display order: exposure to the United States, partner
 * and product concentration (exports then imports), specialisation (not on
 * France's own page), import dependence. `france` is null on France's page.
 */
export function indicatorCardTexts(
  own: IndicatorSummary,
  france: IndicatorSummary | null,
  {forms}: {forms: NameForms}
): IndicatorCardText[] {
  const cards: (IndicatorCardText | null)[] = [
    usCard(own.unitedStates, france?.unitedStates ?? null, forms),
    concentrationCard(own.concentration, france?.concentration ?? null, "export", "country", forms),
    concentrationCard(own.concentration, france?.concentration ?? null, "import", "country", forms),
    concentrationCard(own.concentration, france?.concentration ?? null, "export", "product", forms),
    concentrationCard(own.concentration, france?.concentration ?? null, "import", "product", forms),
    specialisationCard(own.specialisation, forms),
    dependenceCard(own.importDependence, france?.importDependence ?? null, forms)
  ];
  return cards.filter((card): card is IndicatorCardText => card !== null);
}

/** The cards as a responsive grid of <article>s, each with a heading, the value, France's value and the sentence. */
export function indicatorCards(cards: readonly IndicatorCardText[], {document}: {document?: Document} = {}): HTMLElement {
  const doc = resolveDocument(document);
  const grid = doc.createElement("div");
  grid.className = "indicator-cards";
  grid.style.display = "grid";
  grid.style.gridTemplateColumns = "repeat(auto-fit, minmax(16rem, 1fr))";
  grid.style.gap = "1rem";
  for (const card of cards) {
    const article = doc.createElement("article");
    article.className = `indicator-card indicator-${card.id}`;
    article.style.breakInside = "avoid";
    article.style.borderTop = `3px solid ${COLORS.nodeFill}`;
    article.style.paddingTop = "0.5rem";
    const heading = doc.createElement("h4");
    heading.style.margin = "0";
    heading.textContent = card.label;
    const value = doc.createElement("p");
    value.className = "indicator-value";
    value.style.fontSize = "1.6em";
    value.style.fontWeight = "700";
    value.style.margin = "0.25rem 0 0";
    value.textContent = card.value;
    article.append(heading, value);
    if (card.reference) {
      const reference = doc.createElement("p");
      reference.className = "indicator-reference";
      reference.style.margin = "0";
      reference.style.color = COLORS.mutedText;
      reference.textContent = card.reference;
      article.append(reference);
    }
    const sentence = doc.createElement("p");
    sentence.className = "indicator-sentence";
    sentence.style.margin = "0.5rem 0 0";
    sentence.style.fontSize = "0.9em";
    sentence.textContent = card.sentence;
    article.append(sentence);
    grid.append(article);
  }
  return grid;
}

// ---------------------------------------------------------------------------
// Detail tables

export function exposureTable(exposure: CountryExposure, {document}: {document?: Document} = {}): HTMLDetailsElement {
  const destination = countryWithArticle(exposure.country, exposure.countryName) ?? exposure.countryName;
  const columns: TableColumn<CountryExposure["products"][number]>[] = [
    {key: "rank", label: "Rang"},
    {key: "name", label: "Produit"},
    {key: "value", label: `Exportations vers ${destination}`, format: "millionEuros"},
    {key: "share", label: "Part de ce flux", format: "percent"},
    {key: "productShare", label: `Part du produit exportée vers ${destination}`, format: "percent"}
  ];
  return dataTable(exposure.products, columns, {summary: `Produits exportés vers ${destination} (tableau)`, document});
}

export interface ConcentrationTableRow {
  what: string;
  top3: number | null;
  franceTop3: number | null;
  hhi: number | null;
  franceHhi: number | null;
}

export function concentrationTableRows(own: readonly ConcentrationRow[], france: readonly ConcentrationRow[] | null): ConcentrationTableRow[] {
  return own.map((row) => {
    const national = france ? concentrationOf(france, row.flow, row.dimension) : undefined;
    const what = row.dimension === "country" ? `Pays (${FLOW_NOUN[row.flow]})` : `Produits (${FLOW_NOUN[row.flow]})`;
    return {what, top3: row.top3Share, franceTop3: national?.top3Share ?? null, hhi: row.hhi, franceHhi: national?.hhi ?? null};
  });
}

export function concentrationTable(
  own: readonly ConcentrationRow[],
  france: readonly ConcentrationRow[] | null,
  {document}: {document?: Document} = {}
): HTMLDetailsElement {
  const percent = (value: unknown) => (value === null ? "–" : formatShare(value as number));
  const hhi = (value: unknown) => (value === null ? "–" : formatHhi(value as number));
  const columns: TableColumn<ConcentrationTableRow>[] = [
    {key: "what", label: "Concentration des…"},
    {key: "top3", label: "Part des 3 premiers", format: percent, unit: "%"},
    ...(france ? [{key: "franceTop3", label: "France, part des 3 premiers", format: percent, unit: "%"} as const] : []),
    {key: "hhi", label: `Indice IHH (${HHI_SCALE})`, format: hhi},
    {key: "hhi", label: "Niveau", format: (value) => (value === null ? "–" : hhiLevel(value as number))},
    ...(france ? [{key: "franceHhi", label: `France, IHH (${HHI_SCALE})`, format: hhi} as const] : [])
  ];
  const table = dataTable(concentrationTableRows(own, france), columns, {summary: "Concentration des partenaires et des produits (tableau)", document});
  const note = table.ownerDocument.createElement("p");
  note.className = "table-note";
  note.textContent =
    `Niveau selon les ${HHI_SOURCE}${nb}: moins de ${formatHhi(HHI_THRESHOLDS.moderate)}, peu concentré${nb}; ` +
    `de ${formatHhi(HHI_THRESHOLDS.moderate)} à ${formatHhi(HHI_THRESHOLDS.high)}, modérément concentré${nb}; au-delà, fortement concentré.`;
  table.append(note);
  return table;
}

export function specialisationTable(rows: readonly SpecialisationRow[], {document}: {document?: Document} = {}): HTMLDetailsElement {
  const columns: TableColumn<SpecialisationRow>[] = [
    {key: "rank", label: "Rang"},
    {key: "name", label: "Produit"},
    {key: "value", label: "Exportations", format: "millionEuros"},
    {key: "share", label: "Part des exportations du territoire", format: "percent"},
    {key: "referenceShare", label: "Part des exportations de la France", format: (value) => formatShare(value as number, FRANCE_SHARE_DECIMALS), unit: "%"},
    {key: "rca", label: "Indice de spécialisation (France = 1)", format: (value) => formatRca(value as number)}
  ];
  return dataTable(rows, columns, {
    summary: `Spécialisation à l'export (indice supérieur à 1, produits d'au moins ${formatPercent(RCA_MIN_SHARE, 0)} des exportations, tableau)`,
    document
  });
}

export function dependenceTable(dependence: ImportDependence, {document}: {document?: Document} = {}): HTMLDetailsElement {
  const columns: TableColumn<ImportDependence["products"][number]>[] = [
    {key: "rank", label: "Rang"},
    {key: "productName", label: "Produit importé"},
    {key: "value", label: "Importations", format: "millionEuros"},
    {key: "countryName", label: "Premier pays fournisseur"},
    {key: "countryShare", label: "Part du premier fournisseur", format: "percent"}
  ];
  return dataTable(dependence.products, columns, {summary: "Premiers produits importés et leur premier fournisseur (tableau)", document});
}
