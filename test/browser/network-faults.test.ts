/**
 * <sdi-event-list> against the fixture server's injected faults: what a partner's visitors get
 * when OpenAgenda, a proxy or a CDN misbehaves. With data already shown, a failed refresh keeps
 * it and says it is old; without data, a localised error offers a retry that works. Retries are
 * counted at the server: a widget on thousands of pages must never turn an outage into a storm.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { FetchLike } from '../../src/feed/http.js';
import type { SourceConfig } from '../../src/feed/source.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import {
  SNAPSHOT,
  button,
  cards,
  clock,
  countOf,
  freshStore,
  loaded,
  shadow,
  text,
  until,
} from '../support/browser/event-list-helpers.js';
import { testControl, type LoggedRequest, collectUncaught } from '../support/browser/support.js';

const AGENDA = '9464342';
const KEY = 'test-key';
const API_PATH = '/mock-api/v2';
/** Bretagne: one API page, so each load is quick and its requests easy to count. */
const REGION = '53';
const REGION_EVENTS = 38;
const LIVE: SourceConfig = { kind: 'live', agenda: AGENDA, apiKey: KEY, api: new URL(API_PATH, location.href).href };

const FR_ERROR = 'Les événements n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.';
const FR_STALE_ERROR = 'La mise à jour a échoué : les événements affichés sont ceux de la dernière mise à jour.';
const FR_STALE_NOTE = 'Données de la dernière mise à jour : elles peuvent avoir changé depuis.';

function liveList(store: FeedStore, lang = 'fr'): Promise<SdiEventList> {
  // No geographic control: the list reads only the region's events, one page.
  return fixture<SdiEventList>(html`<sdi-event-list agenda=${AGENDA} api-key=${KEY} api=${API_PATH} region=${REGION}
    filters="none" lang=${lang} .now=${clock} .store=${store}></sdi-event-list>`);
}

/** A store that goes past the browser's cache: shards are immutable, so an earlier test file's copy would hide the fault. */
function uncachedStore(options: Parameters<typeof freshStore>[0] = {}): FeedStore {
  return freshStore({ ...options, fetch: (input, init) => fetch(input, { ...init, cache: 'no-store' }) });
}

