import {rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it, vi} from "vitest";
import {sha256} from "../../src/data/douanes/checksum.js";
import {
  departementOfCommune,
  loadTerritoiresIndustrie,
  readTerritoiresIndustrie
} from "../../src/data/territoires-industrie.js";
import {latin1, tempDir, utf8, workbook} from "./douanes/fixtures.js";

/**
 * A generated list in the ANCT layout (insee_com, lib_com, id_ti, lib_ti). Ids
 * and most names are made up; the Aube's two territories carry their real
 * names. One commune belongs to two territories (both values in one cell).
 */
const HEADER = ["insee_com", "lib_com", "id_ti", "lib_ti"];
const GOOD: string[][] = [
  ["10387", "Romilly-sur-Seine", "T101", "Ouest Champenois"],
  ["10033", "Bar-sur-Aube", "T102", "Sud Champagne"],
  ["10999", "Commune des deux territoires", "T101 ; T102", "Ouest Champenois ; Sud Champagne"],
  ["2A004", "Ajaccio", "T201", "Pays ajaccien"],
  ["2B033", "Bastia", "T202", "Bastia Marana"],
  ["97411", "Saint-Denis", "T301", "Réunion Nord-Est"],
  ["1053", "Bourg-en-Bresse", "T401", "Bresse Revermont"],
  ["74010", "Annecy", "T402", "Vallée de l'Arve"]
];
const BAD: string[][] = [
  ["10111", "Deux ids, un nom", "T101 ; T102", "Ouest Champenois"],
  ["97502", "Saint-Pierre", "T999", "Archipel"],
  ["", "Sans code", "T101", "Ouest Champenois"],
  ["ABCDE", "Code illisible", "T101", "Ouest Champenois"],
  ["51108", "Châlons", "T101", "Ouest Champenois bis"],
  ["51454", "Reims", "", ""]
];

