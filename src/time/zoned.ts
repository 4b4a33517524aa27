/**
 * Wall-clock time in a named IANA zone, without a time-zone library: the offsets come from the
 * engine's own tz database through Intl.DateTimeFormat, which every browser we support ships.
 * A countdown to "16 November, 00:00 in Paris" must be the same instant for a visitor in Cayenne
 * or Saint-Denis de La Réunion, and must not drift by an hour across the October DST change.
 */
import { calendarUtc, parseIsoDate, parseWallTime } from './iso-date.js';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday, like Date#getDay. */
  weekday: number;
  /** Local time minus UTC, in minutes (Paris: 60 in winter, 120 in summer). */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-US with h23: numeric fields in a stable order; hour12:false alone yields "24" at
    // midnight in some engine versions.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function floorMod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Wall-clock fields at `epoch` in `timeZone`, seconds precision; the millisecond is carried over. */
function wallFields(epoch: number, timeZone: string): Omit<ZonedParts, 'weekday' | 'offsetMinutes'> {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: (fields.hour ?? NaN) % 24,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
    millisecond: floorMod(epoch, 1000),
  };
}

function wallAsUtc(fields: Omit<ZonedParts, 'weekday' | 'offsetMinutes'>): number {
  return calendarUtc(fields) + fields.hour * 3_600_000 + fields.minute * MINUTE + fields.second * 1000 + fields.millisecond;
}

/** Offset of `timeZone` at instant `epoch`, in milliseconds. */
export function zoneOffsetMs(epoch: number, timeZone: string): number {
  return wallAsUtc(wallFields(epoch, timeZone)) - epoch;
}

export function epochToZonedParts(epoch: number, timeZone: string): ZonedParts {
  const fields = wallFields(epoch, timeZone);
  const wall = wallAsUtc(fields);
  return {
    ...fields,
    weekday: new Date(wall).getUTCDay(),
    offsetMinutes: Math.round((wall - epoch) / MINUTE),
  };
}

/**
 * The instant at which the clocks of `timeZone` show `date` `time`.
 *
 * Local times that do not exist (the spring-forward gap, e.g. 02:30 on 29 March 2026 in Paris)
 * are moved forward by the gap's length (03:30 CEST), and ambiguous ones (the autumn overlap,
 * e.g. 02:30 on 25 October 2026) resolve to the first occurrence — the same choices as
 * Temporal's default "compatible" disambiguation, so a schedule never jumps backwards.
 *
 * @throws RangeError for a malformed or impossible date or time, or an unknown zone.
 */
export function zonedDateTimeToEpoch(date: string, time: string, timeZone: string): number {
  const day = parseIsoDate(date);
  if (!day) throw new RangeError(`Invalid date "${date}" (expected YYYY-MM-DD)`);
  const clock = parseWallTime(time);
  if (!clock) throw new RangeError(`Invalid time "${time}" (expected HH:MM)`);
  const wall = calendarUtc(day) + clock.hour * 3_600_000 + clock.minute * MINUTE;

  // Rather than iterating from a guess (which can oscillate in a gap), take the offsets in force
  // a day either side: any transition that matters lies between them, because real offsets stay
  // within ±14 h. Each offset gives one candidate; a candidate counts if it reads back as `wall`.
  const offsetBefore = zoneOffsetMs(wall - DAY, timeZone);
  const offsetAfter = zoneOffsetMs(wall + DAY, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((epoch) => epoch + zoneOffsetMs(epoch, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap the earlier offset still applies to the local reading, which lands past the jump.
  return wall - offsetBefore;
}
