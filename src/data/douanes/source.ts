/**
 * TRADE_SOURCE → the list of input files, each with its checksum:
 *   auto (default)  the customs site, else the demo with a loud warning;
 *   dgddi           the customs site only (fails clearly when unreachable);
 *   demo            the generated demo;
 *   <path>          a file, or a folder of files (bulk .txt / .zip, region zips, extracted files).
 *
 * "The customs site" is the bulk files ("Bases complètes") linked from the
 * download page DGDDI_PAGE_URL (which ones: see dgddi-urls.ts), or exactly the
 * addresses in DGDDI_URLS. The page is fetched afresh each time; when it cannot
 * be, its last good copy in the cache is used, so that a site built once can be
 * rebuilt offline from the cached files. Other settings: DGDDI_TIMEOUT_MS,
 * DGDDI_RETRIES, DGDDI_BACKOFF_MS, DGDDI_MAX_BYTES (the page itself is capped
 * at 8 MiB), DGDDI_REFRESH=1 (download the files again), TRADE_CACHE_DIR.
 *
 * The network modes are resolved once per process (several loaders and the
 * prepare script ask in one run), and `auto` prints its fallback warning once
 * per cause per process.
 */
import {readdir, readFile, realpath, stat} from "node:fs/promises";
import {basename, join, relative, resolve, sep} from "node:path";
import {sha256} from "./checksum.js";
import {dgddiPageUrl, explicitFiles, extractLinks, selectBulkFiles, type PageLink, type RemoteFile} from "./dgddi-urls.js";
import {allowGapsFrom} from "./completeness.js";
import {demoSourceFolder} from "./demo-source.js";
import {DEFAULT_MAX_BYTES, downloadToCache, readCachedCopy, type DownloadOptions} from "./download.js";
import {SourceError} from "./errors.js";
import {cacheRoot} from "./paths.js";
import {describeContent, sniffContent} from "./sniff.js";
import {decodeText} from "./text-decoding.js";
import {printError} from "./terminal.js";
import {checkZipStructure} from "./zip.js";

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
  /** TRADE_ALLOW_GAPS=1: holes in the source (completeness.ts) are published with a warning instead of refused. */
  allowGaps?: boolean;
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
  const files = await dataFilesUnder(absolute, path);
  const inputs: SourceInput[] = [];
  for (const {name, full} of files) inputs.push(await describeFile(full, name, full));
  if (inputs.length === 0) throw new SourceError(`TRADE_SOURCE : aucun fichier de données (.zip, .xls, .xlsx, .csv, .txt) dans « ${path} ».`);
  return inputs;
}

/**
 * The data files of a folder and its sub-folders, hidden names skipped.
 * Symbolic links are followed only when they stay inside the folder (a link
 * to /etc/passwd is refused, never read); a link to a folder, which would
 * read it twice or loop forever, is refused naming it, instead of a raw ELOOP.
 */
async function dataFilesUnder(root: string, shown: string): Promise<{name: string; full: string}[]> {
  const realRoot = await realpath(root);
  const found: {name: string; full: string}[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const dirent of await readdir(folder, {withFileTypes: true})) {
      if (dirent.name.startsWith(".")) continue;
      const full = join(folder, dirent.name);
      const name = relative(root, full);
      if (dirent.isSymbolicLink()) {
        const target = await realpath(full).catch((error: NodeJS.ErrnoException) => {
          const why = error.code === "ELOOP" ? "une boucle de liens symboliques" : "un lien symbolique cassé";
          throw new SourceError(`TRADE_SOURCE : « ${name} » dans « ${shown} » est ${why} (${error.code}). Que faire : supprimez ce lien ou remplacez-le par le fichier.`);
        });
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          throw new SourceError(`TRADE_SOURCE : « ${name} » est un lien symbolique vers « ${target} », hors du dossier de la source « ${shown} » : refusé, ` +
            `les liens ne sont suivis qu'à l'intérieur du dossier. Que faire : copiez le fichier dans le dossier, ou retirez le lien.`);
        }
        // A linked folder inside the source is read anyway: following the link would read it twice, or forever (a loop).
        if ((await stat(target)).isDirectory()) {
          throw new SourceError(`TRADE_SOURCE : le dossier « ${name} » dans « ${shown} » est un lien vers « ${relative(realRoot, target) || "."} », ` +
            `un dossier déjà dans la source (boucle de dossiers ou doublon) : refusé. Que faire : supprimez ce lien symbolique.`);
        }
      }
      if (dirent.isDirectory()) await walk(full);
      else if (DATA_EXTENSIONS.test(dirent.name) && (await stat(full)).isFile()) found.push({name, full});
    }
  };
  await walk(root);
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
    log: (message) => printError(`[douanes] ${message}`)
  };
}

