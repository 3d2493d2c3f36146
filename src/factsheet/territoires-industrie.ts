/**
 * Title-block list of the "Territoires d'industrie" of a département.
 *
 * The list is a separate ANCT open dataset (data.gouv.fr, « Programme
 * Territoires d'industrie »), not on npm and not reachable offline. A user who
 * downloaded it points TERRITOIRES_INDUSTRIE_FILE at it; it is read once per
 * process by src/data/territoires-industrie.ts (columns, encodings, rejected
 * rows: see there). Without it, the block says plainly that the list is not
 * available.
 */
import type {TerritoiresIndustrie} from "../data/territoires-industrie.js";
import {html} from "./escape.js";

/** The title block's list for a département, from the list the figures carry (read once per build, figures.ts). */
export function territoiresIndustrieBlock(code: string, list: Pick<TerritoiresIndustrie, "byDepartement"> | null): string {
  if (list === null) {
    // Readers get one sober sentence; how to add the list is in the README (TERRITOIRES_INDUSTRIE_FILE).
    return `<p class="factsheet-ti">Territoires d'industrie : la liste des territoires, publiée par l'ANCT sur data.gouv.fr, n'est pas reprise dans cette édition.</p>`;
  }
  // Sorted by name already; two territories of one name are shown once.
  const names = [...new Set((list.byDepartement[code] ?? []).map((territory) => territory.name))];
  return names.length
    ? `<p class="factsheet-ti">Territoires d'industrie : ${names.map(html).join(", ")}.</p>`
    : `<p class="factsheet-ti">Aucun Territoire d'industrie dans ce département selon la liste de l'ANCT.</p>`;
}
