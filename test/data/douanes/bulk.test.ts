/**
 * The bulk layout end to end: rolling and annual files (one in a zip holding
 * two years), both column orders, both line readers, UTF-8 / latin-1 / BOM
 * label files, the customs' own codes (20, 99, 9D, QU, XC) — through
 * pipelineFor, checked against an independent DuckDB recomputation from the
 * fixture texts, to the euro.
 */
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import type {PipelineOutputs} from "../../../src/data/douanes/pipeline.js";
import {pipelineFor} from "../../../src/data/douanes/pipeline.js";
import {listLocalInputs} from "../../../src/data/douanes/source.js";
import {withDuckDB} from "../../../src/data/parquet-output.js";
import {bulkText, labelText, latin1, tempDir, utf8, writeFolder, zip, type BulkLine} from "./fixtures.js";

const PRODUCTS = [["C14Z", "1413"], ["C20A", "2014"], ["C11Z", "1102"], ["C10A", "1011"], ["A01Z", "0111"]] as const;
const PLACES = [["10", "13", "DE"], ["20", "22", "IT"], ["99", "21", "US"], ["9D", "24", "QU"], ["10", "13", "XC"], ["96", "13", "BE"], ["51", "21", "XK"]] as const;

/** Deterministic lines for a flow and years: every place × product × quarter. */
function lines(flow: "E" | "I", years: number[], salt: number): BulkLine[] {
  const out: BulkLine[] = [];
  for (const year of years) for (let quarter = 1; quarter <= 4; quarter++) {
    PLACES.forEach(([dept, region, country], p) => PRODUCTS.forEach(([a129, cpf4], k) => {
      const value = 1000 * (p + 1) + 10 * k + quarter + (year - 2020) * 100_000 + salt;
      out.push({flow, quarter, year, dept, region, a129, cpf4, country, value, mass: (p + k) % 3 === 0 ? "" : value * 2});
    }));
  }
  return out;
}

const good: BulkLine = {flow: "E", quarter: 1, year: 2024, dept: "10", region: "13", a129: "C14Z", cpf4: "1413", country: "DE", value: 5, mass: 1};
const bad: [string, BulkLine | string][] = [
  ["nombre de champs incorrect", "E;1;2024;10;13;C14Z"],
  ["nombre de champs incorrect", "E;1;2024;10;13;C14Z;1413;FR;100;5;en trop"],
  ["ligne vide", ""],
  ["flux inconnu", {...good, flow: "X"}],
  ["trimestre hors 1–4", {...good, quarter: 0}],
  ["année illisible", {...good, year: "20x4"}],
  ["code département vide", {...good, dept: ""}],
  ["code département invalide", {...good, dept: "1"}],
  ["code A129 invalide", {...good, a129: "C14"}],
  ["code CPF4 invalide", {...good, cpf4: "14.13"}],
  ["code pays invalide", {...good, country: "D1"}],
  ["valeur non numérique", {...good, value: "abc"}],
  ["valeur négative", {...good, value: "-5"}],
  ["valeur vide", {...good, value: ""}],
  ["masse négative", {...good, mass: "-3"}],
  ["masse invalide", {...good, mass: "x"}]
];

const exportsRolling = [...lines("E", [2023, 2024], 0), ...bad.map(([, line]) => line)];
// An identical copy of the first line: a duplicate.
exportsRolling.push(exportsRolling[0]);

const texts: Record<string, {text: string; order: "a129-cpf4" | "cpf4-a129"}> = {
  "REGIONAL_CPF4PAYSE.txt": {text: bulkText(exportsRolling, "a129-cpf4"), order: "a129-cpf4"},
  "REGIONAL_CPF4PAYSI.txt": {text: bulkText(lines("I", [2023, 2024], 7), "cpf4-a129", "\n"), order: "cpf4-a129"},
  "Region_2022_Import.txt": {text: bulkText(lines("I", [2022], 3), "cpf4-a129"), order: "cpf4-a129"},
  "Regional-2022-export/Region_2022_Export.txt": {text: bulkText(lines("E", [2022], 5)), order: "a129-cpf4"},
  // 2023 exports again, in an annual file: the rolling series wins.
  "Regional-2023-export/Region_2023_Export.txt": {text: bulkText(lines("E", [2023], 9)), order: "a129-cpf4"}
};

