/**
 * The explorer's result area: while a query runs, « Requête en cours… » with
 * the elapsed time and an « Annuler » button; once it is over, what happened
 * (rows, error, refusal, cancellation). The area carries `data-state` so that
 * styles and tests can tell the states apart.
 * Pure: outcome in, element out; `document` and timers injectable; textContent only.
 */
import {cancelledMessage, formatSeconds, type RunOutcome, type RunningQuery} from "./explorer-run.js";
import {noteBanner} from "./explorer-figures.js";
import {resolveDocument} from "./figure.js";
import {formatNumber} from "./format.js";
import {MAX_ROWS} from "./explorer-sql.js";

export type ResultState = RunOutcome["kind"] | "running";

function area(doc: Document, state: ResultState): HTMLElement {
  const box = doc.createElement("div");
  box.className = "explorer-result";
  box.dataset.state = state;
  return box;
}

export interface RunningPanelOptions {
  timeLimitMs: number;
  /** The clock the query's `startedAt` was taken on. */
  now?: () => number;
  document?: Document;
  /** Stops the clock when the panel is replaced (Framework's `invalidation`). */
  invalidation?: Promise<unknown>;
}

/** « Requête en cours… 3,2 s (limite : 30 s) » and an « Annuler » button that stops the query. */
export function runningPanel(running: RunningQuery, {timeLimitMs, now = () => performance.now(), document, invalidation}: RunningPanelOptions): HTMLElement {
  const doc = resolveDocument(document);
  const box = area(doc, "running");
  const line = doc.createElement("p");
  line.className = "explorer-running";
  line.setAttribute("role", "status");
  const text = doc.createElement("span");
  text.textContent = "Requête en cours… ";
  // role="timer": read on demand, not announced at every tick.
  const clock = doc.createElement("span");
  clock.className = "explorer-elapsed";
  clock.setAttribute("role", "timer");
  const limit = doc.createElement("span");
  limit.textContent = ` (limite : ${formatSeconds(timeLimitMs)}) `;
  const cancel = doc.createElement("button");
  cancel.type = "button";
  cancel.className = "explorer-cancel";
  cancel.textContent = "Annuler";
  cancel.addEventListener("click", () => {
    running.stop("user");
    cancel.textContent = "Annulation…";
  });
  line.append(text, clock, limit, cancel);
  box.append(line);
  const tick = () => (clock.textContent = formatSeconds(Math.max(0, now() - running.startedAt)));
  tick();
  const view = doc.defaultView ?? globalThis;
  const timer = view.setInterval(tick, 100);
  void running.outcome.then(() => view.clearInterval(timer));
  void invalidation?.then(() => view.clearInterval(timer));
  return box;
}

/** « 18 lignes en 0,12 s », with the cut when the result had more than MAX_ROWS rows. */
export function resultSummary(outcome: Extract<RunOutcome, {kind: "rows"}>): string {
  const count = outcome.rows.length;
  return (
    `${formatNumber(count)} ligne${count > 1 ? "s" : ""}` +
    (outcome.cut ? ` (résultat tronqué à ${formatNumber(MAX_ROWS)} lignes)` : "") +
    ` en ${formatNumber(outcome.milliseconds / 1000, 2)}\u00a0s.`
  );
}

/**
 * What a finished query says, above its table: the summary for rows, a
 * French banner otherwise. `table` draws the rows (the page passes Inputs.table).
 */
export function outcomeView(outcome: RunOutcome, {timeLimitMs, table, document}: {timeLimitMs: number; table: (rows: Record<string, unknown>[]) => Node; document?: Document}): HTMLElement {
  const doc = resolveDocument(document);
  const box = area(doc, outcome.kind);
  switch (outcome.kind) {
    case "rows": {
      const summary = doc.createElement("p");
      summary.className = "explorer-summary";
      summary.textContent = resultSummary(outcome);
      box.append(summary, table(outcome.rows));
      break;
    }
    case "cancelled":
      box.append(
        noteBanner([{text: outcome.reason === "timeout" ? "Temps dépassé. " : "Requête annulée. ", strong: true}, {text: cancelledMessage(outcome, timeLimitMs)}], {
          document: doc,
          tone: outcome.reason === "timeout" ? "error" : "info",
          role: outcome.reason === "timeout" ? "alert" : "status"
        })
      );
      break;
    case "syntax":
    case "refused":
    case "error": {
      const heading = {syntax: "Erreur de syntaxe. ", refused: "Requête refusée. ", error: "La requête a échoué. "}[outcome.kind];
      box.append(noteBanner([{text: heading, strong: true}, {text: outcome.message}], {document: doc, tone: "error", role: "alert"}));
      break;
    }
  }
  return box;
}
