/**
 * The charts of a factsheet, each known by a French key ("partenaires",
 * "exportations"…) used in file names and in the embed view's URL, with its
 * name and title. A light module (no chart code), so page loaders can title
 * charts at build time cheaply; factsheet-views.ts says how each one is drawn.
 */
import type {Flow} from "../data/canonical.js";

/**
 * The views of a factsheet, by the key their slot carries (data-view) and a
 * template names (`{{vue partenaires}}`, templates/factsheet.md); how each is
 * queried and drawn is its entry in VIEWS (factsheet-views.ts), which the
 * compiler holds to this list. Lower-case words: they stand in a placeholder,
 * an attribute and a URL.
 */
export const VIEW_KINDS = ["chiffres", "departements", "partenaires", "activites", "exportations", "importations", "tendance", "comparaisons", "indicateurs"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export function isViewKind(value: string): value is ViewKind {
  return (VIEW_KINDS as readonly string[]).includes(value);
}

export const CHART_KINDS = ["partenaires", "activites", "exportations", "importations", "tendance", "evolution"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(value: string): value is ChartKind {
  return (CHART_KINDS as readonly string[]).includes(value);
}

/** Short French names, for lists of charts. */
export const CHART_NAMES: Record<ChartKind, string> = {
  partenaires: "Principaux pays partenaires",
  activites: "Principales activités",
  exportations: "Flux d'exportations",
  importations: "Flux d'importations",
  tendance: "Évolution trimestrielle",
  evolution: "Évolution sur un an"
};

/**
 * The title of a chart, as the reference words it: « Principaux pays à
 * l'import et à l'export, Aube (2024) », « Flux à l'export, Grand Est (en
 * valeur, 2024) ». `place` is the territory's name ("Aube", "Grand Est",
 * "France entière"); the amounts' unit is written on every chart's labels.
 */
export function chartTitle(kind: ChartKind, place: string, year: number): string {
  switch (kind) {
    case "partenaires":
      return `Principaux pays à l'import et à l'export, ${place} (${year})`;
    case "activites":
      return `Principales activités à l'export et à l'import, ${place} (${year})`;
    case "exportations":
      return `Flux à l'export, ${place} (en valeur, ${year})`;
    case "importations":
      return `Flux à l'import, ${place} (en valeur, ${year})`;
    case "tendance":
      return `Exportations et importations par trimestre, ${place} (M€)`;
    case "evolution":
      return `Évolution sur un an, trimestre par trimestre, ${place} (%)`;
  }
}

/** The Sankey's key for a flow: "exportations" or "importations". */
export const sankeyKind = (flow: Flow): ChartKind => (flow === "export" ? "exportations" : "importations");


/** The charts each view of a factsheet draws, in order (components/factsheet-views.ts); the other views draw none. */
export const VIEW_CHARTS: Readonly<Partial<Record<ViewKind, readonly ChartKind[]>>> = {
  partenaires: ["partenaires"],
  activites: ["activites"],
  exportations: ["exportations"],
  importations: ["importations"],
  tendance: ["tendance", "evolution"]
};
