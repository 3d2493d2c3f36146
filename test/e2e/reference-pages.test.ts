/**
 * What the reference gives readers beyond the charts, in Chromium against
 * dist/: the Aube prints on about the reference's eight A4 pages with no
 * heading left at the foot of a page and no collapsed table line; a région
 * page breaks its figures down by département, every département listed and
 * the rows adding up to the région's totals (recomputed independently from
 * the published canonical table).
 */
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {formatMillionEuros} from "../../src/components/format.js";
import {carriesFigures, EXTRA_DATA_DEPARTEMENTS, findDepartement, findRegion} from "../../src/data/territories.js";
import type {StaticServer} from "../../scripts/serve-dist.js";
import {openBuiltSite, watchedPage, type BuiltSite} from "./browser.js";
import {printOnA4} from "./print-pages.js";
import {deptTotals} from "./published-trade.js";

let server: StaticServer;
let context: BrowserContext;
let site: BuiltSite;

beforeAll(async () => {
  site = await openBuiltSite("chromium-reference-");
  ({server, context} = site);
});

afterAll(() => site?.close());

describe("print on A4", () => {
  test("the Aube fits in at most 9 pages, no heading alone at a page's foot, no collapsed « (tableau) » line", async () => {
    const {page, errors} = await watchedPage(context);
    try {
      await page.goto(`${server.url}/departements/10`, {waitUntil: "load"});
      const printed = await printOnA4(page);
      expect(printed.pages).toHaveLength(printed.count);
      expect(printed.count).toBeLessThanOrEqual(9);
      expect(printed.stranded).toEqual([]);
      const text = printed.pages.join("\n");
      expect(text).not.toContain("Données du graphique (tableau)");
      expect(text).not.toContain("▶");
      // What print keeps: the reference's sections, from the Introduction to the Informations pratiques.
      for (const heading of ["Introduction", "Précisions méthodologiques", "Principaux pays à l'import et à l'export, Aube (2024)", "Flux à l'export, Grand Est (en valeur, 2024)", "Informations pratiques"]) {
        expect(text, heading).toContain(heading);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("a région by département", async () => {
  const byDept = await deptTotals();
  const total = (flow: string, codes: readonly string[]) => codes.reduce((sum, code) => sum + (byDept.get(`${code}/${flow}`) ?? 0), 0);

  test.each(["44", "93"])("région %s lists every département, and its rows add up to the région's totals", async (code) => {
    const region = findRegion(code)!;
    const pages = region.departements.filter((dept) => carriesFigures(dept, "20"));
    const extra = EXTRA_DATA_DEPARTEMENTS.filter((d) => d.regionCode === code).map((d) => d.code);
    const {page, errors} = await watchedPage(context);
    try {
      await page.goto(`${server.url}/regions/${code}`, {waitUntil: "load"});
      const rows = await page
        .locator(".view[data-view='departements'] .chart-data-open tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
      const names = [...pages.map((dept) => `${findDepartement(dept)!.name} (${dept})`), ...(extra.length ? ["Monaco (code 99 des Douanes)"] : []), `Total ${region.name}`];
      expect(rows.map((row) => row[0])).toEqual(names);
      const codes = [...pages, ...extra];
      codes.forEach((dept, i) => {
        expect(rows[i].slice(1, 3), dept).toEqual([formatMillionEuros(total("export", [dept])), formatMillionEuros(total("import", [dept]))]);
      });
      expect(rows.at(-1)!.slice(1, 3)).toEqual([formatMillionEuros(total("export", codes)), formatMillionEuros(total("import", codes))]);
      // The région's key figures say the same total.
      const keyExport = await page.locator(".view[data-view='chiffres'] .key-figure-export strong").first().textContent();
      expect(keyExport).toBe(rows.at(-1)![1]);
      await expect.poll(() => page.locator(".view[data-view='departements'] .view-wide figure svg g[aria-description='exportations'] rect").count()).toBe(codes.length);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
