/**
 * Turns parsed filters into one predicate over indexed events. Only the active filters become
 * checks, so an unfiltered full read of 8,000 events does no per-event work beyond the loop.
 * Values inside one filter combine with OR, filters with AND, as on the real API; keywords
 * alone are AND (documented).
 */
import { isRecord } from './json.js';
import { relativeOf, searchTextOf, type IndexedEvent } from './event-index.js';
import type { EventFilters, GeoBox } from './query.js';

type Check = (event: IndexedEvent) => boolean;

/** Ids and codes arrive as strings; records hold numbers (or numeric strings). */
function idsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idsOf);
  if (typeof value === 'number' || typeof value === 'string') return [String(value)];
  // With includeLabels-shaped data a choice is {id, label}.
  if (isRecord(value) && value.id !== undefined) return idsOf(value.id);
  return [];
}

function anyIn(value: unknown, wanted: Set<string>): boolean {
  return idsOf(value).some((id) => wanted.has(id));
}

function intersects(names: Set<string>, wanted: Set<string>): boolean {
  for (const name of names) if (wanted.has(name)) return true;
  return false;
}

function inBox(box: GeoBox): Check {
  return (event) => {
    const { latitude: lat, longitude: lng } = event;
    if (lat === undefined || lng === undefined) return false;
    if (box.north !== undefined && lat > box.north) return false;
    if (box.south !== undefined && lat < box.south) return false;
    if (box.west === undefined || box.east === undefined) {
      if (box.west !== undefined && lng < box.west) return false;
      if (box.east !== undefined && lng > box.east) return false;
      return true;
    }
    // A box drawn across the antimeridian (west > east) covers both sides of it.
    return box.west <= box.east ? lng >= box.west && lng <= box.east : lng >= box.west || lng <= box.east;
  };
}

function overlapsTimings(gte: number | undefined, lte: number | undefined): Check {
  const from = gte ?? Number.NEGATIVE_INFINITY;
  const to = lte ?? Number.POSITIVE_INFINITY;
  return (event) => event.slots.some((slot) => slot.end >= from && slot.begin <= to);
}

export function predicateOf(filters: EventFilters, now: number): Check {
  const checks: Check[] = [];
  const {
    relative,
    uids,
    slugs,
    status,
    attendanceMode,
    featured,
    keywords,
    searchTerms,
    adminLevel1,
    adminLevel2,
    adminLevel4,
    locationUids,
    accessibility,
    geo,
    custom,
  } = filters;

  if (relative) checks.push((e) => relative.has(relativeOf(e, now)));
  if (filters.timingsGte !== undefined || filters.timingsLte !== undefined) {
    checks.push(overlapsTimings(filters.timingsGte, filters.timingsLte));
  }
  const { updatedAtGte, updatedAtLte } = filters;
  if (updatedAtGte !== undefined) checks.push((e) => e.updatedAt >= updatedAtGte);
  if (updatedAtLte !== undefined) checks.push((e) => e.updatedAt <= updatedAtLte);
  if (uids) checks.push((e) => uids.has(String(e.uid)));
  if (slugs) checks.push((e) => typeof e.raw.slug === 'string' && slugs.has(e.raw.slug));
  if (status) checks.push((e) => anyIn(e.raw.status ?? 1, status));
  if (attendanceMode) checks.push((e) => anyIn(e.raw.attendanceMode ?? 1, attendanceMode));
  if (featured !== undefined) checks.push((e) => e.featured === featured);
  if (keywords?.length) checks.push((e) => keywords.every((keyword) => e.keywords.has(keyword)));
  if (searchTerms) {
    checks.push((e) => {
      const text = searchTextOf(e);
      return searchTerms.every((term) => text.includes(term));
    });
  }
  if (adminLevel1) checks.push((e) => intersects(e.adminLevel1, adminLevel1));
  if (adminLevel2) checks.push((e) => intersects(e.adminLevel2, adminLevel2));
  if (adminLevel4) checks.push((e) => intersects(e.adminLevel4, adminLevel4));
  if (locationUids) {
    checks.push((e) => isRecord(e.raw.location) && anyIn(e.raw.location.uid, locationUids));
  }
  if (accessibility?.length) {
    checks.push((e) => {
      const flags = e.raw.accessibility;
      return isRecord(flags) && accessibility.some((code) => flags[code] === true);
    });
  }
  if (geo) checks.push(inBox(geo));
  for (const [code, wanted] of custom) checks.push((e) => anyIn(e.raw[code], wanted));

  return (event) => checks.every((check) => check(event));
}
