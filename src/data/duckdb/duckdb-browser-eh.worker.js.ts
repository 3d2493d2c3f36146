// DuckDB-WASM's browser worker (classic script) for the EH build, copied verbatim from node_modules.
import {streamNodeModuleFile} from "./node-module-file.ts";

await streamNodeModuleFile("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");
