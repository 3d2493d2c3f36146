/**
 * A hash of the code (and library versions) an output is made by: memoised
 * outputs (figures, static charts, printed pages) are redone when it changes.
 * Also the memo itself, for the outputs computed once per source.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rename, writeFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";

/**
 * Hashes `entries`, paths under `root`: a file, or a folder standing for the
 * .ts files directly in it (sorted, so the hash does not depend on the file system).
 */
export async function codeHash(root: string, entries: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of entries) {
    const files = entry.endsWith(".ts") || entry.endsWith(".json")
      ? [entry]
      : (await readdir(join(root, entry))).filter((name) => name.endsWith(".ts")).sort().map((name) => join(entry, name));
    for (const file of files) hash.update(file).update(await readFile(join(root, file)));
  }
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
 * The output `name` for the source the pipeline read and the code `code`
 * names, memoised as `<name>-<code hash>.json` beside the pipeline's outputs:
 * read back when there, else made by `make` and written. `make` gets the key
 * naming the source, the output and the code.
 */
export async function memoisedPerSource<T>(
  pipeline: {tradeParquetPath: string},
  name: string,
  code: {root: string; entries: readonly string[]},
  make: (key: string) => Promise<T>
): Promise<T> {
  const hash = (await codeHash(code.root, code.entries)).slice(0, 16);
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
