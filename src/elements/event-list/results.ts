/**
 * What the list shows for a dataset and a filter state: the logic modules chained (filter on the
 * index, hide what is over, sort), memoised on its inputs so a render that changes nothing else
 * (a dialog opening, a status message) never filters or sorts 8,000 events again.
 */
import { runSliced, SLICE_MS } from '../../feed/yield.js';
import { filterEvents, type EventIndex } from '../../filters/apply.js';
import type { FilterState } from '../../filters/filter-state.js';
import { sortEvents, type SortKey } from '../../list/sort.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import { zonedDateTimeToEpoch } from '../../time/zoned.js';

export interface Position {
  lat: number;
  lng: number;
}

export interface ResultsInput {
  index: EventIndex;
  filters: FilterState;
  sort: SortKey;
  near: Position | undefined;
  lang: Lang;
  now: number;
  /** Keep events that are over (the partner's `past`, or the visitor asked to see them). */
  includePast: boolean;
}

export interface Results {
  /** Matching events, in display order. */
  events: SdiEvent[];
  /** How many match in all, when `events` are only the first ones (first-page data, ListData). */
  total?: number;
  /** Matching events left out because they are over (0 when past events are shown). */
  pastHidden: number;
  /** Day headings make sense only in date order. */
  grouped: boolean;
  /** The instant the order and the day headings were computed for. */
  reference: number;
}

/** The event's last slot has ended at `now` (or it has none). */
export function isOver(event: SdiEvent, now: number): boolean {
  const last = event.timings[event.timings.length - 1];
  return !last || last.end <= now;
}

/**
 * The instant events are ordered from. With a `from` date, a slot before it is not what the
 * visitor is looking at: ordering from that day keeps the order in step with the day headings.
 */
function referenceInstant(filters: FilterState, now: number): number {
  if (!filters.from) return now;
  try {
    const start = zonedDateTimeToEpoch(filters.from, '00:00', 'Europe/Paris');
    return Number.isFinite(start) ? Math.max(now, start) : now;
  } catch {
    return now;
  }
}

export function computeResults(input: ResultsInput): Results {
  const matched = filterEvents(input.index, input.filters);
  // A date range asked for explicitly may well be in the past; only the open-ended list hides what is over.
  const showPast = input.includePast || Boolean(input.filters.from || input.filters.to);
  const kept = showPast ? matched : matched.filter((event) => !isOver(event, input.now));
  // «Près de moi» is a request to sort by distance, whatever the partner's default order.
  const sort: SortKey = input.near ? 'distance' : input.sort === 'distance' ? 'date' : input.sort;
  const reference = referenceInstant(input.filters, input.now);
  const events = sortEvents(kept, sort, { lang: input.lang, now: reference, ...(input.near ? { near: input.near } : {}) });
  return { events, pastHidden: matched.length - kept.length, grouped: sort === 'date', reference };
}

/** `computeResults` remembered for the last inputs, compared field by field. */
export class ResultsMemo {
  private last?: { input: ResultsInput; results: Results };

  get(input: ResultsInput): Results {
    const last = this.last;
    if (last && sameInput(last.input, input)) return last.results;
    const results = computeResults(input);
    this.last = { input, results };
    return results;
  }

  clear(): void {
    this.last = undefined;
  }
}

function sameInput(a: ResultsInput, b: ResultsInput): boolean {
  return (
    a.index === b.index &&
    a.filters === b.filters &&
    a.sort === b.sort &&
    a.near === b.near &&
    a.lang === b.lang &&
    a.now === b.now &&
    a.includePast === b.includePast
  );
}

/**
 * Builds the index's facets, then its search, in slices of `sliceMs` that yield to the browser
 * between them: 100-200 ms of work in Chromium on the national file (four times that on a phone)
 * would otherwise be one task during which taps and typing wait. Resolves when the index is
 * prepared, or at the first slice after `signal` is aborted: what was built so far is kept, and a
 * filter finishes the rest. Here rather than in apply.ts, which the map shares: only the list
 * prepares ahead, and the map's page need not download this.
 */
export async function prepareIndex(index: EventIndex, signal?: AbortSignal, sliceMs = SLICE_MS): Promise<void> {
  // A filter may finish the work while this waits: `step` then says it is over at once. Each step
  // is one event of one build, so the clock is read at every one.
  await runSliced(() => index.step(), signal, sliceMs, 1).catch((error: unknown) => {
    if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
  });
}
