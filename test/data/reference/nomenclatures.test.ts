import {describe, expect, it} from "vitest";
import {A129_CODE, a129Label, a129OfCpf4, a129Products} from "../../../src/data/reference/a129.js";
import {CPF4_CODE, cpf4Label, cpf4Products} from "../../../src/data/reference/cpf4.js";
import {encodeWindows1252} from "../../../src/data/windows-1252.js";

const sortedByCode = (codes: readonly string[]) => [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A129 positions under which CPF rév. 2.1 has no goods class (services of support, printing, casting, forging, machining). */
const WITHOUT_GOODS_CLASSES = ["B09Z", "C18Z", "C24C", "C25D", "C25E"];

function expectCleanLabels(list: readonly {code: string; label: string}[]) {
  for (const {code, label} of list) {
    expect(label, code).not.toBe("");
    expect(label, code).toBe(label.trim());
    expect(label, code).not.toMatch(/\s{2}|(?<! );|;(?! )|[\t\r\n"]/); // "a ; b", never "a;b" nor "a  b"
    expect(() => encodeWindows1252(label), code).not.toThrow(); // the demo writes labels in Windows-1252
  }
}

describe("A129 goods positions", () => {
  it("lists the customs' 88 goods codes, A01Z … S96Z, sorted, unique, well-formed", () => {
    const codes = a129Products.map((p) => p.code);
    expect(codes).toHaveLength(88);
    expect(codes[0]).toBe("A01Z");
    expect(codes.at(-1)).toBe("S96Z");
    expect(codes).toEqual(sortedByCode(codes));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(A129_CODE);
    expectCleanLabels(a129Products);
  });

  it("labels in the customs' product phrasing", () => {
    expect(a129Label("C14Z")).toBe("Articles d'habillement");
    expect(a129Label("C26E")).toBe("Appareils de mesure, d'essai et de navigation ; articles d'horlogerie");
    expect(a129Label("C33A")).toBeUndefined();
    expect(a129Label("c14z")).toBeUndefined();
  });

  it("places CPF4 classes by the A129 definition (divisions and groups)", () => {
    const pairs: [string, string][] = [
      ["1413", "C14Z"], ["1011", "C10A"], ["1020", "C10B"], ["1092", "C10K"], ["2110", "C21Z"], ["2120", "C21Z"],
      ["3030", "C30C"], ["1920", "C19Z"], ["0610", "B06Z"], ["2910", "C29A"], ["0111", "A01Z"], ["2311", "C23A"],
      ["2320", "C23B"], ["2349", "C23B"], ["2351", "C23C"], ["2370", "C23D"], ["2399", "C23D"], ["2434", "C24A"],
      ["2530", "C25B"], ["2680", "C26G"], ["3299", "C32B"], ["3250", "C32C"], ["3100", "C31Z"], ["3811", "E38Z"],
      ["5811", "J58Z"], ["9003", "R90Z"]
    ];
    for (const [cpf4, a129] of pairs) expect(a129OfCpf4(cpf4), cpf4).toBe(a129);
  });

  it("refuses malformed codes and codes outside the goods positions", () => {
    for (const code of ["14.13", "141", "14130", "", "abcd", "3312", "3600", "4110", "6201"]) {
      expect(a129OfCpf4(code), code).toBeUndefined();
    }
  });
});

describe("CPF rév. 2.1 goods classes", () => {
  it("are sorted, unique, four digits, cleanly labelled", () => {
    const codes = cpf4Products.map((p) => p.code);
    expect(codes).toEqual(sortedByCode(codes));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(CPF4_CODE);
    expectCleanLabels(cpf4Products);
  });

  it("has the customs' examples", () => {
    expect(cpf4Label("0111")).toBe("Céréales (à l'exclusion du riz), légumineuses et oléagineux");
    expect(cpf4Label("3100")).toMatch(/^Sièges/);
    expect(cpf4Label("01.11")).toBeUndefined();
  });

  it("map every class to a known A129 position, and hit every position that has goods classes", () => {
    const known = new Set(a129Products.map((p) => p.code));
    const hit = new Set<string>();
    for (const {code} of cpf4Products) {
      const a129 = a129OfCpf4(code);
      expect(a129 !== undefined && known.has(a129), code).toBe(true);
      hit.add(a129!);
    }
    expect(sortedByCode([...known].filter((code) => !hit.has(code)))).toEqual(WITHOUT_GOODS_CLASSES);
  });
});
