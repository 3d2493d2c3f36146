/**
 * The views of a factsheet: every block of a page that shows data (key
 * figures, the partner chart, the treemap, the Sankeys, the trends, the
 * comparisons, the indicators), each as one query and one drawing.
 *
 * The same table serves twice, which is what keeps a page and its live
 * version equal:
 * - at build time (src/factsheet/prerender.ts) every view of every page is
 *   drawn under jsdom from the @duckdb/node-api engine, at a wide and a
 *   narrow width, and pasted into the HTML: the page is complete without
 *   JavaScript, in print, and before any engine;
 * - in the browser (./factsheet-live.ts), when the reader changes a control
 *   (year, product level, size of the Sankeys), DuckDB-WASM runs the same
 *   query over the page's slices and the view is drawn again, in place.
 *
 * A view gives, from its data: `before` (reading sentences, above the chart),
 * `charts(width)` (the width-dependent figures) and `after` (tables, the
 * key-figures line). A slot of the page holds them in that order.
 */
import {chartData, readingParagraph, type ChartDataColumn} from "./chart-data.js";
import {chartTitle, type ChartKind, type ViewKind} from "./chart-kinds.js";
import {changeChart} from "./change-chart.js";
import {resolveDocument} from "./figure.js";
import {balanceRoundingNote, formatShare} from "./format.js";
import {indicatorSummary, type IndicatorSummary} from "./indicators.js";
import {
  concentrationTable,
  dependenceTable,
  exposureTable,
  indicatorCards,
  indicatorCardTexts,
  specialisationTable
} from "./indicator-cards.js";
import {breakdownRows, breakdownTitle, departementBreakdown, type BreakdownRow} from "./departement-breakdown.js";
import {keyFiguresList, keyFiguresTexts} from "./key-figures.js";
import type {NameForms} from "../data/territories.js";
import {balanceSentence, flowSentence, productInSentence} from "./narrative.js";
import {partnerBalanceChart} from "./partner-balance.js";
import {FRANCE_ID, type Flow, type ProductLevel} from "../data/canonical.js";
import {keyFigures, productsByFlow, sankeyLinks, topCountries, topPartners, topProducts, territoryTotals, type KeyFigures, type PartnerRow, type ProductFlowRow, type SankeyLink, type TopRow} from "../queries/queries.js";
import {type Run} from "../data/run.js";
import {flowSankey} from "./sankey.js";
import {comparisonTable, quarterlyTable, trendChart, trendSentence} from "./trend-chart.js";
import {activityTreemap} from "./treemap.js";
import type {ViewState} from "./view-state.js";
import {quarterlyTotals, yearComparisons, type QuarterPoint, type YearComparison} from "./trends.js";

/** A territory as a view needs it (plain JSON: it also travels to the browser). */
export interface ViewTerritory {
  /** "D10", "R44", "FR" */
  id: string;
  /** "Aube (10)": in the key figures. */
  place: string;
  /** "Aube": in chart titles, as the reference names it. */
  titlePlace: string;
  forms: NameForms;
  /** Its région, when a share of it makes sense (not for a région of one département). */
  region: {id: string; forms: NameForms} | null;
  /** A région of several départements: its départements' ids and names, and what it counts without a page ("Monaco (code 99 des Douanes)"). */
  breakdown: {departements: {id: string; name: string}[]; alsoCounted: string[]} | null;
  isFrance: boolean;
}

export interface RenderOptions {
  document?: Document;
  /** File names of CSV downloads start with it: "aube-10". */
  fileStem: string;
}

/** What a view draws: above the chart, the chart at a width, below it. */
export interface Drawn {
  before: Element[];
  charts: (width: number) => Element[];
  after: Element[];
}

export interface View<Data> {
  /** What in the reader's state changes what the view shows: a control that changes none of it leaves the view as drawn. */
  redrawnBy: readonly (keyof ViewState)[];
  load(run: Run, territory: ViewTerritory, state: ViewState): Promise<Data>;
  draw(data: Data, territory: ViewTerritory, state: ViewState, options: RenderOptions): Drawn;
}