function csv(rows: string[][], separator: "," | ";"): string {
  const quote = (cell: string) => (cell.includes(separator) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [HEADER, ...rows].map((row) => row.map(quote).join(separator)).join("\r\n") + "\r\n";
}

async function fixture(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(await tempDir("ti-"), name);
  await writeFile(path, bytes);
  return path;
}

const expectedAube = [{id: "T101", name: "Ouest Champenois"}, {id: "T102", name: "Sud Champagne"}];

describe("departementOfCommune", () => {
  it("takes three characters overseas, two elsewhere", () => {
    expect(["97411", "2A004", "10387", "01053"].map(departementOfCommune)).toEqual(["974", "2A", "10", "01"]);
  });
});

describe("readTerritoiresIndustrie", () => {
  it("reads the list as published (UTF-8, comma): territories by département, Corsica under 20 too, bad rows counted with reasons", async () => {
    const bytes = utf8(csv([...GOOD, ...BAD, ["", "", "", ""]], ","));
    const path = await fixture("liste-ti-com2023-20240115.csv", bytes);
    const list = readTerritoiresIndustrie(path);
    expect(list.file).toEqual({name: "liste-ti-com2023-20240115.csv", sha256: sha256(bytes), bytes: bytes.length});
    expect(list.territories).toBe(7);
    expect(list.byDepartement["10"]).toEqual(expectedAube);
    expect(list.byDepartement["2A"]).toEqual([{id: "T201", name: "Pays ajaccien"}]);
    expect(list.byDepartement["2B"]).toEqual([{id: "T202", name: "Bastia Marana"}]);
    expect(list.byDepartement["20"]).toEqual([{id: "T202", name: "Bastia Marana"}, {id: "T201", name: "Pays ajaccien"}]);
    expect(list.byDepartement["974"]).toEqual([{id: "T301", name: "Réunion Nord-Est"}]);
    expect(list.byDepartement["01"]).toEqual([{id: "T401", name: "Bresse Revermont"}]);
    expect(Object.keys(list.byDepartement).sort()).toEqual(["01", "10", "20", "2A", "2B", "74", "974"]);
    expect(list.rows).toMatchObject({read: GOOD.length + BAD.length, kept: GOOD.length, rejected: BAD.length});
    const reasons = Object.fromEntries(list.rows.reasons.map((r) => [r.reason, r]));
    expect(Object.keys(reasons)).toHaveLength(6);
    expect(reasons["autant d'identifiants (id_ti) que de noms (lib_ti) attendus, séparés par « ; »"]).toEqual({
      reason: "autant d'identifiants (id_ti) que de noms (lib_ti) attendus, séparés par « ; »",
      count: 1,
      examples: ["ligne 10 : 10111 | Deux ids, un nom | T101 ; T102 | Ouest Champenois"]
    });
    // Most frequent first, then alphabetical.
    expect(list.rows.reasons.map((r) => [r.reason, r.count])).toEqual([
      ["autant d'identifiants (id_ti) que de noms (lib_ti) attendus, séparés par « ; »", 1],
      ["code commune invalide (attendu : 5 caractères INSEE, comme 10387 ou 2A004)", 1],
      ["code commune vide", 1],
      ["commune hors des départements du site (collectivité d'outre-mer ?)", 1],
      ["identifiant (id_ti) ou nom (lib_ti) de territoire vide", 1],
      ["identifiant déjà lu avec un autre nom (T101 : « Ouest Champenois »)", 1]
    ]);
  });

  it("reads latin-1 with ';' separators, the two-territory cell quoted", async () => {
    const path = await fixture("liste.csv", latin1(csv(GOOD, ";")));
    const list = readTerritoiresIndustrie(path);
    expect(list.byDepartement["10"]).toEqual(expectedAube);
    expect(list.byDepartement["74"]).toEqual([{id: "T402", name: "Vallée de l'Arve"}]);
    expect(list.byDepartement["974"][0].name).toBe("Réunion Nord-Est");
    expect(list.rows).toEqual({read: GOOD.length, kept: GOOD.length, rejected: 0, reasons: []});
  });

  it("reads UTF-8 with a BOM and headers in another case", async () => {
    const text = "\uFEFF" + csv(GOOD, ";").replace("insee_com;lib_com;id_ti;lib_ti", "INSEE_COM;Lib_Com;ID_TI;LIB_TI");
    const list = readTerritoiresIndustrie(await fixture("liste.csv", utf8(text)));
    expect(list.byDepartement["10"]).toEqual(expectedAube);
  });

  it("reads an .xlsx copy with the same columns (commune codes as numbers lose their zero)", async () => {
    const rows = [HEADER, ...GOOD.map(([commune, ...rest]) => [/^\d+$/.test(commune) ? Number(commune) : commune, ...rest])];
    const list = readTerritoiresIndustrie(await fixture("liste.xlsx", workbook(rows, "xlsx")));
    expect(list.byDepartement["10"]).toEqual(expectedAube);
    expect(list.byDepartement["01"]).toEqual([{id: "T401", name: "Bresse Revermont"}]);
  });

  it("missing columns: the file and the headers seen are named", async () => {
    const path = await fixture("autre.csv", utf8("code_commune,nom_commune,territoire\n10387,Romilly,Ouest Champenois\n"));
    expect(() => readTerritoiresIndustrie(path)).toThrow(
      `Territoires d'industrie (${path}) : colonne(s) manquante(s) : insee_com, id_ti, lib_ti — en-têtes lus : « code_commune », « nom_commune », « territoire »`
    );
  });

  it("a missing file, an HTML page, a list with no usable row: French errors naming the file", async () => {
    expect(() => readTerritoiresIndustrie("/nulle/part/liste.csv")).toThrow("Territoires d'industrie (/nulle/part/liste.csv) : fichier introuvable.");
    const page = await fixture("liste.csv", utf8("<!DOCTYPE html><html><body>Erreur 404</body></html>"));
    expect(() => readTerritoiresIndustrie(page)).toThrow(new RegExp(`\\(${page}\\) : ce fichier est une page HTML.*liste-ti-com2023`));
    const useless = await fixture("liste.csv", utf8(csv(BAD.slice(1, 3), ",")));
    expect(() => readTerritoiresIndustrie(useless)).toThrow(/aucune ligne utilisable sur 2 : .*hors des départements.*ligne 2 : 97502/);
  });
});

describe("loadTerritoiresIndustrie", () => {
  it("is null without TERRITOIRES_INDUSTRIE_FILE", () => {
    expect(loadTerritoiresIndustrie({})).toBeNull();
    expect(loadTerritoiresIndustrie({TERRITOIRES_INDUSTRIE_FILE: " "})).toBeNull();
  });

  it("reads the file once per process and reports rejected rows once", async () => {
    const path = await fixture("liste.csv", utf8(csv([...GOOD, BAD[0]], ",")));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const first = loadTerritoiresIndustrie({TERRITOIRES_INDUSTRIE_FILE: path});
      await rm(path);
      expect(loadTerritoiresIndustrie({TERRITOIRES_INDUSTRIE_FILE: path})).toBe(first);
      expect(first?.byDepartement["10"]).toEqual(expectedAube);
      const written = stderr.mock.calls.map((call) => String(call[0]));
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(/liste\.csv : 9 lignes lues = 8 gardées \+ 1 rejetées/);
    } finally {
      stderr.mockRestore();
    }
  });
});
