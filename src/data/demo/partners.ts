/**
 * Partner countries of the demo with a gravity-like mass: rough French trade
 * with each, in billions of euros a year, [exports to, imports from], and the
 * products for which some partners dominate (crude oil from producers, clothing
 * from Asia and the Mediterranean…).
 */
import type {Flow} from "../canonical.js";

const PARTNER_MASS: Record<string, readonly [number, number]> = {
  // European Union
  DE: [70, 85], BE: [45, 60], IT: [45, 52], ES: [48, 45], NL: [26, 55], PL: [13, 11], PT: [8, 8],
  AT: [6, 5], IE: [5, 9], SE: [6, 5], DK: [4, 4], CZ: [6, 7], FI: [2.5, 2], GR: [3.5, 1.5], HU: [4, 4],
  RO: [4.5, 3.5], SK: [2.5, 4], SI: [1.8, 1.5], BG: [1.2, 1], HR: [1, 0.4], LU: [5, 2.5], LT: [0.8, 0.6],
  LV: [0.5, 0.3], EE: [0.4, 0.3], CY: [0.6, 0.1], MT: [0.7, 0.1],
  // Rest of Europe
  GB: [35, 22], CH: [22, 20], NO: [3, 12], TR: [8, 9], RU: [0.8, 2.5], UA: [1.5, 1], RS: [0.8, 0.6],
  IS: [0.2, 0.2], BA: [0.2, 0.1], AL: [0.1, 0.05], MK: [0.1, 0.1], ME: [0.05, 0.01], MD: [0.1, 0.05],
  AD: [0.8, 0.05], XK: [0.03, 0.005], LI: [0.1, 0.1], SM: [0.05, 0.02], GE: [0.3, 0.1], AM: [0.2, 0.1],
  AZ: [0.3, 2.5],
  // Americas
  US: [45, 50], CA: [4.5, 3], MX: [4, 2.5], BR: [4.5, 4], AR: [1, 1], CL: [1, 0.8], CO: [0.9, 0.8],
  PE: [0.6, 0.7], EC: [0.3, 0.4], VE: [0.1, 0.1], UY: [0.2, 0.2], PY: [0.05, 0.1], BO: [0.05, 0.05],
  CR: [0.2, 0.3], PA: [0.4, 0.1], GT: [0.1, 0.1], HN: [0.05, 0.1], DO: [0.3, 0.1], CU: [0.2, 0.05],
  JM: [0.05, 0.02], TT: [0.1, 0.4], HT: [0.05, 0.01], BS: [0.05, 0.02], BB: [0.05, 0.01], SR: [0.08, 0.05],
  GY: [0.1, 0.2], LC: [0.03, 0.01], DM: [0.02, 0.005], AG: [0.02, 0.005], CW: [0.05, 0.05], SX: [0.05, 0.01],
  PM: [0.05, 0.01], BL: [0.1, 0.01],
  // Asia
  CN: [24, 75], JP: [8, 9], KR: [7, 7], IN: [7, 7], SG: [8, 5], HK: [9, 1.5], TW: [3.5, 4.5], VN: [1.5, 7],
  TH: [2, 4], MY: [2, 3], ID: [1.5, 2.5], PH: [1, 1], BD: [0.3, 4], PK: [0.5, 1], LK: [0.2, 0.4],
  KH: [0.1, 1], MM: [0.05, 0.3], KZ: [1, 5], UZ: [0.5, 0.2], MN: [0.05, 0.01], NP: [0.02, 0.03],
  LA: [0.02, 0.05], BN: [0.1, 0.01], MO: [0.3, 0.01], TM: [0.1, 0.05],
  // Middle East
  SA: [4, 5], AE: [6, 2.5], QA: [2.5, 2], IL: [2, 1.5], IQ: [0.6, 3], KW: [0.6, 0.5], OM: [0.3, 0.3],
  BH: [0.2, 0.1], JO: [0.3, 0.05], LB: [0.6, 0.05], IR: [0.2, 0.05],
  // Africa
  MA: [6.5, 6], DZ: [4.5, 6.5], TN: [3.5, 4.5], EG: [2, 1.2], LY: [0.5, 3], NG: [1.2, 4], ZA: [2.2, 1.5],
  CI: [1.8, 1.3], SN: [1.3, 0.3], CM: [0.6, 0.5], GA: [0.5, 0.5], CG: [0.5, 0.6], CD: [0.3, 0.1],
  AO: [0.6, 1.5], GH: [0.5, 0.5], KE: [0.3, 0.2], ET: [0.3, 0.1], MG: [0.6, 0.7], MU: [0.6, 0.4],
  BJ: [0.3, 0.05], BF: [0.3, 0.05], ML: [0.3, 0.02], NE: [0.15, 0.3], TG: [0.2, 0.02], GN: [0.3, 0.1],
  MR: [0.2, 0.1], TD: [0.1, 0.05], DJ: [0.15, 0.01], KM: [0.05, 0.01], SC: [0.1, 0.05], MZ: [0.2, 0.3],
  TZ: [0.2, 0.1], NA: [0.05, 0.1], GQ: [0.1, 0.3], CV: [0.03, 0.01], XC: [0.04, 0.005], XL: [0.03, 0.005],
  // Oceania
  AU: [4, 1.2], NZ: [0.6, 0.3], NC: [1.2, 0.1], PF: [1, 0.05], PG: [0.05, 0.05], FJ: [0.03, 0.01],
  VU: [0.03, 0.005], WF: [0.05, 0.001],
  // Customs specials: ship stores (exports only) and undetermined countries, used sparingly
  QS: [0.04, 0.001], QU: [0.3, 0.3]
};

