/**
 * Headless Debian Chromium through playwright-core, locked to 127.0.0.1:
 * every request to another host is recorded and aborted, and the host
 * resolver fails every name at once (no waiting on DNS timeouts).
 */
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium} from "playwright-core";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {startStaticServer, type StaticServer} from "../../scripts/serve-dist.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium introuvable (${CHROMIUM_PATH}). Les tests de bout en bout en ont besoin : ` +
        "`apt-get install -y chromium` (ou CHROMIUM_PATH=/chemin/vers/chromium). Aucun navigateur n'est téléchargé."
    );
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: {width: 1280, height: 900},
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    ]
  });
}

/** The built site served on 127.0.0.1, and a Chromium with a fresh profile. */
export interface BuiltSite {
  server: StaticServer;
  context: BrowserContext;
  /** Closes the browser and the server, and removes the profile. */
  close(): Promise<void>;
}

/**
 * Serves dist/ and launches Chromium in a new profile folder named from
 * `profilePrefix` ("chromium-e2e-"). Fails at once, saying what to run, when
 * dist/ has not been built; cleans up what it started when a later step fails.
 */
export async function openBuiltSite(profilePrefix: string, root = "dist"): Promise<BuiltSite> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/ est vide : lancez \`npm run build\` avant les tests e2e.`);
  const userDataDir = mkdtempSync(join(tmpdir(), profilePrefix));
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await server?.close();
    rmSync(userDataDir, {recursive: true, force: true});
  };
  try {
    server = await startStaticServer({root});
    context = await launchChromium(userDataDir);
    return {server, context, close};
  } catch (error) {
    await close();
    throw error;
  }
}

export interface PageWatch {
  page: Page;
  /** Every requested URL, in order. */
  requests: string[];
  /** Requests to any host other than 127.0.0.1 (aborted). */
  offHost: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Response body bytes by file type (html, js, css, wasm, parquet…), once `settled`. */
  bytesByType(): Promise<Record<string, number>>;
}

function fileType(url: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1];
  return extension ?? "html";
}

const isLocal = (url: string) => {
  const {protocol, hostname} = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
};

export async function watchedPage(context: BrowserContext): Promise<PageWatch> {
  const sizes: Promise<[string, number]>[] = [];
  const watch: PageWatch = {
    page: await context.newPage(),
    requests: [],
    offHost: [],
    errors: [],
    async bytesByType() {
      const totals: Record<string, number> = {};
      for (const [type, bytes] of await Promise.all(sizes)) totals[type] = (totals[type] ?? 0) + bytes;
      return totals;
    }
  };
  const {page} = watch;
  page.on("requestfinished", (request) => {
    sizes.push(request.sizes().then((s) => [fileType(request.url()), s.responseBodySize] as [string, number]));
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    watch.offHost.push(url);
    return route.abort("addressunreachable");
  });
  page.on("request", (request) => {
    const url = request.url();
    watch.requests.push(url);
    if (!isLocal(url) && !watch.offHost.includes(url)) watch.offHost.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") watch.errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.errors.push(`pageerror: ${error.message}`));
  return watch;
}

export type {Browser};
