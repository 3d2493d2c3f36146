// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {addChartActions, enhanceFactsheet, type FactsheetConfig} from "../../src/components/factsheet-enhance.js";
import {needsRedraw, searchOfState, stateFromSearch} from "../../src/components/view-state.js";

const CONFIG: FactsheetConfig = {
  territory: "D10",
  year: 2024,
  years: [2022, 2023, 2024],
  credit: "Source : DGDDI / DSECE, 2024",
  embedBase: "../integrer",
  territories: {
    D10: {id: "D10", place: "Aube (10)", titlePlace: "Aube", forms: {subject: "L'Aube", ofName: "de l'Aube", inName: "dans l'Aube"}, region: null, breakdown: null, isFrance: false, fileStem: "aube-10"}
  }
};
const SOURCES = {slices: ["a.parquet"], quarterly: ["q.parquet"], products: "p.parquet", countries: "c.parquet"};

function page(): void {
  document.body.innerHTML = `<form class="factsheet-controls" hidden>
    <select name="annee"><option value="2024">2024</option><option value="2023">2023</option><option value="2022">2022</option></select>
    <select name="niveau"><option value="a129">A129</option><option value="cpf4">CPF4</option></select>
    <select name="n"><option>10</option><option>15</option><option>20</option></select>
    <select name="flux"><option value="both">both</option><option value="export">export</option><option value="import">import</option></select>
    <p class="controls-status"></p></form>
    <div class="view" data-view="tendance" data-territory="D10"><div class="view-before"></div>
    <div class="view-charts"><div class="view-wide"><div class="view-chart"><figure><svg role="img" width="10" height="10"></svg></figure></div><div class="view-chart"><figure><svg role="img"></svg></figure></div></div><div class="view-narrow"></div></div>
    <div class="view-after"></div></div>
    <div class="view" data-view="chiffres" data-territory="D10"><div class="view-before"></div><div class="view-after"></div></div>`;
}

describe("the factsheet's state in the URL", () => {
  it("reads the year, the product level, the Sankeys' size and the flows shown, each checked, else the page's default", () => {
    expect(stateFromSearch("?annee=2023&niveau=cpf4&n=15&flux=importations", CONFIG)).toEqual({year: 2023, level: "cpf4", n: 15, flows: "import"});
    expect(stateFromSearch("", CONFIG)).toEqual({year: 2024, level: "a129", n: 10, flows: "both"});
    expect(stateFromSearch("?annee=1999&niveau=<b>&n=7&flux=tout", CONFIG)).toEqual({year: 2024, level: "a129", n: 10, flows: "both"});
  });

  it("writes only what differs from the default, so that the plain address stays plain", () => {
    expect(searchOfState({year: 2024, level: "a129", n: 10, flows: "both"}, 2024)).toBe("");
    expect(searchOfState({year: 2022, level: "cpf4", n: 20, flows: "export"}, 2024)).toBe("?annee=2022&niveau=cpf4&n=20&flux=exportations");
  });

  it("needs no redrawing, hence no engine, when only the flows shown differ from the page's", () => {
    expect(needsRedraw({year: 2024, level: "a129", n: 10, flows: "import"}, 2024)).toBe(false);
    expect(needsRedraw({year: 2024, level: "a129", n: 15, flows: "both"}, 2024)).toBe(true);
  });
});

describe("enhanceFactsheet", () => {
  it("adds each chart's image and embed actions, named after the territory, chart and year", () => {
    page();
    const slot = document.querySelector<HTMLElement>(".view[data-view='tendance']")!;
    addChartActions(slot, CONFIG, () => 2024);
    addChartActions(slot, CONFIG, () => 2024); // once only
    const blocks = [...slot.querySelectorAll(".view-actions .chart-actions")] as HTMLElement[];
    expect(blocks.map((block) => block.dataset.chart)).toEqual(["tendance", "evolution"]);
    expect(blocks[1].querySelector("textarea")?.value ?? blocks[1].textContent).toBeTruthy();
    expect(slot.querySelectorAll(".view-actions")).toHaveLength(1);
    expect(document.querySelector(".view[data-view='chiffres'] .view-actions")).toBeNull();
  });

  it("shows the controls and loads nothing until one is used", () => {
    page();
    enhanceFactsheet(CONFIG, SOURCES, document);
    const form = document.querySelector<HTMLFormElement>("form.factsheet-controls")!;
    expect(form.hidden).toBe(false);
    expect((form.elements.namedItem("annee") as HTMLSelectElement).value).toBe("2024");
    expect(document.querySelector(".controls-status")!.textContent).toBe("");
  });

  it("writes the reader's choice in the URL and says that the engine is loading", () => {
    page();
    enhanceFactsheet(CONFIG, SOURCES, document);
    const form = document.querySelector<HTMLFormElement>("form.factsheet-controls")!;
    (form.elements.namedItem("niveau") as HTMLSelectElement).value = "cpf4";
    form.dispatchEvent(new Event("change"));
    expect(location.search).toBe("?niveau=cpf4");
    expect(document.querySelector(".controls-status")!.textContent).toMatch(/Chargement du moteur de requêtes/);
  });

  it("shows one flow's Sankeys by the page's CSS alone: no engine, the choice in the URL", () => {
    history.replaceState(null, "", location.pathname);
    page();
    enhanceFactsheet(CONFIG, SOURCES, document);
    const form = document.querySelector<HTMLFormElement>("form.factsheet-controls")!;
    (form.elements.namedItem("flux") as HTMLSelectElement).value = "import";
    form.dispatchEvent(new Event("change"));
    expect(location.search).toBe("?flux=importations");
    expect(document.documentElement.dataset.flux).toBe("import");
    expect(document.querySelector(".controls-status")!.textContent).toBe("");
    (form.elements.namedItem("flux") as HTMLSelectElement).value = "both";
    form.dispatchEvent(new Event("change"));
    expect(document.documentElement.dataset.flux).toBeUndefined();
  });
});
