/**
 * The map's counts say which edition they belong to (#13): the edition of the page's one phase,
 * with its dates, and whether its week is ahead, under way or over; data without an edition
 * record is named by its events' dates. The fixture snapshot records the 15th edition, 16–22
 * November 2026; the clock is injected.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/region-map/define.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import { resetPageProgramme } from '../../src/editions/page-programme.js';
import { FeedStore, feedStore } from '../../src/store/feed-store.js';
import type { SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { formatDateRange } from '../../src/i18n/format.js';
import { testControl } from '../support/browser/support.js';

const SNAPSHOT = new URL('/snapshot/', location.href).href;

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

/** Paris wall time of a day in November–March (UTC+1). */
function paris(day: string, time = '12:00'): number {
  return Date.parse(`${day}T${time}:00+01:00`);
}

/** Text as read, spaces of any kind as one. */
function caption(el: SdiRegionMap): string {
  return (shadow(el).querySelector('[part~="caption"]')?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The week as Intl writes it in each engine (« 16–22 novembre 2026 », "16 – 22 November 2026"). */
function week(lang: 'fr' | 'en'): string {
  return formatDateRange('2026-11-16', '2026-11-22', lang).replace(/[\s\u00a0\u202f]+/g, ' ');
}

function plain(n: number, lang: 'fr' | 'en'): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n).replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** A store whose snapshot index is rewritten: no edition record, or days no known week matches. */
function rewritingIndex(rewrite: (index: SnapshotIndex) => SnapshotIndex): FeedStore {
  return new FeedStore({
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!/index\.json(\?|$)/.test(input)) return response;
      const body = rewrite((await response.json()) as SnapshotIndex);
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
}

async function mapAt(
  now: number | (() => number),
  options: { lang?: string; region?: string; store?: FeedStore } = {},
): Promise<SdiRegionMap> {
  const el = document.createElement('sdi-region-map');
  el.setAttribute('src', SNAPSHOT);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.region) el.setAttribute('region', options.region);
  if (options.store) el.store = options.store;
  el.now = typeof now === 'function' ? now : () => now;
  (await fixture(html`<div style="width: 800px"></div>`)).append(el);
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => caption(el) !== '', 'no caption', { timeout: 15000 });
  return el;
}

describe('<sdi-region-map>: the edition the counts belong to', () => {
  let index: SnapshotIndex;

  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
  });

  beforeEach(async () => {
    feedStore.clear();
    resetPageProgramme();
    await testControl.reset();
  });

  it('names the edition and its dates before, during and after its week', async () => {
    const total = plain(index.total, 'fr');
    const before = await mapAt(paris('2026-11-09'));
    expect(caption(before)).to.equal(`15e édition (${week('fr')}) : ${total} événements`);
    // The ordinal's suffix is set in superscript, as the banner sets it.
    expect(shadow(before).querySelector('[part~="caption"] sup')?.textContent).to.equal('e');
    before.remove();

    const during = await mapAt(paris('2026-11-22', '23:59'));
    expect(caption(during)).to.equal(`15e édition, en cours (${week('fr')}) : ${total} événements`);
    during.remove();

    const after = await mapAt(paris('2026-12-07'));
    expect(caption(after)).to.equal(`15e édition (${week('fr')}), terminée : ${total} événements`);
    after.remove();

    // Months later, the page speaks of the next edition: these counts are still the 15th's.
    const later = await mapAt(paris('2027-03-01'));
    expect(caption(later)).to.equal(`15e édition (${week('fr')}), terminée : ${total} événements`);
    await expect(later).to.be.accessible();
  });

  it('turns to « en cours » by itself when the week starts, on a page left open', async () => {
    // A clock that runs, from 4 s before the first day of the week, Paris time.
    const start = paris('2026-11-16', '00:00') - 4000;
    const origin = performance.now();
    const el = await mapAt(() => start + (performance.now() - origin));
    expect(caption(el)).to.equal(`15e édition (${week('fr')}) : ${plain(index.total, 'fr')} événements`);
    await waitUntil(() => caption(el).startsWith('15e édition, en cours'), 'the caption did not turn when the week started', {
      timeout: 8000,
    });
  });

  it("gives the chosen region's figure, and speaks English", async () => {
    const corse = await mapAt(paris('2026-12-07'), { region: '94' });
    await waitUntil(() => caption(corse).includes('Corse'), 'the caption did not name the region');
    expect(caption(corse)).to.equal(
      `15e édition (${week('fr')}), terminée — Corse : ${plain(index.counts.region['94']!, 'fr')} événements`,
    );
    corse.remove();

    const english = await mapAt(paris('2026-12-07'), { lang: 'en' });
    expect(caption(english)).to.equal(`15th edition (${week('en')}), now over: ${plain(index.total, 'en')} events`);
    english.remove();
    const underWay = await mapAt(paris('2026-11-18'), { lang: 'en' });
    expect(caption(underWay)).to.equal(`15th edition, under way (${week('en')}): ${plain(index.total, 'en')} events`);
  });

  it('names data without an edition record by its events, never by the next edition', async () => {
    // Without a record, events in the 2026 week's margin are the 15th edition's.
    const bare = rewritingIndex(({ edition: _dropped, ...rest }) => rest);
    const matched = await mapAt(paris('2026-12-07'), { store: bare });
    expect(caption(matched).startsWith(`15e édition (${week('fr')}), terminée : `)).to.be.true;
    matched.remove();
    resetPageProgramme();

    // A past agenda, 2 to 9 March 2023, matches no week: its dates name it.
    const elsewhen = rewritingIndex(({ edition: _dropped, ...rest }) => ({
      ...rest,
      counts: { ...rest.counts, day: { '2023-03-02': rest.total, '2023-03-09': 1 } },
    }));
    const past = await mapAt(paris('2026-12-07'), { store: elsewhen });
    expect(caption(past)).to.equal(`Programme du 2 au 9 mars 2023, terminé : ${plain(index.total, 'fr')} événements`);
    expect(caption(past)).not.to.match(/édition/);
    past.remove();
    resetPageProgramme();
    const pastEnglish = await mapAt(paris('2026-12-07'), { store: elsewhen, lang: 'en' });
    expect(caption(pastEnglish)).to.equal(`Programme from 2 to 9 March 2023, now over: ${plain(index.total, 'en')} events`);
  });
});
