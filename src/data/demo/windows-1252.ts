/**
 * Windows-1252 encoder: the customs' text files are latin-1 / Windows-1252,
 * and French labels need the characters that code page adds to ISO-8859-1
 * ("œ" in « Volailles vivantes et œufs », "€", typographic quotes).
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
