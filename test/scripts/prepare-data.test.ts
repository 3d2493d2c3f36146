/**
 * The prepare step's freshness rule: which of Framework's loaders must run
 * again, marked by their modification time only; and the one code-hash scheme
 * every memo and printed page is keyed by: all the code its modules reach.
 */
import {cp, mkdtemp, readdir, readFile, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {isCodeEdit} from "../../scripts/dev.js";
import {findPageLoaders, markChanged, pagesStale} from "../../scripts/prepare-data.js";
import {codeHash, moduleClosure} from "../../src/data/code-hash.js";
import {PIPELINE_CODE} from "../../src/data/douanes/pipeline.js";
import {FIGURES_CODE} from "../../src/factsheet/figures.js";
import {VIEWS_CODE} from "../../src/factsheet/prerender.js";
import {isPublishedData, PUBLISHED_DATA} from "../../src/factsheet/data-files.js";
import {PROJECT_ROOT} from "../../src/data/douanes/paths.js";

describe("pagesStale", () => {
  it("prints the pages again on a first run or when what they are printed from changed, and not otherwise", () => {
    expect(pagesStale(null, {pages: "p"})).toBe(true);
    expect(pagesStale({pages: "p"}, {pages: "q"})).toBe(true);
    expect(pagesStale({pages: "p"}, {pages: "p"})).toBe(false);
  });
});

describe("findPageLoaders", () => {
  it("finds the site's page loaders, and no data loader is left (the prepare step writes the data files)", async () => {
    const found = (await findPageLoaders(join(PROJECT_ROOT, "src"))).map((file) => file.slice(join(PROJECT_ROOT, "src").length + 1));
    expect(found).toEqual(expect.arrayContaining(["index.md.ts", "departements/[code].md.ts", "regions/[code].md.ts", "france.md.ts", "integrer.md.ts", "comparer.md.ts"]));
    expect(found.some((file) => /components|douanes|factsheet\//.test(file))).toBe(false);
    const dataLoaders = (await readdir(join(PROJECT_ROOT, "src/data"), {recursive: true})).filter((name) => /\.(parquet|zip|json|csv)\.(ts|js)$/.test(name));
    expect(dataLoaders).toEqual([]);
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

describe("codeHash", () => {
  const pageLoaders = async (root = PROJECT_ROOT) => (await findPageLoaders(join(root, "src"))).map((file: string) => file.slice(root.length).replace(/^\//, ""));

  it("follows the page loaders' imports to the template, the views, the queries and the formatter", async () => {
    const files = await moduleClosure(await pageLoaders());
    expect(files).toEqual(expect.arrayContaining(["src/factsheet/page.ts", "src/components/factsheet-views.ts", "src/queries/queries.ts", "src/components/format.ts"]));
    expect(files.some((file) => file.includes(".observablehq") || file.includes("node_modules"))).toBe(false);
  });

  it("follows the pipeline into the inputs a hand-made list once missed, and not into the pages", async () => {
    const files = await moduleClosure(PIPELINE_CODE);
    expect(files).toEqual(expect.arrayContaining(["src/data/reference/countries.ts", "src/data/windows-1252.ts", "src/data/territories.ts", "src/data/demo/calibration.ts"]));
    expect(files.filter((file) => file.startsWith("src/components/") || file.startsWith("src/factsheet/"))).toEqual([]);
  });

  it("keeps the page's template out of the drawn views' key: an edit of page.ts or templates/ redraws no chart", async () => {
    const files = await moduleClosure(VIEWS_CODE);
    expect(files).toEqual(expect.arrayContaining(["src/factsheet/prerender.ts", "src/components/factsheet-views.ts", "src/components/format.ts"]));
    expect(files.filter((file) => /^src\/factsheet\/(page|template)\.ts$|^templates\//.test(file))).toEqual([]);
  });

  it("changes every key of the next build when src/components/format.ts changes, and the pipeline's not", async () => {
    const root = await mkdtemp(join(tmpdir(), "site-code-"));
    try {
      await cp(join(PROJECT_ROOT, "src"), join(root, "src"), {recursive: true, filter: (path) => !/[\\/](\.observablehq|duckdb)$/.test(path)});
      await cp(join(PROJECT_ROOT, "package-lock.json"), join(root, "package-lock.json"));
      const keys = async () => Promise.all([codeHash(await pageLoaders(root), root), codeHash(FIGURES_CODE, root), codeHash(VIEWS_CODE, root), codeHash(PIPELINE_CODE, root)]);
      const before = await keys();
      const format = join(root, "src/components/format.ts");
      await writeFile(format, (await readFile(format, "utf8")) + "\n// edited\n");
      // A hash is computed once per process: a new root stands for the next run.
      const edited = join(root, "..", `${root.split(/[\\/]/).at(-1)}-edited`);
      await cp(root, edited, {recursive: true});
      const after = await Promise.all([codeHash(await pageLoaders(edited), edited), codeHash(FIGURES_CODE, edited), codeHash(VIEWS_CODE, edited), codeHash(PIPELINE_CODE, edited)]);
      expect(after.slice(0, 3).map((key, i) => key !== before[i])).toEqual([true, true, true]);
      expect(after[3]).toBe(before[3]);
      await rm(edited, {recursive: true, force: true});
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });

  it("refuses an import that names no file, naming it, rather than keying a memo without it", async () => {
    const root = await mkdtemp(join(tmpdir(), "site-code-"));
    await writeFile(join(root, "a.ts"), 'import {b} from "./b.js";\n');
    await expect(moduleClosure(["a.ts"], root)).rejects.toThrow("Module introuvable pour la clé du cache : b.ts");
    await rm(root, {recursive: true, force: true});
  });
});

describe("the dev server's watcher", () => {
  it("prepares again after an edit of the site's code, not after what the prepare step or Framework writes", () => {
    expect(isCodeEdit("factsheet/page.ts")).toBe(true);
    expect(isCodeEdit("components/format.ts")).toBe(true);
    expect(isCodeEdit("style.css")).toBe(true);
    expect(isCodeEdit("departements/[code].md.ts")).toBe(false);
    expect(isCodeEdit("data/manifest.json")).toBe(false);
    expect(isCodeEdit("data/slices/D10.parquet")).toBe(false);
    expect(isCodeEdit("data/downloads/D10-demonstration.csv")).toBe(false);
    expect(isCodeEdit("data/slices.ts")).toBe(true);
    expect(isCodeEdit(".observablehq/cache/departements/10.md")).toBe(false);
    expect(isCodeEdit("data/duckdb/duckdb-browser-eh.worker.js")).toBe(false);
  });
});

describe("the data files the prepare step writes into src/data/", () => {
  it("are recognised for the watcher and the clean script, and each is git-ignored", async () => {
    expect(["manifest.json", "trade.parquet", ".published", "slices", "slices/D10.parquet", "downloads/D10-demonstration.csv"].filter((name) => !isPublishedData(name))).toEqual([]);
    expect(["slices.ts", "reference/a129.ts", "demo/index.ts", "duckdb"].filter(isPublishedData)).toEqual([]);
    const ignored = (await readFile(join(PROJECT_ROOT, ".gitignore"), "utf8")).split("\n");
    expect(PUBLISHED_DATA.filter((pattern) => !ignored.includes(`src/data/${pattern}`))).toEqual([]);
  });
});
