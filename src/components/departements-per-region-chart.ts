/**
 * Bar chart: how many départements each région has. A placeholder chart for
 * the skeleton pages; it proves Plot renders from a DuckDB-WASM query.
 */
import * as Plot from "@observablehq/plot";
import {formatNumber} from "./format.js";

export interface RegionCount {
  region: string;
  region_name: string;
  departements: number;
}

export interface ChartOptions {
  width?: number;
  /** Région code drawn in the accent colour (the page's own région). */
  highlight?: string;
  document?: Document;
}

export function departementsPerRegionChart(rows: RegionCount[], {width = 640, highlight, document}: ChartOptions = {}) {
  const accent = (d: RegionCount) => (d.region === highlight ? "région de la page" : "autres régions");
  return Plot.plot({
    document,
    width,
    height: 24 * rows.length + 40,
    marginLeft: 190,
    title: "Nombre de départements par région (2024)",
    ariaLabel: "Nombre de départements par région",
    x: {label: "Départements", grid: true, tickFormat: (d: number) => formatNumber(d)},
    y: {label: null},
    color: {domain: ["région de la page", "autres régions"], range: ["var(--theme-foreground-focus)", "#9aa4b1"]},
    marks: [
      Plot.barX(rows, {
        y: "region_name",
        x: "departements",
        fill: highlight ? accent : "#9aa4b1",
        sort: {y: "-x"}
      }),
      Plot.text(rows, {
        y: "region_name",
        x: "departements",
        text: (d: RegionCount) => formatNumber(d.departements),
        dx: 4,
        textAnchor: "start"
      }),
      Plot.ruleX([0])
    ]
  });
}
