/**
 * The memo of what is computed once per source for the whole site (figures,
 * drawn views), keyed by the source's pipeline key and by a hash of all the
 * site's code and library versions; the same hash tells the prepare step when
 * the printed pages are stale.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rename, stat, writeFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import {PROJECT_ROOT} from "../data/douanes/paths.js";

/** What the site's code is made of: every file under src/ whose extension says it is code or text, the config and the lock file. */
const SITE_CODE = ["src", "observablehq.config.ts", "package-lock.json"];
const CODE_FILE = /\.(ts|js|md|css|json)$/;
// Framework's cache and the engine copied from node_modules (the lock file stands for it) are not code of ours.
const NOT_CODE = /(^|\/)(\.observablehq|node_modules)(\/|$)|^src\/data\/duckdb\//;

/** The files SITE_CODE stands for under `root`, as sorted relative paths. */
export async function siteCodeFiles(root: string = PROJECT_ROOT): Promise<string[]> {
  const files: string[] = [];
  for (const entry of SITE_CODE) {
    const info = await stat(join(root, entry)).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) files.push(entry);
    else for (const name of await readdir(join(root, entry), {recursive: true})) files.push(`${entry}/${name.split("\\").join("/")}`);
  }
  return files.filter((file) => CODE_FILE.test(file) && !NOT_CODE.test(file)).sort();
}

/**
 * A hash of all the site's code: the figures, the drawn views and the printed
 * pages are keyed by it (with the data's key), so that no edit anywhere in the
 * code — a formatter, a name table, a query — can leave a stale figure.
 */
export async function siteCodeHash(root: string = PROJECT_ROOT): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await siteCodeFiles(root)) hash.update(file).update("\0").update(await readFile(join(root, file))).update("\0");
  return hash.digest("hex");
}

/** Writes a file whole, then renames it: a concurrent reader never sees half a file. */
export async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const partial = `${path}.${process.pid}.part`;
  await writeFile(partial, text);
  await rename(partial, path);
}

/**
 * The output `name` for the source the pipeline read and the site's code,
 * memoised as `<name>-<code hash>.json` beside the pipeline's outputs: read
 * back when there, else made by `make` and written. `make` gets the key
 * naming the source, the output and the code.
 */
export async function memoisedPerSource<T>(pipeline: {tradeParquetPath: string}, name: string, make: (key: string) => Promise<T>): Promise<T> {
  const hash = (await siteCodeHash()).slice(0, 16);
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
