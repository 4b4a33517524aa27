/**
 * The base map a partner chose with `tiles`: nothing from elsewhere by default (the generated
 * coastline is drawn locally), or tiles of IGN's Plan IGN, OpenStreetMap, or a provider of their
 * own. Only `tiles` can make the map request anything from a third party.
 */

/** A credit line of the map: text (never HTML), linked when `href` is given. */
export interface TileCredit {
  text: string;
  href?: string;
}

export type TileChoice =
  { kind: 'none' } | { kind: 'tiles'; provider: 'ign' | 'osm' | 'custom'; url: string; credit: TileCredit; maxZoom: number };

export const LEAFLET_CREDIT: TileCredit = { text: 'Leaflet', href: 'https://leafletjs.com' };
/** The drawn coastline's source, credited when there are no tiles. */
export const COASTLINE_CREDIT: TileCredit = { text: 'Natural Earth' };

export type TileProblem =
  | { attribute: 'tiles'; value: string; reason: 'unknown-tiles' | 'insecure-tiles' | 'bad-template' }
  | { attribute: 'attribution'; value: string; reason: 'missing-attribution' };

const IGN_URL =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2' +
  '&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';

export const IGN_TILES: TileChoice = {
  kind: 'tiles',
  provider: 'ign',
  url: IGN_URL,
  credit: { text: '© IGN – Plan IGN', href: 'https://www.ign.fr/' },
  maxZoom: 19,
};

export const OSM_TILES: TileChoice = {
  kind: 'tiles',
  provider: 'osm',
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  credit: { text: '© les contributeurs d’OpenStreetMap', href: 'https://www.openstreetmap.org/copyright' },
  maxZoom: 19,
};

const PLACEHOLDER = /\{(z|x|y|s|r)\}/g;

/** A tile URL template: https only, with {z}, {x} and {y}, nothing else between braces. */
function customTemplate(value: string): 'unknown-tiles' | 'insecure-tiles' | 'bad-template' | undefined {
  if (!/^https:\/\//i.test(value))
    return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//') ? 'insecure-tiles' : 'unknown-tiles';
  if (!value.includes('{z}') || !value.includes('{x}') || !value.includes('{y}')) return 'bad-template';
  if (/[{}]/.test(value.replace(PLACEHOLDER, ''))) return 'bad-template';
  if (/[\s"'<>\\]/.test(value)) return 'bad-template';
  try {
    const url = new URL(value.replace(PLACEHOLDER, '0'));
    if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return 'insecure-tiles';
  } catch {
    return 'bad-template';
  }
  return undefined;
}

/**
 * The base map of `tiles` (and `attribution` for a custom provider). A bad value falls back to no
 * tiles, the choice that can never leak a visitor's address to a party the partner did not pick.
 */
export function parseTiles(
  tiles: string | null | undefined,
  attribution: string | null | undefined,
): { choice: TileChoice; problems: TileProblem[] } {
  const value = tiles?.trim() ?? '';
  const lower = value.toLowerCase();
  if (!value || lower === 'none') return { choice: { kind: 'none' }, problems: [] };
  if (lower === 'ign') return { choice: IGN_TILES, problems: [] };
  if (lower === 'osm') return { choice: OSM_TILES, problems: [] };
  const reason = customTemplate(value);
  if (reason) return { choice: { kind: 'none' }, problems: [{ attribute: 'tiles', value, reason }] };
  const text = attribution?.trim() ?? '';
  const problems: TileProblem[] = [];
  // Tile providers require credit; the map still shows, with the host named, and the partner is told.
  if (!text) problems.push({ attribute: 'attribution', value: '', reason: 'missing-attribution' });
  const host = new URL(value.replace(PLACEHOLDER, '0')).hostname;
  return {
    choice: { kind: 'tiles', provider: 'custom', url: value, credit: { text: text || `© ${host}` }, maxZoom: 18 },
    problems,
  };
}
