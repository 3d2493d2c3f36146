/**
 * Codes are strings, always: "01" keeps its zero, Corsica is "2A"/"2B",
 * overseas départements are "971"…"976". Spreadsheets may still hand us a
 * number (1 for "01"), which is padded back.
 */
import {findDepartement} from "../territories.js";
import type {Flow} from "../canonical.js";
import {isKnownCountryCode} from "./countries.js";
import {cellText, type Cell} from "./table.js";
import {foldLabel} from "./text-decoding.js";

/** Département code in INSEE form, or the trimmed text when it cannot be one. */
export function normalizeDept(cell: Cell): string {
  const text = cellText(cell).toUpperCase();
  if (/^\d$/.test(text)) return "0" + text;
  if (/^\d+\.0+$/.test(text)) return normalizeDept(text.replace(/\.0+$/, ""));
  return text;
}

export function isKnownDept(code: string): boolean {
  return findDepartement(code) !== undefined;
}

export function normalizeCountry(cell: Cell): string {
  return cellText(cell).toUpperCase();
}

export {isKnownCountryCode};

/**
 * Product codes as the canonical table holds them: CPF4 as four digits without
 * the dot ("14.13" → "1413"); any other code kept as written (trimmed).
 * A code a spreadsheet stored as a number lost its zeros ("19.20" → 19.2,
 * "01.11" → 1.11, "0111" → 111): they are put back, else « 19.2 » would be a
 * product of its own beside « 1920 ». Only the CPF4 shape is restored: two
 * digits, a dot (or a decimal comma once re-saved as text), two digits.
 */
export function normalizeProduct(cell: Cell): string {
  if (typeof cell === "number") {
    const hundredths = Math.round(cell * 100);
    if (!Number.isInteger(cell) && cell > 0 && cell < 100 && Math.abs(cell * 100 - hundredths) < 1e-6) return String(hundredths).padStart(4, "0");
    if (Number.isInteger(cell) && cell >= 100 && cell <= 9999) return String(cell).padStart(4, "0");
  }
  const text = cellText(cell);
  const dotted = /^(\d{1,2})[.,](\d{1,2})$/.exec(text);
  return dotted ? dotted[1].padStart(2, "0") + dotted[2].padEnd(2, "0") : text;
}

const FLOW_WORDS: Record<string, Flow> = {
  e: "export", x: "export", exp: "export", export: "export", exports: "export", exportation: "export",
  exportations: "export", sortie: "export", sorties: "export",
  i: "import", m: "import", imp: "import", import: "import", imports: "import", importation: "import",
  importations: "import", introduction: "import", introductions: "import", entree: "import", entrees: "import"
};

export function parseFlow(cell: Cell): Flow | undefined {
  return FLOW_WORDS[foldLabel(cellText(cell))];
}

/** Lines such as "Total", "TOTAL GÉNÉRAL", "Total département" end many spreadsheets. */
export function isTotalLabel(cell: Cell): boolean {
  return /^(sous )?total\b/.test(foldLabel(cellText(cell)));
}
