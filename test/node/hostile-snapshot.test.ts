/**
 * A hostile or damaged snapshot (issue #11, items 4, 9 and 12; issue #16, item 4): what an index
 * and a shard may say, and what the reader, the JSON-LD and the calendar file make of it. A
 * snapshot is only as trustworthy as the bucket and the CDN that serve it, so its records are held
 * to the normaliser's rules, its file paths to the snapshot's own folder, and its counts to bounds.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fileUrl,
  readEvents,
  readIndex,
  SnapshotError,
  SnapshotUnavailableError,
  validateIndex,
} from '../../src/feed/snapshot-reader.js';
import { eventToJsonLd } from '../../src/formats/jsonld.js';
import { eventToIcs } from '../../src/formats/ics.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { MAX_TIMINGS_PER_EVENT } from '../../src/model/limits.js';
import type { SdiEvent } from '../../src/model/types.js';
import { SNAPSHOT_FORMAT, type SnapshotFileRef } from '../../src/feed/snapshot-format.js';
import { damagedShardRecords, hostileFilePaths, manyTimings, wellFormedIndex } from '../hostile/snapshot-cases.js';

const BASE = 'https://cdn.example.org/sdi/snapshot/';
const ref = (path: string): SnapshotFileRef => ({ path, count: 1, bytes: 1 });

/** A fetch that answers from a table of bodies, as a CDN would. */
function serve(files: Record<string, { status?: number; body: string; type?: string }>) {
  const asked: string[] = [];
  const fetch = async (input: string): Promise<Response> => {
    asked.push(input);
    const file = files[input];
    if (!file) return new Response('not found', { status: 404 });
    return new Response(file.body, { status: file.status ?? 200, headers: { 'content-type': file.type ?? 'application/json' } });
  };
  return { asked, fetch };
}

describe('hostile snapshot: file paths of the index', () => {
  it('refuses every path that leaves the snapshot folder, however it is spelt', () => {
    for (const path of hostileFilePaths) {
      assert.throws(() => fileUrl(BASE, ref(path)), SnapshotError, JSON.stringify(path));
    }
  });

  it('keeps the paths the builder writes', () => {
    assert.equal(fileUrl(BASE, ref('events/all.3f2a.json')), `${BASE}events/all.3f2a.json`);
    assert.equal(fileUrl(BASE, ref('./points.9c.json')), `${BASE}points.9c.json`);
  });
});

describe('hostile snapshot: the index', () => {
  it('refuses an unbounded total and counts, and reads no table through a prototype', () => {
    assert.throws(() => validateIndex({ ...wellFormedIndex(), total: 1e308 }), SnapshotError);
    const index = validateIndex({
      ...wellFormedIndex(),
      counts: {
        region: { '84': 3, '11': 1e308, '32': -1, '44': 'x' },
        day: {},
        department: {},
        type: {},
        audience: {},
        attendance: {},
      },
    });
    assert.deepEqual({ ...index.counts.region }, { '84': 3 });
    assert.equal(index.counts.region['constructor'], undefined);
    assert.equal(index.counts.department['toString'], undefined);
    assert.equal(index.files.regions['constructor'], undefined);
    assert.equal(index.files.details['__proto__'], undefined);
  });
});