function snapshotList(store: FeedStore): Promise<SdiEventList> {
  return fixture<SdiEventList>(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
}

const errorBox = (el: Element): Element | null => shadow(el).querySelector('[part~="error"]');

async function failed(el: SdiEventList): Promise<void> {
  await until(el, () => Boolean(errorBox(el)), 'no error shown');
}

async function requests(test: (r: LoggedRequest) => boolean): Promise<LoggedRequest[]> {
  return (await testControl.requests()).filter(test);
}

const eventPages = (r: LoggedRequest): boolean => r.kind === 'api' && r.url.includes('/events');
const agendaConfig = (r: LoggedRequest): boolean => r.kind === 'api' && !r.url.includes('/events');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('<sdi-event-list> network faults', () => {
  const uncaught = collectUncaught();
  beforeEach(async () => {
    await testControl.reset();
  });
  afterEach(async () => {
    await testControl.reset();
  });

  function assertNoUncaught(): void {
    expect(uncaught.map(String), 'uncaught errors reached the page').to.deep.equal([]);
  }

  // Each fault answers every attempt of the first load (retries: 1, so two), then the retry
  // button's load finds the API healthy again.
  const FAULTS: { name: string; fault: Record<string, unknown> }[] = [
    { name: 'a timeout', fault: { delayMs: 1_500 } },
    { name: 'HTTP 500', fault: { status: 500 } },
    { name: 'HTTP 503', fault: { status: 503 } },
    { name: 'HTTP 429 with Retry-After: 0', fault: { status: 429, retryAfter: 0 } },
    { name: 'malformed JSON', fault: { body: 'malformed' } },
    { name: 'a body cut short', fault: { body: 'truncated' } },
    { name: 'an HTML page served as 200', fault: { body: 'html', status: 200 } },
    { name: 'a proxy’s HTML error page (502)', fault: { body: 'html' } },
  ];

  for (const { name, fault } of FAULTS) {
    it(`${name}: a localised error, bounded retries, and a retry that recovers without reload`, async () => {
      await testControl.fault({ match: '/events', times: 2, ...fault });
      const el = await liveList(freshStore({ retries: 1, backoffMs: 1, timeoutMs: 400 }));
      await failed(el);
      expect(text(errorBox(el)?.querySelector('p'))).to.equal(FR_ERROR);
      expect(cards(el)).to.have.length(0);
      expect(await requests(eventPages), 'one attempt and one retry').to.have.length(2);
      // Nothing keeps trying behind the visitor's back.
      await sleep(300);
      expect(await requests(eventPages)).to.have.length(2);

      button(el, 'Réessayer').click();
      await loaded(el);
      expect(countOf(el)).to.equal(REGION_EVENTS);
      expect(errorBox(el)).to.equal(null);
      expect(await requests(eventPages)).to.have.length(3);
      // The agenda's configuration was read once and kept: the retry re-read only what failed.
      expect(await requests(agendaConfig)).to.have.length(1);
      assertNoUncaught();
    });
  }

  it('speaks English in the error and its retry button with lang="en"', async () => {
    await testControl.fault({ match: '/events', status: 500, times: 1 });
    const el = await liveList(freshStore({ retries: 0 }), 'en');
    await failed(el);
    expect(text(errorBox(el)?.querySelector('p'))).to.equal(
      'The events could not be loaded. Check your connection and try again.',
    );
    button(el, 'Try again').click();
    await loaded(el);
    expect(countOf(el)).to.equal(REGION_EVENTS);
    assertNoUncaught();
  });

  it('offline (fetch rejects with a TypeError): an error, three attempts at most, then back online', async () => {
    let offline = true;
    let attempts = 0;
    const offlineFetch: FetchLike = (input, init) => {
      attempts += 1;
      return offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    };
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => !offline });
    try {
      const el = await liveList(freshStore({ retries: 2, backoffMs: 1, fetch: offlineFetch }));
      await failed(el);
      expect(text(errorBox(el)?.querySelector('p'))).to.equal(FR_ERROR);
      // The agenda configuration is asked first; its three attempts failing end the load.
      expect(attempts).to.equal(3);
      expect(await testControl.requests()).to.have.length(0);
      offline = false;
      window.dispatchEvent(new Event('online'));
      button(el, 'Réessayer').click();
      await loaded(el);
      expect(countOf(el)).to.equal(REGION_EVENTS);
      assertNoUncaught();
    } finally {
      // The instance property shadowed the prototype's getter; removing it restores the real one.
      Reflect.deleteProperty(navigator, 'onLine');
    }
  });

  it('a feed that recovers within the retries loads without ever showing an error', async () => {
    await testControl.fault({ match: '/events', status: 503, times: 2 });
    const el = await liveList(freshStore({ retries: 2, backoffMs: 1 }));
    let errorSeen = false;
    await waitUntil(
      () => {
        errorSeen ||= Boolean(errorBox(el));
        return cards(el).length > 0;
      },
      'the list did not recover',
      { interval: 5, timeout: 10_000 },
    );
    expect(errorSeen).to.equal(false);
    expect(countOf(el)).to.equal(REGION_EVENTS);
    expect(await requests(eventPages)).to.have.length(3);
    assertNoUncaught();
  });

  it('honours Retry-After on 429 before asking again', async () => {
    await testControl.fault({ match: '/events', status: 429, retryAfter: 1, times: 1 });
    const el = await liveList(freshStore({ retries: 1, backoffMs: 1 }));
    await loaded(el);
    const [first, second] = await requests(eventPages);
    expect(first && second, 'two requests').to.not.equal(undefined);
    // Server-side clocks: the second request came at least the second asked for after the first.
    expect((second?.at ?? 0) - (first?.at ?? 0)).to.be.at.least(950);
    assertNoUncaught();
  });

  it('a failed forced refresh keeps the cards and says they are from the last update', async () => {
    const el = await liveList(freshStore({ retries: 1, backoffMs: 1 }));
    await loaded(el);
    const before = cards(el).map((c) => c.dataset.uid);
    await testControl.fault({ match: '/events', status: 500 });
    el.refresh();
    await failed(el);
    expect(text(errorBox(el)?.querySelector('p'))).to.equal(FR_STALE_ERROR);
    expect(cards(el).map((c) => c.dataset.uid)).to.deep.equal(before);
    expect(countOf(el)).to.equal(REGION_EVENTS);
    expect(await requests(eventPages), 'the first load, then one attempt and one retry').to.have.length(3);

    await testControl.reset();
    button(el, 'Réessayer').click();
    await until(el, () => !errorBox(el), 'the retry did not clear the error');
    expect(cards(el).map((c) => c.dataset.uid)).to.deep.equal(before);
    assertNoUncaught();
  });

  it('a failed background refresh marks the data shown as stale, and nothing else changes', async () => {
    const store = freshStore({ retries: 0, maxAgeMs: 200, timeoutMs: 300 });
    const el = await liveList(store);
    await loaded(el);
    expect(shadow(el).querySelector('.stale')).to.equal(null);
    await testControl.fault({ match: '/events', delayMs: 1_000 });
    await sleep(250);
    // Any reader past the maximum age starts a background refresh; it times out.
    await store.events(LIVE, { region: REGION });
    await until(el, () => Boolean(shadow(el).querySelector('.stale')), 'no stale note');
    expect(text(shadow(el).querySelector('.stale'))).to.equal(FR_STALE_NOTE);
    expect(errorBox(el)).to.equal(null);
    expect(countOf(el)).to.equal(REGION_EVENTS);
    assertNoUncaught();
  });

  it('a snapshot index pointing at a missing shard: one request (404 is final), an error, then recovery', async () => {
    await testControl.snapshotFault({ match: 'events/', status: 404 });
    const el = await snapshotList(uncachedStore({ retries: 2, backoffMs: 1 }));
    await failed(el);
    expect(text(errorBox(el)?.querySelector('p'))).to.equal(FR_ERROR);
    // The full file (the first-page file, asked for before it, has its own 404 and is not retried).
    const shardRequests = await requests((r) => r.kind === 'snapshot' && /\/events\/(all|region-)/.test(r.url));
    expect(shardRequests).to.have.length(1);

    await testControl.reset();
    button(el, 'Réessayer').click();
    await loaded(el);
    expect(cards(el).length).to.be.greaterThan(0);
    assertNoUncaught();
  });

  it('a snapshot timing out: the store’s timeout ends the wait, and the retry loads', async () => {
    await testControl.snapshotFault({ match: 'index.json', delayMs: 1_500, times: 1 });
    const el = await snapshotList(uncachedStore({ retries: 0, timeoutMs: 300 }));
    const started = Date.now();
    await failed(el);
    expect(Date.now() - started).to.be.below(1_400);
    button(el, 'Réessayer').click();
    await loaded(el);
    assertNoUncaught();
  });

  it('with retries: 2, a permanently failing index is asked exactly 3 times, however many lists share it', async () => {
    await testControl.snapshotFault({ match: 'index.json', status: 503 });
    const store = uncachedStore({ retries: 2, backoffMs: 1 });
    const page = await fixture<HTMLDivElement>(html`<div>
      <sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>
      <sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store} layout="compact"></sdi-event-list>
      <sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store} limit="3"></sdi-event-list>
    </div>`);
    const lists = [...page.querySelectorAll('sdi-event-list')];
    for (const el of lists) await failed(el);
    const index = (r: LoggedRequest): boolean => r.kind === 'snapshot' && r.url.includes('index.json');
    expect(await requests(index)).to.have.length(3);
    await sleep(500);
    expect(await requests(index), 'no request after giving up').to.have.length(3);
    assertNoUncaught();
  });
});
