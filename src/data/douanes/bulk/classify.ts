/**
 * What each file of a source is, from its content: bulk data (docs/data.md §1),
 * a label file, a read-me, a workbook or another text table (the region-zip
 * layout, §2). Zip entries are only sniffed here (their first bytes), never
 * inflated whole.
 */
import {closeSync, openSync, readSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {extensionOf, nameHints} from "../file-names.js";
import {describeContent, sniffContent} from "../sniff.js";
import type {SourceInput} from "../source.js";
import {openZip} from "../zip.js";
import {labelKindOf, type LabelKind} from "./labels.js";
import {looksLikeBulk} from "./layout.js";

export type EntryKind = "bulk" | "labels" | "readme" | "table" | "ignored";

export interface SourceEntry {
  input: SourceInput;
  /** Name inside the archive, or the input's name. */
  name: string;
  /** Name shown in messages: "archive.zip/entry.txt" or the file's name. */
  file: string;
  kind: EntryKind;
  labelKind?: LabelKind;
  /** What the bytes are (for ignored entries and diagnostics). */
  content: string;
  size: number;
  /** The file on disk when the entry is the input itself (no copy needed). */
  path?: string;
  read(): Promise<Uint8Array>;
  /** Writes the entry to `path` (zip entries: streamed, checked). */
  extractTo(path: string): Promise<void>;
}

const HEAD_BYTES = 64 * 1024;
const TEXT_EXTENSIONS = new Set(["txt", "csv", "tsv"]);
const WORKBOOK_EXTENSIONS = new Set(["xls", "xlsx"]);

function headOfFile(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function kindOf(name: string, head: Uint8Array): {kind: EntryKind; labelKind?: LabelKind; content: string} {
  const content = describeContent(sniffContent(head));
  const extension = extensionOf(name);
  if (WORKBOOK_EXTENSIONS.has(extension)) return {kind: "table", content};
  if (!TEXT_EXTENSIONS.has(extension)) return {kind: "ignored", content};
  if (sniffContent(head) !== "text") return {kind: "table", content}; // the table readers refuse it, naming what it is
  if (looksLikeBulk(head)) return {kind: "bulk", content};
  const labelKind = labelKindOf(name, new TextDecoder("latin1").decode(head.subarray(0, 4096)));
  if (labelKind) return {kind: "labels", labelKind, content};
  if (nameHints(name).kind === "readme") return {kind: "readme", content};
  return {kind: "table", content};
}

export async function classifyInputs(inputs: SourceInput[]): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const input of inputs) {
    if (/\.zip$/i.test(input.name)) {
      for (const entry of openZip(await readFile(input.path), input.name)) {
        entries.push({
          input,
          name: entry.name,
          file: `${input.name}/${entry.name}`,
          ...kindOf(entry.name, entry.head(HEAD_BYTES)),
          size: entry.size,
          read: async () => entry.read(),
          extractTo: (path) => entry.extractTo(path)
        });
      }
      continue;
    }
    entries.push({
      input,
      name: input.name,
      file: input.name,
      ...kindOf(input.name, headOfFile(input.path)),
      size: input.bytes,
      path: input.path,
      read: () => readFile(input.path),
      extractTo: async (path) => {
        const {copyFile} = await import("node:fs/promises");
        await copyFile(input.path, path);
      }
    });
  }
  return entries;
}