const A129_LABELS: [string, string, string, string][] = [
  ["C14Z", "Articles d'habillement", "200901", "999912"], ["C20A", "Produits chimiques de base, produits azotés, plastiques", "200901", "999912"],
  ["C11Z", "Boissons", "200901", "999912"], ["C10A", "Viande et produits à base de viande", "200901", "999912"], ["A01Z", "Produits de l'agriculture", "200901", "999912"]
];
const CPF4_LABELS: [string, string, string, string][] = [
  ["1413", "Autres vêtements de dessus", "201501", "999912"], ["2014", "Produits chimiques organiques de base", "201501", "999912"],
  ["1102", "Vins de raisin", "201501", "999912"], ["1011", "Viandes de boucherie", "201501", "999912"],
  ["0111", "Céréales (à l'exclusion du riz), légumineuses et oléagineux", "201501", "999912"], ["2651", "Appareils de mesure, d'essai et de navigation ; articles d'horlogerie", "201501", "999912"]
];
const COUNTRY_LABELS: [string, string, string, string][] = [
  ["DE", "Allemagne", "199001", "999912"], ["IT", "Italie", "199001", "999912"], ["US", "États-Unis", "199001", "999912"], ["BE", "Belgique", "199001", "999912"],
  ["QU", "Pays et territoires non déterminés (ancien libellé)", "201001", "202212"], ["QU", "Pays et territoires non déterminés", "202301", "999912"],
  ["XK", "Kosovo", "202501", "999912"], ["XK", "Kosovo (libellé 2008–2024)", "200801", "202412"]
];
const DEPT_REGIONS = "Code département;Libellé;Code région;Libellé région\r\n10;Aube;13;Grand Est\r\n20;Corse;22;Corse\r\n51;Marne;13;Grand Est\r\n99;Monaco;21;Provence-Alpes-Côte d'Azur\r\n9D;La Réunion;24;DOM\r\n";

let outputs: PipelineOutputs;
let truth: string;

async function q(sql: string): Promise<unknown[][]> {
  return withDuckDB(async (connection) => (await connection.runAndReadAll(sql)).getRows() as unknown[][]);
}

beforeAll(async () => {
  const folder = await writeFolder({
    "REGIONAL_CPF4PAYSE.txt": utf8(texts["REGIONAL_CPF4PAYSE.txt"].text),
    "REGIONAL_CPF4PAYSI.txt": utf8(texts["REGIONAL_CPF4PAYSI.txt"].text),
    "annuels/Region_2022_Import.txt": utf8(texts["Region_2022_Import.txt"].text),
    "annuels/202002_regional_2022_export.zip": zip({
      "Regional-2022-export/Region_2022_Export.txt": utf8(texts["Regional-2022-export/Region_2022_Export.txt"].text),
      "Regional-2023-export/Region_2023_Export.txt": utf8(texts["Regional-2023-export/Region_2023_Export.txt"].text)
    }),
    "Libelle_A129.txt": latin1(labelText(A129_LABELS)),
    "Libelle_CPF4_rev2.1.txt": utf8(labelText(CPF4_LABELS)),
    "Libelle_PAYS.txt": utf8("\uFEFF" + labelText(COUNTRY_LABELS)),
    "Departement_region.txt": utf8(DEPT_REGIONS)
  });
  truth = await tempDir("douanes-truth-");
  for (const [name, {text}] of Object.entries(texts)) await writeFile(join(truth, name.replaceAll("/", "_")), text);
  const plan = {mode: "path" as const, synthetic: false, description: "test", inputs: await listLocalInputs(folder)};
  outputs = await pipelineFor(plan, {TRADE_CACHE_DIR: await tempDir("douanes-cache-")});
}, 60_000);

/**
 * The expected canonical rows, recomputed from the fixture texts alone: one
 * pattern per column order, the customs' overseas codes mapped, the annual
 * 2023 export file left out (the rolling series covers 2023), identical lines once.
 */
