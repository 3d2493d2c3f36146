/**
 * One full run: every input file read, checked and staged in DuckDB, then the
 * published tables written as Parquet into `outDir` with the manifest.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {copyToParquet, withDuckDB} from "../parquet-output.ts";
import {findCompleteYears} from "./complete-years.ts";
import {frenchCountryName} from "./countries.ts";
import {SourceError} from "./errors.ts";
import {extensionOf, nameHints} from "./file-names.ts";
import type {Manifest, ManifestEntry, ManifestFile} from "./manifest.ts";
import {reconcile} from "./reconcile.ts";
import {convertFile, type RecordSink, type TableKind} from "./records.ts";
import {RejectionLog, type Accounting, type RejectionExample} from "./rejections.ts";
import {entriesOf} from "./source-entries.ts";
import {readTables} from "./table-reader.ts";
import type {SourcePlan} from "./source.ts";
import {KIND_CODES, StagingWriter} from "./staging.ts";

export const PARSER_VERSION = "1.0.0";

export const OUTPUT_FILES = {
  trade: "trade.parquet",
  productsQuarterly: "trade_products_quarterly.parquet",
  countriesQuarterly: "trade_countries_quarterly.parquet",
  products: "products.parquet",
  countries: "countries.parquet",
  manifest: "manifest.json"
} as const;

const DATA_EXTENSIONS = new Set(["xls", "xlsx", "csv", "txt", "tsv"]);

/** Seconds spent in each stage of the last run (for npm run bench:data). */
export const stageSeconds: Record<string, number> = {};

function addStage(name: string, started: number): void {
  stageSeconds[name] = (stageSeconds[name] ?? 0) + (performance.now() - started) / 1000;
}

interface RunState {
  writer: StagingWriter;
  logs: Record<TableKind, RejectionLog>;
  labels: Map<string, string>;
  warnings: string[];
  fileNames: string[];
}

function sinkFor(state: RunState, file: string, fileId: number, counter: {values: number}): RecordSink {
  return {
    fact(kind, year, quarter, flow, dept, product, country, euros, row) {
      state.writer.add(kind, fileId, row, year, quarter, flow, dept, product, country, euros);
      state.logs[kind].kept++;
      counter.values++;
    },
    reject(kind, reason, row, column, value, count) {
      state.logs[kind].add(reason, count, {file, row, column, value});
      counter.values += count;
    },
    label(code, name) {
      const known = state.labels.get(code);
      if (known !== undefined && known !== name) state.warnings.push(`${file} : libellé du produit ${code} différent d'un autre fichier (« ${known} » / « ${name} ») ; le premier est gardé`);
      else state.labels.set(code, name);
    },
    warn(message) {
      state.warnings.push(message);
    }
  };
}

async function readInputs(plan: SourcePlan, state: RunState): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const input of plan.inputs) {
    const entries: ManifestEntry[] = [];
    let started = performance.now();
    const inputEntries = await entriesOf(input);
    addStage("unzip", started);
    for (const entry of inputEntries) {
      const file = entry.name === input.name ? input.name : `${input.name}/${entry.name}`;
      const hints = nameHints(entry.name);
      if (hints.kind === "readme" || !DATA_EXTENSIONS.has(extensionOf(entry.name))) {
        entries.push({name: entry.name, kind: hints.kind === "readme" ? "readme" : "ignored", values: 0});
        if (hints.kind !== "readme") state.warnings.push(`${file} : fichier ignoré (extension non reconnue)`);
        continue;
      }
      const fileId = state.fileNames.push(file) - 1;
      const counter = {values: 0};
      started = performance.now();
      const sheets = readTables(entry.bytes, file);
      addStage("read sheets", started);
      started = performance.now();
      const reports = convertFile(sheets, hints, sinkFor(state, file, fileId, counter));
      addStage("map rows + stage", started);
      entries.push({
        name: entry.name,
        kind: reports[0].kind,
        layout: reports[0].mapping.layout,
        format: reports[0].format,
        sheets: reports.map((r) => r.sheet).filter((s): s is string => s !== undefined),
        headers: reports[0].mapping.headers,
        unknownHeaders: reports.flatMap((r) => r.mapping.unknown),
        values: counter.values
      });
      for (const report of reports) {
        if (report.mapping.unknown.length) state.warnings.push(`${file} : colonnes non reconnues ignorées : ${report.mapping.unknown.map((h) => `« ${h} »`).join(", ")}`);
      }
    }
    files.push({name: input.name, origin: input.origin, sha256: input.sha256, bytes: input.bytes, downloadedAt: input.downloadedAt, entries});
  }
  return files;
}

async function rows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
}

