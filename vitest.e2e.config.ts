import {defineConfig} from "vitest/config";

// End-to-end tests: headless Debian Chromium against the built dist/ (run `npm run build` first).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    // One line per test as it ends: the browser stage (a minute or more) shows its progress.
    reporters: ["verbose"]
  }
});
