/**
 * axe audits of the widgets in the states the other test files do not audit (loading, empty,
 * errors of the live API, English, every filter offered, open detail in English, map popup opened
 * from the keyboard, overseas view, countdown phases in both languages, banner with and without
 * its live count), and the semantics axe cannot judge: which regions are live, and how politely;
 * what the dialog, the map and the region list are called.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/countdown/define.js';
import '../../src/elements/edition-banner/define.js';
import '../../src/elements/region-map/define.js';
import type { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import { readPoints, type SnapshotIndex, type SnapshotPointsFile } from '../../src/feed/snapshot-format.js';
import { FeedStore, feedStore } from '../../src/store/feed-store.js';
import {
  SNAPSHOT,
  cards,
  clock,
  countText,
  deepActive,
  freshStore,
  list,
  loaded,
  shadow,
  sharedStore,
  statusText,
  text,
  until,
} from '../support/browser/event-list-helpers.js';
import { testControl } from '../support/browser/support.js';
import { mapSettled } from '../support/browser/map-support.js';

const AGENDA = '9464342';
const KEY = 'test-key';
const API = '/mock-api/v2';
const ALL_FILTERS = 'search region department city type audience attendance date accessibility near';

/** Elements that speak up unasked, and how. */
function liveRegions(root: ShadowRoot): { role: string | null; live: string | null; text: string }[] {
  return [...root.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"], [role="timer"]')].map((node) => ({
    role: node.getAttribute('role'),
    live: node.getAttribute('aria-live'),
    text: text(node),
  }));
}

/** The accessible name given by aria-labelledby (ids in the same shadow root). */
function labelledBy(node: Element): string {
  const root = node.getRootNode() as ShadowRoot;
  return (node.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => text(root.getElementById(id)))
    .join(' ');
}

/* Event list ---------------------------------------------------------------------------------- */

