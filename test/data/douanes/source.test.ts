import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {sha256} from "../../../src/data/douanes/checksum.js";
import {resolveSource} from "../../../src/data/douanes/source.js";
import {startServer, type LocalServer} from "../../hostile/local-server.js";
import {latin1, tempDir, utf8, zip} from "./fixtures.js";

// Port 9 on 127.0.0.1 (discard) is closed here: the customs site is "unreachable".
const unreachable = {DGDDI_URLS: "http://127.0.0.1:9/region_44.zip", DGDDI_RETRIES: "0", DGDDI_TIMEOUT_MS: "500", DGDDI_BACKOFF_MS: "1"};

describe("TRADE_SOURCE", () => {
  it("dgddi fails clearly when the site is unreachable", async () => {
    await expect(resolveSource({...process.env, ...unreachable, TRADE_SOURCE: "dgddi"})).rejects.toThrow(/TRADE_SOURCE=dgddi.*Que faire/s);
  });

  it("auto falls back to the demo, says why, and marks it synthetic", {timeout: 300_000}, async () => {
    const plan = await resolveSource({...process.env, ...unreachable, TRADE_SOURCE: "auto"});
    expect(plan).toMatchObject({mode: "demo", synthetic: true});
    expect(plan.fallbackReason).toMatch(/127\.0\.0\.1:9/);
    expect(plan.inputs.map((i) => i.name)).toEqual(expect.arrayContaining(["REGIONAL_CPF4PAYSE.txt", "REGIONAL_CPF4PAYSI.txt"]));
  });

  it("a missing local path is named in the error", async () => {
    await expect(resolveSource({TRADE_SOURCE: "/nulle/part"})).rejects.toThrow(/« \/nulle\/part » n'existe pas/);
  });
});

// ---------------------------------------------------------------------------
// The customs' download page, as a test-written page served on 127.0.0.1.

const rows = (flow: "E" | "I", year: number) =>
  [`${flow};1;${year};10;13;C14Z;1413;DE;125000;310`, `${flow};2;${year};2A;22;C10A;1011;IT;98000;1200`, `${flow};3;${year};9D;24;A01Z;0111;QU;4000;8`].join("\r\n") + "\r\n";

const FILES: Record<string, Uint8Array> = {
  "REGIONAL_CPF4PAYSE.txt": latin1(rows("E", 2024)),
  "REGIONAL_CPF4PAYSI.zip": zip({"REGIONAL_CPF4PAYSI.txt": latin1(rows("I", 2024))}),
  "202102_regional_2019_export.zip": zip({"Regional-2019-export/Region_2019_Export.txt": latin1(rows("E", 2019))}),
  "202102_regional_2019_import.zip": zip({"Regional-2019-import/Region_2019_Import.txt": latin1(rows("I", 2019))}),
  "Libelle_PAYS.txt": utf8("DE;Allemagne;199101;999912\nIT;Italie;195801;999912\nQU;Pays et territoires non déterminés;200001;999912\n"),
  "Libelle_A129.txt": utf8("C14Z;Articles d'habillement;200901;999912\n"),
  "Libelle_CPF4_rev2.1.txt": utf8('1413;"Autres vêtements de dessus ; sauf vêtements de travail";201501;999912\n'),
  "Departement_region.txt": utf8("10;Aube;13;Grand Est\n20;Corse;22;Corse\n")
};

/** Written the way an old ASP site writes: latin-1, upper-case tags, entities, relative links to a download script. */
function downloadPage(base: string): Uint8Array {
  const dl = (name: string) => `download_no.asp?fic=${name}&amp;rep=/fichiers/Telecharge`;
  return latin1(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD><TITLE>Le kiosque - T&eacute;l&eacute;chargement</TITLE>
<META http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></HEAD>
<BODY>
<DIV id="menu"><A HREF="/index.asp">Accueil</A> | <A href="../statistiques/regional.asp">Statistiques r&eacute;gionales</A>
 | <a href="mailto:contact@example.invalid">Nous écrire</a></DIV>
<H2>Bases compl&egrave;tes</H2>
<P>Statistiques r&eacute;gionales et d&eacute;partementales du commerce ext&eacute;rieur, s&eacute;rie glissante :</P>
<TABLE>
<TR><TD><A HREF="${dl("REGIONAL_CPF4PAYSE.txt")}">Exportations (CPF4 &times; pays)</A></TD>
    <TD><A HREF="${dl("REGIONAL_CPF4PAYSI.txt")}">Importations (texte)</A> &ndash; <A HREF="${dl("REGIONAL_CPF4PAYSI.zip")}">Importations (zip)</A></TD></TR>
<TR><TD>Ann&eacute;e 2019 :</TD><TD><a href='../fichiers/Telecharge/202002_regional_2019_export.zip'>export (1<sup>re</sup> &eacute;dition)</a>
    <a href="${dl("202102_regional_2019_export.zip")}">export</a>
    <a href="${base}/site_fr/fichiers/Telecharge/202102_regional_2019_import.zip">import</a></TD></TR>
</TABLE>
<!-- <A HREF="${dl("202001_regional_2018_export.zip")}">2018, retiré</A> -->
<P>Nomenclatures : <A HREF="${dl("Libelle_PAYS.txt")}">pays</A>, <A HREF="${dl("Libelle_A129.txt")}">A129</A>,
<A HREF="${dl("Libelle_CPF4_rev2.1.txt")}">CPF4</A>, <A HREF="${dl("Departement_region.txt")}">d&eacute;partements</A>,
<A HREF="${dl("Libelles.zip")}">tout en un zip</A></P>
<H2>Par r&eacute;gion</H2>
<P><A HREF="${dl("region_18.zip")}">Auvergne-Rh&ocirc;ne-Alpes</A> <A HREF="${dl("LisezMoi_Regions_T.txt")}">Lisez-moi</A>
<a href="#haut">Haut de page</a> <a href="javascript:window.print()">Imprimer</a></P>
</BODY></HTML>`);
}

const NO_LINK_PAGE = latin1(`<html><body><h1>Le kiosque</h1><p>Page en travaux.</p>
<a href="/index.asp">Accueil</a> <a href="aide.asp?x=1&amp;y=2">Aide &amp; contact</a> <a href="mentions.asp">Mentions l&eacute;gales</a>
${Array.from({length: 12}, (_, i) => `<a href="page${i}.asp">Page ${i}</a>`).join(" ")}</body></html>`);

const PAGE_PATH = "/site_fr/telechargement/telechargement_SGBD.asp";
let server: LocalServer;
let pageDown = false;
const fileHits: Record<string, number> = {};

beforeAll(async () => {
  const serveFile = (name: string, res: import("node:http").ServerResponse) => {
    fileHits[name] = (fileHits[name] ?? 0) + 1;
    if (!FILES[name]) return (res.statusCode = 404, res.end("absent"));
    res.setHeader("content-type", "application/octet-stream");
    res.end(FILES[name]);
  };
  server = await startServer({
    [PAGE_PATH]: (_req, res) => {
      if (pageDown) return (res.statusCode = 503, res.end());
      res.setHeader("content-type", "text/html; charset=iso-8859-1");
      res.end(downloadPage(server.base));
    },
    "/site_fr/telechargement/download_no.asp": (req, res) => serveFile(new URL(req.url!, server.base).searchParams.get("fic") ?? "", res),
    "/site_fr/fichiers/Telecharge/202002_regional_2019_export.zip": (_req, res) => serveFile("202002_regional_2019_export.zip", res),
    "/site_fr/fichiers/Telecharge/202102_regional_2019_import.zip": (_req, res) => serveFile("202102_regional_2019_import.zip", res),
    "/travaux.asp": (_req, res) => res.end(NO_LINK_PAGE),
    "/absent.asp": (_req, res) => (res.statusCode = 404, res.end("absent"))
  });
});
afterAll(() => server.close());

const network = (extra: Record<string, string>) => ({...process.env, DGDDI_RETRIES: "0", DGDDI_TIMEOUT_MS: "2000", DGDDI_BACKOFF_MS: "1", ...extra});

describe("TRADE_SOURCE=dgddi reads the download page (local server on 127.0.0.1)", () => {
  it("finds the bulk files among the links, downloads them into the cache, then rebuilds from the cache when the page is down", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const cache = await tempDir("source-page-");
      const env = network({TRADE_SOURCE: "dgddi", TRADE_CACHE_DIR: cache, DGDDI_PAGE_URL: server.base + PAGE_PATH});
      const plan = await resolveSource(env);
      expect(plan).toMatchObject({mode: "dgddi", synthetic: false});
      expect(plan.description).toContain(PAGE_PATH);
      expect(plan.inputs.map((input) => input.name)).toEqual([
        "REGIONAL_CPF4PAYSE.txt", "REGIONAL_CPF4PAYSI.zip", "202102_regional_2019_export.zip", "202102_regional_2019_import.zip",
        "Departement_region.txt", "Libelle_A129.txt", "Libelle_CPF4_rev2.1.txt", "Libelle_PAYS.txt"
      ]);
      for (const input of plan.inputs) {
        expect(input.path.startsWith(join(cache, "douanes")), input.name).toBe(true);
        expect(input.sha256, input.name).toBe(sha256(FILES[input.name]));
        expect(new Uint8Array(await readFile(input.path))).toEqual(FILES[input.name]);
      }
      expect(plan.inputs[0].origin).toBe(`${server.base}/site_fr/telechargement/download_no.asp?fic=REGIONAL_CPF4PAYSE.txt&rep=/fichiers/Telecharge`);
      // Neither the older edition, nor the unzipped copy, nor the labels zip, nor the région zip, nor the commented-out link.
      expect(Object.keys(fileHits).sort()).toEqual(plan.inputs.map((input) => input.name).sort());
      expect(server.hits[PAGE_PATH]).toBe(1);

      // Asked again in the same process: resolved once.
      expect(await resolveSource(env)).toBe(plan);
      expect(server.hits[PAGE_PATH]).toBe(1);

      // Another run (other settings, same cache) with the page down: its cached copy and the cached files serve.
      pageDown = true;
      const offline = await resolveSource({...env, DGDDI_BACKOFF_MS: "2"});
      expect(offline.inputs.map((input) => [input.name, input.sha256])).toEqual(plan.inputs.map((input) => [input.name, input.sha256]));
      expect(server.hits[PAGE_PATH]).toBe(2);
      expect(Object.values(fileHits).every((count) => count === 1)).toBe(true);
      expect(stderr.mock.calls.map((call) => String(call[0])).join("")).toMatch(/HTTP 503.*copie de la page téléchargée le/);
    } finally {
      pageDown = false;
      stderr.mockRestore();
    }
  });

  it("a page without any bulk link fails, listing the first links seen and what to do", async () => {
    const cache = await tempDir("source-page-");
    const error = await resolveSource(network({TRADE_SOURCE: "dgddi", TRADE_CACHE_DIR: cache, DGDDI_PAGE_URL: server.base + "/travaux.asp"})).then(
      () => undefined,
      (e: Error) => e
    );
    expect(error?.message).toMatch(/^TRADE_SOURCE=dgddi : http:\/\/127\.0\.0\.1:\d+\/travaux\.asp : aucun lien vers les fichiers des « Bases complètes »/);
    expect(error?.message).toMatch(/15 lien\(s\) vu\(s\) : « Accueil » → \/index\.asp ; « Aide & contact » → aide\.asp\?x=1&y=2 ; « Mentions légales » → mentions\.asp/);
    expect(error?.message).toMatch(/… \(et 7 autres\)/);
    expect(error?.message).toMatch(/Que faire : .*TRADE_SOURCE=\/chemin\/vers\/fichiers.*DGDDI_URLS/);
    expect(error?.message.match(/Que faire/g)).toHaveLength(1);
  });

  it("DGDDI_URLS overrides the page", async () => {
    const cache = await tempDir("source-page-");
    const url = `${server.base}/site_fr/telechargement/download_no.asp?fic=Libelle_PAYS.txt&rep=x`;
    const hitsBefore = server.hits[PAGE_PATH] ?? 0;
    const plan = await resolveSource(network({TRADE_SOURCE: "dgddi", TRADE_CACHE_DIR: cache, DGDDI_PAGE_URL: server.base + PAGE_PATH, DGDDI_URLS: url}));
    expect(plan.inputs.map((input) => [input.name, input.origin])).toEqual([["Libelle_PAYS.txt", url]]);
    expect(server.hits[PAGE_PATH] ?? 0).toBe(hitsBefore);
  });

  it("a text file answered with an HTML page is refused", async () => {
    const cache = await tempDir("source-page-");
    await expect(
      resolveSource(network({TRADE_SOURCE: "dgddi", TRADE_CACHE_DIR: cache, DGDDI_URLS: `${server.base}${PAGE_PATH}?fic=REGIONAL_CPF4PAYSE.txt`}))
    ).rejects.toThrow(/REGIONAL_CPF4PAYSE\.txt : ce n'est pas un fichier de données mais une page HTML/);
  });
});

describe("TRADE_SOURCE=auto", () => {
  it("falls back to the demo with one warning per cause, however often it is asked", {timeout: 300_000}, async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    let written = "";
    const plans = [];
    try {
      // Default cache root: the demo zips are generated once and shared with the other tests.
      const env = network({TRADE_SOURCE: "auto", DGDDI_PAGE_URL: server.base + "/absent.asp"});
      for (let i = 0; i < 4; i++) plans.push(await resolveSource(env));
      // Other settings, same cause: still no second warning.
      plans.push(await resolveSource({...env, DGDDI_BACKOFF_MS: "3"}));
    } finally {
      written = stderr.mock.calls.map((call) => String(call[0])).join("");
      stderr.mockRestore();
    }
    expect(written.match(/ATTENTION : site des douanes injoignable/g)).toHaveLength(1);
    expect(written).toMatch(/absent\.asp : HTTP 404/);
    for (const plan of plans) expect(plan).toMatchObject({mode: "demo", synthetic: true, fallbackReason: expect.stringMatching(/absent\.asp : HTTP 404/)});
    expect(server.hits["/absent.asp"]).toBe(2);
  });
});
