/**
 * Where sample events are put on the map.
 *
 * @etalab/decoupage-administratif has no coordinates, and the generator must stay offline, so each
 * department gets its prefecture's (chef-lieu's) approximate coordinates, written from general
 * knowledge, and every event of the department is placed around that point with a small
 * deterministic jitter. This is an approximation: an event in Dunkerque is drawn near Lille. It
 * is good enough for what the sample is for (map clustering, region/department filters, bounding
 * boxes) and keeps every point inside its own department, which a real commune centroid table
 * would only make marginally better at the cost of a large data file.
 *
 * `arc` limits the jitter to a range of bearings (degrees clockwise from north) for prefectures
 * on a coast, so that points do not land in the sea (Marseille, Nice, Saint-Denis de La Réunion…).
 */

export interface DepartmentCentre {
  /** Prefecture the point stands for, for readers of this table. */
  readonly prefecture: string;
  readonly lat: number;
  readonly lng: number;
  /** Jitter radius in km. */
  readonly radiusKm: number;
  /** Allowed bearings [from, to] in degrees; `from > to` wraps through north. */
  readonly arc?: readonly [number, number];
}

// Paris and the small departments around it are dense and tiny: 8 km would cross into the next
// department. Islands and overseas prefectures sit between sea and mountains.
const SMALL = 2;
const ISLAND = 3;
const DEFAULT = 8;

type Row = readonly [
  code: string,
  prefecture: string,
  lat: number,
  lng: number,
  radiusKm?: number,
  arc?: readonly [number, number],
];

