/**
 * A fatal problem with a source (unreadable file, unknown header layout,
 * refused download…). Row-level problems are never thrown: they become
 * rejected records with a reason (see rejections.ts).
 */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}
