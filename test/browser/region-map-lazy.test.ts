/**
 * Leaflet is loaded only for a map that is (about to be) seen: a page of lists never downloads
 * it, and a map far down the page downloads it when the visitor scrolls there. In its own file:
 * each test file gets a fresh page, so no other test has loaded the map chunk before.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/event-list/define.js';
import '../../src/elements/region-map/define.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { MAP_VIEW_LOADED } from '../../src/map/view-contract.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;

function mapLoaded(): boolean {
  return (globalThis as unknown as Record<symbol, boolean | undefined>)[MAP_VIEW_LOADED] === true;
}

function mapResources(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /leaflet|supercluster|map-view|coastline/.test(name));
}

describe('<sdi-region-map> loading', () => {
  it('a page with only a list never loads the map code', async () => {
    const list = await fixture<SdiEventList>(html`<sdi-event-list src=${SNAPSHOT} page-size="3"></sdi-event-list>`);
    await waitUntil(() => list.shadowRoot?.querySelector('article, li'), 'list never drew', { timeout: 15000 });
    expect(mapLoaded()).to.be.false;
    expect(mapResources()).to.deep.equal([]);
  });

  it('a map below the fold loads Leaflet only when scrolled into view', async () => {
    const page = await fixture(html`<div>
      <div style="height: 4000px"></div>
      <sdi-region-map src=${SNAPSHOT} height="400"></sdi-region-map>
    </div>`);
    const el = page.querySelector('sdi-region-map') as SdiRegionMap;
    await new Promise((r) => setTimeout(r, 600));
    expect(mapLoaded()).to.be.false;
    expect(mapResources()).to.deep.equal([]);
    expect(el.mapView).to.equal(undefined);
    const box = el.shadowRoot!.querySelector('[part~="map"]')!;
    expect(box.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#map')!.getBoundingClientRect().height).to.equal(400);
    el.scrollIntoView();
    await waitUntil(() => el.mapView !== undefined, 'map never drew', { timeout: 15000 });
    expect(mapLoaded()).to.be.true;
    expect(mapResources().some((name) => name.includes('leaflet'))).to.be.true;
    window.scrollTo(0, 0);
  });

  it('without IntersectionObserver the map draws straight away', async () => {
    const original = window.IntersectionObserver;
    (window as unknown as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
    try {
      const page = await fixture(html`<div>
        <div style="height: 4000px"></div>
        <sdi-region-map src=${SNAPSHOT}></sdi-region-map>
      </div>`);
      const el = page.querySelector('sdi-region-map') as SdiRegionMap;
      await waitUntil(() => el.mapView !== undefined, 'map never drew', { timeout: 15000 });
    } finally {
      window.IntersectionObserver = original;
    }
  });
});
