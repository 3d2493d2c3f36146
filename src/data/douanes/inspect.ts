/**
 * Diagnostics of a source (npm run data:check): what each file holds and how
 * the parser understands it, without stopping at the first fatal problem.
 */
import {withDuckDB} from "../parquet-output.js";
import {classifyInputs, type SourceEntry} from "./bulk/classify.js";
import {bulkLabelRows} from "./bulk/outputs.js";
import {readBulkSource} from "./bulk/read-source.js";
import {findCompleteYears} from "./complete-years.js";
import {describeGaps, findGaps, type Covered, type Gap} from "./completeness.js";
import {extensionOf, nameHints} from "./file-names.js";
import {convertFile, TABLE_NAMES, type RecordSink, type TableKind} from "./records.js";
import {RejectionLog, describeAccounting} from "./rejections.js";
import {entriesOf} from "./source-entries.js";
import type {SourceInput} from "./source.js";
import {describeContent, sniffContent} from "./sniff.js";
import {openTables} from "./table-reader.js";

export interface InspectionSummary {
  fatalErrors: string[];
  logs: Record<TableKind, RejectionLog>;
  totals: Map<string, number>;
  quarters: Map<TableKind, Set<string>>;
}

const euros = (value: number) => `${value.toLocaleString("fr-FR", {maximumFractionDigits: 2})} €`;

function emptySummary(): InspectionSummary {
  return {
    fatalErrors: [],
    logs: {crossed: new RejectionLog(), products: new RejectionLog(), countries: new RejectionLog()},
    totals: new Map(),
    quarters: new Map([["crossed", new Set()], ["products", new Set()], ["countries", new Set()]])
  };
}

function reportGaps(gaps: Gap[], print: (line: string) => void, summary: InspectionSummary): void {
  if (gaps.length === 0) return;
  print("\n■ Trous (département × flux × trimestre sans aucune valeur)");
  for (const line of describeGaps(gaps)) print(`  ✗ ${line}`);
  summary.fatalErrors.push(`${gaps.length} trou(s) département × flux × trimestre (TRADE_ALLOW_GAPS=1 pour publier quand même, avec un avertissement)`);
}

