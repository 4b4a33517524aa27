import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FetchLike } from '../../src/feed/http.js';
import {
  agendaUrl,
  ApiShapeError,
  eventsUrl,
  fetchAgenda,
  fetchEventsPage,
  parseEventsPage,
  readAllEvents,
  type ApiSource,
  type Cursor,
} from '../../src/feed/openagenda-api.js';

interface Seen {
  url: string;
  headers: Record<string, string>;
}

/** A fetch that answers from a function of the URL and records what it was asked. */
function stubFetch(answer: (url: URL, index: number) => unknown): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init) => {
    seen.push({ url: input, headers: { ...(init?.headers as Record<string, string>) } });
    return new Response(JSON.stringify(answer(new URL(input), seen.length - 1)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, seen };
}

/** A paginated agenda of `n` events whose cursor is [uid of the last event]. */
function pagedAgenda(n: number, lastPageCursor: 'null' | 'cursor') {
  return (url: URL) => {
    const size = Number(url.searchParams.get('size'));
    const after = url.searchParams.getAll('after[]').map(Number);
    const start = after.length ? (after[0] ?? 0) : 0;
    const uids = Array.from({ length: Math.max(0, Math.min(size, n - start)) }, (_, i) => start + i + 1);
    const end = start + uids.length;
    const last = end >= n;
    return {
      total: n,
      events: uids.map((uid) => ({ uid })),
      after: last && lastPageCursor === 'null' ? null : uids.length ? [end] : null,
      success: true,
    };
  };
}

const source = (extra: Partial<ApiSource> = {}): ApiSource => ({
  api: 'http://127.0.0.1:9/v2',
  agenda: 42,
  key: 'secret-key',
  retries: 0,
  ...extra,
});

describe('eventsUrl', () => {
  it('asks for full detailed pages by default, without the key', () => {
    const url = eventsUrl({ agenda: '9464342', key: 'k3y' });
    assert.equal(url, 'https://api.openagenda.com/v2/agendas/9464342/events?size=300&detailed=1');
    assert.ok(!url.includes('k3y'));
  });

  it('repeats the cursor and encodes every filter', () => {
    const url = eventsUrl(
      source(),
      {
        size: 50,
        relative: ['current', 'upcoming'],
        from: '2026-11-16T00:00:00+01:00',
        to: '2026-11-22T23:59:59+01:00',
        search: 'visite & usine',
        region: ['Auvergne-Rhône-Alpes'],
        department: ["Côte-d'Or"],
        custom: { 'type-de-public': [11, 12] },
        includeFields: ['uid', 'location.city'],
      },
      [0, 1763280000000, 'x y'],
    );
    const u = new URL(url);
    assert.equal(u.pathname, '/v2/agendas/42/events');
    assert.equal(u.searchParams.get('size'), '50');
    assert.deepEqual(u.searchParams.getAll('after[]'), ['0', '1763280000000', 'x y']);
    assert.deepEqual(u.searchParams.getAll('relative[]'), ['current', 'upcoming']);
    assert.equal(u.searchParams.get('timings[gte]'), '2026-11-16T00:00:00+01:00');
    assert.equal(u.searchParams.get('timings[lte]'), '2026-11-22T23:59:59+01:00');
    assert.equal(u.searchParams.get('search'), 'visite & usine');
    assert.deepEqual(u.searchParams.getAll('adminLevel1[]'), ['Auvergne-Rhône-Alpes']);
    assert.deepEqual(u.searchParams.getAll('adminLevel2[]'), ["Côte-d'Or"]);
    assert.deepEqual(u.searchParams.getAll('type-de-public[]'), ['11', '12']);
    assert.deepEqual(u.searchParams.getAll('includeFields[]'), ['uid', 'location.city']);
    // Brackets stay literal so the URLs read well in logs.
    assert.match(url, /after\[\]=0&after\[\]=1763280000000/);
  });

  it('caps the page size at 300 and refuses nonsense', () => {
    assert.match(eventsUrl(source(), { size: 1000 }), /size=300/);
    assert.throws(() => eventsUrl(source(), { size: 0 }), RangeError);
    assert.throws(() => eventsUrl(source(), { size: 2.5 }), RangeError);
  });

  it('omits detailed when asked to', () => {
    assert.doesNotMatch(eventsUrl(source(), { detailed: false }), /detailed/);
  });

  it('refuses an agenda uid that is not digits', () => {
    for (const bad of ['1/../2', '12?key=x', '', ' ', '12a', '-1', '1e5', '../admin']) {
      assert.throws(() => eventsUrl(source({ agenda: bad })), TypeError, bad);
    }
    assert.throws(() => eventsUrl(source({ agenda: 1.5 })), TypeError);
    assert.throws(() => agendaUrl(source({ agenda: 'x' })), TypeError);
  });

  it('refuses a base that is not http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x/v2', 'not a url', 'https://x/v2?key=1']) {
      assert.throws(() => eventsUrl(source({ api: bad })), TypeError, bad);
    }
    assert.equal(agendaUrl(source({ api: 'http://localhost:3000/v2/' })), 'http://localhost:3000/v2/agendas/42?detailed=1');
  });

  it('refuses custom field codes that could hijack another parameter', () => {
    for (const bad of ['key', 'after', 'a&b', 'x[y]', 'size']) {
      assert.throws(() => eventsUrl(source(), { custom: { [bad]: [1] } }), TypeError, bad);
    }
  });
});

