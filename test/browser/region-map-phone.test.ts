/**
 * The map in a phone's column (#15): under 600 px of its own width the eighteen region buttons
 * fold into one native control, still the map's keyboard and screen-reader twin; the map keeps
 * most of the widget's height; every target is at least 44 × 44 px. The width is the widget's, not
 * the viewport's: a 375 px column of a wide page folds, a 800 px one does not.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/region-map/define.js';
import '../../src/elements/event-list/define.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { FilterChangeDetail } from '../../src/controllers/events.js';
import type { SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { feedStore } from '../../src/store/feed-store.js';
import { testControl } from '../support/browser/support.js';
import { mapSettled } from '../support/browser/map-support.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;
const PHONE = 375;
const TARGET = 44;

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

async function ready(el: SdiRegionMap): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => el.mapView !== undefined && shadow(el).querySelector('.regions, .empty'), 'map never drew', {
    timeout: 15000,
  });
  await el.updateComplete;
  await mapSettled(el);
}

async function mapIn(width: number, attributes = ''): Promise<SdiRegionMap> {
  const frame = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  frame.innerHTML = `<sdi-region-map src="${SNAPSHOT}" ${attributes}></sdi-region-map>`;
  const el = frame.querySelector('sdi-region-map')!;
  await ready(el);
  return el;
}

function picker(el: SdiRegionMap): HTMLSelectElement {
  const found = shadow(el).querySelector<HTMLSelectElement>('[part~="region-select"]');
  if (!found) throw new Error('no region select');
  return found;
}

function laidOut(node: Element): boolean {
  return node.getClientRects().length > 0;
}

/** Everything a finger or a pointer can act on, as laid out now. */
function targets(el: SdiRegionMap): HTMLElement[] {
  const selector = 'button, select, a[href], input, [role="button"], [tabindex="0"]';
  return [...shadow(el).querySelectorAll<HTMLElement>(selector)].filter(
    (node) => laidOut(node) && !node.closest('[aria-hidden="true"]') && !node.matches(':disabled'),
  );
}

/**
 * The box a finger can hit: the element's, or the transparent disc drawn around it (the map's
 * symbols are as small as their count).
 */
function hitBox(node: HTMLElement): { width: number; height: number } {
  const rect = node.getBoundingClientRect();
  const around = getComputedStyle(node, '::before');
  const disc = around.content !== 'none' && around.position === 'absolute';
  return {
    width: Math.max(rect.width, disc ? parseFloat(around.width) || 0 : 0),
    height: Math.max(rect.height, disc ? parseFloat(around.height) || 0 : 0),
  };
}