/** Second occurrences of the same keys are rejected (the first one read is kept). */
async function rejectDuplicates(connection: DuckDBConnection, state: RunState): Promise<void> {
  await connection.run(`CREATE TABLE ranked AS SELECT *, row_number() OVER (
    PARTITION BY kind, flow, dept, product, country, year, quarter ORDER BY file_id, row_no) AS rn FROM staged`);
  await connection.run("DROP TABLE staged");
  await connection.run("CREATE VIEW clean AS SELECT * FROM ranked WHERE rn = 1");
  for (const kind of Object.keys(KIND_CODES) as TableKind[]) {
    const [[count]] = await rows(connection, `SELECT count(*) FROM ranked WHERE kind = ${KIND_CODES[kind]} AND rn > 1`);
    if (Number(count) === 0) continue;
    const examples: RejectionExample[] = (await rows(connection, `SELECT file_id, row_no, year || 'T' || quarter, flow, dept, product, country, value_eur
      FROM ranked WHERE kind = ${KIND_CODES[kind]} AND rn > 1 ORDER BY file_id, row_no LIMIT 5`)).map(([fileId, row, period, flow, dept, product, country, value]) => ({
      file: state.fileNames[Number(fileId)],
      row: Number(row),
      column: "",
      value: [flow, dept, product, country, period].filter(Boolean).join(" ") + ` = ${value} €`
    }));
    state.logs[kind].moveKeptToRejected("doublon (mêmes flux, département, produit, pays et trimestre déjà lus)", Number(count), examples);
  }
}

function sumAccounting(parts: Accounting[]): Accounting {
  const reasons = new Map<string, Accounting["reasons"][number]>();
  for (const part of parts) for (const r of part.reasons) {
    const entry = reasons.get(r.reason) ?? {reason: r.reason, count: 0, examples: []};
    entry.count += r.count;
    entry.examples = [...entry.examples, ...r.examples].slice(0, 5);
    reasons.set(r.reason, entry);
  }
  return {
    read: parts.reduce((s, p) => s + p.read, 0),
    kept: parts.reduce((s, p) => s + p.kept, 0),
    rejected: parts.reduce((s, p) => s + p.rejected, 0),
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count)
  };
}

async function writeParquet(connection: DuckDBConnection, sql: string, path: string): Promise<void> {
  await writeFile(path, await copyToParquet(connection, sql));
}

async function writeLabelTables(connection: DuckDBConnection, state: RunState, outDir: string): Promise<{products: number; countries: number}> {
  await connection.run("CREATE TABLE product_labels (code VARCHAR, name VARCHAR)");
  const appender = await connection.createAppender("product_labels");
  for (const [code, name] of state.labels) {
    appender.appendVarchar(code);
    appender.appendVarchar(name);
    appender.endRow();
  }
  appender.closeSync();
  const unlabeled = await rows(connection, `SELECT DISTINCT product FROM clean WHERE kind IN (0, 1)
    AND product NOT IN (SELECT code FROM product_labels) ORDER BY 1`);
  if (unlabeled.length) state.warnings.push(`${unlabeled.length} code(s) produit sans libellé dans le fichier de libellés (libellé = code) : ${unlabeled.slice(0, 10).map((r) => r[0]).join(", ")}`);
  await writeParquet(connection, `SELECT code, coalesce(name, code) AS name FROM (
      SELECT DISTINCT product AS code FROM clean WHERE kind IN (0, 1) UNION SELECT code FROM product_labels)
    LEFT JOIN product_labels USING (code) ORDER BY code`, join(outDir, OUTPUT_FILES.products));

  const codes = (await rows(connection, "SELECT DISTINCT country FROM clean WHERE kind IN (0, 2) ORDER BY 1")).map((r) => String(r[0]));
  await connection.run("CREATE TABLE country_labels (code VARCHAR, name VARCHAR)");
  const countryAppender = await connection.createAppender("country_labels");
  for (const code of codes) {
    countryAppender.appendVarchar(code);
    countryAppender.appendVarchar(frenchCountryName(code));
    countryAppender.endRow();
  }
  countryAppender.closeSync();
  await writeParquet(connection, "SELECT code, name FROM country_labels ORDER BY code", join(outDir, OUTPUT_FILES.countries));
  const [[productCount]] = await rows(connection, "SELECT count(*) FROM (SELECT DISTINCT product FROM clean WHERE kind IN (0, 1) UNION SELECT code FROM product_labels)");
  return {products: Number(productCount), countries: codes.length};
}

