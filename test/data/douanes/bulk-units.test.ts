/**
 * The bulk layout's parts: recognition, column order (and its refusal), label
 * files (encoding sniff, quoted `;`, validity), and the refusals a user can
 * hit on a whole source (conflicting duplicates, monthly file, unknown order).
 */
import {describe, expect, it} from "vitest";
import {labelForYear, labelKindOf, readLabelFile} from "../../../src/data/douanes/bulk/labels.js";
import {detectColumnOrder, looksLikeBulk, sampleFields, seriesOfName} from "../../../src/data/douanes/bulk/layout.js";
import {inspectInputs} from "../../../src/data/douanes/inspect.js";
import {runPipeline} from "../../../src/data/douanes/run-pipeline.js";
import {listLocalInputs} from "../../../src/data/douanes/source.js";
import {bulkText, labelText, latin1, tempDir, utf8, writeFolder, type BulkLine} from "./fixtures.js";

const line = (overrides: Partial<BulkLine> = {}): BulkLine => ({flow: "E", quarter: 1, year: 2024, dept: "10", region: "13", a129: "C14Z", cpf4: "1413", country: "DE", value: 100, mass: 5, ...overrides});
const year = (flow: "E" | "I", overrides: Partial<BulkLine> = {}) => [1, 2, 3, 4].map((quarter) => line({flow, quarter, ...overrides}));

async function run(files: Record<string, Uint8Array>) {
  const folder = await writeFolder(files);
  return runPipeline({mode: "path", synthetic: false, description: "test", inputs: await listLocalInputs(folder)}, await tempDir("douanes-out-"));
}

describe("recognition and column order", () => {
  it("recognises bulk data by content, not by name, and a header line is not bulk", () => {
    expect(looksLikeBulk(utf8(bulkText(year("E"))))).toBe(true);
    expect(looksLikeBulk(utf8("Département;Flux;Code pays;Trimestre;Valeur\r\n10;E;DE;2024T1;5\r\n"))).toBe(false);
    expect(looksLikeBulk(utf8(labelText([["1413", "Vêtements", "201501", "999912"]])))).toBe(false);
  });

  it("tells A129-first from CPF4-first files", () => {
    const sample = (order: "a129-cpf4" | "cpf4-a129") => sampleFields(utf8(bulkText(year("E"), order)), true);
    expect(detectColumnOrder(sample("a129-cpf4"), "f").order).toBe("a129-cpf4");
    expect(detectColumnOrder(sample("cpf4-a129"), "f").order).toBe("cpf4-a129");
  });

  it("refuses a file where neither order fits, showing the values seen, in French, saying what to do", () => {
    const text = bulkText(year("E", {a129: "XX", cpf4: "14.13"}));
    expect(() => detectColumnOrder(sampleFields(utf8(text), true), "REGIONAL_CPF4PAYSE.txt")).toThrow(
      /REGIONAL_CPF4PAYSE\.txt : ordre des colonnes A129 \/ CPF4 indéterminé.*Valeurs vues en 6e \/ 7e colonne : « XX » \/ « 14\.13 ».*Que faire/s
    );
  });

  it("reads the series from the name", () => {
    expect(seriesOfName("REGIONAL_CPF4PAYSI.txt")).toEqual({series: "rolling"});
    expect(seriesOfName("Regional-2019-export/Region_2019_Export.txt")).toEqual({series: "annual", year: 2019});
    expect(seriesOfName("Regional_2021_Import.txt")).toEqual({series: "annual", year: 2021});
    expect(seriesOfName("extraction.txt")).toEqual({series: "unknown"});
  });
});

