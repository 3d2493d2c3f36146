// @vitest-environment jsdom
import {describe, expect, it, vi} from "vitest";
import {CSV_BOM, downloadLink, guardFormula, toCsv} from "../../src/components/csv.js";
import {HOSTILE} from "./fixtures.js";

const columns = [
  {key: "name", label: "Pays"},
  {key: "value", label: "Valeur (€)"},
  {key: "share", label: "Part", decimals: 4}
] as const;

describe("toCsv", () => {
  it("starts with a UTF-8 BOM, separates with ; and ends lines with CRLF", () => {
    const text = toCsv([{name: "Côte d'Ivoire", value: 1822300000, share: 0.02693}], [...columns]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe("Pays;Valeur (€);Part\r\nCôte d'Ivoire;1822300000;0,0269\r\n");
  });

  it("neutralises formulas in text cells with a leading apostrophe", () => {
    const rows = ["=SUM(A1)", "+33 1", "-2+3", "@cmd", "\tx", "\rx", "Allemagne"].map((name) => ({name, value: 1, share: 0}));
    const names = toCsv(rows, [...columns])
      .slice(1)
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(";")[0]);
    expect(names).toEqual(["'=SUM(A1)", "'+33 1", "'-2+3", "'@cmd", "'\tx", `"'\rx"`, "Allemagne"]);
  });

  it("keeps negative numbers numeric, with a comma decimal", () => {
    const text = toCsv([{name: "Chine", value: -128.25, share: -0.5}], [...columns]);
    expect(text).toContain("Chine;-128,250;-0,5000");
  });

  it("quotes separators, quotes and line breaks", () => {
    const text = toCsv([{name: HOSTILE, value: 1, share: 0}, {name: "a;b\nc", value: 2, share: 0}], [...columns]);
    expect(text).toContain(`"<script>alert(1)</script> & ""q""";1;0,0000`);
    expect(text).toContain(`"a;b\nc";2;`);
  });

  it("leaves empty cells for missing values", () => {
    expect(toCsv([{name: null, value: undefined, share: Number.NaN}], [...columns])).toContain("\r\n;;\r\n");
  });

  it("guards only what a spreadsheet would run", () => {
    expect(guardFormula("Produits")).toBe("Produits");
    expect(guardFormula("=1")).toBe("'=1");
  });
});

describe("downloadLink", () => {
  it("falls back to a data: URL in a build-time jsdom document (no Blob URLs)", async () => {
    // jsdom ships no types: type the one constructor used.
    const jsdomModule: string = "jsdom";
    const {JSDOM} = (await import(jsdomModule)) as {JSDOM: new (html: string) => {window: Window}};
    const buildDocument = new JSDOM("<!doctype html><p></p>").window.document;
    const csv = toCsv([{name: "Aube", value: 1, share: 0}], [...columns]);
    const link = downloadLink(csv, "aube-export.csv", {document: buildDocument});
    expect(link.tagName).toBe("A");
    expect(link.download).toBe("aube-export.csv");
    expect(link.textContent).toBe("Télécharger les données (CSV)");
    expect(link.href.startsWith("data:text/csv;charset=utf-8,%EF%BB%BFPays%3B")).toBe(true);
    expect(decodeURIComponent(link.href.slice(link.href.indexOf(",") + 1))).toBe(csv);
  });

  it("uses a Blob URL in a browser", () => {
    const created: Blob[] = [];
    const windowUrl = document.defaultView!.URL as {createObjectURL?: (blob: Blob) => string};
    const original = windowUrl.createObjectURL;
    windowUrl.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return "blob:http://127.0.0.1/1234";
    });
    try {
      const link = downloadLink("a;b\r\n", "x.csv", {document});
      expect(link.href).toBe("blob:http://127.0.0.1/1234");
      expect(created[0].type).toBe("text/csv;charset=utf-8");
    } finally {
      windowUrl.createObjectURL = original;
    }
  });
});
