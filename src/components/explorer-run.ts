/**
 * Running the explorer's queries one at a time, each with a time limit and a
 * way to stop it, so that no runaway query (an endless recursive CTE, a cross
 * join of a million rows with itself) holds the page.
 *
 * The engine is injected (the page passes DuckDB-WASM, tests a fake):
 * `cancel()` asks it to stop the running query, which DuckDB-WASM honours
 * between two slices of work; if the query has not stopped after a grace
 * period (the engine is stuck inside one slice), `restart()` replaces the
 * engine, and the runner stops waiting for the lost query. A new query first
 * stops the one still running: later queries never queue behind it.
 *
 * Pure: no DOM, no DuckDB; timers and clock injectable.
 */
import {checkReadOnlySql, explainError, limitRows, MAX_ROWS} from "./explorer-sql.js";
import {formatNumber} from "./format.js";

export type Row = Record<string, unknown>;

export interface QueryEngine {
  /** Runs one statement and returns its rows. */
  run(sql: string): Promise<Row[]>;
  /** Asks the engine to stop the running statement (its `run` then rejects). */
  cancel(): Promise<unknown>;
  /** Replaces an engine that did not stop (tables loaded again). */
  restart(): Promise<void>;
}

export type StopReason = "user" | "timeout" | "superseded";

export type RunOutcome =
  | {kind: "rows"; rows: Row[]; cut: boolean; milliseconds: number}
  | {kind: "refused" | "syntax"; message: string}
  | {kind: "error"; message: string; milliseconds: number}
  | {kind: "cancelled"; reason: StopReason; milliseconds: number; restarted: boolean};

export interface RunningQuery {
  /** When the query started, on the runner's clock (milliseconds). */
  readonly startedAt: number;
  readonly outcome: Promise<RunOutcome>;
  /** Stops the query (does nothing once it has finished). */
  stop(reason?: StopReason): void;
}

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, milliseconds) => globalThis.setTimeout(callback, milliseconds),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export const DEFAULT_TIME_LIMIT_MS = 30_000;
/** How long a cancelled query may take to stop before the engine is replaced. */
export const DEFAULT_CANCEL_GRACE_MS = 3_000;

export interface RunnerOptions {
  timeLimitMs?: number;
  cancelGraceMs?: number;
  timers?: Timers;
}

export class QueryRunner {
  readonly timeLimitMs: number;
  private readonly cancelGraceMs: number;
  private readonly timers: Timers;
  private current: RunningQuery | undefined;
  /** Settles when the engine is free: the last query has finished, or its engine has been replaced. */
  private idle: Promise<unknown> = Promise.resolve();

  constructor(private readonly engine: QueryEngine, {timeLimitMs = DEFAULT_TIME_LIMIT_MS, cancelGraceMs = DEFAULT_CANCEL_GRACE_MS, timers = realTimers}: RunnerOptions = {}) {
    this.timeLimitMs = timeLimitMs;
    this.cancelGraceMs = cancelGraceMs;
    this.timers = timers;
  }

  /** Stops the running query, if any. */
  cancel(reason: StopReason = "user"): void {
    this.current?.stop(reason);
  }

  /**
   * Checks `sql` with the read-only guard, stops the query still running,
   * then runs this one (at most MAX_ROWS rows kept).
   */
  submit(sql: string): RunningQuery {
    this.cancel("superseded");
    const checked = checkReadOnlySql(sql);
    if (!checked.ok) {
      const outcome: RunOutcome = {kind: checked.kind, message: checked.message};
      return {startedAt: this.timers.now(), outcome: Promise.resolve(outcome), stop() {}};
    }
    const running = this.start(limitRows(checked.sql));
    this.current = running;
    return running;
  }

