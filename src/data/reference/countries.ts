/**
 * Partner countries in French, keyed by the 2-letter EU geonomenclature code
 * the customs use: ISO 3166-1 alpha-2 names from i18n-iso-countries (`fr`),
 * corrected where the customs' usage differs, plus the customs-only codes
 * (Ceuta, Melilla, Kosovo, Serbia's customs code, the EU as a whole, high
 * seas, autocorrections, ship stores, undetermined or confidential
 * countries). Shared by the demo generator and the pipeline's label table.
 */
import {createRequire} from "node:module";

const require = createRequire(import.meta.url);
const isoCountries: {getNames(lang: string, options: {select: string}): Record<string, string>} =
  require("i18n-iso-countries");
isoCountries.getNames("fr", {select: "official"}); // warm-up: fails early if the locale is missing

export type CountryKind = "country" | "special";

export interface Country {
  code: string;
  name: string;
  kind: CountryKind;
}

/** Short, customs-style names where the ISO French name is long-winded or dated. */
const NAME_OVERRIDES: Record<string, string> = {
  US: "États-Unis",
  CZ: "Tchéquie",
  TZ: "Tanzanie",
  CD: "Congo (République démocratique)",
  CG: "Congo",
  CI: "Côte d'Ivoire",
  AE: "Émirats arabes unis",
  SA: "Arabie saoudite",
  BN: "Brunei",
  VA: "Saint-Siège",
  VN: "Viêt Nam",
  MK: "Macédoine du Nord",
  HK: "Hong Kong",
  MO: "Macao"
};

/**
 * Codes of the EU geonomenclature and of the customs' `Libelle_PAYS.txt` that
 * are not ISO countries (or that the customs label their own way). The
 * customs' file gave some of them other labels over time (`XK`, `XS`, `QU`):
 * these are the current ones.
 */
const CUSTOMS_SPECIALS: Record<string, string> = {
  XC: "Ceuta",
  XL: "Melilla",
  XK: "Kosovo",
  XS: "Serbie",
  EU: "Union européenne (pays non déterminé)",
  QP: "Haute mer",
  QQ: "Autocorrections",
  QR: "Avitaillement et soutage (échanges intra-UE)",
  QS: "Avitaillement et soutage (échanges avec les pays tiers)",
  QU: "Pays et territoires non déterminés",
  QV: "Pays et territoires non déterminés (échanges intra-UE)",
  QW: "Pays et territoires non déterminés (échanges extra-UE)",
  QX: "Pays et territoires non précisés pour raisons commerciales ou militaires",
  QY: "Pays et territoires non précisés pour raisons commerciales ou militaires (intra-UE)",
  QZ: "Pays et territoires non précisés pour raisons commerciales ou militaires (extra-UE)"
};

function buildCountries(): Country[] {
  const isoNames = isoCountries.getNames("fr", {select: "official"});
  const list: Country[] = Object.entries(isoNames).map(([code, name]) => ({
    code,
    name: NAME_OVERRIDES[code] ?? name,
    kind: "country"
  }));
  for (const [code, name] of Object.entries(CUSTOMS_SPECIALS)) {
    const existing = list.find((c) => c.code === code);
    if (existing) existing.name = name; // i18n-iso-countries already knows XK
    else list.push({code, name, kind: "special"});
  }
  return list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Every known code (ISO countries and customs specials), sorted by code. */
export const countries: Country[] = buildCountries();

const nameByCode = new Map(countries.map((c) => [c.code, c.name]));

/** True when the code is an ISO country or a customs special known here. */
export function isKnownCountry(code: string): boolean {
  return nameByCode.has(code);
}

/** French name of a customs country code; unknown codes come back as « Code pays XX inconnu ». */
export function countryName(code: string): string {
  return nameByCode.get(code) ?? `Code pays ${code} inconnu`;
}