/** The bulk layout: the pipeline's own reading (same checks), printed instead of published. */
async function inspectBulk(entries: SourceEntry[], print: (line: string) => void): Promise<InspectionSummary> {
  const summary = emptySummary();
  print("■ Disposition : « Bases complètes » (fichiers en vrac sans en-tête, dix champs séparés par « ; », valeurs en euros, masses en kg)");
  for (const entry of entries) {
    const what = {bulk: "données", labels: `libellés (${entry.labelKind})`, readme: "lisez-moi", table: "ignoré (tableau d'une autre disposition)", ignored: "ignoré"}[entry.kind];
    print(`  • ${entry.file} — ${entry.size} octets, ${what}`);
  }
  try {
    await withDuckDB(async (connection) => {
      const reading = await readBulkSource(connection, entries.filter((e) => e.kind === "bulk" || e.kind === "labels"));
      print("\n■ Fichiers de données");
      for (const f of reading.files) {
        print(`  • ${f.file} : colonnes ${f.columnOrder === "a129-cpf4" ? "A129 puis CPF4" : "CPF4 puis A129"} ` +
          `(échantillon de ${f.orderSample.sampled} lignes : ${f.orderSample.a129First} A129 d'abord, ${f.orderSample.cpf4First} CPF4 d'abord), ` +
          `série ${f.series === "rolling" ? "glissante" : "annuelle"} (d'après ${f.seriesFrom === "name" ? "le nom" : "le contenu"}), lecture ${f.reading === "fields" ? "par champs" : "ligne à ligne"}, ` +
          `années ${f.years.join(", ") || "aucune"} ; ${f.rows.read} lignes lues = ${f.rows.kept} gardées + ${f.rows.rejected} rejetées`);
      }
      for (const file of reading.labelFiles) print(`  • libellés ${file.kind} : ${file.file}, ${file.encoding}, ${file.lines} lignes${file.problems.length ? `, ${file.problems.length} inutilisables` : ""}`);
      print("\n■ Trimestres et années");
      const byYear = new Map<number, number[]>();
      for (const {year, quarter} of reading.quarters) byYear.set(year, [...(byYear.get(year) ?? []), quarter]);
      for (const [year, quarters] of byYear) print(`  ${year} : T${quarters.join(", T")}`);
      print(`  années complètes : ${reading.years.completeYears.join(", ") || "aucune"} ; année montrée : ${reading.years.shownYear ?? "aucune"}`);
      print("\n■ Lignes gardées par code département (tel que publié)");
      const depts = Object.entries(reading.rowsPerDept);
      for (let i = 0; i < depts.length; i += 8) print("  " + depts.slice(i, i + 8).map(([code, n]) => `${code} : ${n}`).join(" ; "));
      if (reading.unknownCodes.dept.length) print(`  inconnus du site (gardés, comptés dans la France entière) : ${reading.unknownCodes.dept.join(", ")}`);
      const year = reading.years.shownYear ?? reading.quarters.at(-1)?.year ?? new Date().getFullYear();
      const labels = bulkLabelRows(reading, year);
      print(`\n■ Libellés (versions valides en ${year})`);
      for (const source of labels.sources) print(`  ${source.kind} : ${source.source}${source.encoding ? ` (${source.encoding})` : ""}`);
      for (const kind of ["a129", "cpf4", "country"] as const) {
        const codes = reading.unknownCodes[kind];
        print(`  codes ${kind} des données absents des libellés : ${codes.length ? codes.join(", ") : "aucun"}`);
      }
      print("\n■ Totaux par année et flux");
      for (const total of reading.totals) print(`  ${total.year} ${total.flow} : ${euros(total.value_eur)}`);
      print("\n■ Lignes");
      print(describeAccounting("  lignes", reading.accounting).replace("valeurs lues", "lignes lues").replaceAll("\n", "\n  "));
      if (reading.warnings.length) {
        print("\n■ Avertissements");
        for (const warning of reading.warnings) print(`  ! ${warning}`);
      }
      if (reading.years.shownYear === undefined) summary.fatalErrors.push("aucune année complète (quatre trimestres)");
      reportGaps(reading.gaps, print, summary);
    });
  } catch (error) {
    summary.fatalErrors.push((error as Error).message);
    print(`  ✗ ${(error as Error).message}`);
  }
  if (summary.fatalErrors.length) print(`\n✗ ${summary.fatalErrors.length} problème(s) bloquant(s) : le pipeline échouera sur cette source.`);
  return summary;
}

