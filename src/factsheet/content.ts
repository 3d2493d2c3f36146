/**
 * The fixed French prose of a factsheet (context, caveats, practical
 * information), shared by département, région and France pages. Only the
 * parts that depend on the territory or the data take arguments.
 */

import {formatDate} from "../components/format.ts";

export interface SourceFacts {
  year: number;
  synthetic: boolean;
  /** Where the files came from: URLs or "données de démonstration générées". */
  sourceDescription: string;
  /** ISO date of the download of the source files, or null (demo, local files). */
  retrievedAt: string | null;
}

export const FACTSHEET_TITLE = "Les indicateurs clés : commerce extérieur";

export const SYNTHETIC_BANNER =
  "Données de démonstration (synthétiques) : les montants de cette page sont générés pour " +
  "reproduire le format et les totaux de référence des Douanes, ils ne décrivent pas les échanges réels du territoire.";

/** Section 2, first half: why this matters now. */
export function contextParagraph(): string {
  return [
    "Depuis le début de l'année 2025, les menaces de hausse des droits de douane américains rappellent",
    "combien les entreprises d'un territoire dépendent de quelques marchés et de quelques fournisseurs.",
    "Connaître ce que le territoire exporte et importe, vers qui et depuis où, aide les acteurs locaux",
    "à accompagner la diversification des partenaires et à sécuriser les approvisionnements.",
    "Cette fiche situe chaque territoire par rapport à sa région et à la France."
  ].join(" ");
}

/** Section 2, second half: the caveats every reader must keep in mind. */
export function methodologyCaveats(facts: SourceFacts): string[] {
  return [
    "Les montants sont rattachés au **lieu de dédouanement** : le département d'où partent les marchandises " +
      "exportées, celui où arrivent les marchandises importées. Ce n'est pas toujours le lieu de production ou de " +
      "consommation.",
    "Les **grandes plateformes logistiques** déforment les chiffres : les ports concentrent par exemple les " +
      "importations d'hydrocarbures, les sièges d'entrepôts certains flux de biens de consommation.",
    "Les **Territoires d'industrie** ne sont pas publiés à leur propre échelle : un territoire à cheval sur " +
      "plusieurs départements doit lire la fiche de chacun d'eux.",
    `Valeurs **CAF à l'importation, FAB à l'exportation**, hors matériel militaire et hors estimations ` +
      `(déclarations tardives, échanges intra-UE sous le seuil de déclaration) : le total « France » de ces ` +
      `fiches est la somme des départements, inférieur au chiffre national officiel.`,
    `Année présentée : **${facts.year}** (quatre trimestres complets). Source : DGDDI / DSECE, ` +
      `statistiques régionales et départementales du commerce extérieur, Licence Ouverte 2.0 — ` +
      `${facts.sourceDescription}${facts.retrievedAt ? `, téléchargées le ${formatDate(facts.retrievedAt)}` : ""}.` +
      (facts.synthetic ? " **Cette version du site utilise des données de démonstration synthétiques.**" : "")
  ];
}

/** Beside the downloads of a page built on the demo: the files say it too (see src/data/downloads.ts). */
export const DEMO_FILES_NOTE =
  "Ces fichiers contiennent des données de démonstration synthétiques : leur nom se termine par « -demonstration » " +
  "et chaque ligne du CSV l'indique dans sa colonne « source ».";

/** How to cite a factsheet; built on the demo, the citation says the figures are synthetic. */
export function citation(pageTitle: string, year: number, {synthetic}: {synthetic: boolean}): string {
  return synthetic
    ? `Citer cette fiche : « ${pageTitle}, ${FACTSHEET_TITLE} ${year}, données de démonstration synthétiques au format DGDDI / DSECE ». ` +
        "Ces montants ne décrivent pas les échanges réels et ne peuvent pas être cités comme statistiques."
    : `Citer cette fiche : « ${pageTitle}, ${FACTSHEET_TITLE} ${year}, d'après DGDDI / DSECE ».`;
}

/** Section 7: links and how to cite. */
export function practicalInformation(pageTitle: string, year: number, {synthetic}: {synthetic: boolean}): string[] {
  return [
    "Données : [Le kiosque de la DGDDI](https://lekiosque.finances.gouv.fr/) (statistiques régionales et " +
      "départementales), sous Licence Ouverte 2.0 ; téléchargeables aussi depuis la page [Méthodologie](/methodologie).",
    "Territoires d'industrie : programme piloté par l'ANCT et la DGE ([site du programme](https://agence-cohesion-territoires.gouv.fr/territoires-dindustrie-44)).",
    citation(pageTitle, year, {synthetic}),
    "Code source, méthodes et tests : voir la page [Méthodologie](/methodologie)."
  ];
}
