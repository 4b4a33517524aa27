/**
 * What a visitor (or the partner, by attributes) asks of the events. Shared by the list, the map
 * and the host page (it is the `detail.filters` of `sdi-filter-change`), so it is plain data:
 * codes and ids, never labels.
 */
import type { AccessibilityFlags } from '../model/types.js';
import { capQuery } from './query.js';

export type AttendanceFilter = 'onsite' | 'online';
export type AccessibilityKey = keyof AccessibilityFlags;

export interface FilterState {
  /** INSEE region code, e.g. "32". */
  region?: string;
  /** INSEE department code, e.g. "59", "2A", "974". */
  department?: string;
  /** A city name (accent/case-insensitive) or a postcode (5 digits, or a prefix of 2+). */
  city?: string;
  /** Event-format choice ids (any of). */
  types?: number[];
  /** Audience choice ids (any of). */
  audiences?: number[];
  /** First day, YYYY-MM-DD, inclusive, in the event's own time zone. */
  from?: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to?: string;
  /** `onsite` keeps on-site and mixed events; `online` keeps online and mixed ones. */
  attendance?: AttendanceFilter;
  /** Events offering every listed accessibility. */
  accessibility?: AccessibilityKey[];
  /** Free text, accent- and case-insensitive, on title, description, city, place and keywords. */
  q?: string;
}

export const FILTER_KEYS = [
  'region',
  'department',
  'city',
  'types',
  'audiences',
  'from',
  'to',
  'attendance',
  'accessibility',
  'q',
] as const satisfies readonly (keyof FilterState)[];

export type FilterKey = (typeof FILTER_KEYS)[number];

/** Accessibility keys in the order of their bits in the index (facet-index.ts). */
export const ACCESSIBILITY_KEYS: readonly AccessibilityKey[] = ['hi', 'vi', 'pi', 'mi', 'ii'];

/** How many criteria are set; a date range counts once, as the visitor set it as one "dates" filter. */
export function activeFilterCount(state: FilterState): number {
  const clean = cleanFilters(state);
  let count = 0;
  for (const key of FILTER_KEYS) {
    if (key === 'to' && clean.from !== undefined) continue;
    if (clean[key] !== undefined) count++;
  }
  return count;
}

export function isEmptyFilter(state: FilterState): boolean {
  return activeFilterCount(state) === 0;
}

export function sameFilters(a: FilterState, b: FilterState): boolean {
  const x = cleanFilters(a);
  const y = cleanFilters(b);
  return FILTER_KEYS.every((key) => {
    const u = x[key];
    const v = y[key];
    if (Array.isArray(u) && Array.isArray(v)) return u.length === v.length && u.every((item, i) => item === v[i]);
    return u === v;
  });
}

/**
 * The canonical form of a state: trimmed strings, sorted de-duplicated ids, no empty values and
 * no keys outside the contract, so equal filters compare (and serialise) equal.
 */
export function cleanFilters(state: FilterState): FilterState {
  const out: FilterState = {};
  const region = state.region?.trim();
  if (region) out.region = region;
  const department = state.department?.trim().toUpperCase();
  if (department) out.department = department;
  const city = state.city?.trim().replace(/\s+/g, ' ');
  if (city) out.city = city;
  const types = cleanIds(state.types);
  if (types) out.types = types;
  const audiences = cleanIds(state.audiences);
  if (audiences) out.audiences = audiences;
  const from = state.from?.trim();
  if (from) out.from = from;
  const to = state.to?.trim();
  if (to) out.to = to;
  if (state.attendance === 'onsite' || state.attendance === 'online') out.attendance = state.attendance;
  const wanted = new Set(state.accessibility ?? []);
  const accessibility = ACCESSIBILITY_KEYS.filter((key) => wanted.has(key));
  if (accessibility.length > 0) out.accessibility = accessibility;
  const q = state.q === undefined ? undefined : capQuery(state.q);
  if (q) out.q = q;
  return out;
}

function cleanIds(ids: readonly number[] | undefined): number[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  const clean = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id >= 0))].sort((a, b) => a - b);
  return clean.length > 0 ? clean : undefined;
}
