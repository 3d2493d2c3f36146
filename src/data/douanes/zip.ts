/**
 * Reading zip archives defensively (hostile input, issue 7): entry names with
 * "../" or an absolute path are refused (zip slip), declared and actual sizes
 * are bounded (zip bombs), entries sharing compressed data are refused
 * (overlapping records), every entry's CRC-32 is checked (truncated or
 * corrupted archives). Entries are inflated one at a time, when asked for
 * (`openZip`): in memory, or streamed to a file for the national bulk files
 * (`extractEntryToFile`), so that a zip of several years never sits whole in
 * memory.
 */
import {createWriteStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {Readable, Transform} from "node:stream";
import {constants, crc32, createInflateRaw, inflateRawSync} from "node:zlib";
import {Inflate} from "fflate";
import {SourceError} from "./errors.js";
import {describeContent, sniffContent} from "./sniff.js";

export interface ZipLimits {
  /** Largest uncompressed entry, in bytes. */
  maxEntryBytes: number;
  /** Largest total uncompressed size, in bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed / compressed ratio for an entry above 1 MiB. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  // A national bulk file of one year is about 200 MB uncompressed; a zip of several years, a few of them.
  maxEntryBytes: 1024 * 2 ** 20,
  maxTotalBytes: 8 * 2 ** 30,
  maxRatio: 200,
  maxEntries: 10_000
};

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Refuses names that would escape the extraction folder. */
export function checkEntryName(name: string, archive: string): void {
  const parts = name.split(/[\\/]/);
  if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name) || parts.includes("..") || name.includes("\0")) {
    throw new SourceError(`${archive} : entrée « ${name} » refusée (chemin absolu ou « .. » : tentative de sortir du dossier d'extraction).`);
  }
}

function readCentralDirectory(bytes: Uint8Array, archive: string): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) { eocd = i; break; }
  }
  if (eocd < 0) throw new SourceError(`${archive} : archive zip incomplète (fin de l'archive introuvable : téléchargement tronqué ?).`);
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new SourceError(`${archive} : archive ZIP64 non prise en charge.`);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw new SourceError(`${archive} : répertoire central de l'archive corrompu (entrée ${i + 1}).`);
    }
    const nameLength = view.getUint16(offset + 28, true);
    const flags = view.getUint16(offset + 8, true);
    const rawName = bytes.subarray(offset + 46, offset + 46 + nameLength);
    // Bit 11: UTF-8 names; otherwise code page 437/1252 — latin-1 decoding keeps ASCII names intact.
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(rawName);
    entries.push({
      name,
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true)
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function checkLimits(entries: CentralEntry[], archive: string, limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) throw new SourceError(`${archive} : ${entries.length} entrées, plus que la limite de ${limits.maxEntries} (archive piégée ?).`);
  let total = 0;
  for (const entry of entries) {
    checkEntryName(entry.name, archive);
    if (entry.size > limits.maxEntryBytes) {
      throw new SourceError(`${archive} : entrée « ${entry.name} » de ${entry.size} octets décompressés, au-delà de la limite de ${limits.maxEntryBytes} (bombe zip ?).`);
    }
    if (entry.size > 2 ** 20 && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw new SourceError(`${archive} : entrée « ${entry.name} » compressée ${Math.round(entry.size / Math.max(1, entry.compressedSize))} fois, au-delà du rapport limite de ${limits.maxRatio} (bombe zip ?).`);
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) throw new SourceError(`${archive} : ${total} octets une fois décompressée, au-delà de la limite de ${limits.maxTotalBytes} (bombe zip ?).`);
}

/** Where an entry's record lies in the archive: its local header, then its compressed data. */
function recordRange(bytes: Uint8Array, entry: CentralEntry, archive: string): {local: number; start: number; end: number} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw new SourceError(`${archive} : en-tête local de « ${entry.name} » introuvable (archive corrompue).`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new SourceError(`${archive} : « ${entry.name} » coupé (archive tronquée).`);
  return {local, start, end};
}

function compressedRange(bytes: Uint8Array, entry: CentralEntry, archive: string): Uint8Array {
  const {start, end} = recordRange(bytes, entry, archive);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new SourceError(`${archive} : « ${entry.name} » utilise une méthode de compression non prise en charge (${entry.method}).`);
  }
  return bytes.subarray(start, end);
}

