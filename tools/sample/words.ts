/**
 * Vocabulary of the sample edition: industrial sectors and trades (French and English), and the
 * pieces that fictional company, school and street names are built from.
 *
 * Company names are invented (surname + trade word, or a made-up brand) rather than real brands:
 * a real company shown at a random town, in a demo that looks real, would be a false statement
 * about that company.
 */

export interface Bi {
  readonly fr: string;
  readonly en: string;
}

export interface Trade {
  readonly key: string;
  readonly fr: string;
  readonly frPlural: string;
  readonly en: string;
  readonly enPlural: string;
}

export interface Sector {
  readonly key: string;
  /** "aéronautique et spatial" / "aerospace" */
  readonly label: Bi;
  /** "de l'aéronautique" (French needs the article and elision) */
  readonly ofFr: string;
  readonly products: readonly Bi[];
  /** First words of company names: "Fonderie", "Laboratoires"… */
  readonly companyWords: readonly string[];
  readonly trades: readonly string[];
}

const T = (key: string, fr: string, frPlural: string, en: string, enPlural: string): Trade => ({
  key,
  fr,
  frPlural,
  en,
  enPlural,
});

export const TRADES: readonly Trade[] = [
  T('soudeur', 'soudeur', 'soudeurs', 'welder', 'welders'),
  T('maintenance', 'technicien de maintenance', 'techniciens de maintenance', 'maintenance technician', 'maintenance technicians'),
  T('operateur', 'opérateur de production', 'opérateurs de production', 'production operator', 'production operators'),
  T('chaudronnier', 'chaudronnier', 'chaudronniers', 'sheet-metal worker', 'sheet-metal workers'),
  T('roboticien', 'roboticien', 'roboticiens', 'robotics technician', 'robotics technicians'),
  T('qualite', 'ingénieur qualité', 'ingénieurs qualité', 'quality engineer', 'quality engineers'),
  T('controleur', 'contrôleur qualité', 'contrôleurs qualité', 'quality inspector', 'quality inspectors'),
  T('conducteur', 'conducteur de ligne', 'conducteurs de ligne', 'line operator', 'line operators'),
  T('usineur', 'usineur', 'usineurs', 'machinist', 'machinists'),
  T('electrotechnicien', 'électrotechnicien', 'électrotechniciens', 'electrical technician', 'electrical technicians'),
  T('methodes', 'technicien méthodes', 'techniciens méthodes', 'methods technician', 'methods technicians'),
  T('dessinateur', 'dessinateur-projeteur', 'dessinateurs-projeteurs', 'design draughtsman', 'design draughtsmen'),
  T('ajusteur', 'ajusteur-monteur', 'ajusteurs-monteurs', 'fitter', 'fitters'),
  T('tuyauteur', 'tuyauteur', 'tuyauteurs', 'pipefitter', 'pipefitters'),
  T('automaticien', 'automaticien', 'automaticiens', 'automation technician', 'automation technicians'),
  T('cariste', 'cariste', 'caristes', 'forklift operator', 'forklift operators'),
  T('laboratoire', 'technicien de laboratoire', 'techniciens de laboratoire', 'laboratory technician', 'laboratory technicians'),
  T('production', 'ingénieur de production', 'ingénieurs de production', 'production engineer', 'production engineers'),
  T('logisticien', 'logisticien', 'logisticiens', 'logistics officer', 'logistics officers'),
  T('qhse', 'responsable QHSE', 'responsables QHSE', 'health, safety and environment manager', 'health, safety and environment managers'),
  T('peintre', 'peintre industriel', 'peintres industriels', 'industrial painter', 'industrial painters'),
  T('regleur', 'régleur', 'régleurs', 'machine setter', 'machine setters'),
  T('fondeur', 'fondeur', 'fondeurs', 'foundry worker', 'foundry workers'),
  T('cnd', 'contrôleur en essais non destructifs', 'contrôleurs en essais non destructifs', 'non-destructive testing inspector', 'non-destructive testing inspectors'),
  T('mouliste', 'mouliste', 'moulistes', 'mould maker', 'mould makers'),
  T('plasturgiste', 'technicien plasturgiste', 'techniciens plasturgistes', 'plastics technician', 'plastics technicians'),
  T('procedes', 'ingénieur procédés', 'ingénieurs procédés', 'process engineer', 'process engineers'),
  T('data', 'data analyst industriel', 'data analysts industriels', 'industrial data analyst', 'industrial data analysts'),
  T('cyber', 'ingénieur cybersécurité industrielle', 'ingénieurs cybersécurité industrielle', 'industrial cybersecurity engineer', 'industrial cybersecurity engineers'),
  T('developpeur', 'développeur en informatique industrielle', 'développeurs en informatique industrielle', 'industrial software developer', 'industrial software developers'),
  T('couturier', 'opérateur de confection', 'opérateurs de confection', 'sewing machinist', 'sewing machinists'),
  T('textile', 'technicien textile', 'techniciens textiles', 'textile technician', 'textile technicians'),
  T('menuisier', 'menuisier industriel', 'menuisiers industriels', 'industrial joiner', 'industrial joiners'),
  T('scieur', 'pilote de scierie', 'pilotes de scierie', 'sawmill operator', 'sawmill operators'),
  T('cn', 'opérateur sur commande numérique', 'opérateurs sur commande numérique', 'CNC operator', 'CNC operators'),
  T('cableur', 'câbleur', 'câbleurs', 'wiring technician', 'wiring technicians'),
  T('electronicien', 'technicien en électronique', 'techniciens en électronique', 'electronics technician', 'electronics technicians'),
  T('electricien-bord', 'électricien de bord', 'électriciens de bord', 'marine electrician', 'marine electricians'),
  T('conditionnement', 'opérateur de conditionnement', 'opérateurs de conditionnement', 'packaging operator', 'packaging operators'),
  T('fraiseur', 'fraiseur', 'fraiseurs', 'milling machinist', 'milling machinists'),
  T('tourneur', 'tourneur', 'tourneurs', 'lathe operator', 'lathe operators'),
  T('pilote-installation', "pilote d'installation", "pilotes d'installation", 'process plant operator', 'process plant operators'),
  T('radioprotection', 'technicien en radioprotection', 'techniciens en radioprotection', 'radiation protection technician', 'radiation protection technicians'),
  T('eolien', 'technicien de maintenance éolienne', 'techniciens de maintenance éolienne', 'wind turbine technician', 'wind turbine technicians'),
];

