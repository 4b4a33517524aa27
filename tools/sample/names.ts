/**
 * Fictional names of companies and venues, and the French grammar they need in running text
 * ("de la Fonderie Martin", "au Lycée Jean Moulin", "d'Axitec", "au Havre"): generated text that
 * gets elision and articles wrong reads as fake at once.
 */
import type { VenueKind } from './catalog.js';
import type { Rng } from './prng.js';
import {
  AREA_NAMES,
  BRAND_HEADS,
  BRAND_TAILS,
  COMPANY_SUFFIXES,
  COMPANY_WORD_ARTICLES,
  PATRONS,
  STREET_NAMES,
  STREET_TYPES,
  SURNAMES,
  type Sector,
} from './words.js';

export type Article = '' | 'le' | 'la' | 'les';

export interface Named {
  readonly name: string;
  /** Article in running French text; '' for brand-like names ("Mécaform", "France Travail Lyon"). */
  readonly art: Article;
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöûüœhAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜŒH]/;

function elides(word: string): boolean {
  return VOWEL_START.test(word);
}

/** "de biscuits", "d'éoliennes", "d'ingénieur qualité". */
export function deWord(word: string): string {
  return elides(word) ? `d'${word}` : `de ${word}`;
}

/** "la Fonderie Martin", "l'IUT de Lyon", "les Forges Durand", "Mécaform". */
export function theNamed(n: Named, capital = false): string {
  let out: string;
  if (n.art === '') out = n.name;
  else if (n.art !== 'les' && elides(n.name)) out = `l'${n.name}`;
  else out = `${n.art} ${n.name}`;
  return capital ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** "de la Fonderie Martin", "du Lycée Jean Moulin", "des Forges Durand", "d'Axitec". */
export function deNamed(n: Named): string {
  if (n.art === '') return deWord(n.name);
  if (n.art !== 'les' && elides(n.name)) return `de l'${n.name}`;
  if (n.art === 'le') return `du ${n.name}`;
  if (n.art === 'les') return `des ${n.name}`;
  return `de la ${n.name}`;
}

/** "à la Médiathèque…", "au Collège…", "aux Forges…", "à l'IUT…", "chez Mécaform". */
export function atNamed(n: Named): string {
  if (n.art === '') return `chez ${n.name}`;
  if (n.art !== 'les' && elides(n.name)) return `à l'${n.name}`;
  if (n.art === 'le') return `au ${n.name}`;
  if (n.art === 'les') return `aux ${n.name}`;
  return `à la ${n.name}`;
}

/** "de Lyon", "d'Angers", "du Havre", "des Herbiers", "de La Rochelle". */
export function deCity(city: string): string {
  if (city.startsWith('Le ')) return `du ${city.slice(3)}`;
  if (city.startsWith('Les ')) return `des ${city.slice(4)}`;
  return deWord(city);
}

/** "à Lyon", "au Havre", "aux Herbiers". */
export function atCity(city: string): string {
  if (city.startsWith('Le ')) return `au ${city.slice(3)}`;
  if (city.startsWith('Les ')) return `aux ${city.slice(4)}`;
  return `à ${city}`;
}

export interface Company extends Named {
  /** Invented brand (no common noun in it): reads well after "l'usine". */
  readonly brand: boolean;
}

export function makeCompany(rng: Rng, sector: Sector, city: string): Company {
  const r = rng.float();
  if (r < 0.38) {
    const brand = `${rng.pick(BRAND_HEADS)}${rng.pick(BRAND_TAILS)}`;
    const suffix = rng.pick(COMPANY_SUFFIXES);
    return { name: suffix ? `${brand} ${suffix}` : brand, art: '', brand: true };
  }
  const word = rng.pick(sector.companyWords);
  const art = COMPANY_WORD_ARTICLES[word] ?? '';
  if (r < 0.8) {
    const surname = rng.pick(SURNAMES);
    const tail = rng.chance(0.15) ? ' & Fils' : rng.chance(0.15) ? ' Industrie' : '';
    return { name: `${word} ${surname}${tail}`, art, brand: false };
  }
  return { name: `${word} ${deCity(city)}`, art, brand: false };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A venue of the given kind in `city`. What a town has depends on its size: a village has a
 * village hall and perhaps a collège, not a CCI, an IUT or an exhibition centre.
 */
export function makeVenue(
  rng: Rng,
  kind: VenueKind,
  city: string,
  population: number,
  sector: Sector,
  company: Company,
  /** For classroom talks: the school matches the pupils (collégiens → collège). */
  level: 'college' | 'lycee' | 'any' = 'any',
): Named {
  const patron = (): string => rng.pick(PATRONS);
  const big = population >= 20_000 ? 1 : 0;
  const town = population >= 5_000 ? 1 : 0;
  const village = 1 - town;
  switch (kind) {
    case 'company': {
      const r = rng.float();
      if (company.brand && r < 0.3) return { name: `Usine ${company.name}`, art: 'la' };
      if (r < 0.5 && !company.name.includes(city)) return { name: `${company.name} – site ${deCity(city)}`, art: company.art };
      return company;
    }
    case 'school':
      return rng.weighted<Named>([
        [{ name: `Lycée professionnel ${patron()}`, art: 'le' }, 5 * town + 1],
        [{ name: `Lycée polyvalent ${patron()}`, art: 'le' }, 2 * town],
        [{ name: `Lycée des métiers ${patron()}`, art: 'le' }, 2 * town],
        [{ name: `CFA de l'industrie ${deCity(city)}`, art: 'le' }, 3 * town],
        [{ name: `Pôle formation UIMM ${city}`, art: 'le' }, 2 * big],
        [{ name: `IUT ${deCity(city)}`, art: 'le' }, 2 * big],
        [{ name: `Centre Afpa ${deCity(city)}`, art: 'le' }, big],
        [{ name: `Campus des métiers et des qualifications ${capitalise(sector.label.fr)}`, art: 'le' }, big],
        [{ name: `École de production ${deCity(city)}`, art: 'le' }, town],
        [{ name: `Maison familiale rurale ${deCity(city)}`, art: 'la' }, village],
      ]);
    case 'classroom': {
      const college = level === 'lycee' ? 0 : 6;
      const lycee = level === 'college' ? 0 : level === 'lycee' ? 1 : town;
      return rng.weighted<Named>([
        [{ name: `Collège ${patron()}`, art: 'le' }, college],
        [{ name: `Lycée ${patron()}`, art: 'le' }, 3 * lycee],
        [{ name: `Lycée professionnel ${patron()}`, art: 'le' }, 2 * lycee],
      ]);
    }
    case 'employment':
      if (!town) return makeVenue(rng, 'public', city, population, sector, company);
      return rng.weighted<Named>([
        [{ name: `France Travail ${city}`, art: '' }, 4],
        [{ name: `Pôle emploi / France Travail ${deCity(city)}`, art: '' }, 1],
        [{ name: `Mission locale ${deCity(city)}`, art: 'la' }, 3],
        [{ name: `Maison de l'emploi ${deCity(city)}`, art: 'la' }, 1],
        [{ name: `Cité des métiers ${deCity(city)}`, art: 'la' }, big],
      ]);
    case 'public':
      return rng.weighted<Named>([
        [{ name: `Salle des fêtes ${deCity(city)}`, art: 'la' }, 3],
        [{ name: `Parc des expositions ${deCity(city)}`, art: 'le' }, 2 * big],
        [{ name: `Hôtel de ville ${deCity(city)}`, art: 'le' }, 2 * town],
        [{ name: `Mairie ${deCity(city)}`, art: 'la' }, 2 * village],
        [{ name: `Médiathèque ${patron()}`, art: 'la' }, 2 + town],
        [{ name: `Espace ${patron()}`, art: 'le' }, 2],
        [{ name: `CCI ${city}`, art: 'la' }, 3 * big],
        [{ name: `Technopole ${deCity(city)}`, art: 'la' }, big],
        [{ name: `Fab lab ${deCity(city)}`, art: 'le' }, town],
        [{ name: `Maison des entreprises ${deCity(city)}`, art: 'la' }, town],
        [{ name: `Centre de congrès ${deCity(city)}`, art: 'le' }, big],
      ]);
  }
}

/** "14 rue des Forges", "zone industrielle des Prés, 3 avenue Ampère". */
export function makeStreet(rng: Rng): string {
  const type = rng.weighted(STREET_TYPES);
  const num = `${rng.int(1, 180)}${rng.chance(0.06) ? ' bis' : ''}`;
  if (type.endsWith(',')) {
    const inner = rng.weighted(STREET_TYPES.filter(([t]) => !t.endsWith(',')));
    return `${type.slice(0, -1)} ${rng.pick(AREA_NAMES)}, ${rng.int(1, 40)} ${inner} ${rng.pick(STREET_NAMES)}`;
  }
  return `${num} ${type} ${rng.pick(STREET_NAMES)}`;
}
