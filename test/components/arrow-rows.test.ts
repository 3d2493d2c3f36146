import {describe, expect, it} from "vitest";
import {withWasm} from "./engines.js";

describe("tableToRows (through DuckDB-WASM)", () => {
  it("hands dates and timestamps over as Date, times as text, DECIMAL and BIGINT as numbers", async () => {
    const [row] = await withWasm((engine) =>
      engine.run<Record<string, unknown>>(
        "SELECT DATE '2024-03-31' AS jour, TIMESTAMP '2024-03-31 14:05:00' AS instant, TIME '10:30:15' AS heure, " +
          "CAST(-12.5 AS DECIMAL(9, 2)) AS montant, CAST(2023 AS SMALLINT) AS year, CAST(123456789012 AS BIGINT) AS grand, NULL::DATE AS vide",
        []
      )
    );
    expect(row).toEqual({
      jour: new Date(Date.UTC(2024, 2, 31)),
      instant: new Date(Date.UTC(2024, 2, 31, 14, 5)),
      heure: "10:30:15",
      montant: -12.5,
      year: 2023,
      grand: 123456789012,
      vide: null
    });
  });
});