export const TRADE_BY_KEY: ReadonlyMap<string, Trade> = new Map(TRADES.map((t) => [t.key, t]));

const S = (
  key: string,
  label: Bi,
  ofFr: string,
  products: readonly Bi[],
  companyWords: readonly string[],
  trades: readonly string[],
): Sector => ({ key, label, ofFr, products, companyWords, trades });

export const SECTORS: readonly Sector[] = [
  S('aeronautique', { fr: 'aéronautique et spatial', en: 'aerospace' }, "de l'aéronautique",
    [{ fr: 'pièces de structure pour avions', en: 'aircraft structural parts' },
      { fr: 'équipements de cabine', en: 'cabin equipment' },
      { fr: "moteurs d'hélicoptères", en: 'helicopter engines' },
      { fr: 'trains d’atterrissage', en: 'landing gear' }],
    ['Aérostructures', 'Aéromécanique', 'Avionique'],
    ['ajusteur', 'usineur', 'chaudronnier', 'controleur', 'methodes', 'qualite', 'peintre', 'cnd']),
  S('automobile', { fr: 'automobile', en: 'automotive' }, "de l'automobile",
    [{ fr: 'équipements automobiles', en: 'car parts' },
      { fr: 'sièges automobiles', en: 'car seats' },
      { fr: 'systèmes de freinage', en: 'braking systems' },
      { fr: 'batteries pour véhicules électriques', en: 'electric vehicle batteries' }],
    ['Équipements', 'Mécanique', 'Emboutissage'],
    ['operateur', 'conducteur', 'maintenance', 'roboticien', 'regleur', 'logisticien', 'peintre']),
  S('agroalimentaire', { fr: 'agroalimentaire', en: 'food industry' }, "de l'agroalimentaire",
    [{ fr: 'biscuits', en: 'biscuits' },
      { fr: 'produits laitiers', en: 'dairy products' },
      { fr: 'plats cuisinés', en: 'ready meals' },
      { fr: 'conserves de légumes', en: 'canned vegetables' },
      { fr: 'jus de fruits', en: 'fruit juices' }],
    ['Biscuiterie', 'Fromagerie', 'Laiterie', 'Conserverie', 'Salaisons', 'Brasserie', 'Chocolaterie'],
    ['conducteur', 'operateur', 'maintenance', 'laboratoire', 'qhse', 'cariste', 'conditionnement']),
  S('chimie', { fr: 'chimie', en: 'chemicals' }, 'de la chimie',
    [{ fr: 'peintures et vernis', en: 'paints and varnishes' },
      { fr: 'produits d’entretien', en: 'cleaning products' },
      { fr: 'résines et polymères', en: 'resins and polymers' },
      { fr: 'gaz industriels', en: 'industrial gases' }],
    ['Chimie', 'Polymères', 'Laboratoires'],
    ['laboratoire', 'pilote-installation', 'procedes', 'qhse', 'maintenance']),
  S('metallurgie', { fr: 'métallurgie', en: 'metalworking' }, 'de la métallurgie',
    [{ fr: 'pièces de fonderie', en: 'castings' },
      { fr: 'charpentes métalliques', en: 'steel structures' },
      { fr: 'tubes en acier', en: 'steel tubes' },
      { fr: 'pièces forgées', en: 'forged parts' }],
    ['Fonderie', 'Forges', 'Aciéries', 'Chaudronnerie', 'Métallerie', 'Tôlerie'],
    ['soudeur', 'chaudronnier', 'fondeur', 'usineur', 'tuyauteur', 'cnd', 'maintenance']),
  S('plasturgie', { fr: 'plasturgie et composites', en: 'plastics and composites' }, 'de la plasturgie',
    [{ fr: 'emballages plastiques', en: 'plastic packaging' },
      { fr: 'pièces injectées', en: 'injection-moulded parts' },
      { fr: 'pièces en matériaux composites', en: 'composite parts' }],
    ['Plastiques', 'Plasturgie', 'Composites', 'Moulage'],
    ['regleur', 'plasturgiste', 'mouliste', 'operateur', 'conducteur']),
  S('energie', { fr: 'énergie', en: 'energy' }, "de l'énergie",
    [{ fr: 'électricité bas carbone', en: 'low-carbon electricity' },
      { fr: 'éoliennes', en: 'wind turbines' },
      { fr: 'biogaz', en: 'biogas' },
      { fr: 'hydrogène vert', en: 'green hydrogen' }],
    ['Énergies', 'Centrale', 'Électricité'],
    ['electrotechnicien', 'maintenance', 'automaticien', 'production', 'radioprotection', 'eolien']),
  S('numerique', { fr: 'numérique industriel', en: 'industrial digital technology' }, 'du numérique industriel',
    [{ fr: "logiciels de pilotage d'usine", en: 'factory management software' },
      { fr: 'capteurs connectés', en: 'connected sensors' },
      { fr: 'jumeaux numériques', en: 'digital twins' }],
    ['Systèmes', 'Automatismes', 'Informatique industrielle'],
    ['automaticien', 'roboticien', 'data', 'developpeur', 'cyber']),
  S('pharmacie', { fr: 'pharmacie et santé', en: 'pharmaceuticals' }, "de l'industrie pharmaceutique",
    [{ fr: 'médicaments', en: 'medicines' },
      { fr: 'vaccins', en: 'vaccines' },
      { fr: 'dispositifs médicaux', en: 'medical devices' }],
    ['Laboratoires', 'Pharma', 'Biotech'],
    ['laboratoire', 'operateur', 'qualite', 'maintenance', 'conditionnement']),
  S('textile', { fr: 'textile', en: 'textiles' }, 'du textile',
    [{ fr: 'tissus techniques', en: 'technical fabrics' },
      { fr: 'vêtements de travail', en: 'workwear' },
      { fr: 'linge de maison', en: 'household linen' }],
    ['Tissages', 'Filature', 'Textiles', 'Bonneterie', 'Confection'],
    ['couturier', 'textile', 'operateur', 'maintenance']),
  S('bois', { fr: 'bois et ameublement', en: 'wood and furniture' }, 'de la filière bois',
    [{ fr: 'charpentes en bois', en: 'timber frames' },
      { fr: 'meubles', en: 'furniture' },
      { fr: 'panneaux de bois', en: 'wood panels' },
      { fr: 'parquets', en: 'wooden floors' }],
    ['Scierie', 'Menuiserie industrielle', 'Ameublement', 'Parquets'],
    ['scieur', 'menuisier', 'cn', 'maintenance']),
  S('naval', { fr: 'construction navale', en: 'shipbuilding' }, 'de la construction navale',
    [{ fr: 'navires de commerce', en: 'merchant ships' },
      { fr: 'bateaux de plaisance', en: 'leisure boats' },
      { fr: 'navires de recherche', en: 'research vessels' }],
    ['Chantiers navals', 'Chantier', 'Constructions navales'],
    ['soudeur', 'tuyauteur', 'chaudronnier', 'electricien-bord', 'peintre']),
  S('ferroviaire', { fr: 'ferroviaire', en: 'rail industry' }, 'du ferroviaire',
    [{ fr: 'trains régionaux', en: 'regional trains' },
      { fr: 'rames de tramway', en: 'trams' },
      { fr: 'équipements de voie', en: 'track equipment' }],
    ['Ateliers ferroviaires', 'Matériel ferroviaire', 'Ateliers'],
    ['soudeur', 'cableur', 'electrotechnicien', 'ajusteur', 'methodes']),
  S('electronique', { fr: 'électronique', en: 'electronics' }, "de l'électronique",
    [{ fr: 'cartes électroniques', en: 'circuit boards' },
      { fr: 'capteurs', en: 'sensors' },
      { fr: 'composants de puissance', en: 'power components' }],
    ['Électronique', 'Circuits imprimés', 'Composants'],
    ['cableur', 'electronicien', 'operateur', 'qualite']),
  S('mecanique', { fr: 'mécanique de précision', en: 'precision engineering' }, 'de la mécanique de précision',
    [{ fr: 'pièces décolletées', en: 'turned parts' },
      { fr: 'outillages', en: 'tooling' },
      { fr: 'roulements', en: 'bearings' }],
    ['Mécanique', 'Décolletage', 'Usinage', 'Précision'],
    ['usineur', 'regleur', 'fraiseur', 'tourneur', 'methodes', 'controleur', 'dessinateur']),
  S('cosmetique', { fr: 'cosmétique et parfumerie', en: 'cosmetics and perfume' }, 'de la cosmétique',
    [{ fr: 'parfums', en: 'perfumes' },
      { fr: 'soins de la peau', en: 'skincare products' },
      { fr: 'arômes naturels', en: 'natural flavourings' }],
    ['Laboratoires', 'Cosmétiques', 'Parfums'],
    ['laboratoire', 'conducteur', 'conditionnement', 'qualite']),
  S('papier', { fr: 'papier-carton et emballage', en: 'paper and packaging' }, 'du papier-carton',
    [{ fr: 'cartons ondulés', en: 'corrugated boxes' },
      { fr: 'papier recyclé', en: 'recycled paper' },
      { fr: 'emballages alimentaires', en: 'food packaging' }],
    ['Papeterie', 'Cartonnerie', 'Emballages'],
    ['conducteur', 'maintenance', 'cariste', 'operateur']),
  S('materiaux', { fr: 'verre et matériaux', en: 'glass and building materials' }, 'des matériaux',
    [{ fr: 'bouteilles en verre', en: 'glass bottles' },
      { fr: 'tuiles et briques', en: 'roof tiles and bricks' },
      { fr: 'ciment', en: 'cement' }],
    ['Verrerie', 'Tuilerie', 'Cimenterie', 'Céramiques'],
    ['operateur', 'maintenance', 'conducteur', 'electrotechnicien']),
];

