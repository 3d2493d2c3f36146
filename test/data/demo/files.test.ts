/**
 * The demo files for all of France, read back as text (read-files.ts), never
 * through the pipeline's parser: names, layout of every line, calibration to
 * the euro, distinct totals, partners' spread, the partial 2025, label files.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {a129OfCpf4} from "../../../src/data/reference/a129.js";
import {
  ARCHIVE_YEARS,
  CALIBRATION,
  LABEL_FILES,
  PRINTED_UNIT,
  README_FILE,
  ROLLING_FILES,
  archiveNames,
  demoFiles
} from "../../../src/data/demo/index.js";
import {crlfLines, dataText, parseRow, type DataRow} from "./read-files.js";

const LINE =
  /^(E|I);([1-4]);(20\d\d);(0[1-9]|[1-8]\d|9[0-5]|99|9[A-E]);(\d\d);([A-Z]\d\d[A-Z]);(\d{4});([A-Z]{2});([1-9]\d*);(0|[1-9]\d*)$/;

let files: Map<string, Uint8Array>;
/** Line problems found while reading (empty when every line is well formed). */
const problems: string[] = [];
/** 2024 totals by flux|dept, flux|year(+quarter for 2025), and the Aube's by flux|country|year. */
const deptTotals = new Map<string, number>();
const periodTotals = new Map<string, number>();
const aubePartners = new Map<string, number>();
/** Value and mass by CPF4 in 2024, for unit values. */
const unitValues = new Map<string, [number, number]>();
let zeroMasses = 0;
let rowCount = 0;
const seen = {depts: new Set<string>(), countries: new Set<string>(), cpf4: new Set<string>(), a129: new Set<string>()};
const deptRegion = new Map<string, string>();

const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
const labelLines = (name: string) => crlfLines(Buffer.from(files.get(name)!).toString("utf8"));

/** Every data file: [file name, expected flux, years and quarters it may hold]. */
function dataFileSpecs(): [string, string, (r: DataRow) => boolean][] {
  const specs: [string, string, (r: DataRow) => boolean][] = [];
  for (const year of ARCHIVE_YEARS) {
    specs.push([archiveNames(year, "export").zip, "E", (r) => r.annee === String(year)]);
    specs.push([archiveNames(year, "import").zip, "I", (r) => r.annee === String(year)]);
  }
  const rolling = (r: DataRow) => r.annee === "2024" || (r.annee === "2025" && r.trimestre === "1");
  specs.push([ROLLING_FILES.export, "E", rolling], [ROLLING_FILES.import, "I", rolling]);
  return specs;
}

beforeAll(() => {
  files = new Map(demoFiles());
  for (const [name, flux, period] of dataFileSpecs()) {
    const {text} = dataText(name, files.get(name)!);
    let previous = "";
    for (const line of crlfLines(text)) {
      rowCount++;
      if (!LINE.test(line)) {
        problems.push(`${name}: ${line}`);
        continue;
      }
      const r = parseRow(line);
      if (r.flux !== flux || !period(r)) problems.push(`${name}: période ou flux inattendu ${line}`);
      if (a129OfCpf4(r.cpf4) !== r.a129) problems.push(`${name}: A129 ${r.a129} ≠ a129OfCpf4(${r.cpf4}) ${line}`);
      const region = deptRegion.get(r.dept);
      if (region !== undefined && region !== r.region) problems.push(`${name}: deux régions pour ${r.dept}`);
      deptRegion.set(r.dept, r.region);
      const key = [r.annee, r.trimestre, r.dept, r.cpf4, r.pays].join("|");
      if (key <= previous) problems.push(`${name}: ordre ${previous} puis ${key}`);
      previous = key;
      seen.depts.add(r.dept);
      seen.countries.add(r.pays);
      seen.cpf4.add(r.cpf4);
      seen.a129.add(r.a129);
      if (r.masse === 0) zeroMasses++;
      add(periodTotals, `${r.flux}|${r.annee}${r.annee === "2025" ? "T" + r.trimestre : ""}`, r.valeur);
      if (r.dept === "10") add(aubePartners, `${r.flux}|${r.pays}|${r.annee}`, r.valeur);
      if (r.annee === "2024") {
        add(deptTotals, `${r.flux}|${r.dept}`, r.valeur);
        const uv = unitValues.get(r.cpf4) ?? [0, 0];
        uv[0] += r.valeur;
        uv[1] += r.masse;
        unitValues.set(r.cpf4, uv);
      }
    }
  }
}, 120_000);

