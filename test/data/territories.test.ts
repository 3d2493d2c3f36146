import {describe, expect, it} from "vitest";
import {departements, findDepartement, regionOf, regions} from "../../src/data/territories.ts";

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