export const SECTOR_BY_KEY: ReadonlyMap<string, Sector> = new Map(SECTORS.map((s) => [s.key, s]));

/**
 * Sectors that a department is known for, with how much more often they come up there (a
 * shipyard in Loire-Atlantique, aerospace around Toulouse, the Arve valley's bar-turning…).
 */
export const SECTOR_BOOSTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '01': { plasturgie: 5 },
  '06': { cosmetique: 4, numerique: 2 },
  '13': { chimie: 2, naval: 2, metallurgie: 2, aeronautique: 2 },
  '18': { aeronautique: 2 },
  '21': { agroalimentaire: 2, pharmacie: 2 },
  '22': { agroalimentaire: 3 },
  '25': { automobile: 4, mecanique: 2 },
  '28': { cosmetique: 4 },
  '29': { agroalimentaire: 3, naval: 4 },
  '31': { aeronautique: 6 },
  '33': { aeronautique: 3 },
  '35': { agroalimentaire: 2, automobile: 2, numerique: 2 },
  '38': { chimie: 2, electronique: 3, energie: 2 },
  '42': { metallurgie: 2, mecanique: 2 },
  '44': { naval: 4, aeronautique: 2 },
  '45': { cosmetique: 3, pharmacie: 2 },
  '50': { naval: 3, energie: 3 },
  '51': { agroalimentaire: 3 },
  '54': { metallurgie: 2 },
  '56': { naval: 4, agroalimentaire: 2 },
  '57': { metallurgie: 3, automobile: 2 },
  '59': { metallurgie: 2, ferroviaire: 3, automobile: 2, textile: 2 },
  '63': { automobile: 3 },
  '64': { aeronautique: 2, chimie: 2 },
  '67': { pharmacie: 2, agroalimentaire: 2 },
  '68': { automobile: 2, chimie: 2, textile: 2 },
  '69': { chimie: 3, pharmacie: 2, numerique: 2 },
  '71': { metallurgie: 3, ferroviaire: 2 },
  '74': { mecanique: 6 },
  '75': { numerique: 3, pharmacie: 2 },
  '76': { chimie: 3, energie: 2 },
  '78': { automobile: 3 },
  '83': { naval: 3 },
  '88': { bois: 4, textile: 2 },
  '40': { bois: 4 },
  '90': { energie: 3, ferroviaire: 3 },
  '91': { numerique: 2, aeronautique: 2 },
  '92': { numerique: 3 },
  '95': { aeronautique: 2 },
  '971': { agroalimentaire: 4, energie: 2 },
  '972': { agroalimentaire: 4, energie: 2 },
  '973': { aeronautique: 6, bois: 2 },
  '974': { agroalimentaire: 4, energie: 2 },
  '976': { agroalimentaire: 3, energie: 2 },
  '2A': { agroalimentaire: 3, energie: 2 },
  '2B': { agroalimentaire: 3, energie: 2 },
};

