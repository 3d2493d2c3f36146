import {describe, expect, it} from "vitest";
import {
  classifyBulkFileName,
  decodeEntities,
  explicitFiles,
  extractLinks,
  linkFileName,
  selectBulkFiles,
  type PageLink
} from "../../../src/data/douanes/dgddi-urls.js";

const PAGE = "https://kiosque.example/site_fr/telechargement/telechargement_SGBD.asp";
const link = (url: string): PageLink => ({href: url, url, text: ""});

describe("decodeEntities", () => {
  it("decodes named, decimal and hexadecimal entities, and leaves unknown ones alone", () => {
    expect(decodeEntities("a&amp;b &eacute;t&#233; &#xE9;t&#xe9; &laquo;x&raquo; &nope; &amp")).toBe("a&b été été «x» &nope; &");
  });
});

describe("extractLinks", () => {
  it("resolves relative and absolute links against the page, decoding entities in the address and the text", () => {
    const html = `<html><body>
      <A HREF="download_no.asp?fic=REGIONAL_CPF4PAYSE.txt&amp;rep=/fichiers/Telecharge">Exportations (mise &agrave; jour)</A>
      <a class='x' href='../fichiers/Telecharge/202002_regional_2019_export.zip'>2019 <b>export</b></a>
      <a href=/index.asp>Accueil</a>
      <a href="https://autre.example/doc.pdf" target="_blank">Lisez-moi</a>
    </body></html>`;
    expect(extractLinks(html, PAGE)).toEqual([
      {
        href: "download_no.asp?fic=REGIONAL_CPF4PAYSE.txt&rep=/fichiers/Telecharge",
        url: "https://kiosque.example/site_fr/telechargement/download_no.asp?fic=REGIONAL_CPF4PAYSE.txt&rep=/fichiers/Telecharge",
        text: "Exportations (mise à jour)"
      },
      {href: "../fichiers/Telecharge/202002_regional_2019_export.zip", url: "https://kiosque.example/site_fr/fichiers/Telecharge/202002_regional_2019_export.zip", text: "2019 export"},
      {href: "/index.asp", url: "https://kiosque.example/index.asp", text: "Accueil"},
      {href: "https://autre.example/doc.pdf", url: "https://autre.example/doc.pdf", text: "Lisez-moi"}
    ]);
  });

  it("skips comments, scripts, fragments, mailto: and javascript: links, anchors without href", () => {
    const html = `<!-- <a href="REGIONAL_CPF4PAYSI.txt">ancien</a> -->
      <script>document.write('<a href="Libelle_PAYS.txt">x</a>')</script>
      <a name="haut"></a><a href="#haut">haut</a><a href="mailto:x@y.fr">écrire</a><a href="javascript:void(0)">js</a>
      <a data-href="Libelle_A129.txt">pas un lien</a><a href="ok.txt">ok</a>`;
    expect(extractLinks(html, PAGE).map((l) => l.href)).toEqual(["ok.txt"]);
  });

  it("honours <base href>", () => {
    const html = `<head><base href="https://miroir.example/fichiers/"></head><a href="Libelle_PAYS.txt">Pays</a>`;
    expect(extractLinks(html, PAGE)[0].url).toBe("https://miroir.example/fichiers/Libelle_PAYS.txt");
  });

  it("survives an unclosed anchor", () => {
    expect(extractLinks(`<a href="a.txt">A <a href="b.txt">B`, PAGE).map((l) => [l.href, l.text])).toEqual([["a.txt", "A"], ["b.txt", "B"]]);
  });
});

