/**
 * The first cards from navigation (issue #14): a list paints its first page from the scope's
 * first-page file while its full file is still on its way, with the count it will keep, and the
 * loader's prefetched index and files are taken by the store instead of being asked for again.
 *
 * The fixture's snapshot is built after the sample edition (nothing to come, so no first page to
 * paint): these tests serve it with an index built "on 1 November", as the builder would have
 * written it then, and first-page files made by the builder's own rule (buildFirstPage).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { FetchLike } from '../../src/feed/http.js';
import { clearPrefetched } from '../../src/feed/prefetch.js';
import { compactEvent } from '../../src/feed/snapshot-expand.js';
import type { SnapshotFileRef, SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { sortEvents } from '../../src/list/sort.js';
import type { SdiEvent } from '../../src/model/types.js';
import { buildFirstPage } from '../../src/store/first-page.js';
import { prefetchData } from '../../src/loader-prefetch.js';
import {
  NOW,
  SNAPSHOT,
  cards,
  clock,
  countOf,
  freshStore,
  loaded,
  sample,
  shadow,
  titles,
  until,
} from '../support/browser/event-list-helpers.js';

const REGION = '84';
/** The browser's own fetch: the prefetch test replaces window.fetch for a moment. */
const realFetch = window.fetch.bind(window);

interface Served {
  fetch: FetchLike;
  asked: string[];
  /** Lets the full event files through (held until then). */
  release: () => void;
}

let realIndex: SnapshotIndex | undefined;

async function indexOf(): Promise<SnapshotIndex> {
  realIndex ??= (await (await realFetch(`${SNAPSHOT}index.json`, { cache: 'no-store' })).json()) as SnapshotIndex;
  return realIndex;
}

/** The fixture's snapshot as built on 1 November: its own files, and first-page files of that day. */
async function servedOnFirstNovember(): Promise<Served> {
  const index = structuredClone(await indexOf());
  const all = (await sample()).events;
  const extra = new Map<string, string>();
  const firstFile = (name: string, events: SdiEvent[]): SnapshotFileRef => {
    const page = buildFirstPage(events, NOW);
    const text = JSON.stringify({
      format: 2,
      events: page.events.map((e) => compactEvent(e, index.agenda.slug)),
      first: page.facts,
    });
    const path = `events/${name}.0123456789abcdef.json`;
    extra.set(`${SNAPSHOT}${path}`, text);
    return { path, count: page.events.length, bytes: text.length };
  };
  index.format = 2;
  index.generatedAt = new Date(NOW).toISOString();
  index.files.first = {
    all: firstFile('first-all', all),
    regions: {
      [REGION]: firstFile(
        `first-region-${REGION}`,
        all.filter((e) => e.location?.regionCode === REGION),
      ),
    },
  };
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  const serve: FetchLike = async (url, init) => {
    asked.push(url);
    if (url === `${SNAPSHOT}index.json`) return new Response(JSON.stringify(index));
    const made = extra.get(url);
    if (made !== undefined) return new Response(made);
    if (/\/events\/(all|region-)/.test(url)) await held;
    return realFetch(url, { ...init, cache: 'no-store' });
  };
  return { fetch: serve, asked, release };
}

async function expectedFirst(region?: string): Promise<{ titles: string[]; total: number }> {
  const events = (await sample()).events.filter((e) => !region || e.location?.regionCode === region);
  const upcoming = events.filter((e) => e.timings[e.timings.length - 1]!.end > NOW);
  const sorted = sortEvents(upcoming, 'date', { lang: 'fr', now: NOW });
  return { titles: sorted.slice(0, 20).map((e) => e.title.fr || e.title.en || ''), total: upcoming.length };
}

