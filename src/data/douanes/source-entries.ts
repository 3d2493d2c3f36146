/**
 * An input file as the data files it holds: a zip's entries, or the file
 * itself. A file named .zip is always read as an archive, so that an HTML page
 * or an empty file saved under a zip's name fails loudly instead of being
 * skipped as "not a data file". A zip under another name is a workbook (.xlsx).
 * Entries are inflated only when read: an entry the pipeline ignores is never
 * inflated (only its first bytes, to say what it is).
 */
import {readFile} from "node:fs/promises";
import type {SourceInput} from "./source.ts";
import {openZip} from "./zip.ts";

export interface InputEntry {
  name: string;
  /** About the first `bytes` bytes, for saying what the entry is. */
  head(bytes: number): Uint8Array;
  /** The whole entry, checked. */
  read(): Uint8Array;
}

export async function entriesOf(input: SourceInput): Promise<InputEntry[]> {
  const bytes = await readFile(input.path);
  if (/\.zip$/i.test(input.name)) return openZip(bytes, input.name);
  return [{name: input.name, head: (wanted) => bytes.subarray(0, wanted), read: () => bytes}];
}
