/**
 * The quick date ranges the list offers ("aujourd’hui", "cette semaine", "pendant la Semaine"),
 * as calendar days on the clocks of a time zone.
 */
import { addDays, formatIsoDate, parseIsoDate } from '../time/iso-date.js';
import { FALLBACK_ZONE, wallClock } from '../time/local-day.js';

export type QuickRange = 'today' | 'week' | 'edition';

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
