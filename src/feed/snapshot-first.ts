/**
 * Reads a first-page file (format 2, docs/SNAPSHOT.md "First-page files"): one scope's first
 * upcoming events, a few kilobytes that paint a list's first cards while its full file is still
 * on its way, and the facts that say how much of it is still that first page.
 */
import type { FetchJsonOptions } from './http.js';
import { fetchJson } from './http.js';
import type { FirstPageBoundary, FirstPageFacts, SnapshotFileRef } from './snapshot-format.js';
import { fileUrl, isCount, isRecord, readEventsBody, SnapshotError, type ExpandContext } from './snapshot-reader.js';
import type { SdiEvent } from '../model/types.js';

// Date's range, as for the events' slots.
const isInstant = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= 8.64e15;

function readBoundary(value: unknown): FirstPageBoundary | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || !isInstant(value.at) || typeof value.title !== 'string') return undefined;
  return { at: value.at, title: value.title };
}

/** The ends table: pairs of an instant and a count, in order; anything else makes it unusable. */
function isEndsTable(value: unknown): value is number[] {
  if (!Array.isArray(value) || value.length % 2 !== 0) return false;
  for (let i = 0; i < value.length; i += 2) {
    if (!isInstant(value[i]) || !isCount(value[i + 1]) || (i > 0 && (value[i] as number) < (value[i - 2] as number))) {
      return false;
    }
  }
  return true;
}

/** The facts of a first-page file, or an error: without them its events cannot be trusted. */
export function validateFirstFacts(value: unknown, path: string): FirstPageFacts {
  const until = isRecord(value) ? readBoundary(value.until) : undefined;
  if (
    !isRecord(value) ||
    until === undefined ||
    !isCount(value.total) ||
    !isCount(value.over) ||
    !isEndsTable(value.ends) ||
    !isInstant(value.horizon)
  ) {
    throw new SnapshotError(`${path} is not a first-page file`);
  }
  return { until, total: value.total, over: value.over, ends: value.ends, horizon: value.horizon };
}

export async function readFirstPage(
  base: string,
  ref: SnapshotFileRef,
  options: FetchJsonOptions,
  index?: ExpandContext,
): Promise<{ events: SdiEvent[]; dropped: number; facts: FirstPageFacts }> {
  const body = await fetchJson(fileUrl(base, ref), options);
  const facts = validateFirstFacts(isRecord(body) ? body.first : undefined, ref.path);
  const { events, dropped } = await readEventsBody(body, ref, base, options.signal, index);
  return { events, dropped, facts };
}
