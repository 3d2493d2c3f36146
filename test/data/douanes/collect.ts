/** A RecordSink that keeps everything in memory, for reader tests. */
import type {RecordSink, TableKind} from "../../../src/data/douanes/records.js";

export interface Collected {
  facts: {kind: TableKind; year: number; quarter: number; flow: string; dept: string; product: string; country: string; euros: number; row: number}[];
  rejects: {reason: string; row: number; column: string; value: string; count: number}[];
  labels: [string, string][];
  warnings: string[];
  sink: RecordSink;
}

export function collect(): Collected {
  const c: Omit<Collected, "sink"> = {facts: [], rejects: [], labels: [], warnings: []};
  const sink: RecordSink = {
    fact: (kind, year, quarter, flow, dept, product, country, euros, row) => c.facts.push({kind, year, quarter, flow, dept, product, country, euros, row}),
    reject: (_kind, reason, row, column, value, count) => c.rejects.push({reason, row, column, value, count}),
    label: (code, name) => c.labels.push([code, name]),
    warn: (message) => c.warnings.push(message)
  };
  return {...c, sink};
}
