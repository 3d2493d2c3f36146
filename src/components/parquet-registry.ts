/**
 * Which file each table of the page's database was loaded from. Loading is
 * idempotent: a second call with the same name and file waits for the first
 * load. A new file under a known name replaces the table: in `npm run dev`,
 * a data file written again (a syntax error fixed, new data) gives its
 * file a new URL (…?sha=B) while the open page keeps its database, and the
 * page used to stay broken (« La table … est déjà chargée depuis …sha=A »)
 * until a manual reload. No DuckDB here, so that the rule is tested in Node.
 */
export interface TableLoader {
  /** Creates table `table` from `source`. */
  load(table: string, source: unknown): Promise<void>;
  /** Drops table `table` if it exists. */
  drop(table: string): Promise<void>;
}

export type RegisterTable = (table: string, sourceName: string, source: unknown) => Promise<void>;

export function tableRegistry(loader: TableLoader): RegisterTable {
  const registrations = new Map<string, {sourceName: string; done: Promise<void>}>();
  return (table, sourceName, source) => {
    const existing = registrations.get(table);
    if (existing?.sourceName === sourceName) return existing.done;
    // Replacing waits for the previous load, whatever its outcome, so that the two never interleave.
    const previous = existing ? existing.done.then(() => loader.drop(table), () => loader.drop(table)) : Promise.resolve();
    const registration = {sourceName, done: previous.then(() => loader.load(table, source))};
    registrations.set(table, registration);
    // A failed load must not poison later attempts (e.g. after a network hiccup).
    registration.done.catch(() => {
      if (registrations.get(table) === registration) registrations.delete(table);
    });
    return registration.done;
  };
}
