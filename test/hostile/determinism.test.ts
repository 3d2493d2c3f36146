/**
 * Determinism (issue 7): the demo files and every file the pipeline publishes
 * are byte-identical across two independent runs (separate temporary folders).
 */
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {writeDemoSource} from "../../src/data/demo/index.js";
import {runPipeline} from "../../src/data/douanes/run-pipeline.js";
import {listLocalInputs} from "../../src/data/douanes/source.js";
import {tempDir} from "../data/douanes/fixtures.js";

async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name))] as [string, Buffer])));
}

/** Demo subset → pipeline outputs, all in fresh folders. */
async function build(regions: string[]) {
  const source = await tempDir("hostile-det-src-");
  await writeDemoSource(source, {regions});
  const out = await tempDir("hostile-det-out-");
  await runPipeline({mode: "demo", synthetic: true, description: "déterminisme", inputs: await listLocalInputs(source)}, out);
  return {source: await filesOf(source), out: await filesOf(out)};
}

describe("two builds from the same source", () => {
  it("give byte-identical demo files and published files", {timeout: 120_000}, async () => {
    const regions = ["94", "44"];
    const first = await build(regions);
    const second = await build(regions);
    // The customs' bulk layout: annual archives, the rolling files and the label files.
    expect([...first.source.keys()]).toEqual(expect.arrayContaining(["REGIONAL_CPF4PAYSE.txt", "REGIONAL_CPF4PAYSI.txt", "202402_regional_2023_export.zip", "Libelle_A129.txt"]));
    expect([...first.out.keys()]).toEqual(expect.arrayContaining(["trade.parquet", "products.parquet", "countries.parquet", "manifest.json"]));
    for (const outputs of ["source", "out"] as const) {
      expect([...second[outputs].keys()]).toEqual([...first[outputs].keys()]);
      for (const [name, bytes] of first[outputs]) {
        const other = second[outputs].get(name)!;
        // manifest.json names the temporary folders of each run: compare it with those paths removed.
        const comparable = (b: Buffer) => (name === "manifest.json" ? b.toString("utf8").replace(/"(path|origin)": "[^"]*"/g, "") : b);
        expect(comparable(other), name).toEqual(comparable(bytes));
      }
    }
  });
});
