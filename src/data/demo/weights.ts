/**
 * Weights of products and partners for one département and flow: national
 * weight × the département's specialisation × seeded noise, so each
 * département gets its own mix around a common structure.
 */
import type {Flow} from "../canonical.js";
import {a129OfCpf4} from "../reference/a129.js";
import {cpf4Products} from "../reference/cpf4.js";
import {partnerCodes, partnerMass, productAffinity} from "./partners.js";
import {nationalWeight} from "./product-weights.js";
import {profileOf} from "./profiles.js";
import type {Random} from "./random.js";
import {compareCodes} from "./compare.js";

/**
 * The goods the demo trades: every four-digit CPF class of the reference list
 * that has an A129 goods code, in code order.
 */
export const demoProducts: readonly string[] = cpf4Products
  .map((p) => p.code)
  .filter((code) => a129OfCpf4(code) !== undefined)
  .sort(compareCodes);

export interface ProductShare {
  product: string;
  share: number;
}

/** Products traded by the département, with their share of the flow (sum 1). */
export function pickProducts(dept: string, flow: Flow, total: number, random: Random): ProductShare[] {
  const profile = profileOf(dept);
  // A few unlisted local strengths per département, so no two profiles are alike.
  const localStrengths = new Map<number, number>();
  for (let i = 0; i < 3; i++) localStrengths.set(random.int(0, demoProducts.length - 1), 2 + 4 * random.next());
  const weighted = demoProducts.map((code, i) => {
    const boost = profile.productBoost(code, flow);
    const national = nationalWeight(code, flow, boost > 1);
    return {product: code, weight: national * boost * (localStrengths.get(i) ?? 1) * random.logNormal(0.9)};
  });
  const count = Math.min(Math.max(Math.round(20 + 14 * Math.log(total / 1e8)), 10), demoProducts.length);
  const kept = weighted
    .sort((a, b) => b.weight - a.weight || (a.product < b.product ? -1 : 1))
    .slice(0, count);
  const sum = kept.reduce((acc, p) => acc + p.weight, 0);
  return kept.map((p) => ({product: p.product, share: p.weight / sum}));
}

export interface PartnerWeight {
  country: string;
  weight: number;
}

/** Every possible partner for one product, weighted by gravity, affinity and noise. */
export function partnerAffinityWeights(dept: string, product: string, flow: Flow, random: Random): PartnerWeight[] {
  const profile = profileOf(dept);
  return partnerCodes
    .map((country) => ({
      country,
      weight:
        partnerMass(country, flow) *
        productAffinity(product, country, flow) *
        profile.partnerBoost(country) *
        random.logNormal(0.7)
    }))
    .filter((p) => p.weight > 0);
}
