/**
 * One full run: every input file read, checked and staged in DuckDB, then the
 * published tables written as Parquet into `outDir` with the manifest.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {copyToParquet, withDuckDB} from "../parquet-output.js";
import {a129Label, a129OfCpf4} from "../reference/a129.js";
import {cpf4Label} from "../reference/cpf4.js";
import {classifyInputs, type SourceEntry} from "./bulk/classify.js";
import {BULK_TRADE_SQL, bulkLabelRows, createLabelTable, REFERENCE_SOURCE} from "./bulk/outputs.js";
import {readBulkSource, SITE_DEPT_SQL, type BulkReading} from "./bulk/read-source.js";
import type {Flow} from "../canonical.js";
import {findCompleteYears, withShownYear} from "./complete-years.js";
import {checkGaps, findGaps} from "./completeness.js";
import {frenchCountryName} from "./countries.js";
import {conflictingValuesError} from "./duplicates.js";
import {SourceError} from "./errors.js";
import {extensionOf, nameHints} from "./file-names.js";
import type {Manifest, ManifestEntry, ManifestFile, ManifestLabelSource} from "./manifest.js";
import {reconcile} from "./reconcile.js";
import {convertFile, TABLE_NAMES, type RecordSink, type TableKind} from "./records.js";
import {RejectionLog, type Accounting, type RejectionExample} from "./rejections.js";
import {isKnownDept} from "./codes.js";
import {entriesOf} from "./source-entries.js";
import {openTables} from "./table-reader.js";
import type {SourcePlan} from "./source.js";
import {KIND_CODES, StagingWriter} from "./staging.js";

export const PARSER_VERSION = "2.0.0";

/** What every manifest begins with, whatever the layout: the parser, the source, the licence, what a row is. */
function manifestHeader(plan: SourcePlan, layout: Manifest["layout"], countingUnit: string) {
  return {
    parserVersion: PARSER_VERSION,
    layout,
    synthetic: plan.synthetic,
    source: {mode: plan.mode, description: plan.description, fallbackReason: plan.fallbackReason ?? null},
    licence: "Licence Ouverte 2.0 — Source : DGDDI / DSECE",
    countingUnit
  };
}

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
  /** The region zip's product label file, and how it was decoded. */
  labelFile?: {file: string; encoding: string};
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
      const sheets = openTables(entry, file);
      addStage("read sheets", started);
      started = performance.now();
      const reports = convertFile(sheets, hints, sinkFor(state, file, fileId, counter));
      addStage("map rows + stage", started);
      if (reports[0].kind === "labels") state.labelFile ??= {file, encoding: /windows-1252/.test(reports[0].format) ? "windows-1252" : /utf-8/.test(reports[0].format) ? "utf-8" : reports[0].format};
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

const KIND_NAMES = Object.fromEntries(Object.entries(KIND_CODES).map(([name, code]) => [code, name as TableKind])) as Record<number, TableKind>;

