/**
 * A delimited text file as a sheet whose rows are read as they are asked
 * for: a 255 MiB CSV is never held whole, neither as bytes, nor as text, nor
 * as rows (held whole, it took 7.8 GB). Two passes over the chunks: the
 * first decides the encoding as text-decoding.ts does (a BOM, else valid
 * UTF-8, else Windows-1252) and the separator (from the first line); the
 * second decodes, splits and hands out the rows one by one.
 */
import {decodeWindows1252} from "../windows-1252.js";
import {encodingBehindBom, UTF8_SEQUENCE} from "./text-decoding.js";
import {describeSeparator, detectSeparator, RowSplitter} from "./delimited-reader.js";
import type {Cell} from "./table.js";
import type {TextEncoding} from "./text-decoding.js";

/** A sheet read as it is iterated: `truncated` is known once every row has been read. */
export interface StreamedSheet {
  file: string;
  sheet?: undefined;
  format: string;
  rows: Iterable<Cell[]>;
  readonly truncated: boolean;
}

const HEAD_BYTES = 64 * 1024;

interface Decoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

function decoderFor(encoding: TextEncoding): Decoder {
  if (encoding === "windows-1252") return {decode: decodeWindows1252, end: () => ""};
  const decoder = new TextDecoder(encoding, {ignoreBOM: false});
  return {decode: (chunk) => decoder.decode(chunk, {stream: true}), end: () => decoder.decode()};
}

function bomEncoding(head: Uint8Array): TextEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * First pass: the encoding, and the file's first bytes (for the separator). A UTF-8 BOM is
 * checked like the rest (text-decoding.ts, encodingBehindBom): Windows-1252 saved behind one
 * is read as Windows-1252, a mix of both refused.
 */
function sniff(chunks: Iterable<Uint8Array>, file: string): {encoding: TextEncoding; head: Uint8Array; utf8Bom: boolean} {
  const parts: Uint8Array[] = [];
  let kept = 0;
  const validator = new TextDecoder("utf-8", {fatal: true});
  const latin1 = new TextDecoder("latin1");
  let valid = true;
  let holdsUtf8Sequence = false;
  let bom: TextEncoding | undefined;
  let seen = 0;
  for (const chunk of chunks) {
    const before = seen;
    seen += chunk.length;
    if (kept < HEAD_BYTES) {
      parts.push(chunk.subarray(0, HEAD_BYTES - kept));
      kept += Math.min(chunk.length, HEAD_BYTES - kept);
      bom ??= kept >= 3 ? bomEncoding(Buffer.concat(parts)) : undefined;
    }
    if (bom && bom !== "utf-8") continue; // a UTF-16 BOM decides; the rest is read only for the file's checks (size, CRC-32)
    if (valid) {
      try {
        validator.decode(chunk, {stream: true});
      } catch {
        valid = false;
      }
    }
    // The BOM's own three bytes look like a UTF-8 sequence: the scan starts after them.
    if (!valid && !holdsUtf8Sequence) holdsUtf8Sequence = UTF8_SEQUENCE.test(latin1.decode(chunk.subarray(bom === "utf-8" ? Math.max(0, 3 - before) : 0)));
  }
  const head = Buffer.concat(parts);
  bom ??= bomEncoding(head);
  if (valid && bom !== "utf-16le" && bom !== "utf-16be") {
    try {
      validator.decode();
    } catch {
      valid = false;
    }
  }
  if (bom === "utf-8") return {encoding: encodingBehindBom({validUtf8: valid, holdsUtf8Sequence}, file), head, utf8Bom: true};
  return {encoding: bom ?? (valid ? "utf-8" : "windows-1252"), head, utf8Bom: false};
}

export function streamDelimited(chunks: () => Iterable<Uint8Array>, file: string): StreamedSheet {
  const {encoding, head, utf8Bom} = sniff(chunks(), file);
  // The BOM's bytes, whatever the encoding they turned out to introduce.
  const skip = utf8Bom ? 3 : 0;
  const headText = decoderFor(encoding).decode(head.subarray(skip)).replace(/^\uFEFF/, "");
  const separator = detectSeparator(headText);
  let truncated = false;
  function* rows(): Generator<Cell[]> {
    const decoder = decoderFor(encoding);
    const ready: string[][] = [];
    const splitter = new RowSplitter(separator, (row) => ready.push(row));
    let first = true;
    const hand = function* () {
      for (const row of ready) yield row.map((field): Cell => (field.trim() === "" ? null : field));
      ready.length = 0;
    };
    let toSkip = skip;
    for (const chunk of chunks()) {
      const part = chunk.subarray(Math.min(toSkip, chunk.length));
      toSkip -= chunk.length - part.length;
      let text = decoder.decode(part);
      if (first && text.length) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      splitter.push(text);
      yield* hand();
    }
    splitter.push(decoder.end());
    truncated = splitter.end().truncated;
    yield* hand();
  }
  return {
    file,
    format: `texte ${encoding}, séparateur ${describeSeparator(separator)}`,
    rows: {[Symbol.iterator]: rows},
    get truncated() {
      return truncated;
    }
  };
}
