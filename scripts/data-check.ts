/**
 * npm run data:check -- <path-or-url>
 * Prints what a source holds — run this first on real files. Bulk layout
 * ("Bases complètes"): layout, column order per file, years and quarters,
 * rows per département code, codes missing from the label files, totals per
 * year and flow, lines read / kept / rejected with reasons. Region zips:
 * files, sheets, headers, layout, row counts, quarters, rejected codes, totals.
 * Exits 1 when the pipeline would refuse the source; every line printed is
 * neutralised (terminal.ts), the stack of a refusal shown only with DEBUG=1.
 */
import {join} from "node:path";
import {downloadToCache} from "../src/data/douanes/download.js";
import {inspectInputs} from "../src/data/douanes/inspect.js";
import {cacheRoot} from "../src/data/douanes/paths.js";
import {defaultDownloadOptions, listLocalInputs, validatorFor, type SourceInput} from "../src/data/douanes/source.js";
import {printError, runScript, terminalSafe} from "../src/data/douanes/terminal.js";

const target = process.argv[2];
if (!target) {
  printError("Usage : npm run data:check -- <chemin d'un zip, d'un dossier ou d'un fichier | URL>");
  process.exit(2);
}

async function inputsOf(target: string): Promise<SourceInput[]> {
  if (!/^https?:\/\//.test(target)) return listLocalInputs(target);
  const name = new URL(target).searchParams.get("fic") ?? target.split("/").pop()!.replace(/[^\w.-]/g, "_");
  const options = {...defaultDownloadOptions(process.env, false), cacheDir: join(cacheRoot(), "douanes"), validate: validatorFor(name)};
  const file = await downloadToCache(target, name, options);
  return [{name, path: file.path, origin: target, sha256: file.sha256, bytes: file.bytes, downloadedAt: file.downloadedAt}];
}

await runScript(async () => {
  const summary = await inspectInputs(await inputsOf(target), (line) => console.log(terminalSafe(line)));
  process.exit(summary.fatalErrors.length ? 1 : 0);
});
