/**
 * A delimited text file as a sheet whose rows are read as they are asked
 * for: a 255 MiB CSV is never held whole, neither as bytes, nor as text, nor
 * as rows (held whole, it took 7.8 GB). Two passes over the chunks: the
 * first decides the encoding as text-decoding.ts does (a BOM, else valid
 * UTF-8, else Windows-1252) and the separator (from the first line); the
 * second decodes, splits and hands out the rows one by one.
 */
import {decodeWindows1252} from "../windows-1252.ts";
import {describeSeparator, detectSeparator, RowSplitter} from "./delimited-reader.ts";
import type {Cell} from "./table.ts";
import type {TextEncoding} from "./text-decoding.ts";

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

/** First pass: the encoding, and the file's first bytes (for the separator). */
function sniff(chunks: Iterable<Uint8Array>): {encoding: TextEncoding; head: Uint8Array} {
  const parts: Uint8Array[] = [];
  let kept = 0;
  const validator = new TextDecoder("utf-8", {fatal: true});
  let valid = true;
  let encoding: TextEncoding | undefined;
  for (const chunk of chunks) {
    if (kept < HEAD_BYTES) {
      parts.push(chunk.subarray(0, HEAD_BYTES - kept));
      kept += Math.min(chunk.length, HEAD_BYTES - kept);
      encoding ??= kept >= 3 ? bomEncoding(Buffer.concat(parts)) : undefined;
    }
    if (encoding) continue; // a BOM decides; the rest is read only for the file's checks (size, CRC-32)
    if (valid) {
      try {
        validator.decode(chunk, {stream: true});
      } catch {
        valid = false;
      }
    }
  }
  const head = Buffer.concat(parts);
  encoding ??= bomEncoding(head);
  if (!encoding && valid) {
    try {
      validator.decode();
    } catch {
      valid = false;
    }
  }
  return {encoding: encoding ?? (valid ? "utf-8" : "windows-1252"), head};
}

export function streamDelimited(chunks: () => Iterable<Uint8Array>, file: string): StreamedSheet {
  const {encoding, head} = sniff(chunks());
  const headText = decoderFor(encoding).decode(head).replace(/^\uFEFF/, "");
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
    for (const chunk of chunks()) {
      let text = decoder.decode(chunk);
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
