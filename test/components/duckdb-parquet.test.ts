/**
 * The browser's Parquet path, run in Node: a Parquet file written by the
 * loaders' DuckDB (node-api) → hyparquet → Arrow → DuckDB-WASM (the same
 * engine as in the browser, blocking Node build) → prepared statement → plain rows.
 */
import {createRequire} from "node:module";
import * as duckdb from "@duckdb/duckdb-wasm/blocking";
import * as arrow from "apache-arrow";
import {beforeAll, describe, expect, test} from "vitest";
import {tableToRows, toPlainValue} from "../../src/components/arrow-rows.js";
import {parquetToArrow} from "../../src/components/parquet-to-arrow.js";
import {copyToParquet, withDuckDB} from "../../src/data/parquet-output.js";

const require = createRequire(import.meta.url);

/** A file with every column type the project's tables use, nulls included. */
async function sampleParquet(): Promise<ArrayBuffer> {
  const bytes = await withDuckDB((connection) =>
    copyToParquet(
      connection,
      `SELECT * FROM (VALUES
        (2024::SMALLINT, 1::TINYINT, 'export', '2A', 1822.345::DOUBLE, 123456789012::BIGINT, true, DATE '2024-03-31', 12.5::DECIMAL(12,3)),
        (2024::SMALLINT, 4::TINYINT, 'import', 'Réunion', NULL, NULL, NULL, NULL, NULL)
      ) AS t(year, quarter, flow, dept, value_eur, big, flag, day, amount)`
    )
  );
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

let table: arrow.Table;

beforeAll(async () => {
  table = await parquetToArrow(await sampleParquet());
});

describe("parquetToArrow", () => {
  test("keeps the Parquet column types instead of widening everything to doubles", () => {
    const types = Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]));
    expect(types).toEqual({
      year: "Int16",
      quarter: "Int8",
      flow: "Utf8",
      dept: "Utf8",
      value_eur: "Float64",
      big: "Int64",
      flag: "Bool",
      day: "Date32<DAY>",
      amount: "Float64"
    });
  });

  test("keeps values and nulls, accented text included", () => {
    const rows = tableToRows<Record<string, unknown>>(table);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({year: 2024, quarter: 1, flow: "export", dept: "2A", value_eur: 1822.345, big: 123456789012, flag: true, amount: 12.5});
    expect(rows[1]).toMatchObject({dept: "Réunion", value_eur: null, big: null, flag: null, day: null});
  });
});

describe("toPlainValue", () => {
  test("turns BigInt, lists and structs into plain JavaScript", () => {
    expect(toPlainValue(12n)).toBe(12);
    const list = arrow.vectorFromArray([1, 2, 3], new arrow.Int32());
    expect(toPlainValue(list)).toEqual([1, 2, 3]);
    expect(toPlainValue({a: 1n, b: [2n]})).toEqual({a: 1, b: [2]});
  });
});

describe("DuckDB-WASM over the decoded table", () => {
  test("inserts it and answers a prepared statement with bound parameters", async () => {
    const bundles = {
      mvp: {
        mainModule: require.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
        mainWorker: require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs")
      },
      eh: {
        mainModule: require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
        mainWorker: require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs")
      }
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    db.open({query: {castBigIntToDouble: true}});
    const connection = db.connect();
    try {
      // As in src/components/duckdb.ts: IPC bytes, independent of which apache-arrow copy built the table.
      connection.insertArrowFromIPCStream(arrow.tableToIPC(table, "stream"), {name: "sample", create: true});
      const described = tableToRows<{column_name: string; column_type: string}>(connection.query("DESCRIBE sample"));
      expect(described.find((c) => c.column_name === "year")?.column_type).toBe("SMALLINT");
      const statement = connection.prepare("SELECT dept, year + quarter AS total, big FROM sample WHERE flow = ? AND dept = ?");
      // A value that would break a concatenated query is just a non-matching parameter.
      expect(tableToRows(statement.query("export", "2A' OR '1'='1"))).toEqual([]);
      expect(tableToRows(statement.query("export", "2A"))).toEqual([{dept: "2A", total: 2025, big: 123456789012}]);
      statement.close();
    } finally {
      connection.close();
    }
  });
});
