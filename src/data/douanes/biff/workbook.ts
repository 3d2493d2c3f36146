/**
 * Fast reader for BIFF8 workbooks ([MS-XLS]): one pass over the Workbook
 * stream, keeping only cell values. It yields exactly the cells the SheetJS
 * path yields (test/data/douanes/biff*.test.ts compares them); whatever it does
 * not handle throws UnsupportedBiffError and the caller falls back to SheetJS.
 */
import {workbookStream} from "./cfb.ts";
import {loadNumberFormat, numberCell} from "./number-format.ts";
import {CodePage, readSst, type Continued} from "./strings.ts";
import {UnsupportedBiffError} from "./unsupported.ts";

export type BiffCell = string | number | boolean | null;

export interface BiffSheet {
  name: string;
  rows: BiffCell[][];
}

const RT = {
  BOF: 0x0809, EOF: 0x000a, BOUNDSHEET: 0x0085, CODEPAGE: 0x0042, DATE1904: 0x0022, FILEPASS: 0x002f,
  FORMAT: 0x041e, XF: 0x00e0, SST: 0x00fc, CONTINUE: 0x003c,
  LABELSST: 0x00fd, LABEL: 0x0204, NUMBER: 0x0203, RK: 0x027e, MULRK: 0x00bd, BOOLERR: 0x0205, FORMULA: 0x0006, STRING: 0x0207
} as const;

/** Records of older BIFF versions, or that add cells this reader does not model (notes, rich strings). */
const UNSUPPORTED = new Map<number, string>([
  [0x0002, "INTEGER (BIFF2)"], [0x0003, "NUMBER (BIFF2)"], [0x0004, "LABEL (BIFF2)"], [0x0005, "BOOLERR (BIFF2)"],
  [0x0007, "STRING (BIFF2)"], [0x0206, "FORMULA (BIFF3)"], [0x0406, "FORMULA (BIFF4)"], [0x001e, "FORMAT (BIFF2)"],
  [0x0043, "XF (BIFF2)"], [0x0243, "XF (BIFF3)"], [0x0443, "XF (BIFF4)"], [0x0009, "BOF (BIFF2)"], [0x0209, "BOF (BIFF3)"],
  [0x0409, "BOF (BIFF4)"], [0x001c, "NOTE"], [0x00d6, "RSTRING"], [RT.FILEPASS, "FILEPASS (classeur chiffré)"]
]);
/** Other continuation records (future record types) that SheetJS would also glue to the previous record. */
const OTHER_CONTINUES = new Set([0x043c, 0x0812, 0x0875, 0x087f]);
/** Smallest valid body of each record read here: a shorter one is malformed, left to SheetJS. */
const MIN_SIZE = new Map<number, number>([
  [RT.LABELSST, 10], [RT.LABEL, 8], [RT.NUMBER, 14], [RT.RK, 10], [RT.MULRK, 12], [RT.BOOLERR, 8], [RT.FORMULA, 20], [RT.STRING, 2],
  [RT.BOF, 4], [RT.BOUNDSHEET, 8], [RT.CODEPAGE, 2], [RT.DATE1904, 2], [RT.XF, 4], [RT.FORMAT, 4], [RT.SST, 8]
]);
const CELL_RECORDS = new Set<number>([RT.LABELSST, RT.LABEL, RT.NUMBER, RT.RK, RT.MULRK, RT.BOOLERR, RT.FORMULA, RT.STRING]);

const ERROR_TEXTS: Record<number, string> = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA", 0xff: "#WTF?"};
/** What the SheetJS path shows for an error cell without a known text or format record. */
const UNKNOWN_ERROR = "#ERREUR";

const CODEPAGE_ALIASES: Record<number, number> = {0x5212: 1200, 0x8000: 10000, 0x8001: 1252};

function unsupported(reason: string): never {
  throw new UnsupportedBiffError(reason);
}

class SheetBuilder {
  readonly rows: BiffCell[][] = [];

  set(r: number, c: number, value: BiffCell): void {
    const rows = this.rows;
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = value;
  }
}

