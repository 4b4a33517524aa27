/**
 * The one cap on an event's slots (MAX_TIMINGS_PER_EVENT: see limits.ts for why), used by the
 * normaliser, the snapshot reader and the snapshot builder alike. The slots kept are the ones a
 * visitor can still attend: upcoming first (not ended at the caller's `now`, soonest first), then
 * the most recent past ones; the result is in time order, and says how many were dropped.
 */
import { MAX_TIMINGS_PER_EVENT } from './limits.js';
import type { Timing } from './types.js';

export function capTimingList<T extends Timing>(timings: readonly T[], now: number): { timings: T[]; dropped: number } {
  const dropped = timings.length - MAX_TIMINGS_PER_EVENT;
  if (dropped <= 0) return { timings: timings.slice(), dropped: 0 };
  const upcoming = timings.filter((t) => t.end > now).sort((a, b) => a.begin - b.begin);
  const past = timings.filter((t) => t.end <= now).sort((a, b) => b.begin - a.begin);
  const kept = upcoming.slice(0, MAX_TIMINGS_PER_EVENT);
  for (const timing of past) {
    if (kept.length >= MAX_TIMINGS_PER_EVENT) break;
    kept.push(timing);
  }
  kept.sort((a, b) => a.begin - b.begin || a.end - b.end);
  return { timings: kept, dropped };
}

/** The same on a whole event: the event itself when nothing is dropped. */
export function capTimings<E extends { timings: readonly Timing[] }>(event: E, now: number): { event: E; dropped: number } {
  const { timings, dropped } = capTimingList(event.timings, now);
  return dropped > 0 ? { event: { ...event, timings }, dropped } : { event, dropped: 0 };
}