describe('accessibility states: <sdi-event-list>', () => {
  beforeEach(() => testControl.reset());
  afterEach(() => testControl.reset());

  for (const lang of ['fr', 'en'] as const) {
    it(`with every filter offered (${lang}): audit, a named search form, labelled controls, one polite status`, async () => {
      const el = await list(
        html`<sdi-event-list lang=${lang} filters=${ALL_FILTERS} src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
      );
      await expect(el).to.be.accessible();
      const root = shadow(el);
      const form = root.querySelector('form[part~="filters"]') as HTMLFormElement;
      expect(form.getAttribute('role')).to.equal('search');
      expect(form.getAttribute('aria-label')).to.equal(lang === 'fr' ? 'Filtrer les événements' : 'Filter the events');
      for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('form input, form select')) {
        const name = control.labels?.[0] ? text(control.labels[0]) : control.getAttribute('aria-label');
        expect(name, `${control.id || control.type} has a label`)
          .to.be.a('string')
          .and.not.equal('');
      }
      // Only the count speaks up, politely and as a whole; the near-me status is empty until used.
      await until(el, () => statusText(el) !== '');
      const speaking = liveRegions(root).filter((r) => r.text !== '');
      expect(speaking).to.deep.equal([{ role: 'status', live: 'polite', text: countText(el) }]);
      // Day headings, then card titles one level below (heading-level 3 by default).
      expect(root.querySelector('[part~="day-heading"]')?.tagName).to.equal('H3');
      expect(root.querySelector('[part~="card-title"]')?.tagName).to.equal('H4');
      expect(root.querySelector('[part~="list"] ul')?.getAttribute('role')).to.equal('list');
    });
  }

  it('announces the new count after a filter change, once, in the polite region', async () => {
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    await until(el, () => statusText(el) !== '');
    const region = shadow(el).querySelector('.visually-hidden[role="status"]') as HTMLElement;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(text(region)));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    try {
      el.setFilters({ region: '53' });
      await until(el, () => statusText(el) === countText(el) && countText(el) !== '' && said.length > 0, 'no announcement');
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      observer.disconnect();
    }
    expect(said).to.deep.equal([countText(el)]);
    expect(countText(el)).to.match(/^\d+ événements$/);
    expect(region.closest('[aria-hidden="true"]')).to.equal(null);
  });

  it('opens the detail in English: a modal dialog named by its title, audited', async () => {
    const el = await list(html`<sdi-event-list lang="en" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    const opener = cards(el)[0]?.querySelector('button.open') as HTMLButtonElement;
    opener.focus();
    await sendKeys({ press: 'Enter' });
    // The dialog's code may arrive with the first opening: look for it once it is there.
    const found = () => shadow(el).querySelector('dialog');
    await until(el, () => Boolean(found()?.open && found()?.querySelector('.description')), 'the detail did not open');
    const dialog = found() as HTMLDialogElement;
    // A native <dialog> opened with showModal(): role dialog and modal (aria-modal) by the browser.
    expect(dialog.hasAttribute('role')).to.equal(false);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(labelledBy(dialog)).to.equal(text(opener));
    expect(dialog.contains(deepActive())).to.equal(true);
    expect(dialog.closest('[lang]')?.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(el, () => !dialog.open);
  });

  it('a narrow list with its filters unfolded passes the audit', async () => {
    const el = await list(
      html`<sdi-event-list style="width: 320px" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    await until(el, () => Boolean(shadow(el).querySelector('details.more-filters')));
    (shadow(el).querySelector('details') as HTMLDetailsElement).open = true;
    await expect(el).to.be.accessible();
  });

  it('after the edition: an empty list that offers the past events, audited before and after', async () => {
    const after = () => Date.parse('2026-12-15T12:00:00Z');
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${after} .store=${sharedStore}></sdi-event-list>`);
    expect(shadow(el).querySelector('[part~="empty"]')).to.exist;
    await expect(el).to.be.accessible();
    const past = shadow(el).querySelector<HTMLButtonElement>('[part~="past"]') as HTMLButtonElement;
    past.click();
    await until(el, () => cards(el).length > 0, 'the past events did not show');
    await expect(el).to.be.accessible();
  });

  it('in live mode, an API failure is an alert with a retry button, audited in both languages', async () => {
    for (const lang of ['fr', 'en']) {
      await testControl.fault({ match: '/events', status: 500 });
      const el = await fixture<SdiEventList>(html`<sdi-event-list lang=${lang} agenda=${AGENDA} api-key=${KEY} api=${API}
        region="53" .now=${clock} .store=${freshStore()}></sdi-event-list>`);
      await until(el, () => Boolean(shadow(el).querySelector('[part~="error"]')), 'no error shown');
      const alert = shadow(el).querySelector('[part~="error"]') as HTMLElement;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.querySelector('button')?.textContent?.trim()).to.equal(lang === 'fr' ? 'Réessayer' : 'Try again');
      await expect(el).to.be.accessible();
      await testControl.reset();
      alert.querySelector('button')?.click();
      await loaded(el);
    }
  });
});

/* Region map ---------------------------------------------------------------------------------- */

async function mapReady(el: SdiRegionMap): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => el.mapView !== undefined && shadow(el).querySelector('.regions, .empty'), 'map never drew', {
    timeout: 15000,
  });
  await el.updateComplete;
  await mapSettled(el);
}

/** Audited once faded in: half-transparent text mid-animation is not what visitors read. */
async function popupShown(el: SdiRegionMap): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('.sdi-popup-title'), 'popup never filled', { timeout: 8000 });
  await waitUntil(() => getComputedStyle(shadow(el).querySelector('.leaflet-popup')!).opacity === '1', 'popup never faded in', {
    timeout: 8000,
  });
}

