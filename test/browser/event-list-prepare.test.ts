/**
 * The list builds its filter index after the first cards, in idle time and in slices, so that a
 * visitor's taps and typing are not kept waiting; a search typed before it is done shows at once
 * what the finished index would show, and a list that leaves the page, or gets new data, stops
 * the old preparation.
 *
 * The page's idle callbacks are held by the tests, so the preparation starts when a test says.
 */
import { expect, fixtureCleanup, html } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { EventIndex } from '../../src/filters/apply.js';
import type { FilterState } from '../../src/filters/filter-state.js';
import {
  cards,
  clock,
  countOf,
  expected,
  freshStore,
  input,
  list,
  sharedStore,
  SNAPSHOT,
  until,
} from '../support/browser/event-list-helpers.js';
import { collectUncaught, stubWarn } from '../support/browser/support.js';

type IdleWindow = {
  requestIdleCallback?: typeof window.requestIdleCallback;
  cancelIdleCallback?: typeof window.cancelIdleCallback;
};

/** Holds every idle callback the page asks for until `run()`. */
function holdIdle(): { run: () => number; restore: () => void } {
  const w = window as IdleWindow;
  const had = { request: w.requestIdleCallback, cancel: w.cancelIdleCallback };
  const held = new Map<number, IdleRequestCallback>();
  let next = 1;
  w.requestIdleCallback = (callback: IdleRequestCallback) => {
    held.set(next, callback);
    return next++;
  };
  w.cancelIdleCallback = (id: number) => void held.delete(id);
  return {
    run() {
      const callbacks = [...held.values()];
      held.clear();
      const deadline = { didTimeout: false, timeRemaining: () => 50 };
      for (const callback of callbacks) callback(deadline);
      return callbacks.length;
    },
    restore() {
      // WebKit has no requestIdleCallback: the widgets' timeout stands in again.
      if (had.request) w.requestIdleCallback = had.request;
      else delete w.requestIdleCallback;
      if (had.cancel) w.cancelIdleCallback = had.cancel;
      else delete w.cancelIdleCallback;
    },
  };
}

/** The list's index (private: what the tests watch is whether its search part is built). */
function indexOf(el: SdiEventList): EventIndex {
  const index = (el as unknown as { held: { index?: EventIndex } }).held.index;
  if (!index) throw new Error('no index');
  return index;
}

async function tasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The list shows exactly what filterEvents finds on a fully built index, in the same order. */
async function expectShowsNow(el: SdiEventList, filters: FilterState): Promise<void> {
  const want = await expected(filters);
  expect(want.length, 'the filter keeps some events, not all').to.be.within(1, (await sharedStoreEvents()) - 1);
  expect(countOf(el)).to.equal(want.length);
  const shown = cards(el).map((c) => Number(c.dataset.uid));
  const uids = new Set(want.map((e) => e.uid));
  expect(shown.length).to.be.greaterThan(0);
  expect(shown.every((uid) => uids.has(uid))).to.equal(true);
}

async function sharedStoreEvents(): Promise<number> {
  return (await sharedStore.events({ kind: 'snapshot', src: SNAPSHOT })).events.length;
}