function expectedSql(): string {
  const parts = Object.entries(texts).map(([name, {order}]) => {
    const path = join(truth, name.replaceAll("/", "_")).replaceAll("'", "''");
    const [a, c] = order === "a129-cpf4" ? ["a", "c"] : ["c", "a"];
    const pattern = order === "a129-cpf4"
      ? "^([EI]);([1-4]);((?:199|20[0-9])[0-9]);([0-9][0-9A-Z]);([0-9]*);([A-Z][0-9]{2}[A-Z]);([0-9]{4});([A-Z]{2});([0-9]+);([0-9]*)$"
      : "^([EI]);([1-4]);((?:199|20[0-9])[0-9]);([0-9][0-9A-Z]);([0-9]*);([0-9]{4});([A-Z][0-9]{2}[A-Z]);([A-Z]{2});([0-9]+);([0-9]*)$";
    return `SELECT '${name}' AS name, regexp_extract(line, '${pattern}', ['flux', 'q', 'y', 'd', 'r', '${a}', '${c}', 'country', 'v', 'm']) AS f
      FROM read_csv('${path}', columns = {'line': 'VARCHAR'}, header = false, delim = '\\x01', quote = '', auto_detect = false)`;
  });
  return `WITH raw AS (${parts.join(" UNION ALL ")}),
    valid AS (SELECT DISTINCT name, f.* FROM raw WHERE f.flux <> ''),
    kept AS (SELECT * FROM valid WHERE NOT (name = 'Regional-2023-export/Region_2023_Export.txt'))
    SELECT y::INTEGER AS year, q::INTEGER AS quarter, CASE flux WHEN 'E' THEN 'export' ELSE 'import' END AS flow,
      CASE d WHEN '9D' THEN '974' ELSE d END AS dept, a AS a129, c AS product, country,
      sum(v::DOUBLE) AS value_eur, sum(nullif(m, '')::DOUBLE) AS mass_kg, count(*) AS n
    FROM kept GROUP BY ALL ORDER BY ALL`;
}