/** How often each sector comes up nationally before the department boosts. */
export const SECTOR_WEIGHTS: Readonly<Record<string, number>> = {
  aeronautique: 6, automobile: 7, agroalimentaire: 10, chimie: 5, metallurgie: 10, plasturgie: 5,
  energie: 6, numerique: 5, pharmacie: 4, textile: 2, bois: 3, naval: 2, ferroviaire: 2,
  electronique: 4, mecanique: 8, cosmetique: 2, papier: 3, materiaux: 3,
};

export const SURNAMES: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Schmitt', 'Rolland', 'Renaud', 'Colin', 'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert',
  'Lemoine', 'Renard', 'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois', 'Pierre', 'Benoît', 'Rey',
  'Leclerc', 'Payet', 'Hoarau', 'Grondin', 'Jean-Baptiste', 'Huet', 'Charpentier', 'Ménard', 'Maillard', 'Baron',
];

/** Invented brand syllables: "Mécaform", "Axitec"… */
export const BRAND_HEADS: readonly string[] = [
  'Méca', 'Axi', 'Techni', 'Indus', 'Proto', 'Flexi', 'Alu', 'Ther', 'Hydra', 'Opti', 'Ferro', 'Poly',
  'Vol', 'Elec', 'Cristal', 'Nova', 'Sidé', 'Armor', 'Alpi', 'Occi', 'Rhéna', 'Ligé', 'Garo', 'Vendé',
];
export const BRAND_TAILS: readonly string[] = [
  'form', 'tec', 'line', 'lab', 'pro', 'meca', 'sys', 'plast', 'tech', 'norm', 'flux', 'ance', 'is', 'om',
];
/** The article a company word takes in running French ("la Fonderie Martin"); absent: none. */
export const COMPANY_WORD_ARTICLES: Readonly<Record<string, 'le' | 'la' | 'les'>> = {
  Fonderie: 'la', Chaudronnerie: 'la', Métallerie: 'la', Tôlerie: 'la', Biscuiterie: 'la', Fromagerie: 'la',
  Laiterie: 'la', Conserverie: 'la', Brasserie: 'la', Chocolaterie: 'la', Scierie: 'la',
  'Menuiserie industrielle': 'la', Papeterie: 'la', Cartonnerie: 'la', Verrerie: 'la', Tuilerie: 'la',
  Cimenterie: 'la', Filature: 'la', Bonneterie: 'la', Centrale: 'la',
  Forges: 'les', Aciéries: 'les', Salaisons: 'les', Laboratoires: 'les', 'Chantiers navals': 'les', Ateliers: 'les',
  Tissages: 'les', 'Ateliers ferroviaires': 'les', 'Constructions navales': 'les',
  Chantier: 'le',
};

