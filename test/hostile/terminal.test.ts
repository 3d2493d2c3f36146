/**
 * Control characters from input reaching the terminal (issue 15): an entry
 * named with ANSI escapes cleared the screen and printed a fake success line.
 * Every message that may echo input is written through terminalSafe: the
 * escapes are shown, never interpreted.
 */
import {execFile} from "node:child_process";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {promisify} from "node:util";
import {zipSync} from "fflate";
import {afterEach, describe, expect, it, vi} from "vitest";
import {pipelineFor} from "../../src/data/douanes/pipeline.js";
import {resolveSource} from "../../src/data/douanes/source.js";
import {terminalSafe} from "../../src/data/douanes/terminal.js";
import {regionZip, tempDir, type DeptFixture} from "../data/douanes/fixtures.js";

const ESC = "\u001b";
const HOSTILE_NAME = `${ESC}[2J${ESC}[H${ESC}[32m✓ Données vérifiées${ESC}[0m\r.pdf`;
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const aube: DeptFixture = {dept: "10", exports: [["14.13", "DE", [1, 2, 3, 4, 5, 6]]], imports: [["14.13", "IT", [6, 5, 4, 3, 2, 1]]]};

async function sourceWithHostileEntry(): Promise<string> {
  const {unzipSync} = await import("fflate");
  const folder = await tempDir("hostile-ansi-");
  await writeFile(join(folder, "region_44.zip"), zipSync({...unzipSync(regionZip([aube], [["14.13", "Vêtements"]])), [HOSTILE_NAME]: new Uint8Array([1])}));
  return folder;
}

describe("terminalSafe", () => {
  it("shows escapes, carriage returns, C1 controls and bidirectional overrides instead of passing them through", () => {
    expect(terminalSafe(`a${ESC}[2Jb\rc\u009bd\u202ee`)).toBe("a\\x1B[2Jb\\x0Dc\\x9Bd\\u202Ee");
  });

  it("keeps line feeds, tabs and French text (accents, guillemets, non-breaking spaces) as they are", () => {
    const text = "« Céréales » :\u00a01\u202f234 €\n\tligne suivante";
    expect(terminalSafe(text)).toBe(text);
  });
});

describe("through the tools", () => {
  afterEach(() => vi.restoreAllMocks());

  it("the pipeline's report names the ignored entry with its escapes neutralised", async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const {manifest} = await pipelineFor(await resolveSource({TRADE_SOURCE: await sourceWithHostileEntry()}), {TRADE_CACHE_DIR: await tempDir("hostile-ansi-cache-")});
    vi.restoreAllMocks();
    // The manifest keeps the name as it is; only what reaches the terminal is neutralised.
    expect(manifest.warnings).toContain(`region_44.zip/${HOSTILE_NAME} : fichier ignoré (extension non reconnue)`);
    const report = written.join("");
    expect(report).toContain("\\x1B[2J\\x1B[H\\x1B[32m✓ Données vérifiées\\x1B[0m\\x0D.pdf : fichier ignoré");
    expect(report).not.toMatch(UNPRINTABLE);
  });

  it("npm run data:check prints the entry's name neutralised", async () => {
    const folder = await sourceWithHostileEntry();
    const {stdout, stderr} = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/data-check.ts", folder], {encoding: "utf8"});
    expect(stdout).toContain("\\x1B[2J\\x1B[H\\x1B[32m✓ Données vérifiées");
    expect(stdout + stderr).not.toMatch(UNPRINTABLE);
  }, 60_000);
});
