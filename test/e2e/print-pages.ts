/**
 * A page as Chromium prints it on A4: the PDF's pages as text
 * (`pdftotext -layout`, poppler-utils), to count them and to find a heading
 * left alone at the bottom of a page. Print layout is not exposed to the
 * DOM, so the PDF itself is read.
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";

export interface PrintedPages {
  /** Text of each printed page, in order. */
  pages: string[];
  /** Headings (h2, h3 of the main column) whose text ends a page that is not the last. */
  stranded: {page: number; heading: string}[];
}

const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text of each page of a PDF, with pdftotext; fails saying what to install when it is missing. */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), "print-pages-"));
  try {
    const file = join(dir, "page.pdf");
    writeFileSync(file, pdf);
    let text: string;
    try {
      text = execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8", maxBuffer: 64 * 1024 * 1024});
    } catch (error) {
      throw new Error(`pdftotext n'a pas pu lire le PDF imprimé (apt-get install -y poppler-utils) : ${(error as Error).message}`);
    }
    // pdftotext ends every page with a form feed.
    return text.split("\f").slice(0, -1);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Pages of a PDF counted from its bytes (each page object is "/Type /Page"), without any tool. */
export function pdfPageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/**
 * Headings left at the foot of a page: a page (not the last) whose text ends
 * with a heading, or with a heading and only the prose paragraphs that
 * introduce its block. `leads` are, for each heading, its text and then its
 * text followed by each introducing paragraph in turn.
 */
export function strandedHeadings(pages: readonly string[], leads: readonly (readonly string[])[]): PrintedPages["stranded"] {
  const stranded: PrintedPages["stranded"] = [];
  pages.slice(0, -1).forEach((text, index) => {
    const page = squeeze(text);
    const lead = leads.find((variants) => variants.some((variant) => variant && page.endsWith(squeeze(variant))));
    if (lead) stranded.push({page: index + 1, heading: squeeze(lead[0])});
  });
  return stranded;
}

/**
 * Headings of the main column (h2, h3, a table's title: an open details'
 * summary), each with the prose paragraphs that follow it before its block.
 */
async function headingLeads(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    // No named helper in here: a bundler's name-keeping wrapper would not exist in the page.
    const headings = [...document.querySelectorAll("#observablehq-main h2, #observablehq-main h3, #observablehq-main details[open] > summary")].filter(
      (element) => getComputedStyle(element).display !== "none"
    );
    return headings.map((heading) => {
      const variants = [heading.textContent ?? ""];
      let text = variants[0];
      for (let next = heading.nextElementSibling; next?.tagName === "P"; next = next.nextElementSibling) {
        text += " " + (next.textContent ?? "");
        variants.push(text);
      }
      return variants;
    });
  });
}

/** Prints the loaded page on A4 (print media, backgrounds as the screenshots do) and reads its pages. */
export async function printOnA4(page: Page): Promise<PrintedPages & {count: number}> {
  await page.emulateMedia({media: "print"});
  const pdf = await page.pdf({format: "A4", printBackground: true});
  const leads = await headingLeads(page);
  const pages = pdfPageTexts(pdf);
  return {pages, count: pdfPageCount(pdf), stranded: strandedHeadings(pages, leads)};
}
