/**
 * Where sample events happen: how many per region, which real commune, and the `location` object
 * in the shapes the feed really uses (current adminLevel fields, legacy region/department/city,
 * names in odd accents and cases), so the normaliser meets them all.
 */
import { createRequire } from 'node:module';
import { departmentOf, regionOf } from '../../src/geo/admin.js';
import { DEPARTMENT_CENTRES, jitterAround } from './department-centres.js';
import { makeStreet, type Named } from './names.js';
import { type Rng, WeightedTable } from './prng.js';

export interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}

/**
 * Labelled events of the 2022 edition per region (the national map, shared/EDITIONS.md). Corse
 * and Mayotte are not on that map; they get a few so that every region exists in the sample.
 */
export const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  '32': 348, // Hauts-de-France
  '28': 318, // Normandie
  '11': 260, // Île-de-France
  '44': 356, // Grand Est
  '53': 69, // Bretagne
  '52': 254, // Pays de la Loire
  '24': 152, // Centre-Val de Loire
  '27': 263, // Bourgogne-Franche-Comté
  '75': 195, // Nouvelle-Aquitaine
  '84': 565, // Auvergne-Rhône-Alpes
  '76': 406, // Occitanie
  '93': 191, // Provence-Alpes-Côte d'Azur
  '04': 65, // La Réunion
  '03': 9, // Guyane
  '01': 7, // Guadeloupe
  '02': 4, // Martinique
  '94': 12, // Corse
  '06': 3, // Mayotte
};

/**
 * Towns known for their industry, drawn three times as often as their population alone would
 * make them (below 200,000 inhabitants: the metropolises on the list are heavy enough). Checked
 * by name against @etalab at load time (a test fails on a typo).
 */
export const INDUSTRIAL_TOWNS: readonly (readonly [department: string, name: string])[] = [
  ['59', 'Dunkerque'],
  ['59', 'Valenciennes'],
  ['59', 'Maubeuge'],
  ['59', 'Douai'],
  ['62', 'Calais'],
  ['62', 'Béthune'],
  ['62', 'Boulogne-sur-Mer'],
  ['02', 'Saint-Quentin'],
  ['60', 'Compiègne'],
  ['60', 'Creil'],
  ['80', 'Abbeville'],
  ['76', 'Le Havre'],
  ['76', 'Rouen'],
  ['27', 'Vernon'],
  ['61', 'Flers'],
  ['50', 'Cherbourg-en-Cotentin'],
  ['14', 'Caen'],
  ['44', 'Saint-Nazaire'],
  ['49', 'Cholet'],
  ['85', 'Les Herbiers'],
  ['72', 'Le Mans'],
  ['56', 'Lorient'],
  ['29', 'Brest'],
  ['35', 'Rennes'],
  ['67', 'Molsheim'],
  ['67', 'Haguenau'],
  ['68', 'Mulhouse'],
  ['57', 'Thionville'],
  ['57', 'Sarreguemines'],
  ['54', 'Nancy'],
  ['88', 'Épinal'],
  ['51', 'Reims'],
  ['08', 'Charleville-Mézières'],
  ['10', 'Troyes'],
  ['25', 'Montbéliard'],
  ['25', 'Sochaux'],
  ['90', 'Belfort'],
  ['71', 'Le Creusot'],
  ['71', 'Chalon-sur-Saône'],
  ['58', 'Nevers'],
  ['39', 'Saint-Claude'],
  ['01', 'Oyonnax'],
  ['74', 'Cluses'],
  ['74', 'Annecy'],
  ['38', 'Grenoble'],
  ['42', 'Saint-Étienne'],
  ['42', 'Roanne'],
  ['63', 'Clermont-Ferrand'],
  ['03', 'Montluçon'],
  ['69', 'Lyon'],
  ['69', 'Vénissieux'],
  ['26', 'Valence'],
  ['31', 'Toulouse'],
  ['31', 'Blagnac'],
  ['65', 'Tarbes'],
  ['46', 'Figeac'],
  ['81', 'Castres'],
  ['64', 'Pau'],
  ['64', 'Mourenx'],
  ['33', 'Mérignac'],
  ['16', 'Cognac'],
  ['86', 'Châtellerault'],
  ['87', 'Limoges'],
  ['17', 'Rochefort'],
  ['13', 'Marseille'],
  ['13', 'Fos-sur-Mer'],
  ['13', 'Martigues'],
  ['13', 'Marignane'],
  ['13', 'Istres'],
  ['83', 'La Seyne-sur-Mer'],
  ['84', 'Cavaillon'],
  ['18', 'Bourges'],
  ['18', 'Vierzon'],
  ['45', 'Orléans'],
  ['28', 'Dreux'],
  ['41', 'Vendôme'],
  ['37', 'Tours'],
  ['78', 'Poissy'],
  ['78', 'Les Mureaux'],
  ['91', 'Évry-Courcouronnes'],
  ['77', 'Montereau-Fault-Yonne'],
  ['95', 'Gonesse'],
  ['974', 'Le Port'],
  ['971', 'Baie-Mahault'],
  ['972', 'Le Lamentin'],
  ['973', 'Kourou'],
  ['2B', 'Bastia'],
  ['2A', 'Ajaccio'],
  ['976', 'Mamoudzou'],
];

