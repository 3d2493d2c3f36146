/**
 * Text files from the customs are Windows-1252 (latin-1); files re-saved by
 * users are often UTF-8, with or without a BOM. Valid UTF-8 is taken as UTF-8,
 * anything else as Windows-1252 (a superset of latin-1 for printable text).
 */
import {decodeWindows1252} from "../windows-1252.ts";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export function decodeText(bytes: Uint8Array): {text: string; encoding: TextEncoding} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8"};
  }
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
