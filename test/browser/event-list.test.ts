import { formatCount } from '../../src/i18n/format.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { groupByDay } from '../../src/list/group-by-day.js';
import { sortEvents } from '../../src/list/sort.js';
import { pickText } from '../../src/model/text.js';
import type { FeedStore } from '../../src/store/feed-store.js';
import {
  NOW,
  SNAPSHOT,
  button,
  cards,
  clock,
  countOf,
  countText,
  deepActive,
  expected,
  freshStore,
  list,
  loaded,
  resetServer,
  sample,
  shadow,
  sharedStore,
  snapshotFault,
  statusText,
  text,
  titles,
  until,
} from '../support/browser/event-list-helpers.js';

const NNBSP = '\u202f';

function defaultList(store: FeedStore = sharedStore): Promise<SdiEventList> {
  return list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
}

describe('<sdi-event-list> rendering', () => {
  it('shows the first page, soonest first, under day headings', async () => {
    const el = await defaultList();
    const all = await expected({});
    const sorted = sortEvents(all, 'date', { lang: 'fr', now: NOW });
    expect(cards(el).length).to.equal(20);
    expect(titles(el)).to.deep.equal(sorted.slice(0, 20).map((e) => pickText(e.title, 'fr')));
    expect(countOf(el)).to.equal(all.length);
    expect(countText(el)).to.equal(`2${NNBSP}000 événements`);
    const headings = [...shadow(el).querySelectorAll('[part~="day-heading"]')].map((h) => text(h));
    const groups = groupByDay(sorted.slice(0, 20), 'fr', { now: NOW });
    expect(headings).to.deep.equal(groups.map((g) => g.label));
    expect(headings[0]).to.match(/^lundi 2 novembre$/);
    // Day headings are h3 by default, card titles h4 below them.
    expect(shadow(el).querySelector('[part~="day-heading"]')?.tagName).to.equal('H3');
    expect(shadow(el).querySelector('[part~="card-title"]')?.tagName).to.equal('H4');
    await expect(el).to.be.accessible();
  });

  it('announces the number of events politely once the list settles', async () => {
    const el = await defaultList();
    await until(el, () => statusText(el) !== '');
    expect(statusText(el)).to.equal(`2${NNBSP}000 événements`);
    const live = shadow(el).querySelector('.visually-hidden[role="status"]');
    expect(live?.getAttribute('aria-live')).to.equal('polite');
  });

  it('shows date and time in the event’s zone, the place and the badges of a card', async () => {
    const el = await defaultList();
    const data = await sample();
    const card = cards(el)[0] as HTMLElement;
    const uid = Number(card.dataset.uid);
    const event = data.events.find((e) => e.uid === uid);
    if (!event) throw new Error('card without event');
    const when = card.querySelector('time');
    expect(when?.getAttribute('datetime')).to.match(/^2026-11-02T\d\d:\d\d:00[+-]\d\d:\d\d$/);
    expect(text(when)).to.match(/^lundi 2 novembre, \d{1,2}\u00a0h/);
    const where = text(card.querySelector('.where'));
    if (event.location?.city) expect(where).to.contain(event.location.city);
    const badges = [...card.querySelectorAll('[part~="badge-type"]')].map((b) => text(b));
    const labels = event.types.map((id) => pickText(data.schema.types.find((t) => t.id === id)?.label ?? {}, 'fr'));
    expect(badges).to.deep.equal(labels.map((l) => `Format : ${l}`));
  });

  it('names the zone of an overseas event when the visitor’s clock differs', async () => {
    const el = await defaultList();
    el.setFilters({ region: '04' });
    await until(el, () => countOf(el) === 34);
    const when = text(cards(el)[0]?.querySelector('.when'));
    const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (visitorZone !== 'Indian/Reunion') expect(when).to.contain('(heure de La Réunion)');
  });

  it('strikes through cancelled events and badges them, without hiding them', async () => {
    const data = await sample();
    const cancelled = data.events.find((e) => e.status === 'cancelled');
    if (!cancelled) throw new Error('the sample has no cancelled event');
    const el = await defaultList();
    el.setFilters({ q: pickText(cancelled.title, 'fr') });
    await until(el, () => Boolean(shadow(el).querySelector(`[data-uid="${cancelled.uid}"]`)));
    const card = shadow(el).querySelector<HTMLElement>(`li[data-uid="${cancelled.uid}"]`);
    expect(card?.getAttribute('part')).to.contain('card-cancelled');
    const title = card?.querySelector('button.open') as HTMLElement;
    expect(getComputedStyle(title).textDecorationLine).to.contain('line-through');
    expect(text(card?.querySelector('[part~="status"]'))).to.equal('Annulé');
  });

  it('badges full, postponed, moved-online and rescheduled events', async () => {
    const data = await sample();
    const labels: Record<string, string> = {
      full: 'Complet',
      postponed: 'Reporté',
      'moved-online': 'Déplacé en ligne',
      rescheduled: 'Reprogrammé',
    };
    const el = await defaultList();
    for (const [status, label] of Object.entries(labels)) {
      const event = data.events.find((e) => e.status === status);
      if (!event) continue;
      el.setFilters({ q: pickText(event.title, 'fr') });
      await until(el, () => Boolean(shadow(el).querySelector(`li[data-uid="${event.uid}"]`)), status);
      expect(text(shadow(el).querySelector(`li[data-uid="${event.uid}"] [part~="status"]`))).to.equal(label);
    }
  });

  it('gives thumbnails a fixed box, lazy loading and only web addresses', async () => {
    const el = await defaultList();
    el.setFilters({ region: '84' });
    await until(el, () => Boolean(shadow(el).querySelector('.thumb img')));
    const images = [...shadow(el).querySelectorAll<HTMLImageElement>('.thumb img')];
    for (const img of images) {
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('width')).to.equal('160');
      expect(img.getAttribute('height')).to.equal('120');
      expect(img.getAttribute('alt')).to.equal('');
      expect(img.src).to.match(/^https?:\/\//);
      const box = img.closest('.thumb') as HTMLElement;
      expect(getComputedStyle(box).aspectRatio).to.equal('4 / 3');
    }
  });

  it('shows accessibility pictograms with text alternatives', async () => {
    const el = await defaultList();
    el.setFilters({ accessibility: ['mi'] });
    await until(el, () => Boolean(shadow(el).querySelector('.access')));
    const access = shadow(el).querySelector('.access') as HTMLElement;
    expect(access.getAttribute('aria-label')).to.equal('Accessibilité');
    expect(text(access.querySelector('.visually-hidden'))).to.equal('Handicap moteur');
    expect(access.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
  });

  it('pages with «Voir plus» and moves focus to the first new card', async () => {
    const el = await defaultList();
    const more = shadow(el).querySelector<HTMLButtonElement>('[part~="more"]');
    expect(text(more)).to.equal(`Voir plus d’événements (20 sur 2${NNBSP}000 affichés)`);
    const before = cards(el).map((c) => c.dataset.uid);
    more?.click();
    await until(el, () => cards(el).length === 40);
    expect(
      cards(el)
        .slice(0, 20)
        .map((c) => c.dataset.uid),
    ).to.deep.equal(before);
    const newFirst = cards(el)[20] as HTMLElement;
    expect(deepActive()).to.equal(newFirst.querySelector('button.open'));
    expect(text(shadow(el).querySelector('[part~="more"]'))).to.equal(`Voir plus d’événements (40 sur 2${NNBSP}000 affichés)`);
  });

  it('honours page-size and hides «Voir plus» when everything is shown', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} page-size="5" region="06" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    const n = (await expected({ region: '06' })).length;
    expect(cards(el).length).to.equal(Math.min(5, n));
    if (n <= 5) expect(shadow(el).querySelector('[part~="more"]')).to.equal(null);
  });

  it('sorts by title with sort="title", without day headings', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} sort="title" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    const all = await expected({});
    const sorted = sortEvents(all, 'title', { lang: 'fr', now: NOW });
    expect(titles(el)).to.deep.equal(sorted.slice(0, 20).map((e) => pickText(e.title, 'fr')));
    expect(shadow(el).querySelector('[part~="day-heading"]')).to.equal(null);
  });

  it('offers «Près de moi» with sort="distance", in date order until the visitor gives a position', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} sort="distance" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    expect(shadow(el).querySelector('.near-button')).to.exist;
    const sorted = sortEvents(await expected({}), 'date', { lang: 'fr', now: NOW });
    expect(titles(el)).to.deep.equal(sorted.slice(0, 20).map((e) => pickText(e.title, 'fr')));
  });

  it('sets the heading levels with heading-level', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} heading-level="2" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    expect(shadow(el).querySelector('[part~="day-heading"]')?.tagName).to.equal('H2');
    expect(shadow(el).querySelector('[part~="card-title"]')?.tagName).to.equal('H3');
    const flat = await list(
      html`<sdi-event-list src=${SNAPSHOT} heading-level="4" sort="title" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    expect(shadow(flat).querySelector('[part~="card-title"]')?.tagName).to.equal('H4');
  });

  it('keeps events that are over with past', async () => {
    const after = () => Date.parse('2026-11-20T12:00:00Z');
    const upcoming = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${after} .store=${sharedStore}></sdi-event-list>`);
    const all = await list(html`<sdi-event-list past src=${SNAPSHOT} .now=${after} .store=${sharedStore}></sdi-event-list>`);
    const over = (await expected({})).filter((e) => (e.timings[e.timings.length - 1]?.end ?? 0) <= after()).length;
    expect(over).to.be.greaterThan(0);
    expect(countOf(all)).to.equal(2000);
    expect(countOf(upcoming)).to.equal(2000 - over);
  });

  it('applies layout classes (CSS only)', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} layout="grid" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    const ul = shadow(el).querySelector('.cards') as HTMLElement;
    expect(getComputedStyle(ul).display).to.equal('grid');
    expect(shadow(el).querySelector('.root')?.classList.contains('layout-grid')).to.equal(true);
    el.setAttribute('layout', 'compact');
    await el.updateComplete;
    expect(shadow(el).querySelector('.root')?.classList.contains('layout-compact')).to.equal(true);
  });

  it('is a teaser with limit: N next events, no controls, no paging, a link to all events', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} limit="3" href="/agenda/" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    const all = sortEvents(await expected({}), 'date', { lang: 'fr', now: NOW });
    expect(titles(el)).to.deep.equal(all.slice(0, 3).map((e) => pickText(e.title, 'fr')));
    expect(shadow(el).querySelector('[part~="filters"]')).to.equal(null);
    expect(shadow(el).querySelector('[part~="more"]')).to.equal(null);
    const link = shadow(el).querySelector<HTMLAnchorElement>('[part~="see-all"]');
    expect(text(link)).to.equal('Voir tous les événements');
    expect(link?.href).to.equal(new URL('/agenda/', location.href).href);
    await expect(el).to.be.accessible();
  });

  it('hides events that are over, and offers them when nothing else is left', async () => {
    const after = () => Date.parse('2026-12-31T12:00:00Z');
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${after} .store=${sharedStore}></sdi-event-list>`);
    expect(cards(el).length).to.equal(0);
    // After the week the edition, not the selection, is why nothing is ahead (#13).
    expect(text(shadow(el).querySelector('[part~="empty"] p'))).to.equal('La 15e édition s’est tenue du 16 au 22 novembre 2026.');
    button(el, `Voir les ${formatCount(2000, 'fr')} événements de l’édition`).click();
    await until(el, () => cards(el).length === 20);
    expect(countOf(el)).to.equal(2000);
    expect(deepActive()).to.equal(shadow(el).querySelector('.count'));
  });

  it('speaks English with lang="en"', async () => {
    const el = await list(html`<sdi-event-list lang="en" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    expect(countText(el)).to.equal('2,000 events');
    expect(text(shadow(el).querySelector('[part~="day-heading"]'))).to.equal('Monday 2 November');
    expect(text(shadow(el).querySelector('[part~="more"]'))).to.equal('Show more events (20 of 2,000 shown)');
    expect(text(shadow(el).querySelector('label[for="f-region"]'))).to.equal('Region');
    expect(shadow(el).querySelector('[part~="filters"]')?.getAttribute('aria-label')).to.equal('Filter the events');
  });

  it('follows the page language when it has no lang of its own', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list></div>`,
    );
    const el = wrapper.querySelector('sdi-event-list') as SdiEventList;
    await loaded(el);
    expect(countText(el)).to.equal('2,000 events');
  });

  it('publishes the events shown as JSON-LD in its light DOM with seo', async () => {
    const el = await list(html`<sdi-event-list seo src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    await until(el, () => Boolean(el.querySelector('script[data-sdi-seo]')));
    const script = el.querySelector<HTMLScriptElement>('script[type="application/ld+json"][data-sdi-seo]');
    expect(script?.parentElement).to.equal(el);
    const data = JSON.parse(script?.textContent ?? '[]') as { '@type': string; name: string; startDate: string }[];
    expect(data.length).to.equal(20);
    expect(data.every((d) => d['@type'] === 'Event')).to.equal(true);
    expect(data.map((d) => d.name)).to.deep.equal(titles(el));
    // Shown events only: the next page joins the data, up to 50.
    for (let i = 0; i < 3; i++) {
      shadow(el).querySelector<HTMLButtonElement>('[part~="more"]')?.click();
      await el.updateComplete;
    }
    await until(el, () => (JSON.parse(el.querySelector('script[data-sdi-seo]')?.textContent ?? '[]') as unknown[]).length === 50);
    el.remove();
    expect(el.querySelector('script[data-sdi-seo]')).to.equal(null);
  });

  it('reads the live OpenAgenda API with agenda and api-key, descriptions included', async () => {
    const store = freshStore();
    const el = await list(html`<sdi-event-list agenda="9464342" api-key="test-key" api="/mock-api/v2" region="53"
      .now=${clock} .store=${store}></sdi-event-list>`);
    await until(el, () => countOf(el) === 38);
    const uid = Number(cards(el)[0]?.dataset.uid);
    const live = store.peekEvents(
      { kind: 'live', agenda: '9464342', apiKey: 'test-key', api: new URL('/mock-api/v2', location.href).href },
      { region: '53' },
    );
    const event = live?.events.find((e) => e.uid === uid);
    expect(event?.location?.regionCode).to.equal('53');
    (cards(el)[0]?.querySelector('button.open') as HTMLButtonElement).click();
    await until(el, () => Boolean(shadow(el).querySelector('dialog .description')));
    expect(text(shadow(el).querySelector('dialog .description'))).to.not.equal('');
    (shadow(el).querySelector('dialog button.close') as HTMLButtonElement).click();
  });

  it('publishes nothing without seo', async () => {
    const el = await defaultList();
    expect(el.querySelector('script')).to.equal(null);
  });
});

