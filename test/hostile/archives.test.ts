/**
 * Hostile archives (issue 7): zip slip in every spelling, zip bombs by ratio,
 * entry size, total size and entry count, and bodies that are not zips. The
 * pipeline never writes entries to disk; the integration test checks that a
 * hostile archive stops the run and leaves its surroundings untouched.
 */
import {mkdir, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {pipelineFor} from "../../src/data/douanes/pipeline.js";
import {resolveSource} from "../../src/data/douanes/source.js";
import {DEFAULT_ZIP_LIMITS, readZip} from "../../src/data/douanes/zip.js";
import {tempDir, zip} from "../data/douanes/fixtures.js";

/** A zip whose single entry is called `name` (placeholder of the same length rewritten in both headers). */
function zipWithName(name: string, content = new Uint8Array([65])): Uint8Array {
  const placeholder = "x".repeat(Buffer.byteLength(name));
  const bytes = zip({[placeholder]: content});
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(placeholder);
  let replaced = 0;
  for (let i = buffer.indexOf(needle); i >= 0; i = buffer.indexOf(needle, i + 1)) Buffer.from(name).copy(buffer, i), replaced++;
  if (replaced !== 2) throw new Error(`fixture: ${replaced} copies of the name`);
  return bytes;
}

const SLIP_NAMES = [
  "../evil.csv", "a/../../evil.csv", "..\\evil.csv", "a\\..\\..\\evil.csv", "/etc/evil.csv", "\\evil.csv",
  "\\\\server\\share\\evil.csv", "C:\\evil.csv", "C:/evil.csv", "c:evil.csv", "..", "evil.csv\0.txt"
];

describe("zip slip: every spelling of a path leaving the folder is refused", () => {
  it.each(SLIP_NAMES)("« %s »", (name) => {
    expect(() => readZip(zipWithName(name), "slip.zip")).toThrow(/slip\.zip : entrée « .* » refusée \(chemin absolu ou « \.\. »/s);
  });

  it("names that merely contain dots are fine", () => {
    for (const name of ["a..b.csv", "...csv", "dir/..x/ok.csv", "10_export.xls"]) {
      expect(readZip(zipWithName(name), "ok.zip").map((e) => e.name)).toEqual([name]);
    }
  });

  it("through the pipeline: the run stops, naming the entry, and nothing is written beside the source", async () => {
    const root = await tempDir("hostile-slip-");
    const source = join(root, "a", "source");
    await mkdir(source, {recursive: true});
    await writeFile(join(source, "region_44.zip"), zipWithName("../../10_pays.csv", new TextEncoder().encode("Flux;Code pays;Trimestre;Valeur\nE;DE;2024T1;1\n")));
    const plan = await resolveSource({TRADE_SOURCE: source});
    await expect(pipelineFor(plan, {TRADE_CACHE_DIR: join(root, "a", "cache")})).rejects.toThrow(/region_44\.zip : entrée « \.\.\/\.\.\/10_pays\.csv » refusée/);
    expect((await readdir(root, {recursive: true})).filter((name) => name.includes("10_pays"))).toEqual([]);
  });
});

describe("zip bombs are stopped with a clear message", () => {
  const limits = {...DEFAULT_ZIP_LIMITS};

  it("total uncompressed size over the limit", () => {
    const bytes = zip({"a.csv": new Uint8Array(600).fill(65), "b.csv": new Uint8Array(600).fill(66)});
    expect(() => readZip(bytes, "big.zip", {...limits, maxTotalBytes: 1000})).toThrow(/big\.zip : 1200 octets une fois décompressée, au-delà de la limite de 1000 \(bombe zip \?\)/);
    expect(readZip(bytes, "big.zip", {...limits, maxTotalBytes: 1200})).toHaveLength(2);
  });

  it("one entry over the size limit", () => {
    const bytes = zip({"a.csv": new Uint8Array(5000)});
    expect(() => readZip(bytes, "e.zip", {...limits, maxEntryBytes: 4999})).toThrow(/« a\.csv » de 5000 octets décompressés.*bombe zip/);
  });

  it("too many entries", () => {
    const entries = Object.fromEntries(Array.from({length: 20}, (_, i) => [`f${i}.csv`, new Uint8Array([i])]));
    expect(() => readZip(zip(entries), "many.zip", {...limits, maxEntries: 10})).toThrow(/20 entrées, plus que la limite de 10/);
  });

  it("the default ratio limit stops a 64 MiB file of zeros, through the pipeline too", async () => {
    const bomb = zip({"10_pays.csv": new Uint8Array(64 * 2 ** 20)});
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => readZip(bomb, "bomb.zip")).toThrow(/compressée \d+ fois.*bombe zip/);
    const folder = await tempDir("hostile-bomb-");
    await writeFile(join(folder, "region_44.zip"), bomb);
    await expect(pipelineFor(await resolveSource({TRADE_SOURCE: folder}), {TRADE_CACHE_DIR: await tempDir("hostile-pipe-")})).rejects.toThrow(/bombe zip/);
  });
});

describe("bodies that are not zips are named for what they are", () => {
  const good = zip({"a.csv": new Uint8Array(2000).fill(67)});
  it.each([
    ["an HTML page", new TextEncoder().encode("\n  <html><head><title>Erreur</title></head></html>"), /ce n'est pas une archive zip mais une page HTML/],
    ["an HTML comment first", new TextEncoder().encode("<!-- erreur --><p>Maintenance</p>"), /mais une page HTML/],
    ["an empty body", new Uint8Array(), /ce n'est pas une archive zip mais un fichier vide/],
    ["random bytes", Uint8Array.from({length: 300}, (_, i) => (i * 7919) % 251), /ce n'est pas une archive zip mais un fichier binaire/],
    ["a truncated zip", good.subarray(0, good.length - 40), /archive zip incomplète.*tronqué/],
    ["a zip cut in the middle of its data", Uint8Array.from([...good.subarray(0, 60), ...good.subarray(good.length - 22)]), /corrompu|tronquée|introuvable/]
  ])("%s", (_label, bytes, message) => {
    expect(() => readZip(bytes, "region_44.zip")).toThrow(message);
  });

  it("a flipped byte inside the compressed data is caught (CRC-32 or inflate error)", () => {
    const bytes = zip({"a.csv": Uint8Array.from({length: 3000}, (_, i) => (i * 31) % 256)});
    const broken = bytes.slice();
    broken[60] ^= 0xff;
    expect(() => readZip(broken, "flip.zip")).toThrow(/flip\.zip : .*(CRC-32|illisible|corrompue)/);
  });
});