describe('hostile snapshot: shard records', () => {
  async function readShard(events: unknown[]) {
    const { fetch } = serve({ [`${BASE}events/all.json`]: { body: JSON.stringify({ format: SNAPSHOT_FORMAT, events }) } });
    return readEvents(BASE, ref('events/all.json'), { fetch, retries: 0 }, { agenda: { slug: 'semaine-test' } });
  }

  it('holds every field to the normaliser’s rules: types, enums, links, bounds', async () => {
    const { events, dropped } = await readShard(damagedShardRecords());
    const byUid = new Map(events.map((e) => [e.uid, e]));
    assert.equal(dropped, 2, 'a uid of the wrong type and an unsafe-only title are dropped');
    for (const event of events) {
      assert.ok(
        ['scheduled', 'rescheduled', 'moved-online', 'postponed', 'full', 'cancelled'].includes(event.status),
        `${event.uid} status`,
      );
      assert.ok(['onsite', 'online', 'mixed'].includes(event.attendance), `${event.uid} attendance`);
      for (const value of Object.values(event.location ?? {}))
        assert.ok(typeof value === 'string' || typeof value === 'number', `${event.uid} location`);
      for (const url of [event.url, event.onlineUrl, event.image?.url, event.image?.thumbnail]) {
        if (url !== undefined) assert.match(url, /^https?:\/\//, `${event.uid} link ${url}`);
      }
      for (const keyword of event.keywords) assert.equal(typeof keyword, 'string');
      for (const id of [...event.types, ...event.audiences]) assert.ok(Number.isSafeInteger(id) && id > 0);
    }
    assert.equal(byUid.get(9001)?.location?.city, undefined, 'a non-string city is dropped');
    assert.equal(byUid.get(9001)?.location?.name, 'Usine', 'the rest of the venue stays');
    assert.equal(byUid.get(9002)?.status, 'scheduled', '"constructor" is not a status');
    assert.equal(byUid.get(9003)?.onlineUrl, undefined);
    assert.equal(byUid.get(9003)?.image, undefined);
    assert.equal(byUid.get(9004)?.timings.length, MAX_TIMINGS_PER_EVENT);
    assert.equal(byUid.get(9005)?.age, undefined);
    assert.deepEqual(byUid.get(9005)?.title, { fr: 'Titre propre' });
  });

  it('caps the slots the normaliser keeps per event, so the calendar file is bounded too', () => {
    const { events } = normaliseEvents([manyTimings(50_000)], { schema: { types: [], audiences: [] } });
    assert.equal(events[0]?.timings.length, MAX_TIMINGS_PER_EVENT);
    const ics = eventToIcs(events[0]!, { lang: 'fr', now: 0 });
    assert.ok(ics.length < 1_000_000, `${ics.length} bytes`);
  });
});

describe('hostile snapshot: JSON-LD and calendar links', () => {
  const event: SdiEvent = {
    uid: 1,
    slug: 'x',
    url: 'javascript:alert(1)',
    title: { fr: 'Visite' },
    summary: {},
    description: {},
    conditions: {},
    keywords: [],
    timings: [{ begin: Date.parse('2026-11-17T08:00:00Z'), end: Date.parse('2026-11-17T10:00:00Z') }],
    timezone: 'Europe/Paris',
    status: 'constructor' as SdiEvent['status'],
    attendance: 'mixed',
    onlineUrl: 'java\tscript:alert(1)',
    registration: [],
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    image: { url: 'javascript:alert(1)' },
    featured: false,
  };

  it('writes only http(s) links and known statuses into the JSON-LD', () => {
    const json = JSON.stringify(eventToJsonLd(event, 'fr'));
    assert.doesNotMatch(json, /script:/i);
    assert.doesNotMatch(json, /function|native code/);
  });

  it('writes only http(s) links into the calendar file', () => {
    const ics = eventToIcs(event, { lang: 'fr', now: 0, url: 'javascript:alert(2)' });
    assert.doesNotMatch(ics, /script:/i);
  });
});

describe('missing snapshot (issue #16, item 4)', () => {
  const index = `${BASE}index.json`;
  for (const [name, file] of [
    ['a 404', { status: 404, body: 'Not Found', type: 'text/plain' }],
    [
      'a 403 (object storage, missing key)',
      { status: 403, body: '<Error><Code>AccessDenied</Code></Error>', type: 'application/xml' },
    ],
    ['an HTML page with 200', { body: '<!doctype html><html><body>Accueil</body></html>', type: 'text/html' }],
    ['a format this code does not read', { body: JSON.stringify({ ...wellFormedIndex(), format: 99 }) }],
  ] as const) {
    it(`${name} is a SnapshotUnavailableError naming the address, read once`, async () => {
      const { asked, fetch } = serve({ [index]: file });
      await assert.rejects(readIndex(BASE, { fetch, retries: 2, backoffMs: 1 }), (error: unknown) => {
        assert.ok(error instanceof SnapshotUnavailableError, String(error));
        assert.equal(error.url, index);
        return true;
      });
      assert.equal(asked.length, 1, 'not retried');
    });
  }

  it('a network failure stays a network failure', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await assert.rejects(
      readIndex(BASE, { fetch, retries: 0 }),
      (error: unknown) => !(error instanceof SnapshotUnavailableError),
    );
  });
});