describe('first cards from a first-page file', () => {
  for (const region of [undefined, REGION]) {
    it(`paints the ${region ? `region ${region}'s` : 'national'} first page before the full file, with the count it keeps`, async () => {
      const served = await servedOnFirstNovember();
      const expected = await expectedFirst(region);
      const store = freshStore({ fetch: served.fetch });
      const el = await fixture<SdiEventList>(
        region
          ? html`<sdi-event-list src=${SNAPSHOT} region=${region} .now=${clock} .store=${store}></sdi-event-list>`
          : html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`,
      );
      await loaded(el);
      expect(firstPageShown(el)).to.equal(true);
      // The full file is still held: these cards come from the first page.
      expect(served.asked.some((url) => /\/events\/(all|region-)/.test(url))).to.equal(true, 'the full file follows');
      expect(titles(el)).to.deep.equal(expected.titles);
      expect(countOf(el)).to.equal(expected.total);
      const more = shadow(el).querySelector('[part~="more"]');
      expect(more, 'more events to page through').to.not.equal(null);
      served.release();
      await until(el, () => !firstPageShown(el), 'the full file did not replace the first page');
      expect(titles(el)).to.deep.equal(expected.titles, 'the same first cards from the full file');
      expect(countOf(el)).to.equal(expected.total, 'the same count');
    });
  }

  it('waits for the full file when a filter other than the region is set', async () => {
    const served = await servedOnFirstNovember();
    const store = freshStore({ fetch: served.fetch });
    const el = await fixture<SdiEventList>(
      html`<sdi-event-list src=${SNAPSHOT} q="usine" .now=${clock} .store=${store}></sdi-event-list>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cards(el)).to.have.length(0, 'no card before the full file');
    expect(shadow(el).querySelector('[part~="skeleton"]'), 'the loading render keeps the space').to.not.equal(null);
    served.release();
    await loaded(el);
    expect(cards(el).length).to.be.greaterThan(0);
  });
});

/** Whether the list holds first-page data (ListData's own state: nothing on screen tells). */
function firstPageShown(el: SdiEventList): boolean {
  return Boolean((el as unknown as { held: { data?: { first?: unknown } } }).held.data?.first);
}

describe("the loader's prefetch", () => {
  it('asks for the index, then the first pages and points the widgets present need; the store takes them', async () => {
    const served = await servedOnFirstNovember();
    served.release();
    clearPrefetched();
    // A document of its own: the tags are not upgraded there, so no element reads data meanwhile.
    const page = document.implementation.createHTMLDocument('partner');
    page.body.innerHTML =
      `<sdi-event-list src="${SNAPSHOT}"></sdi-event-list><sdi-event-list src="${SNAPSHOT}" region="${REGION}"></sdi-event-list>` +
      `<sdi-event-list src="${SNAPSHOT}" type="1"></sdi-event-list><sdi-region-map src="${SNAPSHOT}"></sdi-region-map>`;
    const original = window.fetch;
    const prefetched: string[] = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      prefetched.push(String(input));
      return served.fetch(String(input), init);
    }) as typeof fetch;
    try {
      prefetchData(page);
      const index = await indexOf();
      await waitUntil(() => prefetched.length === 4, `prefetched ${prefetched.join(', ')}`);
      expect(prefetched.map((url) => url.slice(SNAPSHOT.length)).sort()).to.deep.equal(
        [
          'index.json',
          'events/first-all.0123456789abcdef.json',
          `events/first-region-${REGION}.0123456789abcdef.json`,
          index.files.points.path,
        ].sort(),
      );
    } finally {
      window.fetch = original;
    }
    const asked: string[] = [];
    const store = freshStore({ fetch: (url, init) => (asked.push(url), served.fetch(url, init)) });
    const source = { kind: 'snapshot', src: SNAPSHOT } as const;
    expect((await store.firstEvents(source))?.events.length).to.equal(50);
    expect((await store.firstEvents(source, { region: REGION }))?.events.length).to.be.greaterThan(0);
    await store.points(source);
    expect(asked, 'nothing asked twice').to.deep.equal([]);
    expect(store.requestCount).to.equal(4);
  });
});
