/**
 * Refusals a user can act on (issue 15): « ? : fichier vide » named no file; a
 * zip holding only a zip got a generic message while data:check exited 0;
 * every refusal ended in an uncaught stack trace after its French message.
 * Now: the file is named, the nested archive is said, and the scripts print the
 * message and exit 1, with the stack only when DEBUG=1 asks for it.
 */
import {execFile} from "node:child_process";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {promisify} from "node:util";
import {zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {SourceError} from "../../src/data/douanes/errors.js";
import {pipelineFor} from "../../src/data/douanes/pipeline.js";
import {resolveSource} from "../../src/data/douanes/source.js";
import {readTables} from "../../src/data/douanes/table-reader.js";
import {describeFatal} from "../../src/data/douanes/terminal.js";
import {regionZip, tempDir, type DeptFixture} from "../data/douanes/fixtures.js";

const aube: DeptFixture = {dept: "10", exports: [["14.13", "DE", [1, 2, 3, 4, 5, 6]]], imports: [["14.13", "IT", [6, 5, 4, 3, 2, 1]]]};
const STACK_LINE = /^\s+at /m;

/** Runs a script of scripts/ and returns its exit code and output, whatever the code. */
async function runScriptFile(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], {encoding: "utf8", env: {...process.env, ...env}});
    return {code: 0, stdout, stderr};
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string};
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
  }
}

async function nestedZipFolder(): Promise<string> {
  const folder = await tempDir("hostile-nested-");
  await writeFile(join(folder, "region_44.zip"), zipSync({"region_44.zip": regionZip([aube], [["14.13", "Vêtements"]])}));
  return folder;
}

describe("an empty workbook is named", () => {
  const noSheet = new TextEncoder().encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');

  it("a workbook without any sheet names the file (was « ? : fichier vide »)", () => {
    expect(() => readTables(noSheet, "region_44.zip/10_pays.xls")).toThrow(/^region_44\.zip\/10_pays\.xls : classeur sans aucune feuille/);
  });

  it("through the pipeline", async () => {
    const folder = await tempDir("hostile-nosheet-");
    await writeFile(join(folder, "region_44.zip"), zipSync({"10_pays.xls": noSheet}));
    await expect(pipelineFor(await resolveSource({TRADE_SOURCE: folder}), {TRADE_CACHE_DIR: await tempDir("hostile-nosheet-cache-")}))
      .rejects.toThrow(/^region_44\.zip\/10_pays\.xls : classeur sans aucune feuille/);
  });
});

describe("a zip holding a zip", () => {
  it("is refused with a message saying so and what to do", async () => {
    await expect(pipelineFor(await resolveSource({TRADE_SOURCE: await nestedZipFolder()}), {TRADE_CACHE_DIR: await tempDir("hostile-nested-cache-")}))
      .rejects.toThrow(/^region_44\.zip : contient une archive zip imbriquée \(« region_44\.zip »\) : une archive dans une archive n'est pas lue\. Que faire : extrayez-la/);
  });

  it("npm run data:check says it and exits 1", async () => {
    const {code, stdout} = await runScriptFile("scripts/data-check.ts", [await nestedZipFolder()], {});
    expect(stdout).toMatch(/✗ region_44\.zip : contient une archive zip imbriquée/);
    expect(stdout).toMatch(/1 problème\(s\) bloquant\(s\)/);
    expect(code).toBe(1);
  }, 60_000);
});

describe("a refusal ends a script with its message, exit 1, and no stack unless asked", () => {
  it("describeFatal: a refusal is its message; DEBUG=1 adds the stack; a bug always has its stack", () => {
    const refusal = new SourceError("region_44.zip : archive refusée.");
    expect(describeFatal(refusal, {})).toBe("✗ region_44.zip : archive refusée.");
    expect(describeFatal(refusal, {DEBUG: "1"})).toMatch(STACK_LINE);
    expect(describeFatal(new TypeError("x is undefined"), {})).toMatch(STACK_LINE);
  });

  it("npm run prepare:data on a refused source", async () => {
    const env = {TRADE_SOURCE: await nestedZipFolder(), TRADE_CACHE_DIR: await tempDir("hostile-prepare-cache-")};
    const quiet = await runScriptFile("scripts/prepare-data.ts", [], env);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/^✗ region_44\.zip : contient une archive zip imbriquée/m);
    expect(quiet.stderr).not.toMatch(STACK_LINE);
    const debug = await runScriptFile("scripts/prepare-data.ts", [], {...env, DEBUG: "1"});
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK_LINE);
  }, 120_000);

  it("a page loader on a refused source", async () => {
    const env = {TRADE_SOURCE: await nestedZipFolder(), TRADE_CACHE_DIR: await tempDir("hostile-loader-cache-")};
    const loader = await runScriptFile("src/france.md.ts", [], env);
    expect(loader.code).toBe(1);
    expect(loader.stdout).toBe("");
    expect(loader.stderr).toMatch(/^✗ region_44\.zip : contient une archive zip imbriquée/m);
    expect(loader.stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
