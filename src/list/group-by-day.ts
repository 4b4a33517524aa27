/**
 * Day headings for the date-sorted list. An event sits under the day it next happens on, on its
 * own clocks, so the headings agree with the slot times printed under them.
 */
import type { Lang, SdiEvent } from '../model/types.js';
import { localDay, wallClock } from '../time/local-day.js';
import { longDayLabel } from './format-event.js';

export interface DayGroup {
  /** YYYY-MM-DD */
  day: string;
  /** « mercredi 18 novembre » / "Wednesday 18 November", with the year only when it is not this year's. */
  label: string;
  events: SdiEvent[];
}

/**
 * The local day of the event's first slot that ends after `now` and reaches `from`, else of its
 * first slot. A slot spanning several days that is already running, or that started before
 * `from`, is placed on the later of those days: an exhibition open all week shows under today,
 * not under last Monday.
 */
export function eventDay(event: SdiEvent, options: { now?: number; from?: string }): string {
  const now = options.now ?? Date.now();
  const zone = event.timezone;
  const { from } = options;
  for (const timing of event.timings) {
    if (timing.end <= now) continue;
    // A slot ending at 00:00 does not take place on the day that starts then.
    const lastDay = localDay(Math.max(timing.begin, timing.end - 1), zone);
    if (from && lastDay < from) continue;
    let day = localDay(timing.begin, zone);
    if (timing.begin < now) day = later(day, localDay(now, zone));
    if (from) day = later(day, from);
    return day;
  }
  const first = event.timings[0];
  return first ? localDay(first.begin, zone) : '';
}

function later(a: string, b: string): string {
  return a < b ? b : a;
}

export function groupByDay(events: readonly SdiEvent[], lang: Lang, options: { now?: number; from?: string } = {}): DayGroup[] {
  const now = options.now ?? Date.now();
  const byDay = new Map<string, SdiEvent[]>();
  for (const event of events) {
    const day = eventDay(event, { now, from: options.from });
    let list = byDay.get(day);
    if (!list) {
      list = [];
      byDay.set(day, list);
    }
    list.push(event);
  }
  const thisYear = wallClock(now, 'Europe/Paris').getUTCFullYear();
  return [...byDay.keys()].sort().map((day) => ({ day, label: dayLabel(day, lang, thisYear), events: byDay.get(day) ?? [] }));
}

/** « mercredi 18 novembre », plus the year when it is not `thisYear`. */
export function dayLabel(day: string, lang: Lang, thisYear: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const wall = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return longDayLabel(wall, lang, wall.getUTCFullYear() !== thisYear);
}
