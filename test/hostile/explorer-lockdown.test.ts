/**
 * The explorer's database, once locked down, refuses files and URLs even for
 * SQL the text guard would let through, and cannot be unlocked.
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {LOCKDOWN_STATEMENTS} from "../../src/components/explorer-sql.js";

describe("explorer lockdown", () => {
  it("refuses file access and any change of the setting, while the loaded tables stay readable", async () => {
    const folder = mkdtempSync(join(tmpdir(), "explorer-lockdown-"));
    const secret = join(folder, "secret.csv");
    writeFileSync(secret, "a\n1\n");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run("CREATE TABLE trade AS SELECT 10 AS dept, 1822300000.0 AS value_eur");
      // Before: a file function works (the protection below is what stops it).
      await expect(connection.run(`SELECT * FROM read_csv('${secret}')`)).resolves.toBeDefined();
      for (const statement of LOCKDOWN_STATEMENTS) await connection.run(statement);
      await expect(connection.run(`SELECT * FROM read_csv('${secret}')`)).rejects.toThrow(/disabled by configuration/);
      await expect(connection.run(`COPY trade TO '${join(folder, "out.csv")}'`)).rejects.toThrow(/disabled by configuration/);
      await expect(connection.run(`ATTACH '${join(folder, "x.duckdb")}'`)).rejects.toThrow(/disabled by configuration/);
      await expect(connection.run("SET enable_external_access = true")).rejects.toThrow(/Cannot change configuration option/);
      // The explorer runs the reader's SQL on a connection of its own, opened after the lockdown: it is locked too.
      const own = await instance.connect();
      try {
        await expect(own.run(`SELECT * FROM read_csv('${secret}')`)).rejects.toThrow(/disabled by configuration/);
        await expect(own.run("SET enable_external_access = true")).rejects.toThrow(/Cannot change configuration option/);
      } finally {
        own.closeSync();
      }
      const rows = (await connection.runAndReadAll("SELECT sum(value_eur) AS total FROM trade")).getRowObjectsJS();
      expect(rows).toEqual([{total: 1822300000}]);
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, {recursive: true, force: true});
    }
  });
});
