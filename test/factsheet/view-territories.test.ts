import {describe, expect, it} from "vitest";
import {findTerritory} from "../../src/data/territory-ids.js";
import {viewTerritory} from "../../src/factsheet/view-territories.js";

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

  it("names the territory in chart titles as the reference does: without the département's code", () => {
    expect(viewTerritory(findTerritory("D10")!, "20").titlePlace).toBe("Aube");
    expect(viewTerritory(findTerritory("R44")!, "20").titlePlace).toBe("Grand Est");
    expect(viewTerritory(findTerritory("FR")!, "20").titlePlace).toBe("France entière");
  });

  it("lists a région's départements for its breakdown, Monaco counted in Provence-Alpes-Côte d'Azur, Corsica as the source publishes it", () => {
    const ids = (id: string, corsica: "20" | "2A2B" = "20") => viewTerritory(findTerritory(id)!, corsica).breakdown?.departements.map((d) => d.id) ?? null;
    expect(ids("R44")).toEqual(["D08", "D10", "D51", "D52", "D54", "D55", "D57", "D67", "D68", "D88"]);
    expect(viewTerritory(findTerritory("R44")!, "20").breakdown).toMatchObject({departements: expect.arrayContaining([{id: "D10", name: "Aube (10)"}]), alsoCounted: []});
    expect(viewTerritory(findTerritory("R93")!, "20").breakdown?.alsoCounted).toEqual(["Monaco (code 99 des Douanes)"]);
    expect(ids("R93")).toEqual(["D04", "D05", "D06", "D13", "D83", "D84"]);
    // Corsica as one "20" is a région of one département: nothing to break down; as 2A and 2B, two.
    expect(ids("R94", "20")).toBeNull();
    expect(ids("R94", "2A2B")).toEqual(["D2A", "D2B"]);
    expect(ids("R04")).toBeNull();
    expect(ids("D10")).toBeNull();
    expect(ids("FR")).toBeNull();
  });
});