describe("bulk file names", () => {
  it("the file of a download script is its fic parameter, else the last path segment", () => {
    expect(linkFileName(`${PAGE.replace("telechargement_SGBD", "download_no")}?fic=Libelle_PAYS.txt&rep=/fichiers`)).toBe("Libelle_PAYS.txt");
    expect(linkFileName("https://k.example/download.asp?FIC=REGIONAL_CPF4PAYSI.zip")).toBe("REGIONAL_CPF4PAYSI.zip");
    expect(linkFileName("https://k.example/f/Libelle%20PAYS.txt")).toBe("Libelle PAYS.txt");
    expect(linkFileName("https://k.example/dl.asp?fic=../../REGIONAL_CPF4PAYSE.txt")).toBe("REGIONAL_CPF4PAYSE.txt");
  });

  it("recognises the rolling files, the annual archives and the label files", () => {
    expect(classifyBulkFileName("REGIONAL_CPF4PAYSE.txt")).toMatchObject({kind: "rolling", flow: "export"});
    expect(classifyBulkFileName("regional_cpf4paysi.zip")).toMatchObject({kind: "rolling", flow: "import"});
    expect(classifyBulkFileName("REGIONAL_CPF4PAYSI.txt.zip")).toMatchObject({kind: "rolling", flow: "import"});
    expect(classifyBulkFileName("202002_regional_2019_export.zip")).toMatchObject({kind: "annual", flow: "export", year: 2019});
    expect(classifyBulkFileName("Regional-2021-Import.zip")).toMatchObject({kind: "annual", flow: "import", year: 2021});
    expect(classifyBulkFileName("Region_2021_Import.txt")).toMatchObject({kind: "annual", flow: "import", year: 2021});
    for (const name of ["Libelle_CPF4_rev2.1.txt", "Libelle_A129.txt", "Libelle_PAYS.txt", "Departement_region.txt", "Libelle_PAYS.zip"]) {
      expect(classifyBulkFileName(name)?.kind).toBe("labels");
    }
    expect(classifyBulkFileName("Libelles.zip")?.kind).toBe("labels-zip");
    for (const name of ["region_18.zip", "REGIONAL_CPF4PAYSE", "LisezMoi_Regions_T.txt", "regional_19_export.zip", "index.asp", "Libelle_NC8.txt", ""]) {
      expect(classifyBulkFileName(name), name).toBeUndefined();
    }
  });

  it("takes every annual year, the latest edition of a year, the zip over the text, and label zips only without label files", () => {
    const base = "https://k.example/dl.asp?rep=x&fic=";
    const files = selectBulkFiles(
      [
        "Libelles.zip", "REGIONAL_CPF4PAYSI.txt", "REGIONAL_CPF4PAYSI.zip", "REGIONAL_CPF4PAYSE.txt",
        "202102_regional_2019_export.zip", "202002_regional_2019_export.zip", "202102_regional_2020_import.zip",
        "Libelle_PAYS.txt", "Libelle_PAYS.txt", "region_18.zip", "index.asp"
      ].map((name) => link(base + name))
    );
    expect(files.map((f) => f.fileName)).toEqual([
      "REGIONAL_CPF4PAYSE.txt", "REGIONAL_CPF4PAYSI.zip", "202102_regional_2019_export.zip", "202102_regional_2020_import.zip", "Libelle_PAYS.txt"
    ]);
    expect(selectBulkFiles([link(base + "Libelles.zip")]).map((f) => f.fileName)).toEqual(["Libelles.zip"]);
    expect(selectBulkFiles([link(base + "region_44.zip"), link("https://k.example/")])).toEqual([]);
  });
});

describe("DGDDI_URLS", () => {
  it("full addresses, space or comma separated, named by fic or the last segment", () => {
    expect(explicitFiles({DGDDI_URLS: "https://k.example/a/REGIONAL_CPF4PAYSE.txt, https://k.example/dl.asp?fic=Libelle_PAYS.txt"})).toEqual([
      {url: "https://k.example/a/REGIONAL_CPF4PAYSE.txt", fileName: "REGIONAL_CPF4PAYSE.txt"},
      {url: "https://k.example/dl.asp?fic=Libelle_PAYS.txt", fileName: "Libelle_PAYS.txt"}
    ]);
    expect(explicitFiles({DGDDI_URLS: "  "})).toBeUndefined();
    expect(explicitFiles({})).toBeUndefined();
  });
});
