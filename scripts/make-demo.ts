/**
 * Writes the synthetic demo source (the customs' bulk layout: annual archives,
 * rolling files, label files; see docs/demo-source.md).
 * Usage: npx tsx scripts/make-demo.ts <outDir> [INSEE regionCode…]
 */
import {stat} from "node:fs/promises";
import {writeDemoSource} from "../src/data/demo/index.js";

const [outDir, ...regionCodes] = process.argv.slice(2);
if (!outDir) {
  console.error("Usage : npx tsx scripts/make-demo.ts <dossier de sortie> [codes région…]");
  process.exit(2);
}
const started = performance.now();
const {files} = await writeDemoSource(outDir, regionCodes.length ? {regions: regionCodes} : {});
const seconds = (performance.now() - started) / 1000;
let bytes = 0;
for (const file of files) bytes += (await stat(file)).size;
console.log(`${files.length} fichiers écrits dans ${outDir} (${(bytes / 1e6).toFixed(1)} Mo) en ${seconds.toFixed(1)} s.`);
