/**
 * Every case of the hostile corpus (test/hostile/) served to <sdi-event-list> in live mode, as the
 * API's answer, through a fake fetch. Nothing the organisers typed may run in the partner's page,
 * reach it as an uncaught error, or vanish without the widget saying so. Payloads set
 * `window.__pwned`; the DOM checks below also catch a payload the browser would not have run
 * (a handler on an element nobody hovers), so a weakened protection fails deterministically.
 * The banner's live count gets the same pages, and a tampered snapshot checks the layers that
 * hold when data skips the normaliser.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/edition-banner/define.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { FetchLike } from '../../src/feed/http.js';
import { SNAPSHOT_FORMAT } from '../../src/feed/snapshot-format.js';
import { FeedStore, type EventsData } from '../../src/store/feed-store.js';
import { AGENDA_CONFIG, CASES, caseUrl, largePage, pageOf, type HostileCase } from '../hostile/cases.js';
import { cards, clock, countOf, shadow, text, titles } from '../support/browser/event-list-helpers.js';
import { stubWarn, collectUncaught } from '../support/browser/support.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const API = 'https://api.test/v2';
/** Cards whose detail is opened in the 10,000-event case (one of them has a hostile description). */
const LARGE_CASE_OPENED = 3;

function json(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** The OpenAgenda API as far as a live list asks it: the agenda configuration and one page. */
function fakeApi(page: unknown): FetchLike {
  // Serialised once: the large case is several megabytes.
  const pageText = JSON.stringify(page);
  const agendaText = JSON.stringify(AGENDA_CONFIG);
  const record = (page && typeof page === 'object' ? page : {}) as { events?: unknown };
  const events = Array.isArray(record.events) ? (record.events as unknown[]) : undefined;
  return (input) => {
    const url = new URL(input);
    const path = url.origin + url.pathname;
    if (path === `${API}/agendas/1/events`) {
      const size = Number(url.searchParams.get('size')) || 300;
      // A hostile case is served as it was recorded; the large generated page is cut into pages of
      // the size asked, as the API does (the reader refuses a page larger than it asked for, #11.13).
      if (!events || events.length <= size) return Promise.resolve(json(pageText));
      const from = Number(url.searchParams.get('after[]')) || 0;
      const next = from + size < events.length ? [from + size] : null;
      return Promise.resolve(json(JSON.stringify({ ...record, events: events.slice(from, from + size), after: next })));
    }
    if (path === `${API}/agendas/1`) return Promise.resolve(json(agendaText));
    return Promise.resolve(json('{"message":"not found"}', 404));
  };
}

function caseNamed(name: string): HostileCase {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
}

async function load(c: HostileCase): Promise<unknown> {
  if (c.generate) return c.generate();
  const response = await fetch(caseUrl(c.name));
  return response.json() as Promise<unknown>;
}

/** A live list on its own store, configured before it joins the page (as a partner's CMS would). */
async function mount(page: unknown, lang?: string): Promise<SdiEventList> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('sdi-event-list');
  el.store = new FeedStore({ fetch: fakeApi(page), retries: 0 });
  el.now = clock;
  el.setAttribute('agenda', '1');
  el.setAttribute('api', API);
  // Every usable event is shown, whatever its dates, so the count is the normaliser's.
  el.setAttribute('past', '');
  if (lang) el.setAttribute('lang', lang);
  container.append(el);
  await waitUntil(
    () => shadow(el).querySelector('[part~="card"]:not([part~="skeleton"]), [part~="empty"], [part~="error"]'),
    'the list showed neither events nor a message',
    { timeout: 15_000 },
  );
  await el.updateComplete;
  return el;
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:)/i;
const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, object, embed, base, meta, link, form, input, textarea, select, video, audio, source, details, marquee, math, template, noscript';

/**
 * What must never be in the widget's DOM, whatever the feed said: event handlers, elements that
 * load or run something, links and images that are not web addresses, feed-provided styles.
 */