export const COMPANY_SUFFIXES: readonly string[] = ['Industrie', 'Industries', 'SAS', 'Group', 'France', '& Fils', 'Technologies', ''];

/** People schools and venues are named after, as on real French schools. */
export const PATRONS: readonly string[] = [
  'Jean Moulin', 'Jules Ferry', 'Victor Hugo', 'Marie Curie', 'Louis Pasteur', 'Jean Jaurès', 'Gustave Eiffel',
  'Léonard de Vinci', 'Paul Langevin', 'Jacques Prévert', 'Simone Veil', 'Émile Zola', 'Jean Monnet',
  'Antoine de Saint-Exupéry', 'Pierre et Marie Curie', 'Joliot-Curie', 'Louis Armand', 'Albert Camus',
  'Condorcet', 'Descartes', 'Jean Rostand', 'Henri Becquerel', 'Blaise Pascal', 'Nicolas-Joseph Cugnot',
  'Sophie Germain', 'Olympe de Gouges', 'Camille Claudel', 'Denis Papin', 'Gaston Bachelard', 'Louis Blériot',
  'Eugène Freyssinet', 'Hélène Boucher', 'Irène Joliot-Curie', 'Marcel Sembat', 'Ambroise Croizat',
  'André Malraux', 'Alexandre Dumas', 'Nelson Mandela', 'Lavoisier', 'Ampère', 'Vaucanson', 'Édouard Branly',
];

