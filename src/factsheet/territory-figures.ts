/**
 * The figures and sentences baked into every page, computed once per build
 * for all territories with the pages' own queries (src/queries/queries.ts)
 * over the slices (src/data/slices.ts). JSON-serialisable, keyed by territory id.
 */
import {FLOWS, keyFigures, topCountries, topProducts, type KeyFigures, type TopRow} from "../queries/queries.js";
import {balanceSentence, flowSentence, shareSentence} from "../components/narrative.js";
import type {Flow} from "../data/canonical.js";
import {withSliceData, corsicaForm, outsideDepartements, type CanonicalFiles, type OutsideDepartement} from "../data/slices.js";
import type {CorsicaForm} from "../data/territories.js";
import {allTerritories, findTerritory, type TerritoryInfo} from "../data/territory-ids.js";

export interface FlowSummary {
  topProducts: TopRow[];
  topCountries: TopRow[];
  /** "L'Aube a exporté pour … M€ de marchandises, d'abord vers …" */
  sentence: string;
  /** Share of the région and of France, or null for France. */
  shareSentence: string | null;
}

export interface TerritoryFigures extends TerritoryInfo {
  year: number;
  keyFigures: KeyFigures;
  export: FlowSummary;
  import: FlowSummary;
  balanceSentence: string;
}

export interface FiguresBundle {
  /** The year shown: the latest complete year. */
  year: number;
  /** Every complete year in the data. */
  completeYears: number[];
  /** How the source publishes Corsica: one département "20", or "2A" and "2B". */
  corsica: CorsicaForm;
  /** France = every row: what the département pages do not show, to reconcile France with them. */
  outsideDepartements: OutsideDepartement[];
  territories: Record<string, TerritoryFigures>;
}

/** How many products and countries the sentences name. */
const SENTENCE_TOP = 3;

/**
 * Key figures, top products and countries and the French reading sentences of
 * every territory for the latest complete year (or `year`), computed with the
 * page's own queries over the slices. JSON-serialisable, keyed by territory id.
 */
export async function territoryFigures(files: CanonicalFiles, options: {year?: number} = {}): Promise<FiguresBundle> {
  return withSliceData(files, options, async (run, {year, completeYears}) => {
    const territories: Record<string, TerritoryFigures> = {};
    for (const info of allTerritories()) {
      const figures = await keyFigures(run, {territory: info.id, region: info.region, year});
      const regionForms = info.region ? findTerritory(info.region)?.forms : undefined;
      const summary = async (flow: Flow): Promise<FlowSummary> => {
        const options = {territory: info.id, year, flow, n: SENTENCE_TOP};
        // One statement at a time on the connection.
        const products = await topProducts(run, options);
        const countries = await topCountries(run, options);
        const flowFigures = figures[flow];
        return {
          topProducts: products,
          topCountries: countries,
          sentence: flowSentence({flow, forms: info.forms, year, total: flowFigures.total, topProducts: products, topCountries: countries}),
          shareSentence:
            info.kind === "france" ? null : shareSentence({flow, forms: info.forms, regionForms, figures: flowFigures})
        };
      };
      territories[info.id] = {
        ...info,
        year,
        keyFigures: figures,
        export: await summary(FLOWS[0]),
        import: await summary(FLOWS[1]),
        balanceSentence: balanceSentence({forms: info.forms, year, balance: figures.balance})
      };
    }
    return {year, completeYears, corsica: await corsicaForm(run), outsideDepartements: await outsideDepartements(run, year), territories};
  });
}

