/**
 * Facts go straight into DuckDB, in columns, 2 048 rows per data chunk: no
 * array of row objects ever holds the millions of rows. The staging table
 * keeps where each value came from (file, line) so that duplicates can be
 * reported with their origin.
 */
import {DOUBLE, INTEGER, SMALLINT, TINYINT, UTINYINT, VARCHAR, DuckDBDataChunk, type DuckDBAppender, type DuckDBConnection} from "@duckdb/node-api";
import type {Flow} from "../canonical.ts";
import type {TableKind} from "./records.ts";

export const KIND_CODES: Record<TableKind, number> = {crossed: 0, products: 1, countries: 2};

export const STAGING_DDL = `CREATE TABLE staged (
  kind UTINYINT, file_id INTEGER, row_no INTEGER, year SMALLINT, quarter TINYINT,
  flow VARCHAR, dept VARCHAR, product VARCHAR, country VARCHAR, value_eur DOUBLE)`;

const TYPES = [UTINYINT, INTEGER, INTEGER, SMALLINT, TINYINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE];
const CHUNK_ROWS = 2048;

export class StagingWriter {
  private readonly columns: (number | string)[][] = TYPES.map(() => []);
  private size = 0;
  rowCount = 0;

  private constructor(private readonly appender: DuckDBAppender) {}

  static async open(connection: DuckDBConnection): Promise<StagingWriter> {
    await connection.run(STAGING_DDL);
    return new StagingWriter(await connection.createAppender("staged"));
  }

  add(kind: TableKind, fileId: number, row: number, year: number, quarter: number, flow: Flow, dept: string, product: string, country: string, euros: number): void {
    const c = this.columns;
    c[0].push(KIND_CODES[kind]);
    c[1].push(fileId);
    c[2].push(row);
    c[3].push(year);
    c[4].push(quarter);
    c[5].push(flow);
    c[6].push(dept);
    c[7].push(product);
    c[8].push(country);
    c[9].push(euros);
    if (++this.size === CHUNK_ROWS) this.flush();
  }

  private flush(): void {
    if (this.size === 0) return;
    const chunk = DuckDBDataChunk.create(TYPES, this.size);
    for (let i = 0; i < TYPES.length; i++) {
      chunk.setColumnValues(i, this.columns[i]);
      this.columns[i] = [];
    }
    this.appender.appendDataChunk(chunk);
    this.rowCount += this.size;
    this.size = 0;
  }

  close(): void {
    this.flush();
    this.appender.flushSync();
    this.appender.closeSync();
  }
}
