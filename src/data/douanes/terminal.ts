/**
 * What the scripts print to a terminal. Messages echo input (file and entry
 * names, labels, cell values): an ANSI escape in a zip entry's name would
 * clear the screen or print a fake success line, a carriage return would
 * overwrite the line. Every message goes through `terminalSafe` before it is
 * written; a refusal ends a script with its French message and a non-zero
 * exit code, its stack only with DEBUG=1.
 */
import {SourceError} from "./errors.js";

/**
 * C0 controls but line feed and tab, DEL, C1 controls (the 8-bit escape
 * U+009B included) and the bidirectional overrides that reorder a line.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character written as a visible escape (ESC → `\x1B`). */
export function terminalSafe(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/** Writes a message to stderr, neutralised, ending with a line feed. */
export function printError(text: string): void {
  process.stderr.write(terminalSafe(text.endsWith("\n") ? text : `${text}\n`));
}

/**
 * How a script reports the error that stops it: a refusal (SourceError) is
 * its French message only; anything else is a bug, reported with its stack.
 * DEBUG=1 adds the stack to refusals too.
 */
export function describeFatal(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const message = error instanceof Error ? error.message : String(error);
  const debug = env.DEBUG === "1" || env.DEBUG === "true";
  const stack = error instanceof Error && (debug || !(error instanceof SourceError)) ? error.stack : undefined;
  return `✗ ${message}${stack ? `\n${stack}` : ""}`;
}

/** Runs a script's body; on error prints `describeFatal` and exits with code 1. */
export async function runScript(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    printError(describeFatal(error));
    process.exit(1);
  }
}
