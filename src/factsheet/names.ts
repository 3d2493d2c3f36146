/**
 * How a territory is named in pages, links and file names, at build time.
 */
import {chartTitle, type ChartKind} from "../components/chart-kinds.js";
import type {TerritoryInfo} from "../data/territory-ids.js";

/** "Aube (10)", "Grand Est", "France entière". */
export function displayName(info: TerritoryInfo): string {
  if (info.kind === "departement") return `${info.name} (${info.code})`;
  return info.kind === "france" ? "France entière" : info.name;
}

/** The name in chart titles, as the reference writes it: "Aube", "Grand Est", "France entière". */
export function chartPlace(info: TerritoryInfo): string {
  return info.kind === "departement" ? info.name : displayName(info);
}

/** "aube-10", "grand-est", "france": file names of downloads. */
export function slug(info: TerritoryInfo): string {
  const base = info.kind === "departement" ? `${info.name}-${info.code}` : info.kind === "france" ? "france" : info.name;
  return base
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Site-absolute path of a territory's factsheet: "/departements/10", "/regions/44", "/france". */
export function pagePath(info: TerritoryInfo): string {
  if (info.kind === "departement") return `/departements/${info.code}`;
  return info.kind === "region" ? `/regions/${info.code}` : "/france";
}

/** A chart's title for a territory, on its page and in its static version alike. */
export function territoryChartTitle(kind: ChartKind, info: TerritoryInfo, year: number): string {
  return chartTitle(kind, chartPlace(info), year);
}