describe("bulk layout through the pipeline", () => {
  it("writes trade.parquet with the canonical schema, equal to the euro to an independent recomputation", async () => {
    const trade = outputs.tradeParquetPath.replaceAll("'", "''");
    const schema = (await q(`DESCRIBE SELECT * FROM '${trade}'`)).map((r) => `${r[0]} ${r[1]}`);
    expect(schema).toEqual(["year SMALLINT", "quarter TINYINT", "flow VARCHAR", "dept VARCHAR", "a129 VARCHAR", "product VARCHAR", "country VARCHAR", "value_eur DOUBLE", "mass_kg DOUBLE"]);
    const actual = await q(`SELECT year::INTEGER, quarter::INTEGER, flow, dept, a129, product, country, sum(value_eur), sum(mass_kg), count(*)
      FROM '${trade}' GROUP BY ALL ORDER BY ALL`);
    const expected = await q(expectedSql());
    expect(actual.length).toBeGreaterThan(500);
    expect(actual).toEqual(expected);
    // Codes stay text, leading zeros kept; the customs' own codes as the site stores them.
    const depts = (await q(`SELECT DISTINCT dept FROM '${trade}' ORDER BY 1`)).map((r) => r[0]);
    expect(depts).toEqual(["10", "20", "51", "96", "974", "99"]);
    expect((await q(`SELECT DISTINCT product FROM '${trade}' WHERE a129 = 'A01Z'`))).toEqual([["0111"]]);
    expect((await q(`SELECT count(*) FROM '${trade}' WHERE mass_kg IS NULL`))[0][0]).toBeGreaterThan(0n);
  });

  it("accounts for every line: read = kept + rejected, with reasons, counts and examples (file, line, value)", () => {
    const {manifest} = outputs;
    const totalLines = Object.values(texts).reduce((s, {text}) => s + text.split(/\r?\n/).length - 1, 0);
    const rows = manifest.rows.total;
    expect(rows.read).toBe(totalLines);
    expect(rows.read).toBe(rows.kept + rows.rejected);
    expect(manifest.tables.trade).toBe(rows.kept);
    const reason = (start: string) => rows.reasons.find((r) => r.reason.startsWith(start));
    expect(reason("nombre de champs incorrect")?.count).toBe(2);
    for (const [start] of bad.slice(2)) expect(reason(start)?.count, start).toBe(1);
    expect(reason("doublon")?.count).toBe(1);
    const overlap = reason("exportations 2023 aussi fournies par « REGIONAL_CPF4PAYSE.txt »");
    expect(overlap?.count).toBe(lines("E", [2023], 9).length);
    expect(overlap?.examples[0].file).toBe("annuels/202002_regional_2022_export.zip/Regional-2023-export/Region_2023_Export.txt");
    const firstBadLine = lines("E", [2023, 2024], 0).length + 1;
    expect(reason("code CPF4 invalide")?.examples[0]).toEqual({file: "REGIONAL_CPF4PAYSE.txt", row: firstBadLine + 9, column: "CPF4", value: "14.13"});
    expect(reason("ligne vide")?.examples[0].row).toBe(firstBadLine + 2);
    expect(reason("masse négative")?.examples[0]).toMatchObject({column: "masse", value: "-3"});
  });

  it("reports layout, column order and reader per file, series, years, label sources and encodings", () => {
    const {manifest} = outputs;
    expect(manifest.layout).toBe("bulk");
    const entries = Object.fromEntries(manifest.files.flatMap((f) => f.entries.map((e) => [e.name.split("/").pop(), e])));
    expect(entries["REGIONAL_CPF4PAYSE.txt"]).toMatchObject({columnOrder: "a129-cpf4", series: "rolling", format: expect.stringContaining("ligne à ligne")});
    expect(entries["REGIONAL_CPF4PAYSI.txt"]).toMatchObject({columnOrder: "cpf4-a129", series: "rolling", format: expect.stringContaining("par champs"), years: [2023, 2024]});
    expect(entries["Region_2022_Import.txt"]).toMatchObject({columnOrder: "cpf4-a129", series: "annual"});
    expect(entries["Region_2023_Export.txt"].rows).toEqual({read: 140, kept: 0, rejected: 140});
    const labels = Object.fromEntries(manifest.labels.map((l) => [l.kind, l]));
    expect(labels.a129).toMatchObject({source: "Libelle_A129.txt", encoding: "windows-1252"});
    expect(labels.cpf4).toMatchObject({source: "Libelle_CPF4_rev2.1.txt", encoding: "utf-8"});
    expect(labels.country).toMatchObject({source: "Libelle_PAYS.txt", encoding: "utf-8 (BOM)"});
    expect(labels["dept-region"]).toMatchObject({source: "Departement_region.txt"});
    expect(manifest.years.completeYears).toEqual([2022, 2023, 2024]);
    expect(manifest.shownYear).toBe(2024);
  });

  it("keeps unknown départements and lists them, warns on région mismatches and codes missing from the label files", () => {
    const {manifest} = outputs;
    expect(manifest.unknownCodes.dept).toEqual(["96"]);
    expect(manifest.unknownCodes.country).toEqual(["XC"]);
    expect(manifest.geography?.rowsPerDept["9D"]).toBeGreaterThan(0);
    expect(manifest.geography?.regionMismatches.count).toBe(lines("E", [2022, 2023, 2024], 0).length / PLACES.length + lines("I", [2022, 2023, 2024], 0).length / PLACES.length);
    expect(manifest.geography?.regionMismatches.examples[0]).toMatch(/département 51 en région 21 au lieu de 13/);
    const warnings = manifest.warnings.join("\n");
    expect(warnings).toMatch(/Codes département inconnus du site, gardés.*96/);
    expect(warnings).toMatch(/code\(s\) pays des données absents de « Libelle_PAYS\.txt » : XC/);
  });

  it("labels: both product levels in one table, the version valid for the year shown, latin-1 decoded, reference fallback", async () => {
    const products = await q(`SELECT code, name, level FROM '${outputs.productsParquetPath}' ORDER BY level, code`);
    expect(products).toContainEqual(["C20A", "Produits chimiques de base, produits azotés, plastiques", "a129"]);
    expect(products).toContainEqual(["2651", "Appareils de mesure, d'essai et de navigation ; articles d'horlogerie", "cpf4"]);
    expect(products).toContainEqual(["0111", "Céréales (à l'exclusion du riz), légumineuses et oléagineux", "cpf4"]);
    const countries = Object.fromEntries((await q(`SELECT code, name FROM '${outputs.countriesParquetPath}'`)) as [string, string][]);
    expect(countries.QU).toBe("Pays et territoires non déterminés");
    expect(countries.XK).toBe("Kosovo (libellé 2008–2024)");
    expect(countries.XC).toBe("Ceuta");
  });

  it("margins: the product and country tables sum the crossed rows over all quarters", async () => {
    const trade = outputs.tradeParquetPath.replaceAll("'", "''");
    const byProduct = await q(`SELECT year, quarter, flow, dept, a129, product, sum(value_eur) FROM '${trade}' GROUP BY ALL ORDER BY ALL`);
    expect(await q(`SELECT year, quarter, flow, dept, a129, product, value_eur FROM '${outputs.productsQuarterlyParquetPath}' ORDER BY ALL`)).toEqual(byProduct);
    const byCountry = await q(`SELECT year, quarter, flow, dept, country, sum(value_eur) FROM '${trade}' GROUP BY ALL ORDER BY ALL`);
    expect(await q(`SELECT year, quarter, flow, dept, country, value_eur FROM '${outputs.countriesQuarterlyParquetPath}' ORDER BY ALL`)).toEqual(byCountry);
    const manifest = JSON.parse(await readFile(outputs.manifestPath, "utf8"));
    expect(manifest.totals).toContainEqual({year: 2024, flow: "export", value_eur: Number((await q(`SELECT sum(value_eur) FROM '${trade}' WHERE year = 2024 AND flow = 'export'`))[0][0])});
  });
});
