/**
 * The figures baked into the built HTML (readable without JavaScript) equal
 * an independent computation, with @duckdb/node-api, from the canonical
 * table the site publishes — and, on the demo data, the reference factsheet.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {BALANCE_ROUNDING_NOTE, formatMillionEuros, formatPercent} from "../../src/components/format.js";
import {FOOTER_DEMO_NOTICE} from "../../src/factsheet/footer.js";
import {jsdomWindow} from "../../src/factsheet/prerender.js";
import {carriesFigures, EXTRA_DATA_DEPARTEMENTS, findDepartement, regionOf} from "../../src/data/territories.js";
import {deptTotals as totals} from "./published-trade.js";

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

/** Every built page with a footer: the factsheets, the home page and the site's other pages (the embed view has none). */
function pagesWithFooter(): string[] {
  const inFolder = (folder: string) => readdirSync(join(DIST, folder)).filter((name) => name.endsWith(".html")).map((name) => `${folder}/${name.slice(0, -5)}`);
  return ["index", "france", "comparer", "explorer", "donnees", "methodologie", ...inFolder("departements"), ...inFolder("regions")];
}

/** "−17 246,2 M€ (déficit)" → −17246.2 */
const millions = (printed: string) => Number(printed.replace(/\s*M€.*$/, "").replace(/[\u202f\u00a0 ]/g, "").replace("\u2212", "-").replace(",", "."));

describe("figures that agree with each other", async () => {
  const window = await jsdomWindow();
  const parse = (path: string) => new window.DOMParser().parseFromString(html(path), "text/html");
  const builtOnDemo = text("departements/10").includes("Données de démonstration");

  it.skipIf(!builtOnDemo)("on the demo's data, every page's footer says so, /comparer and /explorer included", () => {
    const pages = pagesWithFooter();
    expect(pages.length).toBeGreaterThan(120);
    // The footer alone (a page is up to 1 MB of HTML: parsing them all would not fit in memory).
    for (const path of pages) expect(/<footer id="observablehq-footer">([\s\S]*?)<\/footer>/.exec(html(path))?.[1], path).toContain(FOOTER_DEMO_NOTICE);
  });

  it("beside a balance whose rounded totals do not add up, the page says the figures are rounded separately; elsewhere it says nothing", () => {
    const disagreeing: string[] = [];
    for (const path of pagesWithFooter().filter((p) => /^(departements|regions)\/|^france$/.test(p))) {
      // The key figures' list alone, parsed (whole pages would not fit in memory).
      const list = /<dl class="key-figures">[\s\S]*?<\/dl>/.exec(html(path))?.[0];
      if (list === undefined) continue; // Corsica's 2A and 2B: a notice, no figures.
      const doc = new window.DOMParser().parseFromString(list, "text/html");
      const figure = (kind: string) => doc.querySelector(`dl.key-figures .key-figure-${kind} dd strong`)?.textContent;
      const [exports, imports, balance] = ["export", "import", "balance"].map(figure);
      if (exports === undefined) continue; // Corsica's 2A and 2B: a notice, no figures.
      const differs = Math.round(millions(balance!) * 10) !== Math.round(millions(exports!) * 10) - Math.round(millions(imports!) * 10);
      const note = doc.querySelector("dl.key-figures .key-figure-balance .key-figure-note")?.textContent ?? null;
      expect(note, path).toBe(differs ? BALANCE_ROUNDING_NOTE : null);
      if (differs) disagreeing.push(path);
    }
    // Measured, for the report: how many pages carry the note.
    console.log(`[chiffres] note d'arrondi du solde sur ${disagreeing.length} pages : ${disagreeing.join(", ")}`);
  });

  it.each(["departements/10", "departements/75", "departements/976", "regions/11", "france", "index"])(
    "%s: every table header names the unit of the amounts and shares under it",
    (path) => {
      const doc = parse(path);
      let checked = 0;
      for (const table of doc.querySelectorAll("table")) {
        const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
        for (const row of table.querySelectorAll("tbody tr")) {
          // Cells by column, a row's own header (th scope="row") included.
          [...row.children].forEach((td, i) => {
            if (td.tagName !== "TD") return;
            const cell = td.textContent ?? "";
            const unit = /M€$/.test(cell) ? "M€" : /\d\u00a0%$/.test(cell) ? "%" : null;
            if (unit === null || headers[i] === undefined) return;
            checked++;
            expect(headers[i], `${path}: « ${headers[i]} » au-dessus de « ${cell} »`).toContain(`(${unit})`);
          });
        }
      }
      expect(checked).toBeGreaterThan(0);
    }
  );

  it.each(["departements/10", "regions/44"])("%s: HHI on the 0–10 000 scale with the 2023 DOJ/FTC thresholds, RCA with one decimal and above 1", (path) => {
    const doc = parse(path);
    const page = text(path);
    expect(page).toContain("sur 10\u202f000");
    expect(page).toContain("(DOJ/FTC, 2023)");
    expect(page).not.toMatch(/concentration (faible|modérée|forte)/);
    const specialisation = [...doc.querySelectorAll("details")].find((d) => d.querySelector("summary")?.textContent?.startsWith("Spécialisation"));
    const ratios = [...(specialisation?.querySelectorAll("tbody tr td:last-child") ?? [])].map((td) => td.textContent ?? "");
    expect(ratios.length).toBeGreaterThan(0);
    for (const ratio of ratios) {
      expect(ratio).toMatch(/^\d[\d\u202f]*,\d{1,2}$/);
      expect(Number(ratio.replace(/\u202f/g, "").replace(",", "."))).toBeGreaterThan(1);
    }
  });
});
