import { expect, fixture, html } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { FilterState } from '../../src/filters/filter-state.js';
import type { FilterChangeDetail } from '../../src/controllers/events.js';
import { departments } from '../../src/geo/admin.js';
import { distanceKm } from '../../src/list/distance.js';
import { sortEvents } from '../../src/list/sort.js';
import {
  NOW,
  SNAPSHOT,
  button,
  cards,
  choose,
  clock,
  countOf,
  deepActive,
  expected,
  input,
  list,
  loaded,
  freshStore,
  select,
  shadow,
  sharedStore,
  statusText,
  text,
  until,
} from '../support/browser/event-list-helpers.js';

const ALL_CONTROLS = 'region department city type audience date attendance accessibility search near';

function fullList(): Promise<SdiEventList> {
  return list(
    html`<sdi-event-list src=${SNAPSHOT} filters=${ALL_CONTROLS} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
  );
}

/** The list shows exactly what filterEvents finds: the count, and the first page's events. */
async function expectShows(el: SdiEventList, filters: FilterState): Promise<number> {
  const want = await expected(filters);
  await until(
    el,
    () => countOf(el) === want.length,
    `expected ${want.length} events for ${JSON.stringify(filters)}, saw ${countOf(el)}`,
  );
  const uids = new Set(want.map((e) => e.uid));
  const shown = cards(el).map((c) => Number(c.dataset.uid));
  expect(shown.length).to.equal(Math.min(20, want.length));
  expect(shown.every((uid) => uids.has(uid))).to.equal(true);
  return want.length;
}

describe('<sdi-event-list> filters from attributes', () => {
  const cases: [string, Record<string, string>, FilterState][] = [
    ['region by code', { region: '84' }, { region: '84' }],
    ['region by name', { region: 'Hauts-de-France' }, { region: '32' }],
    ['department', { department: '69' }, { department: '69' }],
    ['city by name, any accent and case', { city: 'CAEN' }, { city: 'Caen' }],
    ['city by postcode prefix', { city: '69' }, { city: '69' }],
    ['type by id', { type: '1' }, { types: [1] }],
    ['type by label', { type: 'Conférence' }, { types: [5] }],
    ['audience by label', { audience: 'Lycéens' }, { audiences: [12] }],
    ['dates', { from: '2026-11-17', to: '2026-11-18' }, { from: '2026-11-17', to: '2026-11-18' }],
    ['attendance online', { attendance: 'online' }, { attendance: 'online' }],
    ['attendance on site', { attendance: 'sur place' }, { attendance: 'onsite' }],
    ['accessibility', { accessibility: 'moteur auditif' }, { accessibility: ['mi', 'hi'] }],
    ['search with accents', { q: 'METALLURGIE' }, { q: 'métallurgie' }],
  ];
  for (const [name, attributes, filters] of cases) {
    it(name, async () => {
      const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
      for (const [attribute, value] of Object.entries(attributes)) el.setAttribute(attribute, value);
      const n = await expectShows(el, filters);
      expect(n).to.be.greaterThan(0);
      expect(n).to.be.lessThan(2000);
    });
  }

  it('combines filters', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} region="84" type="1,5" audience="19" q="visite" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    const n = await expectShows(el, { region: '84', types: [1, 5], audiences: [19], q: 'visite' });
    expect(n).to.be.lessThan((await expected({ region: '84' })).length);
  });

  it('reads only the region’s file when visitors cannot leave the region', async () => {
    const urls: string[] = [];
    const store = freshStore({ fetch: (url, init) => (urls.push(url), fetch(url, init)) });
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} region="53" filters="type search" .now=${clock} .store=${store}></sdi-event-list>`,
    );
    await expectShows(el, { region: '53' });
    expect(urls.some((url) => url.includes('/events/region-53.'))).to.equal(true);
    expect(urls.some((url) => url.includes('/events/all.'))).to.equal(false);
  });

  it('folds all filters but the search into a disclosure on a narrow widget', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <sdi-event-list src=${SNAPSHOT} region="84" .now=${clock} .store=${sharedStore}></sdi-event-list>
    </div>`);
    const el = wrapper.querySelector('sdi-event-list') as SdiEventList;
    await loaded(el);
    await until(el, () => Boolean(shadow(el).querySelector('details.more-filters')));
    const details = shadow(el).querySelector('details.more-filters') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(text(details.querySelector('summary'))).to.equal('Filtres (1 actif)');
    expect(details.contains(shadow(el).querySelector('#f-region'))).to.equal(true);
    expect(details.contains(shadow(el).querySelector('#f-q'))).to.equal(false);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    await expect(el).to.be.accessible();
    wrapper.style.width = '900px';
    await until(el, () => !shadow(el).querySelector('details.more-filters'));
  });

  it('shows only the controls asked for, and none with filters="none"', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} filters="region type" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    expect(shadow(el).querySelector('#f-region')).to.exist;
    expect(shadow(el).querySelector('#f-type')).to.exist;
    expect(shadow(el).querySelector('#f-q')).to.equal(null);
    expect(shadow(el).querySelector('#f-department')).to.equal(null);
    el.setAttribute('filters', 'none');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="filters"]')).to.equal(null);
    el.removeAttribute('filters');
    await el.updateComplete;
    for (const id of ['f-region', 'f-department', 'f-type', 'f-audience', 'f-from', 'f-to', 'f-q']) {
      expect(shadow(el).querySelector(`#${id}`), id).to.exist;
    }
    expect(shadow(el).querySelector('#f-city')).to.equal(null);
  });
});

