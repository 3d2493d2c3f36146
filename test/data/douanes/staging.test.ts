/**
 * Staging through a temporary CSV (the step after the table readers): every
 * text survives the round trip into DuckDB — separators, quotes, line breaks,
 * backslashes, the CSV's own NULL marker, empty strings — and amounts stay
 * exact.
 */
import {describe, expect, it} from "vitest";
import {withDuckDB} from "../../../src/data/parquet-output.js";
import {StagingWriter} from "../../../src/data/douanes/staging.js";

describe("staging writer", () => {
  it("loads odd texts and exact amounts unchanged", async () => {
    const products = ["14.13", "a,b", 'x"y', "ligne\nsuivante", "\\N", "C:\\chemin", "", "Œuvre — €"];
    const rows = await withDuckDB(async (connection) => {
      const writer = await StagingWriter.open(connection);
      products.forEach((product, i) => writer.add("crossed", 3, i + 2, 2024, 4, "export", "2A", product, "", 1_234_567_890_123 + i));
      writer.add("products", 0, 9, 2023, 1, "import", "971", "01.11", "", 0.001);
      await writer.close();
      expect(writer.rowCount).toBe(products.length + 1);
      return (await connection.runAndReadAll("SELECT kind, file_id, row_no, year, quarter, flow, dept, product, country, value_eur FROM staged ORDER BY row_no")).getRows();
    });
    expect(rows.slice(0, products.length).map((r) => r[7])).toEqual(products);
    expect(rows[0]).toEqual([0, 3, 2, 2024, 4, "export", "2A", "14.13", "", 1_234_567_890_123]);
    expect(rows.every((r) => r[8] === "")).toBe(true); // empty, not NULL
    expect(rows.at(-1)).toEqual([1, 0, 9, 2023, 1, "import", "971", "01.11", "", 0.001]);
  });
});
