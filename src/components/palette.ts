/**
 * Colours and text measures shared by every chart of the factsheet (the frame
 * charts are drawn in is ./figure.ts). One place, so imports are the same blue
 * and exports the same violet in the balance chart, the treemap and the key figures.
 *
 * Colour never carries meaning alone: the charts also write signs and labels.
 */
export const COLORS = {
  /** Imports (the reference's blue). White text on it: contrast ≈ 6.6:1. */
  import: "#2a5caa",
  /** Exports (the reference's violet). White text on it: contrast ≈ 7.5:1. */
  export: "#7b3fa0",
  /** Trade surplus (exports > imports). */
  positive: "#1b7f3b",
  /** Trade deficit (exports < imports). */
  negative: "#c8102e",
  /** The five largest Sankey flows. */
  highlight: "#c8102e",
  /** Every other Sankey flow, and the Sankey nodes. */
  neutral: "#9aa0a6",
  nodeFill: "#4a4f55",
  text: "#1f2328",
  mutedText: "#57606a",
  cellBorder: "#ffffff"
} as const;

import type {Flow} from "../data/canonical.js";


/** Code of the residual bucket the page's queries make (named « Autres produits » or « Autres pays », queries.ts OTHERS_NAMES). */
export const OTHERS_CODE = "_AUTRES";

export function flowColor(flow: Flow): string {
  return flow === "export" ? COLORS.export : COLORS.import;
}

/** "Exportations" / "Importations", as the reader sees them. */
export function flowLabel(flow: Flow): string {
  return flow === "export" ? "Exportations" : "Importations";
}

/** WCAG relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`Couleur non reconnue : ${hex} (attendu #rrggbb)`);
  const channels = [0, 2, 4].map((offset) => {
    const c = parseInt(match[1].slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/** White or near-black, whichever contrasts more with the background. */
export function textColorOn(background: string): string {
  const l = relativeLuminance(background);
  const contrastWithWhite = 1.05 / (l + 0.05);
  const contrastWithDark = (l + 0.05) / (relativeLuminance(COLORS.text) + 0.05);
  return contrastWithWhite >= contrastWithDark ? "#ffffff" : COLORS.text;
}

/**
 * Glyph widths of a sans-serif UI font, as a share of the font size, by
 * character class. Rounded up, then a safety factor: a label judged to fit
 * must really fit, even in a slightly wider fallback font or in bold.
 */
const NARROW = new Set("iljftrI.,:;'’|!()[] ");
const WIDE = new Set("mwMW@%—…");
const SAFETY = 1.06;
const BOLD = 1.08;

function charWidthRatio(char: string): number {
  if (NARROW.has(char)) return 0.34;
  if (WIDE.has(char)) return 0.92;
  if (/\p{Lu}/u.test(char)) return 0.7;
  if (/\d/.test(char)) return 0.6;
  return 0.58;
}

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ratio = 0;
  for (const char of text) ratio += charWidthRatio(char);
  return ratio * fontSize * SAFETY * (bold ? BOLD : 1);
}

/**
 * `text` if it fits in `maxWidth`; else its longest prefix (cut at a word
 * boundary when possible) that fits followed by "…"; "" when not even
 * `minChars` characters fit, so callers drop the label cleanly.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, minChars = 4, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  let count = 0;
  while (count < chars.length && estimateTextWidth(chars.slice(0, count + 1).join("") + "…", fontSize, bold) <= maxWidth) count++;
  if (count < minChars) return "";
  let cut = chars.slice(0, count).join("");
  const lastSpace = cut.lastIndexOf(" ");
  if (lastSpace >= minChars) cut = cut.slice(0, lastSpace);
  return cut.replace(/[\s,;:.'’-]+$/u, "") + "…";
}

/**
 * Greedy word wrap into at most `maxLines` lines of `width` (bold text). A
 * line that has to be cut with "…" ends the label: no run of half-words.
 * Lines break at plain spaces only: never inside « 546,7 M€ » (no-break spaces).
 */
export function wrapText(text: string, width: number, maxLines: number, fontSize: number): string[] {
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const fits = (line: string) => estimateTextWidth(line, fontSize, true) <= width;
  const lines: string[] = [];
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    let line = words[index++];
    while (index < words.length && fits(`${line} ${words[index]}`)) line += ` ${words[index++]}`;
    const isLast = lines.length === maxLines - 1;
    const full = isLast && index < words.length ? `${line} ${words.slice(index).join(" ")}` : line;
    const fitted = fitText(full, width, fontSize, 4, true);
    if (!fitted) break; // not even a few characters fit: drop rather than clip
    lines.push(fitted);
    if (fitted !== full) break;
  }
  return lines;
}

/**
 * Every word of `text`, greedily wrapped into lines of `width` (bold unless
 * told): null when a single word is wider than that. For labels that must be
 * read whole or not at all (never cut with "…": a cut « Autres… » could be
 * any product, or the residual).
 */
export function wrapWhole(text: string, width: number, fontSize: number, bold = true): string[] | null {
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const fits = (line: string) => estimateTextWidth(line, fontSize, bold) <= width;
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else if (fits(word)) lines.push(word);
    else return null;
  }
  return lines;
}
