/**
 * Silent loss (issue 15): inputs that used to exit 0 and publish wrong
 * figures. Each case is built here, in the layout it applies to — the old
 * région zips (crossed « pays_produits » workbooks, quarter headers such as
 * « 2024-T4 ») and the customs' bulk files — and must now be refused with a
 * message naming what is wrong, or counted as rejected (read = kept + rejected).
 */
import {describe, expect, it} from "vitest";
import {inspectInputs} from "../../src/data/douanes/inspect.js";
import {runPipeline} from "../../src/data/douanes/run-pipeline.js";
import {listLocalInputs, resolveSource} from "../../src/data/douanes/source.js";
import type {Manifest} from "../../src/data/douanes/manifest.js";
import {withDuckDB} from "../../src/data/parquet-output.js";
import {territoryFigures} from "../../src/factsheet/territory-figures.js";
import type {SiteFigures} from "../../src/factsheet/figures.js";
import {factsheetMarkdown} from "../../src/factsheet/page.js";
import {createFixture} from "../data/synthetic-trade.js";
import {bulkText, CROSSED_QUARTERS, labelText, latin1, regionEntries, tempDir, utf8, workbook, writeFolder, zip, type BulkLine, type DeptFixture, type Row} from "../data/douanes/fixtures.js";
import {siteFigures} from "../factsheet/site-fixture.js";

/** The old layout's quarter headers: « 2023-T3 » … « 2024-T4 ». */
const HEADERS = CROSSED_QUARTERS.map((q) => q.replace("T", "-T"));
const aube: DeptFixture = {
  dept: "10",
  exports: [["14.13", "DE", [1, 2, 3, 4, 5, 6]], ["20.14", "BE", [10, 20, 30, 40, 50, 60]]],
  imports: [["20.14", "CN", [100, 100, 100, 100, 100, 100]]]
};
const marne: DeptFixture = {dept: "51", exports: [["11.02", "US", [7, 7, 7, 7, 7, 7]]], imports: [["11.02", "IT", [1, 2, 3, 4, 5, 6]]]};
const LABELS: [string, string][] = [["14.13", "Vêtements de dessus"], ["20.14", "Produits chimiques organiques"], ["11.02", "Vins de raisin"]];

/** A crossed workbook with the given header row (a misspelling, a bad quarter) over the fixture's lines. */
function crossed(fixture: DeptFixture, flow: "exports" | "imports", header: string[] = ["Département", "Code produit", "Code pays", ...HEADERS]): Uint8Array {
  return workbook([header, ...fixture[flow].map(([product, country, values]): Row => [fixture.dept, product, country, ...values])]);
}

/** A région zip of the Aube and the Marne, entries changed by `edit`, run through the pipeline. */
async function runRegion(edit: (entries: Record<string, Uint8Array>) => void = () => {}, env: Record<string, string> = {}, depts = [aube, marne]): Promise<{manifest: Manifest; out: string}> {
  const entries = regionEntries(depts, LABELS, HEADERS);
  edit(entries);
  const folder = await writeFolder({"region_44.zip": zip(entries)});
  const out = await tempDir("hostile-loss-out-");
  const plan = await resolveSource({TRADE_SOURCE: folder, ...env});
  return {manifest: await runPipeline(plan, out), out};
}

async function query(sql: string): Promise<unknown[][]> {
  return withDuckDB(async (connection) => (await connection.runAndReadAll(sql)).getRows() as unknown[][]);
}

const parquet = (out: string, name: string) => `'${out}/${name}'`.replace(/\\/g, "/");

// Bulk layout: two départements of the list, both flows, every quarter of 2024.
const BULK_DEPTS = [["10", "13"], ["51", "13"]] as const;
function bulkLines(flow: "E" | "I", change: (line: BulkLine) => BulkLine | undefined = (line) => line): BulkLine[] {
  const lines: BulkLine[] = [];
  for (let quarter = 1; quarter <= 4; quarter++) for (const [dept, region] of BULK_DEPTS) {
    const line = change({flow, quarter, year: 2024, dept, region, a129: "C14Z", cpf4: "1413", country: "DE", value: 1000 * quarter, mass: 10});
    if (line) lines.push(line);
  }
  return lines;
}
const DEPT_LIST = "Code département;Libellé;Code région;Libellé région\r\n10;Aube;13;Grand Est\r\n51;Marne;13;Grand Est\r\n";

