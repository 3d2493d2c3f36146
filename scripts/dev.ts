/**
 * `npm run dev`: the prepare step, then Framework's preview server; while it
 * runs, an edit to the site's code (src/ outside the page loaders, which
 * Framework watches, and the data files the prepare step writes) or to a
 * page template (templates/) runs the
 * prepare step again in a fresh process, which marks the stale page loaders;
 * Framework then re-runs the open page's loader and reloads it. No restart after editing a page template or a view.
 */
import {spawn} from "node:child_process";
import {watch} from "node:fs";
import {runScript} from "../src/data/douanes/terminal.js";
import {isPublishedDataFile} from "../src/factsheet/data-files.js";
import {TEMPLATES_FOLDER} from "../src/factsheet/template.js";
import {prepareSite} from "./prepare-data.js";

// Written by the prepare step or by Framework: never a reason to prepare again.
const NOT_AN_EDIT = /^(\.observablehq|data\/duckdb)\/|\.(md|parquet|zip|json|csv|tsv|txt|arrow|html)\.(ts|js)$|\.part$|~$/;

export function isCodeEdit(name: string): boolean {
  const path = name.split("\\").join("/");
  return !NOT_AN_EDIT.test(path) && !isPublishedDataFile(path) && /\.(ts|js|css|json)$/.test(path);
}

let preparing: ReturnType<typeof spawn> | null = null;

function prepareAgain(): Promise<void> {
  return new Promise((resolve) => {
    preparing = spawn(process.execPath, ["--import", "tsx", "scripts/prepare-data.ts"], {stdio: "inherit"});
    preparing.on("close", () => {
      preparing = null;
      resolve();
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runScript(() => prepareSite());
  const preview = spawn("observable", ["preview", "--host", "127.0.0.1", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PATH: `node_modules/.bin:${process.env.PATH}`}
  });
  preview.on("close", (code) => process.exit(code ?? 0));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    if (running) return void (again = true);
    process.stderr.write("[préparation] code modifié : préparation relancée\n");
    running = prepareAgain();
    await running;
    running = null;
    if (again) (again = false), void run();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  };
  watch("src", {recursive: true}, (_event, name) => {
    if (name && isCodeEdit(name)) schedule();
  });
  // The page templates (templates/*.md) are filled by the page loaders: an edit reprints the pages.
  watch(TEMPLATES_FOLDER, {recursive: true}, (_event, name) => {
    if (name?.endsWith(".md")) schedule();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      preparing?.kill(signal);
      preview.kill(signal);
    });
  }
}
