/**
 * The dev server after a data loader is fixed (issue 15): the loader's file
 * gets a new URL (…?sha=B) while the open page keeps its database, and the page
 * stayed broken (« La table « territories » est déjà chargée depuis …sha=A, pas
 * …sha=B ») until a manual reload. A new file under a known name now replaces
 * the table. The registration rule (src/components/parquet-registry.ts), with
 * a recording loader in place of DuckDB-WASM.
 */
import {describe, expect, it} from "vitest";
import {tableRegistry, type TableLoader} from "../../src/components/parquet-registry.js";

function recordingLoader(failing = new Set<string>()) {
  const calls: string[] = [];
  const tables = new Map<string, unknown>();
  const loader: TableLoader = {
    async load(table, source) {
      calls.push(`load ${table} ${source}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failing.has(String(source))) throw new Error(`HTTP 500 ${source}`);
      if (tables.has(table)) throw new Error(`table ${table} exists`);
      tables.set(table, source);
    },
    async drop(table) {
      calls.push(`drop ${table}`);
      tables.delete(table);
    }
  };
  return {loader, calls, tables};
}

const A = "http://127.0.0.1:3000/_file/data/territories.parquet?sha=A";
const B = "http://127.0.0.1:3000/_file/data/territories.parquet?sha=B";

describe("registering a Parquet file as a table", () => {
  it("the same file twice is loaded once", async () => {
    const {loader, calls} = recordingLoader();
    const register = tableRegistry(loader);
    await Promise.all([register("territories", A, A), register("territories", A, A)]);
    await register("territories", A, A);
    expect(calls).toEqual([`load territories ${A}`]);
  });

  it("a new URL for the same table (the loader ran again) replaces the table instead of throwing", async () => {
    const {loader, calls, tables} = recordingLoader();
    const register = tableRegistry(loader);
    await register("territories", A, A);
    await expect(register("territories", B, B)).resolves.toBeUndefined();
    expect(tables.get("territories")).toBe(B);
    expect(calls).toEqual([`load territories ${A}`, "drop territories", `load territories ${B}`]);
    await register("territories", B, B);
    expect(calls).toHaveLength(3);
  });

  it("a replacement asked while the first load runs waits for it, then replaces it", async () => {
    const {loader, calls, tables} = recordingLoader();
    const register = tableRegistry(loader);
    await Promise.all([register("territories", A, A), register("territories", B, B)]);
    expect(tables.get("territories")).toBe(B);
    expect(calls).toEqual([`load territories ${A}`, "drop territories", `load territories ${B}`]);
  });

  it("after a failed load (the loader's syntax error), the fixed file loads", async () => {
    const {loader, tables} = recordingLoader(new Set([A]));
    const register = tableRegistry(loader);
    await expect(register("territories", A, A)).rejects.toThrow(/HTTP 500/);
    await register("territories", B, B);
    expect(tables.get("territories")).toBe(B);
  });

  it("other tables are left alone", async () => {
    const {loader, tables} = recordingLoader();
    const register = tableRegistry(loader);
    await register("products", "p.parquet", "p.parquet");
    await register("territories", A, A);
    await register("territories", B, B);
    expect([...tables]).toEqual([["products", "p.parquet"], ["territories", B]]);
  });
});
