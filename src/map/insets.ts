/**
 * The overseas regions drawn as insets beside the mainland, so all of France is seen at once: each
 * territory is scaled and moved (in Web Mercator, as the map draws) into a frame over the Atlantic
 * west of Brittany, where no land of the mainland view lies. Pure geometry: the view draws.
 */
import type { LatLngPolygons } from './coastline.js';
import { METROPOLE_BOUNDS, REGION_PLACES, type LatLngBox } from './regions.js';

export interface Inset {
  /** INSEE code of the overseas region. */
  code: string;
  /** The frame on the map, [[south, west], [north, east]]. */
  frame: LatLngBox;
  /** Where a real [lat, lng] of the territory is drawn inside the frame. */
  place(lat: number, lng: number): [number, number];
}

/** Overseas regions, top to bottom of the column. */
const ORDER = ['01', '02', '03', '04', '06'];
/** The column: clear of Cornwall (6.3° W) to the north and of Galicia (north of 44° N) to the south. */
const COLUMN = { west: -11.4, east: -6.6, north: 51.0, south: 44.1, gap: 0.18 };
/** Room left inside a frame around the territory. */
const MARGIN = 0.1;

function mercatorY(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

function latitude(y: number): number {
  return ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;
}

const RAD = Math.PI / 180;

function makeInset(code: string, frame: LatLngBox, source: LatLngBox): Inset {
  // In projected units (radians of longitude, Mercator y), where a uniform scale keeps shapes.
  const [[fs, fw], [fn, fe]] = frame;
  const [[ss, sw], [sn, se]] = source;
  const fx0 = fw * RAD;
  const fx1 = fe * RAD;
  const fy0 = mercatorY(fs);
  const fy1 = mercatorY(fn);
  const sx0 = sw * RAD;
  const sx1 = se * RAD;
  const sy0 = mercatorY(ss);
  const sy1 = mercatorY(sn);
  const scale = (1 - 2 * MARGIN) * Math.min((fx1 - fx0) / (sx1 - sx0), (fy1 - fy0) / (sy1 - sy0));
  const scx = (sx0 + sx1) / 2;
  const scy = (sy0 + sy1) / 2;
  const fcx = (fx0 + fx1) / 2;
  const fcy = (fy0 + fy1) / 2;
  return {
    code,
    frame,
    place: (lat, lng) => [latitude(fcy + (mercatorY(lat) - scy) * scale), (fcx + (lng * RAD - scx) * scale) / RAD],
  };
}

let cache: Inset[] | undefined;

/** The five insets, in the order of the column. */
export function insets(): Inset[] {
  if (cache) return cache;
  const top = mercatorY(COLUMN.north);
  const bottom = mercatorY(COLUMN.south);
  const gap = (top - bottom) * (COLUMN.gap / (COLUMN.north - COLUMN.south));
  const height = (top - bottom - gap * (ORDER.length - 1)) / ORDER.length;
  cache = ORDER.flatMap((code, i) => {
    const place = REGION_PLACES.get(code);
    if (!place) return [];
    const y1 = top - i * (height + gap);
    const frame: LatLngBox = [
      [latitude(y1 - height), COLUMN.west],
      [latitude(y1), COLUMN.east],
    ];
    return [makeInset(code, frame, place.bounds)];
  });
  return cache;
}

export function insetOf(code: string): Inset | undefined {
  return insets().find((inset) => inset.code === code);
}

/** Polygons moved into an inset. */
export function placePolygons(inset: Inset, polygons: LatLngPolygons): LatLngPolygons {
  return polygons.map((rings) => rings.map((r) => r.map(([lat, lng]) => inset.place(lat, lng))));
}

/** The national view with the insets: the mainland and the column beside it. */
export const NATIONAL_WITH_INSETS: LatLngBox = [
  [METROPOLE_BOUNDS[0][0], COLUMN.west],
  [Math.max(METROPOLE_BOUNDS[1][0], COLUMN.north), METROPOLE_BOUNDS[1][1]],
];
