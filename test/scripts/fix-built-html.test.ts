import {describe, expect, test} from "vitest";
import {fixHtml} from "../../scripts/fix-built-html.ts";

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
