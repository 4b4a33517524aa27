/**
 * The list's index built in slices (`prepareIndex`) rather than in one task: the same structures,
 * stopped by an abort, and exact for a filter that arrives before it is done.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareIndex } from '../../src/elements/event-list/results.js';
import { filterEvents, indexEvents, prepareFacets, prepareSearch, type SearchIndex } from '../../src/filters/apply.js';
import type { FilterState } from '../../src/filters/filter-state.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import type { SdiEvent } from '../../src/model/types.js';
import { generateEdition } from '../../tools/sample/generate.js';

/** The sample edition's generator: real French descriptions, places, slots across zones. */
const edition = generateEdition({ count: 1500 });
const EVENTS: readonly SdiEvent[] = normaliseEvents(edition.events, { schema: schemaFromAgenda(edition.agenda) }).events;

const STATES: FilterState[] = [
  { region: '84' },
  { q: 'usine' },
  { q: 'soud' },
  { q: 'e' },
  { q: 'visite entreprise', region: '32' },
  { city: '69', from: '2026-11-17', to: '2026-11-18' },
  { attendance: 'online', accessibility: ['mi'] },
  { types: [1, 3], audiences: [12] },
];

/** An index built in one task, as before: what every other build must equal. */
function oneShot(): ReturnType<typeof indexEvents> {
  const index = indexEvents(EVENTS);
  prepareFacets(index);
  prepareSearch(index);
  return index;
}
const REFERENCE = oneShot();

/** The search structures, without the cache of query matchers that filtering fills. */
function structures(search: SearchIndex | undefined): Omit<SearchIndex, 'matchers'> | undefined {
  if (!search) return undefined;
  const { matchers: _, ...rest } = search;
  return rest;
}

/**
 * The events behind a proxy that counts reads of an event, and an index over them: how much of
 * the work has run, seen from outside.
 */
function counted(): { index: ReturnType<typeof indexEvents>; reads: () => number } {
  let reads = 0;
  const events = new Proxy(EVENTS as SdiEvent[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { index: indexEvents(events), reads: () => reads };
}

/** Lets `n` turns of the event loop pass (the preparation's slices resume in between). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('prepareIndex: the index built in slices', () => {
  it('builds the same facets and search structures as the one-task build, in many slices', async () => {
    const index = indexEvents(EVENTS);
    let done = false;
    let turnsMeanwhile = 0;
    const preparing = prepareIndex(index, undefined, 1).then(() => (done = true));
    // Other work gets the thread between slices: the event loop turns while the build is going on.
    while (!done) {
      await turns(1);
      turnsMeanwhile++;
    }
    await preparing;
    assert.ok(turnsMeanwhile >= 5, `${turnsMeanwhile} turns of the event loop during the build`);
    assert.deepEqual(index.facets, REFERENCE.facets);
    assert.ok(index.search, 'the search part is built');
    assert.deepEqual(structures(index.search), structures(REFERENCE.search));
    assert.ok((REFERENCE.search?.wordStart.length ?? 0) > 1000, 'a realistic vocabulary');
  });

  it('runs in the caller’s task up to its first slice only', () => {
    const { index, reads } = counted();
    const preparing = prepareIndex(index, undefined, 1);
    assert.ok(reads() > 0, 'the first slice starts at once');
    assert.ok(reads() < 2 * EVENTS.length, `${reads()} reads of an event in the first slice`);
    assert.equal(index.search, undefined);
    return preparing;
  });

  it('stops at its next slice when aborted, quietly, and does nothing more', async () => {
    const { index, reads } = counted();
    const controller = new AbortController();
    const preparing = prepareIndex(index, controller.signal, 1);
    await turns(3);
    const before = reads();
    assert.ok(before > 0 && before < 2 * EVENTS.length, `${before} reads before the abort: mid-preparation`);
    controller.abort();
    // Given up is not failed: nothing for the caller to report.
    await preparing;
    const stopped = reads();
    await turns(20);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(reads(), stopped, 'no event read after the abort');
    assert.equal(index.search, undefined);
    // What was built is kept; a filter finishes the rest, exactly.
    for (const state of STATES)
      assert.deepEqual(filterEvents(index, state), filterEvents(REFERENCE, state), JSON.stringify(state));
  });

  it('does no work when the signal is already aborted', async () => {
    const { index, reads } = counted();
    const controller = new AbortController();
    controller.abort();
    await prepareIndex(index, controller.signal);
    assert.equal(reads(), 0);
    assert.equal(index.search, undefined);
  });

  it('gives a filter arriving mid-preparation the same results at once, and then completes without redoing it', async () => {
    for (const state of STATES) {
      const { index, reads } = counted();
      const preparing = prepareIndex(index, undefined, 1);
      await turns(2);
      assert.equal(index.search, undefined, 'still preparing');
      const got = filterEvents(index, state);
      const want = filterEvents(REFERENCE, state);
      assert.deepEqual(
        got.map((e) => e.uid),
        want.map((e) => e.uid),
        JSON.stringify(state),
      );
      // Every state leaves some events out but the one-letter query (the common-word matcher).
      assert.ok(
        want.length > 0 && (want.length < EVENTS.length || state.q === 'e'),
        `${JSON.stringify(state)}: ${want.length} events`,
      );
      const search = index.search;
      const afterFilter = reads();
      await preparing;
      if (state.q) {
        // The query finished the search build; the preparation found it done and read no event again.
        assert.ok(search, 'the query built the search part');
        assert.equal(index.search, search);
        assert.equal(reads(), afterFilter);
      }
      assert.deepEqual(structures(index.search), structures(REFERENCE.search));
      // Each build read each event once, and the filter its results: nothing was done twice.
      assert.equal(reads(), 2 * EVENTS.length + got.length);
      for (const other of STATES) assert.deepEqual(filterEvents(index, other), filterEvents(REFERENCE, other));
    }
  });

  it('fails where the index is needed when an event cannot be indexed, every time, rather than hanging or filtering on half an index', async () => {
    const broken = [...EVENTS.slice(0, 50), null as unknown as SdiEvent, ...EVENTS.slice(50, 100)];
    const index = indexEvents(broken);
    await assert.rejects(prepareIndex(index, undefined, 1), TypeError);
    assert.throws(() => filterEvents(index, { region: '84' }), TypeError);
    assert.throws(() => filterEvents(index, { q: 'usine' }), TypeError);
  });

  it('agrees with the one-task build for a filter at every stage of the preparation', async () => {
    const state: FilterState = { q: 'atelier', region: '84', from: '2026-11-17' };
    const want = filterEvents(REFERENCE, state).map((e) => e.uid);
    assert.ok(want.length > 0);
    // Each index is stopped after a different number of turns, then filtered.
    for (const stop of [0, 1, 2, 4, 8, 16]) {
      const index = indexEvents(EVENTS);
      const controller = new AbortController();
      const preparing = prepareIndex(index, controller.signal, 0.2);
      await turns(stop);
      controller.abort();
      await preparing;
      assert.deepEqual(
        filterEvents(index, state).map((e) => e.uid),
        want,
        `stopped after ${stop} turns`,
      );
    }
  });
});