/** The download check for a file: a `.zip` (or `.xlsx`) must be a whole archive; anything else must not be empty or an HTML page. */
export function validatorFor(fileName: string): (bytes: Uint8Array, label: string) => void {
  if (/\.(zip|xlsx)$/i.test(fileName)) return checkZipStructure;
  return (bytes, label) => {
    const kind = sniffContent(bytes);
    if (kind === "empty" || kind === "html") throw new SourceError(`${label} : ce n'est pas un fichier de données mais ${describeContent(kind)}.`);
  };
}

/** The download page is small: anything bigger is not it. */
export const PAGE_MAX_BYTES = 8 * 2 ** 20;

function checkPage(bytes: Uint8Array, label: string): void {
  const kind = sniffContent(bytes);
  if (kind !== "html" && kind !== "text") throw new SourceError(`${label} : la page de téléchargement attendue est ${describeContent(kind)}.`);
}

const LINKS_SHOWN = 8;

function describeLink(link: PageLink): string {
  return link.text && link.text !== link.href ? `« ${link.text.slice(0, 60)} » → ${link.href}` : link.href;
}

/** Why a page yielded no bulk file, with the first links seen and what to do. */
export function noBulkLinkMessage(pageUrl: string, links: PageLink[]): string {
  const seen = links.length
    ? `${links.length} lien(s) vu(s) : ${links.slice(0, LINKS_SHOWN).map(describeLink).join(" ; ")}${links.length > LINKS_SHOWN ? ` ; … (et ${links.length - LINKS_SHOWN} autres)` : ""}`
    : "aucun lien <a href> sur la page";
  return (
    `${pageUrl} : aucun lien vers les fichiers des « Bases complètes » (REGIONAL_CPF4PAYSE.txt, REGIONAL_CPF4PAYSI.txt, ` +
    `archives …regional_<année>_export.zip / _import.zip, Libelle_*.txt) sur cette page, qui a peut-être changé. ${seen}.\n` +
    `Que faire : téléchargez ces fichiers à la main depuis cette page et indiquez leur dossier (TRADE_SOURCE=/chemin/vers/fichiers), ` +
    `ou donnez leurs adresses (DGDDI_URLS="https://… https://…"), ou indiquez une autre page (DGDDI_PAGE_URL).`
  );
}

/** The bulk files linked from the download page (fetched afresh, else its cached copy). */
export async function findBulkFiles(env: NodeJS.ProcessEnv, options: DownloadOptions): Promise<RemoteFile[]> {
  const pageUrl = dgddiPageUrl(env);
  const cacheName = `page-${sha256(pageUrl).slice(0, 16)}.html`;
  const pageOptions: DownloadOptions = {...options, refresh: true, validate: checkPage, maxBytes: Math.min(options.maxBytes ?? DEFAULT_MAX_BYTES, PAGE_MAX_BYTES)};
  let page;
  try {
    page = await downloadToCache(pageUrl, cacheName, pageOptions);
  } catch (error) {
    page = await readCachedCopy(pageUrl, cacheName, pageOptions);
    if (!page) throw error;
    options.log?.(`${(error as Error).message} — copie de la page téléchargée le ${page.downloadedAt} utilisée`);
  }
  const {text} = decodeText(new Uint8Array(await readFile(page.path)));
  const links = extractLinks(text, pageUrl);
  const files = selectBulkFiles(links);
  if (files.length === 0) throw new SourceError(noBulkLinkMessage(pageUrl, links));
  options.log?.(`${pageUrl} : ${files.length} fichier(s) des « Bases complètes » : ${files.map((file) => file.fileName).join(", ")}`);
  return files;
}

