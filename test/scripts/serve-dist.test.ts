import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {startStaticServer} from "../../scripts/serve-dist.ts";
import type {StaticServer} from "../../scripts/serve-dist.ts";

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