async function runBulk(files: Record<string, Uint8Array>, env: Record<string, string> = {}): Promise<{manifest: Manifest; out: string}> {
  const folder = await writeFolder({
    "REGIONAL_CPF4PAYSE.txt": utf8(bulkText(bulkLines("E"))),
    "REGIONAL_CPF4PAYSI.txt": utf8(bulkText(bulkLines("I"))),
    "Departement_region.txt": utf8(DEPT_LIST),
    ...files
  });
  const out = await tempDir("hostile-loss-out-");
  return {manifest: await runPipeline(await resolveSource({TRADE_SOURCE: folder, ...env}), out), out};
}

function balanced(manifest: Manifest): void {
  for (const part of Object.values(manifest.rows)) expect(part.read).toBe(part.kept + part.rejected);
}

describe("a misspelled header that re-types a file", () => {
  it.each([
    ["Code pyas", ["Code produit", "Code pyas"], "un tableau par produit"],
    ["Code prodiut", ["Code prodiut", "Code pays"], "un tableau par pays"]
  ])("« %s » in a crossed « pays_produits » file refuses it, naming the file and both readings", async (misspelled, codes, reading) => {
    const header = ["Département", ...codes, ...HEADERS];
    const run = runRegion((entries) => (entries["10_export_pays_produits.xls"] = crossed(aube, "exports", header)));
    await expect(run).rejects.toThrow(new RegExp(`region_44\\.zip/10_export_pays_produits\\.xls( \\[feuille « Feuil1 »\\])? : le nom du fichier annonce un tableau croisé Pays × Produits mais ses colonnes en font ${reading}`));
    await expect(run).rejects.toThrow(new RegExp(`En-têtes lus : .*« ${misspelled} »`));
  });
});

