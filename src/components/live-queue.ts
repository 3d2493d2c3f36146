/**
 * How a static-first page's script runs its live work (a factsheet's
 * controls, the comparison page's choice): the live module (engine and chart
 * code) is imported on first use only, requests run one at a time (they share
 * the page's one DuckDB connection and its views), and the status line says
 * meanwhile that the engine loads the first time, then what went wrong if a
 * request fails. Light: it imports nothing.
 */

export interface LiveQueue<Live> {
  /** Runs `work` with the live module after the requests before it, `busy` in the status line meanwhile (after the first load). */
  run(busy: string, work: (module: Live) => Promise<void>): Promise<void>;
  /** Whether the live module was asked for already. */
  readonly started: boolean;
}

export const ENGINE_LOADING = "Chargement du moteur de requêtes (la première fois seulement)…";

export function liveQueue<Live>(
  load: () => Promise<Live>,
  status: HTMLElement | null | undefined,
  {failure}: {failure: string}
): LiveQueue<Live> {
  let live: Promise<Live> | undefined;
  let pending = Promise.resolve();
  return {
    get started() {
      return live !== undefined;
    },
    run(busy, work) {
      // Said at once: the first time, the engine (a few megabytes) is fetched and started.
      if (status) status.textContent = live ? busy : ENGINE_LOADING;
      pending = pending.then(async () => {
        try {
          await work(await (live ??= load()));
          if (status) status.textContent = "";
        } catch (error) {
          if (status) status.textContent = `${failure} : ${error instanceof Error ? error.message : String(error)}`;
        }
      });
      return pending;
    }
  };
}
