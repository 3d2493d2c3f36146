/**
 * A 10 000-character label (issue 15) made the data tables 87 000–123 000 px
 * wide and the downloads four times bigger. Labels are cut at ingestion
 * (MAX_LABEL_LENGTH, ending with « … », the codes named in a warning), in both
 * layouts; and a data table's text cells wrap anywhere.
 */
import {readFileSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {unzipSync, zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {dataTable} from "../../src/components/data-table.js";
import {jsdomWindow} from "../../src/factsheet/prerender.js";
import {readLabelFile} from "../../src/data/douanes/bulk/labels.js";
import {boundLabel, MAX_LABEL_LENGTH} from "../../src/data/douanes/label-length.js";
import {pipelineFor} from "../../src/data/douanes/pipeline.js";
import {resolveSource} from "../../src/data/douanes/source.js";
import {withDuckDB} from "../../src/data/parquet-output.js";
import {labelText, latin1, regionZip, tempDir, utf8, type DeptFixture} from "../data/douanes/fixtures.js";

const HUGE = "Céréales" + "x".repeat(10_000);
const aube: DeptFixture = {dept: "10", exports: [["14.13", "DE", [1, 2, 3, 4, 5, 6]]], imports: [["11.02", "IT", [6, 5, 4, 3, 2, 1]]]};

describe("boundLabel", () => {
  it("keeps a label up to the limit as it is", () => {
    expect(boundLabel("Vins de raisin")).toBe("Vins de raisin");
    expect(boundLabel("é".repeat(MAX_LABEL_LENGTH))).toBe("é".repeat(MAX_LABEL_LENGTH));
  });

  it("cuts a longer one to the limit, ending with « … », without splitting a character", () => {
    const cut = boundLabel(HUGE);
    expect(Array.from(cut)).toHaveLength(MAX_LABEL_LENGTH);
    expect(cut.startsWith("Céréalesxxx")).toBe(true);
    expect(cut.endsWith("x…")).toBe(true);
    expect(Array.from(boundLabel("🌾".repeat(500)))).toEqual([...Array(MAX_LABEL_LENGTH - 1).fill("🌾"), "…"]);
  });
});

describe("at ingestion", () => {
  it("région zips: the label file's huge label is cut in products.parquet, and a warning names the code", async () => {
    const entries: Record<string, Uint8Array> = unzipSync(regionZip([aube], []));
    entries["libelles_produits.csv"] = latin1(`Code produit;Libellé produit\r\n14.13;${HUGE}\r\n11.02;Vins de raisin\r\n`);
    const folder = await tempDir("hostile-label-");
    await writeFile(join(folder, "region_44.zip"), zipSync(entries));
    const outputs = await pipelineFor(await resolveSource({TRADE_SOURCE: folder}), {TRADE_CACHE_DIR: await tempDir("hostile-label-cache-")});
    const names = await withDuckDB(async (connection) => (await connection.runAndReadAll(
      `SELECT code, name FROM '${outputs.productsParquetPath.replaceAll("'", "''")}' WHERE level = 'cpf4' ORDER BY code`)).getRows());
    expect(names).toEqual([["1102", "Vins de raisin"], ["1413", boundLabel(HUGE)]]);
    expect(outputs.manifest.warnings).toContain(`region_44.zip/libelles_produits.csv : 1 libellé(s) de plus de ${MAX_LABEL_LENGTH} caractères, coupé(s) et terminé(s) par « … » : code(s) 1413`);
  });

  it("bulk label files: cut, and listed first among the file's problems", () => {
    const file = readLabelFile(utf8(labelText([["1413", HUGE, "200801", "999912"], ["1102", "Vins de raisin", "200801", "999912"]])), "Libelle_CPF4_rev2.1.txt", "cpf4");
    expect(file.labels.get("1413")![0].label).toBe(boundLabel(HUGE));
    expect(file.labels.get("1102")![0].label).toBe("Vins de raisin");
    expect(file.problems[0]).toBe(`Libelle_CPF4_rev2.1.txt : 1 libellé(s) de plus de ${MAX_LABEL_LENGTH} caractères, coupé(s) et terminé(s) par « … » : code(s) 1413`);
  });
});

describe("in a data table", () => {
  it("text cells are marked to wrap anywhere, numbers are not, and the style sheet says so", async () => {
    const {document} = await jsdomWindow();
    const table = dataTable([{name: "x".repeat(MAX_LABEL_LENGTH), value: 1.5}], [{key: "name", label: "Produit"}, {key: "value", label: "M€", format: "millionEuros"}], {summary: "Données", document});
    const [text, number] = [...table.querySelectorAll("td")];
    expect(text.className).toBe("data-table-text");
    expect(number.className).toBe("");
    expect(readFileSync("src/style.css", "utf8")).toMatch(/\.data-table-text\s*\{\s*overflow-wrap:\s*anywhere;\s*\}/);
  });
});