export const STREET_TYPES: readonly (readonly [string, number])[] = [
  ['rue', 40], ['avenue', 18], ['boulevard', 6], ['allée', 6], ['chemin', 6], ['route', 8], ['impasse', 3],
  ['place', 3], ['quai', 2], ['zone industrielle,', 4], ["parc d'activités,", 4],
];

export const STREET_NAMES: readonly string[] = [
  "de l'Industrie", 'des Frères Lumière', 'Jean Jaurès', 'du Général de Gaulle', 'de la République',
  'Gustave Eiffel', 'des Artisans', 'du Stade', 'de la Gare', 'Pasteur', 'Victor Hugo', 'des Forges',
  'de la Fonderie', 'du Moulin', 'Denis Papin', 'Ampère', 'Louis Blériot', "de l'Europe", 'des Métiers',
  'de la Paix', 'Marcel Paul', 'du 8 Mai 1945', 'des Tilleuls', 'de Verdun', 'Nationale', 'des Usines',
  'du Port', 'de la Liberté', 'Pierre Mendès France', 'Jules Verne', "de l'Innovation", 'des Entrepreneurs',
  'Thomas Edison', 'Léon Blum', 'Nicéphore Niépce', 'de la Croix Blanche', 'des Peupliers', 'du Canal',
];

