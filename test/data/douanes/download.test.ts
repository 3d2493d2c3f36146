import {createServer, type IncomingMessage, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {readdir} from "node:fs/promises";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {downloadToCache, type DownloadOptions} from "../../../src/data/douanes/download.js";
import {checkZipStructure} from "../../../src/data/douanes/zip.js";
import {tempDir, zip} from "./fixtures.js";

const goodZip = zip({"a.csv": new TextEncoder().encode("x;y\n1;2\n")});
let hits: Record<string, number> = {};
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const routes: Record<string, Handler> = {
  "/ok.zip": (_req, res) => res.end(goodZip),
  "/flaky.zip": (_req, res, hit) => (hit === 1 ? (res.statusCode = 500, res.end("erreur")) : res.end(goodZip)),
  "/html.zip": (_req, res) => (res.setHeader("content-type", "text/html"), res.end("<!DOCTYPE html><html><body>Maintenance</body></html>")),
  "/short.zip": (_req, res) => {
    res.setHeader("content-length", String(goodZip.length + 500));
    res.write(goodZip.subarray(0, 20));
    setTimeout(() => res.destroy(), 20);
  },
  "/slow.zip": () => {}, // never answers
  "/missing.zip": (_req, res) => (res.statusCode = 404, res.end("not found")),
  "/empty.zip": (_req, res) => res.end()
};
const server = createServer((req, res) => {
  const path = req.url ?? "/";
  hits[path] = (hits[path] ?? 0) + 1;
  (routes[path] ?? routes["/missing.zip"])(req, res, hits[path]);
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function options(extra: Partial<DownloadOptions> = {}): Promise<DownloadOptions> {
  hits = {};
  return {cacheDir: await tempDir("dl-cache-"), timeoutMs: 500, retries: 2, backoffMs: 10, validate: checkZipStructure, ...extra};
}

describe("download with a disk cache (local server on 127.0.0.1)", () => {
  it("downloads, records the checksum, then serves the cached copy", async () => {
    const opts = await options();
    const first = await downloadToCache(`${base}/ok.zip`, "ok.zip", opts);
    expect(first.fromCache).toBe(false);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const second = await downloadToCache(`${base}/ok.zip`, "ok.zip", opts);
    expect(second).toMatchObject({fromCache: true, sha256: first.sha256});
    expect(hits["/ok.zip"]).toBe(1);
  });

  it("retries after a 500 and succeeds", async () => {
    const opts = await options();
    const file = await downloadToCache(`${base}/flaky.zip`, "flaky.zip", opts);
    expect(file.bytes).toBe(goodZip.length);
    expect(hits["/flaky.zip"]).toBe(2);
  });

  it("refuses an HTML page and caches nothing", async () => {
    const opts = await options();
    await expect(downloadToCache(`${base}/html.zip`, "html.zip", opts)).rejects.toThrow(/page HTML/);
    expect(await readdir(opts.cacheDir)).toEqual([]);
  });

  it("refuses an empty body and caches nothing", async () => {
    const opts = await options();
    await expect(downloadToCache(`${base}/empty.zip`, "empty.zip", opts)).rejects.toThrow(/fichier vide/);
    expect(await readdir(opts.cacheDir)).toEqual([]);
  });

  it("retries a body shorter than Content-Length, then fails without caching", async () => {
    const opts = await options();
    await expect(downloadToCache(`${base}/short.zip`, "short.zip", opts)).rejects.toThrow(/après 3 essais/);
    expect(hits["/short.zip"]).toBe(3);
    expect(await readdir(opts.cacheDir)).toEqual([]);
  });

  it("gives up after the timeout, with retries", async () => {
    const opts = await options({timeoutMs: 100, retries: 1});
    const started = Date.now();
    await expect(downloadToCache(`${base}/slow.zip`, "slow.zip", opts)).rejects.toThrow(/délai dépassé \(100 ms\)/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(hits["/slow.zip"]).toBe(2);
  });

  it("does not retry a 404", async () => {
    const opts = await options();
    await expect(downloadToCache(`${base}/missing.zip`, "missing.zip", opts)).rejects.toThrow(/HTTP 404/);
    expect(hits["/missing.zip"]).toBe(1);
  });
});
