import {describe, expect, it} from "vitest";
import {DEFAULT_PAIR, pairError, readPair, writePair} from "../../src/components/comparison-pair.js";

const KNOWN = new Set(["D10", "D20", "D51", "R44", "FR"]);
const known = (id: string) => KNOWN.has(id);

describe("the pair in the comparison page's URL", () => {
  it("reads a and b, whatever their case and spaces; a side not named is the default's", () => {
    expect(readPair("?a=d51&b=%20fr%20", known)).toEqual({pair: {a: "D51", b: "FR"}});
    expect(readPair("", known)).toEqual({pair: DEFAULT_PAIR});
    expect(readPair("?b=D51", known)).toEqual({pair: {a: "D10", b: "D51"}});
    expect(readPair("?a=&b=", known)).toEqual({pair: DEFAULT_PAIR});
  });

  it("refuses an unknown code, naming it and its side, and says which codes are expected", () => {
    const request = readPair("?a=ZZZ", known);
    expect(request.pair).toEqual({a: "ZZZ", b: "R44"});
    expect(request.error).toBe(
      "Territoire inconnu : « ZZZ » (territoire A). Les codes attendus : D suivi du numéro du département (D10, D974), R suivi du code de la région (R44), ou FR pour la France."
    );
    expect(readPair("?a=D2A&b=toString", known).error).toMatch(/^Territoires inconnus : « D2A » \(territoire A\) et « TOSTRING » \(territoire B\)\./);
  });

  it("refuses the same territory twice", () => {
    expect(readPair("?a=D10&b=d10", known).error).toBe("Les deux territoires choisis sont les mêmes (« D10 ») : choisissez deux territoires différents.");
    expect(pairError({a: "R44", b: "R44"}, known)).toMatch(/choisissez deux territoires différents/);
    expect(pairError({a: "D10", b: "R44"}, known)).toBeUndefined();
  });

  it("writes a and b, keeping the page's other parameters", () => {
    expect(writePair("", {a: "D10", b: "D51"})).toBe("?a=D10&b=D51");
    expect(writePair("?x=1&a=FR", {a: "D20", b: "R44"})).toBe("?x=1&a=D20&b=R44");
  });
});
