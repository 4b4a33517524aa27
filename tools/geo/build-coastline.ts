/**
 * Generates src/map/coastline-data.ts, the light background `<sdi-region-map>` draws when the
 * partner asks for no tiles (the default): land of France and its neighbours around metropolitan
 * France, and the five overseas regions, from Natural Earth's 1:50m countries (world-atlas).
 * Drawing it costs no request at all, which is the point: a partner page with a map makes no
 * third-party request unless the partner chose a tile provider.
 *
 * Run `npx tsx tools/geo/build-coastline.ts` after upgrading world-atlas; a node test fails when
 * the committed module differs from what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const require = createRequire(import.meta.url);

/** [west, south, east, north] in degrees. */
export type Box = readonly [number, number, number, number];
export type Ring = [number, number][];

interface Area {
  name: string;
  /** France's land is kept inside this box. */
  box: Box;
  /** Other countries' land is kept inside this (wider) box, so a wide map shows no straight cut. */
  context: Box;
  /** Douglas-Peucker tolerance in degrees: small islands need finer outlines than the mainland. */
  tolerance: number;
}

// Boxes are wider than the territories so a map framing a territory in a wide container still
// shows land where land is, rather than a straight cut a few kilometres off the coast.
export const AREAS: readonly Area[] = [
  { name: 'metropole', box: [-6, 41, 10, 51.5], context: [-12, 35.5, 20, 57], tolerance: 0.02 },
  { name: 'guadeloupe', box: [-62.2, 15.6, -60.6, 16.8], context: [-63.5, 15.2, -59.5, 17.4], tolerance: 0.004 },
  { name: 'martinique', box: [-61.6, 14.1, -60.5, 15.1], context: [-62.2, 13.5, -60.2, 15.2], tolerance: 0.004 },
  { name: 'guyane', box: [-55, 1.5, -51, 6.2], context: [-59, -1, -47, 9], tolerance: 0.01 },
  { name: 'reunion', box: [54.9, -21.7, 56.1, -20.5], context: [54.5, -22.2, 58.2, -19.4], tolerance: 0.004 },
  { name: 'mayotte', box: [44.7, -13.3, 45.6, -12.3], context: [43, -13.8, 46, -11.2], tolerance: 0.004 },
];

const FRANCE_ID = '250';
/** Coordinates are written as integers in thousandths of a degree (about 100 m). */
export const SCALE = 1000;

/** Sutherland–Hodgman against each side of an axis-aligned box; land rings stay closed areas. */
export function clipRing(ring: Ring, box: Box): Ring {
  const [west, south, east, north] = box;
  type Side = { inside: (p: [number, number]) => boolean; cut: (a: [number, number], b: [number, number]) => [number, number] };
  const atX =
    (x: number) =>
    (a: [number, number], b: [number, number]): [number, number] => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY =
    (y: number) =>
    (a: [number, number], b: [number, number]): [number, number] => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  const sides: Side[] = [
    { inside: (p) => p[0] >= west, cut: atX(west) },
    { inside: (p) => p[0] <= east, cut: atX(east) },
    { inside: (p) => p[1] >= south, cut: atY(south) },
    { inside: (p) => p[1] <= north, cut: atY(north) },
  ];
  let out = ring;
  for (const side of sides) {
    const input = out;
    out = [];
    if (input.length === 0) break;
    let previous = input[input.length - 1] as [number, number];
    for (const point of input) {
      if (side.inside(point)) {
        if (!side.inside(previous)) out.push(side.cut(previous, point));
        out.push(point);
      } else if (side.inside(previous)) {
        out.push(side.cut(previous, point));
      }
      previous = point;
    }
  }
  return out;
}

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker on an open polyline (iterative: rings of thousands of points must not overflow the stack). */
export function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i] as [number, number], points[first] as [number, number], points[last] as [number, number]);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index !== -1 && worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A closed ring is split at its farthest point from the start, so both halves have distinct ends. */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  const open = samePoint(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : ring.slice();
  if (open.length < 4) return open;
  const start = open[0] as [number, number];
  let far = 0;
  let farIndex = 0;
  open.forEach((p, i) => {
    const d = Math.hypot(p[0] - start[0], p[1] - start[1]);
    if (d > far) {
      far = d;
      farIndex = i;
    }
  });
  const a = simplifyLine(open.slice(0, farIndex + 1), tolerance);
  const b = simplifyLine([...open.slice(farIndex), start], tolerance);
  return [...a, ...b.slice(1, -1)];
}

