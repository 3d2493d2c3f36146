import {describe, expect, it} from "vitest";
import {checkReadOnlySql, explainError, limitRows, maskSql, nearestWord} from "../../src/components/explorer-sql.js";

const accepted = (sql: string) => checkReadOnlySql(sql).ok;
const message = (sql: string) => {
  const result = checkReadOnlySql(sql);
  return result.ok ? "" : result.message;
};

describe("checkReadOnlySql", () => {
  it("accepts one reading statement, and drops the trailing semicolon", () => {
    for (const sql of [
      "SELECT * FROM trade LIMIT 5",
      "  with t AS (SELECT 1) SELECT * FROM t;",
      "DESCRIBE trade",
      "SHOW TABLES",
      "SUMMARIZE overview",
      "EXPLAIN SELECT 1",
      "(SELECT 1) UNION (SELECT 2)",
      "SELECT 'COPY; DROP TABLE trade' AS text -- a comment with ; DELETE\n",
      "SELECT \"set\" FROM (SELECT 1 AS \"set\")",
      "FROM trade LIMIT 5",
      "VALUES (1, 'a'), (2, 'b')",
      "TABLE trade",
      "PIVOT trade ON flow USING sum(value_eur)"
    ]) {
      expect(accepted(sql), sql).toBe(true);
    }
    expect(checkReadOnlySql("SELECT 1;;  ")).toEqual({ok: true, sql: "SELECT 1"});
  });

  it("refuses writes, settings, extensions and several statements, in French", () => {
    expect(message("")).toMatch(/vide/);
    expect(message("DROP TABLE trade")).toMatch(/^Instruction refusée \(« DROP »\)/);
    expect(message("INSERT INTO trade VALUES (1)")).toMatch(/lecture seule/);
    expect(message("SELECT 1; DROP TABLE trade")).toMatch(/Une seule instruction/);
    expect(message("SELECT 1; SELECT 2")).toMatch(/Une seule instruction/);
    for (const word of ["COPY", "ATTACH", "INSTALL", "LOAD", "PRAGMA", "SET"]) {
      expect(message(`${word} something`)).toMatch(/^Instruction refusée/);
    }
    expect(message("WITH x AS (SELECT 1) INSERT INTO trade SELECT * FROM x")).toMatch(/« INSERT »/);
    expect(message("SELECT * FROM (COPY trade TO 'x.csv')")).toMatch(/« COPY »/);
    expect(message("SELECT 1 /* unterminated")).toMatch(/non fermé/);
    expect(message("SELECT 'oops")).toMatch(/non fermée/);
  });

  it("refuses reading files and URLs", () => {
    expect(message("SELECT * FROM read_csv('https://example.org/x.csv')")).toMatch(/« read_csv »/);
    expect(message("SELECT * FROM READ_PARQUET('x.parquet')")).toMatch(/read_parquet/i);
    expect(message("SELECT * FROM parquet_scan('x')")).toMatch(/parquet_scan/);
    expect(message("SELECT * FROM glob('*')")).toMatch(/glob/);
    expect(message("SELECT * FROM 'https://example.org/data.parquet'")).toMatch(/Lecture de fichier refusée/);
    expect(message("SELECT * FROM trade JOIN 'x.csv' USING (dept)")).toMatch(/Lecture de fichier refusée/);
  });
});

describe("typos and writes", () => {
  const kind = (sql: string) => {
    const result = checkReadOnlySql(sql);
    return result.ok ? "ok" : result.kind;
  };

  it("reports a misspelled first word as a syntax error, with the word it resembles", () => {
    expect(kind("SELEC * FROM trade")).toBe("syntax");
    expect(message("SELEC * FROM trade")).toBe(
      "« SELEC » n'est pas le début d'une instruction SQL ; vouliez-vous écrire « SELECT » ? " +
        "Une requête commence par SELECT, WITH, FROM, VALUES, TABLE, PIVOT, UNPIVOT, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN."
    );
    expect(message("slect 1")).toMatch(/« SELECT »/);
    expect(message("WTIH t AS (SELECT 1) SELECT * FROM t")).toMatch(/« WITH »/);
    expect(message("FORM trade")).toMatch(/« FROM »/);
    expect(message("bonjour")).toMatch(/^« BONJOUR » n'est pas le début d'une instruction SQL\. /);
    expect(kind("* FROM trade")).toBe("syntax");
    expect(message("* FROM trade")).toMatch(/^« \* »/);
    expect(kind("SELECT 'oops")).toBe("syntax");
    expect(message("SELEC * FROM trade")).not.toMatch(/lecture seule/);
  });

  it("keeps the read-only refusal for real writes and other statements", () => {
    for (const sql of ["DROP TABLE trade", "INSERT INTO trade VALUES (1)", "UPDATE trade SET value_eur = 0", "BEGIN TRANSACTION", "CHECKPOINT", "PREPARE p AS SELECT 1"]) {
      expect(kind(sql), sql).toBe("refused");
      expect(message(sql), sql).toMatch(/lecture seule/);
    }
    expect(kind("SELECT 1; SELECT 2")).toBe("refused");
    expect(kind("")).toBe("refused");
  });

  it("suggests only a word within two edits", () => {
    expect(nearestWord("SELEC", ["SELECT", "WITH"])).toBe("SELECT");
    expect(nearestWord("DESCRIB", ["SELECT", "DESCRIBE"])).toBe("DESCRIBE");
    expect(nearestWord("BONJOUR", ["SELECT", "WITH"])).toBeUndefined();
  });
});

describe("maskSql", () => {
  it("blanks literals and comments, keeping positions", () => {
    const sql = "SELECT 'it''s' -- x\nFROM \"t\" /* y */";
    const {masked} = maskSql(sql);
    expect(masked).toHaveLength(sql.length);
    expect(masked).not.toContain("it");
    expect(masked).toContain("FROM");
  });
});

describe("limitRows", () => {
  it("wraps SELECT and WITH, leaves DESCRIBE alone", () => {
    expect(limitRows("SELECT * FROM trade", 11)).toBe("SELECT * FROM (\nSELECT * FROM trade\n) AS resultat LIMIT 11");
    expect(limitRows("with a as (select 1) select * from a", 3)).toMatch(/LIMIT 3$/);
    expect(limitRows("DESCRIBE trade")).toBe("DESCRIBE trade");
    expect(limitRows("FROM trade", 2)).toBe("SELECT * FROM (\nFROM trade\n) AS resultat LIMIT 2");
  });
});

describe("explainError", () => {
  it("puts a French explanation before DuckDB's message", () => {
    expect(explainError(new Error("Catalog Error: Table with name x does not exist!"))).toBe(
      "Table, colonne ou fonction inconnue. Message de DuckDB : Catalog Error: Table with name x does not exist!"
    );
    expect(explainError("Parser Error: syntax error at or near \"SELEC\"")).toMatch(/^Erreur de syntaxe SQL/);
    expect(explainError(new Error("boom"))).toMatch(/^Erreur à l'exécution/);
  });
});
