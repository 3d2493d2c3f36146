/**
 * Quarters as the customs may write them: "2024T1", "2024-T1", "T1 2024",
 * "2024 Q1", "1er trimestre 2024"… Month-coded periods ("202401") are NOT
 * accepted: "01" could be a quarter or January, and guessing would misplace
 * values silently.
 */
import type {Cell} from "./table.js";

export interface Quarter {
  year: number;
  quarter: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function squeeze(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[\s_\-/.]+/g, "");
}

function valid(year: number, quarter: number): Quarter | undefined {
  return year >= MIN_YEAR && year <= MAX_YEAR && quarter >= 1 && quarter <= 4 ? {year, quarter} : undefined;
}

const PATTERNS: {regex: RegExp; year: number; quarter: number}[] = [
  {regex: /^(\d{4})[TQ]([1-4])$/, year: 1, quarter: 2}, // 2024T1, 2024-Q1
  {regex: /^[TQ]([1-4])(\d{4})$/, year: 2, quarter: 1}, // T1 2024
  {regex: /^([1-4])(?:ER|E|EME|ND)?TRIM(?:ESTRE)?(\d{4})$/, year: 2, quarter: 1}, // 1er trimestre 2024
  {regex: /^(\d{4})TRIM(?:ESTRE)?([1-4])$/, year: 1, quarter: 2} // 2024 trimestre 1
];

/** A period cell or header ("2024T1"…) as a quarter, or undefined. */
export function parsePeriod(cell: Cell): Quarter | undefined {
  if (cell === null || typeof cell === "boolean") return undefined;
  const text = squeeze(String(cell));
  for (const {regex, year, quarter} of PATTERNS) {
    const match = regex.exec(text);
    if (match) return valid(Number(match[year]), Number(match[quarter]));
  }
  return undefined;
}

/** A header that names a quarter among other words ("Valeur 2024T1 (k€)"), for wide layouts. */
export function findPeriodInHeader(header: string): Quarter | undefined {
  const direct = parsePeriod(header);
  if (direct) return direct;
  const match = /(\d{4})\s*[-_ ]?\s*[TQ]([1-4])\b|\b[TQ]([1-4])\s*[-_ /]?\s*(\d{4})/i.exec(header);
  if (!match) return undefined;
  return match[1] ? valid(Number(match[1]), Number(match[2])) : valid(Number(match[4]), Number(match[3]));
}

/** A quarter-number cell, when the year sits in its own column: 1, "T1", "Q1", "1er trimestre". */
export function parseQuarterNumber(cell: Cell): number | undefined {
  if (cell === null || typeof cell === "boolean") return undefined;
  const match = /^(?:[TQ])?([1-4])(?:ER|E|EME|ND)?(?:TRIM(?:ESTRE)?)?$|^TRIM(?:ESTRE)?([1-4])$/.exec(squeeze(String(cell)));
  return match ? Number(match[1] ?? match[2]) : undefined;
}

export function parseYear(cell: Cell): number | undefined {
  if (cell === null || typeof cell === "boolean") return undefined;
  const text = String(cell).trim();
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

export function formatQuarter({year, quarter}: Quarter): string {
  return `${year}T${quarter}`;
}
