/**
 * TRADE_SOURCE → the list of input files, each with its checksum:
 *   auto (default)  the customs site, else the demo with a loud warning;
 *   dgddi           the customs site only (fails clearly when unreachable);
 *   demo            the generated demo;
 *   <path>          a regional zip, a folder of zips, or a folder of extracted files.
 */
import {readdir, readFile, stat} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {sha256} from "./checksum.ts";
import {dgddiFiles} from "./dgddi-urls.ts";
import {demoSourceFolder} from "./demo-source.ts";
import {downloadToCache, type DownloadOptions} from "./download.ts";
import {SourceError} from "./errors.ts";
import {cacheRoot} from "./paths.ts";
import {checkZipStructure} from "./zip.ts";

export interface SourceInput {
  /** Name shown in messages and the manifest (relative to the source). */
  name: string;
  /** Where the bytes are on disk. */
  path: string;
  /** URL or local path the file came from. */
  origin: string;
  sha256: string;
  bytes: number;
  downloadedAt: string | null;
}

export type SourceMode = "dgddi" | "demo" | "path";

export interface SourcePlan {
  mode: SourceMode;
  synthetic: boolean;
  description: string;
  inputs: SourceInput[];
  /** Why `auto` fell back to the demo. */
  fallbackReason?: string;
}

const DATA_EXTENSIONS = /\.(zip|xls|xlsx|csv|txt|tsv)$/i;

async function describeFile(path: string, name: string, origin: string): Promise<SourceInput> {
  const bytes = await readFile(path);
  return {name, path, origin, sha256: sha256(bytes), bytes: bytes.length, downloadedAt: null};
}

/** Every data file under a path (a file or a folder, recursively), sorted for determinism. */
export async function listLocalInputs(path: string): Promise<SourceInput[]> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new SourceError(`TRADE_SOURCE : « ${path} » n'existe pas (attendu : auto, dgddi, demo, ou le chemin d'un zip régional ou d'un dossier).`);
  if (info.isFile()) return [await describeFile(absolute, absolute.split(/[\\/]/).pop()!, absolute)];
  const names = (await readdir(absolute, {recursive: true}))
    .filter((name) => DATA_EXTENSIONS.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith(".")))
    .sort();
  const inputs: SourceInput[] = [];
  for (const name of names) {
    const full = join(absolute, name);
    if ((await stat(full)).isFile()) inputs.push(await describeFile(full, relative(absolute, full), full));
  }
  if (inputs.length === 0) throw new SourceError(`TRADE_SOURCE : aucun fichier de données (.zip, .xls, .xlsx, .csv, .txt) dans « ${path} ».`);
  return inputs;
}

/** A whole number from the environment, within bounds, or a message naming the variable. */
function envInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SourceError(`${name}=« ${raw} » : un nombre entier entre ${min} et ${max} est attendu.`);
  }
  return value;
}

export function defaultDownloadOptions(env: NodeJS.ProcessEnv, probing: boolean): DownloadOptions {
  return {
    cacheDir: join(cacheRoot(env), "douanes"),
    timeoutMs: envInteger(env, "DGDDI_TIMEOUT_MS", probing ? 15_000 : 120_000, 1, 3_600_000),
    retries: envInteger(env, "DGDDI_RETRIES", probing ? 1 : 4, 0, 10),
    backoffMs: envInteger(env, "DGDDI_BACKOFF_MS", 1_000, 0, 600_000),
    maxBytes: envInteger(env, "DGDDI_MAX_BYTES", 512 * 2 ** 20, 1, 2 ** 32),
    refresh: env.DGDDI_REFRESH === "1",
    validate: checkZipStructure,
    log: (message) => process.stderr.write(`[douanes] ${message}\n`)
  };
}

async function downloadAll(env: NodeJS.ProcessEnv, probing: boolean): Promise<SourceInput[]> {
  const options = defaultDownloadOptions(env, probing);
  const inputs: SourceInput[] = [];
  for (const {url, fileName} of dgddiFiles(env)) {
    const file = await downloadToCache(url, fileName, options);
    inputs.push({name: fileName, path: file.path, origin: url, sha256: file.sha256, bytes: file.bytes, downloadedAt: file.downloadedAt});
  }
  return inputs;
}

async function demoPlan(env: NodeJS.ProcessEnv, fallbackReason?: string): Promise<SourcePlan> {
  const folder = await demoSourceFolder(env);
  const inputs = (await listLocalInputs(folder)).map((input) => ({...input, origin: `demo:${input.name}`}));
  return {mode: "demo", synthetic: true, description: "Données de démonstration (synthétiques), générées par src/data/demo", inputs, fallbackReason};
}

export async function resolveSource(env: NodeJS.ProcessEnv = process.env): Promise<SourcePlan> {
  const choice = (env.TRADE_SOURCE ?? "auto").trim() || "auto";
  if (choice === "demo") return demoPlan(env);
  if (choice === "dgddi") {
    try {
      return {mode: "dgddi", synthetic: false, description: "Site des douanes (lekiosque.finances.gouv.fr)", inputs: await downloadAll(env, false)};
    } catch (error) {
      throw new SourceError(
        `TRADE_SOURCE=dgddi : ${(error as Error).message}\nQue faire : vérifiez l'accès au réseau, ou téléchargez les zips régionaux ` +
          `à la main et indiquez leur dossier (TRADE_SOURCE=/chemin/vers/zips), ou utilisez TRADE_SOURCE=demo.`
      );
    }
  }
  if (choice === "auto") {
    try {
      return {mode: "dgddi", synthetic: false, description: "Site des douanes (lekiosque.finances.gouv.fr)", inputs: await downloadAll(env, true)};
    } catch (error) {
      const reason = (error as Error).message;
      process.stderr.write(
        `\n⚠️  ATTENTION : site des douanes injoignable (${reason}).\n` +
          `⚠️  Le site est construit avec les DONNÉES DE DÉMONSTRATION (synthétiques), pas avec les données réelles.\n` +
          `⚠️  Pour échouer plutôt que de basculer : TRADE_SOURCE=dgddi ; pour des fichiers locaux : TRADE_SOURCE=/chemin.\n\n`
      );
      return demoPlan(env, reason);
    }
  }
  const inputs = await listLocalInputs(choice);
  return {mode: "path", synthetic: false, description: `Fichiers locaux : ${resolve(choice)}`, inputs};
}
