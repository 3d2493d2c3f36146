/** The manifest published beside the data (data/manifest.json, src/factsheet/data-files.ts). */
import type {Accounting} from "./rejections.js";
import type {Reconciliation} from "./reconcile.js";
import type {SourceMode} from "./source.js";
import type {YearCoverage} from "./complete-years.js";
import type {Gap} from "./completeness.js";

export interface ManifestEntry {
  /** Name inside the archive, or relative path. */
  name: string;
  kind: string;
  layout?: string;
  format?: string;
  sheets?: string[];
  headers?: string[];
  unknownHeaders?: string[];
  values: number;
  /** Bulk data files: which of the 6th and 7th fields holds A129, from a sample of lines fitting each order. */
  columnOrder?: "a129-cpf4" | "cpf4-a129";
  orderSample?: {sampled: number; a129First: number; cpf4First: number};
  /** Bulk data files: rolling series or annual file, told by the name or, failing that, by the years it holds. */
  series?: "rolling" | "annual" | "unknown";
  seriesFrom?: "name" | "content";
  /** Bulk data files: lines read = kept + rejected (overlaps and duplicates included). */
  rows?: {read: number; kept: number; rejected: number};
  years?: number[];
  /** Label files: encoding sniffed. */
  encoding?: string;
}

/** Where the labels of one kind of code come from. */
export interface ManifestLabelSource {
  kind: "cpf4" | "a129" | "country" | "dept-region";
  /** The label file used, or the repository's reference tables. */
  source: string;
  encoding: string | null;
  codes: number;
}

export interface ManifestFile {
  name: string;
  origin: string;
  sha256: string;
  bytes: number;
  downloadedAt: string | null;
  entries: ManifestEntry[];
}

export interface Manifest {
  parserVersion: string;
  /** Which layout of the customs' files the source is in (docs/data.md §1 and §3). */
  layout: "bulk" | "region-zip";
  synthetic: boolean;
  source: {mode: SourceMode; description: string; fallbackReason: string | null};
  licence: string;
  countingUnit: string;
  files: ManifestFile[];
  rows: {crossed: Accounting; productsQuarterly: Accounting; countriesQuarterly: Accounting; total: Accounting};
  quarters: {crossed: string[]; productsQuarterly: string[]; countriesQuarterly: string[]};
  years: YearCoverage;
  shownYear: number;
  totals: {year: number; flow: string; value_eur: number}[];
  tables: {trade: number; productsQuarterly: number; countriesQuarterly: number; products: number; countries: number};
  reconciliation: Reconciliation;
  labels: ManifestLabelSource[];
  /** Codes of the kept rows missing from the label files (or from the reference tables when the source has none); unknown départements are kept. */
  unknownCodes: {dept: string[]; a129: string[]; cpf4: string[]; country: string[]};
  /** Bulk layout: kept rows per département code as published, and région codes not matching the customs' mapping. */
  geography?: {rowsPerDept: Record<string, number>; regionMismatches: {count: number; examples: string[]}};
  /** Département × flow × quarter without any value, published because TRADE_ALLOW_GAPS=1 (an error otherwise); site département codes. */
  gaps: Gap[];
  warnings: string[];
}
