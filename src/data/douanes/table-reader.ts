/**
 * Reads any data file into sheets, choosing the reader from the bytes (not
 * the name: renamed files and HTML error pages are common).
 */
import {readDelimited} from "./delimited-reader.js";
import {SourceError} from "./errors.js";
import {extensionOf} from "./file-names.js";
import {describeContent, sniffContent} from "./sniff.js";
import type {SheetSource} from "./records.js";
import type {InputEntry} from "./source-entries.js";
import type {Sheet} from "./table.js";
import {streamDelimited} from "./text-table.js";
import {readWorkbook, readXls} from "./workbook-reader.js";

/** SpreadsheetML saved as .xls is text that SheetJS reads as a workbook. */
function isXmlWorkbook(extension: string, bytes: Uint8Array): boolean {
  return extension === "xls" && /^\s*<\?xml|^\s*<Workbook/i.test(new TextDecoder("latin1").decode(bytes.subarray(0, 200)));
}

/**
 * The sheets of an input entry: a delimited text file is streamed (its rows
 * read as they are asked for, text-table.ts), anything else read whole.
 */
export function openTables(entry: InputEntry, file: string): SheetSource[] {
  const head = entry.head(1024);
  if (sniffContent(head) === "text" && !isXmlWorkbook(extensionOf(file), head)) return [streamDelimited(() => entry.chunks(), file)];
  return readTables(entry.read(), file);
}

export function readTables(bytes: Uint8Array, file: string): Sheet[] {
  const kind = sniffContent(bytes);
  const extension = extensionOf(file);
  switch (kind) {
    case "empty":
      throw new SourceError(`${file} : fichier vide (0 octet). Téléchargez-le à nouveau ou retirez-le de la source.`);
    case "html":
      throw new SourceError(`${file} : ce fichier est ${describeContent(kind)}, pas un fichier de données.`);
    case "cfb":
      return readXls(bytes, file);
    case "zip":
      return readWorkbook(bytes, file, "xlsx");
    case "text":
      // SheetJS also writes BIFF2–5 and SpreadsheetML that are not CFB; an .xls holding text is read as text.
      if (isXmlWorkbook(extension, bytes)) return readWorkbook(bytes, file, "xls");
      return [readDelimited(bytes, file)];
    case "binary":
      if (extension === "xls") return readWorkbook(bytes, file, "xls"); // BIFF2–5 streams have no CFB header (SheetJS)
      throw new SourceError(`${file} : ${describeContent(kind)} (ni classeur Excel, ni texte délimité).`);
  }
}
