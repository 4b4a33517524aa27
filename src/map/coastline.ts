/**
 * The generated coastline (coastline-data.ts) as Leaflet-ready [lat, lng] rings.
 */
import { COASTLINE_SCALE, FRANCE_LAND, NEIGHBOUR_LAND, type EncodedPolygons } from './coastline-data.js';

export type LatLngRing = [number, number][];
/** Polygons, each a list of rings: outer ring first, then holes. */
export type LatLngPolygons = LatLngRing[][];

export function decodePolygons(polygons: EncodedPolygons, scale: number = COASTLINE_SCALE): LatLngPolygons {
  return polygons.map((rings) =>
    rings.map((flat) => {
      const ring: LatLngRing = [];
      let x = 0;
      let y = 0;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        x += flat[i] as number;
        y += flat[i + 1] as number;
        ring.push([y / scale, x / scale]);
      }
      return ring;
    }),
  );
}

let cache: { france: LatLngPolygons; neighbours: LatLngPolygons } | undefined;

/** Decoded once per page: every map of the page draws the same land. */
export function coastline(): { france: LatLngPolygons; neighbours: LatLngPolygons } {
  cache ??= { france: decodePolygons(FRANCE_LAND), neighbours: neighbourLand() };
  return cache;
}

let neighbours: LatLngPolygons | undefined;

/**
 * Other countries' land only: France's is drawn by the regions' outlines (outlines.ts), so the
 * map chunk leaves FRANCE_LAND out (2 KB gzip).
 */
export function neighbourLand(): LatLngPolygons {
  neighbours ??= decodePolygons(NEIGHBOUR_LAND);
  return neighbours;
}