/**
 * Every entry has its own record: entries sharing or overlapping compressed
 * data are how a small archive makes a reader inflate the same bytes many
 * times over (each within the limits, together far beyond them). Refused.
 */
function refuseOverlaps(bytes: Uint8Array, entries: CentralEntry[], archive: string): void {
  const ranges = entries.map((entry) => ({entry, ...recordRange(bytes, entry, archive)})).sort((a, b) => a.local - b.local);
  for (let i = 1; i < ranges.length; i++) {
    const [previous, current] = [ranges[i - 1], ranges[i]];
    if (current.local < previous.end) {
      throw new SourceError(`${archive} : les entrées « ${previous.entry.name} » et « ${current.entry.name} » partagent les mêmes données compressées ` +
        `(entrées qui se chevauchent : archive falsifiée, bombe zip ?). Archive refusée.`);
    }
  }
}

function tooBigError(entry: CentralEntry, archive: string): SourceError {
  return new SourceError(`${archive} : « ${entry.name} » se décompresse au-delà de sa taille déclarée (${entry.size} octets) : bombe zip ou archive falsifiée.`);
}

function checkInflated(size: number, crc: number, entry: CentralEntry, archive: string): void {
  if (size !== entry.size) {
    throw new SourceError(`${archive} : « ${entry.name} » fait ${size} octets au lieu des ${entry.size} annoncés (archive corrompue).`);
  }
  if ((crc >>> 0) !== entry.crc) throw new SourceError(`${archive} : somme de contrôle CRC-32 fausse pour « ${entry.name} » (archive corrompue).`);
}

function inflateEntry(bytes: Uint8Array, entry: CentralEntry, archive: string, limits: ZipLimits): Uint8Array {
  const compressed = compressedRange(bytes, entry, archive);
  let data: Uint8Array;
  if (entry.method === 0) data = compressed;
  else {
    try {
      // The declared size may lie: never inflate more than the limit, whatever the header says.
      data = inflateRawSync(compressed, {maxOutputLength: Math.min(limits.maxEntryBytes, entry.size) + 1});
    } catch (error) {
      const tooBig = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError;
      if (tooBig) throw tooBigError(entry, archive);
      throw new SourceError(`${archive} : « ${entry.name} » illisible (données compressées corrompues : ${(error as Error).message}).`);
    }
  }
  checkInflated(data.length, crc32(data), entry, archive);
  return data;
}

/** Compressed bytes given to the inflater at a time: at most about 16 MB out (deflate's ratio is at most 1032). */
const INFLATE_INPUT_BYTES = 16 * 1024;

/**
 * The entry's bytes in chunks, inflated as they are asked for (fflate's
 * synchronous streaming inflater), never whole in memory; the size bound is
 * checked on every chunk, the size and CRC-32 at the end.
 */
function* chunksOf(bytes: Uint8Array, entry: CentralEntry, archive: string, limits: ZipLimits): Generator<Uint8Array> {
  const compressed = compressedRange(bytes, entry, archive);
  const bound = Math.min(limits.maxEntryBytes, entry.size);
  let size = 0;
  let crc = 0;
  const checked = (chunk: Uint8Array): Uint8Array => {
    size += chunk.length;
    if (size > bound) throw tooBigError(entry, archive);
    crc = crc32(chunk, crc);
    return chunk;
  };
  if (entry.method === 0) {
    for (let at = 0; at < compressed.length; at += INFLATE_INPUT_BYTES) yield checked(compressed.subarray(at, at + INFLATE_INPUT_BYTES));
  } else {
    let out: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => out.push(chunk));
    let at = 0;
    do {
      const end = Math.min(compressed.length, at + INFLATE_INPUT_BYTES);
      try {
        inflater.push(compressed.subarray(at, end), end === compressed.length);
      } catch (error) {
        throw new SourceError(`${archive} : « ${entry.name} » illisible (données compressées corrompues : ${(error as Error).message}).`);
      }
      for (const chunk of out) yield checked(chunk);
      out = [];
      at = end;
    } while (at < compressed.length);
  }
  checkInflated(size, crc, entry, archive);
}

