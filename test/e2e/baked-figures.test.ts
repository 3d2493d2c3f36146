/**
 * The figures baked into the built HTML (readable without JavaScript) equal
 * an independent computation, with @duckdb/node-api, from the canonical
 * table the site publishes — and, on the demo data, the reference factsheet.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {formatMillionEuros, formatPercent} from "../../src/components/format.ts";
import {carriesFigures, EXTRA_DATA_DEPARTEMENTS, findDepartement, regionOf} from "../../src/data/territories.ts";
import {deptTotals as totals} from "./published-trade.ts";

const DIST = "dist";
const html = (path: string) => readFileSync(join(DIST, `${path}.html`), "utf8");
const ENTITIES: Record<string, string> = {"&nbsp;": "\u00a0", "&#39;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&amp;": "&"};
/** Text as the reader sees it: tags dropped, entities decoded. */
const text = (path: string) =>
  html(path)
    .replace(/<[^>]+>/g, " ")
    .replace(/&(nbsp|#39|quot|lt|gt|amp);/g, (entity) => ENTITIES[entity]);

describe("baked figures", async () => {
  const byDept = await totals();
  const sum = (flow: string, depts: string[]) => depts.reduce((total, dept) => total + (byDept.get(`${dept}/${flow}`) ?? 0), 0);
  const allDepts = [...new Set([...byDept.keys()].map((key) => key.split("/")[0]))];

  it.each(["10", "75", "13", "59", "20", "974"])("département %s shows its totals and shares, computed independently", (code) => {
    const page = text(`departements/${code}`);
    const region = regionOf(code);
    // A région counts the codes without a page of their own that belong to it: Monaco in PACA.
    const regionCodes = [...region.departements, ...EXTRA_DATA_DEPARTEMENTS.filter((d) => d.regionCode === region.code).map((d) => d.code)];
    const pages = region.departements.filter((dept) => carriesFigures(dept, "20"));
    for (const flow of ["export", "import"]) {
      const own = sum(flow, [code]);
      const regionTotal = sum(flow, regionCodes);
      const france = sum(flow, allDepts);
      expect(page, `${code} ${flow}`).toContain(formatMillionEuros(own));
      if (pages.length > 1) {
        expect(page).toContain(`${formatPercent(own / regionTotal, 1)} ${region.forms.ofName}`);
      } else {
        // A région of one département (overseas): its share would always be 100 %, so none is shown.
        expect(page).not.toContain(`100,0\u00a0% ${region.forms.ofName}`);
      }
      expect(page).toContain(`${formatPercent(own / france, 2)} de la France`);
      expect(page).toContain(formatMillionEuros(regionTotal));
      expect(page).toContain(formatMillionEuros(france));
    }
    expect(page).toContain(findDepartement(code)!.name);
  });

  it.each(["2A", "2B"])("département %s says that the customs publish Corsica as one département, and leads to it", (code) => {
    const page = text(`departements/${code}`);
    expect(page).toContain("Les Douanes publient la Corse comme un seul département, code 20");
    expect(page).not.toContain("Chiffres clés");
  });

  it("Provence-Alpes-Côte d'Azur counts Monaco and says so; France reconciles with its départements", () => {
    const monaco = (flow: string) => sum(flow, ["99"]);
    expect(monaco("export")).toBeGreaterThan(0);
    expect(text("regions/93")).toContain(`Principauté de Monaco (code 99 des Douanes), que le territoire statistique français inclut : ${formatMillionEuros(monaco("export"))}`);
    const france = text("france").replace(/ +/g, " ");
    expect(france).toContain("De la somme des départements à la France entière");
    const pagesSum = sum("export", allDepts.filter((dept) => findDepartement(dept) !== undefined));
    expect(france).toContain(`Somme des fiches départementales ${formatMillionEuros(pagesSum)}`);
  });

  // The demo is calibrated on the reference; real data has its own figures (reported as skipped then).
  const builtOnDemo = text("departements/10").includes("Données de démonstration");
  it.skipIf(!builtOnDemo)("reproduces the reference factsheet of the Aube on the demo data", () => {
    const page = text("departements/10");
    const NN = "\u202f";
    const NB = "\u00a0";
    expect(page).toContain(`1${NN}822,3${NB}M€`);
    expect(page).toContain(`2,7${NB}% du Grand Est, 0,31${NB}% de la France`);
    expect(page).toContain(`1${NN}697,2${NB}M€`);
    expect(page).toContain(`2,7${NB}% du Grand Est, 0,25${NB}% de la France`);
    expect(page).toContain(`67${NN}665,4${NB}M€`);
    expect(page).toContain(`63${NN}519,7${NB}M€`);
    expect(page).toContain(`580${NN}354,5${NB}M€`);
    expect(page).toContain(`684${NN}776,3${NB}M€`);
  });
});
