import {existsSync} from "node:fs";
import {mkdir, mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it, test} from "vitest";
import {dropBenchPages, FIXED_LAST_MODIFIED, fixHtml} from "../../scripts/fix-built-html.js";

// What Framework 1.13.4 emits at the top of every page, and its sidebar search box.
const framework = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body><input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<div id="observablehq-search"><input type="search" placeholder="Search"></div></body>
</html>`;

describe("fixHtml", () => {
  test("sets the language, allows zoom and translates the sidebar chrome", () => {
    const fixed = fixHtml(framework);
    expect(fixed).toContain('<html lang="fr">');
    expect(fixed).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(fixed).not.toContain("maximum-scale");
    expect(fixed).toContain('placeholder="Rechercher"');
    expect(fixed).not.toContain("Toggle sidebar");
  });

  test("fails loudly when Framework's markup is not what it expects, and changes nothing on a page already fixed", () => {
    expect(() => fixHtml(framework.replace("<html>", '<html class="autre">'), "dist/index.html")).toThrow(/dist\/index.html.*lang/);
    expect(fixHtml(fixHtml(framework))).toBe(fixHtml(framework));
  });
});

describe("reproducible pages", () => {
  it("writes one fixed modification time for every attached file, whatever the build's clock", () => {
    const page = (time: number) => fixHtml(framework.replace("</body>", `<script>registerFile("./data/slices/D10.parquet", {"name":"./data/slices/D10.parquet","path":"../_file/data/slices/D10.1a2b3c4d.parquet","lastModified":${time},"size":12});</script></body>`));
    expect(page(1796126855612.4)).toBe(page(1796127133000));
    expect(page(1796126855612.4)).toContain(`"lastModified":${FIXED_LAST_MODIFIED},"size":12`);
  });
});

describe("dropBenchPages", () => {
  it("removes the measuring pages from a published build unless BENCH_PAGES=1 asks to keep them", async () => {
    const make = async () => {
      const dist = await mkdtemp(join(tmpdir(), "dist-"));
      await mkdir(join(dist, "bench"), {recursive: true});
      await writeFile(join(dist, "bench", "naive-aube.html"), "<html></html>");
      await writeFile(join(dist, "index.html"), "<html></html>");
      return dist;
    };
    const published = await make();
    expect(await dropBenchPages(published, {})).toBe(true);
    expect(existsSync(join(published, "bench"))).toBe(false);
    expect(existsSync(join(published, "index.html"))).toBe(true);
    const measured = await make();
    expect(await dropBenchPages(measured, {BENCH_PAGES: "1"})).toBe(false);
    expect(existsSync(join(measured, "bench", "naive-aube.html"))).toBe(true);
  });
});
