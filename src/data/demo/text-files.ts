/**
 * The two text files of each zip, encoded in Windows-1252 like the customs':
 * the product label list (`;`-separated) and the read-me, which says plainly
 * that the data is synthetic.
 */
import {products} from "../reference/products.ts";
import {CROSSED_QUARTERS, HISTORY_QUARTERS} from "./quarters.ts";
import {encodeWindows1252} from "../windows-1252.ts";

const CRLF = "\r\n";

/** A field quoted when it holds the separator or a quote (labels such as « … ; … »). */
function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function productLabelsCsv(): Uint8Array {
  const lines = ["Code produit;Libellé produit", ...products.map((p) => `${csvField(p.code)};${csvField(p.label)}`)];
  return encodeWindows1252(lines.join(CRLF) + CRLF);
}

export function readMe(regionName: string, departementCodes: string[]): Uint8Array {
  const first = HISTORY_QUARTERS[0].label;
  const last = HISTORY_QUARTERS[HISTORY_QUARTERS.length - 1].label;
  const lines = [
    "DONNÉES DE DÉMONSTRATION (SYNTHÉTIQUES)",
    "",
    `Ces fichiers imitent le format des statistiques régionales et départementales du commerce extérieur`,
    `publiées par la douane (DGDDI / DSECE, « Le kiosque »), pour la région ${regionName}.`,
    "Les valeurs sont INVENTÉES par un générateur déterministe : elles ne décrivent aucun échange réel.",
    "Seuls les totaux 2024 de l'Aube, du Grand Est et de la France entière reproduisent les chiffres publiés.",
    "",
    `Départements : ${departementCodes.join(", ")}.`,
    "Pour chaque département DD :",
    `- DD_export_pays_produits.xls et DD_import_pays_produits.xls : pays x produits, ${CROSSED_QUARTERS[0].label} à ${CROSSED_QUARTERS[CROSSED_QUARTERS.length - 1].label} (une colonne par trimestre) ;`,
    `- DD_produits.xls : produits, ${first} à ${last} (une ligne par trimestre, flux E = export, I = import) ;`,
    `- DD_pays.xls : pays, ${first} à ${last} (une ligne par trimestre).`,
    "Le fichier libelles_produits.csv donne le libellé de chaque code produit (CPF, niveau xx.xx).",
    "",
    "Fichiers Excel .XLS ; la première ligne contient le nom des variables.",
    "Valeurs en milliers d'euros (3 décimales, précision à l'euro).",
    "Données brutes : CAF à l'import, FAB à l'export, hors matériel militaire.",
    "Codes pays : géonomenclature douanière à 2 lettres (QS : avitaillement et soutage ; QU : pays non déterminés)."
  ];
  return encodeWindows1252(lines.join(CRLF) + CRLF);
}
