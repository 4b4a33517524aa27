/**
 * Where a visitor stands relative to an edition, from a single instant. Everything is computed
 * on epoch milliseconds, so the result is the same for a visitor in any zone, and elapsed time
 * across the late-October DST change counts the extra hour (a calendar difference would not).
 * The `<sdi-countdown>` element is a view over this.
 */
import { editionBounds, type EditionFacts } from './editions.js';

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  totalMs: number;
}

export type CountdownState =
  | { phase: 'before'; target: number; remaining: Remaining }
  /** `endsAt` is exclusive: midnight (Paris) after the last day, the instant the phase becomes 'after'. */
  | { phase: 'during'; endsAt: number }
  | { phase: 'after' }
  | { phase: 'unknown' };

export interface CountdownOptions {
  /** Opening time of the first day, HH:MM in Europe/Paris; default 00:00. */
  startTime?: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Splits a duration into 24-hour days and the rest, rounding down so the display never runs ahead. */
export function splitDuration(totalMs: number): Remaining {
  const ms = Math.max(0, totalMs);
  return {
    days: Math.floor(ms / DAY),
    hours: Math.floor((ms % DAY) / HOUR),
    minutes: Math.floor((ms % HOUR) / MINUTE),
    seconds: Math.floor((ms % MINUTE) / SECOND),
    totalMs: ms,
  };
}

export function countdownState(now: number, edition: EditionFacts, options: CountdownOptions = {}): CountdownState {
  const { start, end } = editionBounds(edition, options.startTime);
  if (start !== undefined && now < start) {
    return { phase: 'before', target: start, remaining: splitDuration(start - now) };
  }
  if (end !== undefined && now >= end) return { phase: 'after' };
  if (start !== undefined && end !== undefined) return { phase: 'during', endsAt: end };
  // Started with no known end, or an end with no known start: saying more would be a guess.
  return { phase: 'unknown' };
}