describe('<sdi-event-list> filter controls', () => {
  it('filters by region and restricts the departments to it', async () => {
    const el = await fullList();
    choose(select(el, 'f-region'), '53');
    await expectShows(el, { region: '53' });
    const options = [...select(el, 'f-department').options].map((o) => o.value).filter(Boolean);
    expect(options).to.deep.equal(departments.filter((d) => d.regionCode === '53').map((d) => d.code));
    choose(select(el, 'f-department'), '35');
    await expectShows(el, { region: '53', department: '35' });
    // Another region drops a department that is not in it.
    choose(select(el, 'f-region'), '84');
    await expectShows(el, { region: '84' });
    expect(select(el, 'f-department').value).to.equal('');
  });

  it('filters by type, audience and attendance', async () => {
    const el = await fullList();
    choose(select(el, 'f-type'), '4');
    await expectShows(el, { types: [4] });
    choose(select(el, 'f-audience'), '15');
    await expectShows(el, { types: [4], audiences: [15] });
    choose(select(el, 'f-type'), '');
    choose(select(el, 'f-audience'), '');
    choose(select(el, 'f-attendance'), 'online');
    await expectShows(el, { attendance: 'online' });
  });

  it('filters by dates, by hand and with the quick buttons', async () => {
    const el = await fullList();
    choose(input(el, 'f-from'), '2026-11-18');
    await expectShows(el, { from: '2026-11-18' });
    choose(input(el, 'f-to'), '2026-11-18');
    await expectShows(el, { from: '2026-11-18', to: '2026-11-18' });
    // The first heading is the first day of the range, even for events that started before.
    expect(text(shadow(el).querySelector('[part~="day-heading"]'))).to.equal('mercredi 18 novembre');
    const edition = button(el, 'Semaine de l’industrie');
    edition.click();
    await expectShows(el, { from: '2026-11-16', to: '2026-11-22' });
    expect(edition.getAttribute('aria-pressed')).to.equal('true');
    expect(input(el, 'f-from').value).to.equal('2026-11-16');
    edition.click();
    await expectShows(el, {});
    button(el, 'Cette semaine').click();
    // 1 November 2026 is a Sunday: its week began on Monday 26 October.
    await expectShows(el, { from: '2026-10-26', to: '2026-11-01' });
    button(el, 'Aujourd’hui').click();
    await expectShows(el, { from: '2026-11-01', to: '2026-11-01' });
  });

  it('filters by accessibility', async () => {
    const el = await fullList();
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('.access-field input[type="checkbox"]')];
    expect(boxes.length).to.equal(5);
    boxes[0]?.click();
    await expectShows(el, { accessibility: ['mi'] });
    boxes[2]?.click();
    await expectShows(el, { accessibility: ['mi', 'vi'] });
  });

  it('searches as the visitor types, accent- and case-insensitively, once typing pauses', async () => {
    const el = await fullList();
    const changes: FilterChangeDetail[] = [];
    const listener = (event: Event) => changes.push((event as CustomEvent<FilterChangeDetail>).detail);
    document.addEventListener('sdi-filter-change', listener);
    try {
      const search = input(el, 'f-q');
      for (const value of ['s', 'so', 'sou', 'soud', 'SOUDÛRE']) {
        search.value = value;
        search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await expectShows(el, { q: 'soudure' });
      expect(changes.length).to.equal(1);
      expect(changes[0]?.filters.q).to.equal('SOUDÛRE');
      await until(el, () => statusText(el) === text(shadow(el).querySelector('.count')));
    } finally {
      document.removeEventListener('sdi-filter-change', listener);
    }
  });

  it('filters by city or postcode', async () => {
    const el = await fullList();
    choose(input(el, 'f-city'), 'lyon');
    await expectShows(el, { city: 'Lyon' });
    choose(input(el, 'f-city'), '59');
    await expectShows(el, { city: '59' });
  });

  it('combines controls and clears them, keeping the keyboard in the list', async () => {
    const el = await fullList();
    choose(select(el, 'f-region'), '84');
    choose(select(el, 'f-type'), '1');
    choose(input(el, 'f-q'), 'visite');
    await expectShows(el, { region: '84', types: [1], q: 'visite' });
    const clear = button(el, 'Effacer les filtres');
    clear.focus();
    clear.click();
    await expectShows(el, {});
    expect(input(el, 'f-q').value).to.equal('');
    expect(select(el, 'f-region').value).to.equal('');
    expect(shadow(el).querySelector('[part~="clear"]')).to.equal(null);
    expect(deepActive()).to.equal(shadow(el).querySelector('.count'));
  });

  it('clears only what visitors can change: hidden presets stay', async () => {
    const el = await list(
      html`<sdi-event-list src=${SNAPSHOT} region="84" filters="type" .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    expect(shadow(el).querySelector('[part~="clear"]')).to.equal(null);
    choose(select(el, 'f-type'), '1');
    await expectShows(el, { region: '84', types: [1] });
    button(el, 'Effacer les filtres').click();
    await expectShows(el, { region: '84' });
  });

  it('says why nothing matches and offers to clear the filters', async () => {
    const el = await fullList();
    choose(select(el, 'f-region'), '06');
    choose(input(el, 'f-q'), 'zzzz introuvable');
    await until(el, () => Boolean(shadow(el).querySelector('[part~="empty"]')));
    expect(text(shadow(el).querySelector('[part~="count"]'))).to.equal('Aucun événement');
    expect(text(shadow(el).querySelector('[part~="empty"] p'))).to.equal(
      'Aucun événement ne correspond à vos filtres (région Mayotte, recherche « zzzz introuvable »).',
    );
    await until(el, () => statusText(el) === 'Aucun événement');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part~="empty"] button')?.click();
    await expectShows(el, {});
  });

  it('sorts by distance after «Près de moi», and says when the position is refused', async () => {
    const lyon = { lat: 45.764, lng: 4.8357 };
    let answer: 'grant' | 'deny' = 'deny';
    const fake = {
      getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
        setTimeout(() => {
          if (answer === 'grant') {
            success({
              coords: { latitude: lyon.lat, longitude: lyon.lng, accuracy: 10 },
              timestamp: Date.now(),
            } as GeolocationPosition);
          } else {
            failure?.({
              code: 1,
              PERMISSION_DENIED: 1,
              POSITION_UNAVAILABLE: 2,
              TIMEOUT: 3,
              message: 'denied',
            } as GeolocationPositionError);
          }
        }, 10);
      },
    };
    Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
    try {
      const el = await fullList();
      const near = button(el, 'Près de moi');
      near.click();
      await until(el, () => text(shadow(el).querySelector('.near-status')).startsWith('Votre position n’est pas disponible'));
      expect(near.getAttribute('aria-pressed')).to.equal('false');
      answer = 'grant';
      near.click();
      await until(el, () => near.getAttribute('aria-pressed') === 'true');
      const all = await expected({});
      const byDistance = sortEvents(all, 'distance', { lang: 'fr', near: lyon, now: NOW });
      await until(el, () => cards(el)[0]?.dataset.uid === String(byDistance[0]?.uid));
      expect(cards(el).map((c) => Number(c.dataset.uid))).to.deep.equal(byDistance.slice(0, 20).map((e) => e.uid));
      expect(shadow(el).querySelector('[part~="day-heading"]')).to.equal(null);
      const first = byDistance[0];
      const km =
        first?.location?.lat !== undefined ? distanceKm(lyon, { lat: first.location.lat, lng: first.location.lng ?? 0 }) : 0;
      expect(text(cards(el)[0]?.querySelector('.distance'))).to.contain(
        `à ${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km)} km`,
      );
      near.click();
      await until(el, () => Boolean(shadow(el).querySelector('[part~="day-heading"]')));
    } finally {
      // Back to the prototype's getter.
      Reflect.deleteProperty(navigator, 'geolocation');
    }
  });
});