function choose(el: SdiRegionMap, code: string): void {
  const select = picker(el);
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<sdi-region-map> in a phone column', () => {
  let index: SnapshotIndex;

  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
  });

  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  it('folds the region buttons into one labelled control listing every region with events', async () => {
    const el = await mapIn(PHONE);
    const select = picker(el);
    expect(laidOut(select)).to.be.true;
    expect(laidOut(shadow(el).querySelector('.regions')!), 'the button list is not laid out').to.be.false;
    expect([...shadow(el).querySelectorAll('[part~="region-button"]')].some(laidOut)).to.be.false;
    const label = shadow(el).querySelector(`label[for="${select.id}"]`);
    expect(label?.textContent?.trim()).to.equal('Événements par région');
    const withEvents = Object.entries(index.counts.region).filter(([code, n]) => code !== 'none' && n > 0);
    const options = [...select.options];
    expect(options).to.have.length(withEvents.length + 1);
    expect(options[0]!.value).to.equal('');
    expect(options[0]!.textContent!.trim()).to.match(/^Toute la France, [\d\s\u202f\u00a0]+ événements$/);
    expect(options[0]!.selected).to.be.true;
    const hdf = options.find((o) => o.value === '32')!;
    expect(hdf.textContent!.trim()).to.equal(`Hauts-de-France, ${index.counts.region['32']} événements`);
    await expect(el).to.be.accessible();
  });

  it('choosing in the control selects the region, frames it and tells the group; the list back again', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${PHONE}px">
      <sdi-region-map src=${SNAPSHOT} group="phone"></sdi-region-map>
      <sdi-event-list src=${SNAPSHOT} group="phone" page-size="3"></sdi-event-list>
    </div>`);
    const el = wrapper.querySelector('sdi-region-map')!;
    const list = wrapper.querySelector('sdi-event-list') as SdiEventList;
    await ready(el);
    setTimeout(() => choose(el, '32'));
    const change = (await oneEvent(document, 'sdi-filter-change')) as CustomEvent<FilterChangeDetail>;
    expect(change.detail).to.deep.equal({ group: 'phone', filters: { region: '32' }, changed: ['region'] });
    await el.updateComplete;
    expect(shadow(el).querySelector('.status')!.textContent).to.equal('Région sélectionnée\u00a0: Hauts-de-France');
    await waitUntil(() => el.mapView!.map.getBounds().contains([50.63, 3.06]), 'Hauts-de-France not framed');
    await waitUntil(() => list.filterState.region === '32', 'the list did not follow');

    // The group chooses another region: the control shows it.
    list.setFilters({ region: '76' });
    await waitUntil(() => picker(el).value === '76', 'the control did not follow the list');
    expect(picker(el).selectedOptions[0]!.textContent!.trim()).to.match(/^Occitanie, /);

    setTimeout(() => choose(el, ''));
    const cleared = (await oneEvent(document, 'sdi-filter-change')) as CustomEvent<FilterChangeDetail>;
    expect(cleared.detail.filters).to.deep.equal({});
    await el.updateComplete;
    expect(picker(el).value).to.equal('');
  });

  it('the skip link leads keyboard users to the control, where the arrow keys choose a region', async () => {
    const el = await mapIn(PHONE);
    const skip = shadow(el).querySelector<HTMLButtonElement>('.skip')!;
    skip.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(el).activeElement).to.equal(picker(el));
    const first = picker(el).options[1]!;
    await sendKeys({ press: 'ArrowDown' });
    // Some engines open the list on the first key: Enter then confirms the option under focus.
    if (picker(el).value === '') await sendKeys({ press: 'Enter' });
    await waitUntil(() => picker(el).value === first.value, 'the arrow key did not choose a region');
    await el.updateComplete;
    expect(shadow(el).querySelector('.status')!.textContent).to.equal(
      `Région sélectionnée\u00a0: ${first.textContent!.trim().split(',')[0]}`,
    );
  });

  it('keeps most of its height for the map, and every target at least 44 × 44 px', async () => {
    const el = await mapIn(PHONE);
    const box = el.getBoundingClientRect();
    const map = shadow(el).querySelector('[part~="map"]')!.getBoundingClientRect();
    console.log(`map at ${PHONE} px: ${Math.round(map.height)} px of ${Math.round(box.height)} px`);
    expect(map.height / box.height, 'share of the map in the height').to.be.at.least(0.6);
    // The skip link is out of sight until focused: measured then.
    const skip = shadow(el).querySelector<HTMLButtonElement>('.skip')!;
    skip.focus();
    const found = [...targets(el)];
    // The switcher's six buttons, Leaflet's two zoom buttons, the map, its symbols and the control.
    expect(found.length).to.be.at.least(12);
    expect(found).to.include(skip);
    const small = found
      .map((node) => ({ node, box: hitBox(node) }))
      .filter(({ box }) => box.width < TARGET - 0.5 || box.height < TARGET - 0.5)
      .map(({ node, box }) => `${node.outerHTML.slice(0, 80)} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
    expect(small, 'targets under 44 × 44 px').to.deep.equal([]);
    skip.blur();

    // The disc around a small symbol takes a finger 20 px from its centre (Corse: no neighbour).
    const corse = shadow(el).querySelector<HTMLElement>('.sdi-symbol-icon[data-region="94"]')!;
    const rect = corse.getBoundingClientRect();
    expect(rect.width).to.be.below(TARGET);
    const hit = shadow(el).elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2 + 20);
    expect(hit === corse || corse.contains(hit), `hit ${hit?.outerHTML.slice(0, 60)}`).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('follows its own width, not the viewport: 800 px wide it shows the buttons', async () => {
    const el = await mapIn(800);
    expect(laidOut(picker(el))).to.be.false;
    expect(laidOut(shadow(el).querySelector('.regions')!)).to.be.true;
    // And folds when its column narrows, without a reload.
    (el.parentElement as HTMLElement).style.width = `${PHONE}px`;
    await waitUntil(() => laidOut(picker(el)), 'did not fold at 375 px');
    expect(laidOut(shadow(el).querySelector('.regions')!)).to.be.false;
    await expect(el).to.be.accessible();
  });
});
