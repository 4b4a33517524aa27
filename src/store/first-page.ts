/**
 * The one rule of first-page files (docs/SNAPSHOT.md), for the builder that writes them and the
 * list that reads them: which events a scope's file holds, and, at the instant a visitor looks,
 * which of them are still exactly the list's first cards (date order, upcoming events, no filter
 * but the scope's region). Kept beside each other so the two sides cannot disagree.
 */
import { nextBegin } from '../list/sort.js';
import type { FirstPageFacts } from '../feed/snapshot-format.js';
import type { FilterState } from '../filters/filter-state.js';
import { pickText } from '../model/text.js';
import type { Lang, SdiEvent } from '../model/types.js';

/** Events in a first-page file: a default page (20) twice over, and room for what ends meanwhile. */
export const FIRST_PAGE_EVENTS = 50;
/** How long after its build a first-page file is used: its table of ends covers that long. */
export const FIRST_PAGE_HORIZON_MS = 2 * 24 * 60 * 60 * 1000;

const lastEnd = (event: SdiEvent): number => event.timings[event.timings.length - 1]?.end ?? -Infinity;

/**
 * The list's date order at `now` (sort.ts: next start, then the title as a plain string, then
 * the position in the file), with French titles, the default language.
 */
function listOrder(events: readonly SdiEvent[], now: number): { event: SdiEvent; at: number; title: string }[] {
  return events
    .map((event, position) => ({ event, position, at: nextBegin(event, now), title: pickText(event.title, 'fr') }))
    .sort((a, b) => a.at - b.at || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || a.position - b.position);
}

/**
 * A scope's first-page file: its first `size` upcoming events at `now` (kept in the order of
 * `events`, the full file's), and the facts a reader checks them with.
 */
export function buildFirstPage(
  events: readonly SdiEvent[],
  now: number,
  size = FIRST_PAGE_EVENTS,
  horizonMs = FIRST_PAGE_HORIZON_MS,
): { events: SdiEvent[]; facts: FirstPageFacts } {
  const upcoming = events.filter((event) => lastEnd(event) > now);
  const ordered = listOrder(upcoming, now);
  const kept = new Set(ordered.slice(0, size).map((k) => k.event));
  const next = ordered[size];
  const horizon = now + horizonMs;
  const ending = new Map<number, number>();
  for (const event of upcoming) {
    const end = lastEnd(event);
    if (end <= horizon) ending.set(end, (ending.get(end) ?? 0) + 1);
  }
  const ends = [...ending.entries()].sort((a, b) => a[0] - b[0]).flat();
  return {
    events: events.filter((event) => kept.has(event)),
    facts: {
      until: next ? { at: next.at, title: next.title } : null,
      total: events.length,
      over: events.length - upcoming.length,
      ends,
      horizon,
    },
  };
}

/** How many of a scope's events are still to come at `now`, from a first-page file's facts. */
export function upcomingCount(facts: FirstPageFacts, now: number): number {
  let over = facts.over;
  for (let i = 0; i < facts.ends.length && (facts.ends[i] ?? Infinity) <= now; i += 2) over += facts.ends[i + 1] ?? 0;
  return facts.total - over;
}

/**
 * Of a first-page file's events in the list's date order at `now` (over ones left out), the ones
 * that are surely the list's first cards: those before the first event the file left out. In
 * French the title breaks ties at that event's instant, as it did when the file was chosen; in
 * English, whose titles order differently, only the instant counts. Undefined when the file
 * cannot be used at `now` (before its build, or past its horizon).
 */
export function surelyFirst(
  ordered: readonly SdiEvent[],
  facts: FirstPageFacts,
  generatedAt: number,
  now: number,
  lang: Lang,
): { events: SdiEvent[]; total: number } | undefined {
  if (now < generatedAt || now > facts.horizon) return undefined;
  const until = facts.until;
  const before = (event: SdiEvent): boolean => {
    if (!until) return true;
    const at = nextBegin(event, now);
    return at < until.at || (lang === 'fr' && at === until.at && pickText(event.title, 'fr') < until.title);
  };
  let count = 0;
  while (count < ordered.length && before(ordered[count]!)) count++;
  return { events: ordered.slice(0, count), total: upcomingCount(facts, now) };
}

/** How the list is looking at its events: what decides whether a first page is its first cards. */
export interface FirstPageView {
  filters: FilterState;
  sort: string;
  near: unknown;
  includePast: boolean;
  lang: Lang;
  /** The instant the list ordered its events for. */
  now: number;
}

/**
 * The list's first cards and its count from first-page data, or undefined when the list must wait
 * for its full data: a filter other than the scope's region, another order, past events shown,
 * or fewer sure events than `needed` (a page, or the teaser's limit) while more are to come.
 * `ordered`: the first page's events as the list ordered them.
 */
export function firstPageView(
  ordered: readonly SdiEvent[],
  first: { facts: FirstPageFacts; region?: string },
  generatedAt: number,
  view: FirstPageView,
  needed: number,
): { events: SdiEvent[]; total: number } | undefined {
  if (view.sort !== 'date' || view.near || view.includePast) return undefined;
  for (const [key, value] of Object.entries(view.filters)) {
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty && !(key === 'region' && value === first.region)) return undefined;
  }
  if (first.region && view.filters.region !== first.region) return undefined;
  const sure = surelyFirst(ordered, first.facts, generatedAt, view.now, view.lang);
  // Nothing to come: the full data says whether there are past events to offer instead.
  return sure && sure.total > 0 && sure.events.length >= Math.min(needed, sure.total) ? sure : undefined;
}