describe("completeness per département × flow × quarter", () => {
  it("a deleted crossed export file is an error naming the département, the flow and the quarters; data:check says so too", async () => {
    await expect(runRegion((entries) => delete entries["10_export_pays_produits.xls"])).rejects.toThrow(
      /Source incomplète : 6 couple\(s\).*département 10, exportations \(fichiers croisés Pays × Produits\) : 2023T3, 2023T4, 2024T1, 2024T2, 2024T3, 2024T4.*TRADE_ALLOW_GAPS=1/
    );
    const entries = regionEntries([aube, marne], LABELS, HEADERS);
    delete entries["10_export_pays_produits.xls"];
    const printed: string[] = [];
    const summary = await inspectInputs(await listLocalInputs(await writeFolder({"region_44.zip": zip(entries)})), (line) => printed.push(line));
    expect(printed.join("\n")).toContain("✗ département 10, exportations (fichiers croisés Pays × Produits) : 2023T3, 2023T4, 2024T1, 2024T2, 2024T3, 2024T4");
    expect(summary.fatalErrors).toContain("6 trou(s) département × flux × trimestre (TRADE_ALLOW_GAPS=1 pour publier quand même, avec un avertissement)");
  });

  it("deleted products files (both flows) are an error naming the département and both flows", async () => {
    const run = runRegion((entries) => delete entries["10_produits.xls"]);
    await expect(run).rejects.toThrow(/département 10, exportations \(fichiers par produit\) : 2023T3.*2024T4 ; département 10, importations \(fichiers par produit\) : 2023T3.*2024T4/);
  });

  it("a misspelled quarter header (« 2024-4 ») is an error naming the département, the flow and the quarter", async () => {
    const header = ["Département", "Code produit", "Code pays", ...HEADERS.slice(0, 5), "2024-4"];
    await expect(runRegion((entries) => (entries["10_export_pays_produits.xls"] = crossed(aube, "exports", header))))
      .rejects.toThrow(/Source incomplète : 1 couple\(s\) département × flux × trimestre sans aucune valeur — département 10, exportations \(fichiers croisés Pays × Produits\) : 2024T4\./);
  });

  it("with TRADE_ALLOW_GAPS=1 the hole is published, recorded in the manifest and warned about", async () => {
    const header = ["Département", "Code produit", "Code pays", ...HEADERS.slice(0, 5), "2024-4"];
    const {manifest} = await runRegion((entries) => (entries["10_export_pays_produits.xls"] = crossed(aube, "exports", header)), {TRADE_ALLOW_GAPS: "1"});
    expect(manifest.gaps).toEqual([{table: "fichiers croisés Pays × Produits", dept: "10", flow: "export", quarter: "2024T4"}]);
    expect(manifest.warnings.join("\n")).toMatch(/Source incomplète, publiée à la demande \(TRADE_ALLOW_GAPS=1\).*département 10, exportations/);
    await expect(resolveSource({TRADE_SOURCE: "demo", TRADE_ALLOW_GAPS: "oui"})).rejects.toThrow(/TRADE_ALLOW_GAPS : « oui »/);
  });

  it("with TRADE_ALLOW_GAPS=1 the pages concerned say so in one sentence: the département's, its région's, France's", async () => {
    const fixture = await createFixture();
    try {
      const gaps = [{table: "fichiers croisés Pays × Produits", dept: "10", flow: "export" as const, quarter: "2024T4"}, {table: "fichiers par produit", dept: "10", flow: "import" as const, quarter: "2024T1"}];
      const figures: SiteFigures = siteFigures(await territoryFigures(fixture), {synthetic: false, sourceDescription: "essai", gaps});
      expect(factsheetMarkdown("D10", figures)).toContain("Données incomplètes : la source ne contient aucune valeur pour les exportations (4e trimestre 2024) et les importations (1er trimestre 2024) de ce département.");
      for (const id of ["R44", "FR"]) {
        expect(factsheetMarkdown(id, figures)).toContain("la source ne contient aucune valeur pour les exportations (4e trimestre 2024) et les importations (1er trimestre 2024) de l&#39;Aube.");
      }
      for (const id of ["D51", "R93"]) expect(factsheetMarkdown(id, figures)).not.toContain("Données incomplètes");
    } finally {
      await fixture.cleanup();
    }
  });

  it("bulk: a département of the customs' list without rows, or a quarter missing for one flow, is an error", async () => {
    await expect(runBulk({"Departement_region.txt": utf8(DEPT_LIST + "52;Haute-Marne;13;Grand Est\r\n")}))
      .rejects.toThrow(/8 couple\(s\).*département 52, exportations \(fichiers « Bases complètes »\) : 2024T1, 2024T2, 2024T3, 2024T4 ; département 52, importations/);
    const withoutQ3 = bulkLines("E", (line) => (line.dept === "51" && line.quarter === 3 ? undefined : line));
    await expect(runBulk({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(withoutQ3))}))
      .rejects.toThrow(/1 couple\(s\) département × flux × trimestre sans aucune valeur — département 51, exportations \(fichiers « Bases complètes »\) : 2024T3\./);
    const {manifest} = await runBulk({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(withoutQ3))}, {TRADE_ALLOW_GAPS: "1"});
    expect(manifest.gaps).toEqual([{table: "fichiers « Bases complètes »", dept: "51", flow: "export", quarter: "2024T3"}]);
  });
});

describe("conflicting duplicates are never resolved by file-name order", () => {
  const corsica: DeptFixture = {dept: "2A", exports: [["14.13", "IT", [5, 5, 5, 5, 5, 5]]], imports: [["14.13", "IT", [1, 1, 1, 1, 1, 1]]]};

  it("an « (ancienne version) » copy with different values is refused, naming both files", async () => {
    const doubled: DeptFixture = {...corsica, exports: corsica.exports.map(([p, c, values]) => [p, c, values.map((v) => v * 2)])};
    const run = runRegion((entries) => (entries["2A_export_pays_produits (ancienne version).xls"] = crossed(doubled, "exports")), {}, [corsica]);
    await expect(run).rejects.toThrow(/Valeurs contradictoires pour export 2023T3 département 2A produit 1413 pays IT \(fichiers croisés Pays × Produits\)/);
    await expect(run).rejects.toThrow(/« region_44\.zip\/2A_export_pays_produits\.xls », ligne 2 \(valeur 5000 €\) et « region_44\.zip\/2A_export_pays_produits \(ancienne version\)\.xls », ligne 2 \(valeur 10000 €\)/);
  });

  it("an identical copy is still a counted duplicate", async () => {
    const {manifest} = await runRegion((entries) => (entries["2A_export_pays_produits (copie).xls"] = crossed(corsica, "exports")), {}, [corsica]);
    expect(manifest.rows.crossed.reasons.find((r) => r.reason.startsWith("doublon"))?.count).toBe(6);
    balanced(manifest);
  });

  it("bulk: two files disagreeing on a key are refused, naming both", async () => {
    const other = bulkText(bulkLines("E", (line) => ({...line, value: Number(line.value) * 2})));
    await expect(runBulk({"annuels/Region_2024_Export.txt": utf8(other)}).then(() => "publié")).resolves.toBe("publié"); // the rolling series wins a whole (flow, year)
    await expect(runBulk({"REGIONAL_CPF4PAYSE_ancienne_version.txt": utf8(other)})).rejects.toThrow(/Valeurs contradictoires pour E 2024T1 département 10 produit 1413 pays DE : « REGIONAL_CPF4PAYSE\.txt », ligne 1 .* et « REGIONAL_CPF4PAYSE_ancienne_version\.txt », ligne 1/);
  });
});

