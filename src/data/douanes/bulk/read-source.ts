/**
 * A bulk source read end to end into DuckDB, checked, before any output is
 * written (used by the pipeline and by npm run data:check):
 *   1. every data file staged (stage.ts), with its column order and the
 *      examples of its rejected lines (file, line, value);
 *   2. overlaps: several files for the same (flow, year) — the rolling
 *      series wins over an annual file; the other file's rows for that year
 *      are rejected, naming the file kept; files of the same standing (two
 *      rolling files) are not ranked by name but compared line by line;
 *   3. duplicates among the kept rows: identical rows rejected, conflicting
 *      values refuse the source, naming both places;
 *   4. what the kept rows hold: quarters, totals, codes per département,
 *      régions against the customs' mapping, codes missing from the labels.
 * The `bulk` table then holds every line read, `reason IS NULL` for the kept ones.
 */
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {CORSICA_CODE, customsRegionOf, MONACO_CODE, OVERSEAS_TO_INSEE, siteDeptCode} from "../../customs-geography.js";
import {a129OfCpf4} from "../../reference/a129.js";
import {findDepartement} from "../../territories.js";
import {findCompleteYears, type YearCoverage} from "../complete-years.js";
import {findGaps, type Covered, type Gap} from "../completeness.js";
import {conflictingValuesError} from "../duplicates.js";
import {SourceError} from "../errors.js";
import type {Accounting, RejectionExample} from "../rejections.js";
import type {SourceEntry} from "./classify.js";
import {readLabelFile, type LabelFile, type LabelKind} from "./labels.js";
import {seriesOfName, type BulkColumnOrder, type BulkSeries} from "./layout.js";
import {readLinesAt} from "./lines.js";
import {overlapText, REASON_CODES, reasonField, reasonIndex, reasonText, type ReasonCode} from "./reasons.js";
import {BULK_DDL, stageBulkFile} from "./stage.js";
import {printError} from "../terminal.js";
import {removeTemporary, temporaryFolder} from "../temporary.js";

const EXAMPLES = 5;
/** The table name in completeness messages. */
const BULK_TABLE = "fichiers « Bases complètes »";
/** Above this share of trimestre values 5–12, a file is taken for monthly and refused. */
const MONTHLY_SHARE = 0.01;

export interface BulkFileReport {
  file: string;
  fileId: number;
  series: BulkSeries;
  /** Where the series comes from: the file's name, or its content (one year: annual, several: rolling). */
  seriesFrom: "name" | "content";
  columnOrder: BulkColumnOrder;
  /** Sample lines fitting each column order. */
  orderSample: {sampled: number; a129First: number; cpf4First: number};
  reading: "fields" | "lines";
  firstRow: number;
  /** Lines read = kept + rejected, after overlaps and duplicates. */
  rows: {read: number; kept: number; rejected: number};
  /** Years of its valid rows (before overlaps). */
  years: number[];
}

export interface LabelSourceReport {
  kind: LabelKind;
  /** The label file used, or "référentiel" (tables in src/data/reference). */
  source: string;
  encoding: string | null;
  codes: number;
}

export interface BulkReading {
  files: BulkFileReport[];
  fileNames: string[];
  accounting: Accounting;
  quarters: {year: number; quarter: number}[];
  years: YearCoverage;
  totals: {year: number; flow: string; value_eur: number}[];
  /** Kept rows per département code as published (before 9A… → 971…). */
  rowsPerDept: Record<string, number>;
  unknownCodes: {dept: string[]; a129: string[]; cpf4: string[]; country: string[]};
  regionMismatches: {count: number; examples: string[]};
  labels: Partial<Record<LabelKind, LabelFile>>;
  labelFiles: LabelFile[];
  warnings: string[];
  /** Département × flow × quarter without any kept row (site codes), against the département list and the quarters covered. */
  gaps: Gap[];
  /** Distinct (a129, product) and country codes of the kept rows. */
  products: {a129: string; product: string}[];
  countries: string[];
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function rows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
}

