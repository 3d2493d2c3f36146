/**
 * Zip entries that share one compressed record (issue 15): a 2 MB archive whose
 * eight central-directory entries all point at the same record made the
 * pipeline inflate it eight times, although every entry was ignored. Such an
 * archive is refused, naming it; and an entry the pipeline ignores is never
 * inflated (here: an ignored entry whose data are corrupt does not stop the run).
 */
import {unzipSync, zipSync} from "fflate";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {pipelineFor} from "../../src/data/douanes/pipeline.js";
import {resolveSource} from "../../src/data/douanes/source.js";
import {openZip} from "../../src/data/douanes/zip.js";
import {regionZip, tempDir, type DeptFixture} from "../data/douanes/fixtures.js";

const CENTRAL_SIGNATURE = 0x02014b50;

/** One real record, then a central directory listing it under each of `names` (all at offset 0). */
function sharedRecordZip(names: string[], content: Uint8Array): Uint8Array {
  const single = zipSync({"shared.txt": content}, {level: 6});
  const view = new DataView(single.buffer, single.byteOffset, single.byteLength);
  const eocd = single.length - 22;
  const centralOffset = view.getUint32(eocd + 16, true);
  if (view.getUint32(centralOffset, true) !== CENTRAL_SIGNATURE) throw new Error("fixture: central directory not found");
  const template = single.subarray(centralOffset, centralOffset + 46);
  const records = names.map((name) => {
    const nameBytes = new TextEncoder().encode(name);
    const record = new Uint8Array(46 + nameBytes.length);
    record.set(template);
    const recordView = new DataView(record.buffer);
    recordView.setUint16(28, nameBytes.length, true);
    recordView.setUint16(30, 0, true);
    recordView.setUint16(32, 0, true);
    recordView.setUint32(42, 0, true);
    record.set(nameBytes, 46);
    return record;
  });
  const central = Buffer.concat(records);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, names.length, true);
  endView.setUint16(10, names.length, true);
  endView.setUint32(12, central.length, true);
  endView.setUint32(16, centralOffset, true);
  return Buffer.concat([single.subarray(0, centralOffset), central, end]);
}

const aube: DeptFixture = {dept: "10", exports: [["14.13", "DE", [1, 2, 3, 4, 5, 6]]], imports: [["14.13", "IT", [6, 5, 4, 3, 2, 1]]]};

describe("entries sharing one compressed record", () => {
  // Pseudo-random letters: under the ratio limit, so that only the shared record can stop it.
  let seed = 7;
  const content = Uint8Array.from({length: 2 ** 21}, () => 65 + ((seed = (seed * 48271) % 2147483647) % 26));
  const names = Array.from({length: 8}, (_, i) => `dossier${i + 1}/`);

  it("are refused before anything is inflated, naming the archive and two of the entries", () => {
    expect(() => openZip(sharedRecordZip(names, content), "region_94.zip"))
      .toThrow(/^region_94\.zip : les entrées « dossier1\/ » et « dossier2\/ » partagent les mêmes données compressées.*Archive refusée\.$/);
  });

  it("through the pipeline too", async () => {
    const folder = await tempDir("hostile-overlap-");
    await writeFile(join(folder, "region_94.zip"), sharedRecordZip(["a.pdf", "b.pdf", "10_export_pays_produits.csv"], content));
    await expect(pipelineFor(await resolveSource({TRADE_SOURCE: folder}), {TRADE_CACHE_DIR: await tempDir("hostile-overlap-cache-")}))
      .rejects.toThrow(/region_94\.zip : les entrées « a\.pdf » et « b\.pdf » partagent les mêmes données compressées/);
  });

  it("a well-formed archive with several entries is still read", () => {
    const entries = openZip(zipSync({"a.csv": new Uint8Array([1]), "b/": new Uint8Array(), "b/c.csv": new Uint8Array([2, 3])}), "ok.zip");
    expect(entries.map((entry) => [entry.name, [...entry.read()]])).toEqual([["a.csv", [1]], ["b/c.csv", [2, 3]]]);
  });
});

describe("only the entries the pipeline reads are inflated", () => {
  it("an ignored entry with corrupt data does not stop the run (it is never inflated), and is named as ignored", async () => {
    const entries = unzipSync(regionZip([aube], [["14.13", "Vêtements de dessus"]]));
    const marker = new TextEncoder().encode("NEVER-INFLATED-".repeat(64));
    const withNotes = zipSync({...entries, "notes.pdf": [marker, {level: 0}]}, {level: 6});
    // Stored, so the marker is in the archive as is: flipping one of its bytes breaks the entry's CRC-32.
    const at = Buffer.from(withNotes).indexOf(Buffer.from("NEVER-INFLATED-"));
    expect(at).toBeGreaterThan(0);
    withNotes[at + 3] ^= 0x20;
    expect(() => openZip(withNotes, "region_44.zip").find((entry) => entry.name === "notes.pdf")!.read()).toThrow(/CRC-32 fausse pour « notes\.pdf »/);

    const folder = await tempDir("hostile-lazy-");
    await writeFile(join(folder, "region_44.zip"), withNotes);
    const {manifest} = await pipelineFor(await resolveSource({TRADE_SOURCE: folder}), {TRADE_CACHE_DIR: await tempDir("hostile-lazy-cache-")});
    expect(manifest.shownYear).toBe(2024);
    expect(manifest.warnings).toContain("region_44.zip/notes.pdf : fichier ignoré (extension non reconnue)");
    expect(manifest.totals).toContainEqual({year: 2024, flow: "export", value_eur: 18_000});
  });
});
