/**
 * An input file as the data files it holds: a zip's entries, or the file
 * itself. A file named .zip is always read as an archive, so that an HTML page
 * or an empty file saved under a zip's name fails loudly instead of being
 * skipped as "not a data file". A zip under another name is a workbook (.xlsx).
 * Entries are inflated only when read: an entry the pipeline ignores is never
 * inflated (only its first bytes, to say what it is), and a text entry is
 * read in chunks (see ./text-table.ts), never held whole.
 */
import {closeSync, openSync, readFileSync, readSync} from "node:fs";
import {readFile} from "node:fs/promises";
import type {SourceInput} from "./source.js";
import {openZip} from "./zip.js";

export interface InputEntry {
  name: string;
  /** About the first `bytes` bytes, for saying what the entry is. */
  head(bytes: number): Uint8Array;
  /** The whole entry, checked. */
  read(): Uint8Array;
  /** The whole entry in chunks, read (or inflated) as they are asked for: text files are read this way, never whole. */
  chunks(): Iterable<Uint8Array>;
}

const READ_CHUNK_BYTES = 4 * 2 ** 20;

/** A file on disk in chunks (synchronous reads: the text reader that asks for them is synchronous). */
function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const buffer = Buffer.alloc(READ_CHUNK_BYTES);
      const read = readSync(fd, buffer, 0, READ_CHUNK_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

export async function entriesOf(input: SourceInput): Promise<InputEntry[]> {
  if (/\.zip$/i.test(input.name)) return openZip(await readFile(input.path), input.name);
  return [{
    name: input.name,
    head: (wanted) => {
      const [first] = fileChunks(input.path);
      return (first ?? new Uint8Array()).subarray(0, wanted);
    },
    read: () => readFileSync(input.path),
    chunks: () => fileChunks(input.path)
  }];
}
