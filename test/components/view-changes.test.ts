// A control redraws only the views whose content it changes: the live work after the first one stays small.
// Checked on the reference's views, so that a view a fork adds needs no edit here.
import {describe, expect, it} from "vitest";
import {VIEW_KINDS} from "../../src/components/chart-kinds.js";
import {viewChanges} from "../../src/components/factsheet-views.js";
import {defaultState} from "../../src/components/view-state.js";

const REFERENCE_VIEWS: readonly string[] = ["chiffres", "departements", "partenaires", "activites", "exportations", "importations", "tendance", "comparaisons", "indicateurs"];
const built = defaultState(2024);
const changed = (next: Partial<typeof built>) =>
  VIEW_KINDS.filter((kind) => REFERENCE_VIEWS.includes(kind) && viewChanges(kind, built, {...built, ...next}));

describe("viewChanges", () => {
  it("knows every reference view", () => {
    expect(REFERENCE_VIEWS.filter((kind) => !(VIEW_KINDS as readonly string[]).includes(kind))).toEqual([]);
  });

  it("redraws every view that depends on the year, not the quarterly trend that shows them all", () => {
    expect(changed({year: 2023})).toEqual(["chiffres", "departements", "partenaires", "activites", "exportations", "importations", "comparaisons", "indicateurs"]);
  });

  it("redraws the views that show products when the level changes, and only the Sankeys for their size", () => {
    expect(changed({level: "cpf4"})).toEqual(["activites", "exportations", "importations", "comparaisons", "indicateurs"]);
    expect(changed({n: 15})).toEqual(["exportations", "importations"]);
  });

  it("redraws nothing for the flows shown or an unchanged state", () => {
    expect(changed({flows: "export"})).toEqual([]);
    expect(changed({})).toEqual([]);
  });
});
