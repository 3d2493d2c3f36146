/**
 * Reads back the CSV files the site writes (src/components/csv.ts): UTF-8
 * with a BOM, `;` separators, CRLF, cells quoted only when they hold `;`,
 * quotes or line breaks. For tests only: fails when the BOM is missing.
 */
export function readCsv(bytes: Uint8Array): {header: string[]; rows: string[][]} {
  const text = new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes);
  if (!text.startsWith("\ufeff")) throw new Error("CSV sans BOM : Excel en français en lirait mal les accents");
  const split = (line: string) =>
    line.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.slice(0, -1).map((cell) => {
      const value = cell.replace(/;$/, "");
      return value.startsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value;
    });
  const [header, ...rows] = text.slice(1).split("\r\n").filter(Boolean).map(split);
  return {header, rows};
}
