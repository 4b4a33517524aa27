/**
 * Calendar days in a time zone, and the quick date ranges the list offers ("aujourd’hui",
 * "cette semaine", "pendant la Semaine"). An event's day is the day on its own clocks: a visit at
 * 9:00 in Saint-Denis de La Réunion is on the 18th even for a visitor browsing from Paris at 6:00.
 */
import { addDays, formatIsoDate, parseIsoDate } from '../time/iso-date.js';
import { zoneOffsetMs } from '../time/zoned.js';

export type QuickRange = 'today' | 'week' | 'edition';

const FALLBACK_ZONE = 'Europe/Paris';
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

/**
 * The days of a quick range. `week` is Monday to Sunday, the French week, containing `now`.
 * `edition` is undefined unless both edition dates are known and in order: a half-known range
 * would silently filter on something the visitor did not choose.
 */
export function quickRange(
  kind: QuickRange,
  now: number,
  edition?: { start?: string; end?: string },
  timeZone: string = FALLBACK_ZONE,
): { from: string; to: string } | undefined {
  if (kind === 'edition') {
    const start = parseIsoDate(edition?.start);
    const end = parseIsoDate(edition?.end);
    if (!start || !end) return undefined;
    const from = formatIsoDate(start);
    const to = formatIsoDate(end);
    return from <= to ? { from, to } : undefined;
  }
  const wall = wallClock(now, timeZone);
  const today = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  if (kind === 'today') {
    const day = formatIsoDate(today);
    return { from: day, to: day };
  }
  // getUTCDay: 0 = Sunday; days since Monday.
  const sinceMonday = (wall.getUTCDay() + 6) % 7;
  const monday = addDays(today, -sinceMonday);
  return { from: formatIsoDate(monday), to: formatIsoDate(addDays(monday, 6)) };
}
