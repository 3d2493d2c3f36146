/**
 * How a query reaches DuckDB, in the browser (DuckDB-WASM) and at build time
 * (@duckdb/node-api, `nodeRun` in slices.ts): one SQL statement with
 * positional parameters ($1, $2…), answered as plain row objects.
 */
export type Run = <T>(sql: string, params: unknown[]) => Promise<T[]>;
