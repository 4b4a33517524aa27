/**
 * The generated administrative outlines (outline-data.ts) as Leaflet-ready [lat, lng] polygons.
 * Arcs are decoded once per page and shared by every shape that walks them.
 */
import { ARCS, DEPARTMENT_SHAPES, OUTLINE_SCALE, REGION_SHAPES, type ArcShape } from './outline-data.js';
import type { LatLngPolygons, LatLngRing } from './coastline.js';

export interface Outline {
  /** INSEE code of the region or department. */
  code: string;
  /** INSEE region code (the region itself for a region). */
  region: string;
  polygons: LatLngPolygons;
  /** [lat, lng] where the name goes (departments; regions use their symbol's place). */
  label?: readonly [number, number];
}

let decoded: LatLngRing[] | undefined;

function arcs(): LatLngRing[] {
  decoded ??= ARCS.map((flat) => {
    const line: LatLngRing = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      x += flat[i] as number;
      y += flat[i + 1] as number;
      line.push([y / OUTLINE_SCALE, x / OUTLINE_SCALE]);
    }
    return line;
  });
  return decoded;
}

/** A ring from its arcs, TopoJSON's way: each next arc starts where the previous ended. */
function ring(indices: readonly number[]): LatLngRing {
  const all = arcs();
  const out: LatLngRing = [];
  for (const index of indices) {
    const arc = all[index < 0 ? ~index : index] ?? [];
    const points = index < 0 ? arc.slice().reverse() : arc;
    out.push(...(out.length > 0 ? points.slice(1) : points));
  }
  return out;
}

export function shapePolygons(shape: ArcShape): LatLngPolygons {
  return shape.map((rings) => rings.map(ring));
}

let regionCache: Outline[] | undefined;
const departmentCache = new Map<string, Outline[]>();

/** The 18 regions. */
export function regionOutlines(): Outline[] {
  regionCache ??= REGION_SHAPES.map(([code, shape]) => ({ code, region: code, polygons: shapePolygons(shape) }));
  return regionCache;
}

/** The departments of one region (none for an unknown code). */
export function departmentOutlines(region: string): Outline[] {
  let list = departmentCache.get(region);
  if (!list) {
    list = DEPARTMENT_SHAPES.filter(([, r]) => r === region).map(([code, r, shape, label]) => ({
      code,
      region: r,
      polygons: shapePolygons(shape),
      label,
    }));
    departmentCache.set(region, list);
  }
  return list;
}

/** Even–odd test of a [lat, lng] point against polygons (outer rings and their holes). */
export function contains(polygons: LatLngPolygons, lat: number, lng: number): boolean {
  for (const polygon of polygons) {
    let inside = false;
    for (const r of polygon) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const a = r[i] as [number, number];
        const b = r[j] as [number, number];
        if (a[0] > lat !== b[0] > lat && lng < ((b[1] - a[1]) * (lat - a[0])) / (b[0] - a[0]) + a[1]) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}
