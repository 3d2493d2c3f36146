/**
 * The year the site shows: the latest complete one, or TRADE_YEAR when it names
 * a complete year of the source; anything else is refused before any figure.
 */
import {describe, expect, it} from "vitest";
import {findCompleteYears, requestedYear, withShownYear} from "../../../src/data/douanes/complete-years.js";
import {runPipeline} from "../../../src/data/douanes/run-pipeline.js";
import {listLocalInputs} from "../../../src/data/douanes/source.js";
import {bulkText, tempDir, utf8, writeFolder, type BulkLine} from "./fixtures.js";

const quarters = (year: number, qs: number[]) => qs.map((quarter) => ({year, quarter}));
const coverage = findCompleteYears([...quarters(2022, [1, 2, 3, 4]), ...quarters(2023, [1, 2, 3, 4]), ...quarters(2024, [1, 2])]);

describe("TRADE_YEAR", () => {
  it("defaults to the latest complete year", () => {
    expect(requestedYear({})).toBeUndefined();
    expect(requestedYear({TRADE_YEAR: " "})).toBeUndefined();
    expect(withShownYear(coverage, undefined).shownYear).toBe(2023);
  });

  it("shows an earlier complete year when asked", () => {
    expect(withShownYear(coverage, requestedYear({TRADE_YEAR: "2022"}))).toEqual({...coverage, shownYear: 2022});
  });

  it("refuses an incomplete year, a year absent from the source and a malformed value, saying which years would do", () => {
    expect(() => withShownYear(coverage, 2024)).toThrow("TRADE_YEAR=2024 : année incomplète dans la source (trimestres 1, 2 seulement) ; années complètes de la source : 2022, 2023.");
    expect(() => withShownYear(coverage, 2019)).toThrow("TRADE_YEAR=2019 : année absente de la source ; années complètes de la source : 2022, 2023.");
    expect(() => requestedYear({TRADE_YEAR: "24"})).toThrow(/TRADE_YEAR="24" : une année sur quatre chiffres est attendue/);
  });

  it("is what a whole run publishes as the year shown", async () => {
    const line = (year: number, quarter: number): BulkLine => ({flow: "E", quarter, year, dept: "10", region: "13", a129: "C14Z", cpf4: "1413", country: "DE", value: 100 * year, mass: 5});
    const lines = [2023, 2024].flatMap((year) => [1, 2, 3, 4].map((quarter) => line(year, quarter)));
    // Both flows: a source without imports would be incomplete (completeness.ts).
    const folder = await writeFolder({"REGIONAL_CPF4PAYSE.txt": utf8(bulkText(lines)), "REGIONAL_CPF4PAYSI.txt": utf8(bulkText(lines.map((l) => ({...l, flow: "I"}))))});
    const plan = {mode: "path" as const, synthetic: false, description: "test", inputs: await listLocalInputs(folder)};
    expect((await runPipeline(plan, await tempDir("douanes-out-"))).shownYear).toBe(2024);
    const manifest = await runPipeline(plan, await tempDir("douanes-out-"), {year: 2023});
    expect(manifest.shownYear).toBe(2023);
    expect(manifest.years.completeYears).toEqual([2023, 2024]);
    await expect(runPipeline(plan, await tempDir("douanes-out-"), {year: 2025})).rejects.toThrow(/TRADE_YEAR=2025 : année absente de la source/);
  });
});
