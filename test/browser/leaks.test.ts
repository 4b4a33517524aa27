/**
 * Issue #6: a single-page app mounts and removes widgets on every navigation. Each widget is
 * mounted and removed hundreds to a thousand times (rendered, removed before its first render,
 * and removed while its requests are in flight); afterwards the page must hold no more timers,
 * frames, idle callbacks, listeners, observers or requests than before, and every request given
 * up must have been aborted. In Chromium the DevTools protocol also counts DOM nodes, listeners
 * and the heap after 100 mounts and after the last: they must not grow with the number of mounts.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import { LifecycleProbe, type FetchRecord, type LiveCounts } from '../support/browser/lifecycle-probe.js';
import { collectUncaught, testControl } from '../support/browser/support.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;
const LIVE = { agenda: '9464342', key: 'test-key', api: '/mock-api/v2' };
/** 1 November 2026 in Paris: before the sample edition, so the list has events and the countdown ticks. */
const NOW = Date.parse('2026-11-01T08:00:00Z');
/** Martinique: two events in the sample, so a list mount is cheap and still renders cards. */
const SMALL_REGION = '02';

const probe = new LifecycleProbe();
// Installed before the widgets' modules (and Leaflet, loaded by the first map) first run, so
// whatever they take from the page at load time is the probe's.
probe.install();
const modules = import('../../src/define.js');
const storeModule = import('../../src/store/feed-store.js');

interface MemoryReport {
  supported: boolean;
  documents: number;
  nodes: number;
  jsEventListeners: number;
  heapUsed: number;
}

/** A garbage collection and the DevTools counters (Chromium only); the probe is pruned between. */
async function memory(): Promise<MemoryReport> {
  const measure = () => probe.untracked(() => executeServerCommand<MemoryReport, undefined>('sdi-memory'));
  const first = await measure();
  if (!first.supported) return first;
  // The probe holds listener targets weakly; drop those the collection just freed, then measure.
  probe.counts();
  return measure();
}

type Removal = 'rendered' | 'before-render' | 'first-request' | 'second-request';

interface Widget<E extends HTMLElement> {
  name: string;
  /**
   * `store`: a store of the mount's own, so the mount really goes to the network. `full`: the
   * widget as partners paste it; otherwise a cheaper form where one exists (a list without its
   * filter controls, which are most of its render time).
   */
  create(options: { store?: FeedStore; full: boolean }): E;
  rendered(el: E): boolean;
  /** How many requests a load from an empty store makes in sequence (0: none). */
  requests: number;
  /** What a mounted widget (in full) holds, so the counts are seen to rise: the instrument works. */
  holds: (keyof LiveCounts)[];
  /** Mounts in `npm test`, in Chromium and in the other engines (see mountsOf). */
  mounts: [chromium: number, others: number];
}

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

const countdown: Widget<SdiCountdown> = {
  name: 'sdi-countdown',
  requests: 0,
  holds: ['timeouts'],
  mounts: [1000, 300],
  create() {
    const el = document.createElement('sdi-countdown');
    // Before the edition and with seconds: the widget keeps a timer armed while it is mounted.
    el.setAttribute('seconds', '');
    el.now = () => NOW;
    return el;
  },
  rendered: (el) => shadow(el)?.querySelector('[part~="number"]') !== null,
};

const banner: Widget<SdiEditionBanner> = {
  name: 'sdi-edition-banner',
  requests: 1,
  // Only a subscription to the store, which no browser counter sees: Chromium's DOM counters do.
  holds: [],
  mounts: [1000, 300],
  create({ store }) {
    const el = document.createElement('sdi-edition-banner');
    el.setAttribute('src', SNAPSHOT);
    el.setAttribute('region', '32');
    if (store) el.store = store;
    return el;
  },
  rendered: (el) => shadow(el)?.querySelector('[part~="count"]:not(.pending)') !== null,
};

