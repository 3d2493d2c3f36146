/**
 * Thrown by the fast BIFF8 reader when a file uses something it does not
 * handle (BIFF5 or older, encryption, notes, chart sheets, structural
 * oddities…). The caller then reads the file with SheetJS, so an unusual file
 * is read slowly but never differently, and corrupt files get SheetJS's own
 * diagnosis.
 */
export class UnsupportedBiffError extends Error {
  constructor(reason: string) {
    super(`lecteur BIFF8 rapide non applicable : ${reason}`);
    this.name = "UnsupportedBiffError";
  }
}
