// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {normalizeText, resultsMessage, searchTerritories, territorySearch, type SearchTerritory} from "../../src/components/territory-search.js";
import {departements, regions} from "../../src/data/territories.js";

const territories: SearchTerritory[] = [
  ...departements.map((d) => ({id: `D${d.code}`, kind: "departement" as const, code: d.code, name: d.name, href: `./departements/${d.code}`})),
  ...regions.map((r) => ({id: `R${r.code}`, kind: "region" as const, code: r.code, name: r.name, href: `./regions/${r.code}`})),
  {id: "FR", kind: "france", code: "FR", name: "France", href: "./france"}
];

const ids = (query: string) => searchTerritories(territories, query).map((t) => t.id);

describe("normalizeText", () => {
  it("drops accents, case and punctuation", () => {
    expect(normalizeText("Côte-d'Or")).toBe("cote d or");
    expect(normalizeText("  La Réunion ")).toBe("la reunion");
    expect(normalizeText("Provence-Alpes-Côte d’Azur")).toBe("provence alpes cote d azur");
  });
});

describe("searchTerritories", () => {
  it("finds the Aube by name, any case, and by its code", () => {
    expect(ids("Aube")[0]).toBe("D10");
    expect(ids("aube")[0]).toBe("D10");
    expect(ids("10")).toEqual(["D10"]);
  });

  it("needs no accents, and finds names from any word", () => {
    expect(ids("reunion")).toEqual(["D974", "R04"]);
    expect(ids("cote d or")[0]).toBe("D21");
    expect(ids("ardeche")).toEqual(["D07"]);
    expect(ids("normandie")).toEqual(["R28"]);
    expect(ids("rhone")).toContain("D69");
    expect(ids("rhone")).toContain("D13");
  });

  it("matches Corsican and overseas codes", () => {
    expect(ids("2a")).toEqual(["D2A"]);
    expect(ids("2B")).toEqual(["D2B"]);
    expect(ids("974")[0]).toBe("D974");
    expect(ids("97")).toEqual(["D971", "D972", "D973", "D974", "D976"]);
  });

  it("lists the département before the région with the same code, and finds France", () => {
    expect(ids("44")).toEqual(["D44", "R44"]);
    expect(ids("grand est")).toEqual(["R44"]);
    expect(ids("france")).toContain("FR");
    expect(ids("france")).toContain("R11"); // Île-de-France
  });

  it("returns nothing for an empty or unknown query, and respects the limit", () => {
    expect(ids("")).toEqual([]);
    expect(ids("  - ")).toEqual([]);
    expect(ids("zzz")).toEqual([]);
    expect(searchTerritories(territories, "e", 5)).toHaveLength(5);
  });
});

describe("territorySearch", () => {
  it("lists matching links as the reader types, with a live count in French", () => {
    const element = territorySearch(territories, {document});
    const input = element.querySelector("input")!;
    expect(element.getAttribute("role")).toBe("search");
    expect(element.querySelector(`label[for='${input.id}']`)!.textContent).toBe("Trouver un territoire");
    expect(element.querySelectorAll("li")).toHaveLength(0);
    input.value = "Aube";
    input.dispatchEvent(new Event("input"));
    const links = [...element.querySelectorAll("li a")];
    expect(links[0].textContent).toBe("Aube (10)");
    expect(links[0].getAttribute("href")).toBe("./departements/10");
    expect(element.querySelector("[aria-live]")!.textContent).toBe(resultsMessage(links.length, "Aube"));
    input.value = "Grand Est";
    input.dispatchEvent(new Event("input"));
    expect([...element.querySelectorAll("li a")].map((a) => a.getAttribute("href"))).toEqual(["./regions/44"]);
    expect(element.querySelector("li .kind")!.textContent).toBe(" — région");
  });

  it("says when nothing matches, and keeps hostile text as text", () => {
    const element = territorySearch(territories, {document, value: "<b>x</b>"});
    expect(element.querySelector("[aria-live]")!.textContent).toBe("Aucun territoire ne correspond à « <b>x</b> ».");
    expect(element.querySelector("b")).toBeNull();
    expect(resultsMessage(1, "10")).toBe("1 résultat");
    expect(resultsMessage(2, "10")).toBe("2 résultats");
  });
});
