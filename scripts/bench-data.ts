/**
 * npm run bench:data — the full pipeline on a national-scale file in the
 * customs' bulk layout (about five million lines, the order of one real
 * year: every département × CPF4 class × partner country that trades, four
 * quarters, both flows), written by this script, deterministic, cached in
 * .cache/bench-data/. Wall time and peak memory (RSS) of the pipeline against
 * the practical limit: DuckDB's read_csv loading the same file into a table.
 * Each measurement runs in a fresh child process so that its peak RSS is its
 * own. Prints figures; asserts nothing.
 *
 * Second measurement, the hostile case of issue 15: a région zip of about
 * 2 MB holding one 255 MiB crossed CSV (a block of lines repeated: ratio
 * about 137, under the zip limit of 200), written in a temporary folder. Held
 * whole, it took the pipeline to 7.8 GB; read as a stream it must stay
 * under 1 GiB (peak RSS of the child, printed).
 */
import {execFileSync} from "node:child_process";
import {closeSync, openSync, writeSync} from "node:fs";
import {mkdir, mkdtemp, rename, rm, stat} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const SELF = fileURLToPath(import.meta.url);
const [, , mode, ...args] = process.argv;
const GENERATOR_VERSION = "1";
const TARGET_LINES = 5_000_000;

function runChild(childArgs: string[]): Record<string, number | string | Record<string, number>> {
  const output = execFileSync(process.execPath, ["--import", "tsx", SELF, ...childArgs], {encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26});
  return JSON.parse(output.trim().split("\n").pop()!);
}

const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** A deterministic national year in the bulk layout: départements weighted by size, products and countries by rank. */
async function generate(folder: string): Promise<string> {
  const {cpf4Products} = await import("../src/data/reference/cpf4.js");
  const {a129OfCpf4} = await import("../src/data/reference/a129.js");
  const {countries} = await import("../src/data/reference/countries.js");
  const {departements, findDepartement} = await import("../src/data/territories.js");
  const {customsDeptCode, customsRegionOf} = await import("../src/data/customs-geography.js");
  const depts = [...new Set(departements.map((d) => (d.code === "2A" || d.code === "2B" ? "20" : customsDeptCode(d.code))))].concat("99");
  const regionOf = (dept: string) => dept === "20" ? "22" : dept === "99" ? "21" : customsRegionOf(findDepartement(dept.startsWith("9") && /[A-E]/.test(dept[1]) ? {"9A": "971", "9B": "972", "9C": "973", "9D": "974", "9E": "976"}[dept]! : dept)!.regionCode)!;
  const products = cpf4Products.map((p) => [p.code, a129OfCpf4(p.code)!] as const);
  const partners = countries.map((c) => c.code);
  let seed = 20240101;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  // Trade probability of a (département, product, country) cell, tuned to reach about TARGET_LINES lines.
  const deptWeight = depts.map((_, i) => 0.35 + 0.65 * ((i * 7919) % depts.length) / depts.length);
  const productWeight = products.map((_, i) => 1 / Math.sqrt(1 + (i * 131) % products.length / 12));
  const countryWeight = partners.map((_, i) => 1 / (1 + ((i * 97) % partners.length) / 18));
  const cells = 2 * 4 * depts.length * products.length * partners.length;
  const mean = (w: number[]) => w.reduce((a, b) => a + b, 0) / w.length;
  const scale = TARGET_LINES / (cells * mean(deptWeight) * mean(productWeight) * mean(countryWeight));
  const path = join(folder, "Region_2024_Export_Import.txt");
  const fd = openSync(path, "w");
  let lines = 0;
  let buffer: string[] = [];
  try {
    for (const flow of ["E", "I"]) for (let quarter = 1; quarter <= 4; quarter++) {
      depts.forEach((dept, d) => {
        const region = regionOf(dept);
        products.forEach(([cpf4, a129], p) => {
          const base = scale * deptWeight[d] * productWeight[p];
          partners.forEach((country, c) => {
            if (random() >= base * countryWeight[c]) return;
            const value = Math.round(200 + random() ** 3 * 5e6);
            const mass = random() < 0.08 ? "" : String(Math.round(value * (0.05 + random())));
            buffer.push(`${flow};${quarter};2024;${dept};${region};${a129};${cpf4};${country};${value};${mass}\n`);
            lines++;
            if (buffer.length === 50_000) { writeSync(fd, buffer.join("")); buffer = []; }
          });
        });
      });
    }
    writeSync(fd, buffer.join(""));
  } finally {
    closeSync(fd);
  }
  return `${lines} lignes`;
}

