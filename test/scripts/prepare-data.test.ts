/**
 * The prepare step's freshness rule: which of Framework's loaders must run
 * again, marked by their modification time only; and the one code hash every
 * memo and printed page is keyed by, which any edit of the site's code changes.
 */
import {cp, mkdtemp, readFile, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {isCodeEdit} from "../../scripts/dev.js";
import {cachedOutputs, findLoaders, markChanged, staleLoaders} from "../../scripts/prepare-data.js";
import {siteCodeFiles, siteCodeHash} from "../../src/factsheet/code-hash.js";
import {PROJECT_ROOT} from "../../src/data/douanes/paths.js";

const loaders = {pages: ["src/index.md.ts", "src/departements/[code].md.ts"], data: ["src/data/slices.zip.ts"]};

describe("staleLoaders", () => {
  it("runs every loader again on a first run or when the data changed", () => {
    expect(staleLoaders(null, {data: "a", pages: "p"}, loaders)).toEqual([...loaders.data, ...loaders.pages]);
    expect(staleLoaders({data: "a", pages: "p"}, {data: "b", pages: "p"}, loaders)).toEqual([...loaders.data, ...loaders.pages]);
  });

  it("runs only the page loaders when only the code or the views changed, and none when nothing did", () => {
    expect(staleLoaders({data: "a", pages: "p"}, {data: "a", pages: "q"}, loaders)).toEqual(loaders.pages);
    expect(staleLoaders({data: "a", pages: "p"}, {data: "a", pages: "p"}, loaders)).toEqual([]);
  });
});

describe("findLoaders", () => {
  it("finds the site's page and data loaders, not its modules", async () => {
    const found = await findLoaders(join(PROJECT_ROOT, "src"));
    const rel = (files: string[]) => files.map((file) => file.slice(join(PROJECT_ROOT, "src").length + 1));
    expect(rel(found.pages)).toEqual(expect.arrayContaining(["index.md.ts", "departements/[code].md.ts", "regions/[code].md.ts", "france.md.ts", "integrer.md.ts"]));
    expect(rel(found.data)).toEqual(expect.arrayContaining(["data/slices.zip.ts", "data/trade.parquet.ts", "data/manifest.json.ts"]));
    expect([...found.pages, ...found.data].some((file) => /components|douanes|factsheet\//.test(file))).toBe(false);
  });
});

describe("cachedOutputs", () => {
  it("names a data loader's output in Framework's cache and, for an archive, its extracted members", () => {
    expect(cachedOutputs("src/data/trade.parquet.ts")).toEqual([join("src", ".observablehq", "cache", "data", "trade.parquet")]);
    expect(cachedOutputs("src/data/downloads.zip.ts")).toEqual([join("src", ".observablehq", "cache", "data", "downloads.zip"), join("src", ".observablehq", "cache", "data", "downloads")]);
  });
});

describe("markChanged", () => {
  it("makes a loader newer than its cached output without touching its content", async () => {
    const dir = await mkdtemp(join(tmpdir(), "loaders-"));
    const loader = join(dir, "x.csv.ts");
    await writeFile(loader, "process.stdout.write('a')");
    const cached = new Date(Date.now() - 60_000);
    await markChanged([loader], cached);
    await markChanged([loader]);
    expect((await stat(loader)).mtimeMs).toBeGreaterThan(cached.getTime());
    expect(await readFile(loader, "utf8")).toBe("process.stdout.write('a')");
  });
});

describe("siteCodeHash", () => {
  it("covers the formatter, the page template, the config and the lock file, not Framework's cache", async () => {
    const files = await siteCodeFiles();
    expect(files).toEqual(expect.arrayContaining(["src/components/format.ts", "src/factsheet/page.ts", "src/data/slices.ts", "observablehq.config.ts", "package-lock.json"]));
    expect(files.some((file) => file.includes(".observablehq") || file.startsWith("src/data/duckdb/"))).toBe(false);
  });

  it("changes when src/components/format.ts changes, so every number of the next build is recomputed", async () => {
    const root = await mkdtemp(join(tmpdir(), "site-code-"));
    for (const entry of ["src/components", "src/factsheet", "observablehq.config.ts", "package-lock.json"]) await cp(join(PROJECT_ROOT, entry), join(root, entry), {recursive: true});
    const before = await siteCodeHash(root);
    expect(await siteCodeHash(root)).toBe(before);
    const format = join(root, "src/components/format.ts");
    await writeFile(format, (await readFile(format, "utf8")).replace(/,/, ";"));
    expect(await siteCodeHash(root)).not.toBe(before);
  });
});

describe("the dev server's watcher", () => {
  it("prepares again after an edit of the site's code, not after what the prepare step or Framework writes", () => {
    expect(isCodeEdit("factsheet/page.ts")).toBe(true);
    expect(isCodeEdit("components/format.ts")).toBe(true);
    expect(isCodeEdit("style.css")).toBe(true);
    expect(isCodeEdit("departements/[code].md.ts")).toBe(false);
    expect(isCodeEdit("data/slices.zip.ts")).toBe(false);
    expect(isCodeEdit(".observablehq/cache/departements/10.md")).toBe(false);
    expect(isCodeEdit("data/duckdb/duckdb-browser-eh.worker.js")).toBe(false);
  });
});
