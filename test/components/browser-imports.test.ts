/**
 * src/components/ runs in the reader's browser, served by Framework. Framework
 * rewrites a relative import "./x.js" to the hashed module built from x.ts,
 * but leaves "./x.ts" as a file that does not exist in dist/ (the page then
 * fails with "Failed to fetch dynamically imported module"). Node-only code
 * (node:, DuckDB node) has no place there either.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const COMPONENTS = "src/components";
const files = readdirSync(COMPONENTS).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"));
// `import type` is erased before the browser sees the module.
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm;

function runtimeImports(file: string): string[] {
  const source = readFileSync(join(COMPONENTS, file), "utf8");
  return [...source.matchAll(RUNTIME_IMPORT)].map((match) => match[1]);
}

describe("browser components", () => {
  it("has components to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)("%s imports siblings as .js and nothing Node-only", (file) => {
    const imports = runtimeImports(file);
    expect(imports.filter((specifier) => specifier.startsWith(".") && !specifier.endsWith(".js"))).toEqual([]);
    expect(imports.filter((specifier) => /^node:|^@duckdb\/node-api|^fs$|^path$/.test(specifier))).toEqual([]);
  });
});