function assertInert(root: ShadowRoot | Element, where: string): void {
  for (const node of root.querySelectorAll('*')) {
    for (const attribute of node.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${where}: <${node.localName} ${attribute}>`).to.equal(false);
      expect(['action', 'formaction', 'xlink:href', 'srcdoc', 'srcset'], `${where}: ${attribute}`).to.not.include(attribute);
    }
  }
  // The list's own filter form and inputs are ours; anything of that kind inside event content is not.
  for (const content of root.querySelectorAll('.description, .card .body, .detail-inner')) {
    const found = content.querySelector(FORBIDDEN_ELEMENTS);
    expect(found?.outerHTML ?? null, `${where}: forbidden element`).to.equal(null);
    // Our accessibility pictograms are the only SVG; a feed's SVG is a script container.
    const svg = [...content.querySelectorAll('svg')].find((s) => !s.closest('.access-item'));
    expect(svg?.outerHTML ?? null, `${where}: svg from the feed`).to.equal(null);
  }
  for (const styled of root.querySelectorAll('.description [style], .description style, .card style, .detail-inner style')) {
    expect.fail(`${where}: feed style ${styled.outerHTML.slice(0, 120)}`);
  }
  for (const link of root.querySelectorAll('[href]')) {
    const href = link.getAttribute('href') ?? '';
    expect(SAFE_HREF.test(href), `${where}: href ${href.slice(0, 80)}`).to.equal(true);
  }
  for (const image of root.querySelectorAll('[src]')) {
    const src = image.getAttribute('src') ?? '';
    expect(/^https?:\/\//i.test(src), `${where}: src ${src.slice(0, 80)}`).to.equal(true);
  }
}

function dialogOf(el: SdiEventList): HTMLDialogElement {
  const dialog = shadow(el).querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return dialog;
}

/** Gives images of the detail a moment to fail (127.0.0.1:9 refuses at once): an onerror would run then. */
async function imagesSettled(root: Element): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 500 && [...root.querySelectorAll('img')].some((img) => !img.complete)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Opens a card's detail, waits for its sanitised description, checks it, closes it. */
async function openAndCheck(el: SdiEventList, card: HTMLElement, where: string): Promise<void> {
  const title = text(card.querySelector('[part~="card-title"]'));
  card.querySelector<HTMLButtonElement>('button.open')?.click();
  const dialog = dialogOf(el);
  await waitUntil(
    () => dialog.open && text(dialog.querySelector('#detail-title')) === title && !dialog.querySelector('.loading-text'),
    `${where}: the detail did not finish opening`,
    { timeout: 5_000 },
  );
  await el.updateComplete;
  await imagesSettled(dialog);
  assertInert(dialog, `${where} detail`);
  expect(window.__pwned, `${where}: a payload ran in the detail`).to.equal(undefined);
  dialog.querySelector<HTMLButtonElement>('button.close')?.click();
  // The dialog's close event comes a task later; the detail is gone once it has been handled.
  await waitUntil(() => !dialog.open && !dialog.querySelector('#detail-title'), `${where}: the detail did not close`);
  await el.updateComplete;
}

function skippedNote(n: number): string {
  const formatted = new Intl.NumberFormat('fr-FR').format(n);
  return n > 1
    ? `${formatted} événements n’ont pas pu être affichés (données incomplètes).`
    : `${formatted} événement n’a pas pu être affiché (données incomplètes).`;
}

describe('<sdi-event-list> fed a hostile live feed', () => {
  const uncaught = collectUncaught();
  beforeEach(() => {
    delete window.__pwned;
  });

  /** Called at the end of each test (not in a hook, whose failure would abort the other cases). */
  async function assertClean(): Promise<void> {
    // Late failures (an image error, a rejected promise) get their chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.__pwned, 'a payload ran').to.equal(undefined);
    expect(uncaught.map(String), 'uncaught errors reached the page').to.deep.equal([]);
  }

  for (const c of CASES) {
    it(`${c.name}: ${c.about}`, async () => {
      const el = await mount(pageOf(await load(c)));
      const root = shadow(el);

      if (c.failsWhole) {
        expect(text(root.querySelector('[part~="error"] p'))).to.equal(
          'Les événements n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.',
        );
        expect(root.querySelector('[part~="error"] button.retry')).to.not.equal(null);
        expect(cards(el)).to.have.length(0);
        assertInert(root, c.name);
        await assertClean();
        return;
      }

      expect(root.querySelector('[part~="error"]'), 'error shown').to.equal(null);
      expect(countOf(el), 'events shown').to.equal(c.events);
      if (c.events === 0) expect(root.querySelector('[part~="empty"]')).to.not.equal(null);
      const note = root.querySelector('.skipped');
      if (c.skipped > 0) expect(text(note)).to.equal(skippedNote(c.skipped));
      else expect(note).to.equal(null);

      const shown = titles(el);
      for (const literal of c.literal ?? []) expect(shown, 'shown as text').to.include(literal);
      for (const [uid, place] of Object.entries(c.places ?? {})) {
        expect(text(root.querySelector(`[part~="card"][data-uid="${uid}"] .where`)), `place of ${uid}`).to.equal(place);
      }
      for (const card of cards(el)) {
        const box = card.getBoundingClientRect();
        expect(box.width > 0 && box.height > 0, `card ${card.dataset.uid} has no size`).to.equal(true);
      }
      assertInert(root, c.name);

      const toOpen = c.generate ? cards(el).slice(0, LARGE_CASE_OPENED) : cards(el);
      for (const card of toOpen) await openAndCheck(el, card, `${c.name} #${card.dataset.uid}`);
      await assertClean();
    });
  }

  it('labels from a hostile agenda schema are badges of text', async () => {
    const el = await mount(largePage());
    const badges = [...shadow(el).querySelectorAll('[part~="badge-type"]')].map((b) => text(b));
    expect(badges.some((b) => b.endsWith('Visite <img src=x onerror=window.__pwned=true>'))).to.equal(true);
    const options = [...shadow(el).querySelectorAll('option')].map((o) => o.textContent ?? '');
    expect(options.some((o) => o.includes('Atelier </style><style>*{display:none}</style>'))).to.equal(true);
    expect(options.some((o) => o.includes('<svg onload=window.__pwned=true>'))).to.equal(true);
    assertInert(shadow(el), 'schema labels');
    await assertClean();
  });

  it('the banner’s live count: any page gives a figure or «indisponible», never an error in the page', async () => {
    const absurd = { total: 1e300, events: [], after: null };
    const pages: [string, unknown, string | RegExp][] = [
      ['script-in-text', pageOf(await load(caseNamed('script-in-text'))), /^3 événements labellisés/],
      ['bad-page-shape', pageOf(await load(caseNamed('bad-page-shape'))), "Nombre d'événements indisponible pour le moment"],
      ['a total of 1e300', absurd, "Nombre d'événements indisponible pour le moment"],
    ];
    for (const [name, page, expected] of pages) {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const banner = document.createElement('sdi-edition-banner') as SdiEditionBanner;
      banner.store = new FeedStore({ fetch: fakeApi(page), retries: 0 });
      // The week ahead, where the count reads « N événements labellisés » (after it, « N événements »).
      banner.now = () => Date.UTC(2026, 9, 1, 10);
      banner.setAttribute('agenda', '1');
      banner.setAttribute('api', API);
      container.append(banner);
      await banner.updateComplete;
      const countText = (): string => text(shadow(banner).querySelector('[part~="count"]'));
      await waitUntil(() => countText() !== '' && !countText().startsWith('Chargement'), `${name}: no count`);
      const count = countText();
      if (typeof expected === 'string') expect(count, name).to.equal(expected);
      else expect(count, name).to.match(expected);
    }
    await assertClean();
  });

  it('says in English what it could not show, also when nothing could be shown', async () => {
    const unusable = caseNamed('all-unusable');
    const el = await mount(pageOf(await load(unusable)), 'en');
    expect(text(shadow(el).querySelector('.skipped'))).to.equal(
      `${unusable.skipped} events could not be shown (incomplete data).`,
    );
    expect(shadow(el).querySelector('[part~="empty"]')).to.not.equal(null);
    await assertClean();
  });
});

