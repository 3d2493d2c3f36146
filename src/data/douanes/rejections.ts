/**
 * Accounting of values read, kept and rejected, with counts per reason and the
 * first examples of each (file, line, column, value) for the manifest.
 */
export interface RejectionExample {
  file: string;
  row: number;
  column: string;
  value: string;
}

export interface ReasonCount {
  reason: string;
  count: number;
  examples: RejectionExample[];
}

export interface Accounting {
  read: number;
  kept: number;
  rejected: number;
  reasons: ReasonCount[];
}

const EXAMPLES_PER_REASON = 5;

export class RejectionLog {
  private readonly byReason = new Map<string, ReasonCount>();
  kept = 0;
  rejected = 0;

  add(reason: string, count: number, example: RejectionExample): void {
    let entry = this.byReason.get(reason);
    if (!entry) this.byReason.set(reason, (entry = {reason, count: 0, examples: []}));
    entry.count += count;
    this.rejected += count;
    if (entry.examples.length < EXAMPLES_PER_REASON) entry.examples.push(example);
  }

  /** Values accepted by the readers but rejected later (duplicates found in DuckDB). */
  moveKeptToRejected(reason: string, count: number, examples: RejectionExample[]): void {
    if (count === 0) return;
    this.kept -= count;
    const entry = {reason, count: 0, examples: [] as RejectionExample[]};
    this.byReason.set(reason, entry);
    entry.count = count;
    entry.examples = examples.slice(0, EXAMPLES_PER_REASON);
    this.rejected += count;
  }

  summary(): Accounting {
    const reasons = [...this.byReason.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return {read: this.kept + this.rejected, kept: this.kept, rejected: this.rejected, reasons};
  }
}

export function describeAccounting(label: string, accounting: Accounting): string {
  const lines = [`${label} : ${accounting.read} valeurs lues = ${accounting.kept} gardées + ${accounting.rejected} rejetées`];
  for (const {reason, count, examples} of accounting.reasons) {
    const example = examples[0];
    lines.push(`  - ${reason} : ${count}` + (example ? ` (ex. ${example.file}, ligne ${example.row}${example.column ? `, colonne « ${example.column} »` : ""} : « ${example.value} »)` : ""));
  }
  return lines.join("\n");
}
