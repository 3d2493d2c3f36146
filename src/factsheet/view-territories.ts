/**
 * A territory as the views name it (components/factsheet-views.ts): its id,
 * its place name in titles, its name forms, and its région when a share of
 * the région makes sense.
 */
import type {ViewTerritory} from "../components/factsheet-views.ts";
import {carriesFigures, findRegion, type CorsicaForm} from "../data/territories.ts";
import {findTerritory, type TerritoryInfo} from "../data/territory-ids.ts";
import {displayName} from "./names.ts";

/** A région of one département (the five overseas ones, Corsica as "20") would read "100,0 % de La Réunion": no région share there. */
function regionWithShare(info: TerritoryInfo, corsica: CorsicaForm): ViewTerritory["region"] {
  if (!info.region) return null;
  const region = findTerritory(info.region)!;
  const pages = findRegion(region.code)!.departements.filter((code) => carriesFigures(code, corsica));
  return pages.length > 1 ? {id: region.id, forms: region.forms} : null;
}

export function viewTerritory(info: TerritoryInfo, corsica: CorsicaForm): ViewTerritory {
  return {id: info.id, place: displayName(info), forms: info.forms, region: regionWithShare(info, corsica), isFrance: info.kind === "france"};
}
