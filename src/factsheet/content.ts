/**
 * The fixed French prose of a factsheet (context, caveats, practical
 * information), shared by département, région and France pages. Only the
 * parts that depend on the territory or the data take arguments.
 */

import {formatDate} from "../components/format.js";
import {html} from "./escape.js";
import type {NameForms} from "../data/territories.js";

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

/** A notice at the top of a page, in the demo banner's style (`className` for its variants): the text is escaped. */
export function noticeBanner(text: string, className?: string): string {
  return `<p class="demo-banner${className ? ` ${className}` : ""}" role="note">${html(text)}</p>\n`;
}

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

/** The programme's page on the ANCT's site, and its national contact address (as the reference gives it). */
export const PROGRAMME_PAGE = "https://agence-cohesion-territoires.gouv.fr/territoires-dindustrie-44";
export const PROGRAMME_CONTACT = "territoires-industrie@anct.gouv.fr";

/**
 * Section 0, the reference's Introduction: the programme, the series of
 * portraits this issue belongs to, and why the page is drawn by département.
 * `forms` are the page's territory's (the article comes with them).
 */
export function introduction(forms: NameForms, kind: "departement" | "region" | "france"): string[] {
  const scale =
    kind === "departement"
      ? "Cette fiche porte donc sur un département ; un Territoire d'industrie se lit à travers le ou les départements qui le composent."
      : `Les fiches des départements en sont la base ; celle-ci en donne l'ensemble ${kind === "region" ? "pour la région" : "pour la France"}.`;
  return [
    "Le programme **Territoires d'industrie** est copiloté par l'Agence nationale de la cohésion des territoires (ANCT) " +
      "et la Direction générale des entreprises (DGE). Une première série de portraits socio-économiques des " +
      "Territoires d'industrie, réalisée avec l'Insee, a paru en octobre 2024.",
    `Ce numéro thématique porte sur le **commerce extérieur** ${forms.ofName} : ses principaux pays partenaires, ` +
      "ses principales activités à l'export et à l'import, et les flux entre produits et pays.",
    "Il repose sur les statistiques régionales et départementales du commerce extérieur des Douanes (DGDDI), " +
      `dont le département est l'échelle la plus fine publiée. ${scale}`
  ];
}


/** Beside the downloads of a page built on the demo: the files say it too (see src/factsheet/downloads.ts). */
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

/** Section 7, the reference's « Informations pratiques »: what the fiche is for, the programme's pages and contact, how to cite. */
export function practicalInformation(pageTitle: string, year: number, {synthetic}: {synthetic: boolean}): string[] {
  return [
    "Cette fiche dresse un état des lieux du commerce extérieur du territoire à l'usage des acteurs locaux, " +
      "dans un contexte de droits de douane qui change vite.",
    "Elle reprend le contenu de la publication de l'ANCT et de la DGE « Les indicateurs clés : commerce extérieur — " +
      "Territoires d'industrie » ; ses textes et ses chiffres sont établis ici à partir des données des Douanes " +
      "et n'engagent ni l'ANCT ni la DGE.",
    `Programme Territoires d'industrie : [page du programme sur le site de l'ANCT](${PROGRAMME_PAGE}), où se trouvent ` +
      "les portraits socio-économiques des Territoires d'industrie ; l'assemblée générale du programme du 27 mai, " +
      "son dossier de presse et les actualités du programme sont publiés sur les sites de l'ANCT et de la DGE. " +
      `Contact national : [${PROGRAMME_CONTACT}](mailto:${PROGRAMME_CONTACT}).`,
    "Données : [Le kiosque de la DGDDI](https://lekiosque.finances.gouv.fr/) (statistiques régionales et " +
      "départementales), sous Licence Ouverte 2.0 ; téléchargeables aussi depuis la page [Méthodologie](/methodologie).",
    citation(pageTitle, year, {synthetic}),
    "Code source, méthodes et tests : voir la page [Méthodologie](/methodologie)."
  ];
}