async function benchSource(): Promise<{folder: string; file: string}> {
  const {cacheRoot} = await import("../src/data/douanes/paths.js");
  const folder = join(cacheRoot(), "bench-data", GENERATOR_VERSION);
  const file = join(folder, "Region_2024_Export_Import.txt");
  if (await stat(join(folder, "complete")).then(() => true, () => false)) return {folder, file};
  const partial = `${folder}.part-${process.pid}`;
  await rm(partial, {recursive: true, force: true});
  await mkdir(partial, {recursive: true});
  const started = performance.now();
  const what = await generate(partial);
  const {writeFile} = await import("node:fs/promises");
  await writeFile(join(partial, "complete"), what);
  await rm(folder, {recursive: true, force: true});
  await rename(partial, folder);
  console.error(`Fichier de test généré : ${what} en ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);
  return {folder, file};
}

const HOSTILE_CSV_BYTES = 255 * 2 ** 20;

/** The hostile région zip: one crossed CSV (wide layout, six quarters) of HOSTILE_CSV_BYTES, a block of 600 lines repeated. */
async function writeHostileZip(folder: string): Promise<{zip: string; csvBytes: number; zipBytes: number}> {
  const {Zip, ZipDeflate} = await import("fflate");
  const {createWriteStream} = await import("node:fs");
  const {cpf4Products} = await import("../src/data/reference/cpf4.js");
  const {countries} = await import("../src/data/reference/countries.js");
  const path = join(folder, "region_52.zip");
  const out = createWriteStream(path);
  let zipBytes = 0;
  const done = new Promise<void>((resolve, reject) => out.on("finish", resolve).on("error", reject));
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    zipBytes += chunk.length;
    out.write(chunk);
    if (final) out.end();
  });
  const entry = new ZipDeflate("44_export_pays_produits.csv", {level: 6});
  zip.add(entry);
  const header = "Département;Code produit;Code pays;2023T3;2023T4;2024T1;2024T2;2024T3;2024T4\r\n";
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    const code = cpf4Products[(i * 37) % cpf4Products.length].code;
    lines.push(`44;${code.slice(0, 2)}.${code.slice(2)};${countries[(i * 11) % countries.length].code};${(i * 7.919).toFixed(3).replace(".", ",")};12,5;0;3;4,5;${i % 97}\r\n`);
  }
  const block = Buffer.from(lines.join(""), "latin1");
  entry.push(Buffer.from(header, "latin1"));
  let csvBytes = header.length;
  while (csvBytes + block.length <= HOSTILE_CSV_BYTES) {
    entry.push(block);
    csvBytes += block.length;
  }
  entry.push(new Uint8Array(), true);
  zip.end();
  await done;
  return {zip: path, csvBytes, zipBytes};
}

async function childPipeline(folder: string, cacheDir: string): Promise<void> {
  const {listLocalInputs} = await import("../src/data/douanes/source.js");
  const {pipelineFor} = await import("../src/data/douanes/pipeline.js");
  const {stageSeconds} = await import("../src/data/douanes/run-pipeline.js");
  const started = performance.now();
  const inputs = (await listLocalInputs(folder)).filter((input) => /\.(txt|zip)$/.test(input.name));
  const outputs = await pipelineFor({mode: "path", synthetic: true, description: "benchmark", inputs}, {TRADE_CACHE_DIR: cacheDir});
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({seconds, peakMiB: peakMiB(), rows: outputs.manifest.rows.total.read, kept: outputs.manifest.tables.trade, stages: {...stageSeconds}}));
}

async function childReadCsv(file: string): Promise<void> {
  const {withDuckDB} = await import("../src/data/parquet-output.js");
  const started = performance.now();
  const rows = await withDuckDB(async (connection) => {
    await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = false, delim = ';',
      columns = {'flux': 'VARCHAR', 'trimestre': 'TINYINT', 'annee': 'SMALLINT', 'dept': 'VARCHAR', 'region': 'VARCHAR',
        'a129': 'VARCHAR', 'cpf4': 'VARCHAR', 'pays': 'VARCHAR', 'valeur': 'DOUBLE', 'masse': 'DOUBLE'})`);
    return Number((await connection.runAndReadAll("SELECT count(*) FROM t")).getRows()[0][0]);
  });
  console.log(JSON.stringify({seconds: (performance.now() - started) / 1000, peakMiB: peakMiB(), rows}));
}

async function main(): Promise<void> {
  const {folder, file} = await benchSource();
  const work = await mkdtemp(join(tmpdir(), "bench-data-"));
  try {
    const pipeline = runChild(["--pipeline", folder, join(work, "cache")]);
    const csv = runChild(["--read-csv", file]);
    const ratio = Number(pipeline.seconds) / Number(csv.seconds);
    const {cpus, loadavg} = await import("node:os");
    console.log(`Source : fichier national généré, disposition « Bases complètes » (${file}, ${(await stat(file)).size} octets)`);
    console.log(`Machine : ${cpus().length} cœurs, charge ${loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
    console.log(`Pipeline complet : ${Number(pipeline.seconds).toFixed(2)} s, pic mémoire ${pipeline.peakMiB} Mio, ${pipeline.rows} lignes lues, ${pipeline.kept} gardées`);
    for (const [stage, value] of Object.entries(pipeline.stages as Record<string, number>)) console.log(`  ${stage} : ${value.toFixed(2)} s`);
    console.log(`DuckDB read_csv du même fichier dans une table : ${Number(csv.seconds).toFixed(2)} s, pic mémoire ${csv.peakMiB} Mio, ${csv.rows} lignes`);
    console.log(`Rapport pipeline / read_csv : ${ratio.toFixed(2)}× en temps (objectif ≤ 2×) ; mémoire ${pipeline.peakMiB} Mio (${Number(pipeline.peakMiB) < 1024 ? "<" : "≥"} 1 Gio)`);

    const hostileFolder = join(work, "hostile");
    await mkdir(hostileFolder);
    const hostile = await writeHostileZip(hostileFolder);
    const region = runChild(["--pipeline", hostileFolder, join(work, "cache-hostile")]);
    console.log(`Zip régional hostile : ${hostile.zipBytes} octets contenant un CSV croisé de ${hostile.csvBytes} octets (rapport ${(hostile.csvBytes / hostile.zipBytes).toFixed(0)}) : ` +
      `pipeline ${Number(region.seconds).toFixed(2)} s, pic mémoire ${region.peakMiB} Mio (${Number(region.peakMiB) < 1024 ? "<" : "≥"} 1 Gio), ${region.rows} valeurs lues, ${region.kept} gardées`);
  } finally {
    await rm(work, {recursive: true, force: true});
  }
}

if (mode === "--pipeline") await childPipeline(args[0], args[1]);
else if (mode === "--read-csv") await childReadCsv(args[0]);
else if (mode === "--write-hostile") console.log(JSON.stringify(await writeHostileZip(args[0])));
else await main();
