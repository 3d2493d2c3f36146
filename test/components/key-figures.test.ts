// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {BALANCE_ROUNDING_NOTE, balanceRoundingNote} from "../../src/components/format.js";
import {balanceText, keyFigures, keyFiguresList, keyFiguresTexts} from "../../src/components/key-figures.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("keyFiguresTexts", () => {
  it("reproduces the reference's Aube export line", () => {
    const texts = keyFiguresTexts({
      territoryName: "Aube",
      flow: "export",
      total: 1822.3e6,
      regionName: "du Grand Est",
      regionTotal: 67665.4e6,
      franceTotal: 580354.5e6
    });
    expect(texts.sentence).toBe(`1${NNBSP}822,3${NBSP}M€ — 2,7${NBSP}% du Grand Est, 0,31${NBSP}% de la France`);
  });

  it("reproduces the Aube import shares, and adds « de » to a bare région name", () => {
    const texts = keyFiguresTexts({
      territoryName: "Aube",
      flow: "import",
      total: 1697.2e6,
      regionName: "Grand Est",
      regionTotal: 63519.7e6,
      franceTotal: 684776.3e6
    });
    expect(texts.regionShare).toBe(`2,7${NBSP}% de Grand Est`);
    expect(texts.franceShare).toBe(`0,25${NBSP}% de la France`);
    expect(texts.flowLabel).toBe("Importations");
  });

  it("shows no share for France itself, and writes a signed balance", () => {
    const texts = keyFiguresTexts({territoryName: "France", flow: "export", total: 580354.5e6, balance: -104421.8e6});
    expect(texts.sentence).toBe(`580${NNBSP}354,5${NBSP}M€`);
    expect(texts.regionShare).toBeUndefined();
    expect(texts.balance).toBe(`\u2212104${NNBSP}421,8${NBSP}M€ (déficit)`);
  });
});

describe("keyFigures", () => {
  it("renders the figures as text, without markup injection", () => {
    const block = keyFigures(
      {territoryName: `<b>Aube</b>`, flow: "export", total: 1822.3e6, regionName: "du Grand Est", regionTotal: 67665.4e6, franceTotal: 580354.5e6, balance: 125.1e6},
      {document}
    );
    expect(block.querySelector("b")).toBeNull();
    expect(block.querySelector(".key-figures-label")!.textContent).toBe("Exportations — <b>Aube</b>");
    expect(block.querySelector(".key-figures-total")!.textContent).toBe(`1${NNBSP}822,3${NBSP}M€`);
    expect(block.querySelector(".key-figures-region")!.textContent).toBe(`2,7${NBSP}% du Grand Est`);
    expect(block.querySelector(".key-figures-france")!.textContent).toBe(`0,31${NBSP}% de la France`);
    expect(block.querySelector(".key-figures-balance")!.textContent).toBe(`Solde commercial${NBSP}: +125,1${NBSP}M€ (excédent)`);
  });
});

describe("tiny shares", () => {
  it("read « < 0,01 % » rather than « 0,00 % » (Mayotte's share of France)", async () => {
    const {keyFiguresTexts} = await import("../../src/components/key-figures.js");
    const texts = keyFiguresTexts({territoryName: "Mayotte (976)", flow: "export", total: 20e6, franceTotal: 580_354.5e6});
    expect(texts.franceShare).toBe("<\u00a00,01\u00a0% de la France");
  });
});

describe("keyFiguresList", () => {
  const list = (exportsEur: number, importsEur: number) => {
    const texts = (flow: "export" | "import", total: number) => keyFiguresTexts({territoryName: "Paris (75)", flow, total});
    return keyFiguresList(
      [
        {flow: "export", texts: texts("export", exportsEur), massKg: null},
        {flow: "import", texts: texts("import", importsEur), massKg: null}
      ],
      balanceText(exportsEur - importsEur),
      {document, balanceNote: balanceRoundingNote(exportsEur, importsEur)}
    );
  };

  it("says under the balance that the figures are rounded separately when they do not add up (Paris-like figures)", () => {
    const paris = list(37108.16e6, 54354.34e6);
    expect([...paris.querySelectorAll("dd strong")].map((s) => s.textContent)).toEqual([
      `37${NNBSP}108,2${NBSP}M€`,
      `54${NNBSP}354,3${NBSP}M€`,
      `\u221217${NNBSP}246,2${NBSP}M€ (déficit)`
    ]);
    expect(paris.querySelector(".key-figure-balance .key-figure-note")!.textContent).toBe(BALANCE_ROUNDING_NOTE);
  });

  it("prints no note when the rounded figures add up (the Aube: 1 822,3 − 1 697,2 = 125,1)", () => {
    const aube = list(1822.3e6, 1697.2e6);
    expect(aube.querySelector(".key-figure-balance strong")!.textContent).toBe(`+125,1${NBSP}M€ (excédent)`);
    expect(aube.querySelector(".key-figure-note")).toBeNull();
  });
});
