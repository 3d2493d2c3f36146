/**
 * Downloads into a disk cache: bounded timeout per attempt, retries with
 * exponential back-off on transient faults (network errors, timeouts, 5xx,
 * 408/429, bodies shorter than announced), and a validation hook so that an
 * HTML error page or a truncated archive is never cached. Files are written
 * under a temporary name and renamed once complete, with their SHA-256 beside.
 * Hostile servers (issue 7): redirects are followed by hand, within a bound and
 * to http(s) only; bodies are bounded in size; the cache file name cannot
 * leave the cache folder.
 */
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {sha256} from "./checksum.js";
import {SourceError} from "./errors.js";
import {removeTemporary, trackTemporary} from "./temporary.js";

export interface DownloadOptions {
  cacheDir: string;
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  /** Extra attempts after the first one. */
  retries: number;
  /** First back-off delay; doubled at each retry. */
  backoffMs: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Largest body accepted, in bytes (default 512 MiB). */
  maxBytes?: number;
  /** Ignore a valid cached copy and download again. */
  refresh?: boolean;
  /** Throws (a SourceError) when the body is not what was expected; called before caching. */
  validate?: (bytes: Uint8Array, label: string) => void;
  log?: (message: string) => void;
}

export interface CachedFile {
  url: string;
  path: string;
  sha256: string;
  bytes: number;
  downloadedAt: string;
  fromCache: boolean;
}

interface CacheRecord {
  url: string;
  sha256: string;
  bytes: number;
  downloadedAt: string;
}

/** A fault worth another attempt. */
class TransientError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BYTES = 512 * 2 ** 20;

/** The cache file name must be a plain name: the URL (hence the name) may come from a hostile page or setting. */
export function checkCacheFileName(fileName: string): void {
  if (fileName === "" || fileName === "." || fileName === ".." || /[\\/\0]|^[A-Za-z]:/.test(fileName)) {
    throw new SourceError(`Nom de fichier de cache refusé : « ${fileName} » (un simple nom est attendu, sans « / », « \\ » ni « .. »).`);
  }
}

async function readCached(path: string, url: string, options: DownloadOptions): Promise<CachedFile | undefined> {
  try {
    const record = JSON.parse(await readFile(path + ".json", "utf8")) as CacheRecord;
    const bytes = await readFile(path);
    if (record.url !== url || sha256(bytes) !== record.sha256) return undefined;
    options.validate?.(bytes, path);
    return {...record, path, fromCache: true};
  } catch {
    return undefined;
  }
}

interface Limits {
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
}

function parseUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

/** GET with redirects followed by hand: the bound and the schemes are ours, not the fetch defaults (20, any). */
async function get(url: string, limits: Limits, signal: AbortSignal): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(current, {signal, redirect: "manual"});
    } catch (error) {
      throw new TransientError(describeFetchError(error, limits.timeoutMs));
    }
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    await response.body?.cancel().catch(() => {});
    const location = response.headers.get("location");
    const next = location === null ? undefined : parseUrl(location, current);
    if (!next || (next.protocol !== "http:" && next.protocol !== "https:")) {
      throw new SourceError(`${url} : redirection HTTP ${response.status} vers une adresse refusée (« ${location ?? ""} »).`);
    }
    if (hop >= limits.maxRedirects) {
      throw new SourceError(`${url} : plus de ${limits.maxRedirects} redirections (dernière vers ${next.href}) : boucle ou serveur mal configuré.`);
    }
    current = next.href;
  }
}