const view = <Data>(spec: View<Data>) => spec;

const MILLIONS = {format: "millionEuros" as const, csvDecimals: 0};
const TABLE_SUMMARY = "Données du graphique (tableau)";

const title = (kind: ChartKind, territory: ViewTerritory, state: ViewState) => chartTitle(kind, territory.titlePlace, state.year);

// ---------------------------------------------------------------------------
// Key figures

interface KeyFiguresData {
  figures: KeyFigures;
}

function flowTexts(territory: ViewTerritory, figures: KeyFigures, flow: Flow, withRegion: boolean) {
  const flowFigures = figures[flow];
  const region = withRegion ? territory.region : null;
  return keyFiguresTexts({
    territoryName: territory.place,
    flow,
    total: flowFigures.total,
    regionName: region?.forms.ofName,
    regionTotal: region ? (flowFigures.regionTotal ?? undefined) : undefined,
    franceTotal: territory.isFrance ? undefined : flowFigures.franceTotal,
    balance: flow === "export" ? figures.balance : undefined
  });
}

const chiffres = view<KeyFiguresData>({
  redrawnBy: ["year"],
  load: async (run, territory, state) => ({figures: await keyFigures(run, {territory: territory.id, region: territory.region?.id, year: state.year})}),
  draw: ({figures}, territory, _state, {document}) => ({
    before: [
      keyFiguresList(
        (["export", "import"] as const).map((flow) => ({flow, texts: flowTexts(territory, figures, flow, true), massKg: figures[flow].massKg})),
        flowTexts(territory, figures, "export", true).balance!,
        {document, balanceNote: balanceRoundingNote(figures.export.total, figures.import.total)}
      )
    ],
    charts: () => [],
    after: []
  })
});

// ---------------------------------------------------------------------------
// A région by département

const departements = view<BreakdownRow[] | null>({
  redrawnBy: ["year"],
  load: async (run, territory, state) => {
    if (!territory.breakdown) return null;
    const names = new Map(territory.breakdown.departements.map((d) => [d.id, d.name]));
    const totals = await territoryTotals(run, {territories: [...names.keys()], year: state.year});
    const region = await keyFigures(run, {territory: territory.id, year: state.year});
    return breakdownRows({
      departements: totals.map((row) => ({...row, name: names.get(row.territory)!})),
      region: {name: territory.titlePlace, exports: region.export.total, imports: region.import.total},
      alsoCounted: territory.breakdown.alsoCounted
    });
  },
  draw: (rows, territory, state, {document, fileStem}) => {
    if (!rows) return {before: [], charts: () => [], after: []};
    const drawing = departementBreakdown(rows, {
      title: breakdownTitle(territory.titlePlace, state.year),
      regionOfName: territory.forms.ofName,
      fileName: `${fileStem}-departements-${state.year}.csv`,
      document
    });
    return {before: drawing.before, charts: (width) => [drawing.chart(width)], after: drawing.after};
  }
});

// ---------------------------------------------------------------------------
// Partners

/** The partners' table: under the chart, and every partner on demand (./factsheet-live.ts). */
export const PARTNER_COLUMNS: readonly ChartDataColumn<PartnerRow>[] = [
  {key: "countryName", label: "Pays"},
  {key: "imports", label: "Importations", ...MILLIONS},
  {key: "exports", label: "Exportations", ...MILLIONS},
  {key: "balance", label: "Solde", format: "signedMillionEuros", csvDecimals: 0}
];

interface PartnersData {
  rows: PartnerRow[];
  balance: number;
}

const partenaires = view<PartnersData>({
  redrawnBy: ["year"],
  load: async (run, territory, state) => ({
    rows: await topPartners(run, {territory: territory.id, year: state.year, n: 10}),
    balance: (await keyFigures(run, {territory: territory.id, year: state.year})).balance
  }),
  draw: ({rows, balance}, territory, state, {document, fileStem}) => ({
    before: [readingParagraph(balanceSentence({forms: territory.forms, year: state.year, balance}), {document})],
    charts: (width) => [partnerBalanceChart(rows, {width, title: title("partenaires", territory, state), document})],
    after: [
      chartData(
        rows,
        PARTNER_COLUMNS,
        {summary: TABLE_SUMMARY, fileName: `${fileStem}-partenaires-${state.year}.csv`, document}
      )
    ]
  })
});

