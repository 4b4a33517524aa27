/**
 * What a visitor (or the partner, by attributes) asks of the events. Shared by the list, the map
 * and the host page (it is the `detail.filters` of `sdi-filter-change`), so it is plain data:
 * codes and ids, never labels.
 */
import type { AccessibilityFlags } from '../model/types.js';

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
