import {describe, expect, it} from "vitest";
import {readZip} from "../../../src/data/douanes/zip.js";
import {zip} from "./fixtures.js";

/** Rewrites an entry name in place (local and central headers), same length. */
function renameEntry(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const copy = bytes.slice();
  const needle = Buffer.from(from);
  const buffer = Buffer.from(copy.buffer);
  for (let i = buffer.indexOf(needle); i >= 0; i = buffer.indexOf(needle, i + 1)) Buffer.from(to).copy(buffer, i);
  return copy;
}

/** Sets an entry's declared uncompressed size (local and central headers). */
function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return copy;
}

describe("archives are read defensively", () => {
  it("reads a normal archive", () => {
    const entries = readZip(zip({"dir/a.csv": new TextEncoder().encode("x")}), "ok.zip");
    expect(entries.map((e) => e.name)).toEqual(["dir/a.csv"]);
  });

  it("refuses ../ entries (zip slip)", () => {
    const bytes = renameEntry(zip({"aa/evil.csv": new Uint8Array([1])}), "aa/evil.csv", "../evil.csv");
    expect(() => readZip(bytes, "slip.zip")).toThrow(/« \.\.\/evil\.csv » refusée/);
  });

  it("refuses absolute entry names", () => {
    const bytes = renameEntry(zip({"xetc/passwd": new Uint8Array([1])}), "xetc/passwd", "/etc/passwd");
    expect(() => readZip(bytes, "abs.zip")).toThrow(/chemin absolu/);
  });

  it("refuses an entry whose compression ratio is a bomb's", () => {
    const bytes = zip({"bomb.csv": new Uint8Array(50 * 2 ** 20)});
    expect(() => readZip(bytes, "bomb.zip")).toThrow(/bombe zip/);
  });

  it("refuses an entry that inflates beyond its declared size", () => {
    const honest = zip({"a.csv": new Uint8Array(100_000).fill(65)});
    expect(() => readZip(declareSize(honest, 10), "liar.zip")).toThrow(/au-delà de sa taille déclarée/);
  });

  it("refuses a truncated archive and a non-zip", () => {
    const bytes = zip({"a.csv": new Uint8Array(1000).fill(66)});
    expect(() => readZip(bytes.subarray(0, bytes.length - 30), "cut.zip")).toThrow(/incomplète|corrompu|tronquée/);
    expect(() => readZip(new TextEncoder().encode("<html><body>404</body></html>"), "page.zip")).toThrow(/page HTML/);
  });
});
