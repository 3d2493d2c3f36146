/**
 * Downloads into a disk cache: bounded timeout per attempt, retries with
 * exponential back-off on transient faults (network errors, timeouts, 5xx,
 * 408/429, bodies shorter than announced), and a validation hook so that an
 * HTML error page or a truncated archive is never cached. Files are written
 * under a temporary name and renamed once complete, with their SHA-256 beside.
 */
import {mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {sha256} from "./checksum.ts";
import {SourceError} from "./errors.ts";

export interface DownloadOptions {
  cacheDir: string;
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  /** Extra attempts after the first one. */
  retries: number;
  /** First back-off delay; doubled at each retry. */
  backoffMs: number;
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

async function attempt(url: string, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs), redirect: "follow"});
  } catch (error) {
    throw new TransientError(describeFetchError(error, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const message = `HTTP ${response.status} ${response.statusText}`.trim();
    if (response.status >= 500 || response.status === 408 || response.status === 429) throw new TransientError(message);
    throw new SourceError(`${url} : ${message}. Vérifiez l'adresse (table des régions dans src/data/douanes/dgddi-urls.ts).`);
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new TransientError(`corps de réponse interrompu (${describeFetchError(error, timeoutMs)})`);
  }
  const announced = Number(response.headers.get("content-length") ?? NaN);
  const encoded = response.headers.get("content-encoding");
  if (Number.isFinite(announced) && !encoded && body.length !== announced) {
    throw new TransientError(`réponse tronquée : ${body.length} octets reçus sur ${announced} annoncés`);
  }
  return body;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as {name?: string; message?: string; cause?: {code?: string; message?: string}};
  if (e.name === "TimeoutError" || e.name === "AbortError") return `délai dépassé (${timeoutMs} ms)`;
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(" : ");
}

/** Downloads `url` as `cacheDir/fileName`, or returns the valid cached copy. */
export async function downloadToCache(url: string, fileName: string, options: DownloadOptions): Promise<CachedFile> {
  await mkdir(options.cacheDir, {recursive: true});
  const path = join(options.cacheDir, fileName);
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
      const bytes = await attempt(url, options.timeoutMs);
      options.validate?.(bytes, url);
      const record: CacheRecord = {url, sha256: sha256(bytes), bytes: bytes.length, downloadedAt: new Date().toISOString()};
      const partial = `${path}.part-${process.pid}-${Date.now()}`;
      try {
        await writeFile(partial, bytes);
        await rename(partial, path);
        await writeFile(path + ".json", JSON.stringify(record, null, 2));
      } finally {
        await rm(partial, {force: true});
      }
      return {...record, path, fromCache: false};
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      lastError = error.message;
    }
  }
  throw new SourceError(`${url} : téléchargement impossible après ${options.retries + 1} essais (${lastError}).`);
}
