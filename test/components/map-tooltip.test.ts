// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {formatMetric, franceMap, type MapDatum} from "../../src/components/france-map.js";
import {enableMapTooltip} from "../../src/components/map-tooltip.js";

const data: MapDatum[] = [
  {code: "10", name: "Aube", value: 1822.3e6},
  {code: "13", name: "Bouches-du-Rhône", value: 25e9},
  {code: "976", name: "Mayotte", value: 28.3e6}
];

function drawnMap(): HTMLElement {
  const container = document.createElement("div");
  container.className = "home-map";
  container.append(franceMap(data, {metric: "exports", label: "Exportations 2024", href: (code) => `./departements/${code}`, document}));
  document.body.replaceChildren(container);
  enableMapTooltip(container, document);
  return container;
}

const pointer = (target: Element, type: string, pointerType: string) => {
  const event = new Event(type, {bubbles: true, cancelable: true});
  Object.defineProperty(event, "pointerType", {value: pointerType});
  target.dispatchEvent(event);
};
const click = (target: Element) => {
  const event = new MouseEvent("click", {bubbles: true, cancelable: true});
  target.dispatchEvent(event);
  return event.defaultPrevented;
};
const tip = (map: HTMLElement) => map.querySelector<HTMLElement>(".map-tip")!;

describe("the map's tooltip", () => {
  it("shows the département's name and figure in a visible box when the keyboard focuses it", () => {
    const map = drawnMap();
    expect(tip(map).hidden).toBe(true);
    map.querySelector<SVGAElement>("a[data-code='13']")!.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
    expect(tip(map).hidden).toBe(false);
    expect(tip(map).querySelector("strong")!.textContent).toBe("Bouches-du-Rhône (13)");
    expect(tip(map).textContent).toContain(`Exportations 2024 : ${formatMetric("exports", 25e9)}`);
    map.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}));
    expect(tip(map).hidden).toBe(true);
  });

  it("on touch, shows the box at the first tap and follows the link at the second", () => {
    const map = drawnMap();
    const aube = map.querySelector("a[data-code='10'] path")!;
    pointer(aube, "pointerdown", "touch");
    expect(click(aube)).toBe(true); // not followed
    expect(tip(map).hidden).toBe(false);
    expect(tip(map).textContent).toContain("Aube (10)");
    expect(tip(map).textContent).toContain("Touchez à nouveau pour ouvrir la fiche.");
    pointer(aube, "pointerdown", "touch");
    expect(click(aube)).toBe(false); // followed
    // A tap on another département shows its own figure first.
    const mayotte = map.querySelector("a[data-code='976'] rect")!;
    pointer(mayotte, "pointerdown", "touch");
    expect(click(mayotte)).toBe(true);
    expect(tip(map).querySelector("strong")!.textContent).toBe("976 Mayotte");
  });

  it("lets a mouse click follow the link at once, the box shown on hover", () => {
    const map = drawnMap();
    const aube = map.querySelector("a[data-code='10'] path")!;
    pointer(aube, "pointerover", "mouse");
    expect(tip(map).hidden).toBe(false);
    pointer(aube, "pointerdown", "mouse");
    expect(click(aube)).toBe(false);
  });

  it("moves the browser's tooltip into the box, every link keeping its accessible name", () => {
    const map = drawnMap();
    const links = [...map.querySelectorAll("svg a[data-code]")];
    expect(links.length).toBe(3);
    for (const link of links) {
      expect(link.querySelector("title")).toBeNull();
      expect(link.getAttribute("aria-label")).toBe(link.getAttribute("data-tip"));
    }
    // An overseas tile's name starts with its visible code (WCAG 2.5.3, label in name).
    const tile = map.querySelector("a[data-code='976']")!;
    expect(tile.getAttribute("aria-label")!.startsWith(tile.querySelector("text")!.textContent!)).toBe(true);
    expect(tip(map).getAttribute("aria-hidden")).toBe("true");
  });
});
