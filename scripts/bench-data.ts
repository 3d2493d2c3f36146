/**
 * npm run bench:data — the full pipeline on the full-size demo: wall time and
 * peak memory, against the practical limit (DuckDB reading the same canonical
 * rows from a plain CSV). Each measurement runs in a fresh child process so
 * that peak RSS belongs to it alone. Prints figures; asserts nothing.
 *
 * Without the demo generator (src/data/demo/index.ts), a stand-in source of the
 * same shape is generated from the test fixture writer, and the output says so.
 */
import {execFileSync} from "node:child_process";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const SELF = fileURLToPath(import.meta.url);
const [, , mode, ...args] = process.argv;

function runChild(childArgs: string[]): Record<string, number | string | Record<string, number | string>> {
  const output = execFileSync(process.execPath, ["--import", "tsx", SELF, ...childArgs], {encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26});
  return JSON.parse(output.trim().split("\n").pop()!);
}

const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function childPipeline(folder: string, cacheDir: string): Promise<void> {
  const {listLocalInputs} = await import("../src/data/douanes/source.ts");
  const {pipelineFor} = await import("../src/data/douanes/pipeline.ts");
  const {stageSeconds} = await import("../src/data/douanes/run-pipeline.ts");
  const {xlsReaderStats} = await import("../src/data/douanes/workbook-reader.ts");
  const started = performance.now();
  const inputs = await listLocalInputs(folder);
  const outputs = await pipelineFor({mode: "demo", synthetic: true, description: "benchmark", inputs}, {TRADE_CACHE_DIR: cacheDir});
  const seconds = (performance.now() - started) / 1000;
  const stages = {...stageSeconds, "xls: fast reader / SheetJS": `${xlsReaderStats.fast} / ${xlsReaderStats.sheetjs}`};
  console.log(JSON.stringify({seconds, peakMiB: peakMiB(), rows: outputs.manifest.tables.trade, trade: outputs.tradeParquetPath, stages}));
}

async function childCsv(csvPath: string): Promise<void> {
  const {withDuckDB} = await import("../src/data/parquet-output.ts");
  const started = performance.now();
  const rows = await withDuckDB(async (connection) => {
    await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csvPath.replaceAll("'", "''")}', header = true,
      columns = {'year': 'SMALLINT', 'quarter': 'TINYINT', 'flow': 'VARCHAR', 'dept': 'VARCHAR', 'product': 'VARCHAR', 'country': 'VARCHAR', 'value_eur': 'DOUBLE'})`);
    return Number((await connection.runAndReadAll("SELECT count(*) FROM t")).getRows()[0][0]);
  });
  console.log(JSON.stringify({seconds: (performance.now() - started) / 1000, peakMiB: peakMiB(), rows}));
}

async function standInSource(): Promise<string> {
  const {regionZip} = await import("../test/data/douanes/fixtures.ts");
  const {regions} = await import("../src/data/territories.ts");
  const {cacheRoot} = await import("../src/data/douanes/paths.ts");
  const {mkdir, stat} = await import("node:fs/promises");
  const folder = join(cacheRoot(), "bench-stand-in");
  if (await stat(join(folder, "complete")).then(() => true, () => false)) return folder;
  await mkdir(folder, {recursive: true});
  const countries = ["DE", "BE", "IT", "ES", "US", "CN", "GB", "NL", "CH", "PL", "JP", "IN", "BR", "MA", "TR", "KR", "SE", "AT", "PT", "CA"];
  const products = Array.from({length: 110}, (_, i) => `${String(10 + Math.floor(i / 10)).padStart(2, "0")}.${String(11 + (i % 10) * 8).padStart(2, "0")}`);
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const lines = () => products.flatMap((product) => countries.filter(() => random() < 0.9).map((country) =>
    [product, country, Array.from({length: 6}, () => Math.round(random() * 5e6) / 1000)] as [string, string, number[]]));
  for (const region of regions) {
    const depts = region.departements.map((dept) => ({dept, exports: lines(), imports: lines()}));
    await writeFile(join(folder, `region_${region.code}.zip`), regionZip(depts, products.map((p) => [p, `Produit ${p}`])));
  }
  await writeFile(join(folder, "complete"), "");
  return folder;
}

async function main(): Promise<void> {
  let folder: string;
  let sourceLabel: string;
  try {
    const {demoSourceFolder} = await import("../src/data/douanes/demo-source.ts");
    folder = await demoSourceFolder();
    sourceLabel = "démo complète (src/data/demo)";
  } catch (error) {
    console.error(`Démo indisponible (${(error as Error).message}) : source de remplacement de même forme générée.`);
    folder = await standInSource();
    sourceLabel = "source de remplacement (fixtures de test, même format)";
  }
  const work = await mkdtemp(join(tmpdir(), "bench-data-"));
  try {
    const pipeline = runChild(["--pipeline", folder, join(work, "cache")]);
    const csvPath = join(work, "trade.csv");
    const {withDuckDB} = await import("../src/data/parquet-output.ts");
    await withDuckDB((connection) => connection.run(`COPY (SELECT * FROM '${String(pipeline.trade).replaceAll("'", "''")}') TO '${csvPath}' (HEADER, DELIMITER ',')`));
    const csv = runChild(["--csv", csvPath]);
    const ratio = Number(pipeline.seconds) / Number(csv.seconds);
    console.log(`Source : ${sourceLabel} (${folder})`);
    console.log(`Pipeline complet : ${Number(pipeline.seconds).toFixed(2)} s, pic mémoire ${pipeline.peakMiB} Mio, ${pipeline.rows} lignes canoniques`);
    for (const [stage, value] of Object.entries(pipeline.stages as Record<string, number | string>)) {
      console.log(`  ${stage} : ${typeof value === "number" ? `${value.toFixed(2)} s` : value}`);
    }
    console.log(`DuckDB, lecture des mêmes lignes en CSV : ${Number(csv.seconds).toFixed(2)} s, pic mémoire ${csv.peakMiB} Mio, ${csv.rows} lignes`);
    console.log(`Rapport pipeline / limite pratique : ${ratio.toFixed(1)}× (objectif ≤ 3×) ; mémoire ${Number(pipeline.peakMiB) < 1024 ? "<" : "≥"} 1 Gio`);
  } finally {
    await rm(work, {recursive: true, force: true});
  }
}

if (mode === "--pipeline") await childPipeline(args[0], args[1]);
else if (mode === "--csv") await childCsv(args[0]);
else await main();
