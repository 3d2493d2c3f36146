/**
 * Rough national weight of each product in French trade, in billions of euros
 * a year, [exports, imports]. Only orders of magnitude matter: the generator
 * multiplies them by each département's specialisation and by noise, then
 * rescales to the calibrated totals.
 */
import type {Flow} from "../canonical.ts";

const NATIONAL_WEIGHTS: Record<string, readonly [number, number]> = {
  "01.11": [8, 1.5], "01.13": [1.5, 3], "01.24": [0.8, 1.5], "01.25": [0.3, 2.5], "01.30": [1.5, 0.8],
  "01.49": [1.5, 0.5], "02.20": [0.6, 0.2], "03.11": [0.8, 2.2], "05.10": [0.02, 1.5],
  "06.10": [0.1, 30], "06.20": [1.5, 22], "07.10": [0.01, 1.2], "07.29": [0.1, 1],
  "10.11": [3.5, 4.5], "10.12": [1.2, 2.5], "10.13": [1.2, 2], "10.20": [0.8, 3.5], "10.32": [0.4, 1.2],
  "10.39": [1.8, 3], "10.41": [1.2, 3], "10.51": [8, 5], "10.61": [1.8, 0.6], "10.72": [1.5, 1.5],
  "10.73": [0.2, 0.8], "10.81": [1.5, 0.5], "10.82": [2.5, 3.5], "10.85": [1, 1.2], "10.89": [2.5, 2.5],
  "10.91": [1.2, 2.5], "10.92": [1, 1],
  "11.01": [4.5, 1.2], "11.02": [12, 1], "11.05": [0.5, 0.8], "11.07": [1.5, 0.6], "12.00": [0.3, 3.5],
  "13.20": [1.2, 1.5], "13.92": [0.8, 2.5], "14.13": [6, 10], "14.14": [1.5, 3], "14.19": [2.5, 3.5],
  "14.39": [1.2, 3], "15.12": [18, 5], "15.20": [3, 7],
  "16.10": [0.6, 1.5], "16.21": [0.8, 1.2], "17.11": [0.5, 1.5], "17.12": [3, 4.5], "17.21": [1.5, 1.5],
  "19.20": [14, 28],
  "20.13": [2, 2.2], "20.14": [11, 12], "20.15": [0.8, 3], "20.16": [9, 11], "20.20": [2.5, 1.5],
  "20.30": [2, 1.8], "20.41": [2.5, 2.5], "20.42": [22, 5], "20.59": [6, 6],
  "21.10": [4, 5], "21.20": [33, 30],
  "22.11": [4, 4.5], "22.19": [2.5, 3], "22.21": [3, 3.5], "22.22": [2, 2.5], "22.29": [4, 5],
  "23.13": [2, 1.5], "23.99": [1.5, 1.5],
  "24.10": [9, 12], "24.20": [1.5, 1.5], "24.41": [5, 5], "24.42": [4, 5.5], "24.44": [1.5, 3], "24.45": [2, 2.5],
  "25.73": [1.5, 2.5], "25.94": [1.5, 2], "25.99": [4, 5.5],
  "26.11": [6, 7], "26.12": [2, 3], "26.20": [3, 16], "26.30": [3, 12], "26.40": [1, 5], "26.51": [7, 7],
  "26.52": [1, 2.5], "26.60": [1.5, 2], "26.70": [1.5, 2],
  "27.11": [4, 5], "27.12": [4.5, 4.5], "27.20": [2, 7], "27.32": [2.5, 3], "27.40": [1, 2.5], "27.51": [2.5, 6],
  "28.11": [7, 5], "28.12": [2.5, 2.5], "28.13": [4, 4.5], "28.22": [3, 4], "28.25": [3.5, 4.5],
  "28.29": [5, 6], "28.30": [2.5, 3.5], "28.49": [1.2, 1.8], "28.92": [2.5, 3], "28.99": [3, 3.5],
  "29.10": [20, 45], "29.20": [1.5, 2], "29.31": [2, 3], "29.32": [13, 15],
  "30.11": [3, 1.5], "30.20": [2.5, 1.2], "30.30": [62, 32], "30.91": [0.3, 2.5], "30.92": [0.4, 1.5],
  "31.09": [1, 4], "32.12": [9, 4], "32.30": [1.5, 3], "32.40": [1, 4.5], "32.50": [4, 5], "32.99": [1.5, 3],
  "38.32": [2, 1]
};

/** Products absent from the table weigh this much: small, but present. */
const DEFAULT_WEIGHT: readonly [number, number] = [0.6, 0.8];

/**
 * Products made or landed in a few places only (aircraft, crude oil, cars,
 * steel, cognac…): a département without that specialisation trades a tenth of
 * the national weight, so they do not lead small départements' factsheets.
 */
const CONCENTRATED_PRODUCTS: ReadonlySet<string> = new Set([
  "06.10", "06.20", "05.10", "19.20", "24.10", "29.10", "30.11", "30.20", "30.30", "11.01", "24.41", "26.11"
]);
const CONCENTRATION_FACTOR = 0.1;

/** National weight of a product for a département; `specialised` when its profile boosts it. */
export function nationalWeight(product: string, flow: Flow, specialised = false): number {
  const [exports, imports] = NATIONAL_WEIGHTS[product] ?? DEFAULT_WEIGHT;
  const weight = flow === "export" ? exports : imports;
  return CONCENTRATED_PRODUCTS.has(product) && !specialised ? weight * CONCENTRATION_FACTOR : weight;
}

/** Energy products, whose imports jumped in 2022 (prices) — used by the trend. */
export const ENERGY_PRODUCTS: ReadonlySet<string> = new Set(["05.10", "06.10", "06.20", "19.20"]);