describe("the demo's files", () => {
  it("are the customs' bulk files: annual archives, rolling files, label files, a read-me", () => {
    expect([...files.keys()]).toEqual([
      "202202_regional_2021_export.zip", "202202_regional_2021_import.zip",
      "202302_regional_2022_export.zip", "202302_regional_2022_import.zip",
      "202402_regional_2023_export.zip", "202402_regional_2023_import.zip",
      "REGIONAL_CPF4PAYSE.txt", "REGIONAL_CPF4PAYSI.txt",
      "Libelle_CPF4_rev2.1.txt", "Libelle_A129.txt", "Libelle_PAYS.txt", "Departement_region.txt",
      README_FILE
    ]);
    expect(dataText("202302_regional_2022_export.zip", files.get("202302_regional_2022_export.zip")!).entry)
      .toBe("Regional-2022-export/Region_2022_Export.txt");
    expect(dataText("202402_regional_2023_import.zip", files.get("202402_regional_2023_import.zip")!).entry)
      .toBe("Regional-2023-import/Region_2023_Import.txt");
  });

  it("have ten well-formed fields on every line, CRLF, sorted, A129 matching the CPF4", () => {
    expect(problems.slice(0, 10)).toEqual([]);
    expect(rowCount).toBeGreaterThan(500_000);
    expect(rowCount).toBeLessThanOrEqual(1_500_000);
    for (const [name, bytes] of files) {
      const text = dataText(name, bytes).text;
      expect(text.replaceAll("\r\n", "").includes("\n"), name).toBe(false);
      expect(text.includes("\uFEFF"), name).toBe(false);
    }
  });

  it("use the customs' geography and the label files' codes", () => {
    const departements = labelLines(LABEL_FILES.departements).slice(1).map((line) => line.split(";"));
    expect([...seen.depts].sort()).toEqual(departements.map((f) => f[0]).sort());
    for (const [code, , region] of departements) expect(deptRegion.get(code), code).toBe(region);
    const codesOf = (name: string) => new Set(labelLines(name).slice(1).map((line) => line.split(";")[0]));
    for (const [set, name] of [[seen.countries, LABEL_FILES.countries], [seen.cpf4, LABEL_FILES.cpf4], [seen.a129, LABEL_FILES.a129]] as const) {
      const known = codesOf(name);
      expect([...set].filter((code) => !known.has(code)), name).toEqual([]);
    }
    expect(seen.countries.has("FR")).toBe(false);
    expect(seen.countries.has("QS") && seen.countries.has("QU")).toBe(true);
  });

  it("add up to the Aube, Grand Est and France 2024 totals to the euro", () => {
    const grandEst = ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"];
    for (const [flux, flow] of [["E", "export"], ["I", "import"]] as const) {
      expect(deptTotals.get(`${flux}|10`)).toBe(CALIBRATION.departement[flow]);
      expect(grandEst.reduce((acc, d) => acc + deptTotals.get(`${flux}|${d}`)!, 0)).toBe(CALIBRATION.region[flow]);
      expect(periodTotals.get(`${flux}|2024`)).toBe(CALIBRATION.france[flow]);
      for (const small of ["20", "99", "9A", "9E"]) expect(deptTotals.get(`${flux}|${small}`), small).toBeGreaterThan(0);
    }
  });

  it("give no two départements, and no two régions, the same 2024 total, exactly or at 0.1 M€", () => {
    const regionOf = new Map(labelLines(LABEL_FILES.departements).slice(1).map((line) => line.split(";")).map((f) => [f[0], f[2]]));
    for (const flux of ["E", "I"]) {
      const depts = [...deptTotals].filter(([k]) => k.startsWith(flux)).map(([, v]) => v);
      const regions = new Map<string, number>();
      for (const [key, value] of deptTotals) if (key.startsWith(flux)) add(regions, regionOf.get(key.slice(2))!, value);
      for (const values of [depts, [...regions.values()]]) {
        expect(new Set(values).size).toBe(values.length);
        expect(new Set(values.map((v) => Math.round(v / PRINTED_UNIT))).size).toBe(values.length);
      }
      expect(depts).toHaveLength(101);
      expect(regions.size).toBe(14);
    }
  });

  it("move the Aube's top ten partners apart from 2023 to 2024 (a spread of 15 points or more)", () => {
    for (const flux of ["E", "I"]) {
      const partners = [...aubePartners].filter(([k]) => k.startsWith(flux) && k.endsWith("|2024"));
      const top = partners.sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => [k.split("|")[1], v] as const);
      const changes = top.map(([country, v2024]) => v2024 / aubePartners.get(`${flux}|${country}|2023`)! - 1);
      expect(Math.max(...changes) - Math.min(...changes), flux).toBeGreaterThanOrEqual(0.15);
      expect(Math.max(...changes.map(Math.abs)), flux).toBeLessThan(0.6);
    }
  });

  it("cover four complete years with a realistic trend, and 2025 T1 only", () => {
    const total = (key: string) => periodTotals.get(key)!;
    for (const flux of ["E", "I"]) {
      for (const year of [2021, 2022, 2023]) {
        expect(total(`${flux}|${year}`) / total(`${flux}|2024`)).toBeGreaterThan(0.75);
        expect(total(`${flux}|${year}`) / total(`${flux}|2024`)).toBeLessThan(1.2);
      }
      expect(total(`${flux}|2021`)).toBeLessThan(total(`${flux}|2022`));
      const partial = total(`${flux}|2025T1`) / total(`${flux}|2024`);
      expect(partial).toBeGreaterThan(0.2);
      expect(partial).toBeLessThan(0.3);
    }
    expect([...periodTotals.keys()].filter((k) => k.includes("2025"))).toEqual(["E|2025T1", "I|2025T1"]);
    // The 2022 energy bill: imports above 2023 and 2024, exports not.
    expect(total("I|2022")).toBeGreaterThan(total("I|2023"));
    expect(total("I|2022")).toBeGreaterThan(total("I|2024"));
    expect(total("E|2022")).toBeLessThan(total("E|2024"));
  });

  it("give plausible masses: euros per kilo by product, rare zeros, never negative", () => {
    const perKilo = (cpf4: string) => unitValues.get(cpf4)![0] / unitValues.get(cpf4)![1];
    const expected: [string, number, number][] = [
      ["0610", 0.3, 0.8], ["0111", 0.15, 0.4], ["1413", 15, 60], ["2120", 50, 200], ["3030", 1000, 5000]
    ];
    for (const [cpf4, low, high] of expected) {
      expect(perKilo(cpf4), cpf4).toBeGreaterThan(low);
      expect(perKilo(cpf4), cpf4).toBeLessThan(high);
    }
    expect(zeroMasses).toBeLessThan(rowCount * 0.005);
  });
});