describe("labels and numbers corrupted by another tool", () => {
  /** Windows-1252 bytes (every character used is in latin-1) behind a UTF-8 byte-order mark. */
  const bomThenCp1252 = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...latin1(text)]);

  it("a Windows-1252 label file behind a UTF-8 BOM is decoded, never published with U+FFFD (région zip)", async () => {
    const {out} = await runRegion((entries) => (entries["libelles_produits.csv"] = bomThenCp1252("Code produit;Libellé produit\r\n14.13;Vêtements de dessus\r\n20.14;Produits chimiques organiques élémentaires\r\n11.02;Vins de raisin\r\n")));
    const names = await query(`SELECT code, name FROM ${parquet(out, "products.parquet")} WHERE level = 'cpf4' ORDER BY code`);
    expect(names).toContainEqual(["1413", "Vêtements de dessus"]);
    expect(names).toContainEqual(["2014", "Produits chimiques organiques élémentaires"]);
    expect(names.some(([, name]) => String(name).includes("\uFFFD"))).toBe(false);
  });

  it("a Windows-1252 label file behind a UTF-8 BOM is decoded (bulk); a file mixing both encodings is refused, named", async () => {
    const labels = labelText([["1413", "Autres vêtements de dessus", "201501", "999912"]]);
    const {out, manifest} = await runBulk({"Libelle_CPF4_rev2.1.txt": bomThenCp1252(labels)});
    expect(await query(`SELECT name FROM ${parquet(out, "products.parquet")} WHERE code = '1413'`)).toEqual([["Autres vêtements de dessus"]]);
    expect(manifest.labels.find((l) => l.kind === "cpf4")?.encoding).toBe("windows-1252 (BOM UTF-8 trompeur)");
    const mixed = Uint8Array.from([...bomThenCp1252(labels), ...utf8("2014;Produits chimiques élémentaires;201501;999912\r\n")]);
    await expect(runBulk({"Libelle_CPF4_rev2.1.txt": mixed})).rejects.toThrow(/Libelle_CPF4_rev2\.1\.txt : marque UTF-8 \(BOM\) en tête mais octets invalides en UTF-8/);
    const replaced = utf8(labelText([["1413", "C\uFFFDr\uFFFDales", "201501", "999912"]]));
    await expect(runBulk({"Libelle_CPF4_rev2.1.txt": replaced})).rejects.toThrow(/Libelle_CPF4_rev2\.1\.txt, ligne 2 : libellé « C.r.ales » contenant le caractère de remplacement U\+FFFD/);
  });

  it("product codes stored as numbers (19.2 for « 19.20 », 1.11 for « 01.11 ») are restored, not split into new products", async () => {
    const numeric: DeptFixture = {dept: "10", exports: [["19.20", "DE", [1, 1, 1, 1, 1, 1]], ["01.11", "BE", [2, 2, 2, 2, 2, 2]]], imports: [["19.20", "CN", [3, 3, 3, 3, 3, 3]]]};
    const asNumbers = (fixture: DeptFixture, flow: "exports" | "imports") =>
      workbook([["Département", "Code produit", "Code pays", ...HEADERS], ...fixture[flow].map(([p, c, values]): Row => [fixture.dept, Number(p), c, ...values])]);
    const {out, manifest} = await runRegion((entries) => {
      entries["10_export_pays_produits.xls"] = asNumbers(numeric, "exports");
      entries["10_import_pays_produits.xls"] = asNumbers(numeric, "imports");
    }, {}, [numeric]);
    expect(await query(`SELECT DISTINCT product, a129 FROM ${parquet(out, "trade.parquet")} ORDER BY 1`)).toEqual([["0111", "A01Z"], ["1920", "C19Z"]]);
    expect(manifest.unknownCodes.a129).toEqual([]);
    expect(manifest.reconciliation.products.cellsDifferent).toBe(0);
  });

  it.each(["1.234.567", "1,234.5"])("a value written « %s » (another locale) refuses the file, naming file, row and column", async (value) => {
    const header = ["Département", "Code produit", "Code pays", ...HEADERS];
    const book = workbook([header, ["10", "14.13", "DE", 1, 2, 3, 4, 5, 6], ["10", "20.14", "BE", 10, value, 30, 40, 50, 60]]);
    await expect(runRegion((entries) => (entries["10_export_pays_produits.xls"] = book)))
      .rejects.toThrow(new RegExp(`region_44\\.zip/10_export_pays_produits\\.xls( \\[feuille « Feuil1 »\\])?, ligne 3, colonne « 2023-T4 » : valeur « ${value.replaceAll(".", "\\.")} » écrite avec un séparateur de milliers`));
  });

  it("bulk: a value written « 1.234.567 » is rejected with its file and line, never read", async () => {
    const lines = bulkLines("E");
    lines.push({...lines[0], country: "BE", value: "1.234.567"});
    const {manifest} = await runBulk({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(lines))});
    const reason = manifest.rows.total.reasons.find((r) => r.reason === "valeur non numérique");
    expect(reason).toMatchObject({count: 1, examples: [{file: "REGIONAL_CPF4PAYSE.txt", row: 9, column: "valeur", value: "1.234.567"}]});
    expect(manifest.totals).toContainEqual({year: 2024, flow: "export", value_eur: 2 * (1000 + 2000 + 3000 + 4000)});
    balanced(manifest);
  });
});

