/**
 * A hash of the code (and library versions) an output is made by: memoised
 * outputs (figures, static charts, printed pages) are redone when it changes.
 */
import {createHash} from "node:crypto";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";

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
