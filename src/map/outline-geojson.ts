/**
 * What of a partner's `regions-geojson` file the map draws: outlines only. Points would become
 * Leaflet's default markers (image requests to `marker-icon.png` on the host page), and a
 * 200,000-point MultiPoint hung the page, so only (Multi)Polygon and (Multi)LineString geometries
 * are kept, within a vertex budget; a file over budget is not drawn at all.
 */

/** Vertices drawn at most: ~20× a detailed outline of France's 18 regions (about 5,000 each). */
export const MAX_OUTLINE_VERTICES = 100_000;
/** Bytes read at most: the regions of France at a useful precision are about 1 MB. */
export const MAX_OUTLINE_BYTES = 5 * 1024 * 1024;

const OUTLINE_TYPES: ReadonlySet<string> = new Set(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']);
/** How deep each outline type nests its positions: a ring of positions, rings, polygons. */
const DEPTH: ReadonlyMap<string, number> = new Map([
  ['LineString', 1],
  ['MultiLineString', 2],
  ['Polygon', 2],
  ['MultiPolygon', 3],
]);

export interface Outlines {
  /** A FeatureCollection of the kept geometries (no properties: nothing of the file is shown). */
  geojson: {
    type: 'FeatureCollection';
    features: { type: 'Feature'; properties: null; geometry: { type: string; coordinates: unknown } }[];
  };
  /** Geometries left out (points, unknown types, malformed coordinates). */
  dropped: number;
  /** More vertices than MAX_OUTLINE_VERTICES: nothing is drawn. */
  tooBig: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Vertices of well-formed coordinates at `depth`, or -1; stops counting past `budget`. */
function countVertices(coordinates: unknown, depth: number, budget: number): number {
  if (!Array.isArray(coordinates)) return -1;
  if (depth === 0) {
    return coordinates.length >= 2 && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number' ? 1 : -1;
  }
  let total = 0;
  for (const item of coordinates) {
    const n = countVertices(item, depth - 1, budget - total);
    if (n < 0) return -1;
    total += n;
    if (total > budget) return total;
  }
  return total;
}

/** The outlines of a parsed GeoJSON value; geometry collections and features are walked. */
export function outlinesOf(json: unknown, maxVertices = MAX_OUTLINE_VERTICES): Outlines {
  const features: Outlines['geojson']['features'] = [];
  let dropped = 0;
  let vertices = 0;
  let tooBig = false;
  const pending: unknown[] = [json];
  // A stack, not recursion: a file nesting collections a million deep must not overflow it.
  while (pending.length > 0 && !tooBig) {
    const node = pending.pop();
    if (!isRecord(node)) {
      dropped += 1;
      continue;
    }
    const type = node.type;
    if (type === 'FeatureCollection' && Array.isArray(node.features)) {
      for (let i = node.features.length - 1; i >= 0; i--) pending.push(node.features[i]);
    } else if (type === 'Feature') {
      pending.push(node.geometry);
    } else if (type === 'GeometryCollection' && Array.isArray(node.geometries)) {
      for (let i = node.geometries.length - 1; i >= 0; i--) pending.push(node.geometries[i]);
    } else if (typeof type === 'string' && OUTLINE_TYPES.has(type)) {
      const n = countVertices(node.coordinates, DEPTH.get(type) ?? 0, maxVertices - vertices);
      if (n < 0) {
        dropped += 1;
      } else {
        vertices += n;
        if (vertices > maxVertices) tooBig = true;
        else features.push({ type: 'Feature', properties: null, geometry: { type, coordinates: node.coordinates } });
      }
    } else {
      dropped += 1;
    }
  }
  return { geojson: { type: 'FeatureCollection', features: tooBig ? [] : features }, dropped, tooBig };
}
