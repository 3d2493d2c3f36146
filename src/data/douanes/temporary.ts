/**
 * Temporary files and folders of a run (staging files, extracted entries,
 * Parquet being written, `.part-*` folders and files in the cache), removed
 * even when the run is stopped: on SIGTERM or SIGINT (Ctrl+C), Node's default
 * is to die at once, which left a staging file of 177 MB in /tmp and a
 * `.part-*` folder. The handlers are installed with the first temporary
 * path; they remove every path still listed, say so, and exit with the
 * signal's code (143 for SIGTERM, 130 for SIGINT). JavaScript runs them
 * between two steps: a signal arriving while one région-layout text file is
 * read (synchronously, as a stream) is handled once that file is read.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {printError} from "./terminal.js";

const live = new Set<string>();
let installed = false;

const SIGNAL_CODES = {SIGTERM: 143, SIGINT: 130} as const;

function removeAllAndExit(signal: keyof typeof SIGNAL_CODES): void {
  for (const path of live) rmSync(path, {recursive: true, force: true});
  printError(`[douanes] interrompu (${signal}) : ${live.size} fichier(s) ou dossier(s) temporaire(s) supprimé(s).`);
  process.exit(SIGNAL_CODES[signal]);
}

/** Lists `path` (a file or a folder) for removal if the process is stopped by a signal. */
export function trackTemporary(path: string): void {
  if (!installed) {
    installed = true;
    for (const signal of Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]) process.once(signal, () => removeAllAndExit(signal));
  }
  live.add(path);
}

/** A new folder in the system's temporary folder, listed for removal. */
export function temporaryFolder(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  trackTemporary(path);
  return path;
}

/** Removes a listed path (file or folder) and takes it off the list. */
export async function removeTemporary(path: string): Promise<void> {
  await rm(path, {recursive: true, force: true});
  live.delete(path);
}

export function removeTemporarySync(path: string): void {
  rmSync(path, {recursive: true, force: true});
  live.delete(path);
}
