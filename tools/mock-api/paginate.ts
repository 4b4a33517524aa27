/**
 * Cursor pagination the way the API does it (search_after): the cursor is the sort key of the
 * last event served, and the next page starts at the first event whose key is greater. A
 * cursor therefore survives events being added or moved between two pages, as on the real API.
 */
import type { SortedEvent } from './event-index.js';
import { compareKeys, type SortName } from './sort.js';

export interface PageRequest {
  size: number;
  from: number;
  after?: number[];
  sort: SortName;
}

export interface Page {
  total: number;
  entries: SortedEvent[];
  after: number[] | null;
}

/** Binary search: `entries` is already in `sort` order, so seeking costs O(log n). */
function firstAfter(entries: SortedEvent[], sort: SortName, cursor: number[]): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    if (!entry) throw new Error(`firstAfter: no entry at index ${middle} of ${entries.length}`);
    if (compareKeys(sort, entry.key, cursor) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function paginate(entries: SortedEvent[], request: PageRequest, trailingCursor: boolean): Page {
  const start = request.after ? firstAfter(entries, request.sort, request.after) : request.from;
  const slice = entries.slice(start, start + request.size);
  const last = slice.at(-1);
  const more = start + slice.length < entries.length;
  return {
    total: entries.length,
    entries: slice,
    after: last && (more || trailingCursor) ? [...last.key] : null,
  };
}
