import {describe, expect, it} from "vitest";
import {decodeWindows1252, encodeWindows1252} from "../../src/data/windows-1252.js";
import {decodeText} from "../../src/data/douanes/text-decoding.js";

describe("Windows-1252", () => {
  const label = "Volailles vivantes et œufs ; « Boissons » — 12 € ’";

  it("round-trips the characters latin-1 lacks", () => {
    const bytes = encodeWindows1252(label);
    expect(bytes).toContain(0x9c); // œ
    expect(bytes).toContain(0x80); // €
    expect(decodeWindows1252(bytes)).toBe(label);
  });

  it("is what the customs text reader falls back to when a file is not UTF-8", () => {
    expect(decodeText(encodeWindows1252(label))).toEqual({text: label, encoding: "windows-1252"});
  });

  it("refuses to write a character outside the code page, naming it", () => {
    expect(() => encodeWindows1252("Ωmega")).toThrow(/Ω/);
  });
});
