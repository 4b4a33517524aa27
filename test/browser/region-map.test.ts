import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/region-map/define.js';
import '../../src/elements/event-list/define.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { FeedStore, feedStore } from '../../src/store/feed-store.js';
import { readPoints, type SnapshotIndex, type SnapshotPointsFile } from '../../src/feed/snapshot-format.js';
import type { EventOpenDetail, FilterChangeDetail } from '../../src/controllers/events.js';
import { filterEvents, indexEvents } from '../../src/filters/apply.js';
import { stubWarn, testControl } from '../support/browser/support.js';
import { mapSettled } from '../support/browser/map-support.js';
import { fillEvents, popupRoot } from '../../src/map/popup.js';
import { MAP_MESSAGES } from '../../src/elements/region-map/messages.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;
const REUNION: [number, number] = [-21.115, 55.536];
const SAINT_DENIS: [number, number] = [-20.88, 55.45];

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

async function ready(el: SdiRegionMap): Promise<void> {
  // Maps draw when seen: a second fixture of a test sits below the first.
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => el.mapView !== undefined && shadow(el).querySelector('.regions, .empty'), 'map never drew', {
    timeout: 15000,
  });
  await el.updateComplete;
  await mapSettled(el);
}

function regionButtons(el: SdiRegionMap): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="region-button"]')];
}

function button(el: SdiRegionMap, code: string): HTMLButtonElement {
  const found = regionButtons(el).find((b) => b.dataset.region === code);
  if (!found) throw new Error(`no button for region ${code}`);
  return found;
}

function symbols(el: SdiRegionMap): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('.sdi-symbol-icon')];
}

function symbol(el: SdiRegionMap, code: string): HTMLElement | undefined {
  return symbols(el).find((s) => s.dataset.region === code);
}

function countOf(text: string | null): number {
  return Number((text ?? '').split(',').pop()!.replace(/\D/g, ''));
}