describe('<sdi-event-list> loading, errors and bad attributes', () => {
  beforeEach(resetServer);
  afterEach(resetServer);

  it('shows a skeleton of the final size while loading, with aria-busy', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = freshStore({
      fetch: async (input, init) => {
        await gate;
        return fetch(input, init);
      },
    });
    const el = await fixture<SdiEventList>(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
    const busy = shadow(el).querySelector('[part~="list"]');
    expect(busy?.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelectorAll('[part~="skeleton"]').length).to.equal(3);
    expect(countText(el)).to.equal('Chargement des événements…');
    await expect(el).to.be.accessible();
    release();
    await loaded(el);
    expect(shadow(el).querySelector('[part~="list"]')?.getAttribute('aria-busy')).to.equal('false');
    expect(shadow(el).querySelectorAll('[part~="skeleton"]').length).to.equal(0);
  });

  it('shows a localised error with a retry button, and the data once retry succeeds', async () => {
    await snapshotFault({ match: 'index.json', status: 500 });
    const store = freshStore();
    const el = await fixture<SdiEventList>(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
    await until(el, () => Boolean(shadow(el).querySelector('[part~="error"]')));
    expect(text(shadow(el).querySelector('[part~="error"] p'))).to.equal(
      'Les événements n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.',
    );
    await expect(el).to.be.accessible();
    await resetServer();
    button(el, 'Réessayer').click();
    await loaded(el);
    expect(cards(el).length).to.equal(20);
    expect(shadow(el).querySelector('[part~="error"]')).to.equal(null);
  });

  it('keeps showing the data it has when a forced refresh fails, saying so', async () => {
    const store = freshStore();
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
    await snapshotFault({ match: 'index.json', status: 503 });
    el.refresh();
    await until(el, () => Boolean(shadow(el).querySelector('[part~="error"]')));
    expect(cards(el).length).to.equal(20);
    expect(text(shadow(el).querySelector('[part~="error"] p'))).to.equal(
      'La mise à jour a échoué : les événements affichés sont ceux de la dernière mise à jour.',
    );
    await resetServer();
    button(el, 'Réessayer').click();
    await until(el, () => !shadow(el).querySelector('[part~="error"]'));
    expect(cards(el).length).to.equal(20);
  });

  it('notes data from the last update when a background refresh failed', async () => {
    const store = freshStore({ maxAgeMs: 300 });
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
    expect(shadow(el).querySelector('.stale')).to.equal(null);
    await snapshotFault({ match: 'index.json', status: 503 });
    await new Promise((resolve) => setTimeout(resolve, 350));
    // Any reader of the page past the maximum age starts a background refresh; it fails.
    await store.events({ kind: 'snapshot', src: SNAPSHOT });
    await until(el, () => Boolean(shadow(el).querySelector('.stale')));
    expect(text(shadow(el).querySelector('.stale'))).to.equal(
      'Données de la dernière mise à jour : elles peuvent avoir changé depuis.',
    );
    expect(cards(el).length).to.equal(20);
    await expect(el).to.be.accessible();
  });

  it('reports bad attributes in the widget and the console, and keeps working', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const el = await list(html`<sdi-event-list src=${SNAPSHOT} region="Atlantide" from="2026-11-20" to="2026-11-10"
        page-size="vingt" sort="random" layout="cards" limit="-3" filters="region colour" .now=${clock}
        .store=${sharedStore}></sdi-event-list>`);
      const notices = [...shadow(el).querySelectorAll('[part~="notice"]')].map((n) => text(n));
      for (const attribute of ['region', 'from', 'page-size', 'sort', 'layout', 'limit', 'filters']) {
        expect(
          notices.some((n) => n.startsWith(`${attribute} :`)),
          attribute,
        ).to.equal(true);
        expect(
          warnings.some((w) => w.includes(`attribute "${attribute}"`)),
          attribute,
        ).to.equal(true);
      }
      expect(notices.find((n) => n.startsWith('region'))).to.contain('Région inconnue');
      expect(notices.find((n) => n.startsWith('page-size'))).to.contain('taille de page invalide « vingt »');
      // Defaults kept: 20 per page, date order, list layout, no limit, every event.
      expect(cards(el).length).to.equal(20);
      expect(countOf(el)).to.equal(2000);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = original;
    }
  });

  it('reports an unknown type label once the schema is known', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const el = await list(
        html`<sdi-event-list src=${SNAPSHOT} type="Atelier, Pétanque" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
      );
      await until(el, () => countOf(el) > 0 && countOf(el) < 2000);
      expect(countOf(el)).to.equal((await expected({ types: [7] })).length);
      const notices = [...shadow(el).querySelectorAll('[part~="notice"]')].map((n) => text(n));
      expect(notices.some((n) => n.startsWith('type :') && n.includes('Pétanque'))).to.equal(true);
      expect(warnings.some((w) => w.includes('attribute "type"') && w.includes('Pétanque'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('never throws into the page on malformed data', async () => {
    const store = freshStore();
    store.events = () => Promise.resolve({ events: [null], schema: {}, skipped: 0, generatedAt: 0, stale: false } as never);
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const el = await fixture<SdiEventList>(
        html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part~="error"], [part~="notice"]'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