/** SQL turning the customs' département code into the site's (9A… → 971…). */
export const SITE_DEPT_SQL = `CASE dept ${Object.entries(OVERSEAS_TO_INSEE).map(([c, i]) => `WHEN '${c}' THEN '${i}'`).join(" ")} ELSE dept END`;

class Examples {
  private readonly byReason = new Map<string, {count: number; examples: RejectionExample[]}>();

  add(reason: string, count: number, examples: RejectionExample[]): void {
    const entry = this.byReason.get(reason) ?? {count: 0, examples: []};
    entry.count += count;
    entry.examples = [...entry.examples, ...examples].slice(0, EXAMPLES);
    this.byReason.set(reason, entry);
  }

  accounting(read: number): Accounting {
    const reasons = [...this.byReason].map(([reason, {count, examples}]) => ({reason, count, examples}))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    const rejected = reasons.reduce((s, r) => s + r.count, 0);
    return {read, kept: read - rejected, rejected, reasons};
  }
}

function fieldOfLine(line: string, code: ReasonCode, order: BulkColumnOrder): {column: string; value: string} {
  const index = reasonField(code);
  if (index === undefined) return {column: "", value: line};
  const fields = line.split(";");
  // Fields 5 and 6 (0-based) are swapped in files written CPF4 first.
  const at = order === "cpf4-a129" && (index === 5 || index === 6) ? 11 - index : index;
  const names = ["flux", "trimestre", "année", "code département", "code région", "A129", "CPF4", "code pays", "valeur", "masse"];
  return {column: names[index], value: fields[at] ?? ""};
}

/** Stages one entry (a temporary copy for a zip entry, removed in finally) and collects its examples. */
async function stageEntry(connection: DuckDBConnection, entry: SourceEntry, fileId: number, examples: Examples, warnings: string[]): Promise<BulkFileReport> {
  let temporary: string | undefined;
  try {
    let path = entry.path;
    if (!path) {
      temporary = temporaryFolder("douanes-bulk-");
      path = join(temporary, "entry.txt");
      await entry.extractTo(path);
    }
    // Said before the longest step of a large source, so that a long wait is explained.
    printError(`[douanes] ${entry.file} : ${entry.size} octets, lecture…`);
    const staged = await stageBulkFile(connection, path, entry.file, fileId);
    const first = staged.firstRow;
    const last = first + staged.lines;
    const range = `rowid >= ${first} AND rowid < ${last} AND reason IS NOT NULL`;
    const counts = await rows(connection, `SELECT reason, count(*) FROM bulk WHERE ${range} GROUP BY reason ORDER BY reason`);
    const firstIds = await rows(connection, `SELECT reason, rowid FROM bulk WHERE ${range}
      QUALIFY row_number() OVER (PARTITION BY reason ORDER BY rowid) <= ${EXAMPLES} ORDER BY reason, rowid`);
    const lines = readLinesAt(path, firstIds.map(([, id]) => Number(id) - first + 1));
    let rejected = 0;
    for (const [reason, n] of counts) {
      const code = REASON_CODES[Number(reason)];
      rejected += Number(n);
      const ids = firstIds.filter(([r]) => Number(r) === Number(reason)).map(([, id]) => Number(id));
      examples.add(reasonText(code), Number(n), ids.map((id) => {
        const line = id - first + 1;
        return {file: entry.file, row: line, ...fieldOfLine(lines.get(line) ?? "", code, staged.order.order)};
      }));
      if (code === "month" && Number(n) > staged.lines * MONTHLY_SHARE) {
        throw new SourceError(`${entry.file} : ${n} lignes sur ${staged.lines} ont un trimestre entre 5 et 12 : ce fichier semble mensuel (colonne « trimestre » en mois), ` +
          `ses valeurs 1 à 4 seraient alors des mois et non des trimestres. Que faire : signalez ce fichier (la disposition mensuelle n'est pas prise en charge), ou retirez-le de la source.`);
      }
    }
    const years = (await rows(connection, `SELECT DISTINCT annee FROM bulk WHERE rowid >= ${first} AND rowid < ${last} AND reason IS NULL ORDER BY 1`)).map((r) => Number(r[0]));
    const named = seriesOfName(entry.name);
    const series: BulkSeries = named.series !== "unknown" ? named.series : years.length > 1 ? "rolling" : "annual";
    if (named.series === "annual" && named.year !== undefined && years.some((y) => y !== named.year)) {
      warnings.push(`${entry.file} : le nom annonce l'année ${named.year} mais le fichier contient ${years.join(", ")}`);
    }
    return {
      file: entry.file,
      fileId,
      series,
      seriesFrom: named.series !== "unknown" ? "name" : "content",
      columnOrder: staged.order.order,
      orderSample: {sampled: staged.order.sampled, a129First: staged.order.fitting["a129-cpf4"], cpf4First: staged.order.fitting["cpf4-a129"]},
      reading: staged.reading,
      firstRow: first,
      rows: {read: staged.lines, kept: staged.lines - rejected, rejected},
      years
    };
  } finally {
    if (temporary) await removeTemporary(temporary);
  }
}

