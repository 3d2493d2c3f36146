import {describe, expect, it} from "vitest";
import {findTerritory} from "../../src/data/territory-ids.ts";
import {viewTerritory} from "../../src/factsheet/view-territories.ts";

describe("viewTerritory", () => {
  it("names the territory for the views, with its région only when a share of it means something", () => {
    expect(viewTerritory(findTerritory("D10")!, "20")).toMatchObject({id: "D10", place: "Aube (10)", region: {id: "R44"}, isFrance: false});
    // A région of one département would always read 100 %.
    expect(viewTerritory(findTerritory("D974")!, "20").region).toBeNull();
    expect(viewTerritory(findTerritory("D20")!, "20").region).toBeNull();
    expect(viewTerritory(findTerritory("D2A")!, "2A2B").region).toMatchObject({id: "R94", forms: {ofName: "de la Corse"}});
    expect(viewTerritory(findTerritory("R44")!, "20")).toMatchObject({place: "Grand Est", region: null});
    expect(viewTerritory(findTerritory("FR")!, "20")).toMatchObject({place: "France entière", isFrance: true});
  });
});
