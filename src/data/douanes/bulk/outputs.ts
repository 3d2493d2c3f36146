/**
 * The published tables of a bulk source (see canonical.ts): the kept rows of
 * `bulk` in canonical form, their two margins, and the label tables — labels
 * from the customs' label files when the source ships them (the version
 * valid for the year shown), from the reference tables of the repository
 * otherwise, or for a code a label file lacks.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {a129Label, a129Products} from "../../reference/a129.js";
import {countryName, isKnownCountry} from "../../reference/countries.js";
import {cpf4Label, cpf4Products} from "../../reference/cpf4.js";
import {labelForYear, type LabelFile, type LabelKind} from "./labels.js";
import {SITE_DEPT_SQL, type BulkReading, type LabelSourceReport} from "./read-source.js";

/** The kept rows in canonical form (canonical.ts), in source order: files in name order, lines in file order. */
export const BULK_TRADE_SQL = `SELECT annee::SMALLINT AS year, trimestre::TINYINT AS quarter,
    CASE flux WHEN 'E' THEN 'export' ELSE 'import' END AS flow, ${SITE_DEPT_SQL} AS dept, a129,
    lpad(product::VARCHAR, 4, '0') AS product, country, value_eur, mass_kg
  FROM bulk WHERE reason IS NULL`;

export const REFERENCE_SOURCE = "référentiel du dépôt (src/data/reference)";

export interface LabelRow {
  code: string;
  name: string;
  level?: "a129" | "cpf4";
}

interface Level {
  kind: LabelKind;
  inData: string[];
  /** Codes of the reference table (listed in the products table when no label file is given). */
  reference: readonly {code: string}[];
  referenceLabel(code: string): string | undefined;
  missing(code: string): string;
}

function labelsOf(level: Level, file: LabelFile | undefined, year: number, reading: BulkReading): {rows: LabelRow[]; report: LabelSourceReport; unknown: string[]} {
  const codes = new Set<string>(level.inData);
  if (file) for (const code of file.labels.keys()) codes.add(code);
  else for (const {code} of level.reference) codes.add(code);
  const unknown: string[] = [];
  const fromReference: string[] = [];
  const rows: LabelRow[] = [...codes].sort().map((code) => {
    const fromFile = file ? labelForYear(file.labels.get(code), year) : undefined;
    if (fromFile !== undefined) return {code, name: fromFile};
    const reference = level.referenceLabel(code);
    if (level.inData.includes(code)) {
      if (file || reference === undefined) unknown.push(code);
      if (file && reference !== undefined) fromReference.push(code);
    }
    return {code, name: reference ?? level.missing(code)};
  });
  const what = {cpf4: "CPF4", a129: "A129", country: "pays", "dept-region": "département"}[level.kind];
  if (file && unknown.length) {
    reading.warnings.push(`${unknown.length} code(s) ${what} des données absents de « ${file.file} » : ${unknown.slice(0, 15).join(", ")}${unknown.length > 15 ? "…" : ""}` +
      (fromReference.length ? ` (libellé du référentiel du dépôt pour ${fromReference.length} d'entre eux)` : ""));
  } else if (!file && unknown.length) {
    reading.warnings.push(`${unknown.length} code(s) ${what} des données sans libellé (ni fichier de libellés, ni référentiel) : ${unknown.slice(0, 15).join(", ")}`);
  }
  return {rows, report: {kind: level.kind, source: file ? file.file : REFERENCE_SOURCE, encoding: file ? file.encoding : null, codes: rows.length}, unknown};
}

/** Product (both levels) and country label rows, the year's labels; fills reading.unknownCodes. */
export function bulkLabelRows(reading: BulkReading, year: number): {products: LabelRow[]; countries: LabelRow[]; sources: LabelSourceReport[]} {
  const a129 = labelsOf({
    kind: "a129", inData: [...new Set(reading.products.map((p) => p.a129))], reference: a129Products, referenceLabel: a129Label,
    missing: (code) => `Code A129 ${code} (sans libellé)`
  }, reading.labels.a129, year, reading);
  const cpf4 = labelsOf({
    kind: "cpf4", inData: [...new Set(reading.products.map((p) => p.product))], reference: cpf4Products, referenceLabel: cpf4Label,
    missing: (code) => `Produit ${code} (sans libellé)`
  }, reading.labels.cpf4, year, reading);
  const countries = labelsOf({
    kind: "country", inData: reading.countries, reference: [], referenceLabel: (code) => (isKnownCountry(code) ? countryName(code) : undefined),
    missing: (code) => `Pays non déterminé (code ${code})`
  }, reading.labels.country, year, reading);
  // Countries: the codes of the data only (a label file lists every country of the world).
  const countryRows = countries.rows.filter((row) => reading.countries.includes(row.code));
  reading.unknownCodes.a129 = a129.unknown;
  reading.unknownCodes.cpf4 = cpf4.unknown;
  reading.unknownCodes.country = countries.unknown;
  const sources = [a129.report, cpf4.report, {...countries.report, codes: countryRows.length}];
  const deptRegion = reading.labels["dept-region"];
  sources.push({kind: "dept-region", source: deptRegion ? deptRegion.file : "src/data/customs-geography.ts", encoding: deptRegion ? deptRegion.encoding : null, codes: deptRegion ? deptRegion.departments.size : 0});
  return {
    products: [...a129.rows.map((r) => ({...r, level: "a129" as const})), ...cpf4.rows.map((r) => ({...r, level: "cpf4" as const}))],
    countries: countryRows,
    sources
  };
}

export async function createLabelTable(connection: DuckDBConnection, name: string, rows: LabelRow[], withLevel: boolean): Promise<void> {
  await connection.run(`CREATE TABLE ${name} (code VARCHAR, name VARCHAR${withLevel ? ", level VARCHAR" : ""})`);
  const appender = await connection.createAppender(name);
  for (const row of rows) {
    appender.appendVarchar(row.code);
    appender.appendVarchar(row.name);
    if (withLevel) appender.appendVarchar(row.level!);
    appender.endRow();
  }
  appender.closeSync();
}