function fileOfRow(files: BulkFileReport[], rowid: number): {file: string; line: number} {
  const report = files.find((f) => rowid >= f.firstRow && rowid < f.firstRow + f.rows.read)!;
  return {file: report.file, line: rowid - report.firstRow + 1};
}

/** Rank of a file for a (flow, year) several files cover: rolling series first, then an annual file named for that year, then the later file. */
function rank(report: BulkFileReport, entry: SourceEntry, year: number): number[] {
  const named = seriesOfName(entry.name);
  return [report.series === "rolling" ? 2 : named.year === year ? 1 : 0, report.fileId];
}

async function resolveOverlaps(connection: DuckDBConnection, files: BulkFileReport[], entries: SourceEntry[], examples: Examples): Promise<void> {
  const covered = await rows(connection, "SELECT file_id, flux::VARCHAR, annee, count(*), min(rowid) FROM bulk WHERE reason IS NULL GROUP BY ALL ORDER BY 2, 3, 1");
  const groups = new Map<string, {fileId: number; count: number; firstRow: number}[]>();
  for (const [fileId, flux, year, n, firstRow] of covered) {
    const key = `${flux}|${year}`;
    groups.set(key, [...(groups.get(key) ?? []), {fileId: Number(fileId), count: Number(n), firstRow: Number(firstRow)}]);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [flux, yearText] = key.split("|");
    const year = Number(yearText);
    const ranked = [...group].sort((a, b) => {
      const [ra, rb] = [rank(files[a.fileId], entries[a.fileId], year), rank(files[b.fileId], entries[b.fileId], year)];
      return rb[0] - ra[0] || rb[1] - ra[1];
    });
    const kept = files[ranked[0].fileId].file;
    const standing = (fileId: number) => rank(files[fileId], entries[fileId], year)[0];
    for (const loser of ranked.slice(1)) {
      // Same standing as the file kept (two rolling files…): file-name order must not decide; their lines are compared instead (rejectDuplicates).
      if (standing(loser.fileId) === standing(ranked[0].fileId)) continue;
      await connection.run(`UPDATE bulk SET reason = ${reasonIndex("overlap")} WHERE reason IS NULL AND file_id = ${loser.fileId} AND flux = '${flux}' AND annee = ${year}`);
      const report = files[loser.fileId];
      report.rows.kept -= loser.count;
      report.rows.rejected += loser.count;
      const where = fileOfRow(files, loser.firstRow);
      examples.add(overlapText(flux, year, kept), loser.count, [{file: where.file, row: where.line, column: "année", value: `${flux} ${year} (${loser.count} lignes)`}]);
    }
  }
}

