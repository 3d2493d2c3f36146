// Issue 15, « Explorer »: a runaway query (an infinite recursive CTE, a cross join of trade with itself) shows its running state, is cancelled or stopped at its time limit, and never makes later queries wait. The same in Chromium: test/e2e/explorer.test.ts.
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {cancelledMessage, QueryRunner, timeLimitFromSearch, type QueryEngine, type Row, type RunOutcome, type Timers} from "../../src/components/explorer-run.js";
import {MAX_ROWS} from "../../src/components/explorer-sql.js";

const NBSP = "\u00a0";

/**
 * A fake engine: a statement containing « sans_fin » never answers by itself
 * (like an endless recursive CTE), others answer with `rowsFor`. It records
 * what it was asked, and how many statements ever ran at once.
 */
function fakeEngine({honoursCancel = true, rowsFor = (_sql: string): Row[] => [{n: 1}]} = {}) {
  const calls: string[] = [];
  let pending: ((error: Error) => void) | undefined;
  let running = 0;
  let mostAtOnce = 0;
  const engine: QueryEngine = {
    run(sql) {
      calls.push(`run ${/FROM \(\n(.*)\n\)/s.exec(sql)?.[1] ?? sql}`);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      if (!sql.includes("sans_fin")) {
        running--;
        if (sql.includes("erreur")) return Promise.reject(new Error("Catalog Error: Table with name erreur does not exist!"));
        return Promise.resolve(rowsFor(sql));
      }
      return new Promise<Row[]>((_resolve, reject) => {
        pending = (error) => {
          running--;
          reject(error);
        };
      });
    },
    async cancel() {
      calls.push("cancel");
      if (honoursCancel) pending?.(new Error("query was canceled"));
    },
    async restart() {
      calls.push("restart");
      // The stuck statement is lost with the old engine.
      running = 0;
      pending = undefined;
    }
  };
  return {engine, calls, mostAtOnce: () => mostAtOnce};
}

const timers: Timers = {now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)};

beforeEach(() => vi.useFakeTimers({now: 0}));
afterEach(() => vi.useRealTimers());