const INDUSTRIAL_BOOST = 3;
const BOOST_MAX_POPULATION = 200_000;
/** Villages under this size rarely host a labelled event; above it, weight follows population. */
const MIN_POPULATION = 200;
const POPULATION_EXPONENT = 1;

const ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

export function timezoneOfDepartment(code: string): string {
  return ZONES[code] ?? 'Europe/Paris';
}

let communesCache: EtalabCommune[] | undefined;

/** Current communes of the 101 departments (no overseas collectivities, no municipal districts). */
export function loadCommunes(): EtalabCommune[] {
  if (!communesCache) {
    const require = createRequire(import.meta.url);
    const all = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
    communesCache = all.filter(
      (c) =>
        c.type === 'commune-actuelle' && DEPARTMENT_CENTRES[c.departement] !== undefined && (c.codesPostaux?.length ?? 0) > 0,
    );
  }
  return communesCache;
}

export function industrialTownCodes(communes: readonly EtalabCommune[]): Map<string, string> {
  const byKey = new Map(communes.map((c) => [`${c.departement}|${c.nom}`, c.code]));
  const out = new Map<string, string>();
  for (const [dep, name] of INDUSTRIAL_TOWNS) {
    const code = byKey.get(`${dep}|${name}`);
    if (code) out.set(`${dep}|${name}`, code);
  }
  return out;
}

/** Per-region weighted tables of communes, built once per process (8 MB of JSON to read). */
let pickerCache: Map<string, WeightedTable<EtalabCommune>> | undefined;

export function communeTables(): Map<string, WeightedTable<EtalabCommune>> {
  if (pickerCache) return pickerCache;
  const communes = loadCommunes();
  const boosted = new Set(industrialTownCodes(communes).values());
  const byRegion = new Map<string, EtalabCommune[]>();
  for (const c of communes) {
    const list = byRegion.get(c.region) ?? [];
    list.push(c);
    byRegion.set(c.region, list);
  }
  pickerCache = new Map();
  for (const [region, list] of byRegion) {
    pickerCache.set(
      region,
      new WeightedTable(list, (c) => {
        const pop = c.population ?? 0;
        if (pop < MIN_POPULATION) return 0;
        // Metropolises are heavy enough already: the boost is for industrial towns, not for Lyon.
        const boost = boosted.has(c.code) && pop < BOOST_MAX_POPULATION ? INDUSTRIAL_BOOST : 1;
        return pop ** POPULATION_EXPONENT * boost;
      }),
    );
  }
  return pickerCache;
}

/**
 * Exactly `count` region codes in the proportions of REGION_WEIGHTS (largest remainder), every
 * region at least once when there are enough events, in a seeded random order.
 */
