/**
 * Deterministic chart inputs shaped like the page's query results, shared by
 * the component tests and scripts/render-components.ts (visual check).
 * Values in euros; "Autres" buckets already made, code "_AUTRES".
 */
import type {FlowLink} from "../../src/components/sankey.js";
import type {PartnerRow} from "../../src/components/partner-balance.js";
import type {ActivityRow} from "../../src/components/treemap.js";

export const HOSTILE = `<script>alert(1)</script> & "q"`;

const M = 1e6;

const products: [string, string][] = [
  ["CI14", "Articles d'habillement"],
  ["CI11", "Boissons"],
  ["CK28", "Machines et équipements d'usage général"],
  ["CE20", "Produits chimiques de base, produits azotés et engrais"],
  ["CH25", "Produits métalliques, à l'exclusion des machines"],
  ["CG22", "Produits en caoutchouc et en plastique"],
  ["CC17", "Papier et carton"],
  ["CJ27", "Équipements électriques"],
  ["CL29", "Produits de l'industrie automobile"],
  ["CA01", "Produits agricoles"],
  ["_AUTRES", "Autres produits"]
];
const countries: [string, string][] = [
  ["DE", "Allemagne"],
  ["BE", "Belgique"],
  ["IT", "Italie"],
  ["ES", "Espagne"],
  ["US", "États-Unis"],
  ["GB", "Royaume-Uni"],
  ["CH", "Suisse"],
  ["NL", "Pays-Bas"],
  ["CN", "Chine"],
  ["PL", "Pologne"],
  ["_AUTRES", "Autres pays"]
];

/** Product × country flows with decreasing weights, scaled to `total` euros. */
export function sankeyLinks(total: number, flow: "export" | "import" = "export"): FlowLink[] {
  const raw: {p: number; c: number; w: number}[] = [];
  products.forEach((_, p) => countries.forEach((_, c) => raw.push({p, c, w: 1 / ((p + 1.3) * (c + 1.1)) + ((p * 7 + c * 3) % 5) / 400})));
  const sum = raw.reduce((s, r) => s + r.w, 0);
  return raw.map(({p, c, w}) => {
    const [productCode, productName] = products[p];
    const [countryCode, countryName] = countries[c];
    const value = Math.round((w / sum) * total);
    return flow === "export"
      ? {source: productCode, sourceName: productName, target: countryCode, targetName: countryName, value}
      : {source: countryCode, sourceName: countryName, target: productCode, targetName: productName, value};
  });
}

export const partnerRows: PartnerRow[] = [
  {country: "DE", countryName: "Allemagne", exports: 260.4 * M, imports: 301.2 * M},
  {country: "BE", countryName: "Belgique", exports: 210.0 * M, imports: 180.3 * M},
  {country: "IT", countryName: "Italie", exports: 150.7 * M, imports: 190.9 * M},
  {country: "ES", countryName: "Espagne", exports: 120.2 * M, imports: 95.5 * M},
  {country: "US", countryName: "États-Unis", exports: 125.1 * M, imports: 0},
  {country: "CN", countryName: "Chine", exports: 12.4 * M, imports: 140.6 * M},
  {country: "GB", countryName: "Royaume-Uni", exports: 88.0 * M, imports: 30.1 * M},
  {country: "CH", countryName: "Suisse", exports: 70.3 * M, imports: 20.7 * M},
  {country: "NL", countryName: "Pays-Bas", exports: 40.2 * M, imports: 80.4 * M},
  {country: "PL", countryName: "Pologne", exports: 25.0 * M, imports: 25.0 * M}
];

export function activityRows(): ActivityRow[] {
  const exportShares = [30, 18, 12, 9, 7, 6, 5, 4, 3, 0.4, 5.6];
  const importShares = [22, 15, 11, 10, 9, 8, 6, 5, 4, 0.3, 9.7];
  const rows: ActivityRow[] = [];
  const add = (flow: "export" | "import", shares: number[], total: number) =>
    shares.forEach((share, i) => {
      const [product, productName] = products[i];
      rows.push({flow, product, productName, value: (share / 100) * total});
    });
  add("export", exportShares, 1822.3 * M);
  add("import", importShares, 1697.2 * M);
  return rows;
}