function list(live: boolean): Widget<SdiEventList> {
  return {
    name: live ? 'sdi-event-list (live)' : 'sdi-event-list',
    // Snapshot: the index, then the region's file. Live: the agenda (schema), then the events.
    requests: 2,
    // The live list renders as the snapshot one does; what is its own is loading and aborting.
    mounts: live ? [1000, 200] : [1000, 300],
    holds: ['documentListeners', 'windowListeners', 'resizeObservers'],
    create({ store, full }) {
      const el = document.createElement('sdi-event-list');
      if (live) {
        el.setAttribute('agenda', LIVE.agenda);
        el.setAttribute('api-key', LIVE.key);
        el.setAttribute('api', LIVE.api);
      } else {
        el.setAttribute('src', SNAPSHOT);
      }
      el.setAttribute('region', SMALL_REGION);
      if (full) {
        // Linked to the map of a group (listens to the document) and to the address (to the window).
        el.setAttribute('group', 'leaks');
        el.setAttribute('sync-url', '');
      } else {
        el.setAttribute('filters', 'none');
      }
      el.now = () => NOW;
      if (store) el.store = store;
      return el;
    },
    rendered: (el) => shadow(el)?.querySelector('[part~="card"]:not([part~="skeleton"])') !== null,
  };
}

const map: Widget<SdiRegionMap> = {
  name: 'sdi-region-map',
  // The index, then the points.
  requests: 2,
  // A map draws only once seen: every mount waits for an intersection observer, hence a frame.
  mounts: [1000, 200],
  holds: ['documentListeners', 'resizeObservers'],
  create({ store }) {
    const el = document.createElement('sdi-region-map');
    el.setAttribute('src', SNAPSHOT);
    el.setAttribute('tiles', 'none');
    el.setAttribute('height', '240');
    // Listens to the document for its group's filters.
    el.setAttribute('group', 'leaks');
    if (store) el.store = store;
    return el;
  },
  rendered: (el) => el.mapView !== undefined && shadow(el).querySelector('.sdi-symbol-icon') !== null,
};

/**
 * Of every 20 mounts: two removed before their first render (one in full, one in the cheap form),
 * one while its first request is in flight and one during its second, four rendered in full, the
 * rest rendered in the cheap form.
 * The pattern repeats, so mounts 100 to 1,000 are the same mix as the first 100.
 */
function plan(i: number, widget: Widget<HTMLElement>): { removal: Removal; full: boolean } {
  const slot = i % 20;
  if (slot === 7 || slot === 17) return { removal: 'before-render', full: slot === 7 };
  if (slot === 3 && widget.requests >= 1) return { removal: 'first-request', full: false };
  if (slot === 13 && widget.requests >= 2) return { removal: 'second-request', full: false };
  return { removal: 'rendered', full: slot % 5 === 0 };
}

