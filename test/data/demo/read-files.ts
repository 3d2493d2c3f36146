/**
 * Test helpers: read the demo's files back as plain text, independently of
 * the pipeline's parser (fflate for the archives, string splitting for the rest).
 */
import {unzipSync} from "fflate";

export interface DataRow {
  flux: string;
  trimestre: string;
  annee: string;
  dept: string;
  region: string;
  a129: string;
  cpf4: string;
  pays: string;
  valeur: number;
  masse: number;
}

/** The text of a data file: the single entry of an archive, or the file itself. */
export function dataText(name: string, bytes: Uint8Array): {entry: string | undefined; text: string} {
  if (!name.endsWith(".zip")) return {entry: undefined, text: Buffer.from(bytes).toString("utf8")};
  const entries = Object.entries(unzipSync(bytes));
  if (entries.length !== 1) throw new Error(`${name} : ${entries.length} entrées`);
  return {entry: entries[0][0], text: Buffer.from(entries[0][1]).toString("utf8")};
}

/** Lines of a CRLF text (the last CRLF ends the last line). */
export function crlfLines(text: string): string[] {
  if (!text.endsWith("\r\n")) throw new Error("le fichier ne finit pas par CRLF");
  return text.slice(0, -2).split("\r\n");
}

export function parseRow(line: string): DataRow {
  const f = line.split(";");
  if (f.length !== 10) throw new Error(`${f.length} champs : ${line}`);
  return {
    flux: f[0], trimestre: f[1], annee: f[2], dept: f[3], region: f[4], a129: f[5], cpf4: f[6], pays: f[7],
    valeur: Number(f[8]), masse: Number(f[9])
  };
}
