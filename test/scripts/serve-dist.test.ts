import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {cacheControlFor, startStaticServer} from "../../scripts/serve-dist.js";
import type {StaticServer} from "../../scripts/serve-dist.js";

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "serve-dist-"));
  mkdirSync(join(root, "departements"));
  writeFileSync(join(root, "index.html"), "accueil");
  writeFileSync(join(root, "404.html"), "introuvable");
  writeFileSync(join(root, "departements", "2A.html"), "corse");
  writeFileSync(join(root, "engine.wasm"), "wasm");
  server = await startStaticServer({root});
});

afterAll(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

async function get(path: string) {
  const response = await fetch(server.url + path);
  return {status: response.status, type: response.headers.get("content-type"), body: await response.text()};
}

test("serves clean URLs from .html files, like static hosts", async () => {
  expect(await get("/")).toMatchObject({status: 200, body: "accueil"});
  expect(await get("/departements/2A")).toMatchObject({status: 200, body: "corse"});
  expect(await get("/departements/2A.html")).toMatchObject({status: 200, body: "corse"});
});

test("answers unknown paths with the 404 page and a 404 status", async () => {
  expect(await get("/departements/99")).toMatchObject({status: 404, body: "introuvable"});
  expect(await get("/%2e%2e/%2e%2e/etc/passwd")).toMatchObject({status: 404, body: "introuvable"});
});

test("serves wasm with the type WebAssembly streaming compilation requires", async () => {
  expect(await get("/engine.wasm")).toMatchObject({status: 200, type: "application/wasm"});
});

test("caches Framework's content-hashed files for a year, immutable", async () => {
  mkdirSync(join(root, "_file", "data"), {recursive: true});
  writeFileSync(join(root, "_file", "data", "D10.0c951128.parquet"), "tranche");
  for (const path of ["/_file/data/D10.0c951128.parquet", "/_node/d3@7.9.2/index.c8f1bfbe.js", "/_import/style.868fc981.css", "/_observablehq/client.d10d8454.js"]) {
    expect(cacheControlFor(path), path).toBe("public, max-age=31536000, immutable");
  }
  const response = await fetch(server.url + "/_file/data/D10.0c951128.parquet");
  expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
});

test("makes browsers revalidate HTML pages, answering 304 when unchanged", async () => {
  expect(cacheControlFor("/departements/10")).toBe("no-cache");
  const first = await fetch(server.url + "/departements/2A");
  expect(first.headers.get("cache-control")).toBe("no-cache");
  const etag = first.headers.get("etag");
  expect(etag).toBeTruthy();
  const again = await fetch(server.url + "/departements/2A", {headers: {"If-None-Match": etag!}});
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
  expect((await get("/departements/99")).status).toBe(404);
});

test("can serve without caching headers, and reports every answered request", async () => {
  const served: {path: string; status: number; bytes: number}[] = [];
  const plain = await startStaticServer({root, cacheHeaders: false, onRequest: (entry) => served.push(entry)});
  try {
    const response = await fetch(plain.url + "/engine.wasm");
    await response.text();
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("etag")).toBeNull();
    expect(served).toEqual([{path: "/engine.wasm", status: 200, bytes: 4}]);
  } finally {
    await plain.close();
  }
});
