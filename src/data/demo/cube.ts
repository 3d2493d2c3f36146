/**
 * The hidden cube of one département and flow: for each (product, country)
 * pair, its value in integer euros in each of the 16 quarters. The customs'
 * four files are all margins or slices of this cube, which is what keeps them
 * consistent with one another to the euro.
 */
import type {Flow} from "../canonical.ts";
import {compareCodes} from "./compare.ts";
import {apportion} from "./apportion.ts";
import {partnerAffinityWeights, pickProducts} from "./weights.ts";
import {FIRST_CROSSED_INDEX, HISTORY_QUARTERS} from "./quarters.ts";
import {randomFor, type Random} from "./random.ts";
import {nationalLevel, seasonality} from "./trend.ts";

export interface PairSeries {
  product: string;
  country: string;
  /** Euros per quarter, aligned on HISTORY_QUARTERS. */
  values: number[];
}

/** Pairs below this share of the flow trade irregularly: some quarters are empty. */
const SMALL_PAIR_SHARE = 2e-4;
const EMPTY_QUARTER_PROBABILITY = 0.35;

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
  const maxPartners = Math.min(Math.max(Math.round(20 * Math.log(total / 2e6)), 6), 150);
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

/** Generates the cube; the four 2024 quarters add up to `total2024` euros exactly. */
export function generateCube(dept: string, flow: Flow, total2024: number): PairSeries[] {
  const random = randomFor(`${dept}|${flow}`);
  const pairs = pairWeights(dept, flow, total2024, random);
  const cellWeights = pairs.flatMap((pair) => calibratedQuarterWeights(pair, flow, random).map((w) => w * pair.share));
  const calibrated = apportion(total2024, cellWeights);
  const growth = Math.min(Math.max(1 + 0.035 * random.normal(), 0.9), 1.1);

  return pairs.map((pair, p) => {
    const year2024 = calibrated.slice(4 * p, 4 * p + 4);
    const annual = year2024.reduce((a, b) => a + b, 0) || pair.share * total2024;
    const earlier = HISTORY_QUARTERS.slice(0, -4).map((q) => {
      if (pair.share < SMALL_PAIR_SHARE && random.next() < EMPTY_QUARTER_PROBABILITY) return 0;
      const level = nationalLevel(pair.product, flow, q) * Math.pow(growth, q.year + q.quarter / 4 - 2024.625);
      const noise = Math.max(0.3, 1 + 0.08 * random.normal());
      return Math.round((annual / 4) * seasonality(pair.product, flow, q.quarter) * level * noise);
    });
    return {product: pair.product, country: pair.country, values: [...earlier, ...year2024]};
  });
}

/** True when a pair has a non-zero value in the six crossed quarters. */
export function isCrossedPair(series: PairSeries): boolean {
  return series.values.slice(FIRST_CROSSED_INDEX).some((v) => v > 0);
}

