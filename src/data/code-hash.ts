/**
 * The one memo scheme of the build: every output computed before Framework
 * (the pipeline's tables, the figures, the drawn views, the printed pages) is
 * keyed by its inputs and by `codeHash` of the modules that compute it — all
 * the code those modules reach through their imports, plus the lock file for
 * the libraries. So no edit anywhere in that code (a formatter, a name table,
 * a query) can leave a stale output, and an edit elsewhere (a page's template
 * does not reach the pipeline) recomputes nothing it does not concern.
 * `npm run clean` removes every memo (.cache/).
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {basename, dirname, join, relative, resolve} from "node:path";
import {PROJECT_ROOT} from "./douanes/paths.js";

/** The libraries' exact versions: a library upgrade is a code change. */
const LOCK_FILE = "package-lock.json";

// Static imports and re-exports, and dynamic imports of a literal path; not `import type`, which the compiler erases.
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^;"']*?\sfrom\s+)?["'](\.{1,2}\/[^"']+)["']|\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

// A page's JavaScript cell written by a page module (```js … ```, escaped or not) imports relative to the page, in the browser: not code the build runs.
const PAGE_CELL = /(?:\\?`){3}js[\s\S]*?(?:\\?`){3}/g;

/** The module file a relative specifier names: "./x.js" is x.ts (the house's convention, test/house/imports.test.ts). */
function moduleFile(from: string, specifier: string): string {
  const path = resolve(dirname(from), specifier);
  if (existsSync(path)) return path;
  return path.replace(/\.js$/, ".ts");
}

/**
 * The project files `entries` (paths relative to `root`) reach through their
 * relative imports, entries included, as sorted relative paths. A specifier
 * that names no file is an error: a memo keyed without it could go stale.
 */
export async function moduleClosure(entries: readonly string[], root: string = PROJECT_ROOT): Promise<string[]> {
  const seen = new Set<string>();
  const queue = entries.map((entry) => resolve(root, entry));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|js)$/.test(file)) continue;
    const source = await readFile(file, "utf8").catch(() => {
      throw new Error(`Module introuvable pour la clé du cache : ${relative(root, file)}`);
    });
    for (const match of source.replace(PAGE_CELL, "").matchAll(IMPORT)) queue.push(moduleFile(file, match[1] ?? match[2]));
  }
  return [...seen].map((file) => relative(root, file).split("\\").join("/")).sort();
}

const hashes = new Map<string, Promise<string>>();

/**
 * A hash of all the code `entries` run (their import closure) and of the lock
 * file. Computed once per process for given entries: a prepare run or a page
 * loader is one process, and the dev server starts a new one after each edit.
 */
export function codeHash(entries: readonly string[], root: string = PROJECT_ROOT): Promise<string> {
  const id = `${root}\0${[...entries].sort().join("\0")}`;
  if (!hashes.has(id)) {
    hashes.set(id, (async () => {
      const hash = createHash("sha256");
      for (const file of [...await moduleClosure(entries, root), LOCK_FILE]) {
        hash.update(file).update("\0").update(await readFile(join(root, file)).catch(() => Buffer.alloc(0))).update("\0");
      }
      return hash.digest("hex").slice(0, 16);
    })());
  }
  return hashes.get(id)!;
}

/** Writes a file whole, then renames it: a concurrent reader never sees half a file. */
export async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const partial = `${path}.${process.pid}.part`;
  await writeFile(partial, text);
  await rename(partial, path);
}

/**
 * The output `name` for the source the pipeline read, computed by the modules
 * `entries`: memoised as `<name>-<code hash>.json` in the pipeline's folder
 * (whose name is the source's key), read back when there, else made by
 * `make` and written. `make` gets the key naming the source, the output and
 * the code.
 */
export async function memoisedPerSource<T>(
  pipeline: {tradeParquetPath: string},
  name: string,
  entries: readonly string[],
  make: (key: string) => Promise<T>
): Promise<T> {
  const hash = await codeHash(entries);
  const sourceFolder = dirname(pipeline.tradeParquetPath);
  const path = join(sourceFolder, `${name}-${hash}.json`);
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch {
    // Not made yet for this source and this code.
  }
  const value = await make(`${basename(sourceFolder)}-${name}-${hash}`);
  await writeWhole(path, JSON.stringify(value));
  return value;
}
