/**
 * CPF rév. 2.1 (classification des produits française, the French version of
 * the EU's CPA 2.1) at four digits, codes written without the dot as the
 * customs (DGDDI / DSECE) write them in their regional files and in
 * `Libelle_CPF4_rev2.1.txt` (`0111;Céréales (à l'exclusion du riz),
 * légumineuses et oléagineux`).
 *
 * Source: INSEE, CPF rév. 2.1 class titles, in their product wording. Only
 * classes that carry goods are listed: divisions 01–38 without their service
 * classes (01.6, 02.40, 09, 13.30, 18, 24.5, 25.5–25.6, 33, 37, 39…), plus the
 * goods of divisions 58 (printed books, newspapers, periodicals), 59 (sound
 * recordings), 74 (photographs), 90 (works of art), 91 (collections and
 * antiques) and 96 (human hair) that foreign-trade statistics carry, and the
 * class 31.00 (seats and parts of furniture) that the CPF has and the NAF
 * has not. This is the fallback when a source ships no label file: a label
 * file, when present, always wins.
 */
import {a129OfCpf4} from "./a129.js";

export interface Cpf4Product {
  code: string;
  label: string;
}

/** Four digits, leading zero kept: `0111`. */
export const CPF4_CODE = /^\d{4}$/;

const CPF4_TABLE: ReadonlyArray<readonly [string, string]> = [
  // 01 Produits de l'agriculture et de la chasse
  ["0111", "Céréales (à l'exclusion du riz), légumineuses et oléagineux"],
  ["0112", "Riz non décortiqué"],
  ["0113", "Légumes, melons, racines et tubercules"],
  ["0114", "Canne à sucre"],
  ["0115", "Tabac non manufacturé"],
  ["0116", "Plantes à fibres"],
  ["0119", "Autres produits de cultures non permanentes"],
  ["0121", "Raisins"],
  ["0122", "Fruits tropicaux et subtropicaux"],
  ["0123", "Agrumes"],
  ["0124", "Fruits à pépins et à noyau"],
  ["0125", "Autres fruits d'arbres ou d'arbustes et fruits à coque"],
  ["0126", "Fruits oléagineux"],
  ["0127", "Plantes à boissons"],
  ["0128", "Plantes à épices, aromatiques, médicinales et pharmaceutiques"],
  ["0129", "Autres produits de cultures permanentes"],
  ["0130", "Plants et produits de la reproduction des plantes"],
  ["0141", "Vaches laitières vivantes et lait cru de vache"],
  ["0142", "Autres bovins et buffles vivants et leur sperme"],
  ["0143", "Chevaux et autres équidés vivants"],
  ["0144", "Chameaux et autres camélidés vivants"],
  ["0145", "Ovins et caprins vivants ; lait cru et laine de tonte d'ovins et de caprins"],
  ["0146", "Porcins vivants"],
  ["0147", "Volailles vivantes et œufs"],
  ["0149", "Autres animaux vivants et produits animaux"],
  // 02 Produits de la sylviculture
  ["0210", "Arbres forestiers et produits des pépinières forestières"],
  ["0220", "Grumes"],
  ["0230", "Produits forestiers non ligneux sauvages"],
  // 03 Produits de la pêche et de l'aquaculture
  ["0311", "Poissons et autres produits de la pêche en mer"],
  ["0312", "Poissons et autres produits de la pêche en eau douce"],
  ["0321", "Poissons et autres produits de l'aquaculture en mer"],
  ["0322", "Poissons et autres produits de l'aquaculture en eau douce"],
  // 05–08 Produits des industries extractives
  ["0510", "Houille"],
  ["0520", "Lignite"],
  ["0610", "Pétrole brut"],
  ["0620", "Gaz naturel, liquéfié ou à l'état gazeux"],
  ["0710", "Minerais de fer"],
  ["0721", "Minerais d'uranium et de thorium"],
  ["0729", "Autres minerais de métaux non ferreux"],
  ["0811", "Pierres ornementales et de construction, calcaire, gypse, craie et ardoise"],
  ["0812", "Graviers et sables ; argiles et kaolin"],
  ["0891", "Minéraux pour l'industrie chimique et pour la fabrication d'engrais"],
  ["0892", "Tourbe"],
  ["0893", "Sel"],
  ["0899", "Autres produits des industries extractives n.c.a."],
  // 10 Produits alimentaires
  ["1011", "Viandes de boucherie"],
  ["1012", "Viandes de volailles"],
  ["1013", "Préparations et conserves à base de viande"],
  ["1020", "Préparations et conserves à base de poisson et de produits de la pêche"],
  ["1031", "Pommes de terre préparées et conservées"],
  ["1032", "Jus de fruits et légumes"],
  ["1039", "Autres fruits et légumes préparés et conservés"],
  ["1041", "Huiles et graisses"],
  ["1042", "Margarine et graisses comestibles similaires"],
  ["1051", "Produits laitiers et fromages"],
  ["1052", "Glaces et sorbets"],
  ["1061", "Produits du travail des grains"],
  ["1062", "Produits amylacés"],
  ["1071", "Pain et pâtisserie fraîche"],
  ["1072", "Biscuits, biscottes et pâtisseries de conservation"],
  ["1073", "Pâtes alimentaires"],
  ["1081", "Sucre"],
  ["1082", "Cacao, chocolat et produits de confiserie"],
  ["1083", "Thé et café transformés"],
  ["1084", "Condiments et assaisonnements"],
  ["1085", "Plats préparés"],
  ["1086", "Aliments homogénéisés et diététiques"],
  ["1089", "Autres produits alimentaires n.c.a."],
  ["1091", "Aliments pour animaux de ferme"],
  ["1092", "Aliments pour animaux de compagnie"],
  // 11 Boissons ; 12 Produits à base de tabac
  ["1101", "Boissons alcoolisées distillées"],
  ["1102", "Vins de raisin"],
  ["1103", "Cidre et autres vins de fruits"],
  ["1104", "Autres boissons fermentées non distillées"],
  ["1105", "Bière"],
  ["1106", "Malt"],
  ["1107", "Boissons rafraîchissantes ; eaux minérales et autres eaux en bouteille"],
  ["1200", "Produits à base de tabac"],
  // 13 Produits de l'industrie textile
  ["1310", "Fibres textiles préparées et fils"],
  ["1320", "Étoffes tissées"],
  ["1391", "Étoffes à mailles"],
  ["1392", "Articles textiles confectionnés, sauf habillement"],
  ["1393", "Tapis et moquettes"],
  ["1394", "Ficelles, cordes et filets"],
  ["1395", "Non-tissés, sauf habillement"],
  ["1396", "Autres textiles techniques et industriels"],
  ["1399", "Autres textiles n.c.a."],
  // 14 Articles d'habillement
  ["1411", "Vêtements en cuir"],
  ["1412", "Vêtements de travail"],
  ["1413", "Autres vêtements de dessus"],
  ["1414", "Vêtements de dessous"],
  ["1419", "Autres vêtements et accessoires"],
  ["1420", "Articles en fourrure"],
  ["1431", "Articles chaussants à mailles"],
  ["1439", "Autres articles à mailles"],
  // 15 Cuir et articles en cuir
  ["1511", "Cuirs et peaux tannés et apprêtés ; fourrures apprêtées et teintes"],
  ["1512", "Articles de voyage, de maroquinerie et de sellerie"],
  ["1520", "Chaussures"],
  // 16 Bois et articles en bois
  ["1610", "Bois sciés et rabotés"],
  ["1621", "Placages et panneaux de bois"],
  ["1622", "Parquets assemblés"],
  ["1623", "Autres éléments de menuiserie et de charpenterie"],
  ["1624", "Emballages en bois"],
  ["1629", "Autres articles en bois ; articles en liège, vannerie et sparterie"],
  // 17 Papier et carton
  ["1711", "Pâte à papier"],
  ["1712", "Papier et carton"],
  ["1721", "Papier et carton ondulés ; emballages en papier ou en carton"],
  ["1722", "Articles en papier à usage sanitaire ou domestique"],
  ["1723", "Articles de papeterie"],
  ["1724", "Papiers peints"],
  ["1729", "Autres articles en papier ou en carton"],
  // 19 Produits de la cokéfaction et du raffinage
  ["1910", "Produits de la cokéfaction"],
  ["1920", "Produits du raffinage du pétrole"],
  // 20 Produits chimiques
  ["2011", "Gaz industriels"],
  ["2012", "Colorants et pigments"],
  ["2013", "Autres produits chimiques inorganiques de base"],
  ["2014", "Autres produits chimiques organiques de base"],
  ["2015", "Engrais et composés azotés"],
  ["2016", "Matières plastiques de base"],
  ["2017", "Caoutchouc synthétique"],
  ["2020", "Pesticides et autres produits agrochimiques"],
  ["2030", "Peintures, vernis, encres et mastics"],
  ["2041", "Savons, détergents et produits d'entretien"],
  ["2042", "Parfums et produits pour la toilette"],
  ["2051", "Produits explosifs"],
  ["2052", "Colles"],
  ["2053", "Huiles essentielles"],
  ["2059", "Autres produits chimiques n.c.a."],
  ["2060", "Fibres artificielles ou synthétiques"],
  // 21 Produits pharmaceutiques
  ["2110", "Produits pharmaceutiques de base"],
  ["2120", "Préparations pharmaceutiques"],
  // 22 Produits en caoutchouc et en plastique
  ["2211", "Pneumatiques"],
  ["2219", "Autres articles en caoutchouc"],
  ["2221", "Plaques, feuilles, tubes et profilés en matières plastiques"],
  ["2222", "Emballages en matières plastiques"],
  ["2223", "Éléments en matières plastiques pour la construction"],
  ["2229", "Autres articles en matières plastiques"],
  // 23 Autres produits minéraux non métalliques
  ["2311", "Verre plat"],
  ["2312", "Verre plat façonné et transformé"],
  ["2313", "Verre creux"],
  ["2314", "Fibres de verre"],
  ["2319", "Autres articles en verre, y compris verre technique"],
  ["2320", "Produits réfractaires"],
  ["2331", "Carreaux en céramique"],
  ["2332", "Briques, tuiles et produits de construction, en terre cuite"],
  ["2341", "Articles céramiques à usage domestique ou ornemental"],
  ["2342", "Appareils sanitaires en céramique"],
  ["2343", "Isolateurs et pièces isolantes en céramique"],
  ["2344", "Autres produits céramiques à usage technique"],
  ["2349", "Autres produits céramiques"],
  ["2351", "Ciment"],
  ["2352", "Chaux et plâtre"],
  ["2361", "Éléments en béton pour la construction"],
  ["2362", "Éléments en plâtre pour la construction"],
  ["2363", "Béton prêt à l'emploi"],
  ["2364", "Mortiers et bétons secs"],
  ["2365", "Ouvrages en fibre-ciment"],
  ["2369", "Autres ouvrages en béton, en ciment ou en plâtre"],
  ["2370", "Pierres taillées, façonnées et finies"],
  ["2391", "Produits abrasifs"],
  ["2399", "Autres produits minéraux non métalliques n.c.a."],
  // 24 Produits métallurgiques de base
  ["2410", "Produits sidérurgiques de base et ferroalliages"],
  ["2420", "Tubes, tuyaux, profilés creux et accessoires correspondants en acier"],
  ["2431", "Barres étirées à froid"],
  ["2432", "Feuillards et bandes étroits laminés à froid"],
  ["2433", "Profilés formés à froid ou pliés"],
  ["2434", "Fils tréfilés à froid"],
  ["2441", "Métaux précieux"],
  ["2442", "Aluminium"],
  ["2443", "Plomb, zinc et étain"],
  ["2444", "Cuivre"],
  ["2445", "Autres métaux non ferreux"],
  ["2446", "Combustibles nucléaires traités"],
  // 25 Produits métalliques, à l'exclusion des machines et des équipements
  ["2511", "Structures métalliques et parties de structures"],
  ["2512", "Portes et fenêtres en métal"],
  ["2521", "Radiateurs et chaudières pour le chauffage central"],
  ["2529", "Autres réservoirs, citernes et conteneurs métalliques"],
  ["2530", "Générateurs de vapeur, à l'exception des chaudières pour le chauffage central"],
  ["2540", "Armes et munitions"],
  ["2571", "Coutellerie"],
  ["2572", "Serrures et ferrures"],
  ["2573", "Outillage"],
  ["2591", "Fûts et emballages similaires en métal"],
  ["2592", "Emballages métalliques légers"],
  ["2593", "Articles en fils métalliques, chaînes et ressorts"],
  ["2594", "Vis et boulons"],
  ["2599", "Autres produits métalliques n.c.a."],
  // 26 Produits informatiques, électroniques et optiques
  ["2611", "Composants électroniques"],
  ["2612", "Cartes électroniques assemblées"],
  ["2620", "Ordinateurs et équipements périphériques"],
  ["2630", "Équipements de communication"],
  ["2640", "Produits électroniques grand public"],
  ["2651", "Instruments et appareils de mesure, d'essai et de navigation"],
  ["2652", "Horlogerie"],
  ["2660", "Équipements d'irradiation médicale, électromédicaux et électrothérapeutiques"],
  ["2670", "Matériels optiques et photographiques"],
  ["2680", "Supports magnétiques et optiques"],
  // 27 Équipements électriques
  ["2711", "Moteurs, génératrices et transformateurs électriques"],
  ["2712", "Matériel de distribution et de commande électrique"],
  ["2720", "Piles et accumulateurs électriques"],
  ["2731", "Câbles de fibres optiques"],
  ["2732", "Autres fils et câbles électroniques ou électriques"],
  ["2733", "Matériel d'installation électrique"],
  ["2740", "Appareils d'éclairage électrique"],
  ["2751", "Appareils électroménagers"],
  ["2752", "Appareils ménagers non électriques"],
  ["2790", "Autres matériels électriques"],
  // 28 Machines et équipements n.c.a.
  ["2811", "Moteurs et turbines, à l'exception des moteurs d'avions et de véhicules"],
  ["2812", "Équipements hydrauliques et pneumatiques"],
  ["2813", "Autres pompes et compresseurs"],
  ["2814", "Autres articles de robinetterie"],
  ["2815", "Engrenages et organes mécaniques de transmission"],
  ["2821", "Fours et brûleurs"],
  ["2822", "Matériel de levage et de manutention"],
  ["2823", "Machines et équipements de bureau, à l'exception des ordinateurs et équipements périphériques"],
  ["2824", "Outillage portatif à moteur incorporé"],
  ["2825", "Équipements aérauliques et frigorifiques industriels"],
  ["2829", "Machines diverses d'usage général"],
  ["2830", "Machines agricoles et forestières"],
  ["2841", "Machines-outils pour le travail des métaux"],
  ["2849", "Autres machines-outils"],
  ["2891", "Machines pour la métallurgie"],
  ["2892", "Machines pour l'extraction ou la construction"],
  ["2893", "Machines pour l'industrie agro-alimentaire"],
  ["2894", "Machines pour les industries textiles"],
  ["2895", "Machines pour les industries du papier et du carton"],
  ["2896", "Machines pour le travail du caoutchouc ou des plastiques"],
  ["2899", "Autres machines d'usage spécifique n.c.a."],
  // 29 Produits de l'industrie automobile
  ["2910", "Véhicules automobiles"],
  ["2920", "Carrosseries automobiles ; remorques et semi-remorques"],
  ["2931", "Équipements électriques et électroniques automobiles"],
  ["2932", "Autres équipements automobiles"],
  // 30 Autres matériels de transport
  ["3011", "Navires et structures flottantes"],
  ["3012", "Bateaux de plaisance"],
  ["3020", "Locomotives et autre matériel ferroviaire roulant"],
  ["3030", "Aéronefs et engins spatiaux"],
  ["3040", "Véhicules militaires de combat"],
  ["3091", "Motocycles"],
  ["3092", "Bicyclettes et véhicules pour invalides"],
  ["3099", "Autres équipements de transport n.c.a."],
  // 31 Meubles
  ["3100", "Sièges et leurs parties ; parties de meubles"],
  ["3101", "Meubles de bureau et de magasin"],
  ["3102", "Meubles de cuisine"],
  ["3103", "Matelas"],
  ["3109", "Autres meubles"],
  // 32 Autres produits manufacturés
  ["3211", "Monnaies"],
  ["3212", "Articles de joaillerie et bijouterie"],
  ["3213", "Articles de bijouterie fantaisie"],
  ["3220", "Instruments de musique"],
  ["3230", "Articles de sport"],
  ["3240", "Jeux et jouets"],
  ["3250", "Instruments et fournitures à usage médical et dentaire"],
  ["3291", "Articles de brosserie"],
  ["3299", "Autres produits manufacturés n.c.a."],
  // 35 Électricité et gaz
  ["3511", "Électricité"],
  ["3521", "Gaz manufacturé"],
  // 38 Déchets
  ["3811", "Déchets non dangereux"],
  ["3812", "Déchets dangereux"],
  ["3832", "Matières premières secondaires issues de la récupération"],
  // 58, 59, 74, 90, 91, 96: the goods of services divisions
  ["5811", "Livres"],
  ["5813", "Journaux"],
  ["5814", "Revues et périodiques"],
  ["5819", "Autres produits de l'édition"],
  ["5920", "Enregistrements sonores et édition musicale"],
  ["7420", "Services photographiques"],
  ["9003", "Créations artistiques"],
  ["9102", "Services des musées ; collections et antiquités"],
  ["9602", "Services de coiffure et autres soins de beauté"]
];

/** Every class, sorted by code. */
export const cpf4Products: readonly Cpf4Product[] = CPF4_TABLE.map(([code, label]) => ({code, label}));

for (const {code} of cpf4Products) {
  if (!CPF4_CODE.test(code) || a129OfCpf4(code) === undefined) throw new Error(`cpf4.ts: ${code} has no A129 position`);
}

const labelByCode = new Map(cpf4Products.map((p) => [p.code, p.label]));

/** The French label of a CPF4 code (four digits, no dot), or undefined when the code is not in the list. */
export function cpf4Label(code: string): string | undefined {
  return labelByCode.get(code);
}
