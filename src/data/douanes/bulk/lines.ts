/** A few lines of a large text file, by number, read in chunks (for the examples of rejected lines). */
import {closeSync, openSync, readSync} from "node:fs";

const CHUNK = 4 * 2 ** 20;
const MAX_SHOWN = 200;

/** Lines `wanted` (1-based) of the file, latin-1, cut to a readable length. */
export function readLinesAt(path: string, wanted: Iterable<number>): Map<number, string> {
  const targets = [...new Set(wanted)].sort((a, b) => a - b);
  const found = new Map<number, string>();
  if (targets.length === 0) return found;
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK);
    let line = 1;
    let partial: Buffer[] = [];
    let next = 0;
    const keep = () => {
      const text = Buffer.concat(partial).toString("latin1").replace(/\r$/, "");
      found.set(line, text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
      next++;
    };
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      const view = buffer.subarray(0, read);
      let start = 0;
      for (let end = view.indexOf(0x0a); ; end = view.indexOf(0x0a, start)) {
        const stop = end < 0 ? read : end;
        if (line === targets[next]) partial.push(Buffer.from(view.subarray(start, Math.min(stop, start + MAX_SHOWN * 2))));
        if (end < 0) break;
        if (line === targets[next]) keep();
        partial = [];
        line++;
        start = end + 1;
        if (next >= targets.length) return found;
      }
    }
    if (line === targets[next] && partial.length) keep();
    return found;
  } finally {
    closeSync(fd);
  }
}
