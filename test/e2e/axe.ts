/**
 * axe-core in the page under test: serious and critical accessibility
 * violations of the page's own content. Framework's chrome (sidebar, toggle,
 * table of contents, footer) comes from the theme, not from our pages, and is
 * left out.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";

const require = createRequire(import.meta.url);
export const FRAMEWORK_CHROME = ["#observablehq-sidebar", "#observablehq-sidebar-toggle", "#observablehq-toc", "#observablehq-footer", "#observablehq-header"];

export interface Violation {
  id: string;
  impact: string;
  targets: string[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")});
  const violations = await page.evaluate(async (chrome) => {
    type Result = {violations: {id: string; impact: string; nodes: {target: string[]}[]}[]};
    const axe = (window as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<Result>}}).axe;
    const exclude = chrome.filter((selector) => document.querySelector(selector)).map((selector) => [selector]);
    const results = await axe.run({exclude}, {resultTypes: ["violations"]});
    return results.violations.map((v) => ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))}));
  }, FRAMEWORK_CHROME);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
