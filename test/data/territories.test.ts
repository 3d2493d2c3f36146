import {describe, expect, it} from "vitest";
import {departements, findDepartement, regionOf, regions} from "../../src/data/territories.js";

describe("territories", () => {
  it("lists INSEE's 101 départements, Corsica as the customs publish it, and 18 régions, each département in exactly one région", () => {
    expect(departements).toHaveLength(102);
    expect(regions).toHaveLength(18);
    const members = regions.flatMap((r) => r.departements).sort();
    expect(members).toEqual(departements.map((d) => d.code).sort());
  });

  it("keeps codes as strings with Corsica split and overseas codes", () => {
    expect(findDepartement("01")?.name).toBe("Ain");
    expect(findDepartement("2A")?.name).toBe("Corse-du-Sud");
    expect(findDepartement("974")?.name).toBe("La Réunion");
    expect(findDepartement("20")).toMatchObject({name: "Corse", regionCode: "94", forms: {ofName: "de la Corse"}});
    const corsica = departements.findIndex((d) => d.code === "20");
    expect(departements.slice(corsica, corsica + 3).map((d) => d.code)).toEqual(["20", "2A", "2B"]);
    expect(findDepartement("99")).toBeUndefined();
    expect(findDepartement("975")).toBeUndefined();
    expect(regionOf("10").name).toBe("Grand Est");
  });

  it("gives each name its French article", () => {
    expect(findDepartement("10")?.forms).toEqual({subject: "L'Aube", ofName: "de l'Aube", inName: "dans l'Aube"});
    expect(findDepartement("59")?.forms.ofName).toBe("du Nord");
    expect(findDepartement("13")?.forms.subject).toBe("Les Bouches-du-Rhône");
    expect(findDepartement("75")?.forms.inName).toBe("à Paris");
    expect(regions.find((r) => r.code === "28")?.forms.inName).toBe("en Normandie");
    expect(regions.find((r) => r.code === "44")?.forms.ofName).toBe("du Grand Est");
  });

  it("refuses an unknown code with a message naming it", () => {
    expect(() => regionOf("99")).toThrow(/« 99 »/);
  });
});

describe("name forms of every territory", () => {
  const all = [...departements.map((d) => ({kind: "departement", ...d})), ...regions.map((r) => ({kind: "region", ...r}))];
  // Names that take no article in French usage (a city, an island whose article is part of its name).
  const WITHOUT_ARTICLE = new Set(["Paris", "Mayotte", "La Réunion"]);

  it.each(all.map((t) => [`${t.kind} ${t.code} ${t.name}`, t] as const))("%s: subject, « de » and « en / dans / à » agree", (_, t) => {
    const {subject, ofName, inName} = t.forms;
    const article = /^(Le |La |Les |L')/.exec(subject)?.[1];
    if (WITHOUT_ARTICLE.has(t.name)) {
      expect(subject).toBe(t.name);
      expect(ofName).toBe(`de ${t.name}`);
      expect(inName).toBe(`à ${t.name}`);
      return;
    }
    expect(article, subject).toBeDefined();
    expect(subject.slice(article!.length)).toBe(t.name);
    const expectedOf = {"Le ": `du ${t.name}`, "La ": `de la ${t.name}`, "Les ": `des ${t.name}`, "L'": `de l'${t.name}`}[article!];
    expect(ofName).toBe(expectedOf);
    // Corsica as one département is the whole island: « en Corse », like its région.
    if ((t.kind === "region" || t.code === "20") && article !== "Le " && article !== "Les ") expect(inName).toBe(`en ${t.name}`);
    else expect(inName).toBe(`dans ${article!.toLowerCase()}${t.name}`);
  });

  it("writes the names the reference's readers stumbled on with their article", () => {
    const subject = (code: string, kind = "departement") => all.find((t) => t.code === code && t.kind === kind)!.forms.subject;
    expect(["28", "35", "37", "49", "54", "71", "77"].map((code) => subject(code))).toEqual([
      "L'Eure-et-Loir", "L'Ille-et-Vilaine", "L'Indre-et-Loire", "Le Maine-et-Loire", "La Meurthe-et-Moselle", "La Saône-et-Loire", "La Seine-et-Marne"
    ]);
    expect(["11", "28", "53", "76", "94", "27", "84", "93"].map((code) => subject(code, "region"))).toEqual([
      "L'Île-de-France", "La Normandie", "La Bretagne", "L'Occitanie", "La Corse", "La Bourgogne-Franche-Comté", "L'Auvergne-Rhône-Alpes", "La Provence-Alpes-Côte d'Azur"
    ]);
  });
});
