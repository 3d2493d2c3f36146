/**
 * Two lines for the same key with different values cannot both be true; which
 * one a reader would keep depends on file-name order (an « (ancienne version) »
 * copy sorts after the real file, a « copie » before it). So they refuse the
 * source, naming both places, in both layouts.
 */
import {SourceError} from "./errors.js";

export interface DuplicatePlace {
  file: string;
  line: number;
  /** What the line says beyond its key ("valeur 1200 €"…). */
  values: string;
}

export function conflictingValuesError(key: string, first: DuplicatePlace, second: DuplicatePlace): SourceError {
  return new SourceError(`Valeurs contradictoires pour ${key} : « ${first.file} », ligne ${first.line} (${first.values}) et « ${second.file} », ligne ${second.line} (${second.values}). ` +
    `Que faire : ces deux lignes ne peuvent pas être vraies à la fois ; vérifiez ces fichiers (doublon d'un fichier corrigé, ancienne version ?) et retirez celui qui est faux.`);
}
