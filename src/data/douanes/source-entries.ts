/**
 * An input file as the data files it holds: a zip's entries, or the file
 * itself. A file named .zip is always read as an archive, so that an HTML page
 * or an empty file saved under a zip's name fails loudly instead of being
 * skipped as "not a data file". A zip under another name is a workbook (.xlsx).
 */
import {readFile} from "node:fs/promises";
import type {SourceInput} from "./source.ts";
import {readZip, type ZipEntry} from "./zip.ts";

export async function entriesOf(input: SourceInput): Promise<ZipEntry[]> {
  const bytes = await readFile(input.path);
  if (/\.zip$/i.test(input.name)) return readZip(bytes, input.name);
  return [{name: input.name, bytes}];
}