describe('accessibility states: <sdi-region-map>', () => {
  let index: SnapshotIndex;
  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
  });
  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });
  afterEach(() => testControl.reset());

  it('while loading: a busy map box with a visible message, audited', async () => {
    await testControl.snapshotFault({ match: 'points.', delayMs: 1500, times: 1 });
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    const box = shadow(el).querySelector('[part~="map"]') as HTMLElement;
    expect(box.getAttribute('aria-busy')).to.equal('true');
    expect(text(shadow(el).querySelector('.overlay'))).to.contain('Chargement de la carte');
    await expect(el).to.be.accessible();
    await mapReady(el);
  });

  it('loaded: a named map, and a titled list of buttons whose names carry the counts', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await mapReady(el);
    const root = shadow(el);
    const map = root.querySelector('#map') as HTMLElement;
    expect(map.getAttribute('role')).to.equal('region');
    expect(map.getAttribute('aria-label')).to.equal("Carte des événements de la Semaine de l'industrie");
    expect(text(root.getElementById(map.getAttribute('aria-describedby') ?? ''))).to.not.equal('');
    expect(map.tabIndex).to.equal(0);
    const listEl = root.querySelector('[part~="region-list"]') as HTMLUListElement;
    expect(listEl.tagName).to.equal('UL');
    expect(labelledBy(listEl)).to.equal('Événements par région');
    const items = [...listEl.children];
    expect(items.every((li) => li.tagName === 'LI' && li.children.length === 1 && li.children[0]?.tagName === 'BUTTON')).to.equal(
      true,
    );
    for (const li of items) {
      const button = li.children[0] as HTMLButtonElement;
      const code = button.dataset.region ?? '';
      expect(text(button)).to.match(new RegExp(`, ${index.counts.region[code]} événements?$`));
      expect(button.getAttribute('aria-pressed')).to.equal('false');
    }
    // The switcher is a named group of toggle buttons; the selection is said politely.
    const switcher = root.querySelector('[part~="switcher"]') as HTMLElement;
    expect(switcher.getAttribute('role')).to.equal('group');
    expect(switcher.getAttribute('aria-label')).to.not.equal(null);
    expect(liveRegions(root)).to.deep.equal([{ role: 'status', live: null, text: '' }]);
  });

  it('the overseas view (La Réunion) passes the audit, and its symbol or clusters are named', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await mapReady(el);
    const reunion = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="territory-button"]')].find(
      (b) => text(b) === 'La Réunion',
    )!;
    reunion.click();
    await waitUntil(() => el.mapView!.map.getBounds().contains([-21.115, 55.536]), 'La Réunion not framed', { timeout: 8000 });
    await mapSettled(el);
    await el.updateComplete;
    const focusable = [...shadow(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon[tabindex="0"]')];
    expect(focusable.length).to.be.above(0);
    for (const marker of focusable) expect(marker.getAttribute('aria-label')).to.match(/\S/);
    await expect(el).to.be.accessible();
  });

  it('a popup opened from the keyboard holds the focus and passes the audit', async () => {
    const points = readPoints(
      (await (await fetch(new URL((index.files.points as { path: string }).path, SNAPSHOT))).json()) as SnapshotPointsFile,
    );
    const target = points.find((p) => p.region === '84')!;
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await mapReady(el);
    el.mapView!.map.setView([target.lat, target.lng], el.mapView!.map.getMaxZoom(), { animate: false });
    await mapSettled(el);
    const marker = await waitUntil(
      () => shadow(el).querySelector<HTMLElement>('.sdi-marker-icon[tabindex="0"]'),
      'no marker',
    ).then(() => shadow(el).querySelector<HTMLElement>('.sdi-marker-icon[tabindex="0"]')!);
    marker.focus();
    await sendKeys({ press: 'Enter' });
    await popupShown(el);
    expect(deepActive()?.matches('.sdi-popup')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks English (lang="en"): audited, with English names', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map lang="en" src="/snapshot/"></sdi-region-map>`);
    await mapReady(el);
    expect(shadow(el).querySelector('#map')?.getAttribute('aria-label')).to.equal('Map of the French Industry Week events');
    await expect(el).to.be.accessible();
  });

  it('in live mode, an API failure is an alert with a retry button, audited', async () => {
    await testControl.fault({ match: '/events', status: 500 });
    const el = document.createElement('sdi-region-map');
    el.setAttribute('agenda', AGENDA);
    el.setAttribute('api-key', KEY);
    el.setAttribute('api', API);
    el.store = new FeedStore({ retries: 0 });
    (await fixture(html`<div></div>`)).append(el);
    await waitUntil(() => shadow(el).querySelector('.retry'), 'no error state', { timeout: 10000 });
    expect(shadow(el).querySelector('.retry')?.closest('[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});

/* Countdown ----------------------------------------------------------------------------------- */

describe('accessibility states: <sdi-countdown>', () => {
  // After the 15th edition: 'after' when told which edition to follow, 'unknown' (next dates not announced) otherwise.
  const PHASES = [
    { phase: 'before', at: '2026-10-20T09:55:00Z', edition: '' },
    { phase: 'during', at: '2026-11-18T10:00:00Z', edition: '' },
    { phase: 'after', at: '2026-12-01T12:00:00Z', edition: '15' },
    // An edition not dated yet (#13: without attributes, 1 December is after the 15th edition).
    { phase: 'unknown', at: '2026-12-01T12:00:00Z', edition: '16' },
  ];
  for (const lang of ['fr', 'en']) {
    for (const { phase, at, edition } of PHASES) {
      it(`phase ${phase} (${lang}), with heading, link and seconds: audited, a timer that is not live`, async () => {
        const now = Date.parse(at);
        const el =
          await fixture<SdiCountdown>(html`<sdi-countdown lang=${lang} seconds heading="Compte à rebours" href="/programme"
          edition=${edition} .now=${() => now}></sdi-countdown>`);
        await el.updateComplete;
        expect(shadow(el).querySelector('.countdown')?.className).to.contain(`phase-${phase}`);
        await expect(el).to.be.accessible();
        const root = shadow(el);
        // Nothing is announced unasked: the one sentence is a timer, whose live setting is off.
        const regions = liveRegions(root);
        expect(regions).to.have.length(1);
        expect(regions[0]?.role).to.equal('timer');
        expect(regions[0]?.live).to.equal(null);
        expect(regions[0]?.text).to.match(/\S/);
        expect(root.querySelector('.body')?.getAttribute('aria-hidden')).to.equal('true');
        expect(root.querySelector('[part~="countdown"]')?.getAttribute('lang')).to.equal(lang);
      });
    }
  }
});

/* Edition banner ------------------------------------------------------------------------------ */

describe('accessibility states: <sdi-edition-banner>', () => {
  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });
  afterEach(() => testControl.reset());

  it('while its count loads: audited, a section named by its title', async () => {
    await testControl.snapshotFault({ match: 'index.json', delayMs: 1500, times: 1 });
    const el = await fixture<SdiEditionBanner>(
      html`<sdi-edition-banner src="/snapshot/" href="https://example.org/agenda"></sdi-edition-banner>`,
    );
    await el.updateComplete;
    const count = shadow(el).querySelector('[part~="count"]');
    expect(count?.classList.contains('pending')).to.equal(true);
    await expect(el).to.be.accessible();
    const section = shadow(el).querySelector('section') as HTMLElement;
    expect(labelledBy(section)).to.match(/^Semaine de l['’]industrie \d{4}$/);
    expect(shadow(el).querySelector('[part~="title"]')?.tagName).to.equal('H2');
  });

  it('with a given count and without a live one, in English: audited', async () => {
    const fixed = await fixture<SdiEditionBanner>(html`<sdi-edition-banner lang="en" number="1234" heading-level="3"
      href="https://example.org/agenda"></sdi-edition-banner>`);
    await fixed.updateComplete;
    expect(text(shadow(fixed).querySelector('[part~="count"]'))).to.match(/^1,234 /);
    expect(shadow(fixed).querySelector('[part~="title"]')?.tagName).to.equal('H3');
    await expect(fixed).to.be.accessible();

    await testControl.fault({ match: '/events', status: 500 });
    const live = document.createElement('sdi-edition-banner');
    live.setAttribute('lang', 'en');
    live.setAttribute('agenda', AGENDA);
    live.setAttribute('api-key', KEY);
    live.setAttribute('api', API);
    live.store = new FeedStore({ retries: 0 });
    (await fixture(html`<div></div>`)).append(live);
    await waitUntil(() => /unavailable/i.test(text(shadow(live).querySelector('[part~="count"]'))), 'no unavailable count', {
      timeout: 10000,
    });
    await expect(live).to.be.accessible();
  });
});

/* All together -------------------------------------------------------------------------------- */

describe('accessibility states: the four widgets on one page', () => {
  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  it('pass the audit side by side (repeated ids and names stay inside each shadow root)', async () => {
    const page = await fixture(html`<main>
      <sdi-edition-banner src="/snapshot/" href="https://example.org/agenda"></sdi-edition-banner>
      <sdi-countdown .now=${clock}></sdi-countdown>
      <sdi-region-map src="/snapshot/" group="page"></sdi-region-map>
      <sdi-event-list src=${SNAPSHOT} group="page" page-size="5" .now=${clock} .store=${sharedStore}></sdi-event-list>
    </main>`);
    const map = page.querySelector('sdi-region-map') as SdiRegionMap;
    await mapReady(map);
    await loaded(page.querySelector('sdi-event-list') as SdiEventList);
    await expect(page).to.be.accessible();
  });
});
