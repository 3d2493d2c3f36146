import {mkdtemp, readFile, rm, stat} from "node:fs/promises";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {copyDuckdbEngine, DUCKDB_ENGINE_FILES, ENGINE_FILE_TIME} from "../../scripts/prepare-offline.js";

describe("copyDuckdbEngine", () => {
  it("copies DuckDB-WASM's wasm and worker byte for byte, with a fixed time (pages embed it: builds stay identical)", async () => {
    const root = await mkdtemp(join(tmpdir(), "prepare-offline-"));
    try {
      await copyDuckdbEngine(root);
      await copyDuckdbEngine(root); // a second run (every build) changes nothing
      const require = createRequire(import.meta.url);
      for (const name of DUCKDB_ENGINE_FILES) {
        const copy = join(root, "data", "duckdb", name);
        expect((await stat(copy)).mtimeMs, name).toBe(ENGINE_FILE_TIME.getTime());
        expect(Buffer.compare(await readFile(copy), await readFile(require.resolve(`@duckdb/duckdb-wasm/dist/${name}`))), name).toBe(0);
      }
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});
