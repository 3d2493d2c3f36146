// The site's footer names the year the data show, read from the current figures, never typed in the config.
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it, vi} from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function footerWith(figures: object | null): Promise<string> {
  const cache = await mkdtemp(join(tmpdir(), "footer-"));
  if (figures) {
    await mkdir(join(cache, "site"), {recursive: true});
    await writeFile(join(cache, "site", "figures.json"), JSON.stringify(figures));
  }
  vi.stubEnv("TRADE_CACHE_DIR", cache);
  return (await import("../../observablehq.config.js")).default.footer;
}

describe("footer", () => {
  it("takes the year from the data", async () => {
    expect(await footerWith({year: 2031, synthetic: false})).toBe("Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur, 2031 — Licence Ouverte 2.0.");
  });

  it("names no year before any data were prepared", async () => {
    expect(await footerWith(null)).toBe("Source : DGDDI / DSECE, statistiques régionales et départementales du commerce extérieur — Licence Ouverte 2.0.");
  });
});
