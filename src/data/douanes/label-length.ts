/**
 * How long a label from a source may be. A label is drawn in tables, charts
 * and tooltips and repeated on every row of the downloads: a 10 000-character
 * label made the data tables 87 000 px wide and the downloads four times
 * bigger. The longest label of the reference tables has 123 characters; a
 * longer one than MAX_LABEL_LENGTH is cut, ending with « … », and the codes
 * cut are listed in one warning per file.
 */
export const MAX_LABEL_LENGTH = 200;

/** The label, cut to MAX_LABEL_LENGTH characters (code points, « … » included) when longer. */
export function boundLabel(label: string): string {
  const characters = Array.from(label);
  return characters.length <= MAX_LABEL_LENGTH ? label : characters.slice(0, MAX_LABEL_LENGTH - 1).join("").trimEnd() + "…";
}

/** The warning for the labels of `file` that were cut, or undefined when none was. */
export function cutLabelsWarning(file: string, codes: readonly string[]): string | undefined {
  if (codes.length === 0) return undefined;
  const shown = codes.slice(0, 10).join(", ") + (codes.length > 10 ? `… (${codes.length} en tout)` : "");
  return `${file} : ${codes.length} libellé(s) de plus de ${MAX_LABEL_LENGTH} caractères, coupé(s) et terminé(s) par « … » : code(s) ${shown}`;
}
