/**
 * Text files from the customs are Windows-1252 (latin-1); files re-saved by
 * users are often UTF-8, with or without a BOM. Valid UTF-8 is taken as UTF-8,
 * anything else as Windows-1252 (a superset of latin-1 for printable text).
 */
import {decodeWindows1252} from "../windows-1252.js";
import {SourceError} from "./errors.js";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** A valid UTF-8 multi-byte sequence, in bytes read as latin-1. */
export const UTF8_SEQUENCE = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/;

/**
 * A UTF-8 byte-order mark is a claim, not a proof: a Windows-1252 file saved
 * behind one (an editor adding the mark without converting) would otherwise
 * be decoded with U+FFFD in place of every accent. Such a file is read as
 * Windows-1252 when nothing in it is UTF-8; a file mixing both encodings is refused.
 */
function afterBom(rest: Uint8Array, file: string): {text: string; encoding: TextEncoding} {
  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(rest), encoding: "utf-8"};
  } catch {
    const encoding = encodingBehindBom({validUtf8: false, holdsUtf8Sequence: UTF8_SEQUENCE.test(new TextDecoder("latin1").decode(rest))}, file);
    return {text: decodeWindows1252(rest), encoding};
  }
}

/** The encoding of what follows a UTF-8 BOM, from what was seen of it (also used by the streamed reader, text-table.ts). */
export function encodingBehindBom({validUtf8, holdsUtf8Sequence}: {validUtf8: boolean; holdsUtf8Sequence: boolean}, file: string): TextEncoding {
  if (validUtf8) return "utf-8";
  if (!holdsUtf8Sequence) return "windows-1252";
  throw new SourceError(`${file} : marque UTF-8 (BOM) en tête mais octets invalides en UTF-8, mêlés à des caractères UTF-8 valides : encodage mélangé, ` +
    `les libellés seraient corrompus. Que faire : réenregistrez ce fichier en UTF-8 (ou en Windows-1252 sans BOM).`);
}

/** `file` names the file in the error a BOM followed by mixed encodings raises. */
export function decodeText(bytes: Uint8Array, file = "?"): {text: string; encoding: TextEncoding} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return afterBom(bytes.subarray(3), file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le"};
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be"};
  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(bytes), encoding: "utf-8"};
  } catch {
    return {text: decodeWindows1252(bytes), encoding: "windows-1252"};
  }
}

/** Lower case, no accents, words separated by single spaces: the form every label is compared in. */
export function foldLabel(label: string): string {
  return label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[_\-.'’/\s\u00a0\u202f]+/g, " ")
    .trim();
}

/** Refuses a label holding U+FFFD: the file was already decoded wrongly by another tool, its accents are lost. */
export function refuseReplacementCharacter(label: string, where: string): void {
  if (label.includes("\uFFFD")) {
    throw new SourceError(`${where} : libellé « ${label} » contenant le caractère de remplacement U+FFFD (« \uFFFD ») : accents perdus par une conversion d'encodage antérieure. ` +
      `Que faire : reprenez le fichier d'origine des Douanes.`);
  }
}
