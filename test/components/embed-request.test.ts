// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CHART_KINDS} from "../../src/components/chart-kinds.js";
import {chartFromFactsheet, embedError, embedRequest, embedSource} from "../../src/components/embed-request.js";

const TERRITORIES = {D10: {}, D2A: {}, R44: {}, FR: {}};

describe("embedRequest", () => {
  it("reads the territory and the chart from the query string, case-insensitively", () => {
    expect(embedRequest("?territoire=D10&graphique=partenaires", TERRITORIES)).toEqual({territory: "D10", chart: "partenaires"});
    expect(embedRequest("?territoire=d2a&graphique=Exportations", TERRITORIES)).toEqual({territory: "D2A", chart: "exportations"});
    for (const chart of CHART_KINDS) expect(embedRequest(`?territoire=FR&graphique=${chart}`, TERRITORIES)).toEqual({territory: "FR", chart});
  });

  it("explains in French what is missing or unknown, and how to write the address", () => {
    const missing = embedRequest("", TERRITORIES);
    expect(missing.error).toMatch(/territoire manquant ; graphique manquant/);
    expect(missing.error).toContain("?territoire=D10&graphique=partenaires");
    expect(missing.error).toContain("partenaires (principaux pays partenaires), activites (principales activités)");
    for (const kind of CHART_KINDS) expect(missing.error).toContain(`${kind} (`);
    expect(embedRequest("?territoire=D99&graphique=partenaires", TERRITORIES).error).toMatch(/territoire inconnu : « D99 »/);
    expect(embedRequest("?territoire=D10&graphique=camembert", TERRITORIES).error).toMatch(/graphique inconnu : « camembert »/);
  });

  it("does not take inherited object keys for territories", () => {
    expect(embedRequest("?territoire=constructor&graphique=partenaires", TERRITORIES).error).toMatch(/territoire inconnu/);
    expect(embedRequest("?territoire=__proto__&graphique=partenaires", TERRITORIES).error).toMatch(/territoire inconnu/);
  });
});

describe("embed elements", () => {
  it("writes a hostile address back as text in the error", () => {
    const request = embedRequest("?territoire=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&graphique=x", TERRITORIES);
    const error = embedError(request.error!, {document});
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.querySelector("img")).toBeNull();
    expect(error.textContent).toContain("<IMG SRC=X ONERROR=ALERT(1)>");
  });

  it("links the whole factsheet out of the iframe", () => {
    const line = embedSource("Source : DGDDI / DSECE, 2024", {name: "Aube (10)", href: "./departements/10"}, {document});
    const link = line.querySelector("a")!;
    expect(line.textContent).toBe("Source : DGDDI / DSECE, 2024 · Fiche complète : Aube (10)");
    expect(link.getAttribute("href")).toBe("./departements/10");
    expect(link.target).toBe("_top");
  });
});

describe("chartFromFactsheet", () => {
  const slot = (view: string, territory: string, charts: string[]) =>
    `<div class="view" data-view="${view}" data-territory="${territory}"><div class="view-charts">` +
    `<div class="view-wide">${charts.map((chart) => `<div class="view-chart"><svg data-chart="${chart}-wide"></svg></div>`).join("")}</div>` +
    `<div class="view-narrow">${charts.map((chart) => `<div class="view-chart"><svg data-chart="${chart}-narrow"></svg></div>`).join("")}</div></div></div>`;
  const page = `<main>${slot("partenaires", "R44", ["partenaires"])}${slot("partenaires", "D10", ["partenaires"])}${slot("tendance", "D10", ["tendance", "evolution"])}</main>`;

  it("takes the wide drawing of the chart's view for the territory asked, not a neighbour's", () => {
    expect(chartFromFactsheet(page, "D10", "partenaires", {document})?.querySelector("svg")?.getAttribute("data-chart")).toBe("partenaires-wide");
    expect(chartFromFactsheet(page, "D10", "evolution", {document})?.querySelector("svg")?.getAttribute("data-chart")).toBe("evolution-wide");
    expect(chartFromFactsheet(page, "D10", "tendance", {document})?.ownerDocument).toBe(document);
  });

  it("returns null when the page has no such chart", () => {
    expect(chartFromFactsheet(page, "D10", "exportations", {document})).toBeNull();
    expect(chartFromFactsheet(page, "FR", "partenaires", {document})).toBeNull();
  });
});