/** An entry of an archive whose bytes are inflated only when asked for. */
export interface LazyZipEntry {
  name: string;
  /** Declared uncompressed size (checked when inflated). */
  size: number;
  /** The whole entry, checked (size, CRC-32). */
  read(): Uint8Array;
  /** About the first `bytes` bytes (fewer if the entry is shorter), unchecked: for sniffing the content. */
  head(bytes: number): Uint8Array;
  /** Streams the entry to a file, checked (size bound, CRC-32), without holding it in memory. */
  extractTo(path: string): Promise<void>;
  /** The whole entry in chunks, inflated as they are asked for, checked at the end (see chunksOf). */
  chunks(): Iterable<Uint8Array>;
}

function headOf(bytes: Uint8Array, entry: CentralEntry, archive: string, wanted: number): Uint8Array {
  const compressed = compressedRange(bytes, entry, archive);
  if (entry.method === 0) return compressed.subarray(0, wanted);
  try {
    // A prefix of the compressed stream, flushed without its end: the first bytes of the entry.
    const out = inflateRawSync(compressed.subarray(0, Math.min(compressed.length, wanted + 1024)), {finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(wanted * 8, 1 << 20)});
    return out.subarray(0, wanted);
  } catch {
    return new Uint8Array();
  }
}

async function extractTo(bytes: Uint8Array, entry: CentralEntry, archive: string, limits: ZipLimits, path: string): Promise<void> {
  const compressed = compressedRange(bytes, entry, archive);
  const bound = Math.min(limits.maxEntryBytes, entry.size);
  let size = 0;
  let crc = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > bound) return done(tooBigError(entry, archive));
      crc = crc32(chunk, crc);
      done(null, chunk);
    }
  });
  const source = Readable.from([Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength)]);
  try {
    if (entry.method === 0) await pipeline(source, check, createWriteStream(path));
    else await pipeline(source, createInflateRaw(), check, createWriteStream(path));
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`${archive} : « ${entry.name} » illisible (données compressées corrompues : ${(error as Error).message}).`);
  }
  checkInflated(size, crc, entry, archive);
}

/** An archive inside the archive is never read: said, rather than skipped as an unknown file and then "nothing to publish". */
function refuseNestedArchives(files: CentralEntry[], archive: string): void {
  const nested = files.filter((entry) => /\.zip$/i.test(entry.name));
  if (nested.length === 0) return;
  const names = nested.slice(0, 3).map((entry) => `« ${entry.name} »`).join(", ") + (nested.length > 3 ? ` et ${nested.length - 3} autres` : "");
  const [what, them] = nested.length === 1 ? ["une archive zip imbriquée", "la"] : [`${nested.length} archives zip imbriquées`, "les"];
  throw new SourceError(`${archive} : contient ${what} (${names}) : une archive dans une archive n'est pas lue. ` +
    `Que faire : extrayez-${them} et mettez-${them} dans le dossier de la source.`);
}

/** The file entries of an archive (folders skipped), after the structural checks; nothing inflated yet. */
export function openZip(bytes: Uint8Array, archive: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): LazyZipEntry[] {
  const kind = sniffContent(bytes);
  if (kind !== "zip") throw new SourceError(`${archive} : ce n'est pas une archive zip mais ${describeContent(kind)}.`);
  const entries = readCentralDirectory(bytes, archive);
  checkLimits(entries, archive, limits);
  refuseOverlaps(bytes, entries, archive);
  const files = entries.filter((entry) => !entry.name.endsWith("/"));
  refuseNestedArchives(files, archive);
  return files.map((entry) => ({
    name: entry.name,
    size: entry.size,
    read: () => inflateEntry(bytes, entry, archive, limits),
    head: (wanted: number) => headOf(bytes, entry, archive, wanted),
    extractTo: (path: string) => extractTo(bytes, entry, archive, limits, path),
    chunks: () => chunksOf(bytes, entry, archive, limits)
  }));
}

/** All file entries of an archive (folders skipped), inflated in memory, after every check above. */
export function readZip(bytes: Uint8Array, archive: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  return openZip(bytes, archive, limits).map((entry) => ({name: entry.name, bytes: entry.read()}));
}

/** Cheap structural check used before caching a download: signature and end-of-archive record present. */
export function checkZipStructure(bytes: Uint8Array, archive: string): void {
  const kind = sniffContent(bytes);
  if (kind !== "zip") throw new SourceError(`${archive} : ce n'est pas une archive zip mais ${describeContent(kind)}.`);
  readCentralDirectory(bytes, archive);
}
