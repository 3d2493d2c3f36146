/**
 * The cube of one département and flow: for each (product, country) pair, its
 * value in integer euros and its mass in integer kilograms in each quarter of
 * QUARTERS (2021T1 … 2025T1). The data rows are this cube, one line per
 * non-zero cell.
 *
 * 2024 is calibrated: its quarters add up to the département's total to the
 * euro. Other years follow the national trend (trend.ts), a growth rate of the
 * département, and a yearly random walk per partner country and per product,
 * so that partners and products move apart from one year to the next as they
 * do in real data (one partner +12 %, another −9 %).
 */
import type {Flow} from "../canonical.js";
import {apportion} from "./apportion.js";
import {compareCodes} from "./compare.js";
import {priceIndex, unitValue} from "./prices.js";
import {CALIBRATED_YEAR} from "./calibration.js";
import {QUARTERS, quarterTime, type Quarter} from "./quarters.js";
import {randomFor, type Random} from "./random.js";
import {nationalLevel, seasonality} from "./trend.js";
import {partnerAffinityWeights, pickProducts} from "./weights.js";

export interface PairSeries {
  product: string;
  country: string;
  /** Euros per quarter, aligned on QUARTERS. */
  values: number[];
  /** Kilograms per quarter, aligned on QUARTERS (0 where the value is 0). */
  masses: number[];
}

/** Pairs below this share of the flow trade irregularly: some quarters are empty. */
const SMALL_PAIR_SHARE = 3e-4;
const EMPTY_QUARTER_PROBABILITY = 0.35;
/** Yearly log-sd of the random walks of partners and products. */
const COUNTRY_DRIFT = 0.085;
const PRODUCT_DRIFT = 0.06;
/** Log-sd of a pair's unit value around its product's, and of one quarter's around the pair's. */
const PAIR_PRICE_NOISE = 0.3;
const QUARTER_PRICE_NOISE = 0.06;

const CALIBRATED = QUARTERS.map((q) => q.year === CALIBRATED_YEAR);

interface PairWeight {
  product: string;
  country: string;
  share: number;
}

/**
 * Weighted sampling without replacement (exponential keys: the `count` largest
 * log(u)/w win). A native sort of the keys finds the threshold quickly.
 */
function sampleWithoutReplacement<T extends {weight: number}>(items: T[], count: number, random: Random): T[] {
  const keys = Float64Array.from(items, (item) => Math.log(1 - random.next()) / item.weight);
  if (count >= items.length) return items;
  const threshold = Float64Array.from(keys).sort()[items.length - count];
  return items.filter((_, i) => keys[i] >= threshold).slice(0, count);
}

/** Sparse pairs: each kept product goes to a handful to a hundred-odd partners. */
function pairWeights(dept: string, flow: Flow, total: number, random: Random): PairWeight[] {
  const chosen = pickProducts(dept, flow, total, random);
  const maxPartners = Math.min(Math.max(Math.round(7.5 * Math.log(total / 2e6)), 4), 80);
  const pairs: PairWeight[] = [];
  for (const {product, share} of chosen) {
    const count = Math.max(1, Math.round(maxPartners * Math.pow(share, 0.45)));
    const candidates = partnerAffinityWeights(dept, product, flow, random);
    const picked = sampleWithoutReplacement(candidates, count, random);
    const sum = picked.reduce((acc, c) => acc + c.weight, 0);
    for (const c of picked) pairs.push({product, country: c.country, share: (share * c.weight) / sum});
  }
  return pairs.sort((a, b) => compareCodes(a.product, b.product) || compareCodes(a.country, b.country));
}

/**
 * Level of each year relative to 2024 for one key (a partner or a product of
 * the département): a random walk backwards from 2024 and one step forwards,
 * from its own seed so that it does not depend on what else is generated.
 */
function yearlyDrift(key: string, sigma: number): Map<number, number> {
  const random = randomFor(key);
  const levels = new Map<number, number>([[CALIBRATED_YEAR, 1]]);
  const years = [...new Set(QUARTERS.map((q) => q.year))];
  for (let year = CALIBRATED_YEAR - 1; year >= years[0]; year--) {
    levels.set(year, levels.get(year + 1)! * Math.exp(-sigma * random.normal()));
  }
  for (let year = CALIBRATED_YEAR + 1; year <= years[years.length - 1]; year++) {
    levels.set(year, levels.get(year - 1)! * Math.exp(0.5 * sigma * random.normal()));
  }
  return levels;
}

function memoised<T>(build: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = build(key)));
    return value;
  };
}

/** Quarter weights of one pair in 2024 (some zero for small, irregular pairs). */
function calibratedQuarterWeights(pair: PairWeight, flow: Flow, random: Random): number[] {
  const weights = [1, 2, 3, 4].map((q) => seasonality(pair.product, flow, q) * Math.max(0.2, 1 + 0.07 * random.normal()));
  if (pair.share < SMALL_PAIR_SHARE) {
    const keep = random.int(0, 3);
    weights.forEach((_, i) => {
      if (i !== keep && random.next() < EMPTY_QUARTER_PROBABILITY) weights[i] = 0;
    });
  }
  return weights;
}

/** Integer kilograms for a value, around the pair's unit value in that year. */
function massOf(value: number, pairUnitValue: number, product: string, q: Quarter, random: Random): number {
  if (value === 0) return 0;
  const noise = Math.exp(QUARTER_PRICE_NOISE * random.normal());
  return Math.round(value / (pairUnitValue * priceIndex(product, q.year) * noise));
}

/** Generates the cube; the four 2024 quarters add up to `total2024` euros exactly. */
export function generateCube(dept: string, flow: Flow, total2024: number): PairSeries[] {
  const random = randomFor(`${dept}|${flow}`);
  const pairs = pairWeights(dept, flow, total2024, random);
  const cellWeights = pairs.flatMap((pair) => calibratedQuarterWeights(pair, flow, random).map((w) => w * pair.share));
  const calibrated = apportion(total2024, cellWeights);
  const growth = Math.min(Math.max(1 + 0.035 * random.normal(), 0.9), 1.1);
  const countryDrift = memoised((country) => yearlyDrift(`${dept}|${flow}|pays|${country}`, COUNTRY_DRIFT));
  const productDrift = memoised((product) => yearlyDrift(`${dept}|${flow}|produit|${product}`, PRODUCT_DRIFT));

  return pairs.map((pair, p) => {
    const year2024 = calibrated.slice(4 * p, 4 * p + 4);
    const annual = year2024.reduce((a, b) => a + b, 0) || pair.share * total2024;
    const pairUnitValue = unitValue(pair.product) * Math.exp(PAIR_PRICE_NOISE * random.normal());
    const byCountry = countryDrift(pair.country);
    const byProduct = productDrift(pair.product);
    let next2024 = 0;
    const values = QUARTERS.map((q, i) => {
      if (CALIBRATED[i]) return year2024[next2024++];
      if (pair.share < SMALL_PAIR_SHARE && random.next() < EMPTY_QUARTER_PROBABILITY) return 0;
      const level =
        nationalLevel(pair.product, flow, q) *
        Math.pow(growth, quarterTime(q) - (CALIBRATED_YEAR + 0.5)) *
        byCountry.get(q.year)! *
        byProduct.get(q.year)!;
      const noise = Math.max(0.3, 1 + 0.08 * random.normal());
      return Math.round((annual / 4) * seasonality(pair.product, flow, q.quarter) * level * noise);
    });
    const masses = values.map((value, i) => massOf(value, pairUnitValue, pair.product, QUARTERS[i], random));
    return {product: pair.product, country: pair.country, values, masses};
  });
}