export function readBiffWorkbook(bytes: Uint8Array): BiffSheet[] {
  const stream = workbookStream(bytes);
  const buf = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const rkScratch = new DataView(new ArrayBuffer(8));
  const length = buf.length;

  let codepage = new CodePage(1200);
  let date1904 = false;
  const formatOfXf: number[] = [];
  let sst: string[] = [];
  const boundSheets = new Map<number, string>();
  const sheetsByPosition = new Map<number, BiffSheet>();
  let depth = 0;
  let sheet: SheetBuilder | undefined;
  let lastFormula: {r: number; c: number} | null = null;

  const rk = (pos: number): number => {
    const raw = view.getInt32(pos, true);
    let value: number;
    if (raw & 2) value = raw >> 2;
    else {
      rkScratch.setInt32(4, raw & ~3, true);
      value = rkScratch.getFloat64(0, true);
    }
    return raw & 1 ? value / 100 : value;
  };
  const numberAt = (xf: number, value: number): number | string =>
    numberCell(value, xf < formatOfXf.length ? formatOfXf[xf] : 0, date1904);
  const errorText = (xf: number, code: number): string => (xf < formatOfXf.length ? ERROR_TEXTS[code] : undefined) ?? UNKNOWN_ERROR;

  let pos = 0;
  while (pos < length - 1) {
    const start = pos;
    const type = buf.readUInt16LE(pos);
    const size = pos + 4 <= length ? buf.readUInt16LE(pos + 2) : 0;
    const body = pos + 4;
    const end = body + size;
    if (depth === 0 && type !== RT.BOF) break; // after the last EOF
    if (end > length) unsupported(`enregistrement 0x${type.toString(16)} tronqué`);
    pos = end;
    const nextType = pos + 2 <= length ? buf.readUInt16LE(pos) : -1;
    if (OTHER_CONTINUES.has(nextType)) unsupported("enregistrement de continuation inattendu");
    if (nextType === RT.CONTINUE && CELL_RECORDS.has(type)) unsupported("cellule prolongée par CONTINUE");
    const notHere = UNSUPPORTED.get(type);
    if (notHere) unsupported(`enregistrement ${notHere}`);
    if (size < (MIN_SIZE.get(type) ?? 0)) unsupported(`enregistrement 0x${type.toString(16)} trop court`);

    if (sheet) {
      switch (type) {
        case RT.LABELSST: {
          const index = buf.readUInt32LE(body + 6);
          if (index >= sst.length) unsupported(`indice SST ${index} hors table`);
          sheet.set(buf.readUInt16LE(body), buf.readUInt16LE(body + 2), sst[index]);
          continue;
        }
        case RT.NUMBER:
          sheet.set(buf.readUInt16LE(body), buf.readUInt16LE(body + 2), numberAt(buf.readUInt16LE(body + 4), view.getFloat64(body + 6, true)));
          continue;
        case RT.RK:
          sheet.set(buf.readUInt16LE(body), buf.readUInt16LE(body + 2), numberAt(buf.readUInt16LE(body + 4), rk(body + 6)));
          continue;
        case RT.MULRK: {
          const r = buf.readUInt16LE(body);
          const first = buf.readUInt16LE(body + 2);
          const last = buf.readUInt16LE(end - 2);
          if ((size - 6) % 6 !== 0 || last - first + 1 !== (size - 6) / 6) unsupported("MULRK incohérent");
          for (let c = first, p = body + 4; c <= last; c++, p += 6) sheet.set(r, c, numberAt(buf.readUInt16LE(p), rk(p + 2)));
          continue;
        }
        case RT.LABEL:
          if (size === 7) unsupported("LABEL de 7 octets");
          sheet.set(buf.readUInt16LE(body), buf.readUInt16LE(body + 2), codepage.readString(buf, body + 6, end));
          continue;
        case RT.BOOLERR: {
          const r = buf.readUInt16LE(body), c = buf.readUInt16LE(body + 2), xf = buf.readUInt16LE(body + 4);
          const value = buf[body + 6];
          sheet.set(r, c, buf[body + 7] === 1 ? errorText(xf, value) : value === 1);
          continue;
        }
        case RT.FORMULA: {
          const r = buf.readUInt16LE(body), c = buf.readUInt16LE(body + 2), xf = buf.readUInt16LE(body + 4);
          lastFormula = {r, c};
          if (buf.readUInt16LE(body + 12) !== 0xffff) { sheet.set(r, c, numberAt(xf, view.getFloat64(body + 6, true))); continue; }
          switch (buf[body + 6]) {
            case 0x00: continue; // text result: in the STRING record that follows
            case 0x01: sheet.set(r, c, buf[body + 8] === 1); continue;
            case 0x02: sheet.set(r, c, errorText(xf, buf[body + 8])); continue;
            case 0x03: sheet.set(r, c, ""); continue;
            default: sheet.set(r, c, null); continue; // unknown result type: an empty cell, as SheetJS
          }
        }
        case RT.STRING: {
          if (!lastFormula) unsupported("STRING sans FORMULA");
          sheet.set(lastFormula.r, lastFormula.c, codepage.readString(buf, body, end));
          lastFormula = null;
          continue;
        }
      }
    }

    switch (type) {
      case RT.BOF: {
        if (buf.readUInt16LE(body) !== 0x0600) unsupported("version BIFF autre que BIFF8");
        const kind = buf.readUInt16LE(body + 2);
        if (depth++ > 0) unsupported("sous-flux imbriqué (graphique incorporé ?)");
        if (kind === 0x0005) {
          if (start !== 0 || sheetsByPosition.size > 0) unsupported("second flux global");
        } else if (kind === 0x0010) {
          if (!boundSheets.has(start) || sheetsByPosition.has(start)) unsupported("feuille sans BOUNDSHEET correspondant");
          sheet = new SheetBuilder();
          sheetsByPosition.set(start, {name: boundSheets.get(start)!, rows: sheet.rows});
        } else unsupported(`feuille de type 0x${kind.toString(16)} (graphique, macro…)`);
        break;
      }
      case RT.EOF:
        depth--;
        sheet = undefined;
        break;
      case RT.BOUNDSHEET: {
        if (sheet) unsupported("BOUNDSHEET dans une feuille");
        const position = buf.readUInt32LE(body);
        if (buf[body + 5] !== 0) unsupported("feuille qui n'est pas une feuille de calcul");
        const count = buf[body + 6];
        const wide = (buf[body + 7] & 1) !== 0;
        if (body + 8 + count * (wide ? 2 : 1) > end) unsupported("nom de feuille tronqué");
        const name = (wide ? buf.toString("utf16le", body + 8, body + 8 + 2 * count) : buf.toString("latin1", body + 8, body + 8 + count)) || "Sheet1";
        if (boundSheets.has(position) || [...boundSheets.values()].includes(name)) unsupported("feuilles de même nom ou de même position");
        boundSheets.set(position, name);
        break;
      }
      case RT.CODEPAGE: {
        const value = buf.readUInt16LE(body);
        codepage = new CodePage(CODEPAGE_ALIASES[value] ?? value);
        break;
      }
      case RT.DATE1904:
        date1904 = buf.readUInt16LE(body) === 1;
        break;
      case RT.XF:
        formatOfXf.push(buf.readUInt16LE(body + 2));
        break;
      case RT.FORMAT:
        loadNumberFormat(buf.readUInt16LE(body), codepage.readString(buf, body + 2, end));
        break;
      case RT.SST:
        sst = readSst(gatherContinues(buf, body, end));
        break;
    }
  }
  if (boundSheets.size === 0) unsupported("aucune feuille déclarée");
  if (sheetsByPosition.size !== boundSheets.size) unsupported("feuille déclarée sans contenu");
  return [...sheetsByPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}

/** A record's body followed by its CONTINUE bodies, with the offsets where each continuation starts. */
function gatherContinues(buf: Buffer, body: number, end: number): Continued {
  const pieces = [buf.subarray(body, end)];
  const breaks: number[] = [];
  let total = end - body;
  let pos = end;
  while (pos + 4 <= buf.length && buf.readUInt16LE(pos) === RT.CONTINUE) {
    const size = buf.readUInt16LE(pos + 2);
    if (pos + 4 + size > buf.length) unsupported("CONTINUE tronqué");
    breaks.push(total);
    pieces.push(buf.subarray(pos + 4, pos + 4 + size));
    total += size;
    pos += 4 + size;
  }
  return {bytes: pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, total), breaks};
}
