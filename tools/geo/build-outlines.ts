/**
 * Generates src/map/outline-data.ts, the administrative base map of `<sdi-region-map>`: the 101
 * departments and the 18 regions of France, from Natural Earth's 1:10m Admin 1 (states and
 * provinces, v4.1.0, public domain) as QGIS ships it generalised in `world_map.gpkg` (Debian:
 * `apt-get install qgis-common`). Department names are matched to INSEE codes with the Etalab
 * table the project already carries; regions are the union of their departments.
 *
 * Topology is kept: coordinates are snapped to a grid first, then turned into shared arcs
 * (topojson-server), each arc is simplified on its own with its ends fixed, and regions are merged
 * from the same arcs. Two neighbours therefore draw the very same border, with no gap or overlap.
 *
 * Run: `npx tsx tools/geo/build-outlines.ts [path/to/world_map.gpkg]`. topojson-server is a
 * build-time dependency only; SDI_GEO_MODULES may name a node_modules folder that holds it.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mergeArcs } from 'topojson-client';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { DEPARTMENTS } from '../../src/geo/admin-data.js';
import { fold } from '../../src/geo/fold.js';
import { simplifyLine, type Ring } from './build-coastline.js';
import { readGpkgLayer, type Polygon } from './read-gpkg.js';

export const DEFAULT_GPKG = '/usr/share/qgis/resources/data/world_map.gpkg';
/** Integers in 1/1000 degree (about 100 m), as the coastline. */
export const SCALE = 1000;
/** Douglas–Peucker tolerance per arc, in grid units: 0.02° (about 2 km, as the mainland coastline) keeps a department recognisable at zoom 8 within the map chunk's budget. */
export const TOLERANCE = 20;

/** Natural Earth spellings that differ from INSEE's names (two typos and one longer name). */
const NAME_FIXES: Record<string, string> = {
  'haute rhin': 'haut rhin',
  'seien et marne': 'seine et marne',
  'guyane francaise': 'guyane',
};

export interface OutlineSource {
  code: string;
  region: string;
  polygons: Polygon[];
}