export async function inspectInputs(inputs: SourceInput[], print: (line: string) => void): Promise<InspectionSummary> {
  let classified: SourceEntry[] | undefined;
  try {
    classified = await classifyInputs(inputs);
  } catch {
    classified = undefined; // the per-file reading below names the problem
  }
  if (classified?.some((e) => e.kind === "bulk")) return inspectBulk(classified, print);
  print("■ Disposition : zips régionaux (tableaux .xls / .csv avec en-têtes, milliers d'euros)");
  const summary: InspectionSummary = {
    fatalErrors: [],
    logs: {crossed: new RejectionLog(), products: new RejectionLog(), countries: new RejectionLog()},
    totals: new Map(),
    quarters: new Map([["crossed", new Set()], ["products", new Set()], ["countries", new Set()]])
  };
  const seen = new Set<string>();
  const covered = new Map<string, Covered>();
  for (const input of inputs) {
    print(`\n■ ${input.name} (${input.bytes} octets, sha256 ${input.sha256.slice(0, 16)}…)`);
    let entries;
    try {
      entries = await entriesOf(input);
    } catch (error) {
      summary.fatalErrors.push((error as Error).message);
      print(`  ✗ ${(error as Error).message}`);
      continue;
    }
    for (const entry of entries) {
      const file = entry.name === input.name ? input.name : `${input.name}/${entry.name}`;
      const hints = nameHints(entry.name);
      print(`  • ${entry.name} — ${describeContent(sniffContent(entry.head(1024)))}, nom : ${hints.kind}${hints.flow ? `, ${hints.flow}` : ""}${hints.dept ? `, département ${hints.dept}` : ""}`);
      if (hints.kind === "readme" || !["xls", "xlsx", "csv", "txt", "tsv"].includes(extensionOf(entry.name))) continue;
      const fileLog = new RejectionLog();
      const unknownCodes = new Set<string>();
      const sink: RecordSink = {
        fact(kind, year, quarter, flow, dept, product, country, value) {
          const key = `${kind}|${flow}|${dept}|${product}|${country}|${year}T${quarter}`;
          if (seen.has(key)) {
            summary.logs[kind].add("doublon", 1, {file, row: 0, column: "", value: key});
            fileLog.add("doublon", 1, {file, row: 0, column: "", value: key});
            return;
          }
          seen.add(key);
          summary.logs[kind].kept++;
          fileLog.kept++;
          summary.quarters.get(kind)!.add(`${year}T${quarter}`);
          covered.set(`${kind}|${dept}|${flow}|${year}|${quarter}`, {table: TABLE_NAMES[kind], dept, flow, year, quarter});
          const totalKey = `${kind} ${flow} ${year}`;
          summary.totals.set(totalKey, (summary.totals.get(totalKey) ?? 0) + value);
        },
        reject(kind, reason, row, column, value, count) {
          summary.logs[kind].add(reason, count, {file, row, column, value});
          fileLog.add(reason, count, {file, row, column, value});
          if (reason.startsWith("code")) unknownCodes.add(`${column}=${value}`);
        },
        label() {},
        warn: (message) => print(`    ! ${message}`)
      };
      try {
        for (const report of convertFile(openTables(entry, file), hints, sink)) {
          print(`    feuille ${report.sheet ?? "(texte)"} : ${report.headerRow + report.dataLines} lignes, ${report.format}`);
          const roles = Object.entries(report.mapping.columns).map(([role, index]) => `${role}=« ${report.mapping.headers[index!]} »`);
          print(`    en-têtes (ligne ${report.headerRow}) : ${report.mapping.headers.map((h) => `« ${h} »`).join(", ")}`);
          print(`    disposition : ${report.mapping.layout}, type : ${report.kind}, unité : ${report.mapping.unit}; ${roles.join(", ")}` +
            (report.mapping.periodColumns.length ? `; trimestres en colonnes : ${report.mapping.periodColumns.map((p) => `${p.period.year}T${p.period.quarter}`).join(", ")}` : ""));
          if (report.mapping.unknown.length) print(`    colonnes non reconnues : ${report.mapping.unknown.join(", ")}`);
        }
        print(describeAccounting("    valeurs", fileLog.summary()).replaceAll("\n", "\n    "));
        if (unknownCodes.size) print(`    codes rejetés : ${[...unknownCodes].slice(0, 20).join(", ")}`);
      } catch (error) {
        summary.fatalErrors.push((error as Error).message);
        print(`    ✗ ${(error as Error).message}`);
      }
    }
  }
  print("\n■ Résumé");
  for (const kind of ["crossed", "products", "countries"] as TableKind[]) {
    print(describeAccounting(`  ${kind}`, summary.logs[kind].summary()).replaceAll("\n", "\n  "));
    print(`    trimestres : ${[...summary.quarters.get(kind)!].sort().join(", ") || "(aucun)"}`);
  }
  const crossedQuarters = [...summary.quarters.get("crossed")!].map((q) => ({year: Number(q.slice(0, 4)), quarter: Number(q.slice(5))}));
  const years = findCompleteYears(crossedQuarters);
  print(`  années complètes (fichiers croisés) : ${years.completeYears.join(", ") || "aucune"} ; année montrée : ${years.shownYear ?? "aucune"}`);
  for (const [key, value] of [...summary.totals].sort()) print(`  total ${key} : ${euros(value)}`);
  reportGaps(findGaps(covered.values()), print, summary);
  if (summary.fatalErrors.length) print(`\n✗ ${summary.fatalErrors.length} problème(s) bloquant(s) : le pipeline échouera sur cette source.`);
  return summary;
}
