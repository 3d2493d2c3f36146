/**
 * Windows-1252 codec: the customs' text files are latin-1 / Windows-1252, and
 * French labels need the characters that code page adds to ISO-8859-1 in
 * 0x80–0x9F ("œ" in « Volailles vivantes et œufs », "€", typographic quotes).
 *
 * Hand-written because Node 20's TextDecoder("windows-1252") decodes that
 * range as ISO-8859-1 control characters (measured: 0x9C → U+009C, not "œ").
 */
const EXTRA_CHARACTERS = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

const extraBytes = new Map<string, number>([...EXTRA_CHARACTERS].map((char, i) => [char, 0x80 + i]));

export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let i = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const extra = extraBytes.get(char);
    if (extra !== undefined) bytes[i++] = extra;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i++] = code;
    else throw new Error(`Caractère « ${char} » (U+${code.toString(16).toUpperCase()}) impossible à écrire en Windows-1252`);
  }
  return bytes.subarray(0, i);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? EXTRA_CHARACTERS.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}