describe("label files", () => {
  const rows: [string, string, string, string][] = [
    ["QU", "Pays et territoires non déterminés (ancien)", "201001", "202212"],
    ["QU", "Pays et territoires non déterminés", "202301", "999912"],
    ["2651", "Appareils de mesure, d'essai et de navigation ; articles d'horlogerie", "201501", "999912"]
  ];

  it.each([
    ["UTF-8", utf8(labelText(rows)), "utf-8"],
    ["UTF-8 with a BOM", utf8("\uFEFF" + labelText(rows)), "utf-8 (BOM)"],
    ["latin-1", latin1(labelText(rows)), "windows-1252"]
  ])("sniffs %s and reads quoted « ; »", (_name, bytes, encoding) => {
    const file = readLabelFile(bytes, "Libelle_PAYS.txt", "country");
    expect(file.encoding).toBe(encoding);
    expect(file.lines).toBe(3);
    expect(labelForYear(file.labels.get("2651"), 2024)).toBe("Appareils de mesure, d'essai et de navigation ; articles d'horlogerie");
    expect(labelForYear(file.labels.get("QU"), 2022)).toBe("Pays et territoires non déterminés (ancien)");
  });

  it("chooses the version valid for the year, the latest one when several are, the last ended when none is", () => {
    const versions = [
      {label: "ancien", start: 200801, end: 202212},
      {label: "nouveau", start: 202301, end: 999912},
      {label: "provisoire", start: 202307, end: 202312}
    ];
    expect(labelForYear(versions, 2020)).toBe("ancien");
    expect(labelForYear(versions, 2023)).toBe("provisoire");
    expect(labelForYear(versions, 2024)).toBe("nouveau");
    expect(labelForYear([{label: "fini", start: 200001, end: 200512}, {label: "plus tard fini", start: 200601, end: 201012}], 2024)).toBe("plus tard fini");
  });

  it("tells label files by name, else by header and codes", () => {
    expect(labelKindOf("Libelle_CPF4_rev2.1.txt", "")).toBe("cpf4");
    expect(labelKindOf("Departement_region.txt", "")).toBe("dept-region");
    expect(labelKindOf("autre.txt", "Code;Libellé;Début;Fin\nC14Z;Articles d'habillement;200901;999912")).toBe("a129");
    expect(labelKindOf("autre.txt", "E;1;2024;10")).toBeUndefined();
  });

  it("reports unreadable validity dates instead of guessing", () => {
    const file = readLabelFile(utf8(labelText([["1413", "Vêtements", "2015", "999912"]])), "Libelle_CPF4_rev2.1.txt", "cpf4");
    expect(file.problems[0]).toMatch(/ligne 2 : dates de validité illisibles \(« 2015 »/);
  });
});

describe("refusals of a whole source", () => {
  it("two rows with the same key and different values: names both places", async () => {
    const text = bulkText([...year("E"), ...year("I"), line({value: 999})]);
    await expect(run({"REGIONAL_CPF4PAYSE.txt": utf8(text)})).rejects.toThrow(
      /Valeurs contradictoires pour E 2024T1 département 10 produit 1413 pays DE : « REGIONAL_CPF4PAYSE\.txt », ligne 1 \(.*valeur 100 €.*\) et « REGIONAL_CPF4PAYSE\.txt », ligne 9 \(.*valeur 999 €.*Que faire/
    );
  });

  it("across two files, the same (flow, year) is an overlap: the rolling series is kept, the other file's rows rejected naming it", async () => {
    const manifest = await run({
      "REGIONAL_CPF4PAYSE.txt": utf8(bulkText([...year("E"), ...year("I")])),
      "autre.txt": utf8(bulkText([line({flow: "I", value: 7}), line({flow: "I", quarter: 2, value: 100})]))
    });
    expect(manifest.rows.total).toMatchObject({read: 10, kept: 8, rejected: 2});
    expect(manifest.rows.total.reasons[0]).toMatchObject({reason: expect.stringMatching(/^importations 2024 aussi fournies par « REGIONAL_CPF4PAYSE\.txt »/), count: 2});
    expect(manifest.rows.total.reasons[0].examples[0]).toMatchObject({file: "autre.txt", row: 1});
  });

  it("a file whose quarter column holds months is refused", async () => {
    const months = Array.from({length: 12}, (_, i) => line({quarter: i + 1}));
    await expect(run({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(months))})).rejects.toThrow(/trimestre entre 5 et 12 : ce fichier semble mensuel/);
  });

  it("a file where neither column order fits is refused through the pipeline", async () => {
    await expect(run({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(year("E", {a129: "1413", cpf4: "1413"})))})).rejects.toThrow(/ordre des colonnes A129 \/ CPF4 indéterminé.*« 1413 » \/ « 1413 »/s);
  });

  it("a source mixing the two layouts is refused", async () => {
    const {workbook} = await import("./fixtures.js");
    await expect(run({
      "REGIONAL_CPF4PAYSE.txt": utf8(bulkText(year("E"))),
      "10_pays.xls": workbook([["Département", "Flux", "Code pays", "Trimestre", "Valeur"], ["10", "E", "DE", "2024T1", 5]])
    })).rejects.toThrow(/mélange deux dispositions/);
  });

  it("every line rejected: nothing to publish, says what to do", async () => {
    await expect(run({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(year("E", {value: "n/a"})))})).rejects.toThrow(/Aucune ligne gardée.*npm run data:check/);
  });
});

describe("npm run data:check on a bulk source", () => {
  it("prints layout, column order per file, quarters, rows per département, missing labels, totals and rejections", async () => {
    const folder = await writeFolder({
      "REGIONAL_CPF4PAYSE.txt": utf8(bulkText([...year("E", {dept: "9D", region: "24"}), line({cpf4: "x"})])),
      "REGIONAL_CPF4PAYSI.txt": utf8(bulkText(year("I", {country: "QU"}), "cpf4-a129")),
      "Libelle_PAYS.txt": utf8(labelText([["DE", "Allemagne", "199001", "999912"]]))
    });
    const printed: string[] = [];
    const summary = await inspectInputs(await listLocalInputs(folder), (text) => printed.push(text));
    const output = printed.join("\n");
    // Exports from 9D only, imports from 10 only: four holes each, named.
    expect(summary.fatalErrors).toEqual([expect.stringMatching(/^8 trou\(s\) département × flux × trimestre/)]);
    expect(output).toContain("département 10, exportations (fichiers « Bases complètes ») : 2024T1, 2024T2, 2024T3, 2024T4");
    expect(output).toContain("département 974, importations (fichiers « Bases complètes ») : 2024T1, 2024T2, 2024T3, 2024T4");
    expect(output).toContain("Disposition : « Bases complètes »");
    expect(output).toMatch(/REGIONAL_CPF4PAYSE\.txt : colonnes A129 puis CPF4.*5 lignes lues = 4 gardées \+ 1 rejetées/);
    expect(output).toMatch(/REGIONAL_CPF4PAYSI\.txt : colonnes CPF4 puis A129/);
    expect(output).toContain("2024 : T1, T2, T3, T4");
    expect(output).toContain("10 : 4 ; 9D : 4");
    expect(output).toContain("codes country des données absents des libellés : QU");
    expect(output).toMatch(/2024 export : 400 €/);
    expect(output).toMatch(/code CPF4 invalide.*REGIONAL_CPF4PAYSE\.txt, ligne 5, colonne « CPF4 » : « x »/);
  });
});
