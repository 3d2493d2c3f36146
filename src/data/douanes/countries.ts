/**
 * Country codes of the EU geonomenclature: ISO 3166-1 alpha-2 plus customs
 * specials (XC Ceuta, XL Melilla, XK Kosovo, XS Serbia in older files, QU/QV/
 * QW/QX/QY/QZ… undetermined or confidential). French names come from
 * i18n-iso-countries, with customs overrides for the specials.
 */
import {createRequire} from "node:module";

const require = createRequire(import.meta.url);
const isoCountries: {
  registerLocale(data: unknown): void;
  getName(code: string, lang: string): string | undefined;
  isValid(code: string): boolean;
} = require("i18n-iso-countries");
isoCountries.registerLocale(require("i18n-iso-countries/langs/fr.json"));

const CUSTOMS_NAMES: Record<string, string> = {
  XC: "Ceuta",
  XL: "Melilla",
  XK: "Kosovo",
  XS: "Serbie",
  QP: "Haute mer",
  QQ: "Avitaillement et soutage",
  QR: "Avitaillement et soutage (intra-UE)",
  QS: "Avitaillement et soutage (extra-UE)",
  QU: "Pays et territoires non déterminés",
  QV: "Pays et territoires non déterminés (intra-UE)",
  QW: "Pays et territoires non déterminés (extra-UE)",
  QX: "Pays non précisés (raisons commerciales ou militaires)",
  QY: "Pays non précisés (intra-UE, secret)",
  QZ: "Pays non précisés (extra-UE, secret)"
};

export function isKnownCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  return code in CUSTOMS_NAMES || code.startsWith("Q") || isoCountries.isValid(code);
}

/** French name of a country code; the code itself when it has none (never happens for accepted codes). */
export function frenchCountryName(code: string): string {
  return CUSTOMS_NAMES[code] ?? isoCountries.getName(code, "fr") ?? (code.startsWith("Q") ? "Pays non déterminé" : code);
}
