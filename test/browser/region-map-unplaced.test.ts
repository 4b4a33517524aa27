/**
 * The map's note on events it cannot place (« N événements en ligne ou sans lieu précis ne
 * figurent pas sur la carte ») speaks of the selection shown: with Corse chosen, Corse's events
 * without a place, not the 400 online events of the whole of France.
 *
 * The sample edition places every event that has a region; a store whose fetch drops the
 * coordinates of some of Corse's events gives Corse unplaced events of its own, so the figure
 * checked is not zero by construction.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/region-map/define.js';
import '../../src/elements/event-list/define.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import { FeedStore, feedStore } from '../../src/store/feed-store.js';
import type { SnapshotEventsFile, SnapshotIndex, SnapshotPointsFile } from '../../src/feed/snapshot-format.js';
import { testControl } from '../support/browser/support.js';
import { mapSettled } from '../support/browser/map-support.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;
const CORSE = '94';

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

/** The figure of the note, or undefined when there is no note. */
function unplacedNote(el: SdiRegionMap): number | undefined {
  const note = [...shadow(el).querySelectorAll('[part~="status"] p')].find((p) =>
    /sur la carte|on the map/.test(p.textContent ?? ''),
  );
  if (!note || /Aucun|No event/.test(note.textContent ?? '')) return undefined;
  return Number((note.textContent ?? '').replace(/\u202f|\u00a0|\s/g, '').match(/^\d+/)?.[0]);
}

function regionButton(el: SdiRegionMap, code: string): HTMLButtonElement {
  const found = shadow(el).querySelector<HTMLButtonElement>(`[part~="region-button"][data-region="${code}"]`);
  if (!found) throw new Error(`no button for region ${code}`);
  return found;
}

/** Corse events (every other one) whose coordinates the store never sees. */
function unplacing(uids: ReadonlySet<number>): FeedStore {
  return new FeedStore({
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!/\.json(\?|$)/.test(input) || /index\.json/.test(input)) return response;
      const body = (await response.json()) as Partial<SnapshotPointsFile & SnapshotEventsFile>;
      if (Array.isArray(body.points)) {
        const kept: (number | string)[] = [];
        for (let i = 0; i + 3 < body.points.length; i += 4) {
          if (!uids.has(body.points[i] as number)) kept.push(...body.points.slice(i, i + 4));
        }
        body.points = kept;
      }
      if (Array.isArray(body.events)) {
        for (const event of body.events) {
          if (uids.has(event.uid) && event.location) {
            delete event.location.lat;
            delete event.location.lng;
          }
        }
      }
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    },
  });
}

describe('<sdi-region-map>: the note on events not on the map', () => {
  let index: SnapshotIndex;
  let corseUids: number[];

  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
    const corse = await feedStore.events({ kind: 'snapshot', src: SNAPSHOT }, { region: CORSE });
    corseUids = corse.events.filter((_, i) => i % 2 === 0).map((e) => e.uid);
  });

  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  it("counts the chosen region's own events without a place, not the whole of France's", async () => {
    const el = document.createElement('sdi-region-map');
    el.setAttribute('src', '/snapshot/');
    el.store = unplacing(new Set(corseUids));
    (await fixture(html`<div></div>`)).append(el);
    await ready(el);
    // Nationally: the events of no region (online), as the snapshot counts them.
    expect(unplacedNote(el)).to.equal(index.counts.region.none);
    regionButton(el, CORSE).click();
    await el.updateComplete;
    expect(corseUids.length).to.be.above(2);
    expect(unplacedNote(el), 'Corse selected').to.equal(corseUids.length);
    // Back to the whole of France.
    regionButton(el, CORSE).click();
    await el.updateComplete;
    expect(unplacedNote(el)).to.equal(index.counts.region.none);
  });

  it('says nothing of unplaced events when the region chosen has none', async () => {
    const el = await fixture<SdiRegionMap>(html`<sdi-region-map src="/snapshot/" region="Corse"></sdi-region-map>`);
    await ready(el);
    expect(index.counts.region.none).to.be.above(0);
    expect(unplacedNote(el)).to.equal(undefined);
  });

  it('follows the filters of the group: the region and the type the list chose', async () => {
    const store = unplacing(new Set(corseUids));
    const el = document.createElement('sdi-region-map');
    const list = document.createElement('sdi-event-list');
    for (const widget of [el, list]) {
      widget.setAttribute('src', SNAPSHOT);
      widget.setAttribute('group', 'notes');
      widget.store = store;
    }
    list.setAttribute('page-size', '3');
    (await fixture(html`<div></div>`)).append(el, list);
    await ready(el);
    list.setFilters({ region: CORSE, types: [1] });
    await waitUntil(() => regionButton(el, CORSE).getAttribute('aria-pressed') === 'true', 'the map did not follow the list');
    const corse = await store.events({ kind: 'snapshot', src: SNAPSHOT }, { region: CORSE });
    const expected = corse.events.filter((e) => e.types.includes(1) && e.location?.lat === undefined).length;
    await waitUntil(() => unplacedNote(el) === (expected > 0 ? expected : undefined), `note should say ${expected}`, {
      timeout: 10000,
    });
  });
});