describe("partners that are not foreign", () => {
  const DOMESTIC = ["FR", "MC", "GP", "MQ", "GF", "RE", "YT"];

  it("France, Monaco and the overseas départements as partners are rejected and counted (région zip)", async () => {
    const reunion: DeptFixture = {dept: "974", exports: [["14.13", "MG", [1, 1, 1, 1, 1, 1]], ...DOMESTIC.map((c): [string, string, number[]] => ["14.13", c, [9, 9, 9, 9, 9, 9]])], imports: [["20.14", "CN", [4, 4, 4, 4, 4, 4]]]};
    const {manifest} = await runRegion(undefined, {}, [reunion]);
    const reason = manifest.rows.crossed.reasons.find((r) => r.reason.startsWith("partenaire non étranger"));
    expect(reason?.count).toBe(DOMESTIC.length * 6);
    expect(reason?.examples[0]).toMatchObject({file: "region_44.zip/974_export_pays_produits.xls", row: 3, column: "Code pays", value: "FR"});
    expect(manifest.rows.crossed).toMatchObject({read: 6 + DOMESTIC.length * 6 + 6, kept: 12, rejected: DOMESTIC.length * 6});
    expect(manifest.totals).toContainEqual({year: 2024, flow: "export", value_eur: 4000});
    balanced(manifest);
  });

  it("bulk: the same partners are rejected and counted, the overseas collectivities (NC, PM) kept", async () => {
    const lines = bulkLines("E");
    for (const country of [...DOMESTIC, "NC", "PM"]) lines.push({...lines[0], country, value: 7});
    const {manifest} = await runBulk({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(lines))});
    const reason = manifest.rows.total.reasons.find((r) => r.reason.startsWith("partenaire non étranger"));
    expect(reason?.count).toBe(DOMESTIC.length);
    expect(reason?.examples[0]).toMatchObject({file: "REGIONAL_CPF4PAYSE.txt", row: 9, column: "code pays", value: "FR"});
    expect(manifest.rows.total).toMatchObject({read: 16 + DOMESTIC.length + 2, rejected: DOMESTIC.length});
    expect(manifest.totals).toContainEqual({year: 2024, flow: "export", value_eur: 2 * 10_000 + 14});
    balanced(manifest);
  });
});
