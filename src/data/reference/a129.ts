/**
 * The NA 2008 aggregate level A129 (INSEE's aggregation of NAF rév. 2 / CPF
 * rév. 2.1), restricted to the 88 goods positions the customs (DGDDI / DSECE)
 * carry in their regional files and in `Libelle_A129.txt`, `A01Z` … `S96Z`.
 *
 * Sources: INSEE, "Nomenclature agrégée NA 2008", niveau A 129 (the definition
 * of each position as a NAF/CPF division or a set of groups); labels in the
 * customs' product phrasing (`C14Z;Articles d'habillement`), written from the
 * CPF rév. 2.1 titles of the corresponding divisions and groups. These tables
 * are the fallback when a source ships no label file: a label file, when
 * present, always wins.
 *
 * Positions without goods classes in CPF rév. 2.1 (B09Z, C18Z, C24C, C25D,
 * C25E: services of support, printing, casting, forging, machining) are kept
 * because the customs' list keeps them; `cpf4.ts` has no class under them.
 */
export interface A129Product {
  code: string;
  label: string;
}

/** `C14Z`: a section letter, the division's two digits, a letter (`Z` when the division is not split). */
export const A129_CODE = /^[A-Z]\d{2}[A-Z]$/;

/**
 * Each position: its code, what it covers, its label. Coverage is a
 * space-separated list of CPF divisions (two digits: "01"), groups (three
 * digits: "101" is group 10.1) or inclusive ranges of groups ("232-234" is
 * 23.2 to 23.4), as INSEE defines the position.
 */
const A129_TABLE: ReadonlyArray<readonly [code: string, covers: string, label: string]> = [
  ["A01Z", "01", "Produits de l'agriculture et de la chasse"],
  ["A02Z", "02", "Produits de la sylviculture et de l'exploitation forestière"],
  ["A03Z", "03", "Produits de la pêche et de l'aquaculture"],
  ["B05Z", "05", "Houille et lignite"],
  ["B06Z", "06", "Pétrole brut et gaz naturel"],
  ["B07Z", "07", "Minerais métalliques"],
  ["B08Z", "08", "Autres produits des industries extractives"],
  ["B09Z", "09", "Services de soutien aux industries extractives"],
  ["C10A", "101", "Viandes et produits à base de viande"],
  ["C10B", "102", "Préparations et conserves à base de poisson et de produits de la pêche"],
  ["C10C", "103", "Préparations et conserves à base de fruits et légumes"],
  ["C10D", "104", "Huiles et graisses végétales et animales"],
  ["C10E", "105", "Produits laitiers et glaces"],
  ["C10F", "106", "Produits du travail des grains et produits amylacés"],
  ["C10G", "107", "Produits de boulangerie-pâtisserie et pâtes alimentaires"],
  ["C10H", "108", "Autres produits alimentaires"],
  ["C10K", "109", "Aliments pour animaux"],
  ["C11Z", "11", "Boissons"],
  ["C12Z", "12", "Produits à base de tabac"],
  ["C13Z", "13", "Produits de l'industrie textile"],
  ["C14Z", "14", "Articles d'habillement"],
  ["C15Z", "15", "Cuir, articles de voyage et chaussures"],
  ["C16Z", "16", "Bois, articles en bois et en liège, à l'exclusion des meubles ; articles de vannerie et de sparterie"],
  ["C17A", "171", "Pâte à papier, papier et carton"],
  ["C17B", "172", "Articles en papier ou en carton"],
  ["C18Z", "18", "Travaux d'impression et de reproduction d'enregistrements"],
  ["C19Z", "19", "Produits de la cokéfaction et du raffinage"],
  ["C20A", "201", "Produits chimiques de base, produits azotés et engrais, matières plastiques de base et caoutchouc synthétique"],
  ["C20B", "202", "Pesticides et autres produits agrochimiques"],
  ["C20C", "203", "Peintures, vernis, encres et mastics"],
  ["C20D", "204", "Savons, détergents et produits d'entretien ; parfums et produits pour la toilette"],
  ["C20E", "205", "Autres produits chimiques"],
  ["C20F", "206", "Fibres artificielles ou synthétiques"],
  ["C21Z", "21", "Produits pharmaceutiques de base et préparations pharmaceutiques"],
  ["C22A", "221", "Produits en caoutchouc"],
  ["C22B", "222", "Produits en plastique"],
  ["C23A", "231", "Verre et articles en verre"],
  ["C23B", "232-234", "Produits réfractaires, matériaux de construction en terre cuite et autres produits céramiques"],
  ["C23C", "235-236", "Ciment, chaux et plâtre ; ouvrages en béton, en ciment ou en plâtre"],
  ["C23D", "237-239", "Pierres taillées, façonnées et finies ; produits abrasifs et produits minéraux non métalliques n.c.a."],
  ["C24A", "241-243", "Produits sidérurgiques de base et produits de la première transformation de l'acier"],
  ["C24B", "244", "Métaux précieux et autres métaux non ferreux"],
  ["C24C", "245", "Produits de fonderie"],
  ["C25A", "251", "Éléments en métal pour la construction"],
  ["C25B", "252-253", "Réservoirs, citernes et conteneurs métalliques ; radiateurs et chaudières pour le chauffage central ; générateurs de vapeur"],
  ["C25C", "254", "Armes et munitions"],
  ["C25D", "255", "Produits de la forge, de l'emboutissage et de l'estampage ; produits de la métallurgie des poudres"],
  ["C25E", "256", "Traitement et revêtement des métaux ; usinage"],
  ["C25F", "257", "Coutellerie, outillage et quincaillerie"],
  ["C25G", "259", "Autres ouvrages en métaux"],
  ["C26A", "261", "Composants et cartes électroniques"],
  ["C26B", "262", "Ordinateurs et équipements périphériques"],
  ["C26C", "263", "Équipements de communication"],
  ["C26D", "264", "Produits électroniques grand public"],
  ["C26E", "265", "Appareils de mesure, d'essai et de navigation ; articles d'horlogerie"],
  ["C26F", "266", "Équipements d'irradiation médicale, équipements électromédicaux et électrothérapeutiques"],
  ["C26G", "267-268", "Matériels optiques et photographiques ; supports magnétiques et optiques"],
  ["C27A", "271", "Moteurs, génératrices et transformateurs électriques ; matériel de distribution et de commande électrique"],
  ["C27B", "272", "Piles et accumulateurs électriques"],
  ["C27C", "273", "Fils et câbles ; matériel d'installation électrique"],
  ["C27D", "274", "Appareils d'éclairage électrique"],
  ["C27E", "275", "Appareils ménagers"],
  ["C27F", "279", "Autres matériels électriques"],
  ["C28A", "281", "Machines d'usage général"],
  ["C28B", "282", "Autres machines d'usage général"],
  ["C28C", "283", "Machines agricoles et forestières"],
  ["C28D", "284", "Machines de formage des métaux et machines-outils"],
  ["C28E", "289", "Autres machines d'usage spécifique"],
  ["C29A", "291", "Véhicules automobiles"],
  ["C29B", "292", "Carrosseries automobiles ; remorques et semi-remorques"],
  ["C29C", "293", "Équipements automobiles"],
  ["C30A", "301", "Navires et bateaux"],
  ["C30B", "302", "Locomotives et autre matériel ferroviaire roulant"],
  ["C30C", "303", "Aéronefs et engins spatiaux"],
  ["C30D", "304", "Véhicules militaires de combat"],
  ["C30E", "309", "Matériels de transport n.c.a."],
  ["C31Z", "31", "Meubles"],
  ["C32A", "321-322", "Articles de joaillerie et de bijouterie ; instruments de musique"],
  ["C32B", "323-324 329", "Articles de sport, jeux et jouets ; autres produits manufacturés n.c.a."],
  ["C32C", "325", "Instruments et fournitures à usage médical et dentaire"],
  ["D35Z", "35", "Électricité, gaz, vapeur et air conditionné"],
  ["E38Z", "38", "Déchets ; produits de la récupération"],
  ["J58Z", "58", "Produits de l'édition"],
  ["J59Z", "59", "Films, programmes de télévision, enregistrements sonores et édition musicale"],
  ["M74Z", "74", "Produits des autres activités spécialisées, scientifiques et techniques"],
  ["R90Z", "90", "Créations artistiques et produits des arts du spectacle"],
  ["R91Z", "91", "Produits des bibliothèques, archives, musées et autres activités culturelles"],
  ["S96Z", "96", "Autres produits des services personnels"]
];