async function quartersOf(connection: DuckDBConnection, kind: TableKind): Promise<{year: number; quarter: number}[]> {
  return (await rows(connection, `SELECT DISTINCT year, quarter FROM clean WHERE kind = ${KIND_CODES[kind]} ORDER BY 1, 2`)).map(([year, quarter]) => ({year: Number(year), quarter: Number(quarter)}));
}

export async function runPipeline(plan: SourcePlan, outDir: string): Promise<Manifest> {
  return withDuckDB(async (connection) => {
    const state: RunState = {
      writer: await StagingWriter.open(connection),
      logs: {crossed: new RejectionLog(), products: new RejectionLog(), countries: new RejectionLog()},
      labels: new Map(),
      warnings: [],
      fileNames: []
    };
    for (const key of Object.keys(stageSeconds)) delete stageSeconds[key];
    let files: ManifestFile[];
    try {
      files = await readInputs(plan, state);
    } catch (error) {
      state.writer.discard();
      throw error;
    }
    let started = performance.now();
    await state.writer.close();
    addStage("map rows + stage", started);
    started = performance.now();
    await rejectDuplicates(connection, state);
    addStage("duplicates", started);

    const crossedQuarters = await quartersOf(connection, "crossed");
    if (crossedQuarters.length === 0) throw new SourceError("Aucune valeur lue dans les fichiers croisés Pays × Produits : rien à publier (voir npm run data:check).");
    const years = findCompleteYears(crossedQuarters);
    if (years.shownYear === undefined) {
      throw new SourceError(`Aucune année complète (quatre trimestres) dans les fichiers croisés : trimestres lus ${crossedQuarters.map((q) => `${q.year}T${q.quarter}`).join(", ")}.`);
    }
    for (const {year, quarters} of years.partialYears) state.warnings.push(`Année ${year} incomplète dans les fichiers croisés (trimestres ${quarters.join(", ")}) : gardée dans la table, non montrée comme année`);

    started = performance.now();
    const canonical = "SELECT year, quarter, flow, dept, product, country, value_eur FROM clean WHERE kind = 0 ORDER BY dept, flow, year, quarter, product, country";
    await writeParquet(connection, canonical, join(outDir, OUTPUT_FILES.trade));
    await writeParquet(connection, "SELECT year, quarter, flow, dept, product, value_eur FROM clean WHERE kind = 1 ORDER BY dept, flow, year, quarter, product", join(outDir, OUTPUT_FILES.productsQuarterly));
    await writeParquet(connection, "SELECT year, quarter, flow, dept, country, value_eur FROM clean WHERE kind = 2 ORDER BY dept, flow, year, quarter, country", join(outDir, OUTPUT_FILES.countriesQuarterly));
    const labelCounts = await writeLabelTables(connection, state, outDir);
    addStage("write parquet", started);
    started = performance.now();

    const totals = (await rows(connection, "SELECT year, flow, sum(value_eur) FROM clean WHERE kind = 0 GROUP BY ALL ORDER BY 1, 2"))
      .map(([year, flow, value]) => ({year: Number(year), flow: String(flow), value_eur: Number(value)}));
    const counts = Object.fromEntries((await rows(connection, "SELECT kind, count(*) FROM clean GROUP BY kind")).map(([k, n]) => [Number(k), Number(n)]));
    const format = (qs: {year: number; quarter: number}[]) => qs.map((q) => `${q.year}T${q.quarter}`);
    const accounting = {
      crossed: state.logs.crossed.summary(),
      productsQuarterly: state.logs.products.summary(),
      countriesQuarterly: state.logs.countries.summary()
    };
    const manifest: Manifest = {
      parserVersion: PARSER_VERSION,
      synthetic: plan.synthetic,
      source: {mode: plan.mode, description: plan.description, fallbackReason: plan.fallbackReason ?? null},
      licence: "Licence Ouverte 2.0 — Source : DGDDI / DSECE",
      countingUnit: "valeur : une ligne en disposition longue, une cellule trimestre non vide en disposition large ; une ligne sans aucune valeur compte pour une",
      files,
      rows: {...accounting, total: sumAccounting(Object.values(accounting))},
      quarters: {crossed: format(crossedQuarters), productsQuarterly: format(await quartersOf(connection, "products")), countriesQuarterly: format(await quartersOf(connection, "countries"))},
      years,
      shownYear: years.shownYear,
      totals,
      tables: {trade: counts[0] ?? 0, productsQuarterly: counts[1] ?? 0, countriesQuarterly: counts[2] ?? 0, ...labelCounts},
      reconciliation: await reconcile(connection, "clean"),
      warnings: state.warnings
    };
    await writeFile(join(outDir, OUTPUT_FILES.manifest), JSON.stringify(manifest, null, 2));
    addStage("totals, reconciliation, manifest", started);
    return manifest;
  });
}
