/**
 * What the map draws, whichever way it was obtained: per-region counts and located events. From
 * the points file when no filter beyond geography is set (one small request, no event texts),
 * from filtered events otherwise.
 */
import { NO_REGION } from '../feed/snapshot-format.js';
import type { SdiEvent } from '../model/types.js';
import type { MapPoint } from './clusters.js';
import type { LatLngBox } from './regions.js';

export interface MapData {
  /** INSEE region code → events, `none` for events without a region (online, abroad). */
  counts: Record<string, number>;
  /** Events that have coordinates. */
  points: MapPoint[];
  /** Events shown, placed or not. */
  total: number;
}

/** Counts as the snapshot index states them, so the map agrees with every other widget's figures. */
export function fromPoints(data: {
  points: readonly MapPoint[];
  counts: { region?: Record<string, number> };
  total: number;
}): MapData {
  return { counts: { ...(data.counts.region ?? {}) }, points: data.points.slice(), total: data.total };
}

/** Counts and points of (already filtered) events; counted by region like the snapshot builder does. */
export function fromEvents(events: readonly SdiEvent[]): MapData {
  const counts: Record<string, number> = {};
  const points: MapPoint[] = [];
  for (const event of events) {
    const region = event.location?.regionCode ?? NO_REGION;
    counts[region] = (counts[region] ?? 0) + 1;
    const lat = event.location?.lat;
    const lng = event.location?.lng;
    if (typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng)) {
      points.push({ uid: event.uid, lat, lng, region });
    }
  }
  return { counts, points, total: events.length };
}

/** Largest count among real regions, for scaling the symbols. */
export function maxRegionCount(counts: Record<string, number>): number {
  let max = 0;
  for (const [code, n] of Object.entries(counts)) if (code !== NO_REGION && n > max) max = n;
  return max;
}

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i] as number;
}

/**
 * The box of a region's events. With many events the extreme 1 % on each side are left out: one
 * event geocoded to the wrong end of France must not make the map frame half the country.
 * Undefined when the region has no located event.
 */
export function pointsBounds(points: readonly MapPoint[], region?: string): LatLngBox | undefined {
  const lats: number[] = [];
  const lngs: number[] = [];
  for (const p of points) {
    if (region !== undefined && p.region !== region) continue;
    lats.push(p.lat);
    lngs.push(p.lng);
  }
  if (lats.length === 0) return undefined;
  lats.sort((a, b) => a - b);
  lngs.sort((a, b) => a - b);
  const trim = lats.length >= 50 ? 0.01 : 0;
  const south = quantile(lats, trim);
  const north = quantile(lats, 1 - trim);
  const west = quantile(lngs, trim);
  const east = quantile(lngs, 1 - trim);
  // A region whose events share a few addresses still shows its surroundings, not a street.
  const latPad = Math.max(0, (MIN_SPAN - (north - south)) / 2);
  const lngPad = Math.max(0, (MIN_SPAN - (east - west)) / 2);
  return [
    [south - latPad, west - lngPad],
    [north + latPad, east + lngPad],
  ];
}

/** Smallest extent framed for a region, in degrees (about 30 km). */
const MIN_SPAN = 0.3;