function samePoint(a: [number, number] | undefined, b: [number, number] | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** Twice the signed area in square units of the integer grid. */
function area2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as [number, number];
    const b = ring[(i + 1) % ring.length] as [number, number];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** Integer coordinates, consecutive duplicates removed; rings too small to see at any useful zoom are dropped. */
export function quantise(ring: Ring): Ring | undefined {
  const out: Ring = [];
  for (const [lng, lat] of ring) {
    const q: [number, number] = [Math.round(lng * SCALE), Math.round(lat * SCALE)];
    if (!samePoint(out[out.length - 1], q)) out.push(q);
  }
  while (out.length > 1 && samePoint(out[0], out[out.length - 1])) out.pop();
  if (out.length < 3) return undefined;
  // About 0.1 km²: islets nobody would look for on an events map.
  if (Math.abs(area2(out)) < 2 * 1000) return undefined;
  return out;
}

/** First point absolute, then differences: small integers, which is most of the saving. */
export function deltaEncode(ring: Ring): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  for (const [lng, lat] of ring) {
    out.push(lng - x, lat - y);
    x = lng;
    y = lat;
  }
  return out;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function boxOverlaps(ring: Ring, box: Box): boolean {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return !(e < box[0] || w > box[2] || n < box[1] || s > box[3]);
}

/** Polygons (rings: outer first, then holes) of `features` inside `area`, simplified and encoded. */
function encodeArea(features: Feature<Polygon | MultiPolygon>[], box: Box, tolerance: number): number[][][] {
  const out: number[][][] = [];
  for (const f of features) {
    for (const polygon of polygonsOf(f.geometry)) {
      const rings: number[][] = [];
      for (const [i, raw] of polygon.entries()) {
        const ring = raw.map((p) => [p[0] as number, p[1] as number] as [number, number]);
        if (!boxOverlaps(ring, box)) {
          if (i === 0) break;
          continue;
        }
        const clipped = clipRing(simplifyRing(ring, tolerance), box);
        const q = clipped.length >= 3 ? quantise(clipped) : undefined;
        if (!q) {
          // Without its outer ring a polygon's holes mean nothing.
          if (i === 0) break;
          continue;
        }
        rings.push(deltaEncode(q));
      }
      if (rings.length > 0) out.push(rings);
    }
  }
  return out;
}

function literal(polygons: number[][][]): string {
  return `[\n${polygons.map((rings) => `  [${rings.map((r) => `[${r.join(',')}]`).join(', ')}],`).join('\n')}\n]`;
}

export function renderCoastline(): string {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{
    countries: GeometryCollection;
  }>;
  const version = (JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string }).version;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon>;
  // Features without a geometry (none in this file today) would only make the generator throw.
  const countries = collection.features.filter(
    (f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  );
  const france = countries.filter((f) => String(f.id) === FRANCE_ID);
  const others = countries.filter((f) => String(f.id) !== FRANCE_ID);
  const francePolygons: number[][][] = [];
  const neighbourPolygons: number[][][] = [];
  for (const area of AREAS) {
    francePolygons.push(...encodeArea(france, area.box, area.tolerance));
    // Context is seen at a lower zoom than the territory itself: coarser outlines do.
    neighbourPolygons.push(...encodeArea(others, area.context, area.tolerance * 2.5));
  }
  return `// Generated by tools/geo/build-coastline.ts from world-atlas ${version} countries-50m
// (Natural Earth 1:50m, public domain). Do not edit: run \`npx tsx tools/geo/build-coastline.ts\`.

/** Coordinates are integers in 1/${SCALE} degree. */
export const COASTLINE_SCALE = ${SCALE};

/**
 * Polygons, each a list of rings (outer ring, then holes), each ring a flat list of [lng, lat]
 * pairs, delta-encoded: the first pair is absolute, every next pair is the difference.
 */
export type EncodedPolygons = ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;

/** Land of France: the mainland, Corsica and the five overseas regions. */
export const FRANCE_LAND: EncodedPolygons = ${literal(francePolygons)};

/** Other countries' land around the mainland and the overseas regions, for context. */
export const NEIGHBOUR_LAND: EncodedPolygons = ${literal(neighbourPolygons)};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = new URL('../../src/map/coastline-data.ts', import.meta.url);
  const text = renderCoastline();
  writeFileSync(out, text);
  console.log(`wrote ${fileURLToPath(out)} (${Buffer.byteLength(text)} bytes)`);
}