/**
 * A snapshot damaged after the builder (a compromised CDN, a hand edit): its files skip the
 * normaliser, so the reader and the rendering must hold on their own. One damaged event must not
 * take the list down, and no link or image from it may be anything but a web address.
 */
describe('<sdi-event-list> fed a tampered snapshot', () => {
  const CDN = 'https://cdn.test/snapshot/';
  const begin = Date.parse('2026-11-17T08:00:00Z');
  const slot = [{ begin, end: begin + 7_200_000 }];
  const hostile = 'javascript:window.__pwned=true';
  const events = [
    {
      uid: 1,
      slug: 'falsifie',
      title: { fr: '<img src=x onerror=window.__pwned=true>Falsifié' },
      timings: slot,
      timezone: 'Europe/Paris',
      status: 'scheduled',
      attendance: 'mixed',
      url: hostile,
      onlineUrl: hostile,
      image: { url: hostile, thumbnail: 'data:image/svg+xml,<svg onload=window.__pwned=true>' },
      location: { name: '<svg onload=window.__pwned=true>', city: 'Lyon', lat: 999, lng: 4 },
    },
    {
      uid: 2,
      slug: 'fuseau',
      title: { fr: 'Fuseau inconnu' },
      timings: slot,
      timezone: 'Mars/Olympus_Mons',
      status: 'scheduled',
      attendance: 'onsite',
    },
    {
      uid: 3,
      slug: 'horaire',
      title: { fr: 'Horaire illisible' },
      timings: [{ begin: 'demain', end: null }],
      timezone: 'Europe/Paris',
      status: 'scheduled',
      attendance: 'onsite',
    },
    {
      uid: 4,
      slug: 'statut',
      title: { fr: 'Statut inventé' },
      timings: slot,
      timezone: 'Europe/Paris',
      status: '"><img src=x onerror=window.__pwned=true>',
      attendance: 'téléportation',
    },
    {
      uid: 5,
      slug: 'sain',
      title: { fr: 'Événement sain' },
      timings: slot,
      timezone: 'Europe/Paris',
      status: 'scheduled',
      attendance: 'onsite',
      location: { name: 'Usine', city: 'Lyon' },
    },
  ];
  const details = {
    1: {
      description: { fr: '<img src=x onerror=window.__pwned=true>' },
      registration: [
        { type: 'url', value: hostile },
        { type: 'email', value: '"><script>@x.fr' },
        { type: 'phone', value: hostile },
      ],
    },
  };
  const files: Record<string, unknown> = {
    'index.json': {
      format: SNAPSHOT_FORMAT,
      generatedAt: '2026-11-01T06:00:00.000Z',
      agenda: { uid: 1, slug: 'semaine-test' },
      schema: { types: [], audiences: [] },
      total: events.length,
      skipped: 0,
      counts: {},
      files: {
        all: { path: 'events/all.0.json', count: events.length, bytes: 1 },
        regions: {},
        points: { path: 'points.0.json', count: 0, bytes: 1 },
        details: { none: { path: 'details/region-none.0.json', count: 1, bytes: 1 } },
      },
    },
    'events/all.0.json': { format: SNAPSHOT_FORMAT, events },
    'details/region-none.0.json': { format: SNAPSHOT_FORMAT, details },
  };
  const cdn: FetchLike = (input) => {
    const name = input.startsWith(CDN) ? input.slice(CDN.length) : '';
    const body = files[name];
    return Promise.resolve(body === undefined ? json('{"message":"not found"}', 404) : json(JSON.stringify(body)));
  };

  it('shows the sound events, drops the unreadable one, and keeps every link and image a web address', async () => {
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent): void => void uncaught.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    delete window.__pwned;
    try {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('sdi-event-list');
      el.store = new FeedStore({ fetch: cdn, retries: 0 });
      el.now = clock;
      el.setAttribute('src', CDN);
      el.setAttribute('past', '');
      container.append(el);
      await waitUntil(
        () =>
          shadow(el).querySelector('[part~="card"]:not([part~="skeleton"]), [part~="empty"], [part~="error"], [part~="notice"]'),
        'nothing shown',
        { timeout: 10_000 },
      );
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="error"]'), 'error').to.equal(null);
      // The unknown zone and the unreadable slot are dropped and counted; the rest is shown.
      expect(titles(el)).to.have.members(['<img src=x onerror=window.__pwned=true>Falsifié', 'Statut inventé', 'Événement sain']);
      expect(text(shadow(el).querySelector('.skipped'))).to.equal(skippedNote(2));
      assertInert(shadow(el), 'tampered list');
      for (const card of cards(el)) await openAndCheck(el, card, `tampered #${card.dataset.uid}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(window.__pwned).to.equal(undefined);
      expect(uncaught.map(String)).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('an event no check caught costs its own card, not the list, and nothing reaches the page', async () => {
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent): void => void uncaught.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent): void => void uncaught.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const warn = stubWarn();
    try {
      const store = new FeedStore({ retries: 0 });
      const fifth = events[4];
      if (!fifth) throw new Error('the fixture has fewer than five events');
      const sound = {
        ...fifth,
        description: {},
        conditions: {},
        registration: [],
        summary: {},
        keywords: [],
        types: [],
        audiences: [],
        accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
        featured: false,
      };
      // Beyond Date's range: only a store of the page's own (an app's) could hand this over.
      const broken = { ...sound, uid: 9, title: { fr: 'Hors du temps' }, timings: [{ begin: 1e20, end: 1e20 }] };
      // The events are the store's own: no first page read from the (unserved) CDN before them.
      store.firstEvents = () => Promise.resolve(undefined);
      store.events = () =>
        Promise.resolve({
          events: [broken, sound],
          schema: { types: [], audiences: [] },
          skipped: 0,
          generatedAt: 0,
          stale: false,
        } as EventsData);
      const el = await fixture<SdiEventList>(
        html`<sdi-event-list src=${CDN} past .now=${clock} .store=${store}></sdi-event-list>`,
      );
      await waitUntil(() => cards(el).length > 0, 'no card shown');
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Événement sain']);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught.map(String)).to.deep.equal([]);
      expect(warn.calls.filter((args) => String(args[0]).includes('could not show event 9'))).to.have.length(1);
    } finally {
      warn.restore();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