/** The body, stopped as soon as it exceeds the bound (a hostile or broken server can send forever). */
async function readBody(response: Response, url: string, limits: Limits): Promise<Uint8Array> {
  const announced = Number(response.headers.get("content-length") ?? NaN);
  if (announced > limits.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new SourceError(`${url} : ${announced} octets annoncés, au-delà de la limite de ${limits.maxBytes}.`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
      const chunk = read.value;
      size += chunk.length;
      if (size > limits.maxBytes) {
        await reader!.cancel().catch(() => {});
        throw new SourceError(`${url} : réponse de plus de ${limits.maxBytes} octets, au-delà de la limite : téléchargement arrêté.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new TransientError(`corps de réponse interrompu (${describeFetchError(error, limits.timeoutMs)})`);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) { body.set(chunk, offset); offset += chunk.length; }
  if (Number.isFinite(announced) && !response.headers.get("content-encoding") && body.length !== announced) {
    throw new TransientError(`réponse tronquée : ${body.length} octets reçus sur ${announced} annoncés`);
  }
  return body;
}

async function attempt(url: string, limits: Limits): Promise<{bytes: Uint8Array; contentType: string}> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const response = await get(url, limits, signal);
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const message = `HTTP ${response.status} ${response.statusText}`.trim();
    if (response.status >= 500 || response.status === 408 || response.status === 429) throw new TransientError(message);
    throw new SourceError(`${url} : ${message}. Vérifiez l'adresse (lien de la page de téléchargement, DGDDI_PAGE_URL ou DGDDI_URLS).`);
  }
  return {bytes: await readBody(response, url, limits), contentType: response.headers.get("content-type") ?? ""};
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as {name?: string; message?: string; cause?: {code?: string; message?: string}};
  if (e.name === "TimeoutError" || e.name === "AbortError") return `délai dépassé (${timeoutMs} ms)`;
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(" : ");
}

/** Runs the caller's check; the announced Content-Type is added to its message (an HTML page served as a zip). */
function validateDownload(bytes: Uint8Array, url: string, contentType: string, options: DownloadOptions): void {
  try {
    options.validate?.(bytes, url);
  } catch (error) {
    if (error instanceof SourceError && contentType) throw new SourceError(`${error.message} (Content-Type annoncé : « ${contentType} »)`);
    throw error;
  }
}

/** The valid cached copy of `url` as `cacheDir/fileName`, without any network access, or undefined. */
export async function readCachedCopy(url: string, fileName: string, options: DownloadOptions): Promise<CachedFile | undefined> {
  checkCacheFileName(fileName);
  return readCached(join(options.cacheDir, fileName), url, options);
}

/** Downloads `url` as `cacheDir/fileName`, or returns the valid cached copy. */
export async function downloadToCache(url: string, fileName: string, options: DownloadOptions): Promise<CachedFile> {
  checkCacheFileName(fileName);
  await mkdir(options.cacheDir, {recursive: true});
  const path = join(options.cacheDir, fileName);
  const limits: Limits = {
    timeoutMs: options.timeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES
  };
  if (!options.refresh) {
    const cached = await readCached(path, url, options);
    if (cached) return cached;
  }
  let lastError = "";
  for (let attemptNumber = 0; attemptNumber <= options.retries; attemptNumber++) {
    if (attemptNumber > 0) {
      const delay = options.backoffMs * 2 ** (attemptNumber - 1);
      options.log?.(`${url} : ${lastError} ; nouvel essai dans ${delay} ms (${attemptNumber}/${options.retries})`);
      await sleep(delay);
    }
    try {
      const {bytes, contentType} = await attempt(url, limits);
      validateDownload(bytes, url, contentType, options);
      const record: CacheRecord = {url, sha256: sha256(bytes), bytes: bytes.length, downloadedAt: new Date().toISOString()};
      const partial = `${path}.part-${process.pid}-${Date.now()}`;
      trackTemporary(partial);
      try {
        await writeFile(partial, bytes);
        await rename(partial, path);
        await writeFile(path + ".json", JSON.stringify(record, null, 2));
      } finally {
        await removeTemporary(partial);
      }
      return {...record, path, fromCache: false};
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      lastError = error.message;
    }
  }
  throw new SourceError(`${url} : téléchargement impossible après ${options.retries + 1} essais (${lastError}).`);
}
