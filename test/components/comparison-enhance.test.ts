// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {enhanceComparison, type ComparisonConfig} from "../../src/components/comparison-enhance.js";

const territory = (id: string, place: string) => ({id, place, forms: {subject: place, ofName: `de ${place}`, inName: `en ${place}`}, titlePlace: place, region: null, breakdown: null, isFrance: id === "FR", fileStem: id.toLowerCase(), href: `./${id}`});
const CONFIG: ComparisonConfig = {
  year: 2024,
  pair: {a: "D10", b: "R44"},
  territories: {D10: territory("D10", "Aube (10)"), D51: territory("D51", "Marne (51)"), R44: territory("R44", "Grand Est"), FR: territory("FR", "France entière")}
};
const SOURCES = {slices: {D10: "d10.parquet", D51: "d51.parquet", R44: "r44.parquet", FR: "fr.parquet"}, overview: "o.parquet", products: "p.parquet", countries: "c.parquet"};

function page(search: string): void {
  history.replaceState(null, "", `/comparer${search}`);
  const options = Object.keys(CONFIG.territories).map((id) => `<option value="${id}">${id}</option>`).join("");
  document.body.innerHTML = `<form class="comparison-controls" hidden>
    <select name="a">${options}</select><select name="b">${options}</select><p class="controls-status"></p></form>
    <p class="comparison-error" role="alert" hidden></p>
    <div class="comparison"><table class="comparison-table"></table></div>`;
  const form = document.querySelector("form")!;
  (form.elements.namedItem("a") as HTMLSelectElement).value = "D10";
  (form.elements.namedItem("b") as HTMLSelectElement).value = "R44";
}

const message = () => document.querySelector<HTMLElement>(".comparison-error")!;
const comparison = () => document.querySelector<HTMLElement>(".comparison")!;
const status = () => document.querySelector(".controls-status")!.textContent;

describe("enhanceComparison", () => {
  it("shows the choice and loads nothing for the pair the page already holds", () => {
    page("");
    enhanceComparison(CONFIG, SOURCES, document);
    expect(document.querySelector<HTMLFormElement>("form")!.hidden).toBe(false);
    expect(message().hidden).toBe(true);
    expect(comparison().hidden).toBe(false);
    expect(comparison().classList.contains("comparison-stale")).toBe(false);
    expect(status()).toBe("");
  });

  it("refuses an unknown code with a message naming it, and shows no comparison", () => {
    page("?a=ZZZ");
    enhanceComparison(CONFIG, SOURCES, document);
    expect(message().hidden).toBe(false);
    expect(message().textContent).toMatch(/^Territoire inconnu : « ZZZ » \(territoire A\)\./);
    expect(comparison().hidden).toBe(true);
    // The side it could not read keeps the page's default; nothing is loaded.
    expect((document.querySelector("select[name='a']") as HTMLSelectElement).value).toBe("D10");
    expect(status()).toBe("");
  });

  it("refuses the same territory twice, from the URL and from the choice", () => {
    page("?a=D10&b=D10");
    enhanceComparison(CONFIG, SOURCES, document);
    expect(message().textContent).toBe("Les deux territoires choisis sont les mêmes (« D10 ») : choisissez deux territoires différents.");
    expect(comparison().hidden).toBe(true);

    page("");
    enhanceComparison(CONFIG, SOURCES, document);
    const form = document.querySelector<HTMLFormElement>("form")!;
    (form.elements.namedItem("b") as HTMLSelectElement).value = "D10";
    form.dispatchEvent(new Event("change"));
    expect(location.search).toBe("?a=D10&b=D10");
    expect(message().hidden).toBe(false);
    expect(comparison().hidden).toBe(true);
  });

  it("writes another choice in the URL, marks the comparison shown as stale and says that the engine is loading", () => {
    page("");
    enhanceComparison(CONFIG, SOURCES, document);
    const form = document.querySelector<HTMLFormElement>("form")!;
    (form.elements.namedItem("b") as HTMLSelectElement).value = "D51";
    form.dispatchEvent(new Event("change"));
    expect(location.search).toBe("?a=D10&b=D51");
    expect(message().hidden).toBe(true);
    expect(comparison().classList.contains("comparison-stale")).toBe(true);
    expect(comparison().getAttribute("aria-busy")).toBe("true");
    expect(status()).toMatch(/^Chargement du moteur de requêtes/);
  });
});
