import {describe, expect, it} from "vitest";
import {SourceError} from "../../../src/data/douanes/errors.js";
import {nameHints} from "../../../src/data/douanes/file-names.js";
import {convertFile} from "../../../src/data/douanes/records.js";
import {readTables} from "../../../src/data/douanes/table-reader.js";
import {collect} from "./collect.js";
import {latin1, workbook, type Row} from "./fixtures.js";

function read(bytes: Uint8Array, name: string) {
  const c = collect();
  convertFile(readTables(bytes, name), nameHints(name), c.sink);
  const read = c.facts.length + c.rejects.reduce((s, r) => s + r.count, 0);
  return {...c, read};
}

const header = ["Département", "Flux", "Code produit", "Code pays", "Trimestre", "Valeur (k€)"];

describe("row-level problems become rejected values with file, line and value", () => {
  const rows: Row[] = [
    header,
    ["10", "E", "14.13", "DE", "2024T1", 10], // line 2: kept
    ["99", "E", "14.13", "DE", "2024T1", 10], // unknown département
    ["10", "E", "14.13", "ZZ", "2024T1", 10], // unknown country
    ["10", "E", "14.13", "DE", "2024T2", -5], // negative
    ["10", "E", "14.13", "DE", "2024T3", "n/a"], // non-numeric
    ["10", "E", "14.13", "DE", "2024T4", "s"], // confidential
    ["10", "E", "14.13", "DE", "2024T1", 10], // duplicate of line 2: detected later in DuckDB
    [null, null, null, null, null, null], // blank line
    ["10", "E", "14.13", "DE", "2024T1", 1.0001], // four decimals
    ["10", "Z", "14.13", "DE", "2024T1", 1], // unknown flow
    ["10", "E", "14.13", "DE", "202401", 1], // unreadable period
    ["Total", null, null, null, null, 1000] // trailing total
  ];
  const result = read(workbook(rows), "region_44_pays_produits.xls");
  const reasonOf = (line: number) => result.rejects.find((r) => r.row === line);

  it("names the reason, line, column and value of each", () => {
    expect(reasonOf(3)).toMatchObject({reason: "code département inconnu", column: "Département", value: "99"});
    expect(reasonOf(4)).toMatchObject({reason: "code pays inconnu", column: "Code pays", value: "ZZ"});
    expect(reasonOf(5)).toMatchObject({reason: "valeur négative", value: "-5"});
    expect(reasonOf(6)).toMatchObject({reason: "valeur non numérique", value: "n/a"});
    expect(reasonOf(7)).toMatchObject({reason: "valeur confidentielle (secret statistique)"});
    expect(reasonOf(9)).toMatchObject({reason: "ligne vide"});
    expect(reasonOf(10)).toMatchObject({reason: "plus de trois décimales", value: "1.0001"});
    expect(reasonOf(11)).toMatchObject({reason: "flux inconnu (attendu E/I, export/import)", value: "Z"});
    expect(reasonOf(12)).toMatchObject({reason: "période illisible", value: "202401"});
    expect(reasonOf(13)).toMatchObject({reason: "ligne de total", value: "Total"});
  });

  it("keeps the accounting identity: read = kept + rejected", () => {
    expect(result.read).toBe(rows.length - 1);
    expect(result.facts).toHaveLength(2); // line 2 and its duplicate (line 8), rejected later by the pipeline
  });
});

describe("fatal problems throw a SourceError naming the file", () => {
  const fails = (bytes: Uint8Array, name: string) => () => read(bytes, name);

  it("unknown headers: lists the headers seen and the synonyms expected", () => {
    expect(fails(workbook([["Foo", "Bar"], [1, 2]]), "10_pays.xls")).toThrow(/10_pays\.xls.*En-têtes lus : « Foo », « Bar ».*code pays/s);
  });
  it("empty file", () => {
    expect(fails(new Uint8Array(), "10_pays.csv")).toThrow(/10_pays\.csv : fichier vide/);
  });
  it("an HTML page instead of a workbook", () => {
    expect(fails(latin1("<!DOCTYPE html><html><body>Erreur 404</body></html>"), "10_pays.xls")).toThrow(/page HTML/);
  });
  it("a truncated workbook", () => {
    const bytes = workbook([header, ["10", "E", "14.13", "DE", "2024T1", 10]]);
    expect(fails(bytes.subarray(0, 1000), "10_pays_produits.xls")).toThrow(SourceError);
  });
  it("no flow anywhere", () => {
    expect(fails(workbook([["Code produit", "Code pays", "2024T1"], ["14.13", "DE", 1]]), "10_pays_produits.xls")).toThrow(/flux inconnu/);
  });
});

describe("truncated text file", () => {
  it("rejects the cut last line as incomplete", () => {
    const text = "Département;Flux;Code pays;Trimestre;Valeur\r\n10;E;DE;2024T1;5\r\n10;E;BE;2024";
    const result = read(latin1(text), "x_pays.csv");
    expect(result.facts).toHaveLength(1);
    expect(result.rejects[0]).toMatchObject({reason: "ligne incomplète (fichier tronqué ?)", row: 3});
  });
});