describe('parseEventsPage', () => {
  it('accepts the documented shape', () => {
    assert.deepEqual(parseEventsPage({ total: 1, events: [{ uid: 1 }], after: [1, 'a'], sort: 'x' }), {
      total: 1,
      events: [{ uid: 1 }],
      after: [1, 'a'],
    });
    assert.equal(parseEventsPage({ total: 0, events: [], after: null }).after, null);
  });

  it('refuses anything else with a clear error', () => {
    const bad: unknown[] = [
      null,
      [],
      'text',
      { events: [] },
      { total: '3', events: [] },
      { total: -1, events: [] },
      { total: 1, events: {} },
      { total: 1, events: [], after: 'x' },
      { total: 1, events: [], after: [{}] },
    ];
    for (const body of bad) assert.throws(() => parseEventsPage(body), ApiShapeError, JSON.stringify(body));
  });
});

describe('requests', () => {
  it('sends the key as a header only', async () => {
    const { fetch, seen } = stubFetch(() => ({ uid: 42, slug: 'a' }));
    assert.deepEqual(await fetchAgenda(source({ fetch })), { uid: 42, slug: 'a' });
    assert.equal(seen[0]?.headers.key, 'secret-key');
    assert.ok(!seen[0]?.url.includes('secret'));
  });

  it('sends no key header without a key', async () => {
    const { fetch, seen } = stubFetch(() => ({ total: 0, events: [], after: null }));
    await fetchEventsPage(source({ fetch, key: undefined }));
    assert.equal(seen[0]?.headers.key, undefined);
  });

  it('refuses an agenda body that is not an object', async () => {
    const { fetch } = stubFetch(() => [1, 2]);
    await assert.rejects(fetchAgenda(source({ fetch })), ApiShapeError);
  });
});

describe('readAllEvents', () => {
  it('follows the cursor to a null after', async () => {
    const { fetch, seen } = stubFetch(pagedAgenda(700, 'null'));
    const pages: number[] = [];
    const result = await readAllEvents(source({ fetch }), {}, (p) => pages.push(p.pageIndex));
    assert.equal(result.events.length, 700);
    assert.equal(result.total, 700);
    assert.equal(result.pages, 3);
    assert.deepEqual(pages, [0, 1, 2]);
    assert.equal(seen.length, 3);
    assert.doesNotMatch(seen[0]?.url ?? '', /after/);
    assert.match(seen[1]?.url ?? '', /after\[\]=300/);
  });

  it('asks once more after a short last page that still carries a cursor (#11.6: total is not trusted)', async () => {
    const { fetch, seen } = stubFetch(pagedAgenda(650, 'cursor'));
    const result = await readAllEvents(source({ fetch }));
    assert.equal(result.events.length, 650);
    assert.equal(seen.length, 4);
  });

  it('reads on past a lying total with short pages, to the end of the cursor (#11.6)', async () => {
    // 8,000 events served 50 at a time with `total: 50`: the old read stopped after one page.
    const { fetch } = stubFetch((url) => {
      const after = url.searchParams.getAll('after[]').map(Number);
      const start = after[0] ?? 0;
      const uids = Array.from({ length: Math.max(0, Math.min(50, 8000 - start)) }, (_, i) => start + i + 1);
      return { total: 50, events: uids.map((uid) => ({ uid })), after: uids.length ? [start + uids.length] : null };
    });
    const result = await readAllEvents(source({ fetch }), {}, undefined, { maxPages: 1000 });
    assert.equal(result.events.length, 8000);
    assert.equal(result.pages, 161);
  });

  it('refuses a page holding more events than asked, without blowing the stack (#11.13)', async () => {
    const huge = { total: 250_000, events: Array.from({ length: 250_000 }, (_, uid) => ({ uid })), after: null };
    const { fetch } = stubFetch(() => huge);
    await assert.rejects(readAllEvents(source({ fetch })), (error: unknown) => {
      assert.ok(error instanceof ApiShapeError, String(error));
      assert.match(error.message, /250000 events in a page of 300/);
      return true;
    });
  });

  it('asks once more after a full last page with a cursor', async () => {
    const { fetch, seen } = stubFetch(pagedAgenda(600, 'cursor'));
    const result = await readAllEvents(source({ fetch }));
    assert.equal(result.events.length, 600);
    assert.equal(seen.length, 3);
  });

  it('does not trust a total lower than what full pages bring', async () => {
    // A search engine may cap `total`; full pages keep the read going.
    const paged = pagedAgenda(900, 'null');
    const { fetch } = stubFetch((url, i) => ({ ...(paged(url) as object), total: i === 0 ? 300 : 900 }));
    assert.equal((await readAllEvents(source({ fetch }))).events.length, 900);
  });

  it('stops on a cursor that does not advance', async () => {
    const { fetch, seen } = stubFetch(() => ({ total: 1000, events: [{ uid: 1 }], after: [7] }));
    await assert.rejects(readAllEvents(source({ fetch }), { size: 1 }), /cursor repeats/);
    assert.equal(seen.length, 2);
  });

  it('stops on a cursor that cycles', async () => {
    const cursors: Cursor[] = [[1], [2], [1]];
    const { fetch } = stubFetch((_, i) => ({ total: 1000, events: [{ uid: i }], after: cursors[i % 3] }));
    await assert.rejects(readAllEvents(source({ fetch }), { size: 1 }), /cursor repeats/);
  });

  it('stops after the maximum page count', async () => {
    const { fetch, seen } = stubFetch((_, i) => ({ total: 1e6, events: [{ uid: i }], after: [i] }));
    await assert.rejects(readAllEvents(source({ fetch }), { size: 1 }, undefined, { maxPages: 5 }), /5 pages/);
    assert.equal(seen.length, 5);
  });

  it('refuses a page of the wrong shape', async () => {
    const { fetch } = stubFetch(() => ({ items: [] }));
    await assert.rejects(readAllEvents(source({ fetch })), ApiShapeError);
  });
});
