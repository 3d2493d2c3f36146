/**
 * What a byte buffer really is, whatever its name says: servers answer HTML
 * error pages with status 200, and files get renamed.
 */
export type ContentKind = "empty" | "zip" | "cfb" | "html" | "text" | "binary";

/** Office 97–2003 compound file (.xls) signature. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function sniffContent(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) return "cfb";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, "").trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.includes("<html")) return "html";
  // Error pages also start with a comment, a <head>, <body>, <meta> or <title>.
  if (/^<(?:head|body|meta|title|!--)/.test(head)) return "html";
  // Text: no NUL byte in the first kilobyte (UTF-16 files have a BOM and are handled by the text decoder).
  const sample = bytes.subarray(0, 1024);
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return "text";
  return sample.includes(0) ? "binary" : "text";
}

/** French description of a kind, for error messages. */
export function describeContent(kind: ContentKind): string {
  switch (kind) {
    case "empty": return "un fichier vide";
    case "zip": return "une archive zip (ou un classeur .xlsx)";
    case "cfb": return "un classeur Excel 97–2003 (.xls)";
    case "html": return "une page HTML (probablement une page d'erreur du serveur)";
    case "text": return "du texte";
    case "binary": return "un fichier binaire non reconnu";
  }
}