let host: HTMLElement;
let freshStore: () => FeedStore;
/** Requests in flight when their widget was removed, and whether their signal had fired by then. */
const givenUp: { url: string; aborted: boolean }[] = [];
/** The highest counts seen with a widget mounted in full (sampled once every 20 mounts). */
let peak: Partial<LiveCounts> = {};

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => {
    timer = probe.realSetTimeout(() => reject(new Error(`${what} (after ${ms} ms)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the widget's render: lit's updates first (data from the page's cache arrives in
 * microtasks, and polling on a timer would cost milliseconds a mount), then the browser's clock.
 */
async function rendered<E extends HTMLElement>(widget: Widget<E>, el: E): Promise<void> {
  const lit = el as unknown as { updateComplete: Promise<boolean> };
  for (let i = 0; i < 5 && !widget.rendered(el); i++) await lit.updateComplete;
  await probe
    .until(() => widget.rendered(el), `${widget.name} never rendered`, 10000, 1)
    .catch((error: Error) => {
      throw new Error(`${error.message}: ${shadow(el)?.textContent?.replace(/\s+/g, ' ').slice(-300)}`);
    });
}

async function mountOnce<E extends HTMLElement>(widget: Widget<E>, i: number): Promise<void> {
  const { removal, full } = plan(i, widget as unknown as Widget<HTMLElement>);
  if (removal === 'before-render') {
    // Lit still renders it (and runs its load) after the removal. In full, on a store of its own:
    // that load must not go to the network for nobody. In the cheap form, on the page's store:
    // nothing of it may stay subscribed to that store, which outlives every widget.
    const el = widget.create({ ...(full ? { store: freshStore() } : {}), full });
    const requests = probe.fetchCount;
    host.append(el);
    el.remove();
    await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    await probe.sleep(0);
    expect(probe.fetchCount - requests, `requests of a ${widget.name} removed before its first render`).to.equal(0);
    return;
  }
  if (removal === 'rendered') {
    const el = widget.create({ full });
    host.append(el);
    await rendered(widget, el);
    if (i % 20 === 0) {
      for (const [key, value] of Object.entries(probe.counts()) as [keyof LiveCounts, number][]) {
        peak[key] = Math.max(peak[key] ?? 0, value);
      }
    }
    el.remove();
    return;
  }
  const started = probe.nextFetch(removal === 'first-request' ? 1 : 2);
  const el = widget.create({ store: freshStore(), full });
  host.append(el);
  const request: FetchRecord = await within(started, 10000, `${widget.name} never made its request`);
  // A microtask after the call: the response cannot have come yet.
  const pending = probe.pendingFetches();
  expect(pending, 'the request is in flight').to.include(request);
  el.remove();
  for (const record of pending) givenUp.push({ url: record.url, aborted: record.signal?.aborted === true });
}

async function mountMany<E extends HTMLElement>(widget: Widget<E>, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) await mountOnce(widget, i);
}

/**
 * Compares every count with `baseline`, exactly, once the last removal has settled: lit schedules
 * its updates on microtasks and the store keeps no timer, so nothing legitimately stays once the
 * widgets are gone. The settling is short on purpose: a timer a removed widget forgot (the
 * countdown's next tick) fires within a second and then stops, and a long wait would let it go.
 */
async function expectBackTo(baseline: LiveCounts, what: string): Promise<LiveCounts> {
  await probe.sleep(50);
  const now = probe.counts();
  const left = (Object.keys(baseline) as (keyof LiveCounts)[])
    .filter((key) => now[key] > baseline[key])
    .map((key) => `${key}: ${now[key]} (before: ${baseline[key]}), live:\n${probe.describe(key).join('\n--\n')}`);
  expect(left, `${what}, still live`).to.deep.equal([]);
  return now;
}

/**
 * Mounts per widget: the issue asks for 1,000, which `npm test` cannot afford for every widget in
 * every engine within its budget of about a minute an engine on this 2-core machine. Chromium,
 * which has the DevTools counters, mounts every widget 1,000 times (the map waits a frame for its
 * intersection observer before it draws: about 20 s of the suite); Firefox and WebKit, slower
 * here, 200 to 300. The mix of removals is the same at any count. SDI_LEAK_MOUNTS=1000 runs the full thousand everywhere.
 */
const CHROMIUM = /Chrome\//.test(navigator.userAgent);
let override: number | null = null;
const mountsOf = (widget: Widget<HTMLElement>): number => override ?? widget.mounts[CHROMIUM ? 0 : 1];
const WARM_UP = 20;
/** The first DevTools measure; the second after the last mount. */
const EARLY = 100;

/**
 * DevTools thresholds, from 100 mounts to the last (200 to 900 mounts apart). A widget kept alive
 * by anything, even once every 20 mounts, keeps its whole shadow DOM: 10 to 45 widgets of 30 nodes
 * or more, hundreds of nodes and tens of listeners. Measured growth without a leak: 0 nodes, 0
 * listeners. The heap grows a little however clean the widgets are (the engine's code caches
 * and type feedback of the code that ran): measured 90 to 290 bytes a mount. A list kept alive
 * by the store's subscriptions cost about 400 KB (measured before the fix).
 */
const NODE_NOISE = 20;
const LISTENER_NOISE = 5;
const HEAP_BYTES_PER_MOUNT = 1024;

describe('mounting and removing widgets many times (issue #6)', function () {
  this.timeout(120000);
  const uncaught = collectUncaught();

  before(async () => {
    await testControl.reset();
    ({ mounts: override } = await probe.untracked(() =>
      executeServerCommand<{ mounts: number | null }, undefined>('sdi-leak-mounts'),
    ));
    await modules;
    const { FeedStore } = await storeModule;
    // No retries: a removal must abort, and a test of it needs no backoff to wait for.
    freshStore = () => new FeedStore({ retries: 0 });
    host = document.createElement('div');
    host.style.width = '800px';
    document.body.prepend(host);
  });

  after(() => {
    host?.remove();
    probe.uninstall();
  });

  beforeEach(() => {
    givenUp.length = 0;
    peak = {};
  });

  const widgets = [countdown, banner, list(false), list(true), map] as unknown as Widget<HTMLElement>[];
  for (const widget of widgets) {
    it(`${widget.name}: mounted and removed many times, leaves nothing behind`, async () => {
      const total = mountsOf(widget);
      const started = performance.now();
      await mountMany(widget, 0, WARM_UP);
      await probe.sleep(200);
      const baseline = probe.counts();
      await mountMany(widget, WARM_UP, EARLY);
      await expectBackTo(baseline, `after ${EARLY}`);
      const early = await memory();
      await mountMany(widget, EARLY, total);
      await expectBackTo(baseline, `after ${total}`);
      const late = await memory();

      for (const key of widget.holds) expect(peak[key], `live ${key} while mounted`).to.be.above(baseline[key]);
      expect(host.childElementCount).to.equal(0);
      expect(uncaught).to.deep.equal([]);
      if (widget.requests > 0) {
        // Every removal during a load found its request(s) in flight, and aborted them all.
        const removals = Math.ceil(total / 20) * Math.min(widget.requests, 2);
        expect(givenUp.length, 'requests in flight at a removal').to.be.at.least(removals);
        expect(
          givenUp.filter((r) => !r.aborted),
          'requests left running',
        ).to.deep.equal([]);
      }
      const report: Record<string, unknown> = {
        widget: widget.name,
        mounts: total,
        ms: Math.round(performance.now() - started),
        abortedRequests: givenUp.length,
      };
      if (early.supported) {
        Object.assign(report, {
          nodes: [early.nodes, late.nodes],
          jsEventListeners: [early.jsEventListeners, late.jsEventListeners],
          documents: [early.documents, late.documents],
          heapKB: [Math.round(early.heapUsed / 1024), Math.round(late.heapUsed / 1024)],
        });
      }
      console.log(JSON.stringify(report));
      if (early.supported) {
        const mounts = total - EARLY;
        expect(late.documents - early.documents, 'documents').to.be.at.most(0);
        expect(late.nodes - early.nodes, 'DOM nodes').to.be.at.most(NODE_NOISE);
        expect(late.jsEventListeners - early.jsEventListeners, 'JS event listeners').to.be.at.most(LISTENER_NOISE);
        expect((late.heapUsed - early.heapUsed) / mounts, 'heap bytes per mount').to.be.below(HEAP_BYTES_PER_MOUNT);
      }
    });
  }

  // A move in the DOM is a removal and an insertion: the removal aborts the load, the insertion
  // must start it again (and watch the store again), or the widget stays on "unavailable".
  for (const widget of [banner, list(false), list(true), map] as unknown as Widget<HTMLElement>[]) {
    it(`${widget.name}: moved while loading, loads again and renders`, async () => {
      const started = probe.nextFetch(1);
      const el = widget.create({ store: freshStore(), full: false });
      host.append(el);
      const request = await within(started, 10000, `${widget.name} never made its request`);
      el.remove();
      expect(request.signal?.aborted, 'the request was aborted').to.equal(true);
      host.append(el);
      await rendered(widget, el);
      el.remove();
      expect(uncaught).to.deep.equal([]);
    });
  }
});
