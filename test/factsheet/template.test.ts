/**
 * The factsheet's template (templates/factsheet.md, filled by
 * src/factsheet/page.ts through src/factsheet/template.ts): a forker's edit
 * that names no block, a view the views table does not have or a malformed
 * placeholder stops the build with the template's file, its line and the
 * names it knows; the real template names only blocks the page writes.
 */
import {describe, expect, it} from "vitest";
import {VIEW_KINDS} from "../../src/components/chart-kinds.js";
import {factsheetBlocks} from "../../src/factsheet/page.js";
import {fillTemplate, readTemplate, templateFiles, type Template} from "../../src/factsheet/template.js";
import {findTerritory} from "../../src/data/territory-ids.js";
import {siteFigures} from "./site-fixture.js";
import type {FiguresBundle} from "../../src/factsheet/territory-figures.js";

const template = (text: string): Template => ({file: "templates/essai.md", text});
const blocks = {annee: () => "2024", vue: (kind?: string) => `[vue ${kind}]`};

describe("fillTemplate", () => {
  it("replaces each placeholder, in headings too, and leaves the prose as written", () => {
    expect(fillTemplate(template("## Chiffres clés {{annee}}\n\nTexte.\n\n{{vue partenaires}}\n"), blocks)).toBe("## Chiffres clés 2024\n\nTexte.\n\n[vue partenaires]\n");
  });

  it("refuses an unknown block, naming the file, the line and the blocks it knows", () => {
    expect(() => fillTemplate(template("# Titre\n\n{{graphique}}\n"), blocks)).toThrow("templates/essai.md, ligne 3 : bloc inconnu « graphique » (blocs connus : annee, vue)");
  });

  it("refuses a placeholder that is not a name and at most one argument", () => {
    expect(() => fillTemplate(template("{{vue partenaires pays}}"), blocks)).toThrow(/templates\/essai\.md, ligne 1 : « \{\{vue partenaires pays\}\} » n'est pas un bloc/);
    expect(() => fillTemplate(template("\n{{Vue}}"), blocks)).toThrow(/ligne 2 : « \{\{Vue\}\} » n'est pas un bloc : écrire \{\{nom\}\} ou \{\{nom argument\}\}, en minuscules/);
    expect(() => fillTemplate(template("{{vue part.enaires}}"), blocks)).toThrow(/n'est pas un bloc/);
  });
});

describe("the factsheet's template", () => {
  const factsheet = readTemplate("factsheet.md");
  // The blocks only need a territory to exist; none is called here.
  const written = factsheetBlocks(findTerritory("D10")!, siteFigures({} as FiguresBundle), {}, {});

  it("is the one template, and names only blocks the page writes", () => {
    expect(templateFiles()).toEqual(["templates/factsheet.md"]);
    const names = [...factsheet.text.matchAll(/\{\{\s*([a-z0-9-]+)/g)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((name) => !(name in written))).toEqual([]);
  });

  it("shows views of the views table only, each at most once, and says which kinds exist when one is unknown", () => {
    const views = [...factsheet.text.matchAll(/\{\{vue ([^}]+)\}\}/g)].map((match) => match[1]);
    expect(views.filter((kind) => !(VIEW_KINDS as readonly string[]).includes(kind))).toEqual([]);
    expect(new Set(views).size).toBe(views.length);
    expect(() => written.vue("carte")).toThrow(`vue inconnue « carte » : {{vue <nom>}}, un nom de VIEW_KINDS (src/components/chart-kinds.ts) : ${VIEW_KINDS.join(", ")}`);
    expect(() => written.flux("transit")).toThrow("flux inconnu « transit » : {{flux export}} ou {{flux import}}");
    expect(() => written.titre("D10")).toThrow("ce bloc ne prend pas d'argument (« D10 »)");
  });

  it("has view kinds that can stand in a placeholder, an attribute and a URL (?graphique=…)", () => {
    expect(VIEW_KINDS.filter((kind) => !/^[a-z][a-z0-9]*$/.test(kind))).toEqual([]);
  });
});