// ---------------------------------------------------------------------------
// Activities (treemap)

const LEVEL_WORD: Record<ProductLevel, string> = {a129: "activité", cpf4: "produit"};

function activitiesSentence(rows: readonly ProductFlowRow[], level: ProductLevel): string {
  const lead = (flow: Flow) => rows.find((row) => row.flow === flow && row.product !== "_AUTRES");
  const word = LEVEL_WORD[level];
  const parts = [
    lead("export") && `${word === "activité" ? "Première" : "Premier"} ${word} à l'export : ${productInSentence(lead("export")!.productName)} (${formatShare(lead("export")!.share)} des exportations)`,
    lead("import") && `à l'import : ${productInSentence(lead("import")!.productName)} (${formatShare(lead("import")!.share)} des importations)`
  ].filter(Boolean);
  return parts.length ? `${parts.join(" ; ")}.` : "Aucun échange de marchandises n'est enregistré.";
}

const activites = view<ProductFlowRow[]>({
  redrawnBy: ["year", "level"],
  load: (run, territory, state) => productsByFlow(run, {territory: territory.id, year: state.year, n: 30}),
  draw: (rows, territory, state, {document, fileStem}) => {
    const withMass = rows.some((row) => row.massKg !== null);
    const tableRows = rows.map((row) => ({
      ...row,
      flowName: row.flow === "export" ? "Exportations" : "Importations",
      massTonnes: row.massKg === null ? null : row.massKg / 1000,
      perKg: row.massKg ? row.value / row.massKg : null
    }));
    type TableRow = (typeof tableRows)[number];
    return {
      before: [readingParagraph(activitiesSentence(rows, state.level), {document})],
      charts: (width) => [activityTreemap(rows, {width, title: title("activites", territory, state), document})],
      after: [
        chartData<TableRow>(
          tableRows,
          [
            {key: "flowName", label: "Flux"},
            {key: "productName", label: state.level === "a129" ? "Activité (A129)" : "Produit (CPF4)"},
            {key: "value", label: "Valeur", ...MILLIONS},
            {key: "share", label: "Part du flux", format: "percent", csvDecimals: 4},
            ...(withMass
              ? [
                  {key: "massTonnes" as const, label: "Masse", format: "tonnes" as const, csvDecimals: 1},
                  {key: "perKg" as const, label: "Valeur au kg", format: "eurosPerKg" as const, csvDecimals: 2}
                ]
              : [])
          ],
          {summary: TABLE_SUMMARY, fileName: `${fileStem}-activites-${state.year}.csv`, document}
        )
      ]
    };
  }
});

// ---------------------------------------------------------------------------
// Sankeys

interface SankeyData {
  links: SankeyLink[];
  figures: KeyFigures;
  topProducts: TopRow[];
  topCountries: TopRow[];
}

/** How many products and countries the reading sentence names. */
const SENTENCE_TOP = 3;

