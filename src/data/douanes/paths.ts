/** Where caches live: `<project>/.cache/` (git-ignored), or TRADE_CACHE_DIR. */
import {fileURLToPath} from "node:url";
import {join} from "node:path";

export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRADE_CACHE_DIR ?? join(PROJECT_ROOT, ".cache");
}

/** Where the prepare step publishes the current build's drawn views (src/factsheet/prerender.ts), one `<territory id>.json` each, for the page loaders. */
export function staticViewsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), "site", "views");
}