async function rejectDuplicates(connection: DuckDBConnection, files: BulkFileReport[], examples: Examples): Promise<void> {
  // Grouped on a 64-bit hash of the key (a small hash table for millions of rows); the candidates are then compared on the key itself.
  const key = "hash(flux, annee, trimestre, dept, product, country)";
  await connection.run(`CREATE TEMP TABLE dup_keys AS SELECT ${key} AS h FROM bulk WHERE reason IS NULL GROUP BY ALL HAVING count(*) > 1`);
  try {
    const [[n]] = await rows(connection, "SELECT count(*) FROM dup_keys");
    if (Number(n) === 0) return;
    const candidates = await rows(connection, `SELECT rowid, flux::VARCHAR, annee, trimestre, dept, product, country, a129, region, value_eur, mass_kg
      FROM bulk WHERE reason IS NULL AND ${key} IN (SELECT h FROM dup_keys) ORDER BY flux, annee, trimestre, dept, product, country, rowid`);
    const duplicates: number[] = [];
    const exampleRows: RejectionExample[] = [];
    let previous: unknown[] | undefined;
    let firstOfKey: unknown[] | undefined;
    for (const row of candidates) {
      const sameKey = previous !== undefined && row.slice(1, 7).every((v, i) => v === previous![i + 1]);
      if (!sameKey) { firstOfKey = row; previous = row; continue; }
      const identical = row.slice(7).every((v, i) => v === firstOfKey![i + 7]);
      const here = fileOfRow(files, Number(row[0]));
      const there = fileOfRow(files, Number(firstOfKey![0]));
      const describe = (r: unknown[]) => `A129 ${r[7]}, région ${r[8]}, valeur ${r[9]} €, masse ${r[10] ?? "vide"}`;
      const keyText = `${row[1]} ${row[2]}T${row[3]} département ${row[4]} produit ${String(row[5]).padStart(4, "0")} pays ${row[6]}`;
      if (!identical) throw conflictingValuesError(keyText, {...there, values: describe(firstOfKey!)}, {...here, values: describe(row)});
      duplicates.push(Number(row[0]));
      if (exampleRows.length < EXAMPLES) exampleRows.push({file: here.file, row: here.line, column: "", value: `${keyText} = ${row[9]} € (déjà lue : ${there.file}, ligne ${there.line})`});
      previous = row;
    }
    if (duplicates.length === 0) return;
    await connection.run("CREATE TEMP TABLE dup_rows (rid BIGINT)");
    const appender = await connection.createAppender("dup_rows");
    for (const rid of duplicates) { appender.appendBigInt(BigInt(rid)); appender.endRow(); }
    appender.closeSync();
    await connection.run(`UPDATE bulk SET reason = ${reasonIndex("duplicate")} WHERE rowid IN (SELECT rid FROM dup_rows)`);
    await connection.run("DROP TABLE dup_rows");
    for (const rid of duplicates) {
      const report = files.find((f) => rid >= f.firstRow && rid < f.firstRow + f.rows.read)!;
      report.rows.kept--;
      report.rows.rejected++;
    }
    examples.add(reasonText("duplicate"), duplicates.length, exampleRows);
  } finally {
    await connection.run("DROP TABLE dup_keys");
  }
}

/** The customs région a (customs) département code belongs to, from Departement_region.txt or from customs-geography.ts. */
function expectedRegion(dept: string, labels: Partial<Record<LabelKind, LabelFile>>): string | undefined {
  const listed = labels["dept-region"]?.departments.get(dept);
  if (listed) return listed.region.padStart(2, "0");
  if (dept === CORSICA_CODE) return "22";
  if (dept === MONACO_CODE) return "21";
  const site = findDepartement(siteDeptCode(dept));
  return site ? customsRegionOf(site.regionCode) : undefined;
}

function isKnownSiteDept(dept: string): boolean {
  return dept === CORSICA_CODE || dept === MONACO_CODE || findDepartement(siteDeptCode(dept)) !== undefined;
}

