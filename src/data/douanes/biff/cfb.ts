/**
 * The Workbook stream of an OLE2 compound file ([MS-CFB]): header, FAT (with
 * DIFAT sectors), directory, mini stream. Only what an .xls needs; anything
 * inconsistent is reported as unsupported so that SheetJS gives its verdict.
 */
import {UnsupportedBiffError} from "./unsupported.ts";

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const DIR_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

class Container {
  readonly view: DataView;
  readonly sectorSize: number;
  readonly miniSectorSize: number;
  readonly miniCutoff: number;
  readonly fat: Uint32Array;
  readonly entries: DirEntry[];
  private miniFat?: Uint32Array;
  private miniStream?: Uint8Array;

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length < 512) throw new UnsupportedBiffError("conteneur OLE2 plus court que son en-tête");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    if (v.getUint32(0, true) !== 0xe011cfd0 || v.getUint32(4, true) !== 0xe11ab1a1) throw new UnsupportedBiffError("pas un conteneur OLE2");
    if (v.getUint16(28, true) !== 0xfffe) throw new UnsupportedBiffError("ordre des octets OLE2 inattendu");
    const sectorShift = v.getUint16(30, true);
    const miniShift = v.getUint16(32, true);
    if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new UnsupportedBiffError(`taille de secteur OLE2 inattendue (2^${sectorShift})`);
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = v.getUint32(56, true);
    this.fat = this.readFat(v.getUint32(44, true), v.getUint32(68, true), v.getUint32(72, true));
    this.entries = this.readDirectory(v.getUint32(48, true));
  }

  private sectorOffset(sector: number): number {
    const offset = (sector + 1) * this.sectorSize;
    if (offset + this.sectorSize > this.bytes.length) throw new UnsupportedBiffError(`secteur OLE2 ${sector} hors du fichier (fichier tronqué ?)`);
    return offset;
  }

  private readFat(fatSectors: number, firstDifat: number, difatSectors: number): Uint32Array {
    const perSector = this.sectorSize / 4;
    const locations: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && locations.length < fatSectors; i++) locations.push(this.view.getUint32(76 + 4 * i, true));
    let difat = firstDifat;
    for (let n = 0; n < difatSectors && locations.length < fatSectors; n++) {
      const base = this.sectorOffset(difat);
      for (let i = 0; i < perSector - 1 && locations.length < fatSectors; i++) locations.push(this.view.getUint32(base + 4 * i, true));
      difat = this.view.getUint32(base + 4 * (perSector - 1), true);
    }
    if (locations.length < fatSectors) throw new UnsupportedBiffError("table d'allocation OLE2 incomplète");
    const fat = new Uint32Array(fatSectors * perSector);
    locations.forEach((sector, i) => {
      const base = this.sectorOffset(sector);
      for (let j = 0; j < perSector; j++) fat[i * perSector + j] = this.view.getUint32(base + 4 * j, true);
    });
    return fat;
  }

  /** Sectors of a chain, checked against loops and bad pointers. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const sectors: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s >= table.length || s === FREE_SECTOR || sectors.length > limit) throw new UnsupportedBiffError("chaîne de secteurs OLE2 invalide");
      sectors.push(s);
    }
    return sectors;
  }

  /** A stream stored in regular sectors; contiguous sectors are returned without copying. */
  private readRegular(start: number, size: number): Uint8Array {
    const sectors = this.chain(start, this.fat, Math.ceil(this.bytes.length / this.sectorSize));
    if (sectors.length * this.sectorSize < size) throw new UnsupportedBiffError("flux OLE2 plus court que sa taille déclarée");
    const needed = Math.ceil(size / this.sectorSize);
    const contiguous = sectors.slice(0, needed).every((s, i) => s === sectors[0] + i);
    if (contiguous && needed > 0) {
      const offset = this.sectorOffset(sectors[0]);
      this.sectorOffset(sectors[0] + needed - 1);
      return this.bytes.subarray(offset, offset + size);
    }
    const out = new Uint8Array(size);
    for (let i = 0; i < needed; i++) {
      const offset = this.sectorOffset(sectors[i]);
      out.set(this.bytes.subarray(offset, offset + Math.min(this.sectorSize, size - i * this.sectorSize)), i * this.sectorSize);
    }
    return out;
  }

  private readMini(start: number, size: number): Uint8Array {
    if (!this.miniFat || !this.miniStream) {
      const v = this.view;
      const miniFatStart = v.getUint32(60, true);
      const miniFatSectors = v.getUint32(64, true);
      const raw = miniFatSectors === 0 ? new Uint8Array(0) : this.readRegular(miniFatStart, miniFatSectors * this.sectorSize);
      this.miniFat = new Uint32Array(raw.length / 4);
      const fatView = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = fatView.getUint32(4 * i, true);
      const root = this.entries[0];
      this.miniStream = root.start === END_OF_CHAIN ? new Uint8Array(0) : this.readRegular(root.start, root.size);
    }
    const sectors = this.chain(start, this.miniFat, this.miniFat.length);
    if (sectors.length * this.miniSectorSize < size) throw new UnsupportedBiffError("flux OLE2 (mini-flux) plus court que sa taille déclarée");
    const out = new Uint8Array(size);
    sectors.forEach((s, i) => {
      const offset = s * this.miniSectorSize;
      const length = Math.min(this.miniSectorSize, size - i * this.miniSectorSize);
      if (length <= 0) return;
      if (offset + length > this.miniStream!.length) throw new UnsupportedBiffError("mini-secteur OLE2 hors du mini-flux");
      out.set(this.miniStream!.subarray(offset, offset + length), i * this.miniSectorSize);
    });
    return out;
  }

  private readDirectory(start: number): DirEntry[] {
    const sectors = this.chain(start, this.fat, Math.ceil(this.bytes.length / this.sectorSize));
    const entries: DirEntry[] = [];
    for (const sector of sectors) {
      const base = this.sectorOffset(sector);
      for (let o = base; o < base + this.sectorSize; o += DIR_ENTRY_SIZE) {
        const v = this.view;
        const nameBytes = Math.min(64, v.getUint16(o + 64, true));
        let name = "";
        for (let i = 0; i < nameBytes - 2; i += 2) // length in bytes, terminating NUL included
          name += String.fromCharCode(v.getUint16(o + i, true));
        const sizeHigh = this.sectorSize === 512 ? 0 : v.getUint32(o + 124, true);
        entries.push({
          name, type: v.getUint8(o + 66), left: v.getUint32(o + 68, true), right: v.getUint32(o + 72, true), child: v.getUint32(o + 76, true),
          start: v.getUint32(o + 116, true), size: sizeHigh * 2 ** 32 + v.getUint32(o + 120, true)
        });
      }
    }
    if (entries.length === 0 || entries[0].type !== 5) throw new UnsupportedBiffError("répertoire OLE2 sans entrée racine");
    return entries;
  }

  /** Names of the root storage's direct children (a red-black tree of siblings). */
  rootChildren(): DirEntry[] {
    const found: DirEntry[] = [];
    const seen = new Set<number>();
    const stack = [this.entries[0].child];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === NO_STREAM) continue;
      if (id >= this.entries.length || seen.has(id)) throw new UnsupportedBiffError("arbre du répertoire OLE2 invalide");
      seen.add(id);
      const entry = this.entries[id];
      found.push(entry);
      stack.push(entry.left, entry.right);
    }
    return found;
  }

  read(entry: DirEntry): Uint8Array {
    if (entry.size > this.bytes.length) throw new UnsupportedBiffError("taille de flux OLE2 incohérente");
    return entry.size < this.miniCutoff ? this.readMini(entry.start, entry.size) : this.readRegular(entry.start, entry.size);
  }
}

/**
 * The BIFF8 "Workbook" stream. A "Book" stream (BIFF5), an encrypted package
 * or an ambiguous container is left to SheetJS.
 */
export function workbookStream(bytes: Uint8Array): Uint8Array {
  const container = new Container(bytes);
  const children = container.rootChildren();
  const named = (name: string) => children.filter((e) => e.name.toLowerCase() === name.toLowerCase());
  if (named("encryption").length || named("EncryptionInfo").length) throw new UnsupportedBiffError("classeur chiffré");
  if (named("Book").length) throw new UnsupportedBiffError("flux « Book » (BIFF5)");
  const workbooks = named("Workbook").filter((e) => e.type === 2);
  if (workbooks.length !== 1) throw new UnsupportedBiffError("pas exactement un flux « Workbook »");
  return container.read(workbooks[0]);
}
