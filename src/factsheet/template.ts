/**
 * The page templates of templates/ (Markdown a forker reads as the page's
 * narrative) and how they are filled: each `{{name}}` or `{{name argument}}`
 * is replaced by what the block `name` writes. A name the blocks do not know,
 * or a malformed placeholder, stops the build with the template's file, its
 * line and the names it knows (templates/README.md).
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {PROJECT_ROOT} from "../data/douanes/paths.js";

/** What a block writes for its placeholder; `argument` is the word after its name, if any. */
export type TemplateBlock = (argument: string | undefined) => string;

export interface Template {
  /** Its path from the project's root, for messages. */
  file: string;
  text: string;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
/** A block's name and its argument: lower-case words joined by hyphens, as they read in the template. */
const WORD = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The folder of the templates, beside src/ (Framework builds only src/: nothing here is published). */
export const TEMPLATES_FOLDER = "templates";

export function readTemplate(name: string, root: string = PROJECT_ROOT): Template {
  const file = `${TEMPLATES_FOLDER}/${name}`;
  return {file, text: readFileSync(join(root, file), "utf8")};
}

/** Every template, as paths from the project's root: the printed pages' key includes them (scripts/prepare-data.ts). */
export function templateFiles(root: string = PROJECT_ROOT): string[] {
  return readdirSync(join(root, TEMPLATES_FOLDER)).filter((name) => name.endsWith(".md") && name !== "README.md").sort().map((name) => `${TEMPLATES_FOLDER}/${name}`);
}

/** A template that cannot be filled: where, and why. */
export class TemplateError extends Error {
  constructor(template: Template, line: number, reason: string) {
    super(`${template.file}, ligne ${line} : ${reason}`);
    this.name = "TemplateError";
  }
}

/** The template with every placeholder replaced by its block's text. */
export function fillTemplate(template: Template, blocks: Readonly<Record<string, TemplateBlock>>): string {
  const known = () => Object.keys(blocks).sort().join(", ");
  return template.text
    .split("\n")
    .map((line, index) =>
      line.replace(PLACEHOLDER, (placeholder, inside: string) => {
        const words = inside.trim().split(/\s+/);
        if (words.length > 2 || !words.every((word) => WORD.test(word))) {
          throw new TemplateError(template, index + 1, `« ${placeholder} » n'est pas un bloc : écrire {{nom}} ou {{nom argument}}, en minuscules (blocs connus : ${known()})`);
        }
        const [name, argument] = words;
        if (!Object.prototype.hasOwnProperty.call(blocks, name)) {
          throw new TemplateError(template, index + 1, `bloc inconnu « ${name} » (blocs connus : ${known()})`);
        }
        try {
          return blocks[name](argument);
        } catch (error) {
          throw new TemplateError(template, index + 1, error instanceof Error ? error.message : String(error));
        }
      })
    )
    .join("\n");
}
