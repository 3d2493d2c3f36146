/**
 * Screenshots of built pages, to look at what readers see:
 *   npx tsx scripts/screenshots.ts /departements/10 /regions/44 …
 * For each path: full-page PNGs at 1280 px and at 390 px (a phone), and the
 * A4 print as a PDF (converted to PNG pages with pdftoppm when it is
 * installed). Pages are complete in their HTML: nothing to wait for but the
 * load event. Output in
 * test-results/screenshots/ (git-ignored). Needs `npm run build` first.
 */
import {execFileSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {launchChromium, watchedPage} from "../test/e2e/browser.js";
import {startStaticServer} from "./serve-dist.js";

const OUT = "test-results/screenshots";
const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error("Usage : npx tsx scripts/screenshots.ts /departements/10 [/chemin …]");

mkdirSync(OUT, {recursive: true});
const userDataDir = mkdtempSync(join(tmpdir(), "chromium-shots-"));
const server = await startStaticServer({root: "dist"});
const context = await launchChromium(userDataDir);
try {
  for (const path of paths) {
    const watch = await watchedPage(context);
    const {page} = watch;
    await page.setViewportSize({width: 1280, height: 900});
    const started = performance.now();
    await page.goto(`${server.url}${path}`, {waitUntil: "load"});
    const name = path.replace(/^\/|\/$/g, "").replace(/[/?=&]/g, "-") || "index";
    await page.screenshot({path: join(OUT, `${name}.png`), fullPage: true});
    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: join(OUT, `${name}-390.png`), fullPage: true});
    await page.setViewportSize({width: 1280, height: 900});
    await page.emulateMedia({media: "print"});
    const pdf = join(OUT, `${name}-print.pdf`);
    await page.pdf({path: pdf, format: "A4", printBackground: true});
    try {
      execFileSync("pdftoppm", ["-png", "-r", "50", pdf, join(OUT, `${name}-print`)]);
    } catch {
      // pdftoppm (poppler-utils) is optional: the PDF is there anyway.
    }
    const svgs = await page.locator("main svg").count();
    console.log(`${path}: ${svgs} SVG, ${Math.round(performance.now() - started)} ms, erreurs : ${watch.errors.length ? watch.errors.join(" | ") : "aucune"}, hors 127.0.0.1 : ${watch.offHost.length}`);
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, {recursive: true, force: true});
}
