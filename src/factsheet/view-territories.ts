/**
 * A territory as the views name it (components/factsheet-views.ts): its id,
 * its place name in titles, its name forms, its région when a share of the
 * région makes sense, and, for a région of several départements, what its
 * breakdown by département lists.
 */
import type {ViewTerritory} from "../components/factsheet-views.js";
import {carriesFigures, EXTRA_DATA_DEPARTEMENTS, findRegion, type CorsicaForm} from "../data/territories.js";
import {departementId, findTerritory, type TerritoryInfo} from "../data/territory-ids.js";
import {chartPlace, displayName} from "./names.js";

/** The département pages of a région, for the source's form of Corsica. */
function regionPages(regionCode: string, corsica: CorsicaForm): string[] {
  return findRegion(regionCode)!.departements.filter((code) => carriesFigures(code, corsica));
}

/** A région of one département (the five overseas ones, Corsica as "20") would read "100,0 % de La Réunion": no région share there. */
function regionWithShare(info: TerritoryInfo, corsica: CorsicaForm): ViewTerritory["region"] {
  if (!info.region) return null;
  const region = findTerritory(info.region)!;
  return regionPages(region.code, corsica).length > 1 ? {id: region.id, forms: region.forms} : null;
}

/**
 * A région's départements with a page, and the codes the customs count in it
 * without one (Monaco, "99", in Provence-Alpes-Côte d'Azur: see
 * data/customs-geography.ts); null for a région of one département, where the
 * breakdown would repeat the page.
 */
function breakdown(info: TerritoryInfo, corsica: CorsicaForm): ViewTerritory["breakdown"] {
  if (info.kind !== "region") return null;
  const pages = regionPages(info.code, corsica);
  if (pages.length < 2) return null;
  return {
    departements: pages.map((code) => ({id: departementId(code), name: displayName(findTerritory(departementId(code))!)})),
    alsoCounted: EXTRA_DATA_DEPARTEMENTS.filter((d) => d.regionCode === info.code).map((d) => `${d.name} (code ${d.code} des Douanes)`)
  };
}

export function viewTerritory(info: TerritoryInfo, corsica: CorsicaForm): ViewTerritory {
  return {
    id: info.id,
    place: displayName(info),
    titlePlace: chartPlace(info),
    forms: info.forms,
    region: regionWithShare(info, corsica),
    breakdown: breakdown(info, corsica),
    isFrance: info.kind === "france"
  };
}
