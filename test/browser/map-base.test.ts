/**
 * The administrative base map of <sdi-region-map> (issue #15): outlines per level, the overseas
 * insets, names that never hide a symbol, the choropleth option, each state axe-clean.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/region-map/define.js';
import '../../src/elements/event-list/define.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { feedStore } from '../../src/store/feed-store.js';
import { DEPARTMENTS } from '../../src/geo/admin-data.js';
import { stubWarn, testControl } from '../support/browser/support.js';
import { mapSettled } from '../support/browser/map-support.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

async function ready(el: SdiRegionMap): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(
    () => el.mapView !== undefined && shadow(el).querySelector('.regions, .empty, [part~="region-list"]'),
    'map never drew',
    {
      timeout: 15000,
    },
  );
  await el.updateComplete;
  await mapSettled(el);
}

function paths(el: SdiRegionMap, selector: string): SVGPathElement[] {
  return [...shadow(el).querySelectorAll<SVGPathElement>(`path${selector}`)];
}

function chooseInList(el: SdiRegionMap, code: string): void {
  const button = shadow(el).querySelector<HTMLButtonElement>(`[part~="region-button"][data-region="${code}"]`);
  if (button) {
    button.click();
    return;
  }
  // The folded list on a narrow map: one native select.
  const select = shadow(el).querySelector<HTMLSelectElement>('select');
  if (!select) throw new Error(`no way to choose ${code}`);
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function rect(e: Element): DOMRect {
  return e.getBoundingClientRect();
}

function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** Every name drawn, and no name over a symbol, a cluster or an event marker. */
function expectNamesClear(el: SdiRegionMap, prefix: 'r' | 'd'): HTMLElement[] {
  const names = [...shadow(el).querySelectorAll<HTMLElement>(`[data-label^="${prefix}"]`)];
  const markers = [...shadow(el).querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')];
  for (const name of names) {
    expect(name.getAttribute('aria-hidden')).to.equal('true');
    expect(name.textContent!.trim()).to.not.equal('');
    for (const marker of markers) {
      expect(overlap(rect(name), rect(marker)), `${name.textContent} over a marker`).to.be.false;
    }
    for (const other of names) {
      if (other !== name) expect(overlap(rect(name), rect(other)), `${name.textContent} over ${other.textContent}`).to.be.false;
    }
  }
  return names;
}

const departmentsOf = (region: string) => DEPARTMENTS.filter(([, , r]) => r === region).map(([code]) => code);

describe('<sdi-region-map> base map', () => {
  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  it('draws the 18 regions and the 5 overseas insets, then the chosen region’s departments', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src=${SNAPSHOT} height="480"></sdi-region-map>`);
    await ready(el);
    expect(paths(el, '.sdi-region')).to.have.length(18);
    expect(paths(el, '.sdi-inset-region').map((p) => p.dataset.region ?? p.getAttribute('data-region'))).to.deep.equal([
      '01',
      '02',
      '03',
      '04',
      '06',
    ]);
    expect(paths(el, '.sdi-inset-frame')).to.have.length(5);
    expect(paths(el, '.sdi-department')).to.have.length(0);
    // Every mainland region's outline has a real shape on screen (Leaflet leaves off-screen ones empty).
    for (const path of paths(el, '.sdi-region').filter((p) => Number(p.getAttribute('data-region')) > 10))
      expect(path.getAttribute('d')!.length, path.getAttribute('data-region')!).to.be.above(40);
    await expect(el).to.be.accessible();

    chooseInList(el, '53');
    await waitUntil(() => paths(el, '.sdi-department').length === 4, 'Bretagne: 4 departments');
    expect(
      paths(el, '.sdi-department')
        .map((p) => p.getAttribute('data-department'))
        .sort(),
    ).to.deep.equal(departmentsOf('53'));
    expect(paths(el, '.sdi-region.is-selected').map((p) => p.getAttribute('data-region'))).to.deep.equal(['53']);
    await mapSettled(el);
    await expect(el).to.be.accessible();

    chooseInList(el, '84');
    await waitUntil(() => paths(el, '.sdi-department').length === 12, 'Auvergne-Rhône-Alpes: 12 departments');
    expect(paths(el, '.sdi-region.is-selected').map((p) => p.getAttribute('data-region'))).to.deep.equal(['84']);
  });

  it('an overseas inset is clickable and filters the list of the same group', async () => {
    const wrapper = await fixture(html`<div>
      <sdi-region-map src=${SNAPSHOT} group="insets" height="480"></sdi-region-map>
      <sdi-event-list src=${SNAPSHOT} group="insets" page-size="5"></sdi-event-list>
    </div>`);
    const el = wrapper.querySelector('sdi-region-map') as SdiRegionMap;
    const list = wrapper.querySelector('sdi-event-list') as SdiEventList;
    await ready(el);
    for (const code of ['01', '02', '03', '04', '06']) {
      const symbol = shadow(el).querySelector<HTMLElement>(`.sdi-symbol-icon[data-region="${code}"]`);
      const frame = paths(el, `.sdi-inset-frame[data-region="${code}"]`)[0]!;
      if (symbol) expect(overlap(rect(symbol), rect(frame)), `symbol of ${code} in its inset`).to.be.true;
    }
    const inset = paths(el, '.sdi-inset-region[data-region="04"]')[0]!;
    const box = rect(inset);
    inset.dispatchEvent(
      new MouseEvent('click', {
        bubbles: true,
        cancelable: true,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
      }),
    );
    await waitUntil(() => list.filterState.region === '04', 'the list did not follow the inset');
    await waitUntil(() => paths(el, '.sdi-inset-region.is-selected').length === 1, 'inset not highlighted');
    await waitUntil(() => el.mapView!.map.getBounds().contains([-20.88, 55.45]), 'La Réunion not framed');
    await mapSettled(el);
    expect(paths(el, '.sdi-department').map((p) => p.getAttribute('data-department'))).to.deep.equal(['974']);
    await expect(el).to.be.accessible();
  });

  for (const width of [1280, 375]) {
    it(`names regions and departments without hiding a symbol, ${width} px wide`, async () => {
      const wrapper = await fixture(
        html`<div style="width: ${width}px"><sdi-region-map src=${SNAPSHOT} height="480"></sdi-region-map></div>`,
      );
      const el = wrapper.querySelector('sdi-region-map') as SdiRegionMap;
      await ready(el);
      const regionNames = expectNamesClear(el, 'r');
      // Wide enough for most of the eighteen; a phone keeps fewer, never none.
      expect(regionNames.length, 'region names').to.be.at.least(width > 1000 ? 12 : 4);
      chooseInList(el, '84');
      await waitUntil(() => paths(el, '.sdi-department').length === 12, 'departments drawn');
      await mapSettled(el);
      // The region is framed one animation frame after the choice: wait for the view to get there.
      await waitUntil(
        () => el.mapView!.map.getZoom() > 6 && el.mapView!.map.getBounds().contains([45.76, 4.84]),
        'region not framed',
      );
      await mapSettled(el);
      const departmentNames = expectNamesClear(el, 'd');
      expect(departmentNames.length, 'department names').to.be.at.least(width > 1000 ? 8 : 3);
      expect(shadow(el).querySelectorAll('[data-label^="r"]')).to.have.length(0);
    });
  }

  it('with overseas tabs, draws no inset and frames the mainland', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src=${SNAPSHOT} height="480" overseas="tabs"></sdi-region-map>`);
    await ready(el);
    expect(paths(el, '.sdi-region')).to.have.length(18);
    expect(paths(el, '.sdi-inset-region')).to.have.length(0);
    // Centred on the mainland, not on the mainland and the column of insets west of it.
    expect(el.mapView!.map.getCenter().lng).to.be.above(1);
  });

  it('choropleth: regions shaded by their counts with a legend, departments once a region is chosen', async () => {
    const el = await fixture<SdiRegionMap>(
      html`<sdi-region-map src=${SNAPSHOT} height="480" mode="choropleth"></sdi-region-map>`,
    );
    await ready(el);
    const index = (await testControl.index()) as { counts: { region: Record<string, number> } };
    const shadeOf = (p: Element) => Number(/sdi-shade-(\d)/.exec(p.getAttribute('class') ?? '')?.[1] ?? -1);
    const shaded = paths(el, '.sdi-region').map((p) => ({
      n: index.counts.region[p.getAttribute('data-region')!] ?? 0,
      shade: shadeOf(p),
    }));
    // More events never gets a lighter shade.
    for (const a of shaded) for (const b of shaded) if (a.n > b.n) expect(a.shade).to.be.at.least(b.shade);
    expect(new Set(shaded.map((s) => s.shade)).size).to.be.above(2);
    // The shade is what is drawn, not only a class: darker fill than the plain land's.
    const fills = paths(el, '.sdi-region').map((p) => getComputedStyle(p).fill);
    expect(new Set(fills).size, fills.join(' ')).to.be.above(2);
    const legend = shadow(el).querySelector('.sdi-legend')!;
    expect(legend.textContent).to.contain('Événements par région');
    expect(legend.querySelectorAll('li').length).to.be.within(2, 6);
    // Symbols are plain counts of one size: the shade tells the amount.
    const chips = [...shadow(el).querySelectorAll<HTMLElement>('.sdi-symbol-icon.is-chip')];
    expect(chips.length).to.be.above(0);
    for (const chip of chips) {
      const same = chips.filter((c) => c.textContent!.length === chip.textContent!.length);
      for (const other of same) expect(rect(other).height, chip.textContent!).to.equal(rect(chip).height);
    }
    await expect(el).to.be.accessible();

    chooseInList(el, '84');
    await waitUntil(() => paths(el, '.sdi-department').length === 12, 'departments drawn');
    await waitUntil(() => legend.textContent!.includes('par département'), 'legend by department');
    expect(paths(el, '.sdi-department').some((p) => shadeOf(p) >= 0)).to.be.true;
    await mapSettled(el);
    await expect(el).to.be.accessible();
  });

  it('choropleth legend in English with lang="en"', async () => {
    const el = await fixture<SdiRegionMap>(
      html`<sdi-region-map src=${SNAPSHOT} lang="en" height="480" mode="choropleth"></sdi-region-map>`,
    );
    await ready(el);
    expect(shadow(el).querySelector('.sdi-legend')!.textContent).to.contain('Events per region');
  });

  it('a bad overseas or mode keeps the default, says so in the widget and names the attribute in the console', async () => {
    const warn = stubWarn();
    try {
      const el = await fixture<SdiRegionMap>(
        html`<sdi-region-map src=${SNAPSHOT} height="480" overseas="encarts" mode="heatmap"></sdi-region-map>`,
      );
      await ready(el);
      const notices = [...shadow(el).querySelectorAll('[part~="notice"]')].map((n) => n.textContent!);
      expect(notices.some((n) => n.includes('overseas') && n.includes('« encarts »'))).to.be.true;
      expect(notices.some((n) => n.includes('mode') && n.includes('« heatmap »'))).to.be.true;
      expect(warn.calls.some((c) => String(c[0]).includes('"overseas"'))).to.be.true;
      expect(warn.calls.some((c) => String(c[0]).includes('"mode"'))).to.be.true;
      expect(paths(el, '.sdi-inset-region')).to.have.length(5);
      expect(shadow(el).querySelector('.sdi-legend')).to.equal(null);
    } finally {
      warn.restore();
    }
  });
});
