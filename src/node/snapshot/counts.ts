/**
 * The index's counts, so a widget can show "812 events in Auvergne-Rhône-Alpes" or a per-day
 * histogram without downloading any events file.
 */
import type { SnapshotCounts } from '../../feed/snapshot-format.js';
import { regionKey } from '../../feed/snapshot-format.js';
import type { SdiEvent } from '../../model/types.js';

// Shared with the reader, which must find an event's details file the way the builder split them.
export { isSafeCode, regionKey } from '../../feed/snapshot-format.js';

const DAY_MS = 86_400_000;
// A timing spanning months (a permanent exhibition typed as one slot) would otherwise flood the
// day histogram and the loop; an edition lasts a week or two.
const MAX_DAYS_PER_TIMING = 366;
const FALLBACK_ZONE = 'Europe/Paris';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = dayFormat(FALLBACK_ZONE);
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date of an instant where the event takes place. */
export function localDay(ms: number, timeZone: string): string {
  // Parts rather than a locale whose pattern happens to be YYYY-MM-DD: ICU updates change those.
  const parts: Record<string, string> = {};
  for (const { type, value } of dayFormat(timeZone).formatToParts(ms)) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Each local date the event runs on, once, even with several slots that day. */
export function eventDays(event: SdiEvent): Set<string> {
  const days = new Set<string>();
  for (const { begin, end } of event.timings) {
    const first = localDay(begin, event.timezone);
    // The end is exclusive: a slot ending at midnight does not run on the next day.
    const last = localDay(Math.max(begin, end - 1), event.timezone);
    let day = first;
    for (let n = 0; n < MAX_DAYS_PER_TIMING; n++) {
      days.add(day);
      if (day >= last) break;
      day = nextDay(day);
    }
  }
  return days;
}

function bump(counts: Record<string, number>, key: string | number): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sortedKeys<T extends Record<string, number>>(counts: T): T {
  const out: Record<string, number> = {};
  for (const key of Object.keys(counts).sort()) out[key] = counts[key] ?? 0;
  return out as T;
}

export function countEvents(events: readonly SdiEvent[]): SnapshotCounts {
  const counts: SnapshotCounts = { region: {}, department: {}, type: {}, audience: {}, attendance: {}, day: {} };
  for (const event of events) {
    bump(counts.region, regionKey(event));
    const department = event.location?.departmentCode;
    if (department) bump(counts.department, department);
    for (const id of new Set(event.types)) bump(counts.type, id);
    for (const id of new Set(event.audiences)) bump(counts.audience, id);
    counts.attendance[event.attendance] = (counts.attendance[event.attendance] ?? 0) + 1;
    for (const day of eventDays(event)) bump(counts.day, day);
  }
  return {
    region: sortedKeys(counts.region),
    department: sortedKeys(counts.department),
    type: sortedKeys(counts.type),
    audience: sortedKeys(counts.audience),
    attendance: counts.attendance,
    day: sortedKeys(counts.day),
  };
}