describe("the label files", () => {
  const structure = /^[0-9A-Z]{2,4};("[^"]*(""[^"]*)*"|[^;"]+);\d{6};\d{6}$/;

  it("are UTF-8 without BOM, CRLF, `Code;Libellé;Début;Fin` with quoted labels holding `;`", () => {
    for (const name of [LABEL_FILES.cpf4, LABEL_FILES.a129, LABEL_FILES.countries]) {
      const bytes = files.get(name)!;
      expect([...bytes.subarray(0, 3)], name).not.toEqual([0xef, 0xbb, 0xbf]);
      const lines = labelLines(name);
      expect(lines[0]).toBe("Code;Libellé;Début;Fin");
      expect(lines.slice(1).filter((line) => !structure.test(line)), name).toEqual([]);
      expect(lines.slice(1).every((line) => line.split(";").at(-2)! <= line.split(";").at(-1)!)).toBe(true);
    }
    const cpf4 = labelLines(LABEL_FILES.cpf4);
    expect(cpf4).toContain("0111;Céréales (à l'exclusion du riz), légumineuses et oléagineux;201501;999912");
    expect(cpf4.some((line) => /^\d{4};"[^"]+ ; [^"]+";/.test(line))).toBe(true);
    expect(labelLines(LABEL_FILES.a129)).toContain("C14Z;Articles d'habillement;200901;999912");
    expect(labelLines(LABEL_FILES.a129)).toHaveLength(89);
  });

  it("give one country code two successive labels", () => {
    const xs = labelLines(LABEL_FILES.countries).filter((line) => line.startsWith("XS;"));
    expect(xs).toEqual(["XS;Serbie-et-Monténégro;200301;200605", "XS;Serbie;200606;999912"]);
    const codes = labelLines(LABEL_FILES.countries).slice(1).map((line) => line.split(";")[0]);
    for (const code of ["DE", "QS", "QU", "XC", "XL", "XK"]) expect(codes).toContain(code);
    for (const code of ["FR", "RE", "GP"]) expect(codes).not.toContain(code);
  });

  it("map the customs départements to the customs régions", () => {
    const lines = labelLines(LABEL_FILES.departements);
    expect(lines[0]).toBe("Code département;Libellé;Code région;Libellé région");
    expect(lines).toHaveLength(102);
    for (const line of ["02;Aisne;01;Hauts-de-France", "10;Aube;13;Grand Est", "20;Corse;22;Corse",
      "99;Monaco;21;Provence-Alpes-Côte d'Azur", "9D;La Réunion;24;DOM", "9E;Mayotte;24;DOM"]) {
      expect(lines).toContain(line);
    }
  });

  it("come with a read-me saying the data are synthetic", () => {
    const text = Buffer.from(files.get(README_FILE)!).toString("utf8");
    expect(text.split("\r\n")[0]).toBe("DONNÉES DE DÉMONSTRATION (SYNTHÉTIQUES)");
    expect(text).toMatch(/INVENTÉES/);
  });
});