describe('<sdi-event-list> index prepared in slices', () => {
  const uncaught = collectUncaught();
  let idle: ReturnType<typeof holdIdle> | undefined;
  let warn: ReturnType<typeof stubWarn> | undefined;

  beforeEach(() => {
    idle = holdIdle();
    warn = stubWarn();
  });

  afterEach(() => {
    // Lists cancel their idle callbacks on removal: remove them while the stand-ins are in place.
    fixtureCleanup();
    idle?.restore();
    warn?.restore();
  });

  const mount = () =>
    list(html`<sdi-event-list src=${SNAPSHOT} filters="region search" .now=${clock} .store=${sharedStore}></sdi-event-list>`);

  it('waits for idle time after the first cards, then builds the index in several tasks', async () => {
    const el = await mount();
    const index = indexOf(el);
    expect(index.search, 'nothing built for the first paint').to.equal(undefined);
    expect(idle?.run()).to.be.greaterThan(0);
    // The first slice has run in the idle callback; the rest waits for later tasks.
    expect(index.search).to.equal(undefined);
    await until(el, () => index.search !== undefined, 'the index was not prepared');
    expect(warn?.calls).to.deep.equal([]);
    expect(uncaught).to.deep.equal([]);
  });

  it('shows for a search typed during the preparation exactly what the prepared index shows, at once', async () => {
    const el = await mount();
    const index = indexOf(el);
    idle?.run();
    expect(index.search, 'still preparing').to.equal(undefined);
    // Enter in the search box: applied in this task, before the preparation's next slice.
    const box = input(el, 'f-q');
    box.value = 'visite';
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    await expectShowsNow(el, { q: 'visite' });
    // The region menu, still in the task of the search, narrows what the search found.
    el.setFilters({ q: 'visite', region: '84' });
    await el.updateComplete;
    await expectShowsNow(el, { q: 'visite', region: '84' });
    const built = index.search;
    expect(built, 'the search finished the index').to.not.equal(undefined);
    await tasks(10);
    expect(index.search, 'the preparation did not build it again').to.equal(built);
    expect(warn?.calls).to.deep.equal([]);
    expect(uncaught).to.deep.equal([]);
  });

  it('stops preparing when the list leaves the page', async () => {
    const el = await mount();
    const index = indexOf(el);
    idle?.run();
    expect(index.search).to.equal(undefined);
    el.remove();
    await tasks(20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(index.search, 'no slice ran after the list left').to.equal(undefined);
    expect(warn?.calls, 'a stopped preparation is not a failure').to.deep.equal([]);
    expect(uncaught).to.deep.equal([]);
  });

  it('prepares again when it comes back after leaving the page', async () => {
    const el = await mount();
    const parent = el.parentElement as HTMLElement;
    const index = indexOf(el);
    el.remove();
    expect(idle?.run(), 'nothing is left to run for a list that left').to.equal(0);
    parent.append(el);
    expect(idle?.run()).to.be.greaterThan(0);
    await until(el, () => index.search !== undefined, 'the index was not prepared');
    expect(warn?.calls).to.deep.equal([]);
    expect(uncaught).to.deep.equal([]);
  });

  it('stops the old preparation when new data arrives', async () => {
    const store = freshStore();
    const source = { kind: 'snapshot', src: SNAPSHOT } as const;
    // The region's shard is in the page's cache already, so it arrives within the old preparation.
    await store.events(source, { region: '84' });
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} filters="region search" .now=${clock} .store=${store}></sdi-event-list>`,
    );
    const national = indexOf(el);
    // Whether the old index was still being prepared at the moment the new one replaced it.
    let midway: boolean | undefined;
    let current: EventIndex | undefined = national;
    Object.defineProperty((el as unknown as { held: object }).held, 'index', {
      configurable: true,
      get: () => current,
      set(next: EventIndex | undefined) {
        if (current === national && next !== national) midway = national.search === undefined;
        current = next;
      },
    });
    idle?.run();
    expect(national.search).to.equal(undefined);
    // Choosing a region makes the list read that region's shard: new data, a new index.
    el.setFilters({ region: '84' });
    await until(el, () => indexOf(el) !== national, 'no new data');
    expect(midway, 'the new data came while the old index was being prepared').to.equal(true);
    const regional = indexOf(el);
    idle?.run();
    await until(el, () => regional.search !== undefined, 'the new index was not prepared');
    await tasks(20);
    expect(national.search, 'the old index was given up').to.equal(undefined);
    await expectShowsNow(el, { region: '84' });
    expect(warn?.calls).to.deep.equal([]);
    expect(uncaught).to.deep.equal([]);
  });
});
