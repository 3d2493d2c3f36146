/** The manifest published beside the data (src/data/manifest.json.ts). */
import type {Accounting} from "./rejections.ts";
import type {Reconciliation} from "./reconcile.ts";
import type {SourceMode} from "./source.ts";
import type {YearCoverage} from "./complete-years.ts";

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
  warnings: string[];
}