async function downloadAll(env: NodeJS.ProcessEnv, probing: boolean): Promise<{inputs: SourceInput[]; description: string}> {
  const options = defaultDownloadOptions(env, probing);
  const explicit = explicitFiles(env);
  const files = explicit ?? (await findBulkFiles(env, options));
  const inputs: SourceInput[] = [];
  for (const {url, fileName} of files) {
    const file = await downloadToCache(url, fileName, {...options, validate: validatorFor(fileName)});
    inputs.push({name: fileName, path: file.path, origin: url, sha256: file.sha256, bytes: file.bytes, downloadedAt: file.downloadedAt});
  }
  const description = explicit
    ? "Site des douanes (lekiosque.finances.gouv.fr), adresses de DGDDI_URLS"
    : `Site des douanes (lekiosque.finances.gouv.fr), « Bases complètes » liées depuis ${dgddiPageUrl(env)}`;
  return {inputs, description};
}

async function demoPlan(env: NodeJS.ProcessEnv, fallbackReason?: string): Promise<SourcePlan> {
  const folder = await demoSourceFolder(env);
  const inputs = (await listLocalInputs(folder)).map((input) => ({...input, origin: `demo:${input.name}`}));
  return {mode: "demo", synthetic: true, description: "données de démonstration (synthétiques) au format des Douanes", inputs, fallbackReason};
}

const WHAT_TO_DO =
  "Que faire : vérifiez l'accès au réseau, ou téléchargez les fichiers des « Bases complètes » (REGIONAL_CPF4PAYSE.txt, " +
  "REGIONAL_CPF4PAYSI.txt, Libelle_*.txt…) à la main et indiquez leur dossier (TRADE_SOURCE=/chemin/vers/fichiers), " +
  "ou donnez leurs adresses (DGDDI_URLS), ou utilisez TRADE_SOURCE=demo.";

/** Causes already announced by `auto` in this process. */
const warnedCauses = new Set<string>();

function warnFallback(reason: string): void {
  if (warnedCauses.has(reason)) return;
  warnedCauses.add(reason);
  printError(
    `\n⚠️  ATTENTION : site des douanes injoignable (${reason}).\n` +
      `⚠️  Le site est construit avec les DONNÉES DE DÉMONSTRATION (synthétiques), pas avec les données réelles.\n` +
      `⚠️  Pour échouer plutôt que de basculer : TRADE_SOURCE=dgddi ; pour des fichiers locaux : TRADE_SOURCE=/chemin.\n\n`
  );
}

async function resolveNetwork(choice: "auto" | "dgddi", env: NodeJS.ProcessEnv): Promise<SourcePlan> {
  try {
    const {inputs, description} = await downloadAll(env, choice === "auto");
    return {mode: "dgddi", synthetic: false, description, inputs};
  } catch (error) {
    const reason = (error as Error).message;
    if (choice === "auto") {
      warnFallback(reason);
      return demoPlan(env, reason);
    }
    throw new SourceError(`TRADE_SOURCE=dgddi : ${reason}${/Que faire/.test(reason) ? "" : `\n${WHAT_TO_DO}`}`);
  }
}

/** One resolution per process and per setting: the settings that matter are the DGDDI_* and TRADE_* variables. */
const resolved = new Map<string, Promise<SourcePlan>>();

/** The settings a source is resolved from: the DGDDI_* and TRADE_* variables and the cache folder. */
export function sourceSettings(env: NodeJS.ProcessEnv = process.env): string {
  const settings = Object.entries(env).filter(([name]) => name.startsWith("DGDDI_") || name.startsWith("TRADE_")).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([cacheRoot(env), settings]);
}

function settingsKey(choice: string, env: NodeJS.ProcessEnv): string {
  return JSON.stringify([choice, sourceSettings(env)]);
}

export async function resolveSource(env: NodeJS.ProcessEnv = process.env): Promise<SourcePlan> {
  const allowGaps = allowGapsFrom(env);
  const plan = await resolveInputs(env);
  return allowGaps ? {...plan, allowGaps} : plan;
}

async function resolveInputs(env: NodeJS.ProcessEnv): Promise<SourcePlan> {
  const choice = (env.TRADE_SOURCE ?? "auto").trim() || "auto";
  if (choice === "demo") return demoPlan(env);
  if (choice === "auto" || choice === "dgddi") {
    const key = settingsKey(choice, env);
    let plan = resolved.get(key);
    if (!plan) {
      plan = resolveNetwork(choice, env);
      resolved.set(key, plan);
    }
    return plan;
  }
  const inputs = await listLocalInputs(choice);
  // Published (manifest, every page's sources): the folder's name, never the builder's absolute path.
  return {mode: "path", synthetic: false, description: `Fichiers locaux (« ${basename(resolve(choice))} »)`, inputs};
}