  private start(sql: string): RunningQuery {
    const {timers, engine} = this;
    const startedAt = timers.now();
    const elapsed = () => timers.now() - startedAt;
    let stopped: StopReason | undefined;
    let finished = false;
    let settle!: (outcome: RunOutcome) => void;
    const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
    const handles: unknown[] = [];
    const finish = (result: RunOutcome) => {
      if (finished) return;
      finished = true;
      handles.forEach((handle) => timers.clearTimeout(handle));
      settle(result);
    };

    // Wait for the previous query to stop (or the engine to be replaced) before sending this one.
    const previous = this.idle;
    let started = false;
    const work = previous.then(() => {
      if (stopped) throw new Error("stopped before it started");
      started = true;
      return engine.run(sql);
    });
    void work.then(
      (rows) => finish(stopped ? cancelled(false) : {kind: "rows", rows: rows.slice(0, MAX_ROWS), cut: rows.length > MAX_ROWS, milliseconds: elapsed()}),
      (error: unknown) => finish(stopped ? cancelled(false) : {kind: "error", message: explainError(error), milliseconds: elapsed()})
    );
    this.idle = outcome;

    function cancelled(restarted: boolean): RunOutcome {
      return {kind: "cancelled", reason: stopped!, milliseconds: elapsed(), restarted};
    }

    const stop = (reason: StopReason = "user") => {
      if (finished || stopped) return;
      stopped = reason;
      // Not started yet (still waiting for the previous query): it will not start at all.
      if (!started) return;
      void engine.cancel().catch(() => {});
      handles.push(
        timers.setTimeout(() => {
          if (finished) return;
          // The engine did not honour the cancel: replace it, and stop waiting for the lost query.
          void engine.restart().then(
            () => finish(cancelled(true)),
            (error: unknown) => finish({kind: "error", message: `Le moteur n'a pas pu redémarrer : ${explainError(error)}`, milliseconds: elapsed()})
          );
        }, this.cancelGraceMs)
      );
    };
    handles.push(timers.setTimeout(() => stop("timeout"), this.timeLimitMs));
    return {startedAt, outcome, stop};
  }
}

/** Seconds written the French way: 1234.5 ms → "1,2 s". */
export function formatSeconds(milliseconds: number): string {
  return `${formatNumber(milliseconds / 1000, milliseconds < 10_000 ? 1 : 0)}\u00a0s`;
}

/** What the reader is told when a query was stopped. */
export function cancelledMessage(outcome: Extract<RunOutcome, {kind: "cancelled"}>, timeLimitMs: number): string {
  const after = formatSeconds(outcome.milliseconds);
  const restarted = outcome.restarted ? " Le moteur ne répondait plus : il a été redémarré et les tables rechargées." : "";
  if (outcome.reason === "timeout") {
    return (
      `Requête arrêtée : elle dépassait la limite de ${formatSeconds(timeLimitMs)}. ` +
      "Ajoutez des filtres (WHERE), une agrégation (GROUP BY) ou une limite (LIMIT), ou vérifiez qu'une requête récursive s'arrête." +
      restarted
    );
  }
  if (outcome.reason === "superseded") return `Requête remplacée par la suivante après ${after}.${restarted}`;
  return `Requête annulée après ${after}. Vous pouvez en lancer une autre.${restarted}`;
}

/** Bounds for a time limit given in the page's address (seconds). */
const TIME_LIMIT_BOUNDS = {min: 1, max: 600} as const;

/**
 * The time limit from the page's query string (`?limite=5`, seconds, 1 to
 * 600), or DEFAULT_TIME_LIMIT_MS: lets a reader allow a long query, and a
 * test reach the limit without waiting 30 s.
 */
export function timeLimitFromSearch(search: string): number {
  const raw = new URLSearchParams(search).get("limite");
  const seconds = raw === null ? NaN : Number(raw.replace(",", "."));
  if (!Number.isFinite(seconds) || seconds < TIME_LIMIT_BOUNDS.min || seconds > TIME_LIMIT_BOUNDS.max) return DEFAULT_TIME_LIMIT_MS;
  return Math.round(seconds * 1000);
}
