/**
 * A tiny static server for the built site, the way static hosts serve it:
 * `/departements/10` → `dist/departements/10.html`, `/` → `dist/index.html`,
 * anything else that does not exist → `dist/404.html` with status 404.
 * Listens on 127.0.0.1 only. No dependency beyond Node.
 *
 * Caching as a host should do it (README § "Performance"): Framework's
 * content-hashed files (under /_file/, /_node/, /_import/, /_observablehq/)
 * never change under a name, so they are cached for a year and never
 * revalidated; everything else (HTML pages) is `no-cache` with an ETag, so a
 * browser revalidates it on each visit and gets a 304 when it has not changed.
 * Repeat visitors then reuse the 34 MB DuckDB wasm — and Chromium its compiled
 * code — instead of downloading and compiling it again.
 *
 *   npx tsx scripts/serve-dist.ts [port]     (default 3000)
 */
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve, sep} from "node:path";

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm", // WebAssembly.instantiateStreaming requires it
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".zip": "application/zip"
};

/** URL prefixes of the files Framework names after their content hash. */
const HASHED_PREFIXES = ["/_file/", "/_node/", "/_import/", "/_observablehq/"];

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** The Cache-Control header for a URL path. */
export function cacheControlFor(urlPath: string): string {
  return HASHED_PREFIXES.some((prefix) => urlPath.startsWith(prefix)) ? IMMUTABLE : "no-cache";
}

/** One answered request, for measurements (scripts/bench.ts). */
export interface ServedRequest {
  path: string;
  status: number;
  /** Body bytes sent (0 for HEAD and 304). */
  bytes: number;
}

export interface StaticServerOptions {
  root?: string;
  port?: number;
  /**
   * false: every response is `no-cache` without validators, so browsers
   * download everything again on each visit (the behaviour before caching
   * headers, kept to measure their effect).
   */
  cacheHeaders?: boolean;
  onRequest?: (served: ServedRequest) => void;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** The file a URL path maps to, or undefined (→ 404). Never leaves `root`. */
export async function resolveRequestPath(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const path = resolve(base, "." + normalize("/" + decoded));
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  const candidates = decoded.endsWith("/") ? [join(path, "index.html")] : [path, path + ".html", join(path, "index.html")];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return undefined;
}

export function startStaticServer({root = "dist", port = 0, cacheHeaders = true, onRequest}: StaticServerOptions = {}): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, {Allow: "GET, HEAD"}).end();
      return;
    }
    const {pathname} = new URL(request.url ?? "/", "http://127.0.0.1");
    const served = (status: number, bytes: number) => onRequest?.({path: pathname, status, bytes});
    const file = await resolveRequestPath(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? join(root, "404.html");
    if (!(await isFile(body))) {
      response.writeHead(404, {"Content-Type": "text/plain; charset=utf-8"}).end("Page introuvable");
      served(404, 0);
      return;
    }
    const {size, mtimeMs} = await stat(body);
    const headers: Record<string, string | number> = {
      "Content-Type": MIME_TYPES[extname(body)] ?? "application/octet-stream",
      "Cache-Control": "no-cache"
    };
    if (cacheHeaders && status === 200) {
      const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      headers["Cache-Control"] = cacheControlFor(pathname);
      headers.ETag = etag;
      if (request.headers["if-none-match"] === etag) {
        response.writeHead(304, headers).end();
        served(304, 0);
        return;
      }
    }
    response.writeHead(status, {...headers, "Content-Length": size});
    if (request.method === "HEAD") response.end();
    else createReadStream(body).pipe(response);
    served(status, request.method === "HEAD" ? 0 : size);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const {port: actualPort} = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done()))
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {url} = await startStaticServer({port: Number(process.argv[2] ?? 3000)});
  console.log(`dist/ servi sur ${url} (Ctrl+C pour arrêter)`);
}
