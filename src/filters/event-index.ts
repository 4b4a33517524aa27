/**
 * The index the filters run on. Everything that costs (folding text, finding each slot's local
 * day) is done once per dataset: the facets on the first filter that needs them, the text search
 * on the first query, or both ahead of time by the list's `prepareIndex`.
 *
 * Both structures are built by generators that yield after each event, so the list's
 * `prepareIndex` (elements/event-list/results.ts) can build them in idle time in slices that give
 * the main thread back (a phone is not frozen for half a second), while a filter arriving before
 * it finished runs the rest of the same build at once (`EventIndex.step`): the structures, hence
 * the results, are the same whichever way they were built, and no work already done is lost.
 */
import { facetSteps, type Facets, type Steps } from './facet-index.js';
import { searchSteps, type SearchIndex } from './text-search.js';
import type { SdiEvent } from '../model/types.js';

export interface EventIndex {
  readonly events: readonly SdiEvent[];
  /** @internal */
  readonly facets: Facets;
  /** @internal Built on the first text query, or ahead of it by `prepareIndex` / `prepareSearch`. */
  search?: SearchIndex;
  /**
   * @internal One unit of work (an event) of the facets' build, then the search's, which a filter
   * that needs them now finishes at once and `prepareIndex` does in slices; true once both are built.
   */
  step(): boolean;
}

/**
 * The facet arrays are built on the first filter that needs them, or by `prepareIndex`, not here:
 * the first paint of an unfiltered list (the common case: a visitor opening a page) must not wait
 * for the local day of every slot of the edition (~25 ms for 8,000 events in Chromium).
 */
export function indexEvents(events: readonly SdiEvent[]): EventIndex {
  let facets: Facets | undefined;
  let steps: Steps<void> | undefined;
  const index: EventIndex = {
    events,
    step() {
      steps ??= (function* () {
        facets ??= yield* facetSteps(events);
        index.search ??= yield* searchSteps(events);
      })();
      // Over (the builders' scratch, megabytes of raw words, is garbage then), or closed by an
      // error: the next call starts again from what is built, so a build that threw throws again
      // where its result is needed.
      if (steps.next().done) steps = undefined;
      return index.search !== undefined;
    },
    get facets(): Facets {
      while (!facets) index.step();
      return facets;
    },
  };
  return index;
}

/** Builds the facets now, in one task, sparing the visitor's first filter change the wait. */
export function prepareFacets(index: EventIndex): void {
  void index.facets;
}

/**
 * Builds the text-search part of the index now, in one task, rather than on the first query. It
 * is most of the indexing cost (about half a second for 10,000 long descriptions in Node, more on
 * a phone) and many visitors never type a query, so it is left out of `indexEvents`.
 */
export function prepareSearch(index: EventIndex): void {
  searchOf(index);
}

export function searchOf(index: EventIndex): SearchIndex {
  while (!index.search) index.step();
  return index.search;
}
