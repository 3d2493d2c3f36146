/**
 * Seasonality and 2021→2024 trend of the demo: a mild seasonal pattern (summer
 * dip, year-end peak, harvest and festive peaks for a few products) and the
 * national trajectory of French trade (post-Covid rebound in 2022, energy price
 * spike on imports, a flat start of 2025), relative to 2024.
 */
import type {Flow} from "../canonical.js";
import {ENERGY_PRODUCTS} from "./product-weights.js";
import {quarterTime, type Quarter} from "./quarters.js";

const BASE_SEASON = [1.0, 1.03, 0.93, 1.04];

/** Seasonal factor of a product in a quarter (1 = average quarter). */
export function seasonality(product: string, flow: Flow, quarter: number): number {
  let factor = BASE_SEASON[quarter - 1];
  if (flow === "export" && (product === "1101" || product === "1102")) factor *= [0.85, 0.95, 0.95, 1.25][quarter - 1];
  if (product === "0111") factor *= [0.95, 0.85, 1.2, 1.0][quarter - 1];
  if (product === "0113" || product === "0124") factor *= [0.9, 1.15, 1.1, 0.85][quarter - 1];
  if (flow === "import" && ENERGY_PRODUCTS.has(product)) factor *= [1.1, 0.92, 0.9, 1.08][quarter - 1];
  return factor;
}

/** National level of each year relative to 2024, at mid-year. */
const LEVELS: Record<"export" | "import" | "energyImport", Record<number, number>> = {
  export: {2021: 0.84, 2022: 0.98, 2023: 1.01, 2024: 1, 2025: 1.005},
  import: {2021: 0.83, 2022: 1.08, 2023: 1.01, 2024: 1, 2025: 0.985},
  energyImport: {2021: 0.6, 2022: 1.6, 2023: 1.15, 2024: 1, 2025: 0.93}
};

const FIRST_YEAR = 2021;
const LAST_YEAR = 2025;

/** Level of a quarter relative to 2024, interpolated between mid-years. */
export function nationalLevel(product: string, flow: Flow, q: Quarter): number {
  const levels = LEVELS[flow === "import" && ENERGY_PRODUCTS.has(product) ? "energyImport" : flow];
  const years = [FIRST_YEAR, LAST_YEAR];
  const t = Math.min(Math.max(quarterTime(q) - 0.5, years[0]), years[years.length - 1]);
  const lower = Math.floor(t);
  const upper = Math.min(lower + 1, years[years.length - 1]);
  const weight = t - lower;
  return levels[lower] * (1 - weight) + levels[upper] * weight;
}
