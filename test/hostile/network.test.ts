/**
 * Network faults against a local server (issue 7): what is retried, what is
 * not, what is never cached, and how auto / dgddi modes react. Timeouts and
 * back-off are tiny so the whole file runs in a few seconds.
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {downloadToCache, type DownloadOptions} from "../../src/data/douanes/download.js";
import {pipelineFor} from "../../src/data/douanes/pipeline.js";
import {resolveSource} from "../../src/data/douanes/source.js";
import {checkZipStructure} from "../../src/data/douanes/zip.js";
import {regionZip, tempDir, zip} from "../data/douanes/fixtures.js";
import {startServer, type LocalServer} from "./local-server.js";

const goodZip = zip({"a.csv": new TextEncoder().encode("x;y\n1;2\n")});
const otherZip = zip({"b.csv": new TextEncoder().encode("z;t\n3;4\n")});
const html = "<!DOCTYPE html><html><body>Service indisponible</body></html>";
let server: LocalServer;

beforeAll(async () => {
  server = await startServer({
    "/ok.zip": (_req, res) => res.end(goodZip),
    "/other.zip": (_req, res) => res.end(otherZip),
    "/reset.zip": (_req, res) => {
      // Chunked body cut off: the connection dies mid-body.
      res.write(goodZip.subarray(0, 30));
      setTimeout(() => res.socket?.destroy(), 10);
    },
    "/reset-once.zip": (_req, res, hit) => {
      if (hit > 1) return res.end(goodZip);
      res.write(goodZip.subarray(0, 30));
      setTimeout(() => res.socket?.destroy(), 10);
    },
    "/always-500.zip": (_req, res) => (res.statusCode = 500, res.end("erreur interne")),
    "/503-then-ok.zip": (_req, res, hit) => (hit < 3 ? (res.statusCode = 503, res.end()) : res.end(goodZip)),
    "/gone.zip": (_req, res) => (res.statusCode = 404, res.end("absent")),
    "/slow-body.zip": (_req, res) => {
      res.setHeader("content-length", String(goodZip.length));
      res.write(goodZip.subarray(0, 10)); // then nothing: the body never completes
    },
    "/short.zip": (_req, res) => {
      res.setHeader("content-length", String(goodZip.length));
      res.write(goodZip.subarray(0, goodZip.length - 5));
      setTimeout(() => res.socket?.destroy(), 10);
    },
    "/html-200.zip": (_req, res) => (res.setHeader("content-type", "text/html; charset=utf-8"), res.end(html)),
    "/zip-as-html.zip": (_req, res) => (res.setHeader("content-type", "text/html"), res.end(goodZip)),
    "/truncated.zip": (_req, res) => res.end(goodZip.subarray(0, goodZip.length - 30)),
    "/redirect-1": (_req, res) => (res.statusCode = 302, res.setHeader("location", "/redirect-2"), res.end()),
    "/redirect-2": (_req, res) => (res.statusCode = 301, res.setHeader("location", "/ok.zip"), res.end()),
    "/loop": (_req, res) => (res.statusCode = 302, res.setHeader("location", "/loop"), res.end()),
    "/to-file": (_req, res) => (res.statusCode = 302, res.setHeader("location", "file:///etc/passwd"), res.end()),
    "/endless": (_req, res) => {
      // Streams for ever unless the client stops: only the size bound ends it.
      const chunk = new Uint8Array(64 * 1024);
      const push = () => (res.write(chunk) ? setImmediate(push) : res.once("drain", push));
      push();
    },
    "/dl": (_req, res) => res.end(goodZip)
  });
});
afterAll(() => server.close());

async function options(extra: Partial<DownloadOptions> = {}): Promise<DownloadOptions> {
  for (const key of Object.keys(server.hits)) delete server.hits[key];
  return {cacheDir: await tempDir("hostile-cache-"), timeoutMs: 400, retries: 2, backoffMs: 5, validate: checkZipStructure, ...extra};
}

const cached = (dir: string) => readdir(dir).then((names) => names.sort());

describe("transient faults are retried with back-off, then fail without caching anything", () => {
  it("connection reset mid-body: retried, recovers on the next attempt", async () => {
    const opts = await options();
    const file = await downloadToCache(`${server.base}/reset-once.zip`, "r.zip", opts);
    expect(file.sha256).toBe((await downloadToCache(`${server.base}/ok.zip`, "ok.zip", opts)).sha256);
    expect(server.hits["/reset-once.zip"]).toBe(2);
  });

  it("connection reset on every attempt: fails after retries + 1 attempts, cache empty", async () => {
    const opts = await options();
    await expect(downloadToCache(`${server.base}/reset.zip`, "r.zip", opts)).rejects.toThrow(/après 3 essais.*interrompu/);
    expect(server.hits["/reset.zip"]).toBe(3);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });

  it("5xx: retried with doubling delays, then succeeds", async () => {
    const log: string[] = [];
    const opts = await options({backoffMs: 20, log: (m) => log.push(m)});
    await downloadToCache(`${server.base}/503-then-ok.zip`, "a.zip", opts);
    expect(server.hits["/503-then-ok.zip"]).toBe(3);
    expect(log.map((m) => /dans (\d+) ms/.exec(m)?.[1])).toEqual(["20", "40"]);
    expect(log[0]).toMatch(/HTTP 503/);
  });

  it("500 every time: gives up, names the status, caches nothing", async () => {
    const opts = await options({retries: 1});
    await expect(downloadToCache(`${server.base}/always-500.zip`, "a.zip", opts)).rejects.toThrow(/après 2 essais \(HTTP 500/);
    expect(server.hits["/always-500.zip"]).toBe(2);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });

  it("body that stalls after the headers: the timeout covers the body too", async () => {
    const opts = await options({timeoutMs: 150, retries: 1});
    const started = Date.now();
    await expect(downloadToCache(`${server.base}/slow-body.zip`, "a.zip", opts)).rejects.toThrow(/délai dépassé \(150 ms\)/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.hits["/slow-body.zip"]).toBe(2);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });

  it("body shorter than Content-Length (connection closed early): retried, never cached", async () => {
    const opts = await options({retries: 1});
    await expect(downloadToCache(`${server.base}/short.zip`, "a.zip", opts)).rejects.toThrow(/après 2 essais/);
    expect(server.hits["/short.zip"]).toBe(2);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });
});

describe("permanent faults are not retried", () => {
  it("404: one attempt, a message naming the address and what to check", async () => {
    const opts = await options();
    await expect(downloadToCache(`${server.base}/gone.zip`, "a.zip", opts)).rejects.toThrow(/gone\.zip : HTTP 404.*Vérifiez l'adresse/);
    expect(server.hits["/gone.zip"]).toBe(1);
  });

  it("HTML page with status 200: refused as an HTML page, Content-Type named, one attempt, nothing cached", async () => {
    const opts = await options();
    await expect(downloadToCache(`${server.base}/html-200.zip`, "a.zip", opts)).rejects.toThrow(/page HTML.*Content-Type annoncé : « text\/html/);
    expect(server.hits["/html-200.zip"]).toBe(1);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });

  it("the bytes decide, not the Content-Type: a real zip served as text/html is accepted", async () => {
    const opts = await options();
    const file = await downloadToCache(`${server.base}/zip-as-html.zip`, "a.zip", opts);
    expect(file.bytes).toBe(goodZip.length);
  });

  it("truncated zip served complete (200, right length): refused, nothing cached", async () => {
    const opts = await options();
    await expect(downloadToCache(`${server.base}/truncated.zip`, "a.zip", opts)).rejects.toThrow(/archive zip incomplète/);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });

  it("a body beyond the size bound is cut off and refused", async () => {
    const opts = await options({maxBytes: 256 * 1024});
    await expect(downloadToCache(`${server.base}/endless`, "a.zip", opts)).rejects.toThrow(/au-delà de la limite/);
    expect(server.hits["/endless"]).toBe(1);
    expect(await cached(opts.cacheDir)).toEqual([]);
  });
});

describe("redirects", () => {
  it("are followed within the bound", async () => {
    const opts = await options();
    const file = await downloadToCache(`${server.base}/redirect-1`, "a.zip", opts);
    expect(file.bytes).toBe(goodZip.length);
    expect(server.hits["/ok.zip"]).toBe(1);
  });

  it("beyond the bound: refused without retrying, nothing cached", async () => {
    const opts = await options({maxRedirects: 1});
    await expect(downloadToCache(`${server.base}/redirect-1`, "a.zip", opts)).rejects.toThrow(/plus de 1 redirections/);
    expect(server.hits["/ok.zip"]).toBeUndefined();
    const loop = await options();
    await expect(downloadToCache(`${server.base}/loop`, "a.zip", loop)).rejects.toThrow(/plus de 5 redirections/);
    expect(server.hits["/loop"]).toBe(6);
    expect(await cached(loop.cacheDir)).toEqual([]);
  });

  it("to a non-http scheme: refused", async () => {
    const opts = await options();
    await expect(downloadToCache(`${server.base}/to-file`, "a.zip", opts)).rejects.toThrow(/adresse refusée.*file:\/\/\/etc\/passwd/);
  });
});

describe("the cache", () => {
  it("a failed refresh leaves the previous valid copy intact", async () => {
    const opts = await options();
    const first = await downloadToCache(`${server.base}/ok.zip`, "keep.zip", opts);
    await expect(downloadToCache(`${server.base}/ok.zip`.replace("ok", "html-200"), "keep.zip", {...opts, refresh: true})).rejects.toThrow();
    expect(await cached(opts.cacheDir)).toEqual(["keep.zip", "keep.zip.json"]);
    expect(new Uint8Array(await readFile(first.path))).toEqual(goodZip);
  });

  it("a cached file altered on disk is not served: downloaded again", async () => {
    const opts = await options();
    const first = await downloadToCache(`${server.base}/ok.zip`, "a.zip", opts);
    await writeFile(first.path, html);
    const second = await downloadToCache(`${server.base}/ok.zip`, "a.zip", opts);
    expect(second.fromCache).toBe(false);
    expect(server.hits["/ok.zip"]).toBe(2);
  });

  it("a cached file recorded for another address is not served", async () => {
    const opts = await options();
    await downloadToCache(`${server.base}/ok.zip`, "a.zip", opts);
    const other = await downloadToCache(`${server.base}/other.zip`, "a.zip", opts);
    expect(other.fromCache).toBe(false);
    expect(new Uint8Array(await readFile(other.path))).toEqual(otherZip);
  });

  it("a cache file name cannot leave the cache folder (../, absolute, backslash, drive letter, empty)", async () => {
    // The cache sits two levels down a temporary root: even a failed protection cannot write outside that root.
    const root = await tempDir("hostile-jail-");
    const cacheDir = join(root, "a", "cache");
    const names = ["../evil.zip", "../../evil.zip", "..", join(root, "evil.zip"), "sub/evil.zip", "..\\evil.zip", "C:evil.zip", "a\0b.zip", ""];
    let refused = 0;
    for (const name of names) {
      const opts = await options({cacheDir});
      await expect(downloadToCache(`${server.base}/ok.zip`, name, opts)).rejects.toThrow(/Nom de fichier de cache refusé/);
      refused++;
    }
    expect(refused).toBe(names.length);
    expect(server.hits["/ok.zip"]).toBeUndefined();
    expect(await readdir(root, {recursive: true})).toEqual([]);
  });
});

describe("TRADE_SOURCE modes against a failing site", () => {
  const env = (extra: Record<string, string>) => ({...process.env, DGDDI_RETRIES: "0", DGDDI_TIMEOUT_MS: "400", DGDDI_BACKOFF_MS: "1", ...extra});

  it("dgddi: an HTML page instead of a zip fails, saying what to do", async () => {
    const cache = await tempDir("hostile-src-");
    await expect(resolveSource(env({TRADE_SOURCE: "dgddi", TRADE_CACHE_DIR: cache, DGDDI_URLS: `${server.base}/html-200.zip`})))
      .rejects.toThrow(/TRADE_SOURCE=dgddi : .*page HTML.*Que faire : .*TRADE_SOURCE=\/chemin\/vers\/fichiers.*TRADE_SOURCE=demo/s);
    expect(await readdir(join(cache, "douanes"))).toEqual([]);
  });

  it("dgddi: a file name from the address (?fic=../…) cannot write outside the cache", async () => {
    const root = await tempDir("hostile-jail-");
    const cache = join(root, "a", "cache");
    await expect(resolveSource(env({TRADE_SOURCE: "dgddi", TRADE_CACHE_DIR: cache, DGDDI_URLS: `${server.base}/dl?fic=../../evil.zip`})))
      .rejects.toThrow(/Nom de fichier de cache refusé/);
    expect(server.hits["/dl"]).toBeUndefined();
    expect((await readdir(root, {recursive: true})).filter((name) => name.includes("evil"))).toEqual([]);
  });

  it("dgddi: a malformed DGDDI_TIMEOUT_MS is named", async () => {
    await expect(resolveSource(env({TRADE_SOURCE: "dgddi", DGDDI_TIMEOUT_MS: "vite", DGDDI_URLS: `${server.base}/ok.zip`})))
      .rejects.toThrow(/DGDDI_TIMEOUT_MS=« vite »/);
  });

  it("auto: a 404 falls back to the demo with a warning on stderr and the reason in the manifest", {timeout: 300_000}, async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    let plan;
    let written = "";
    try {
      // Default cache root: the demo zips are generated once and shared with the other tests.
      plan = await resolveSource(env({TRADE_SOURCE: "auto", DGDDI_URLS: `${server.base}/gone.zip`}));
    } finally {
      written = stderr.mock.calls.map((call) => String(call[0])).join("");
      stderr.mockRestore();
    }
    expect(written).toMatch(/ATTENTION : site des douanes injoignable.*gone\.zip : HTTP 404/s);
    expect(written).toMatch(/DONNÉES DE DÉMONSTRATION/);
    expect(plan).toMatchObject({mode: "demo", synthetic: true});
    expect(plan.fallbackReason).toMatch(/HTTP 404/);
    // The manifest carries the reason: one small région is enough to check it.
    // The rolling export file alone (2024 and 2025 T1): enough for a complete year.
    // Exports only: the imports are a deliberate hole (completeness.ts), allowed here.
    const small = {...plan, allowGaps: true, inputs: plan.inputs.filter((input) => input.name === "REGIONAL_CPF4PAYSE.txt")};
    expect(small.inputs).toHaveLength(1);
    const {manifest} = await pipelineFor(small, {TRADE_CACHE_DIR: await tempDir("hostile-pipe-")});
    expect(manifest.synthetic).toBe(true);
    expect(manifest.source.fallbackReason).toMatch(/gone\.zip : HTTP 404/);
  });
});

describe("local sources", () => {
  it("an HTML page saved under a zip's name is reported as such, not skipped", async () => {
    const folder = await tempDir("hostile-local-");
    await writeFile(join(folder, "region_44.zip"), html);
    await writeFile(join(folder, "region_52.zip"), regionZip([{dept: "44", exports: [["10.71", "DE", [1, 1, 1, 1, 1, 1]]], imports: []}], []));
    const plan = await resolveSource({TRADE_SOURCE: folder});
    await expect(pipelineFor(plan, {TRADE_CACHE_DIR: await tempDir("hostile-pipe-")})).rejects.toThrow(/region_44\.zip : ce n'est pas une archive zip mais une page HTML/);
  });
});