function sankeyView(flow: Flow, kind: ChartKind) {
  return view<SankeyData>({
    redrawnBy: ["year", "level", "n"],
    load: async (run, territory, state) => {
      const options = {territory: territory.id, year: state.year, flow};
      // One statement at a time on a connection.
      const links = await sankeyLinks(run, {...options, n: state.n});
      const figures = await keyFigures(run, {territory: territory.id, region: territory.region?.id, year: state.year});
      const products = await topProducts(run, {...options, n: SENTENCE_TOP});
      const countries = await topCountries(run, {...options, n: SENTENCE_TOP});
      return {links, figures, topProducts: products, topCountries: countries};
    },
    draw: (data, territory, state, {document, fileStem}) => {
      const doc = resolveDocument(document);
      const texts = flowTexts(territory, data.figures, flow, true);
      const line = doc.createElement("p");
      line.className = "key-figures-line";
      const strong = doc.createElement("strong");
      const shares = [texts.total, texts.regionShare, territory.isFrance ? undefined : texts.franceShare].filter(Boolean).join(" — ");
      strong.textContent = `${flow === "export" ? "Exportations" : "Importations"} ${territory.forms.ofName} : ${shares}`;
      line.append(strong);
      const sentence = flowSentence({flow, forms: territory.forms, year: state.year, total: data.figures[flow].total, topProducts: data.topProducts, topCountries: data.topCountries});
      const productLabel = state.level === "a129" ? "Activité (A129)" : "Produit (CPF4)";
      return {
        before: [readingParagraph(sentence, {document: doc})],
        charts: (width) => [flowSankey(data.links, {width, title: title(kind, territory, state), flow, document: doc})],
        after: [
          chartData(
            data.links,
            [
              {key: "sourceName", label: flow === "export" ? productLabel : "Pays d'origine"},
              {key: "targetName", label: flow === "export" ? "Pays de destination" : productLabel},
              {key: "value", label: "Valeur", ...MILLIONS}
            ],
            {summary: TABLE_SUMMARY, fileName: `${fileStem}-${kind}-${state.year}.csv`, document: doc}
          ),
          line
        ]
      };
    }
  });
}

// ---------------------------------------------------------------------------
// Trends, comparisons, indicators

const tendance = view<QuarterPoint[]>({
  redrawnBy: [],
  load: (run, territory) => quarterlyTotals(run, {territory: territory.id}),
  draw: (points, territory, state, {document}) => ({
    before: [readingParagraph(trendSentence(points, {forms: territory.forms}), {document})],
    charts: (width) => [
      trendChart(points, {width, title: title("tendance", territory, state), document}),
      changeChart(points, {width, title: title("evolution", territory, state), document})
    ],
    after: [quarterlyTable(points, {document})]
  })
});

const comparaisons = view<YearComparison[]>({
  redrawnBy: ["year", "level"],
  load: (run, territory, state) => yearComparisons(run, {territory: territory.id, n: 10, year: state.year}),
  draw: (comparisons, _territory, _state, {document}) => ({
    before: comparisons.map((comparison) => comparisonTable(comparison, {document})),
    charts: () => [],
    after: []
  })
});

interface IndicatorsData {
  own: IndicatorSummary;
  france: IndicatorSummary | null;
}

const indicateurs = view<IndicatorsData>({
  redrawnBy: ["year", "level"],
  load: async (run, territory, state) => ({
    own: await indicatorSummary(run, {territory: territory.id, year: state.year}),
    france: territory.isFrance ? null : await indicatorSummary(run, {territory: FRANCE_ID, year: state.year})
  }),
  draw: ({own, france}, territory, _state, {document}) => ({
    before: [
      indicatorCards(indicatorCardTexts(own, france, {forms: territory.forms}), {document}),
      exposureTable(own.unitedStates, {document}),
      concentrationTable(own.concentration, france?.concentration ?? null, {document}),
      ...(own.specialisation.length ? [specialisationTable(own.specialisation, {document})] : []),
      dependenceTable(own.importDependence, {document})
    ],
    charts: () => [],
    after: []
  })
});

/** Every view, by the key its slot carries in the page (data-view). */
export const VIEWS = {
  chiffres,
  departements,
  partenaires,
  activites,
  exportations: sankeyView("export", "exportations"),
  importations: sankeyView("import", "importations"),
  tendance,
  comparaisons,
  indicateurs
} as const satisfies Record<ViewKind, unknown>;

/** Whether the view shows something else in `next` than in `drawn`, the state it was drawn in. */
export const viewChanges = (kind: ViewKind, drawn: ViewState, next: ViewState) => VIEWS[kind].redrawnBy.some((key) => drawn[key] !== next[key]);

/** Loads and draws one view (the type of its data stays inside). */
export async function drawView(kind: ViewKind, run: Run, territory: ViewTerritory, state: ViewState, options: RenderOptions): Promise<Drawn> {
  const spec = VIEWS[kind] as View<unknown>;
  return spec.draw(await spec.load(run, territory, state), territory, state, options);
}
