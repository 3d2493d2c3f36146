// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {outcomeView, resultSummary, runningPanel} from "../../src/components/explorer-result.js";
import type {RunningQuery, RunOutcome, StopReason} from "../../src/components/explorer-run.js";
import {HOSTILE} from "./fixtures.js";

const NBSP = "\u00a0";
const table = (rows: Record<string, unknown>[]) => {
  const t = document.createElement("table");
  t.dataset.rows = String(rows.length);
  return t;
};

describe("runningPanel", () => {
  it("shows the running state with the elapsed time and the limit, and its button stops the query", async () => {
    const stops: StopReason[] = [];
    let finish!: (outcome: RunOutcome) => void;
    const running: RunningQuery = {startedAt: 1_000, outcome: new Promise((resolve) => (finish = resolve)), stop: (reason = "user") => void stops.push(reason)};
    const panel = runningPanel(running, {timeLimitMs: 30_000, now: () => 4_250, document});
    expect(panel.dataset.state).toBe("running");
    expect(panel.querySelector("[role='status']")?.textContent).toBe(`Requête en cours… 3,3${NBSP}s (limite : 30${NBSP}s) Annuler`);
    const button = panel.querySelector("button")!;
    button.click();
    expect(stops).toEqual(["user"]);
    expect(button.textContent).toBe("Annulation…");
    finish({kind: "cancelled", reason: "user", milliseconds: 3_300, restarted: false});
  });
});

describe("outcomeView", () => {
  const view = (outcome: RunOutcome) => outcomeView(outcome, {timeLimitMs: 2_000, table, document});

  it("puts the summary above the rows", () => {
    const box = view({kind: "rows", rows: [{a: 1}, {a: 2}], cut: false, milliseconds: 123});
    expect(box.dataset.state).toBe("rows");
    expect(box.querySelector(".explorer-summary")?.textContent).toBe(`2 lignes en 0,12${NBSP}s.`);
    expect(box.querySelector("table")?.dataset.rows).toBe("2");
    expect(resultSummary({kind: "rows", rows: [{a: 1}], cut: true, milliseconds: 10})).toMatch(/^1 ligne \(résultat tronqué à 5\u202f000 lignes\)/);
  });

  it("says that the time limit stopped the query, as an alert", () => {
    const box = view({kind: "cancelled", reason: "timeout", milliseconds: 2_010, restarted: false});
    expect(box.dataset.state).toBe("cancelled");
    expect(box.querySelector("[role='alert']")?.textContent).toMatch(new RegExp(`^Temps dépassé\\. Requête arrêtée : elle dépassait la limite de 2,0${NBSP}s\\.`));
  });

  it("tells a syntax error from a refusal and from an engine error, message as text", () => {
    expect(view({kind: "syntax", message: "« SELEC » …"}).textContent).toBe("Erreur de syntaxe. « SELEC » …");
    expect(view({kind: "refused", message: "lecture seule"}).textContent).toBe("Requête refusée. lecture seule");
    const error = view({kind: "error", message: HOSTILE, milliseconds: 5});
    expect(error.textContent).toBe(`La requête a échoué. ${HOSTILE}`);
    expect(error.querySelector("script")).toBeNull();
  });
});
