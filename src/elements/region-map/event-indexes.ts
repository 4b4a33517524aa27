/**
 * Filtering indexes per loaded event array, built once: several maps and lists on a page share
 * the store's arrays, and a map re-filters on every change of the group's filters.
 */
import { indexEvents, type EventIndex } from '../../filters/apply.js';
import type { SdiEvent } from '../../model/types.js';

const indexes = new WeakMap<readonly SdiEvent[], EventIndex>();

export function indexOf(events: readonly SdiEvent[]): EventIndex {
  let index = indexes.get(events);
  if (!index) {
    index = indexEvents(events);
    indexes.set(events, index);
  }
  return index;
}