/** The 88 goods positions, sorted by code. */
export const a129Products: readonly A129Product[] = A129_TABLE.map(([code, , label]) => ({code, label})).sort((a, b) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0
);

/** Coverage as [first, last] prefixes of equal length (a division or a group range). */
const RANGES: ReadonlyArray<readonly [first: string, last: string, code: string]> = A129_TABLE.flatMap(([code, covers]) =>
  covers.split(" ").map((token) => {
    const [first, last = first] = token.split("-");
    if (!/^\d{2,3}$/.test(first) || last.length !== first.length || last < first) {
      throw new Error(`a129.ts: bad coverage "${token}" for ${code}`);
    }
    return [first, last, code] as const;
  })
);

const labelByCode = new Map(a129Products.map((p) => [p.code, p.label]));

/** The French label of an A129 code, or undefined when the code is not one of the goods positions. */
export function a129Label(code: string): string | undefined {
  return labelByCode.get(code);
}

/**
 * The A129 position of a CPF4 class (four digits, no dot: `"1413"` → `"C14Z"`),
 * or undefined for a malformed code or one outside the goods positions
 * (services divisions such as 33, 36, 37, 39, 41 and above except 58, 59, 74,
 * 90, 91, 96).
 */
export function a129OfCpf4(cpf4: string): string | undefined {
  if (!/^\d{4}$/.test(cpf4)) return undefined;
  for (const [first, last, code] of RANGES) {
    const prefix = cpf4.slice(0, first.length);
    if (prefix >= first && prefix <= last) return code;
  }
  return undefined;
}
