/**
 * Symbolic links in a source folder (issue 15): `passwd.csv -> /etc/passwd`
 * was read and its first line printed; a link looping back to its folder
 * crashed with a raw ELOOP and a stack. A link leaving the folder is refused
 * and never read; a link to a folder or a loop is refused naming it, in French.
 */
import {mkdir, symlink, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {inspectInputs} from "../../src/data/douanes/inspect.js";
import {listLocalInputs} from "../../src/data/douanes/source.js";
import {tempDir} from "../data/douanes/fixtures.js";

async function sourceWith(links: Record<string, string>): Promise<string> {
  const root = await tempDir("hostile-links-");
  const source = join(root, "source");
  await mkdir(join(source, "sub"), {recursive: true});
  await writeFile(join(source, "10_pays.csv"), "Flux;Code pays;Trimestre;Valeur\nE;DE;2024T1;1\n");
  await writeFile(join(root, "outside.csv"), "secret;line\n");
  for (const [name, target] of Object.entries(links)) await symlink(target, join(source, name));
  return source;
}

describe("symbolic links in a source folder", () => {
  it("a link to a file outside the folder is refused, naming the link and its target, and the file is never read", async () => {
    const source = await sourceWith({"passwd.csv": "/etc/passwd"});
    await expect(listLocalInputs(source)).rejects.toThrow(/^TRADE_SOURCE : « passwd\.csv » est un lien symbolique vers « \/etc\/passwd », hors du dossier de la source .* refusé/);
    const printed: string[] = [];
    // data:check lists the folder the same way: nothing of the target is printed.
    await expect(listLocalInputs(source).then((inputs) => inspectInputs(inputs, (line) => printed.push(line)))).rejects.toThrow(/lien symbolique/);
    expect(printed.join("\n")).not.toMatch(/root:/);
  });

  it("a relative link escaping through .. is refused too", async () => {
    const source = await sourceWith({"sub/autre.csv": "../../outside.csv"});
    await expect(listLocalInputs(source)).rejects.toThrow(/« sub\/autre\.csv » est un lien symbolique vers « .*outside\.csv », hors du dossier/);
  });

  it("a folder linking back to its parent (a loop) gets a French message naming it, not ELOOP", async () => {
    const source = await sourceWith({"sub/boucle": ".."});
    const error = await listLocalInputs(source).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^TRADE_SOURCE : le dossier « sub\/boucle » dans « .*source » est un lien vers « \. », un dossier déjà dans la source \(boucle de dossiers ou doublon\) : refusé/);
    expect((error as Error).name).toBe("SourceError");
  });

  it("two links pointing at each other are named as a loop", async () => {
    const source = await sourceWith({"a.csv": "b.csv", "b.csv": "a.csv"});
    await expect(listLocalInputs(source)).rejects.toThrow(/^TRADE_SOURCE : « a\.csv » dans « .*source » est une boucle de liens symboliques \(ELOOP\)/);
  });

  it("a link to a file inside the folder is followed", async () => {
    const source = await sourceWith({"sub/lien.csv": "../10_pays.csv"});
    expect((await listLocalInputs(source)).map((input) => input.name)).toEqual(["10_pays.csv", "sub/lien.csv"]);
  });
});

describe("a local source is published without the builder's folders", () => {
  it("the description names the folder only (it goes to the manifest and to every page)", async () => {
    const {resolveSource} = await import("../../src/data/douanes/source.js");
    const source = await sourceWith({});
    const plan = await resolveSource({TRADE_SOURCE: source});
    expect(plan.description).toBe("Fichiers locaux (« source »)");
    expect(plan.description).not.toContain(source);
  });
});
