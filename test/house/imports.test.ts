/**
 * The house's import rules, checked on every module of src/, test/ and scripts/:
 *
 * - One convention: a relative import names its module with `.js`. Framework
 *   serves "./x.js" from x.ts to the browser but leaves "./x.ts" as a missing
 *   file ("Failed to fetch dynamically imported module"); tsx, TypeScript and
 *   vitest read "./x.js" as x.ts too.
 * - Layers in one direction: data → queries → components → pages. A module
 *   imports only from its own layer or a lower one, so the customs' code never
 *   depends on a chart and a chart never on a page. Pages are src/factsheet/,
 *   the Markdown pages and their loaders, and the data loaders (entry points
 *   Framework runs, like pages).
 * - What runs in the reader's browser (queries, components) imports nothing
 *   Node-only.
 */
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOTS = ["src", "test", "scripts"];
const MODULE = /\.(ts|md)$/;
const LOADER = /\.(md|parquet|zip|json|csv|txt)\.ts$/;
const LAYERS = ["data", "queries", "components", "pages"] as const;
type Layer = (typeof LAYERS)[number];

function modules(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(root, {recursive: true})
      .map((name) => join(root, String(name)).split("\\").join("/"))
      .filter((file) => MODULE.test(file) && !file.endsWith(".d.ts") && !file.includes("/.observablehq/") && !file.includes("/node_modules/"))
  ).sort();
}

/** The layer of a module under src/, or null for tests and scripts (they may import any layer). */
export function layerOf(file: string): Layer | null {
  if (!file.startsWith("src/")) return null;
  if (LOADER.test(file) || file.endsWith(".md")) return "pages";
  const top = file.split("/")[1];
  return top === "data" || top === "queries" || top === "components" ? top : "pages";
}

// Static imports and re-exports (type-only included: they couple layers too), dynamic imports and vi.mock.
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|vi\.mock\(\s*["']([^"']+)["']/g;

interface Import {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => ({specifier: match[2] ?? match[3] ?? match[4], typeOnly: Boolean(match[1])}));
}

const files = modules();
const relativeImports = (file: string) => importsOf(file).filter((i) => i.specifier.startsWith("./") || i.specifier.startsWith("../"));
const target = (file: string, specifier: string) => relative(".", resolve(dirname(file), specifier)).split("\\").join("/").replace(/\.js$/, ".ts");

describe("the house's imports", () => {
  it("finds the modules and sorts them in layers", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(layerOf("src/data/slices.ts")).toBe("data");
    expect(layerOf("src/data/example.csv.ts")).toBe("pages");
    expect(layerOf("src/queries/queries.ts")).toBe("queries");
    expect(layerOf("src/components/format.ts")).toBe("components");
    expect(layerOf("src/factsheet/page.ts")).toBe("pages");
    expect(layerOf("test/house/imports.test.ts")).toBeNull();
  });

  it("names every relative import with .js", () => {
    const offending = files.flatMap((file) => relativeImports(file).filter((i) => !i.specifier.endsWith(".js") && !i.specifier.endsWith(".css")).map((i) => `${file}: ${i.specifier}`));
    expect(offending).toEqual([]);
  });

  it("imports only from its own layer or a lower one (data → queries → components → pages)", () => {
    const offending = files.flatMap((file) => {
      const layer = layerOf(file);
      if (layer === null) return [];
      return relativeImports(file)
        .map((i) => target(file, i.specifier))
        .filter((to) => to.startsWith("src/"))
        .filter((to) => LAYERS.indexOf(layerOf(to)!) > LAYERS.indexOf(layer))
        .map((to) => `${file} (${layer}) → ${to} (${layerOf(to)})`);
    });
    expect(offending).toEqual([]);
  });

  it("keeps Node-only modules out of what the browser runs (queries, components)", () => {
    const browser = files.filter((file) => layerOf(file) === "queries" || layerOf(file) === "components");
    expect(browser.length).toBeGreaterThan(40);
    const offending = browser.flatMap((file) =>
      importsOf(file).filter((i) => !i.typeOnly && /^node:|^@duckdb\/node-api$|^fs$|^path$/.test(i.specifier)).map((i) => `${file}: ${i.specifier}`));
    expect(offending).toEqual([]);
  });
});
