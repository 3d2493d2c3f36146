// DuckDB-WASM's engine (exception-handling build), copied verbatim from node_modules.
import {streamNodeModuleFile} from "./node-module-file.ts";

await streamNodeModuleFile("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
