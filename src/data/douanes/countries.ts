/**
 * Country codes of the EU geonomenclature, through the shared reference list
 * (../reference/countries.ts: ISO 3166-1 alpha-2 in French plus customs
 * specials). Any other "Q?" code is accepted too: the customs use the Q range
 * for undetermined or confidential partners, and its exact list is not known.
 */
import {NOT_FOREIGN_PARTNERS} from "../customs-geography.js";
import {countryName, isKnownCountry} from "../reference/countries.js";

const UNDETERMINED = /^Q[A-Z]$/;

export function isKnownCountryCode(code: string): boolean {
  return isKnownCountry(code) || UNDETERMINED.test(code);
}

/** French name of an accepted code. */
export function frenchCountryName(code: string): string {
  return isKnownCountry(code) ? countryName(code) : `Pays non déterminé (code ${code})`;
}

/** Why a row whose partner is France itself, Monaco or an overseas département is rejected (both layouts). */
export const NOT_FOREIGN_REASON = "partenaire non étranger (France, Monaco ou département d'outre-mer : hors commerce extérieur)";

export function isForeignPartner(code: string): boolean {
  return !NOT_FOREIGN_PARTNERS.has(code);
}