describe('<sdi-region-map>', () => {
  let index: SnapshotIndex;

  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
  });

  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  it('draws a symbol and a list button per region, with the snapshot counts', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" height="420"></sdi-region-map>`);
    await ready(el);
    const expected = Object.entries(index.counts.region).filter(([code, n]) => code !== 'none' && n > 0);
    expect(regionButtons(el)).to.have.length(expected.length);
    expect(symbols(el)).to.have.length(expected.length);
    for (const [code, n] of expected) {
      expect(countOf(button(el, code).textContent), `list count of ${code}`).to.equal(n);
      const disc = symbol(el, code);
      expect(disc, `symbol of ${code}`).to.exist;
      expect(Number(disc!.textContent!.replace(/\D/g, '')), `symbol count of ${code}`).to.equal(n);
      expect(disc!.getAttribute('aria-label')).to.contain(String(n));
      expect(disc!.getAttribute('role')).to.equal('button');
    }
    expect(button(el, '32').textContent!.trim()).to.match(/^Hauts-de-France, \d+ événements$/);
    expect(symbol(el, '32')!.getAttribute('aria-label')).to.match(/^Hauts-de-France\u00a0: \d+ événements$/);
    // Disc areas are proportional to the counts (above the minimum size that fits the number).
    const ratio = (symbol(el, '84')!.offsetWidth / symbol(el, '11')!.offsetWidth) ** 2;
    expect(ratio).to.be.closeTo(index.counts.region['84']! / index.counts.region['11']!, 0.15);
    expect(shadow(el).querySelector('.muted')!.textContent).to.contain(String(index.counts.region.none));
    expect(el.mapView!.map.getContainer().getBoundingClientRect().height).to.equal(420);
    // Leaflet's CSS is in the shadow root, not in the page.
    expect([...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('.leaflet-pane')))).to.be.false;
    expect(getComputedStyle(shadow(el).querySelector('.leaflet-pane')!).position).to.equal('absolute');
    await expect(el).to.be.accessible();
  });

  it('choosing a region on the map or in the list selects it, frames it and tells the page', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" group="g1"></sdi-region-map>`);
    await ready(el);
    let origin: EventTarget | undefined;
    const seeOrigin = (event: Event) => (origin = event.composedPath()[0]);
    document.addEventListener('sdi-filter-change', seeOrigin);
    setTimeout(() => symbol(el, '32')!.click());
    const fromSymbol = await oneEvent(document, 'sdi-filter-change');
    document.removeEventListener('sdi-filter-change', seeOrigin);
    const detail = (fromSymbol as CustomEvent<FilterChangeDetail>).detail;
    expect(detail).to.deep.equal({ group: 'g1', filters: { region: '32' }, changed: ['region'] });
    expect(origin === el, 'announced by the map element').to.be.true;
    await el.updateComplete;
    expect(button(el, '32').getAttribute('aria-pressed')).to.equal('true');
    // Framed at a zoom where events are clustered; back to the national view, the symbol is marked.
    const map = el.mapView!.map;
    await waitUntil(
      () => map.getBounds().contains([50.63, 3.06]) && !map.getBounds().contains([43.6, 1.44]),
      'Hauts-de-France not framed',
    );
    await mapSettled(el);
    expect(map.getZoom()).to.be.at.least(7);

    el.mapView!.map.setView([46.5, 2.5], 5, { animate: false });
    await waitUntil(() => symbol(el, '32'), 'no symbols at zoom 5');
    expect(symbol(el, '32')!.getAttribute('aria-pressed')).to.equal('true');
    expect(symbol(el, '32')!.classList.contains('is-selected')).to.be.true;
    expect(symbol(el, '76')!.getAttribute('aria-pressed')).to.equal('false');

    setTimeout(() => button(el, '76').click());
    const fromList = (await oneEvent(document, 'sdi-filter-change')) as CustomEvent<FilterChangeDetail>;
    expect(fromList.detail.filters).to.deep.equal({ region: '76' });
    await el.updateComplete;
    expect(button(el, '32').getAttribute('aria-pressed')).to.equal('false');
    expect(button(el, '76').getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(el).querySelector('.status')!.textContent).to.equal('Région sélectionnée\u00a0: Occitanie');

    const all = shadow(el).querySelector<HTMLButtonElement>('[part~="all-button"]')!;
    setTimeout(() => all.click());
    const cleared = (await oneEvent(document, 'sdi-filter-change')) as CustomEvent<FilterChangeDetail>;
    expect(cleared.detail).to.deep.equal({ group: 'g1', filters: {}, changed: ['region'] });
    await el.updateComplete;
    expect(regionButtons(el).every((b) => b.getAttribute('aria-pressed') === 'false')).to.be.true;
  });

  it('keyboard users choose a region from the list with Enter or Space, and skip the map', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await ready(el);
    // Enter on a focused map symbol selects (before the map zooms in and symbols give way to clusters).
    symbol(el, '44')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button(el, '44').getAttribute('aria-pressed')).to.equal('true');

    button(el, '53').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button(el, '53').getAttribute('aria-pressed')).to.equal('true');
    button(el, '28').focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(button(el, '28').getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, '53').getAttribute('aria-pressed')).to.equal('false');

    const skip = shadow(el).querySelector<HTMLButtonElement>('.skip')!;
    expect(skip.textContent!.trim()).to.equal('Passer la carte');
    skip.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(el).activeElement?.id).to.equal('regions');
  });

  it('a list of the same group follows the map, and the map follows the list', async () => {
    const wrapper = await fixture(html`<div>
      <sdi-region-map src=${SNAPSHOT} group="duo"></sdi-region-map>
      <sdi-event-list src=${SNAPSHOT} group="duo" page-size="5"></sdi-event-list>
      <sdi-region-map src=${SNAPSHOT} group="other"></sdi-region-map>
    </div>`);
    const [el, outsider] = [...wrapper.querySelectorAll('sdi-region-map')] as SdiRegionMap[];
    const list = wrapper.querySelector('sdi-event-list') as SdiEventList;
    await ready(el!);
    outsider!.scrollIntoView();
    await ready(outsider!);
    button(el!, '84').click();
    await waitUntil(() => list.filterState.region === '84', 'the list did not follow the map');

    list.setFilters({ region: '04' });
    await waitUntil(() => button(el!, '04').getAttribute('aria-pressed') === 'true', 'the map did not follow the list');
    await waitUntil(() => el!.mapView!.map.getBounds().contains(SAINT_DENIS), 'La Réunion not framed');
    expect(outsider!.shadowRoot!.querySelector('[aria-pressed="true"][part~="region-button"]')).to.equal(null);

    // Filters beyond geography change what the map counts.
    list.setFilters({ region: '04', types: [1] });
    const all = await feedStore.events({ kind: 'snapshot', src: SNAPSHOT });
    const kept = filterEvents(indexEvents(all.events), { types: [1] });
    const expected84 = kept.filter((e) => e.location?.regionCode === '84').length;
    await waitUntil(() => countOf(button(el!, '84').textContent) === expected84, 'the map did not count with the list filters', {
      timeout: 10000,
    });
    expect(button(el!, '04').getAttribute('aria-pressed')).to.equal('true');
  });

  it('the territory switcher reaches every overseas region in one click', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await ready(el);
    const switcher = shadow(el).querySelector('[part~="switcher"]')!;
    const labels = [...switcher.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(labels).to.deep.equal(['France métropolitaine', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    const map = el.mapView!.map;
    expect(map.getBounds().contains(REUNION)).to.be.false;
    const places: Record<string, [number, number]> = {
      Guadeloupe: [16.24, -61.53],
      Martinique: [14.6, -61.07],
      Guyane: [4.93, -52.33],
      'La Réunion': REUNION,
      Mayotte: [-12.78, 45.23],
      'France métropolitaine': [48.85, 2.35],
    };
    for (const [label, at] of Object.entries(places)) {
      const b = [...switcher.querySelectorAll('button')].find((x) => x.textContent!.trim() === label)!;
      b.click();
      await waitUntil(() => map.getBounds().contains(at), `${label} not framed`);
      await mapSettled(el);
      await el.updateComplete;
      expect(b.getAttribute('aria-pressed')).to.equal('true');
    }
  });

  it('zooming in turns counts into clusters, and clicking a cluster zooms in', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" height="500"></sdi-region-map>`);
    await ready(el);
    const map = el.mapView!.map;
    expect(map.getZoom()).to.be.below(7);
    expect(shadow(el).querySelectorAll('.sdi-cluster-icon')).to.have.length(0);
    map.setView([45.76, 4.84], 8, { animate: false });
    await waitUntil(() => shadow(el).querySelectorAll('.sdi-cluster-icon').length > 0, 'no cluster at zoom 8');
    expect(symbols(el)).to.have.length(0);
    const clusters = [...shadow(el).querySelectorAll<HTMLElement>('.sdi-cluster-icon')];
    const biggest = clusters.sort((a, b) => countOf(b.textContent) - countOf(a.textContent))[0]!;
    expect(biggest.getAttribute('aria-label')).to.match(/^\d+ événements ici/);
    await expect(el).to.be.accessible();
    const before = map.getZoom();
    biggest.click();
    await waitUntil(() => map.getZoom() > before, 'the cluster did not zoom in');
    await mapSettled(el);
    // At the last zoom every event is a single marker (or a list of events sharing one address).
    map.setView([45.76, 4.84], map.getMaxZoom(), { animate: false });
    await waitUntil(() => shadow(el).querySelectorAll('.sdi-marker-icon, .sdi-cluster-icon').length > 0);
    map.setView([46.5, 2.5], 5, { animate: false });
    await waitUntil(() => symbols(el).length > 0, 'symbols did not come back');
    expect(shadow(el).querySelectorAll('.sdi-cluster-icon, .sdi-marker-icon')).to.have.length(0);
  });

  it('popups write feed text as text and link only to web pages', async () => {
    const points = readPoints(
      (await (await fetch(new URL((index.files.points as { path: string }).path, SNAPSHOT))).json()) as SnapshotPointsFile,
    );
    const target = points.find((p) => p.region === '84')!;
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const fakeFetch = async (input: string, init?: RequestInit): Promise<Response> => {
      const response = await fetch(input, init);
      if (/\/points\.[^/]*json/.test(input)) {
        return json({
          format: 1,
          fields: ['uid', 'lat', 'lng', 'region'],
          points: [target.uid, target.lat, target.lng, target.region],
        });
      }
      if (/\/events\//.test(input)) {
        const body = (await response.json()) as { events: { uid: number; title: unknown; url?: unknown }[] };
        for (const event of body.events) {
          if (event.uid !== target.uid) continue;
          event.title = { fr: '<img src=x onerror="window.__sdiXss=1">Visite <b>piégée</b>' };
          event.url = 'javascript:window.__sdiXss=2';
        }
        return json(body);
      }
      return response;
    };
    const el = document.createElement('sdi-region-map');
    el.setAttribute('src', '/snapshot/');
    el.setAttribute('group', 'g2');
    el.store = new FeedStore({ fetch: fakeFetch, retries: 0 });
    const host = await fixture(html`<div></div>`);
    host.append(el);
    await ready(el);
    el.mapView!.map.setView([target.lat, target.lng], 15, { animate: false });
    await waitUntil(() => shadow(el).querySelector('.sdi-marker-icon'), 'no marker');
    setTimeout(() => shadow(el).querySelector<HTMLElement>('.sdi-marker-icon')!.click());
    const opened = (await oneEvent(document, 'sdi-event-open')) as CustomEvent<EventOpenDetail>;
    expect(opened.detail.uid).to.equal(target.uid);
    expect(opened.detail.group).to.equal('g2');
    expect(opened.detail.title).to.contain('<img');
    await waitUntil(() => shadow(el).querySelector('.sdi-popup-title'), 'popup never filled');
    const popup = shadow(el).querySelector('[part~="popup"]')!;
    expect(popup.querySelector('.sdi-popup-title')!.textContent).to.equal(
      '<img src=x onerror="window.__sdiXss=1">Visite <b>piégée</b>',
    );
    expect(popup.querySelector('img, b')).to.equal(null);
    for (const a of popup.querySelectorAll('a')) expect(a.href).to.match(/^https?:/);
    expect(popup.querySelector('.sdi-popup-date')!.textContent).to.match(/\d/);
    expect((window as unknown as { __sdiXss?: number }).__sdiXss).to.equal(undefined);
    expect(shadow(el).querySelector('.leaflet-popup-close-button')!.getAttribute('aria-label')).to.equal('Fermer');
    // Audited once faded in: half-transparent text mid-animation is not what visitors read.
    await waitUntil(() => getComputedStyle(shadow(el).querySelector('.leaflet-popup')!).opacity === '1');
    await expect(el).to.be.accessible();
  });

  it("the popup's link to the event page opens a new tab that gets neither the page (opener) nor its address (referrer)", async () => {
    const { events } = await feedStore.events({ kind: 'snapshot', src: SNAPSHOT });
    const event = events.find((e) => e.url?.startsWith('https://'))!;
    const root = popupRoot();
    fillEvents(root, [event], 'fr', MAP_MESSAGES.fr);
    const links = [...root.querySelectorAll('a')];
    expect(links.length).to.equal(1);
    expect(links[0]!.href).to.equal(new URL(event.url!).href);
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.equal('noopener noreferrer');
  });

  it('with tiles="none" every request stays on the page origin', async () => {
    performance.clearResourceTimings();
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" tiles="none"></sdi-region-map>`);
    await ready(el);
    el.mapView!.map.setView([45.76, 4.84], 9, { animate: false });
    await mapSettled(el);
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    expect(names.some((n) => n.includes('/snapshot/points.'))).to.be.true;
    const foreign = names.filter((n) => new URL(n).origin !== location.origin);
    expect(foreign).to.deep.equal([]);
    expect(shadow(el).querySelectorAll('.leaflet-tile')).to.have.length(0);
    expect(shadow(el).querySelector('path.sdi-region.is-filled')).to.exist;
  });

  it('tiles="ign" and "osm" name their providers and credits; a hidden map loads nothing', async () => {
    // The presets are checked, not loaded: the test machine is offline.
    const el = await fixture<SdiRegionMap>(
      html`<sdi-region-map src="/snapshot/" tiles="ign" style="display:none"></sdi-region-map>`,
    );
    expect(el.mapView).to.equal(undefined);
    const { parseTiles } = await import('../../src/map/tiles.js');
    const ign = parseTiles('ign', null).choice;
    expect(ign.kind === 'tiles' && ign.url).to.contain('https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile');
    expect(ign.kind === 'tiles' && ign.credit.text).to.contain('© IGN – Plan IGN');
    const osm = parseTiles('OSM', null).choice;
    expect(osm.kind === 'tiles' && osm.url).to.equal('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    const custom = parseTiles('https://tiles.example.fr/{z}/{x}/{y}.png', '<b>Moi</b>');
    expect(custom.problems).to.deep.equal([]);
    // A credit is text: the attribution line writes it with textContent.
    expect(custom.choice.kind === 'tiles' && custom.choice.credit.text).to.equal('<b>Moi</b>');
  });

  it('draws region outlines only when asked, and says so when they cannot be read', async () => {
    const asked: string[] = [];
    const realFetch = window.fetch;
    const outline = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { nom: '<img src=x>' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [2, 48],
                [3, 48],
                [3, 49],
                [2, 48],
              ],
            ],
          },
        },
      ],
    };
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.startsWith('https://outlines.example/')) {
        asked.push(url);
        return Promise.resolve(
          url.endsWith('good.geojson')
            ? new Response(JSON.stringify(outline), { status: 200 })
            : new Response('nope', { status: 404 }),
        );
      }
      return realFetch(input, init);
    }) as typeof window.fetch;
    try {
      const plain = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
      await ready(plain);
      expect(asked).to.deep.equal([]);
      expect(shadow(plain).querySelector('.sdi-outline')).to.equal(null);

      const good = await fixture<SdiRegionMap>(
        html`<sdi-region-map src="/snapshot/" regions-geojson="https://outlines.example/good.geojson"></sdi-region-map>`,
      );
      await ready(good);
      await waitUntil(() => shadow(good).querySelector('path.sdi-outline'), 'no outline drawn');
      expect(asked).to.deep.equal(['https://outlines.example/good.geojson']);
      expect(shadow(good).querySelector('.leaflet-overlay-pane img')).to.equal(null);

      const bad = await fixture<SdiRegionMap>(
        html`<sdi-region-map src="/snapshot/" regions-geojson="https://outlines.example/missing.geojson"></sdi-region-map>`,
      );
      await ready(bad);
      await waitUntil(
        () => shadow(bad).textContent!.includes('les contours de régions n’ont pas pu être chargés'),
        'no failure message',
      );
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps the page scrolling until the map is focused or clicked', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await ready(el);
    const map = el.mapView!.map;
    expect(map.scrollWheelZoom.enabled()).to.be.false;
    map.getContainer().focus();
    expect(map.scrollWheelZoom.enabled()).to.be.true;
    (document.activeElement as HTMLElement | null)?.blur();
    map.getContainer().blur();
    expect(map.scrollWheelZoom.enabled()).to.be.false;
    map.getContainer().dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(map.scrollWheelZoom.enabled()).to.be.true;
    map.getContainer().dispatchEvent(new MouseEvent('mouseleave'));
    expect(map.scrollWheelZoom.enabled()).to.be.false;
    expect(map.getContainer().getAttribute('tabindex')).to.equal('0');
    expect(map.getContainer().getAttribute('aria-label')).to.contain('Carte');
  });

  it('filters by attributes load the events and count only the matching ones', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" department="69"></sdi-region-map>`);
    await ready(el);
    expect(regionButtons(el)).to.have.length(1);
    expect(countOf(button(el, '84').textContent)).to.equal(index.counts.department['69']);
    // The map opens on the department (Lyon), not on the whole of France.
    expect(el.mapView!.map.getBounds().contains([45.76, 4.84])).to.be.true;
    expect(el.mapView!.map.getBounds().contains([48.86, 2.35])).to.be.false;

    const typed = await fixture<SdiRegionMap>(
      html`<sdi-region-map src="/snapshot/" type="Visite d'entreprise"></sdi-region-map>`,
    );
    await ready(typed);
    await waitUntil(() => regionButtons(typed).reduce((sum, b) => sum + countOf(b.textContent), 0) > 0);
    const total = regionButtons(typed).reduce((sum, b) => sum + countOf(b.textContent), 0);
    const none = Number(/(\d+)/.exec(shadow(typed).querySelector('.muted')?.textContent ?? '0')?.[1] ?? 0);
    expect(total + none).to.equal(index.counts.type['1']);
  });

  it('says when there is nothing to show, and passes an accessibility audit', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" from="2031-01-01"></sdi-region-map>`);
    await ready(el);
    expect(shadow(el).querySelector('.empty')!.textContent).to.equal('Aucun événement à afficher sur la carte');
    expect(symbols(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button when the data cannot be read', async () => {
    // index.json is the one file the browser revalidates (the others are cached as immutable).
    await testControl.snapshotFault({ match: 'index.json', status: 500, times: 1 });
    const el = document.createElement('sdi-region-map');
    el.setAttribute('src', '/snapshot/');
    el.store = new FeedStore({ retries: 0 });
    (await fixture(html`<div></div>`)).append(el);
    await waitUntil(() => shadow(el).querySelector('.retry'), 'no error state', { timeout: 10000 });
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain("La carte n'a pas pu être chargée.");
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('.retry')!.click();
    await ready(el);
    expect(regionButtons(el).length).to.be.above(10);
  });

  it('follows the size the page gives it', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`);
    await ready(el);
    const map = el.mapView!.map;
    el.style.setProperty('--sdi-map-height', '300px');
    await waitUntil(() => map.getSize().y === 300, 'the map did not follow the new height');
    el.style.width = '400px';
    await waitUntil(() => map.getSize().x === 398, 'the map did not follow the new width');
  });

  it('shows a loading box of the final height before the data arrives', async () => {
    await testControl.snapshotFault({ match: 'points.', delayMs: 800, times: 1 });
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" height="30rem"></sdi-region-map>`);
    const box = shadow(el).querySelector<HTMLElement>('[part~="map"]')!;
    expect(box.getAttribute('aria-busy')).to.equal('true');
    expect(box.getBoundingClientRect().height).to.be.closeTo(
      30 * parseFloat(getComputedStyle(document.documentElement).fontSize),
      2,
    );
    expect(shadow(el).querySelector('.overlay')!.textContent).to.contain('Chargement de la carte');
    await ready(el);
    expect(box.getAttribute('aria-busy')).to.equal('false');
  });

  for (const width of [360, 1000]) {
    it(`keeps the room of its region list while loading, ${width} px wide`, async () => {
      await testControl.snapshotFault({ match: 'points.', delayMs: 800, times: 1 });
      const frame = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px"><sdi-region-map src="/snapshot/" tiles="none"></sdi-region-map></div>`,
      );
      const el = frame.querySelector('sdi-region-map')!;
      await el.updateComplete;
      const loading = el.getBoundingClientRect().height;
      // The copy keeping the room is out of sight, of the accessibility tree and of the Tab order.
      const sizer = shadow(el).querySelector<HTMLElement>('.regions-sizer')!;
      expect(sizer.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(sizer).visibility).to.equal('hidden');
      expect(regionButtons(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      await ready(el);
      expect(shadow(el).querySelector('.regions-sizer, .sizer')).to.equal(null);
      // Before, the list and the note on online events came with the data and pushed the page down
      // by their height (~790 px at 360 px, ~340 px at 1000 px).
      expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 8);
    });
  }

  it('speaks English with lang="en"', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" lang="en"></sdi-region-map>`);
    await ready(el);
    expect(button(el, '32').textContent!.trim()).to.match(/^Hauts-de-France, \d+ events$/);
    expect(shadow(el).querySelector('.skip')!.textContent!.trim()).to.equal('Skip the map');
    expect(shadow(el).querySelector('.leaflet-control-zoom-in')!.getAttribute('aria-label')).to.equal('Zoom in');
    expect(shadow(el).querySelector('[part~="all-button"]')!.textContent!.trim()).to.equal('All of France');
  });

  it('reports bad attributes in the widget and names them in the console', async () => {
    const warn = stubWarn();
    try {
      const el = await fixture<SdiRegionMap>(html`<sdi-region-map
        src="/snapshot/"
        tiles="google"
        height="grand"
        region="Atlantide"
        regions-geojson="javascript:alert(1)"
      ></sdi-region-map>`);
      await ready(el);
      const notices = [...shadow(el).querySelectorAll('[part~="notice"]')].map((n) => n.textContent!.trim());
      expect(notices.find((n) => n.startsWith('tiles'))).to.contain('fond de carte inconnu');
      expect(notices.find((n) => n.startsWith('height'))).to.contain('hauteur invalide');
      expect(notices.find((n) => n.startsWith('region'))).to.contain('Région inconnue');
      expect(notices.find((n) => n.startsWith('regions-geojson'))).to.contain('invalide');
      const logged = warn.calls.map((c) => String(c[0]));
      for (const attribute of ['tiles', 'height', 'region', 'regions-geojson']) {
        expect(
          logged.some((l) => l.includes(`attribute "${attribute}"`)),
          attribute,
        ).to.be.true;
      }
      // It still works, with the defaults.
      expect(regionButtons(el).length).to.be.above(10);
      expect(shadow(el).querySelectorAll('.leaflet-tile')).to.have.length(0);

      const insecure = await fixture<SdiRegionMap>(
        html`<sdi-region-map src="/snapshot/" tiles="http://tiles.example/{z}/{x}/{y}.png"></sdi-region-map>`,
      );
      const notice = shadow(insecure).querySelector('[part~="notice"]')!.textContent!;
      expect(notice).to.contain('tiles').and.to.contain('https');
      await expect(insecure).to.be.accessible();
    } finally {
      warn.restore();
    }
  });

  // Listeners, timers, observers and requests after many mounts and removals: leaks.test.ts.
  it('draws its map again when removed and re-inserted', async function () {
    this.timeout(30000);
    const host = await fixture(html`<div></div>`);
    const el = document.createElement('sdi-region-map');
    el.setAttribute('src', SNAPSHOT);
    host.append(el);
    await ready(el);
    const first = el.mapView;
    el.remove();
    expect(el.mapView).to.equal(undefined);
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(0);
    host.append(el);
    await ready(el);
    expect(el.mapView).to.not.equal(first);
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(1);
  });
});