/** Second occurrences of the same keys are rejected when identical (the first one read is kept); different values refuse the source. */
async function rejectDuplicates(connection: DuckDBConnection, state: RunState): Promise<void> {
  await connection.run(`CREATE TABLE ranked AS SELECT *, row_number() OVER (
    PARTITION BY kind, flow, dept, product, country, year, quarter ORDER BY file_id, row_no) AS rn FROM staged`);
  await connection.run("DROP TABLE staged");
  const conflicts = await rows(connection, `SELECT a.kind, a.flow, a.dept, a.product, a.country, a.year || 'T' || a.quarter, a.file_id, a.row_no, a.value_eur, b.file_id, b.row_no, b.value_eur
    FROM (SELECT * FROM ranked WHERE rn > 1) b JOIN (SELECT * FROM ranked WHERE rn = 1) a USING (kind, flow, dept, product, country, year, quarter)
    WHERE a.value_eur <> b.value_eur ORDER BY b.file_id, b.row_no, a.year, a.quarter LIMIT 1`);
  if (conflicts.length) {
    const [kind, flow, dept, product, country, period, firstFile, firstRow, firstValue, secondFile, secondRow, secondValue] = conflicts[0];
    const key = `${flow} ${period} département ${dept}${product ? ` produit ${product}` : ""}${country ? ` pays ${country}` : ""} (${TABLE_NAMES[KIND_NAMES[Number(kind)]]})`;
    throw conflictingValuesError(key,
      {file: state.fileNames[Number(firstFile)], line: Number(firstRow), values: `valeur ${firstValue} €`},
      {file: state.fileNames[Number(secondFile)], line: Number(secondRow), values: `valeur ${secondValue} €`});
  }
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

async function writeLabelTables(connection: DuckDBConnection, state: RunState, outDir: string): Promise<{products: number; countries: number; sources: ManifestLabelSource[]}> {
  await connection.run("CREATE TABLE product_labels (code VARCHAR, name VARCHAR)");
  const appender = await connection.createAppender("product_labels");
  for (const [code, name] of state.labels) {
    appender.appendVarchar(code);
    appender.appendVarchar(name);
    appender.endRow();
  }
  appender.closeSync();
  const unlabeled = (await rows(connection, `SELECT DISTINCT product FROM clean WHERE kind IN (0, 1)
    AND product NOT IN (SELECT code FROM product_labels) ORDER BY 1`)).map((r) => String(r[0]));
  const fromReference = unlabeled.filter((code) => cpf4Label(code) !== undefined);
  const missing = unlabeled.filter((code) => cpf4Label(code) === undefined);
  if (unlabeled.length) {
    state.warnings.push(`${unlabeled.length} code(s) produit sans libellé dans le fichier de libellés : ${unlabeled.slice(0, 10).join(", ")}` +
      (fromReference.length ? ` (libellé du référentiel du dépôt pour ${fromReference.length})` : "") + (missing.length ? ` ; sans aucun libellé (libellé = code) : ${missing.slice(0, 10).join(", ")}` : ""));
  }
  const cpf4Codes = (await rows(connection, "SELECT DISTINCT product FROM clean WHERE kind IN (0, 1) UNION SELECT code FROM product_labels ORDER BY 1")).map((r) => String(r[0]));
  const a129Codes = [...new Set(cpf4Codes.map((code) => a129OfCpf4(code)).filter((code): code is string => code !== undefined))].sort();
  const productRows = [
    ...a129Codes.map((code) => ({code, name: a129Label(code) ?? code, level: "a129" as const})),
    ...cpf4Codes.map((code) => ({code, name: state.labels.get(code) ?? cpf4Label(code) ?? code, level: "cpf4" as const}))
  ];
  await createLabelTable(connection, "product_names", productRows, true);
  await writeParquet(connection, "SELECT code, name, level FROM product_names ORDER BY level, code", join(outDir, OUTPUT_FILES.products));

  const codes = (await rows(connection, "SELECT DISTINCT country FROM clean WHERE kind IN (0, 2) ORDER BY 1")).map((r) => String(r[0]));
  await createLabelTable(connection, "country_labels", codes.map((code) => ({code, name: frenchCountryName(code)})), false);
  await writeParquet(connection, "SELECT code, name FROM country_labels ORDER BY code", join(outDir, OUTPUT_FILES.countries));
  const labelFile = state.labelFile;
  return {
    products: productRows.length,
    countries: codes.length,
    sources: [
      {kind: "cpf4", source: labelFile ? labelFile.file : REFERENCE_SOURCE, encoding: labelFile?.encoding ?? null, codes: cpf4Codes.length},
      {kind: "a129", source: REFERENCE_SOURCE, encoding: null, codes: a129Codes.length},
      {kind: "country", source: REFERENCE_SOURCE, encoding: null, codes: codes.length}
    ]
  };
}

async function quartersOf(connection: DuckDBConnection, kind: TableKind): Promise<{year: number; quarter: number}[]> {
  return (await rows(connection, `SELECT DISTINCT year, quarter FROM clean WHERE kind = ${KIND_CODES[kind]} ORDER BY 1, 2`)).map(([year, quarter]) => ({year: Number(year), quarter: Number(quarter)}));
}

/**
 * DuckDB's share of the region-zip run's memory: a hostile CSV can stage tens
 * of millions of values, and the whole run stays under 1 GiB (npm run
 * bench:data), the JavaScript side reading its files as streams.
 */
const REGION_DUCKDB_MEMORY = "512MB";

async function runRegionZip(plan: SourcePlan, outDir: string, entries: SourceEntry[], options: RunOptions): Promise<Manifest> {
  return withDuckDB(async (connection) => {
    const state: RunState = {
      writer: await StagingWriter.open(connection),
      logs: {crossed: new RejectionLog(), products: new RejectionLog(), countries: new RejectionLog()},
      labels: new Map(),
      warnings: [],
      fileNames: []
    };
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

    const covered = (await rows(connection, "SELECT DISTINCT kind, dept, flow, year, quarter FROM clean")).map(([kind, dept, flow, year, quarter]) => ({
      table: TABLE_NAMES[KIND_NAMES[Number(kind)]], dept: String(dept), flow: String(flow) as Flow, year: Number(year), quarter: Number(quarter)
    }));
    const gaps = checkGaps(findGaps(covered), plan.allowGaps ?? false, state.warnings);

    const crossedQuarters = await quartersOf(connection, "crossed");
    if (crossedQuarters.length === 0) throw new SourceError("Aucune valeur lue dans les fichiers croisés Pays × Produits : rien à publier (voir npm run data:check).");
    const years = withShownYear(findCompleteYears(crossedQuarters), options.year);
    if (years.shownYear === undefined) {
      throw new SourceError(`Aucune année complète (quatre trimestres) dans les fichiers croisés : trimestres lus ${crossedQuarters.map((q) => `${q.year}T${q.quarter}`).join(", ")}.`);
    }
    for (const {year, quarters} of years.partialYears) state.warnings.push(`Année ${year} incomplète dans les fichiers croisés (trimestres ${quarters.join(", ")}) : gardée dans la table, non montrée comme année`);

    started = performance.now();
    // a129 derived from the CPF4 code (reference/a129.ts); the region zips carry no mass.
    const products = (await rows(connection, "SELECT DISTINCT product FROM clean WHERE kind IN (0, 1) ORDER BY 1")).map((r) => String(r[0]));
    await createLabelTable(connection, "product_a129", products.map((code) => ({code, name: a129OfCpf4(code) ?? ""})), false);
    const noA129 = products.filter((code) => a129OfCpf4(code) === undefined);
    if (noA129.length) state.warnings.push(`${noA129.length} code(s) produit sans position A129 (codes CPF4 à quatre chiffres attendus) : ${noA129.slice(0, 10).join(", ")} — a129 vide`);
    const withA129 = "SELECT c.*, nullif(p.name, '') AS a129 FROM clean c LEFT JOIN product_a129 p ON p.code = c.product";
    const canonical = `SELECT year, quarter, flow, dept, a129, product, country, value_eur, NULL::DOUBLE AS mass_kg FROM (${withA129}) WHERE kind = 0 ORDER BY dept, flow, year, quarter, product, country`;
    await writeParquet(connection, canonical, join(outDir, OUTPUT_FILES.trade));
    await writeParquet(connection, `SELECT year, quarter, flow, dept, a129, product, value_eur FROM (${withA129}) WHERE kind = 1 ORDER BY dept, flow, year, quarter, product`, join(outDir, OUTPUT_FILES.productsQuarterly));
    await writeParquet(connection, "SELECT year, quarter, flow, dept, country, value_eur FROM clean WHERE kind = 2 ORDER BY dept, flow, year, quarter, country", join(outDir, OUTPUT_FILES.countriesQuarterly));
    const {sources: labelSources, ...labelCounts} = await writeLabelTables(connection, state, outDir);
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
    const unknownDepts = (await rows(connection, "SELECT DISTINCT dept FROM clean ORDER BY 1")).map((r) => String(r[0])).filter((d) => !isKnownDept(d));
    const manifest: Manifest = {
      ...manifestHeader(plan, "region-zip", "valeur : une ligne en disposition longue, une cellule trimestre non vide en disposition large ; une ligne sans aucune valeur compte pour une"),
      files,
      rows: {...accounting, total: sumAccounting(Object.values(accounting))},
      quarters: {crossed: format(crossedQuarters), productsQuarterly: format(await quartersOf(connection, "products")), countriesQuarterly: format(await quartersOf(connection, "countries"))},
      years,
      shownYear: years.shownYear,
      totals,
      tables: {trade: counts[0] ?? 0, productsQuarterly: counts[1] ?? 0, countriesQuarterly: counts[2] ?? 0, ...labelCounts},
      reconciliation: await reconcile(connection, "clean"),
      labels: labelSources,
      gaps,
      unknownCodes: {dept: unknownDepts, a129: noA129, cpf4: (await rows(connection, "SELECT DISTINCT product FROM clean WHERE kind IN (0, 1) AND product NOT IN (SELECT code FROM product_labels) ORDER BY 1")).map((r) => String(r[0])).filter((c) => cpf4Label(c) === undefined), country: []},
      warnings: state.warnings
    };
    await writeFile(join(outDir, OUTPUT_FILES.manifest), JSON.stringify(manifest, null, 2));
    addStage("totals, reconciliation, manifest", started);
    return manifest;
  }, {memoryLimit: REGION_DUCKDB_MEMORY});
}

const NO_RECONCILIATION = {available: false, cellsCompared: 0, cellsDifferent: 0, crossedTotal: 0, otherTotal: 0, largest: []};
const EMPTY_ACCOUNTING: Accounting = {read: 0, kept: 0, rejected: 0, reasons: []};

function bulkManifestFiles(plan: SourcePlan, entries: SourceEntry[], reading: BulkReading): ManifestFile[] {
  return plan.inputs.map((input) => ({
    name: input.name, origin: input.origin, sha256: input.sha256, bytes: input.bytes, downloadedAt: input.downloadedAt,
    entries: entries.filter((entry) => entry.input === input).map((entry): ManifestEntry => {
      const report = reading.files.find((f) => f.file === entry.file);
      if (report) {
        return {
          name: entry.name, kind: "bulk", layout: "bulk", format: `texte ; sans en-tête, lecture ${report.reading === "fields" ? "par champs" : "ligne à ligne"}`,
          values: report.rows.read, columnOrder: report.columnOrder, orderSample: report.orderSample, series: report.series, seriesFrom: report.seriesFrom,
          rows: report.rows, years: report.years
        };
      }
      const labels = reading.labelFiles.find((f) => f.file === entry.file);
      if (labels) return {name: entry.name, kind: `labels:${labels.kind}`, format: `texte ${labels.encoding}`, encoding: labels.encoding, values: labels.lines};
      return {name: entry.name, kind: entry.kind === "readme" ? "readme" : "ignored", format: entry.content, values: 0};
    })
  }));
}

async function runBulk(plan: SourcePlan, outDir: string, entries: SourceEntry[], options: RunOptions): Promise<Manifest> {
  return withDuckDB(async (connection) => {
    // A compressed in-memory database: once checkpointed (read-source.ts), the staged lines of a
    // national year take about 50 MB instead of 400, which keeps the peak memory of the run low.
    await connection.run("ATTACH ':memory:' AS packed (COMPRESS)");
    await connection.run("USE packed");
    return bulkOutputs(connection, plan, outDir, entries, options);
  });
}

async function bulkOutputs(connection: DuckDBConnection, plan: SourcePlan, outDir: string, entries: SourceEntry[], options: RunOptions): Promise<Manifest> {
  {
    const reading = await readBulkSource(connection, entries.filter((e) => e.kind === "bulk" || e.kind === "labels"), addStage);
    for (const entry of entries) {
      if (entry.kind === "ignored") reading.warnings.push(`${entry.file} : fichier ignoré (extension non reconnue)`);
      if (entry.kind === "table") reading.warnings.push(`${entry.file} : fichier ignoré (${entry.content}, ni données « Bases complètes », ni fichier de libellés)`);
    }
    const format = (qs: {year: number; quarter: number}[]) => qs.map((q) => `${q.year}T${q.quarter}`);
    if (reading.quarters.length === 0) {
      throw new SourceError(`Aucune ligne gardée dans les fichiers « Bases complètes » (${reading.accounting.read} lues, toutes rejetées) : rien à publier. Que faire : lancez npm run data:check -- <dossier> pour voir les raisons.`);
    }
    const years = withShownYear(reading.years, options.year);
    if (years.shownYear === undefined) {
      throw new SourceError(`Aucune année complète (quatre trimestres) dans les fichiers « Bases complètes » : trimestres lus ${format(reading.quarters).join(", ")}.`);
    }
    for (const {year, quarters} of years.partialYears) reading.warnings.push(`Année ${year} incomplète (trimestres ${quarters.join(", ")}) : gardée dans la table, non montrée comme année`);
    const gaps = checkGaps(reading.gaps, plan.allowGaps ?? false, reading.warnings);

    let started = performance.now();
    await writeParquet(connection, BULK_TRADE_SQL, join(outDir, OUTPUT_FILES.trade));
    addStage("write trade.parquet", started);
    started = performance.now();
    // Margins grouped on the compact staged columns, formatted once per group.
    for (const [table, by] of [["product_margin", "a129, product"], ["country_margin", "country"]] as const) {
      await connection.run(`CREATE TEMP TABLE ${table} AS SELECT annee::SMALLINT AS year, trimestre::TINYINT AS quarter,
          CASE flux WHEN 'E' THEN 'export' ELSE 'import' END AS flow, ${SITE_DEPT_SQL} AS dept,
          ${by === "country" ? "country" : "a129, lpad(product::VARCHAR, 4, '0') AS product"}, value_eur
        FROM (SELECT flux, annee, trimestre, dept, ${by}, sum(value_eur) AS value_eur FROM bulk WHERE reason IS NULL GROUP BY ALL)`);
    }
    await writeParquet(connection, "SELECT * FROM product_margin ORDER BY dept, flow, year, quarter, product", join(outDir, OUTPUT_FILES.productsQuarterly));
    await writeParquet(connection, "SELECT * FROM country_margin ORDER BY dept, flow, year, quarter, country", join(outDir, OUTPUT_FILES.countriesQuarterly));
    const labels = bulkLabelRows(reading, years.shownYear);
    await createLabelTable(connection, "product_names", labels.products, true);
    await writeParquet(connection, "SELECT code, name, level FROM product_names ORDER BY level, code", join(outDir, OUTPUT_FILES.products));
    await createLabelTable(connection, "country_names", labels.countries, false);
    await writeParquet(connection, "SELECT code, name FROM country_names ORDER BY code", join(outDir, OUTPUT_FILES.countries));
    const [[productRows], [countryRows]] = [
      (await rows(connection, "SELECT count(*) FROM product_margin"))[0],
      (await rows(connection, "SELECT count(*) FROM country_margin"))[0]
    ];
    addStage("margins, labels", started);

    const quarters = format(reading.quarters);
    const manifest: Manifest = {
      ...manifestHeader(plan, "bulk", "ligne : une ligne d'un fichier « Bases complètes » (valeur en euros, masse en kg) ; les tables par produit et par pays en sont les marges"),
      files: bulkManifestFiles(plan, entries, reading),
      rows: {crossed: reading.accounting, productsQuarterly: EMPTY_ACCOUNTING, countriesQuarterly: EMPTY_ACCOUNTING, total: reading.accounting},
      quarters: {crossed: quarters, productsQuarterly: quarters, countriesQuarterly: quarters},
      years,
      shownYear: years.shownYear,
      totals: reading.totals,
      tables: {trade: reading.accounting.kept, productsQuarterly: Number(productRows), countriesQuarterly: Number(countryRows), products: labels.products.length, countries: labels.countries.length},
      reconciliation: {toleranceEur: 0, products: NO_RECONCILIATION, countries: NO_RECONCILIATION},
      labels: labels.sources,
      unknownCodes: reading.unknownCodes,
      gaps,
      geography: {rowsPerDept: reading.rowsPerDept, regionMismatches: reading.regionMismatches},
      warnings: reading.warnings
    };
    await writeFile(join(outDir, OUTPUT_FILES.manifest), JSON.stringify(manifest, null, 2));
    return manifest;
  }
}

/**
 * Reads a source in whichever layout its files are: the bulk layout (docs/data.md §1)
 * when any file holds bulk data, the region zips (§2) otherwise. A source mixing
 * both is refused.
 */
/** What a run may be told besides its source: the year to show (TRADE_YEAR, complete-years.ts), the latest complete one by default. */
export interface RunOptions {
  year?: number;
}

export async function runPipeline(plan: SourcePlan, outDir: string, options: RunOptions = {}): Promise<Manifest> {
  for (const key of Object.keys(stageSeconds)) delete stageSeconds[key];
  const started = performance.now();
  const entries = await classifyInputs(plan.inputs);
  const bulk = entries.filter((e) => e.kind === "bulk");
  const tables = entries.filter((e) => e.kind === "table");
  addStage("classify inputs", started);
  if (bulk.length && tables.length) {
    throw new SourceError(`La source mélange deux dispositions : des fichiers « Bases complètes » (${bulk.slice(0, 3).map((e) => e.file).join(", ")}) ` +
      `et des tableaux des zips régionaux (${tables.slice(0, 3).map((e) => e.file).join(", ")}). Que faire : gardez une seule disposition dans le dossier de la source.`);
  }
  return bulk.length ? runBulk(plan, outDir, entries, options) : runRegionZip(plan, outDir, entries, options);
}
