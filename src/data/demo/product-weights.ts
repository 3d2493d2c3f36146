/**
 * Rough national weight of each product in French trade, in billions of euros
 * a year, [exports, imports]. Only orders of magnitude matter: the generator
 * multiplies them by each département's specialisation and by noise, then
 * rescales to the calibrated totals.
 */
import type {Flow} from "../canonical.js";

const NATIONAL_WEIGHTS: Record<string, readonly [number, number]> = {
  "0111": [8, 1.5], "0113": [1.5, 3], "0124": [0.8, 1.5], "0125": [0.3, 2.5], "0130": [1.5, 0.8],
  "0149": [1.5, 0.5], "0220": [0.6, 0.2], "0311": [0.8, 2.2], "0510": [0.02, 1.5],
  "0610": [0.1, 30], "0620": [1.5, 22], "0710": [0.01, 1.2], "0729": [0.1, 1],
  "1011": [3.5, 4.5], "1012": [1.2, 2.5], "1013": [1.2, 2], "1020": [0.8, 3.5], "1032": [0.4, 1.2],
  "1039": [1.8, 3], "1041": [1.2, 3], "1051": [8, 5], "1061": [1.8, 0.6], "1072": [1.5, 1.5],
  "1073": [0.2, 0.8], "1081": [1.5, 0.5], "1082": [2.5, 3.5], "1085": [1, 1.2], "1089": [2.5, 2.5],
  "1091": [1.2, 2.5], "1092": [1, 1],
  "1101": [4.5, 1.2], "1102": [12, 1], "1105": [0.5, 0.8], "1107": [1.5, 0.6], "1200": [0.3, 3.5],
  "1320": [1.2, 1.5], "1392": [0.8, 2.5], "1413": [6, 10], "1414": [1.5, 3], "1419": [2.5, 3.5],
  "1439": [1.2, 3], "1512": [18, 5], "1520": [3, 7],
  "1610": [0.6, 1.5], "1621": [0.8, 1.2], "1711": [0.5, 1.5], "1712": [3, 4.5], "1721": [1.5, 1.5],
  "1920": [14, 28],
  "2013": [2, 2.2], "2014": [11, 12], "2015": [0.8, 3], "2016": [9, 11], "2020": [2.5, 1.5],
  "2030": [2, 1.8], "2041": [2.5, 2.5], "2042": [22, 5], "2059": [6, 6],
  "2110": [4, 5], "2120": [33, 30],
  "2211": [4, 4.5], "2219": [2.5, 3], "2221": [3, 3.5], "2222": [2, 2.5], "2229": [4, 5],
  "2313": [2, 1.5], "2399": [1.5, 1.5],
  "2410": [9, 12], "2420": [1.5, 1.5], "2441": [5, 5], "2442": [4, 5.5], "2444": [1.5, 3], "2445": [2, 2.5],
  "2573": [1.5, 2.5], "2594": [1.5, 2], "2599": [4, 5.5],
  "2611": [6, 7], "2612": [2, 3], "2620": [3, 16], "2630": [3, 12], "2640": [1, 5], "2651": [7, 7],
  "2652": [1, 2.5], "2660": [1.5, 2], "2670": [1.5, 2],
  "2711": [4, 5], "2712": [4.5, 4.5], "2720": [2, 7], "2732": [2.5, 3], "2740": [1, 2.5], "2751": [2.5, 6],
  "2811": [7, 5], "2812": [2.5, 2.5], "2813": [4, 4.5], "2822": [3, 4], "2825": [3.5, 4.5],
  "2829": [5, 6], "2830": [2.5, 3.5], "2849": [1.2, 1.8], "2892": [2.5, 3], "2899": [3, 3.5],
  "2910": [20, 45], "2920": [1.5, 2], "2931": [2, 3], "2932": [13, 15],
  "3011": [3, 1.5], "3020": [2.5, 1.2], "3030": [62, 32], "3091": [0.3, 2.5], "3092": [0.4, 1.5],
  "3109": [1, 4], "3212": [9, 4], "3230": [1.5, 3], "3240": [1, 4.5], "3250": [4, 5], "3299": [1.5, 3],
  "3832": [2, 1]
};

/** Products absent from the table weigh this much: small, but present. */
const DEFAULT_WEIGHT: readonly [number, number] = [0.35, 0.45];

/**
 * Products made or landed in a few places only (aircraft, crude oil, cars,
 * steel, cognac…): a département without that specialisation trades a tenth of
 * the national weight, so they do not lead small départements' factsheets.
 */
const CONCENTRATED_PRODUCTS: ReadonlySet<string> = new Set([
  "0610", "0620", "0510", "1920", "2410", "2910", "3011", "3020", "3030", "1101", "2441", "2611"
]);
const CONCENTRATION_FACTOR = 0.1;

/** National weight of a product for a département; `specialised` when its profile boosts it. */
export function nationalWeight(product: string, flow: Flow, specialised = false): number {
  const [exports, imports] = NATIONAL_WEIGHTS[product] ?? DEFAULT_WEIGHT;
  const weight = flow === "export" ? exports : imports;
  return CONCENTRATED_PRODUCTS.has(product) && !specialised ? weight * CONCENTRATION_FACTOR : weight;
}

/** Energy products, whose imports jumped in 2022 (prices) — used by the trend. */
export const ENERGY_PRODUCTS: ReadonlySet<string> = new Set(["0510", "0610", "0620", "1920"]);