/** Partner codes of the demo, sorted (sorted order keeps generation deterministic). */
export const partnerCodes: string[] = Object.keys(PARTNER_MASS).sort();

export function partnerMass(country: string, flow: Flow): number {
  const mass = PARTNER_MASS[country];
  if (!mass) throw new Error(`Pays partenaire inconnu de la démo : « ${country} »`);
  return flow === "export" ? mass[0] : mass[1];
}

/**
 * Products for which trade concentrates on a few partners, per flow. Partners
 * outside the list keep `others` of their weight.
 */
interface Affinity {
  products: string[];
  flow: Flow;
  partners: string[];
  others: number;
}

const CLOTHING = ["1320", "1392", "1412", "1413", "1414", "1419", "1439", "1512", "1520"];
const ELECTRONICS = ["2611", "2612", "2620", "2630", "2640", "2720", "2751"];

const AFFINITIES: Affinity[] = [
  {products: ["0610"], flow: "import", others: 0.01,
    partners: ["NO", "US", "KZ", "NG", "LY", "SA", "DZ", "IQ", "AZ", "AO", "GB", "GQ", "BR", "GY"]},
  {products: ["0620"], flow: "import", others: 0.01, partners: ["NO", "US", "RU", "DZ", "QA", "NL", "BE", "NG", "AO"]},
  {products: ["0510"], flow: "import", others: 0.02, partners: ["AU", "US", "CO", "ZA", "PL", "DE"]},
  {products: ["1920"], flow: "import", others: 0.2,
    partners: ["BE", "NL", "US", "SA", "IN", "ES", "GB", "KW", "AE", "KR", "IT", "DE", "NO"]},
  {products: ["1920"], flow: "export", others: 0.5, partners: ["QS", "BE", "ES", "CH", "DE", "GB", "NL", "IT", "US"]},
  {products: CLOTHING, flow: "import", others: 0.15,
    partners: ["CN", "BD", "TR", "IN", "VN", "MA", "TN", "IT", "PK", "KH", "MM", "ES", "PT", "LK", "ID", "BE", "DE", "NL"]},
  {products: ELECTRONICS, flow: "import", others: 0.2,
    partners: ["CN", "VN", "TW", "KR", "JP", "MY", "TH", "US", "DE", "NL", "SG", "IE"]},
  {products: ["3030"], flow: "export", others: 0.15,
    partners: ["US", "DE", "CN", "GB", "SG", "AE", "QA", "IN", "TR", "JP", "KR", "SA", "IE"]},
  {products: ["3030"], flow: "import", others: 0.1, partners: ["DE", "US", "GB", "ES", "CA", "IT"]},
  {products: ["1101", "1102"], flow: "export", others: 0.3,
    partners: ["US", "GB", "DE", "BE", "JP", "CN", "SG", "HK", "CH", "NL", "IT", "CA", "AU", "AE"]},
  {products: ["0111"], flow: "export", others: 0.2, partners: ["BE", "IT", "ES", "NL", "DZ", "MA", "CN", "EG", "DE", "SN", "CI"]},
  {products: ["0113", "0124", "0125"], flow: "import", others: 0.2, partners: ["ES", "MA", "IT", "NL", "BE", "PT", "CI", "SN"]}
];

/** Multiplier applied to a partner's mass for one product and flow. */
export function productAffinity(product: string, country: string, flow: Flow): number {
  let factor = 1;
  for (const affinity of AFFINITIES) {
    if (affinity.flow !== flow || !affinity.products.includes(product)) continue;
    factor *= affinity.partners.includes(country) ? 4 : affinity.others;
  }
  // Ship stores only carry fuel and provisions; undetermined countries stay rare.
  if (country === "QS" && !(product === "1920" || product.startsWith("10") || product.startsWith("11"))) return 0;
  return factor;
}
