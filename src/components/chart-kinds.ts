/**
 * The charts of a factsheet, each known by a French key ("partenaires",
 * "exportations"…) used in file names and in the embed view's URL, with its
 * name and title. A light module (no chart code), so page loaders can title
 * charts at build time cheaply; factsheet-views.ts says how each one is drawn.
 */
import type {Flow} from "../data/canonical.js";

export const CHART_KINDS = ["partenaires", "activites", "exportations", "importations", "tendance", "evolution"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(value: string): value is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(value);
}

const SANKEY_WORDS: Record<Flow, {noun: string; sides: string}> = {
  export: {noun: "exportations", sides: "par produit et par pays de destination"},
  import: {noun: "importations", sides: "par pays d'origine et par produit"}
};

/** Short French names, for lists of charts. */
export const CHART_NAMES: Record<ChartKind, string> = {
  partenaires: "Principaux pays partenaires",
  activites: "Principales activités",
  exportations: "Flux d'exportations",
  importations: "Flux d'importations",
  tendance: "Évolution trimestrielle",
  evolution: "Évolution sur un an"
};

/** The title of a chart for a place ("Aube (10)") and the year shown. */
export function chartTitle(kind: ChartKind, place: string, year: number): string {
  switch (kind) {
    case "partenaires":
      return `${place} — principaux pays partenaires à l'import et à l'export, ${year} (M€)`;
    case "activites":
      return `${place} — principales activités à l'import et à l'export, ${year} (M€)`;
    case "exportations":
    case "importations": {
      const {noun, sides} = SANKEY_WORDS[kindFlow(kind)];
      return `${place} — ${noun} ${sides}, ${year} (M€)`;
    }
    case "tendance":
      return `${place} — exportations et importations par trimestre (M€)`;
    case "evolution":
      return `${place} — évolution sur un an, trimestre par trimestre (%)`;
  }
}

/** The Sankey's key for a flow: "exportations" or "importations". */
export const sankeyKind = (flow: Flow): ChartKind => (flow === "export" ? "exportations" : "importations");

const kindFlow = (kind: "exportations" | "importations"): Flow => (kind === "exportations" ? "export" : "import");

/** The charts each view of a factsheet draws, in order (components/factsheet-views.ts); the other views draw none. */
export const VIEW_CHARTS: Readonly<Record<string, readonly ChartKind[]>> = {
  partenaires: ["partenaires"],
  activites: ["activites"],
  exportations: ["exportations"],
  importations: ["importations"],
  tendance: ["tendance", "evolution"]
};
