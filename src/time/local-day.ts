/**
 * Calendar days and wall clocks in a time zone. An event's day is the day on its own clocks: a
 * visit at 9:00 in Saint-Denis de La Réunion is on the 18th even for a visitor browsing from Paris
 * at 6:00.
 */
import { formatIsoDate, parseIsoDate } from './iso-date.js';
import { zoneOffsetMs } from './zoned.js';

/** The product's zone, used when a zone is unknown or not given. */
export const FALLBACK_ZONE = 'Europe/Paris';
// Every offset in use is a multiple of 15 minutes and transitions happen on such boundaries, so
// one Intl lookup per quarter-hour bucket answers for every instant in it. Indexing 8,000 events
// then costs a few hundred Intl calls instead of tens of thousands.
const BUCKET_MS = 15 * 60_000;
const MAX_CACHED = 50_000;
const offsetCache = new Map<string, Map<number, number>>();
let cachedCount = 0;

/** Offset of `timeZone` at `instant`, in ms; an unknown zone reads as Paris rather than throwing. */
export function offsetAt(instant: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const bucket = Math.floor(instant / BUCKET_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * BUCKET_MS, timeZone);
    // A long-lived page keeps asking for "now"; bound the cache instead of letting it grow.
    if (++cachedCount > MAX_CACHED) {
      offsetCache.clear();
      cachedCount = 1;
      zone = new Map();
      offsetCache.set(timeZone, zone);
    }
    zone.set(bucket, offset);
  }
  return offset;
}

function computeOffset(instant: number, timeZone: string): number {
  try {
    const offset = zoneOffsetMs(instant, timeZone);
    if (Number.isFinite(offset)) return offset;
  } catch {
    // Unknown zone: fall through to the product's default zone.
  }
  return timeZone === FALLBACK_ZONE ? 0 : computeOffset(instant, FALLBACK_ZONE);
}

/** The wall clock of `timeZone` at `instant`, as a Date whose UTC fields read that wall clock. */
export function wallClock(instant: number, timeZone: string): Date {
  return new Date(instant + offsetAt(instant, timeZone));
}

/** The calendar day (YYYY-MM-DD) on the clocks of `timeZone` at `instant`. */
export function localDay(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return formatIsoDate({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() });
}

/** The same day as a number, 20261118: compares like the ISO string, without string compares. */
export function localDayNumber(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return wall.getUTCFullYear() * 10_000 + (wall.getUTCMonth() + 1) * 100 + wall.getUTCDate();
}

/** 20261118 for "2026-11-18", undefined for anything that is not a real calendar date. */
export function dayNumber(isoDate: string | undefined): number | undefined {
  const date = parseIsoDate(isoDate);
  return date ? date.year * 10_000 + date.month * 100 + date.day : undefined;
}

/** "2026-11-18T09:00:00+01:00": the event's wall clock with its offset, for `<time datetime>`. */
export function slotDateTimeAttr(instant: number, timeZone: string): string {
  const offset = offsetAt(instant, timeZone);
  const wall = new Date(instant + offset);
  const iso = wall.toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${iso}${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
