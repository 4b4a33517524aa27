/**
 * The sorts of the events endpoint, as sort keys. A page's `after` is the key of its last
 * event, so the key layout follows the recorded responses: timingsWithFeatured.asc gives
 * `[featured 0|1, next timing begin ms, last timing end ms, uid]`
 * (e.g. `[0, 1663507800000, 1663516800000, 71349782]`).
 */
import { nextSlotOf, relativeOf, type AgendaIndex, type IndexedEvent, type SortedEvent } from './event-index.js';

export const SORT_NAMES = [
  'timingsWithFeatured.asc',
  'timings.asc',
  'lastTiming.asc',
  'lastTimingWithFeatured.asc',
  'updatedAt.desc',
  'updatedAt.asc',
] as const;

export type SortName = (typeof SORT_NAMES)[number];

export const DEFAULT_SORT: SortName = 'timingsWithFeatured.asc';

type Direction = 1 | -1;

interface SortSpec {
  /** Per key component: 1 ascending, -1 descending. */
  directions: Direction[];
  key(event: IndexedEvent, now: number): number[];
  /** Timing sorts move events as time passes, so their cached order has an expiry. */
  dependsOnNow: boolean;
}

/**
 * Passed events come after every upcoming one, most recently ended first (the documented
 * order). Encoding them as PASSED_BASE - end keeps the key a single ascending number;
 * 1e15 ms is past year 33,000, far above any real timing, and below MAX_SAFE_INTEGER.
 */
const PASSED_BASE = 1e15;

function nextTimingRank(event: IndexedEvent, now: number): number {
  const next = nextSlotOf(event, now);
  if (next) return next.begin;
  return event.slots.length ? PASSED_BASE - event.lastEnd : PASSED_BASE;
}

function lastTimingRank(event: IndexedEvent, now: number): number {
  if (!event.slots.length) return PASSED_BASE;
  return relativeOf(event, now) === 'passed' ? PASSED_BASE - event.lastEnd : event.lastEnd;
}

function lastEnd(event: IndexedEvent): number {
  return Number.isNaN(event.lastEnd) ? 0 : event.lastEnd;
}

const featured = (event: IndexedEvent): number => (event.featured ? 1 : 0);

const SPECS: Record<SortName, SortSpec> = {
  'timingsWithFeatured.asc': {
    directions: [-1, 1, 1, 1],
    key: (e, now) => [featured(e), nextTimingRank(e, now), lastEnd(e), e.uid],
    dependsOnNow: true,
  },
  'timings.asc': {
    directions: [1, 1, 1],
    key: (e, now) => [nextTimingRank(e, now), lastEnd(e), e.uid],
    dependsOnNow: true,
  },
  'lastTiming.asc': {
    directions: [1, 1],
    key: (e, now) => [lastTimingRank(e, now), e.uid],
    dependsOnNow: true,
  },
  'lastTimingWithFeatured.asc': {
    directions: [-1, 1, 1],
    key: (e, now) => [featured(e), lastTimingRank(e, now), e.uid],
    dependsOnNow: true,
  },
  'updatedAt.desc': {
    directions: [-1, 1],
    key: (e) => [e.updatedAt, e.uid],
    dependsOnNow: false,
  },
  'updatedAt.asc': {
    directions: [1, 1],
    key: (e) => [e.updatedAt, e.uid],
    dependsOnNow: false,
  },
};

export function isSortName(value: string): value is SortName {
  return (SORT_NAMES as readonly string[]).includes(value);
}

export function keyLength(sort: SortName): number {
  return SPECS[sort].directions.length;
}

export function compareKeys(sort: SortName, a: readonly number[], b: readonly number[]): number {
  const directions = SPECS[sort].directions;
  for (const [i, direction] of directions.entries()) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference * direction;
  }
  return 0;
}

/** The instant the first timing-based key changes: when some event's next timing ends. */
function expiryOf(index: AgendaIndex, now: number): number {
  let until = Number.POSITIVE_INFINITY;
  for (const event of index.events) {
    const next = nextSlotOf(event, now);
    if (next && next.end < until) until = next.end;
  }
  return until;
}

/**
 * All events of the agenda in the order of `sort`, sorted once and reused until the clock
 * crosses a timing end (the only moment a timing sort's keys change).
 */
export function sortedEvents(index: AgendaIndex, sort: SortName, now: number): SortedEvent[] {
  const spec = SPECS[sort];
  const cached = index.sorts.get(sort);
  if (cached && now >= cached.from && now < cached.until) return cached.entries;
  const entries = index.events.map((event) => ({ event, key: spec.key(event, now) }));
  entries.sort((a, b) => compareKeys(sort, a.key, b.key));
  index.sorts.set(sort, {
    from: spec.dependsOnNow ? now : Number.NEGATIVE_INFINITY,
    until: spec.dependsOnNow ? expiryOf(index, now) : Number.POSITIVE_INFINITY,
    entries,
  });
  return entries;
}