export function departmentsFromFeatures(features: { name: string; polygons: Polygon[] }[]): OutlineSource[] {
  const byName = new Map(DEPARTMENTS.map(([code, name, region]) => [fold(name), { code, region }]));
  const seen = new Set<string>();
  const out: OutlineSource[] = [];
  for (const feature of features) {
    const key = fold(feature.name);
    const match = byName.get(NAME_FIXES[key] ?? key);
    if (!match) throw new Error(`no INSEE department for "${feature.name}"`);
    if (seen.has(match.code)) throw new Error(`department ${match.code} twice`);
    seen.add(match.code);
    out.push({ code: match.code, region: match.region, polygons: feature.polygons });
  }
  const missing = DEPARTMENTS.filter(([code]) => !seen.has(code)).map(([code]) => code);
  if (missing.length > 0) throw new Error(`departments without an outline: ${missing.join(', ')}`);
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

function snap(polygons: Polygon[]): Polygon[] {
  return polygons.map((rings) =>
    rings.map((ring) => {
      const out: [number, number][] = [];
      for (const [x, y] of ring) {
        const p: [number, number] = [Math.round(x * SCALE), Math.round(y * SCALE)];
        const last = out[out.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      return out;
    }),
  );
}

/** Delta-encoded flat [x, y, dx, dy, …] integers: small numbers compress well. */
export function encodeArc(points: readonly (readonly [number, number])[]): number[] {
  const flat: number[] = [];
  let px = 0;
  let py = 0;
  for (const [x, y] of points) {
    flat.push(x - px, y - py);
    px = x;
    py = y;
  }
  return flat;
}

/** Pole of inaccessibility, roughly: the grid point of the largest polygon farthest from its edges. */
export function labelPoint(polygons: Polygon[]): [number, number] {
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = Math.abs(ringArea(polygon[0] ?? []));
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  const outer = best?.[0] ?? [];
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let point: [number, number] = [(west + east) / 2, (south + north) / 2];
  let distance = -1;
  const steps = 40;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const p: [number, number] = [west + ((east - west) * i) / steps, south + ((north - south) * j) / steps];
      if (!best || !insidePolygon(p, best)) continue;
      const d = Math.min(...best.map((ring) => edgeDistance(p, ring)));
      if (d > distance) {
        distance = d;
        point = p;
      }
    }
  }
  return point;
}

function ringArea(ring: readonly [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as [number, number];
    const b = ring[i] as [number, number];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

function insidePolygon(p: [number, number], polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as [number, number];
      const b = ring[j] as [number, number];
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

function edgeDistance(p: [number, number], ring: readonly [number, number][]): number {
  let min = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as [number, number];
    const b = ring[i] as [number, number];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t =
      dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    min = Math.min(min, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
  }
  return min;
}

type Shape = number[][][];

function shapeOf(geometry: TopoPolygon | TopoMultiPolygon | { type: null }): Shape {
  if (geometry.type === 'Polygon') return [geometry.arcs];
  if (geometry.type === 'MultiPolygon') return geometry.arcs;
  return [];
}

export interface OutlineModule {
  arcs: number[][];
  departments: [string, string, Shape, [number, number]][];
  regions: [string, Shape][];
  vertices: number;
}

export function buildOutlines(sources: OutlineSource[], tolerance = TOLERANCE, modules?: string): OutlineModule {
  const require = createRequire(modules ? pathToFileURL(`${modules}/`) : import.meta.url);
  const { topology } = require('topojson-server') as {
    topology: (objects: Record<string, unknown>) => Topology;
  };
  const collection = {
    type: 'FeatureCollection',
    features: sources.map((s) => ({
      type: 'Feature',
      id: s.code,
      properties: { region: s.region },
      geometry: { type: 'MultiPolygon', coordinates: snap(s.polygons) },
    })),
  };
  const topo = topology({ departments: collection });
  const arcs = topo.arcs.map((arc) => {
    const line = arc as Ring;
    // Overseas islands are framed at zoom 9 to 11 when chosen: a mainland tolerance would turn
    // La Réunion into a hexagon. Outside Europe's longitudes, a fifth of it.
    const overseas = line.some(([x]) => x < -20 * SCALE || x > 40 * SCALE);
    return line.length > 2 ? simplifyLine(line, overseas ? tolerance / 5 : tolerance) : line;
  });
  const geometries = (topo.objects.departments as GeometryCollection).geometries as (TopoPolygon | TopoMultiPolygon)[];
  const byCode = new Map(sources.map((s) => [s.code, s]));
  const departments: OutlineModule['departments'] = geometries.map((g) => {
    const source = byCode.get(String(g.id)) as OutlineSource;
    const [x, y] = labelPoint(source.polygons);
    return [source.code, source.region, shapeOf(g), [Math.round(y * 100) / 100, Math.round(x * 100) / 100]];
  });
  const simplified: Topology = { ...topo, arcs };
  const regionCodes = [...new Set(sources.map((s) => s.region))].sort();
  const regions: OutlineModule['regions'] = regionCodes.map((region) => {
    const members = geometries.filter((g) => byCode.get(String(g.id))?.region === region);
    return [region, shapeOf(mergeArcs(simplified, members) as TopoMultiPolygon)];
  });
  return {
    arcs: arcs.map((a) => encodeArc(a as [number, number][])),
    departments,
    regions,
    vertices: arcs.reduce((n, a) => n + a.length, 0),
  };
}

/** Items joined on lines of about 1,000 characters: the module stays a few hundred lines long. */
function packLines(items: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length > 1000) {
      lines.push(`  ${line}`);
      line = '';
    }
    line = line ? `${line} ${item}` : item;
  }
  if (line) lines.push(`  ${line}`);
  return lines.join('\n');
}

export function renderOutlineModule(data: OutlineModule): string {
  const json = (value: unknown) => JSON.stringify(value);
  return `// Generated by tools/geo/build-outlines.ts from Natural Earth 1:10m Admin 1 v4.1.0 (public domain),
// as generalised in QGIS's world_map.gpkg; INSEE codes from @etalab/decoupage-administratif.
// Do not edit: run \`npx tsx tools/geo/build-outlines.ts\`.

/** Coordinates are integers in 1/${SCALE} degree. */
export const OUTLINE_SCALE = ${SCALE};

/**
 * Shared borders, each a flat delta-encoded [lng, lat, dlng, dlat, …] line: the first pair is
 * absolute, every next pair the difference. ${data.vertices} vertices.
 */
export const ARCS: ReadonlyArray<ReadonlyArray<number>> = [
${packLines(data.arcs.map((a) => `${json(a)},`))}
];

/**
 * Polygons of arcs, TopoJSON style: polygon → rings (outer first) → arc indices, ~i for arc i
 * walked backwards.
 */
export type ArcShape = ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;

/** [INSEE department code, INSEE region code, shape, [lat, lng] of its name]. */
export const DEPARTMENT_SHAPES: ReadonlyArray<readonly [string, string, ArcShape, readonly [number, number]]> = [
${data.departments.map((d) => `  ${json(d)},`).join('\n')}
];

/** [INSEE region code, shape]: the union of its departments, on the same arcs. */
export const REGION_SHAPES: ReadonlyArray<readonly [string, ArcShape]> = [
${data.regions.map((r) => `  ${json(r)},`).join('\n')}
];
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? process.env.SDI_WORLD_MAP_GPKG ?? DEFAULT_GPKG;
  const features = readGpkgLayer(file, 'states_provinces', ['name'], "adm0_a3 = 'FRA'").map((f) => ({
    name: String(f.properties.name),
    polygons: f.polygons,
  }));
  const data = buildOutlines(departmentsFromFeatures(features), TOLERANCE, process.env.SDI_GEO_MODULES);
  const out = new URL('../../src/map/outline-data.ts', import.meta.url);
  writeFileSync(out, renderOutlineModule(data));
  console.log(`wrote ${fileURLToPath(out)}: ${data.arcs.length} arcs, ${data.vertices} vertices`);
}
