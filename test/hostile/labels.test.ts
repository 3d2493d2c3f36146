/**
 * Labels are data, not markup (issue 7): a hostile product label goes through
 * the pipeline unchanged into products.parquet, through the page queries, and
 * is drawn as literal text by every chart and table (no element injected);
 * CSV downloads neutralise spreadsheet formulas.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {toCsv} from "../../src/components/csv.js";
import {dataTable} from "../../src/components/data-table.js";
import {partnerBalanceChart} from "../../src/components/partner-balance.js";
import {productsByFlow, sankeyLinks} from "../../src/queries/queries.js";
import {flowSankey} from "../../src/components/sankey.js";
import {activityTreemap} from "../../src/components/treemap.js";
import {withDuckDB} from "../../src/data/parquet-output.js";
import {nodeRun} from "../../src/data/slices.js";
import {runPipeline} from "../../src/data/douanes/run-pipeline.js";
import {listLocalInputs} from "../../src/data/douanes/source.js";
import {regionZip, tempDir, utf8, zip} from "../data/douanes/fixtures.js";
import {unzipSync} from "fflate";

// jsdom ships no type declarations: the one constructor used here, typed by hand.
const {JSDOM} = (await import("jsdom" as string)) as {JSDOM: new (html: string) => {window: Window}};

const LABELS: [string, string][] = [
  ["1413", `<script>alert("x")</script>`],
  ["2014", `<img src=x onerror="alert(1)"> & "guillemets" 'apostrophes'`],
  ["1102", `=HYPERLINK("http://exemple.invalid";"clic") &amp; &lt;b&gt;`]
];

/** The fixture région zip with its label file replaced by a UTF-8 one holding the hostile labels. */
function hostileRegionZip(): Uint8Array {
  const base = unzipSync(
    regionZip([{dept: "10", exports: LABELS.map(([code], i) => [code, "DE", [1, 2, 3, 4, 5, 6 + i]] as [string, string, number[]]), imports: [["2014", "CN", [1, 1, 1, 1, 1, 1]]]}], [])
  );
  const csv = "Code produit;Libellé produit\r\n" + LABELS.map(([code, label]) => `${code};"${label.replace(/"/g, '""')}"`).join("\r\n") + "\r\n";
  return zip({...base, "libelles_produits.csv": utf8(csv)});
}

function noInjectedElement(root: Element): void {
  for (const tag of ["script", "img", "iframe", "object", "embed", "b"]) expect(root.querySelectorAll(tag)).toHaveLength(0);
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames()) expect(attribute.startsWith("on")).toBe(false);
  }
}

describe("hostile labels from the source files to the charts", () => {
  it("go through the pipeline, the queries and every component as literal text", async () => {
    const folder = await tempDir("hostile-labels-");
    await writeFile(join(folder, "region_44.zip"), hostileRegionZip());
    const out = await tempDir("hostile-labels-out-");
    await runPipeline({mode: "path", synthetic: false, description: "libellés", inputs: await listLocalInputs(folder)}, out);

    const {document} = new JSDOM("<!DOCTYPE html><body></body>").window;
    await withDuckDB(async (connection) => {
      const products = join(out, "products.parquet");
      const stored = (await connection.runAndReadAll("SELECT code, name FROM read_parquet($1) WHERE level = 'cpf4' ORDER BY code", [products])).getRows();
      expect(stored).toEqual([...LABELS].sort(([a], [b]) => a.localeCompare(b)));

      await connection.run("CREATE TABLE products AS SELECT * FROM read_parquet($1)", [products]);
      await connection.run("CREATE TABLE countries AS SELECT * FROM read_parquet($1)", [join(out, "countries.parquet")]);
      await connection.run(`CREATE TABLE slice AS SELECT 'D10' AS territory, year, flow, product, country, value_eur, mass_kg FROM read_parquet($1)`, [join(out, "trade.parquet")]);
      const run = nodeRun(connection);

      const treemapRows = await productsByFlow(run, {territory: "D10", year: 2024});
      expect(treemapRows.map((r) => r.productName)).toEqual(expect.arrayContaining(LABELS.map(([, label]) => label)));
      const treemap = activityTreemap(treemapRows, {width: 900, height: 480, title: "Aube", document});
      const links = await sankeyLinks(run, {territory: "D10", year: 2024, flow: "export"});
      const sankey = flowSankey(links, {width: 900, title: "Aube", flow: "export", document});
      const partners = partnerBalanceChart([{country: "XX", countryName: LABELS[1][1], exports: 3e6, imports: 1e6}], {width: 900, title: "Aube", document});
      const table = dataTable(treemapRows, [{key: "productName", label: LABELS[0][1]}, {key: "value", label: "Valeur", format: "millionEuros"}], {summary: "s", document});

      for (const figure of [treemap, sankey, partners, table]) {
        document.body.append(figure);
        noInjectedElement(figure);
      }
      const text = (element: Element) => [...element.querySelectorAll("title, text, tspan, td, th, span, div")].map((e) => e.textContent ?? "").join("\n");
      // Every label shows up literally somewhere in each chart that draws it (tooltips and cells).
      for (const [, label] of LABELS) {
        expect(text(treemap)).toContain(label);
        expect(text(sankey)).toContain(label);
        expect(text(table)).toContain(label);
      }
      expect(text(partners)).toContain(LABELS[1][1]);
      expect(document.querySelectorAll("script, img")).toHaveLength(0);
    });
  });

  it("CSV downloads neutralise = + - @ (and tab, CR) at the start of a text cell, keep numbers as numbers", () => {
    const names = ["=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\t=1", "\r=1", LABELS[2][1], "Produits"];
    const csv = toCsv(names.map((name) => ({name, value: -40.5})), [{key: "name", label: "=Libellé"}, {key: "value", label: "Valeur"}]);
    const lines = csv.replace(/^\ufeff/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("'=Libellé;Valeur");
    const cells = lines.slice(1).map((line) => line.slice(0, line.lastIndexOf(";")));
    expect(cells.slice(0, 4)).toEqual(["'=1+1", "'+33 1 23", "'-2+3", "'@SUM(A1)"]);
    expect(cells[4]).toBe("'\t=1");
    expect(cells[5]).toBe(`"'\r=1"`);
    expect(cells[6]).toBe(`"'=HYPERLINK(""http://exemple.invalid"";""clic"") &amp; &lt;b&gt;"`);
    expect(cells[7]).toBe("Produits");
    for (const line of lines.slice(1)) expect(line.endsWith(";-40,500")).toBe(true);
  });
});