describe("QueryRunner", () => {
  it("returns the rows, at most MAX_ROWS of them, and the time taken", async () => {
    const {engine, calls} = fakeEngine({rowsFor: () => Array.from({length: MAX_ROWS + 1}, (_, n) => ({n}))});
    const outcome = await new QueryRunner(engine, {timers}).submit("SELECT * FROM trade").outcome;
    expect(outcome).toMatchObject({kind: "rows", cut: true, milliseconds: 0});
    expect((outcome as Extract<RunOutcome, {kind: "rows"}>).rows).toHaveLength(MAX_ROWS);
    expect(calls).toEqual(["run SELECT * FROM trade"]);
  });

  it("explains an engine error in French", async () => {
    const {engine} = fakeEngine();
    const outcome = await new QueryRunner(engine, {timers}).submit("SELECT * FROM erreur").outcome;
    expect(outcome).toMatchObject({kind: "error", message: expect.stringMatching(/^Table, colonne ou fonction inconnue\. Message de DuckDB : Catalog Error/)});
  });

  it("refuses a write and reports a typo without asking the engine", async () => {
    const {engine, calls} = fakeEngine();
    const runner = new QueryRunner(engine, {timers});
    expect(await runner.submit("DROP TABLE trade").outcome).toMatchObject({kind: "refused", message: expect.stringMatching(/lecture seule/)});
    expect(await runner.submit("SELEC 1").outcome).toMatchObject({kind: "syntax", message: expect.stringMatching(/« SELECT »/)});
    expect(calls).toEqual([]);
  });

  it("stops a query when the reader cancels it", async () => {
    const {engine, calls} = fakeEngine();
    const running = new QueryRunner(engine, {timers}).submit("WITH RECURSIVE sans_fin AS (SELECT 1) SELECT * FROM sans_fin");
    await vi.advanceTimersByTimeAsync(2_500);
    running.stop("user");
    expect(await running.outcome).toEqual({kind: "cancelled", reason: "user", milliseconds: 2_500, restarted: false});
    expect(calls.slice(1)).toEqual(["cancel"]);
  });

  it("stops a query at the time limit", async () => {
    const {engine} = fakeEngine();
    const running = new QueryRunner(engine, {timers, timeLimitMs: 5_000}).submit("SELECT * FROM sans_fin");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await running.outcome).toEqual({kind: "cancelled", reason: "timeout", milliseconds: 5_000, restarted: false});
  });

  it("stops the running query before the next one, which never waits behind it", async () => {
    const {engine, calls, mostAtOnce} = fakeEngine();
    const runner = new QueryRunner(engine, {timers});
    const first = runner.submit("SELECT * FROM sans_fin");
    await vi.advanceTimersByTimeAsync(1_000);
    const second = runner.submit("SELECT 42");
    expect(await first.outcome).toMatchObject({kind: "cancelled", reason: "superseded"});
    expect(await second.outcome).toMatchObject({kind: "rows", rows: [{n: 1}]});
    expect(calls).toEqual(["run SELECT * FROM sans_fin", "cancel", "run SELECT 42"]);
    expect(mostAtOnce()).toBe(1);
    // A refused query also stops the one running.
    const third = runner.submit("SELECT * FROM sans_fin");
    await vi.advanceTimersByTimeAsync(10);
    runner.submit("DROP TABLE trade");
    expect(await third.outcome).toMatchObject({kind: "cancelled", reason: "superseded"});
  });

  it("replaces an engine that does not honour the cancel, then runs the next query", async () => {
    const {engine, calls} = fakeEngine({honoursCancel: false});
    const runner = new QueryRunner(engine, {timers, timeLimitMs: 4_000, cancelGraceMs: 3_000});
    const stuck = runner.submit("SELECT * FROM sans_fin");
    await vi.advanceTimersByTimeAsync(7_000);
    expect(await stuck.outcome).toEqual({kind: "cancelled", reason: "timeout", milliseconds: 7_000, restarted: true});
    expect(await runner.submit("SELECT 1").outcome).toMatchObject({kind: "rows"});
    expect(calls).toEqual(["run SELECT * FROM sans_fin", "cancel", "restart", "run SELECT 1"]);
  });

  it("says what stopped the query, in French", () => {
    expect(cancelledMessage({kind: "cancelled", reason: "timeout", milliseconds: 30_004, restarted: false}, 30_000)).toMatch(
      new RegExp(`^Requête arrêtée : elle dépassait la limite de 30${NBSP}s\\. Ajoutez des filtres`)
    );
    expect(cancelledMessage({kind: "cancelled", reason: "user", milliseconds: 2_140, restarted: false}, 30_000)).toBe(
      `Requête annulée après 2,1${NBSP}s. Vous pouvez en lancer une autre.`
    );
    expect(cancelledMessage({kind: "cancelled", reason: "user", milliseconds: 4_000, restarted: true}, 30_000)).toMatch(/redémarré et les tables rechargées\.$/);
  });
});

describe("timeLimitFromSearch", () => {
  it("reads ?limite= in seconds, within 1 to 600, else 30 s", () => {
    expect(timeLimitFromSearch("")).toBe(30_000);
    expect(timeLimitFromSearch("?limite=2")).toBe(2_000);
    expect(timeLimitFromSearch("?limite=1,5")).toBe(1_500);
    expect(timeLimitFromSearch("?limite=120&x=1")).toBe(120_000);
    for (const bad of ["?limite=0", "?limite=-3", "?limite=601", "?limite=abc", "?limite="]) expect(timeLimitFromSearch(bad), bad).toBe(30_000);
  });
});

describe("QueryRunner, several queries submitted while one is stuck", () => {
  it("skips the queries replaced before they started, restarts the engine once, and runs the last one", async () => {
    const {engine, calls} = fakeEngine({honoursCancel: false});
    const runner = new QueryRunner(engine, {timers, cancelGraceMs: 3_000});
    const stuck = runner.submit("SELECT * FROM sans_fin");
    await vi.advanceTimersByTimeAsync(100);
    const skipped = runner.submit("SELECT 2");
    const last = runner.submit("SELECT 3");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await stuck.outcome).toMatchObject({kind: "cancelled", reason: "superseded", restarted: true});
    expect(await skipped.outcome).toMatchObject({kind: "cancelled", reason: "superseded", restarted: false});
    expect(await last.outcome).toMatchObject({kind: "rows"});
    expect(calls).toEqual(["run SELECT * FROM sans_fin", "cancel", "restart", "run SELECT 3"]);
  });
});
