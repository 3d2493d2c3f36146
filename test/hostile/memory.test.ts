/**
 * Bounded memory (issue 15): a 2.2 MB région zip holding one 255 MiB CSV took
 * the pipeline to 7.8 GB, the entry inflated whole, decoded whole and split
 * into arrays of rows. Text entries are now read as streams: inflated in
 * chunks (zip.ts), decoded and split piece by piece (text-table.ts,
 * delimited-reader.ts), their rows converted as they come (records.ts). The
 * peak memory on that zip is measured by `npm run bench:data`; these tests
 * check that the streaming path is the one taken, and that it reads exactly
 * what the whole-file reader read.
 */
import {zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {splitDelimited, RowSplitter} from "../../src/data/douanes/delimited-reader.js";
import {nameHints} from "../../src/data/douanes/file-names.js";
import {convertFile} from "../../src/data/douanes/records.js";
import type {InputEntry} from "../../src/data/douanes/source-entries.js";
import {openTables, readTables} from "../../src/data/douanes/table-reader.js";
import {openZip} from "../../src/data/douanes/zip.js";
import {encodeWindows1252} from "../../src/data/windows-1252.js";
import {utf8} from "../data/douanes/fixtures.js";
import {collect} from "../data/douanes/collect.js";

const TRICKY = 'a;"b;""c""";d\r\ne;f\rg;"h\r\ni"\n\n;j\r\n"k";"";l\n\r\n\n';

/** An entry that must be streamed: reading it whole fails the test. */
function streamOnly(name: string, bytes: Uint8Array, chunkBytes: number): InputEntry & {chunksRead: number} {
  const entry = {
    name,
    chunksRead: 0,
    head: (wanted: number) => bytes.subarray(0, wanted),
    read: (): Uint8Array => {
      throw new Error("the whole entry was read");
    },
    *chunks() {
      for (let at = 0; at < bytes.length; at += chunkBytes) {
        entry.chunksRead++;
        yield bytes.subarray(at, at + chunkBytes);
      }
    }
  };
  return entry;
}

describe("splitting text given in pieces", () => {
  it("gives the same rows as the whole text, wherever the pieces are cut (quotes, \"\", CR LF, lone CR, trailing blank lines)", () => {
    const whole = splitDelimited(TRICKY, ";");
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      for (const size of [1, 2, 3]) {
        const rows: string[][] = [];
        const splitter = new RowSplitter(";", (row) => rows.push(row));
        splitter.push(TRICKY.slice(0, cut));
        for (let at = cut; at < TRICKY.length; at += size) splitter.push(TRICKY.slice(at, at + size));
        expect({rows, truncated: splitter.end().truncated}).toEqual(whole);
      }
    }
    expect(whole.rows).toEqual([["a", 'b;"c"', "d"], ["e", "f"], ["g", "h\r\ni"], [""], ["", "j"], ["k", "", "l"]]);
  });
});

describe("a text entry is streamed, never read whole", () => {
  const csv = "Département;Flux;Code pays;Trimestre;Valeur (k€)\r\n" +
    Array.from({length: 3000}, (_, i) => `10;E;${["DE", "BE", "IT"][i % 3]};${2021 + Math.floor(i / 12) % 4}T${1 + (i % 4)};${i},5`).join("\r\n") + "\r\n";

  it("through openTables and convertFile: the same values as the whole-file reader, in several chunks", () => {
    const entry = streamOnly("10_pays.csv", utf8(csv), 4096);
    const streamed = collect();
    const reports = convertFile(openTables(entry, "region_44.zip/10_pays.csv"), nameHints("10_pays.csv"), streamed.sink);
    expect(entry.chunksRead).toBeGreaterThan(10);
    const whole = collect();
    expect(convertFile(readTables(utf8(csv), "region_44.zip/10_pays.csv"), nameHints("10_pays.csv"), whole.sink)).toEqual(reports);
    expect(streamed.facts).toEqual(whole.facts);
    expect(streamed.facts).toHaveLength(3000);
    expect(reports[0].dataLines).toBe(3000);
  });

  it("the encoding is decided on the whole file: a Windows-1252 byte in the last chunk makes the first rows Windows-1252 too", () => {
    const text = "Code produit;Libellé produit\r\n" + Array.from({length: 500}, (_, i) => `${1000 + i};Céréales ${i}`).join("\r\n") + "\r\n9999;Œufs\r\n";
    const entry = streamOnly("libelles_produits.csv", encodeWindows1252(text), 1024);
    const [sheet] = openTables(entry, "libelles_produits.csv");
    expect(sheet.format).toBe("texte windows-1252, séparateur « ; »");
    const rows = [...sheet.rows];
    expect(rows[1]).toEqual(["1000", "Céréales 0"]);
    expect(rows.at(-1)).toEqual(["9999", "Œufs"]);
  });

  it("a zip entry is inflated in chunks, checked (CRC-32) once read to its end", () => {
    let seed = 11;
    const bytes = utf8(Array.from({length: 40_000}, () => `10;E;DE;2024T1;${(seed = (seed * 48271) % 2147483647)}`).join("\r\n"));
    const archive = zipSync({"10_pays.csv": bytes});
    const chunks = [...openZip(archive, "region_44.zip")[0].chunks()];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const central = view.getUint32(archive.length - 22 + 16, true);
    view.setUint32(central + 16, (view.getUint32(central + 16, true) ^ 1) >>> 0, true); // the central directory's CRC-32, one bit off
    expect(() => [...openZip(archive, "region_44.zip")[0].chunks()]).toThrow(/somme de contrôle CRC-32 fausse pour « 10_pays\.csv »/);
  });
});
