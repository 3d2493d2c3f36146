/**
 * BIFF8 strings ([MS-XLS] 2.5.293–2.5.296). Characters are stored either
 * "compressed" (one byte each: U+0000–U+00FF) or as UTF-16LE; inside the
 * shared string table a string may be split by CONTINUE records, and each
 * continuation of character data starts with a fresh compressed/UTF-16 flag.
 */
import * as cpexcel from "@e965/xlsx/dist/cpexcel.full.mjs";

// The module's typings put `utils` under `cptable`; at run time it is a named export of its own.
const codepages = (cpexcel as unknown as {utils: {decode(cp: number, data: number[]): string}}).utils;
import {UnsupportedBiffError} from "./unsupported.ts";

/** Bytes of a record and its CONTINUE records, concatenated, with where each piece starts. */
export interface Continued {
  bytes: Buffer;
  /** Offsets (ascending, in `bytes`) where a CONTINUE body begins. */
  breaks: number[];
}

function characters(buffer: Buffer, start: number, count: number, wide: boolean): string {
  return wide ? buffer.toString("utf16le", start, start + 2 * count) : buffer.toString("latin1", start, start + count);
}

/** The shared string table: every string's text (rich-text runs and phonetic data skipped). */
export function readSst(record: Continued): string[] {
  const {bytes, breaks} = record;
  if (bytes.length < 8) throw new UnsupportedBiffError("table SST trop courte");
  const unique = bytes.readUInt32LE(4);
  const strings: string[] = [];
  let pos = 8;
  let nextBreak = 0; // index in breaks of the first break after pos
  const end = bytes.length;
  while (strings.length !== unique && pos < end) {
    if (pos + 3 > end) throw new UnsupportedBiffError("chaîne SST tronquée");
    let remaining = bytes.readUInt16LE(pos);
    const flags = bytes[pos + 2];
    pos += 3;
    let runs = 0;
    let extSize = 0;
    if (flags & 0x08) { runs = bytes.readUInt16LE(pos); pos += 2; }
    if (flags & 0x04) { extSize = bytes.readUInt32LE(pos); pos += 4; }
    let wide = (flags & 0x01) !== 0;
    let text = "";
    while (nextBreak < breaks.length && breaks[nextBreak] < pos) nextBreak++;
    while (remaining > 0) {
      const limit = nextBreak < breaks.length ? breaks[nextBreak] : end;
      if (pos === limit && limit !== end) {
        // Character data continued in the next record: new flag byte.
        wide = (bytes[pos] & 0x01) !== 0;
        pos++;
        nextBreak++;
        continue;
      }
      const fit = Math.min(remaining, Math.floor((limit - pos) / (wide ? 2 : 1)));
      if (fit <= 0) throw new UnsupportedBiffError("chaîne SST tronquée ou coupée au milieu d'un caractère");
      text += characters(bytes, pos, fit, wide);
      pos += fit * (wide ? 2 : 1);
      remaining -= fit;
    }
    pos += 4 * runs + extSize;
    strings.push(text);
  }
  if (pos > end) throw new UnsupportedBiffError("table SST tronquée");
  return strings;
}

const UNICODE_CODEPAGES = new Set([1200, 0x5212]);

/**
 * How 8-bit and 16-bit characters of LABEL, STRING and FORMAT records are
 * decoded. The reference reader (SheetJS) applies the CODEPAGE record to
 * them, one code unit at a time; it is mirrored exactly here with the same
 * code page tables, so that both readers agree on every file.
 */
export class CodePage {
  private readonly cache = new Map<number, string>();
  readonly unicode: boolean;

  constructor(readonly codepage: number) {
    this.unicode = UNICODE_CODEPAGES.has(codepage);
  }

  private unit(code: number): string {
    const known = this.cache.get(code);
    if (known !== undefined) return known;
    let char: string;
    try {
      char = codepages.decode(this.codepage, [code & 255, code >> 8])[0] ?? "";
    } catch {
      throw new UnsupportedBiffError(`page de code ${this.codepage} inconnue`);
    }
    this.cache.set(code, char);
    return char;
  }

  /** XLUnicodeString: cch (2 bytes), flag, characters; record without CONTINUE. */
  readString(bytes: Buffer, pos: number, end: number): string {
    if (pos + 2 > end) throw new UnsupportedBiffError("chaîne tronquée");
    const count = bytes.readUInt16LE(pos);
    if (count === 0) return "";
    const wide = (bytes[pos + 2] & 0x01) !== 0;
    const start = pos + 3;
    if (start + count * (wide ? 2 : 1) > end) throw new UnsupportedBiffError("chaîne plus longue que son enregistrement");
    if (this.unicode) return characters(bytes, start, count, wide);
    let text = "";
    for (let i = 0; i < count; i++) text += this.unit(wide ? bytes.readUInt16LE(start + 2 * i) : bytes[start + i]);
    return text;
  }
}
