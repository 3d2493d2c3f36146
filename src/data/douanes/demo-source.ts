/**
 * The generated demo (src/data/demo/, written by another module) materialised
 * as customs-format zips in `.cache/demo/<version>/`, regenerated only when the
 * generator's code changes, then parsed exactly like real files.
 */
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {sha256} from "./checksum.js";
import {SourceError} from "./errors.js";
import {cacheRoot, PROJECT_ROOT} from "./paths.js";
import {trackTemporary} from "./temporary.js";

type WriteDemoSource = (outDir: string, options?: {regions?: string[]}) => Promise<{files: string[]}>;

const DEMO_DIR = join(PROJECT_ROOT, "src/data/demo");

async function generatorVersion(): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(DEMO_DIR, {recursive: true})).filter((name) => name.endsWith(".ts")).sort();
  } catch {
    names = [];
  }
  if (!names.includes("index.ts")) {
    throw new SourceError("Générateur de démonstration introuvable (src/data/demo/index.ts) : impossible de produire les données de démonstration.");
  }
  const parts = await Promise.all(names.map(async (name) => name + "\0" + (await readFile(join(DEMO_DIR, name), "utf8"))));
  return sha256(parts.join("\0")).slice(0, 16);
}

/** Folder holding the demo zips (generated if needed). */
export async function demoSourceFolder(env: NodeJS.ProcessEnv = process.env, options?: {regions?: string[]}): Promise<string> {
  const suffix = options?.regions ? "-" + sha256(options.regions.join(",")).slice(0, 8) : "";
  const folder = join(cacheRoot(env), "demo", (await generatorVersion()) + suffix);
  const marker = join(folder, "complete.json");
  if (await stat(marker).then(() => true, () => false)) return folder;
  const partial = `${folder}.part-${process.pid}`;
  await rm(partial, {recursive: true, force: true});
  trackTemporary(partial);
  await mkdir(partial, {recursive: true});
  const modulePath = join(DEMO_DIR, "index.ts");
  const demo = (await import(modulePath)) as {writeDemoSource: WriteDemoSource};
  const {files} = await demo.writeDemoSource(partial, options);
  await writeFile(join(partial, "complete.json"), JSON.stringify({files: files.map((f) => f.split(/[\\/]/).pop())}, null, 2));
  await rm(folder, {recursive: true, force: true});
  await rename(partial, folder);
  return folder;
}
