/**
 * What a file name tells, as a hint: the customs name files
 * "<DD>_export_pays_produits.xls", "<DD>_produits.xls", "libelles_produits.csv"…
 * (assumed from the read-me; the columns have the last word, see records.ts).
 */
import type {Flow} from "../canonical.js";
import {normalizeDept} from "./codes.js";
import {foldLabel} from "./text-decoding.js";

export type NameKind = "crossed" | "products" | "countries" | "labels" | "readme" | "other";

export interface NameHints {
  kind: NameKind;
  flow?: Flow;
  dept?: string;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function nameHints(path: string): NameHints {
  const name = baseName(path);
  const folded = foldLabel(name.replace(/\.[^.]+$/, "")).replace(/ /g, "_");
  const extension = extensionOf(name);
  const words = new Set(folded.split("_"));
  let kind: NameKind = "other";
  if (/lisez|readme|lisezmoi/.test(folded) && extension === "txt") kind = "readme";
  else if (/libell|label|nomenclature/.test(folded)) kind = "labels";
  else if (/pays/.test(folded) && /produit/.test(folded)) kind = "crossed";
  else if (/produit/.test(folded)) kind = "products";
  else if (/pays/.test(folded)) kind = "countries";
  const flow: Flow | undefined =
    words.has("export") || words.has("exports") || words.has("exp") || words.has("e") ? "export"
    : words.has("import") || words.has("imports") || words.has("imp") || words.has("i") ? "import"
    : undefined;
  const deptMatch = /^(\d{2,3}|2[ab])(?:_|$)/.exec(folded) ?? /(?:^|_)(?:dep|dept|departement)_?(\d{2,3}|2[ab])(?:_|$)/.exec(folded);
  return {kind, flow, dept: deptMatch ? normalizeDept(deptMatch[1]) : undefined};
}
