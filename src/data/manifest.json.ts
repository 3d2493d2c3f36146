/**
 * Sources, checksums, rows read / kept / rejected with reasons, years found
 * and shown, synthetic or not — and the Territoires d'industrie list when one
 * is given (its file's name and checksum, rows read / kept / rejected).
 */
import {readFile} from "node:fs/promises";
import {isAbsolute} from "node:path";
import {loadPipeline} from "./douanes/pipeline.js";
import {loadTerritoiresIndustrie} from "./territoires-industrie.js";

const {manifestPath} = await loadPipeline();
const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
const list = loadTerritoiresIndustrie();
const territoiresIndustrie = list && {file: list.file, territories: list.territories, rows: list.rows};
// The builder's folders are nobody's business: a local file is named relative to its source.
const files = (manifest.files as {name: string; origin: string}[]).map((file) => ({...file, origin: isAbsolute(file.origin) ? `local:${file.name}` : file.origin}));
process.stdout.write(JSON.stringify({...manifest, files, territoiresIndustrie}, null, 2));