const ROWS: readonly Row[] = [
  ['01', 'Bourg-en-Bresse', 46.2052, 5.2255],
  ['02', 'Laon', 49.5641, 3.6199],
  ['03', 'Moulins', 46.5646, 3.3326],
  ['04', 'Digne-les-Bains', 44.0925, 6.2356],
  ['05', 'Gap', 44.5594, 6.0786],
  ['06', 'Nice', 43.7102, 7.262, 4, [290, 70]],
  ['07', 'Privas', 44.7353, 4.599],
  ['08', 'Charleville-Mézières', 49.7621, 4.7263],
  ['09', 'Foix', 42.9653, 1.6071],
  ['10', 'Troyes', 48.2973, 4.0744],
  ['11', 'Carcassonne', 43.213, 2.3491],
  ['12', 'Rodez', 44.3506, 2.575],
  ['13', 'Marseille', 43.2965, 5.3698, 6, [0, 100]],
  ['14', 'Caen', 49.1829, -0.3707],
  ['15', 'Aurillac', 44.9264, 2.4397],
  ['16', 'Angoulême', 45.6484, 0.1562],
  ['17', 'La Rochelle', 46.1603, -1.1511, 5, [0, 100]],
  ['18', 'Bourges', 47.081, 2.3988],
  ['19', 'Tulle', 45.2658, 1.7722],
  ['21', 'Dijon', 47.322, 5.0415],
  ['22', 'Saint-Brieuc', 48.5136, -2.7603, 6, [150, 290]],
  ['23', 'Guéret', 46.1714, 1.8714],
  ['24', 'Périgueux', 45.1846, 0.7214],
  ['25', 'Besançon', 47.2378, 6.0241],
  ['26', 'Valence', 44.9334, 4.8924, 6, [10, 170]],
  ['27', 'Évreux', 49.0241, 1.1508],
  ['28', 'Chartres', 48.4439, 1.489],
  ['29', 'Quimper', 47.996, -4.1024],
  ['2A', 'Ajaccio', 41.9192, 8.7386, ISLAND, [0, 90]],
  ['2B', 'Bastia', 42.6977, 9.4508, ISLAND, [190, 340]],
  ['30', 'Nîmes', 43.8367, 4.3601],
  ['31', 'Toulouse', 43.6047, 1.4442],
  ['32', 'Auch', 43.6465, 0.5855],
  ['33', 'Bordeaux', 44.8378, -0.5792],
  ['34', 'Montpellier', 43.6108, 3.8767, DEFAULT, [250, 110]],
  ['35', 'Rennes', 48.1173, -1.6778],
  ['36', 'Châteauroux', 46.8103, 1.6913],
  ['37', 'Tours', 47.3941, 0.6848],
  ['38', 'Grenoble', 45.1885, 5.7245],
  ['39', 'Lons-le-Saunier', 46.6744, 5.555],
  ['40', 'Mont-de-Marsan', 43.8902, -0.4994],
  ['41', 'Blois', 47.5861, 1.3359],
  ['42', 'Saint-Étienne', 45.4397, 4.3872],
  ['43', 'Le Puy-en-Velay', 45.0434, 3.8855],
  ['44', 'Nantes', 47.2184, -1.5536],
  ['45', 'Orléans', 47.903, 1.9093],
  ['46', 'Cahors', 44.4475, 1.4419],
  ['47', 'Agen', 44.2033, 0.6163],
  ['48', 'Mende', 44.5181, 3.5006],
  ['49', 'Angers', 47.4784, -0.5632],
  ['50', 'Saint-Lô', 49.1157, -1.0906],
  ['51', 'Châlons-en-Champagne', 48.9566, 4.3631],
  ['52', 'Chaumont', 48.1113, 5.1392],
  ['53', 'Laval', 48.0707, -0.7734],
  ['54', 'Nancy', 48.6921, 6.1844],
  ['55', 'Bar-le-Duc', 48.7727, 5.16],
  ['56', 'Vannes', 47.6582, -2.7608, 6, [280, 80]],
  ['57', 'Metz', 49.1193, 6.1757],
  ['58', 'Nevers', 46.991, 3.159],
  ['59', 'Lille', 50.6292, 3.0573],
  ['60', 'Beauvais', 49.4295, 2.0807],
  ['61', 'Alençon', 48.4329, 0.0913],
  ['62', 'Arras', 50.291, 2.7775],
  ['63', 'Clermont-Ferrand', 45.7772, 3.087],
  ['64', 'Pau', 43.2951, -0.3708],
  ['65', 'Tarbes', 43.2328, 0.0781],
  ['66', 'Perpignan', 42.6887, 2.8948],
  ['67', 'Strasbourg', 48.5734, 7.7521, 6, [180, 20]],
  ['68', 'Colmar', 48.0794, 7.3585],
  ['69', 'Lyon', 45.764, 4.8357, 6],
  ['70', 'Vesoul', 47.6198, 6.1544],
  ['71', 'Mâcon', 46.3069, 4.8287, 6, [180, 10]],
  ['72', 'Le Mans', 48.0061, 0.1996],
  ['73', 'Chambéry', 45.5646, 5.9178],
  ['74', 'Annecy', 45.8992, 6.1294],
  ['75', 'Paris', 48.8566, 2.3522, SMALL],
  ['76', 'Rouen', 49.4432, 1.0999],
  ['77', 'Melun', 48.5421, 2.6554],
  ['78', 'Versailles', 48.8049, 2.1204, SMALL],
  ['79', 'Niort', 46.3237, -0.4588],
  ['80', 'Amiens', 49.8941, 2.2958],
  ['81', 'Albi', 43.9289, 2.1464],
  ['82', 'Montauban', 44.0176, 1.355],
  ['83', 'Toulon', 43.1242, 5.928, 5, [280, 80]],
  ['84', 'Avignon', 43.9493, 4.8055, 5, [0, 120]],
  ['85', 'La Roche-sur-Yon', 46.6705, -1.426],
  ['86', 'Poitiers', 46.5802, 0.3404],
  ['87', 'Limoges', 45.8336, 1.2611],
  ['88', 'Épinal', 48.1724, 6.4496],
  ['89', 'Auxerre', 47.7986, 3.5673],
  ['90', 'Belfort', 47.638, 6.8628, SMALL],
  ['91', 'Évry-Courcouronnes', 48.6239, 2.429, 4],
  ['92', 'Nanterre', 48.8924, 2.2071, SMALL],
  ['93', 'Bobigny', 48.9077, 2.4397, SMALL],
  ['94', 'Créteil', 48.7904, 2.4556, SMALL],
  ['95', 'Cergy', 49.0364, 2.0761, 4],
  ['971', 'Basse-Terre', 15.9985, -61.7261, ISLAND, [10, 100]],
  ['972', 'Fort-de-France', 14.6161, -61.0588, ISLAND, [300, 90]],
  ['973', 'Cayenne', 4.9224, -52.3135, ISLAND, [110, 250]],
  ['974', 'Saint-Denis', -20.8789, 55.4481, ISLAND, [110, 250]],
  ['976', 'Mamoudzou', -12.7806, 45.2279, ISLAND, [200, 340]],
];

export const DEPARTMENT_CENTRES: Readonly<Record<string, DepartmentCentre>> = Object.fromEntries(
  ROWS.map(([code, prefecture, lat, lng, radiusKm, arc]) => [
    code,
    arc ? { prefecture, lat, lng, radiusKm: radiusKm ?? DEFAULT, arc } : { prefecture, lat, lng, radiusKm: radiusKm ?? DEFAULT },
  ]),
);

const KM_PER_DEGREE_LAT = 111.32;

/**
 * A point around the department's prefecture: uniform over the disc (or its allowed arc), from
 * two random numbers in [0, 1) so that the caller's seeded generator decides.
 */
export function jitterAround(centre: DepartmentCentre, u1: number, u2: number): { lat: number; lng: number } {
  const [from, to] = centre.arc ?? [0, 360];
  const span = (to - from + 360) % 360 || 360;
  const bearing = ((from + u1 * span) * Math.PI) / 180;
  const distance = centre.radiusKm * Math.sqrt(u2);
  const dLat = (distance * Math.cos(bearing)) / KM_PER_DEGREE_LAT;
  const dLng = (distance * Math.sin(bearing)) / (KM_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180));
  // Six decimals, like the real feed (about 10 cm).
  return { lat: round6(centre.lat + dLat), lng: round6(centre.lng + dLng) };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Great-circle distance in km, for the tests and for sanity checks. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
