/**
 * The customs' own geography (DGDDI / DSECE bulk regional files and their
 * `Departement_region.txt`), which is not INSEE's, and how it maps onto the
 * INSEE territories of the site:
 *   - Corsica is ONE département code, "20" (customs région 22);
 *   - overseas départements are "9A" … "9E" (customs région 24 "DOM");
 *   - "99" is the Principality of Monaco, counted in Provence-Alpes-Côte
 *     d'Azur (the French statistical territory includes Monaco);
 *   - région codes are the customs' own ("13" is Grand Est, INSEE "44").
 * A source that publishes INSEE codes ("2A", "2B", "974") keeps them.
 */

/** Customs overseas département code → INSEE code. */
export const OVERSEAS_TO_INSEE: Readonly<Record<string, string>> = {
  "9A": "971", // Guadeloupe
  "9B": "972", // Martinique
  "9C": "973", // Guyane
  "9D": "974", // La Réunion
  "9E": "976" // Mayotte
};

/** Corsica as the customs publish it: one département. */
export const CORSICA_CODE = "20";
/** The two INSEE départements of Corsica, which the customs publish together as "20". */
export const CORSICA_HALVES = ["2A", "2B"] as const;
/** The Principality of Monaco, in the customs' département list. */
export const MONACO_CODE = "99";
/**
 * Partner codes inside the French statistical territory (mainland France, its
 * old ISO code FX, Monaco, the five overseas départements): trade with them is
 * not foreign trade (the customs exclude mainland France from the overseas
 * départements' figures), so such a partner is never a foreign country. The
 * overseas collectivities (PM, BL, MF, NC, PF, WF, TF) are outside that
 * territory and stay partners.
 */
export const NOT_FOREIGN_PARTNERS: ReadonlySet<string> = new Set(["FR", "FX", "MC", "GP", "MQ", "GF", "RE", "YT"]);

/** INSEE région code of Corsica and of Provence-Alpes-Côte d'Azur. */
export const CORSICA_REGION = "94";
export const MONACO_REGION = "93";

/**
 * Customs région code → INSEE région code. "24" (DOM) has no single INSEE
 * région: each overseas département is its own région, found from the
 * département code.
 */
export const CUSTOMS_REGION_TO_INSEE: Readonly<Record<string, string | null>> = {
  "01": "32", // Hauts-de-France
  "03": "11", // Île-de-France
  "04": "24", // Centre-Val de Loire
  "05": "28", // Normandie
  "07": "53", // Bretagne
  "08": "52", // Pays de la Loire
  "09": "75", // Nouvelle-Aquitaine
  "12": "76", // Occitanie
  "13": "44", // Grand Est
  "16": "27", // Bourgogne-Franche-Comté
  "18": "84", // Auvergne-Rhône-Alpes
  "21": "93", // Provence-Alpes-Côte d'Azur
  "22": "94", // Corse
  "24": null // DOM: one INSEE région per overseas département
};

/** INSEE région of each overseas département. */
const OVERSEAS_REGION: Readonly<Record<string, string>> = {"971": "01", "972": "02", "973": "03", "974": "04", "976": "06"};

/** The département code as the site stores it: overseas codes mapped to INSEE, everything else unchanged. */
export function siteDeptCode(customsCode: string): string {
  return OVERSEAS_TO_INSEE[customsCode] ?? customsCode;
}

/** INSEE région code → customs région code (overseas régions → "24"). */
export function customsRegionOf(inseeRegion: string): string | undefined {
  if (Object.values(OVERSEAS_REGION).includes(inseeRegion)) return "24";
  return Object.entries(CUSTOMS_REGION_TO_INSEE).find(([, insee]) => insee === inseeRegion)?.[0];
}

/** Customs département code of a site département ("974" → "9D", "10" → "10"). */
export function customsDeptCode(siteCode: string): string {
  return Object.entries(OVERSEAS_TO_INSEE).find(([, insee]) => insee === siteCode)?.[0] ?? siteCode;
}
