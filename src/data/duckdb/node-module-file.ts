/**
 * Serves a file of an installed npm package, byte for byte, as a data loader
 * output. DuckDB-WASM's wasm and worker must reach the browser unchanged:
 * imported as modules, Framework would re-bundle the worker as an ES module,
 * which then fails to load (see ../shared/design/OFFLINE.md).
 */
import {createReadStream} from "node:fs";
import {createRequire} from "node:module";
import {pipeline} from "node:stream/promises";

const require = createRequire(import.meta.url);

/** Streams `specifier` (e.g. "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm") to stdout. */
export async function streamNodeModuleFile(specifier: string): Promise<void> {
  await pipeline(createReadStream(require.resolve(specifier)), process.stdout);
}
