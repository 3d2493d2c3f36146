import {readTerritoiresIndustrie} from "../../src/data/territoires-industrie.js";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {territoiresIndustrieBlock} from "../../src/factsheet/territoires-industrie.js";
import {latin1, tempDir} from "../data/douanes/fixtures.js";

// A generated list in the ANCT layout, latin-1 and ';' as a spreadsheet re-saves it; ids made up.
const LIST = [
  "insee_com;lib_com;id_ti;lib_ti",
  "10387;Romilly-sur-Seine;T101;Ouest Champenois",
  '10999;Commune des deux territoires;"T102 ; T101";"Sud Champagne ; Ouest Champenois"',
  "10033;Bar-sur-Aube;T102;Sud Champagne",
  "2B033;Bastia;T202;Bastia <Marana> & Co",
  "97502;Saint-Pierre;T999;Archipel"
].join("\r\n");

async function listFile(): Promise<string> {
  const path = join(await tempDir("ti-block-"), "liste-ti-com2023-20240115.csv");
  await writeFile(path, latin1(LIST));
  return path;
}

describe("Territoires d'industrie block", () => {
  it("lists the Aube's territories, sorted, each once", async () => {
    const env = readTerritoiresIndustrie(await listFile());
    expect(territoiresIndustrieBlock("10", env)).toBe(`<p class="factsheet-ti">Territoires d'industrie : Ouest Champenois, Sud Champagne.</p>`);
    expect(territoiresIndustrieBlock("2B", env)).toBe(`<p class="factsheet-ti">Territoires d'industrie : Bastia &lt;Marana&gt; &amp; Co.</p>`);
    expect(territoiresIndustrieBlock("51", env)).toMatch(/Aucun Territoire d'industrie dans ce département/);
  });

  it("says plainly, without the list, that it is not part of this edition", () => {
    expect(territoiresIndustrieBlock("10", null)).toMatch(/n'est pas reprise dans cette édition/);
    expect(territoiresIndustrieBlock("10", null)).not.toMatch(/TERRITOIRES_INDUSTRIE_FILE|variable/);
  });
});