/** Named industrial areas, used after "zone industrielle," and "parc d'activités,". */
export const AREA_NAMES: readonly string[] = [
  'des Gravanches', 'de la Plaine', 'du Bois Joli', 'des Prés', 'de la Croix Rouge', 'du Vallon', 'Nord', 'Sud',
  'des Écluses', 'de la Gare', 'du Parc', 'des Hauts', 'de Beaupré', 'des Saules',
];

/** Talk subjects that recur in the edition's press material. */
export const TOPICS: readonly Bi[] = [
  { fr: "l'industrie du futur", en: 'the factory of the future' },
  { fr: "la décarbonation de l'industrie", en: 'decarbonising industry' },
  { fr: "les femmes dans l'industrie", en: 'women in industry' },
  { fr: 'la réindustrialisation des territoires', en: 'bringing industry back to the regions' },
  { fr: "l'intelligence artificielle dans les usines", en: 'artificial intelligence in factories' },
  { fr: "l'économie circulaire et le recyclage", en: 'the circular economy and recycling' },
  { fr: "l'alternance, une voie d'excellence", en: 'apprenticeships, a route to excellence' },
  { fr: 'le « fabriqué en France »', en: '“Made in France”' },
  { fr: "la sobriété énergétique dans l'industrie", en: 'energy efficiency in industry' },
  { fr: 'la robotique collaborative', en: 'collaborative robots' },
  { fr: "la mixité des métiers de l'industrie", en: 'gender balance in industrial jobs' },
  { fr: "l'hydrogène et les énergies nouvelles", en: 'hydrogen and new energies' },
];

/** Hands-on activities for workshops and escape games. */
export const ACTIVITIES: readonly Bi[] = [
  { fr: 'initiation à la soudure en réalité virtuelle', en: 'virtual-reality welding taster' },
  { fr: 'découverte de la robotique collaborative', en: 'hands-on collaborative robots' },
  { fr: "impression 3D, de l'idée à la pièce", en: '3D printing, from idea to part' },
  { fr: 'programmer un robot industriel', en: 'programming an industrial robot' },
  { fr: 'la chaîne de production en miniature', en: 'a production line in miniature' },
  { fr: 'contrôle qualité, menez l’enquête', en: 'quality control detectives' },
  { fr: 'fabrique ta lampe connectée', en: 'make your own connected lamp' },
  { fr: "découverte de l'électronique", en: 'discovering electronics' },
];

export const ESCAPE_THEMES: readonly Bi[] = [
  { fr: 'Mission usine du futur', en: 'Mission: factory of the future' },
  { fr: 'Panique à la chaîne de production', en: 'Panic on the production line' },
  { fr: 'Le secret de la machine perdue', en: 'The secret of the lost machine' },
  { fr: 'Alerte au laboratoire', en: 'Lab alert' },
  { fr: 'Sauvez la ligne 4 !', en: 'Save line 4!' },
];

export const EXHIBITION_THEMES: readonly Bi[] = [
  { fr: "L'industrie en images", en: 'Industry in pictures' },
  { fr: "Femmes de l'industrie", en: 'Women of industry' },
  { fr: 'Cent ans de savoir-faire industriel', en: 'A hundred years of industrial know-how' },
  { fr: 'Objets du quotidien fabriqués près de chez vous', en: 'Everyday objects made near you' },
  { fr: "L'usine d'hier à demain", en: "The factory, yesterday and tomorrow" },
];
