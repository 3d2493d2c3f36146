import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {FOOTER_DEMO_NOTICE, readFooterFacts, siteFooter} from "../../src/factsheet/footer.js";

const folder = mkdtempSync(join(tmpdir(), "footer-"));
afterAll(() => rmSync(folder, {recursive: true, force: true}));
const figuresFile = (content: string) => {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, content);
  return path;
};

describe("the site's footer", () => {
  it("on the demo's data, says on every page (comparer and explorer included) that the figures are synthetic", () => {
    const footer = siteFooter({year: 2024, synthetic: true});
    expect(footer).toContain(`<strong>${FOOTER_DEMO_NOTICE}</strong>`);
    expect(FOOTER_DEMO_NOTICE).toMatch(/^Données de démonstration \(synthétiques\)/);
    expect(footer).toContain("Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur, 2024 — Licence Ouverte 2.0.");
  });

  it("on the customs' data, the source and the year shown, no notice", () => {
    const footer = siteFooter({year: 2025, synthetic: false});
    expect(footer).toBe("Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur, 2025 — Licence Ouverte 2.0.");
  });

  it("reads the year and the kind of data from the build's figures, nothing before they exist, and refuses a file without them", () => {
    expect(readFooterFacts(figuresFile(JSON.stringify({year: 2024, synthetic: true, key: "k", territories: {}})))).toEqual({year: 2024, synthetic: true});
    expect(readFooterFacts(join(folder, "absent.json"))).toBeNull();
    expect(siteFooter(null)).toBe("Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur — Licence Ouverte 2.0.");
    const broken = figuresFile(JSON.stringify({year: 2024}));
    expect(() => readFooterFacts(broken)).toThrow(`${broken} : « year » ou « synthetic » manquant, relancez npm run prepare:data`);
  });
});