export function allocateRegions(count: number, rng: Rng): string[] {
  const entries = Object.entries(REGION_WEIGHTS);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const quotas = entries.map(([code, w]) => {
    const exact = (count * w) / total;
    return { code, n: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let missing = count - quotas.reduce((sum, q) => sum + q.n, 0);
  for (const q of [...quotas].sort((a, b) => b.rest - a.rest || a.code.localeCompare(b.code))) {
    if (missing <= 0) break;
    q.n++;
    missing--;
  }
  if (count >= entries.length * 4) {
    for (const q of quotas) {
      if (q.n > 0) continue;
      const donor = quotas.reduce((a, b) => (b.n > a.n ? b : a));
      donor.n--;
      q.n++;
    }
  }
  const out: string[] = [];
  for (const q of quotas) for (let i = 0; i < q.n; i++) out.push(q.code);
  return rng.shuffle(out);
}

export function pickCommune(rng: Rng, region: string): EtalabCommune {
  const table = communeTables().get(region);
  if (!table) throw new Error(`no communes for region ${region}`);
  return table.draw(rng);
}

/** How the location's administrative names are written. */
type AdminStyle = 'current' | 'both' | 'legacy';

/**
 * Older records and hand-typed ones spell regions and departments every which way; the
 * normaliser folds accents, case and punctuation and knows pre-2016 region names.
 */
function spell(rng: Rng, name: string): string {
  const r = rng.float();
  if (r < 0.9) return name;
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (r < 0.93) return plain.toUpperCase();
  if (r < 0.96) return plain;
  if (r < 0.98) return name.replace(/'/g, '’');
  return name.toLowerCase();
}

/** Pre-2016 or short names the feed still carries, only where the successor is unambiguous. */
const OLD_REGION_NAMES: Readonly<Record<string, readonly string[]>> = {
  '32': ['Nord-Pas-de-Calais-Picardie'],
  '44': ['Alsace-Champagne-Ardenne-Lorraine'],
  '75': ['Aquitaine-Limousin-Poitou-Charentes', 'Aquitaine'],
  '76': ['Languedoc-Roussillon-Midi-Pyrénées'],
  '93': ['PACA', 'Région Sud'],
  '84': ['AURA'],
  '24': ['Centre'],
  '04': ['Réunion'],
};

export interface Venue {
  readonly uid: number;
  readonly named: Named;
  readonly address: string;
  readonly postalCode: string;
  readonly commune: EtalabCommune;
  readonly lat: number;
  readonly lng: number;
  /** Places are created once and reused by later events, well before this edition. */
  readonly createdAt: string;
}

export function makeVenueRecord(rng: Rng, uid: number, named: Named, commune: EtalabCommune, createdAt: string): Venue {
  const centre = DEPARTMENT_CENTRES[commune.departement];
  if (!centre) throw new Error(`no centre for department ${commune.departement}`);
  const postalCode = rng.pick(commune.codesPostaux ?? []);
  const { lat, lng } = jitterAround(centre, rng.float(), rng.float());
  return {
    uid,
    named,
    address: `${makeStreet(rng)}, ${postalCode} ${commune.nom}`,
    postalCode,
    commune,
    lat,
    lng,
    createdAt,
  };
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The `location` object of a detailed event. */
export function locationRecord(rng: Rng, venue: Venue, agendaUid: number): Record<string, unknown> {
  const { commune } = venue;
  const department = departmentOf(commune.departement);
  const region = regionOf(commune.region);
  if (!department || !region) throw new Error(`unknown department/region for ${commune.code}`);
  const style = rng.weighted<AdminStyle>([
    ['current', 55],
    ['both', 15],
    ['legacy', 30],
  ]);
  const old = OLD_REGION_NAMES[region.code];
  const regionName = style === 'legacy' && old && rng.chance(0.05) ? rng.pick(old) : spell(rng, region.name);
  const departmentName = spell(rng, department.name);
  // Legacy records sometimes carry the city in capitals, as typed by the organiser.
  const city = style === 'legacy' && rng.chance(0.05) ? commune.nom.toUpperCase() : commune.nom;
  const base: Record<string, unknown> = {
    uid: venue.uid,
    slug: `${slugify(venue.named.name)}-${venue.uid % 1_000_000}`,
    name: venue.named.name,
    address: venue.address,
    postalCode: venue.postalCode,
    city,
    insee: commune.code,
    countryCode: 'FR',
    latitude: venue.lat,
    longitude: venue.lng,
    timezone: timezoneOfDepartment(commune.departement),
  };
  if (style !== 'legacy') {
    Object.assign(base, {
      adminLevel1: regionName,
      adminLevel2: departmentName,
      adminLevel3: null,
      adminLevel4: commune.nom,
      adminLevel5: null,
      district: null,
    });
  }
  if (style !== 'current') Object.assign(base, { region: regionName, department: departmentName });
  Object.assign(base, {
    description: {},
    access: {},
    image: null,
    imageCredits: null,
    website: null,
    email: null,
    phone: null,
    links: [],
    tags: null,
    extId: null,
    state: 1,
    agendaUid,
    createdAt: venue.createdAt,
    updatedAt: venue.createdAt,
  });
  return base;
}