async function describeKept(connection: DuckDBConnection, reading: BulkReading): Promise<void> {
  // One scan for all the small summaries.
  const summary = await rows(connection, `SELECT GROUPING(flux, annee, trimestre)::INTEGER AS g1, GROUPING(dept, region)::INTEGER AS g2, GROUPING(a129, product)::INTEGER AS g3,
      flux::VARCHAR, annee, trimestre, dept, region, a129, product, country, count(*), sum(value_eur), min(rowid)
    FROM bulk WHERE reason IS NULL
    GROUP BY GROUPING SETS ((flux, annee, trimestre), (dept, region), (a129, product), (country), (flux, annee, trimestre, dept))`);
  const covered: Covered[] = [];
  const quarters = new Set<string>();
  const totals = new Map<string, number>();
  const deptRows = new Map<string, number>();
  const mismatches: string[] = [];
  let mismatchCount = 0;
  for (const [g1, g2, g3, flux, year, quarter, dept, region, a129, product, country, n, sum, firstRow] of summary) {
    // GROUPING(dept, region) is 1 for the set (flux, annee, trimestre, dept): région not grouped.
    if (Number(g1) === 0 && Number(g2) === 1) {
      covered.push({table: BULK_TABLE, dept: siteDeptCode(String(dept)), flow: flux === "E" ? "export" : "import", year: Number(year), quarter: Number(quarter)});
    } else if (Number(g1) === 0) {
      quarters.add(`${year}|${quarter}`);
      const key = `${year}|${flux === "E" ? "export" : "import"}`;
      totals.set(key, (totals.get(key) ?? 0) + Number(sum));
    } else if (Number(g2) === 0) {
      const code = String(dept);
      deptRows.set(code, (deptRows.get(code) ?? 0) + Number(n));
      const regionCode = region === null ? "(illisible)" : String(region).padStart(2, "0");
      const expected = expectedRegion(code, reading.labels);
      if (expected !== undefined && expected !== regionCode) {
        mismatchCount += Number(n);
        const where = fileOfRow(reading.files, Number(firstRow));
        if (mismatches.length < EXAMPLES) mismatches.push(`département ${code} en région ${regionCode} au lieu de ${expected} (${n} lignes, ex. ${where.file}, ligne ${where.line})`);
      }
    } else if (Number(g3) === 0) {
      reading.products.push({a129: String(a129), product: String(product).padStart(4, "0")});
    } else {
      reading.countries.push(String(country));
    }
  }
  reading.quarters = [...quarters].map((q) => q.split("|").map(Number)).map(([year, quarter]) => ({year, quarter})).sort((a, b) => a.year - b.year || a.quarter - b.quarter);
  reading.years = findCompleteYears(reading.quarters);
  reading.totals = [...totals].map(([key, value]) => ({year: Number(key.split("|")[0]), flow: key.split("|")[1], value_eur: value})).sort((a, b) => a.year - b.year || a.flow.localeCompare(b.flow));
  reading.rowsPerDept = Object.fromEntries([...deptRows].sort(([a], [b]) => a.localeCompare(b)));
  reading.products.sort((a, b) => a.product.localeCompare(b.product) || a.a129.localeCompare(b.a129));
  reading.countries.sort();
  reading.regionMismatches = {count: mismatchCount, examples: mismatches};
  // What the source says it covers: its département list, when it ships one.
  reading.gaps = findGaps(covered, [...(reading.labels["dept-region"]?.departments.keys() ?? [])].map(siteDeptCode));
  if (mismatchCount) reading.warnings.push(`${mismatchCount} lignes dont le code région ne correspond pas au département (table des douanes${reading.labels["dept-region"] ? ` « ${reading.labels["dept-region"].file} »` : " de customs-geography.ts"}) : ${mismatches.join(" ; ")} — lignes gardées, le département fait foi`);

  const unknownDepts = [...deptRows.keys()].filter((d) => !isKnownSiteDept(d));
  reading.unknownCodes.dept = unknownDepts;
  if (unknownDepts.length) {
    reading.warnings.push(`Codes département inconnus du site, gardés (ils comptent dans la France entière, dans aucun département ni aucune région) : ${unknownDepts.map((d) => `${d} (${deptRows.get(d)} lignes)`).join(", ")}`);
  }
  const inconsistent = reading.products.filter(({a129, product}) => {
    const expected = a129OfCpf4(product);
    return expected !== undefined && expected !== a129;
  });
  if (inconsistent.length) {
    reading.warnings.push(`${inconsistent.length} couple(s) A129 / CPF4 différents de la nomenclature NA 2008 (src/data/reference/a129.ts), gardés tels que publiés : ${inconsistent.slice(0, 10).map((p) => `${p.product} en ${p.a129} (attendu ${a129OfCpf4(p.product)})`).join(", ")}`);
  }
  const multiple = new Map<string, string[]>();
  for (const {a129, product} of reading.products) multiple.set(product, [...(multiple.get(product) ?? []), a129]);
  const split = [...multiple].filter(([, codes]) => codes.length > 1);
  if (split.length) reading.warnings.push(`Codes CPF4 publiés sous plusieurs codes A129 : ${split.slice(0, 10).map(([p, codes]) => `${p} (${codes.join(", ")})`).join(" ; ")}`);
}

