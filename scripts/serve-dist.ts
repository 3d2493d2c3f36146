/**
 * A tiny static server for the built site, the way static hosts serve it:
 * `/departements/10` → `dist/departements/10.html`, `/` → `dist/index.html`,
 * anything else that does not exist → `dist/404.html` with status 404.
 * Listens on 127.0.0.1 only. No dependency beyond Node.
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

export function startStaticServer({root = "dist", port = 0} = {}): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, {Allow: "GET, HEAD"}).end();
      return;
    }
    const {pathname} = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = await resolveRequestPath(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? join(root, "404.html");
    if (!(await isFile(body))) {
      response.writeHead(404, {"Content-Type": "text/plain; charset=utf-8"}).end("Page introuvable");
      return;
    }
    const {size} = await stat(body);
    response.writeHead(status, {
      "Content-Type": MIME_TYPES[extname(body)] ?? "application/octet-stream",
      "Content-Length": size,
      "Cache-Control": "no-cache"
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(body).pipe(response);
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
