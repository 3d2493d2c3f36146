/** An input file as the data files it holds: a zip's entries, or the file itself. */
import {readFile} from "node:fs/promises";
import {sniffContent} from "./sniff.ts";
import type {SourceInput} from "./source.ts";
import {readZip, type ZipEntry} from "./zip.ts";

export async function entriesOf(input: SourceInput): Promise<ZipEntry[]> {
  const bytes = await readFile(input.path);
  if (sniffContent(bytes) === "zip" && /\.zip$/i.test(input.name)) return readZip(bytes, input.name);
  return [{name: input.name, bytes}];
}