function pickLabels(entries: SourceEntry[], labelFiles: LabelFile[], warnings: string[]): Partial<Record<LabelKind, LabelFile>> {
  const chosen: Partial<Record<LabelKind, LabelFile>> = {};
  for (const file of labelFiles) {
    const already = chosen[file.kind];
    if (already) warnings.push(`${file.file} : deuxième fichier de libellés du même type que « ${already.file} », ignoré`);
    else chosen[file.kind] = file;
    for (const problem of file.problems.slice(0, 10)) warnings.push(problem);
    if (file.problems.length > 10) warnings.push(`${file.file} : … et ${file.problems.length - 10} autres lignes de libellés inutilisables`);
  }
  void entries;
  return chosen;
}

/**
 * Reads the bulk entries of a source into the `bulk` table of `connection`.
 * `entries` are the source's entries classified "bulk" or "labels", in order.
 */
export async function readBulkSource(connection: DuckDBConnection, entries: SourceEntry[], stage: (name: string, started: number) => void = () => {}): Promise<BulkReading> {
  let started = performance.now();
  for (const statement of BULK_DDL) await connection.run(statement);
  const warnings: string[] = [];
  const labelFiles: LabelFile[] = [];
  for (const entry of entries.filter((e) => e.kind === "labels")) labelFiles.push(readLabelFile(await entry.read(), entry.file, entry.labelKind!));
  const dataEntries = entries.filter((e) => e.kind === "bulk");
  const examples = new Examples();
  const files: BulkFileReport[] = [];
  for (const [fileId, entry] of dataEntries.entries()) {
    files.push(await stageEntry(connection, entry, fileId, examples, warnings));
    // Compresses the staged rows when the database allows it (ATTACH … (COMPRESS)); a no-op cost otherwise.
    await connection.run("CHECKPOINT");
  }
  stage("read and check lines", started);
  started = performance.now();
  const reading: BulkReading = {
    files,
    fileNames: files.map((f) => f.file),
    accounting: {read: 0, kept: 0, rejected: 0, reasons: []},
    quarters: [],
    years: {completeYears: [], shownYear: undefined, partialYears: []},
    totals: [],
    rowsPerDept: {},
    unknownCodes: {dept: [], a129: [], cpf4: [], country: []},
    regionMismatches: {count: 0, examples: []},
    labels: pickLabels(entries, labelFiles, warnings),
    labelFiles,
    warnings,
    products: [],
    countries: [],
    gaps: []
  };
  await resolveOverlaps(connection, files, dataEntries, examples);
  await rejectDuplicates(connection, files, examples);
  stage("overlaps, duplicates", started);
  started = performance.now();
  reading.accounting = examples.accounting(files.reduce((s, f) => s + f.rows.read, 0));
  await describeKept(connection, reading);
  stage("summaries", started);
  return reading;
}

export {sqlString};
