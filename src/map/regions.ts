/**
 * Where each region's count symbol stands and what a view of it frames, for the 13 metropolitan
 * and 5 overseas regions. Label points are hand-placed inside each region (not the centroid of
 * its outline, which for Nouvelle-Aquitaine or PACA puts symbols on a neighbour's city) and far
 * enough apart that the symbols of Île-de-France and its neighbours overlap as little as possible.
 */
import { regions } from '../geo/admin.js';

/** [[south, west], [north, east]] in degrees, as Leaflet takes bounds. */
export type LatLngBox = readonly [readonly [number, number], readonly [number, number]];

export interface RegionPlace {
  code: string;
  /** [lat, lng] of the count symbol. */
  label: readonly [number, number];
  /** Used when the region has no located event to frame. */
  bounds: LatLngBox;
  overseas: boolean;
}

const PLACES: Record<string, Omit<RegionPlace, 'code' | 'overseas'>> = {
  '11': {
    label: [48.72, 2.5],
    bounds: [
      [48.12, 1.45],
      [49.24, 3.56],
    ],
  },
  '24': {
    label: [47.35, 1.6],
    bounds: [
      [46.35, 0.05],
      [48.94, 3.13],
    ],
  },
  '27': {
    label: [47.2, 4.85],
    bounds: [
      [46.15, 2.85],
      [48.4, 7.15],
    ],
  },
  '28': {
    label: [49.05, 0.05],
    bounds: [
      [48.18, -1.95],
      [50.07, 1.8],
    ],
  },
  '32': {
    label: [50.0, 2.75],
    bounds: [
      [48.84, 1.38],
      [51.09, 4.26],
    ],
  },
  '44': {
    label: [48.7, 5.75],
    bounds: [
      [47.42, 3.38],
      [50.17, 8.23],
    ],
  },
  '52': {
    label: [47.4, -0.85],
    bounds: [
      [46.27, -2.56],
      [48.57, 0.92],
    ],
  },
  '53': {
    label: [48.15, -2.9],
    bounds: [
      [47.28, -5.14],
      [48.9, -1.02],
    ],
  },
  '75': {
    label: [45.3, 0.3],
    bounds: [
      [42.78, -1.79],
      [47.18, 2.61],
    ],
  },
  '76': {
    label: [43.75, 2.2],
    bounds: [
      [42.33, -0.33],
      [45.05, 4.85],
    ],
  },
  '84': {
    label: [45.55, 4.6],
    bounds: [
      [44.12, 2.06],
      [46.8, 7.19],
    ],
  },
  '93': {
    label: [43.95, 6.15],
    bounds: [
      [42.98, 4.23],
      [45.13, 7.72],
    ],
  },
  '94': {
    label: [42.15, 9.1],
    bounds: [
      [41.33, 8.53],
      [43.03, 9.56],
    ],
  },
  '01': {
    label: [16.2, -61.55],
    bounds: [
      [15.83, -61.81],
      [16.52, -61.0],
    ],
  },
  '02': {
    label: [14.64, -61.02],
    bounds: [
      [14.38, -61.23],
      [14.88, -60.81],
    ],
  },
  '03': {
    label: [3.93, -53.13],
    bounds: [
      [2.11, -54.6],
      [5.75, -51.61],
    ],
  },
  '04': {
    label: [-21.13, 55.53],
    bounds: [
      [-21.39, 55.21],
      [-20.87, 55.84],
    ],
  },
  '06': {
    label: [-12.82, 45.15],
    bounds: [
      [-13.01, 45.01],
      [-12.63, 45.3],
    ],
  },
};

const OVERSEAS = new Set(['01', '02', '03', '04', '06']);

export const REGION_PLACES: ReadonlyMap<string, RegionPlace> = new Map(
  regions
    .filter((r) => PLACES[r.code])
    .map((r) => [
      r.code,
      { code: r.code, overseas: OVERSEAS.has(r.code), ...(PLACES[r.code] as Omit<RegionPlace, 'code' | 'overseas'>) },
    ]),
);

/** What the territory switcher offers: the mainland with Corsica, then each overseas region. */
export interface Territory {
  /** `metropole`, or the INSEE code of an overseas region. */
  id: string;
  bounds: LatLngBox;
}

export const METROPOLE_BOUNDS: LatLngBox = [
  [41.33, -5.15],
  [51.09, 9.56],
];

export const TERRITORIES: readonly Territory[] = [
  { id: 'metropole', bounds: METROPOLE_BOUNDS },
  ...['01', '02', '03', '04', '06'].map((code) => ({ id: code, bounds: (PLACES[code] as RegionPlace).bounds })),
];

/** The territory a region belongs to, so choosing La Réunion in the list also marks its switcher button. */
export function territoryOf(regionCode: string | undefined): string | undefined {
  if (!regionCode) return undefined;
  return OVERSEAS.has(regionCode) ? regionCode : REGION_PLACES.has(regionCode) ? 'metropole' : undefined;
}
