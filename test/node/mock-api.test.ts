import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import {
  createMockApi,
  startMockServer,
  type JsonObject,
  type MockAgenda,
  type MockApi,
  type MockServer,
} from '../../tools/mock-api/mock-api.js';
import { mockApiMiddleware, type KoaLikeContext } from '../../tools/mock-api/koa.js';

/** items[index], failing the test with a clear message when it is not there. */
function nth<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`${what}[${index}] is missing (length ${items.length})`);
  return item;
}

// ---------------------------------------------------------------------------------------------
// A small synthetic agenda shaped like the recorded detailed records (OpenAgenda v2), frozen at
// NOW so relative filters and nextTiming are deterministic.

const NOW = Date.parse('2026-03-20T12:00:00+01:00');
const AGENDA_UID = '4242';
const KEY = 'test-key';

interface Place {
  name: string;
  region: string;
  department: string;
  city: string;
  latitude: number;
  longitude: number;
}

function place(name: string, region: string, department: string, city: string, ...at: number[]) {
  const [latitude, longitude] = at;
  return { name, region, department, city, latitude, longitude };
}

const PLACES = [
  place('Usine Renault', 'Normandie', 'Calvados', 'Caen', 49.18, -0.37),
  place('Atelier Lumière', 'Île-de-France', 'Paris', 'Paris', 48.86, 2.35),
  place('Pôle Chimie', 'Auvergne-Rhône-Alpes', 'Rhône', 'Lyon', 45.76, 4.84),
  place('Filature du Nord', 'Hauts-de-France', 'Nord', 'Lille', 50.63, 3.06),
];
const AGENDA_TITLE = 'Semaine de l’industrie (test)';

function iso(day: number, hour: number): string {
  return `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+0100`;
}

/** Passed (days 2-10), current (one slot passed, one upcoming) and upcoming (days 21-30). */
function timingsFor(i: number): { begin: string; end: string }[] {
  const kind = i % 3;
  if (kind === 0) return [{ begin: iso(2 + (i % 9), 9), end: iso(2 + (i % 9), 11) }];
  if (kind === 1) {
    return [
      { begin: iso(18, 9), end: iso(18, 11) },
      { begin: iso(21 + (i % 8), 14), end: iso(21 + (i % 8), 16) },
    ];
  }
  return [{ begin: iso(21 + (i % 9), 10), end: iso(21 + (i % 9), 12) }];
}

const UPDATED_BASE = Date.parse('2026-02-01T00:00:00Z');

function eventFor(i: number): JsonObject {
  const timings = timingsFor(i);
  const where = nth(PLACES, i % PLACES.length, 'PLACES');
  const online = i === 7;
  // Older records only carry region/department/city, newer ones adminLevelN too.
  const legacyOnly = i % 5 === 0;
  const location = online
    ? null
    : {
        uid: 900 + (i % PLACES.length),
        name: where.name,
        address: `${i} rue de l'Industrie, ${where.city}`,
        postalCode: '00000',
        city: where.city,
        insee: '00000',
        countryCode: 'FR',
        latitude: where.latitude,
        longitude: where.longitude,
        timezone: 'Europe/Paris',
        region: where.region,
        department: where.department,
        ...(legacyOnly ? {} : { adminLevel1: where.region, adminLevel2: where.department, adminLevel4: where.city }),
      };
  return {
    uid: 70000 + ((i * 37) % 101) * 10 + i,
    slug: `evenement-${i}`,
    title: i === 11 ? { fr: "Découverte de l'Aéronautique" } : { fr: `Visite d'usine ${i}`, en: `Factory tour ${i}` },
    description: { fr: `Description courte ${i}`, en: `Short description ${i}` },
    longDescription: { fr: i === 4 ? 'Un atelier sur la **métallurgie**.' : `Texte long ${i}` },
    keywords: { fr: ['industrie', i % 2 ? 'robotique' : 'chimie'] },
    conditions: { fr: 'Gratuit' },
    image: null,
    imageCredits: null,
    featured: i === 5 || i === 20,
    status: i % 10 === 9 ? 6 : 1,
    attendanceMode: online ? 2 : i === 8 ? 3 : 1,
    onlineAccessLink: online || i === 8 ? 'https://example.org/live' : null,
    timezone: 'Europe/Paris',
    dateRange: { fr: `Date ${i}`, en: `Date ${i}` },
    timings,
    firstTiming: timings[0],
    lastTiming: timings[timings.length - 1],
    // Stale on purpose: recorded long ago, the mock must recompute it for NOW.
    nextTiming: timings[0],
    location,
    registration: [{ type: 'link', value: 'https://example.org/inscription' }],
    accessibility: { hi: i % 4 === 0, vi: false, pi: false, mi: i % 6 === 0, ii: false },
    age: { min: null, max: null },
    originAgenda: { uid: Number(AGENDA_UID), title: AGENDA_TITLE, image: null, slug: 'sdi' },
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: new Date(UPDATED_BASE + ((i * 7919) % 40) * 3_600_000).toISOString(),
    member: { name: 'Personne Privée', email: 'prive@example.org' },
    'types-devenement': (i % 3) + 1,
    'type-de-public': i % 4 === 0 ? [10, 12] : [10 + (i % 2)],
  };
}

const EVENT_COUNT = 40;
const EVENTS = Array.from({ length: EVENT_COUNT }, (_, i) => eventFor(i));

const CONFIG: JsonObject = {
  uid: Number(AGENDA_UID),
  slug: 'semaine-industrie-test',
  title: AGENDA_TITLE,
  summary: { publishedEvents: { passed: 10, current: 10, upcoming: 20 } },
  schema: {
    fields: [
      { field: 'title', fieldType: 'text', schemaType: 'event' },
      {
        field: 'types-devenement',
        fieldType: 'radio',
        schemaType: 'agenda',
        label: { fr: "Types d'événement" },
        options: [
          { id: 1, value: 'visite', label: { fr: 'Visite', en: 'Tour' } },
          { id: 2, value: 'atelier', label: { fr: 'Atelier', en: 'Workshop' } },
          { id: 3, value: 'conference', label: { fr: 'Conférence' } },
        ],
      },
      {
        field: 'type-de-public',
        fieldType: 'checkbox',
        schemaType: 'agenda',
        label: { fr: 'Type de public' },
        options: [
          { id: 10, value: 'scolaire', label: { fr: 'Scolaire', en: 'Schools' } },
          { id: 11, value: 'tout-public', label: { fr: 'Tout public', en: 'Everyone' } },
          { id: 12, value: 'demandeurs', label: { fr: "Demandeurs d'emploi", en: 'Jobseekers' } },
        ],
      },
    ],
  },
};

const AGENDA: MockAgenda = { config: CONFIG, events: EVENTS };

// ---------------------------------------------------------------------------------------------
// Helpers

interface ListBody {
  total: number;
  events: JsonObject[];
  after: (number | string)[] | null;
  sort: string;
  success: boolean;
}

interface ErrorBody {
  message: string;
  info: JsonObject;
}

let api: MockApi;
let server: MockServer;

function eventsUrl(query = '', agenda = AGENDA_UID): string {
  return `${server.apiBase}/agendas/${agenda}/events${query ? `?${query}` : ''}`;
}

async function get(url: string, key: string | null = KEY): Promise<Response> {
  return fetch(url, { headers: key === null ? {} : { key } });
}

async function getJson<T>(url: string): Promise<T> {
  return (await (await get(url)).json()) as T;
}

/** The stored event's location, typed for the assertions. */
function placeOf(event: JsonObject): Partial<Place> {
  return (event.location as Place | null) ?? {};
}

async function list(query = ''): Promise<ListBody> {
  const response = await get(eventsUrl(query));
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as ListBody;
}

function afterQuery(cursor: (number | string)[]): string {
  return cursor.map((value) => `after[]=${encodeURIComponent(String(value))}`).join('&');
}

/** Follows the cursor to the end, as a client does. */
async function readAll(query: string): Promise<{ pages: ListBody[]; uids: number[] }> {
  const pages: ListBody[] = [];
  let cursor: (number | string)[] | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const parts = [query, cursor ? afterQuery(cursor) : ''].filter(Boolean);
    const page = await list(parts.join('&'));
    pages.push(page);
    cursor = page.after;
    if (!cursor) break;
  }
  return { pages, uids: pages.flatMap((page) => page.events.map((event) => Number(event.uid))) };
}

function uidsOf(body: ListBody): number[] {
  return body.events.map((event) => Number(event.uid));
}

function rawOf(uid: number): JsonObject {
  const found = EVENTS.find((event) => event.uid === uid);
  assert.ok(found, `no event ${uid}`);
  return found;
}

const begin = (timing: unknown): number => Date.parse((timing as { begin: string }).begin);
const end = (timing: unknown): number => Date.parse((timing as { end: string }).end);

function timingsOf(uid: number): { begin: number; end: number }[] {
  return (rawOf(uid).timings as { begin: string; end: string }[]).map((t) => ({
    begin: Date.parse(t.begin),
    end: Date.parse(t.end),
  }));
}

function relativeOf(uid: number): 'passed' | 'current' | 'upcoming' {
  const slots = timingsOf(uid);
  if (Math.max(...slots.map((s) => s.end)) <= NOW) return 'passed';
  if (Math.min(...slots.map((s) => s.begin)) > NOW) return 'upcoming';
  return 'current';
}

before(async () => {
  api = createMockApi({ agendas: { [AGENDA_UID]: AGENDA }, now: () => NOW });
  server = await startMockServer(api, 0);
});

after(async () => {
  await server.close();
});

beforeEach(() => api.reset());

// ---------------------------------------------------------------------------------------------

describe('pagination', () => {
  test('following after[] reads every event exactly once, in the single-page order', async () => {
    const { pages, uids } = await readAll('size=7');
    assert.equal(uids.length, EVENT_COUNT);
    assert.equal(new Set(uids).size, EVENT_COUNT);
    assert.deepEqual(
      pages.map((page) => page.events.length),
      [7, 7, 7, 7, 7, 5],
    );
    for (const page of pages) {
      assert.equal(page.total, EVENT_COUNT);
      assert.equal(page.sort, 'timingsWithFeatured.asc');
      assert.equal(page.success, true);
    }
    assert.equal(pages.at(-1)?.after, null);
    const whole = await list('size=300');
    assert.deepEqual(uidsOf(whole), uids);
    assert.equal(whole.after, null);
  });

  test('the cursor is the sort key of the last event, shaped like the recordings', async () => {
    const page = await list('size=3');
    const last = nth(page.events, 2, 'page.events');
    assert.ok(Array.isArray(page.after));
    const [featured, next, lastEnd, uid] = page.after;
    assert.equal(page.after.length, 4);
    assert.ok(featured === 0 || featured === 1);
    assert.equal(uid, last.uid);
    assert.equal(next, begin(last.nextTiming));
    assert.equal(lastEnd, end(last.lastTiming));
  });

  test('default order: featured, then by next timing, then passed (latest first)', async () => {
    const { uids } = await readAll('size=300');
    const featured = uids.filter((uid) => rawOf(uid).featured === true);
    assert.deepEqual(uids.slice(0, featured.length), featured);
    const rest = uids.slice(featured.length);
    const live = rest.filter((uid) => relativeOf(uid) !== 'passed');
    const passed = rest.filter((uid) => relativeOf(uid) === 'passed');
    assert.deepEqual(rest, [...live, ...passed]);
    const nextBegin = (uid: number) => timingsOf(uid).find((slot) => slot.end > NOW)?.begin ?? 0;
    for (let i = 1; i < live.length; i++) {
      assert.ok(nextBegin(nth(live, i - 1, 'live')) <= nextBegin(nth(live, i, 'live')));
    }
    const lastEnd = (uid: number) => Math.max(...timingsOf(uid).map((slot) => slot.end));
    for (let i = 1; i < passed.length; i++) {
      assert.ok(lastEnd(nth(passed, i - 1, 'passed')) >= lastEnd(nth(passed, i, 'passed')));
    }
  });

  test('after as after[0]=, after= and zero-padded strings is the same cursor', async () => {
    const first = await list('size=5');
    assert.ok(first.after);
    const expected = uidsOf(await list(`size=5&${afterQuery(first.after)}`));
    const indexed = first.after.map((v, i) => `after[${i}]=${v}`).join('&');
    assert.deepEqual(uidsOf(await list(`size=5&${indexed}`)), expected);
    const plain = first.after.map((v) => `after=${v}`).join('&');
    assert.deepEqual(uidsOf(await list(`size=5&${plain}`)), expected);
    const padded = first.after.map((v) => `after[]=${String(v).padStart(15, '0')}`).join('&');
    assert.deepEqual(uidsOf(await list(`size=5&${padded}`)), expected);
  });

  test('a cursor that does not fit the sort is a 400', async () => {
    const response = await get(eventsUrl('after[]=1&after[]=2'));
    assert.equal(response.status, 400);
    const body = (await response.json()) as ErrorBody;
    assert.equal(typeof body.message, 'string');
  });

  test('size defaults to 20, accepts 300, rejects 301 and garbage with a 400', async () => {
    assert.equal((await list()).events.length, 20);
    assert.equal((await list('size=300')).events.length, EVENT_COUNT);
    for (const size of ['301', '1000', 'abc', '-1']) {
      const response = await get(eventsUrl(`size=${size}`));
      assert.equal(response.status, 400, size);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json; charset=utf-8/);
      const body = (await response.json()) as ErrorBody;
      assert.equal(typeof body.message, 'string');
      assert.equal(body.info.field, 'size');
    }
  });

  test('size=0 gives the total only', async () => {
    const body = await list('size=0');
    assert.equal(body.total, EVENT_COUNT);
    assert.deepEqual(body.events, []);
    assert.equal(body.after, null);
  });

  // The 2022 recordings: a last full page still with a cursor, then an empty one.
  test('trailingCursor reproduces the older end of a read', async () => {
    // A Map of agendas works as well as a record.
    const oldApi = createMockApi({
      agendas: new Map([[AGENDA_UID, AGENDA]]),
      now: () => NOW,
      trailingCursor: true,
    });
    const oldServer = await startMockServer(oldApi);
    try {
      const url = `${oldServer.apiBase}/agendas/${AGENDA_UID}/events?size=300`;
      const full = await getJson<ListBody>(url);
      assert.equal(full.events.length, EVENT_COUNT);
      assert.ok(full.after);
      const empty = await getJson<ListBody>(`${url}&${afterQuery(full.after)}`);
      assert.deepEqual(empty.events, []);
      assert.equal(empty.after, null);
      assert.equal(empty.total, EVENT_COUNT);
    } finally {
      await oldServer.close();
    }
  });

  test('from is an offset into the same order', async () => {
    const all = uidsOf(await list('size=300'));
    assert.deepEqual(uidsOf(await list('size=5&from=10')), all.slice(10, 15));
  });
});

describe('sorts', () => {
  test('timings.asc ignores featured', async () => {
    const uids = uidsOf(await list('size=300&sort=timings.asc'));
    const body = await list('size=1&sort=timings.asc');
    assert.equal(body.sort, 'timings.asc');
    assert.equal(body.after?.length, 3);
    const nextBegin = (uid: number) => timingsOf(uid).find((slot) => slot.end > NOW)?.begin;
    const live = uids.filter((uid) => nextBegin(uid) !== undefined);
    for (let i = 1; i < live.length; i++) {
      assert.ok((nextBegin(nth(live, i - 1, 'live')) ?? 0) <= (nextBegin(nth(live, i, 'live')) ?? 0));
    }
  });

  test('lastTiming.asc orders live events by their last timing', async () => {
    const uids = uidsOf(await list('size=300&sort=lastTiming.asc'));
    const lastEnd = (uid: number) => Math.max(...timingsOf(uid).map((slot) => slot.end));
    const live = uids.filter((uid) => relativeOf(uid) !== 'passed');
    for (let i = 1; i < live.length; i++) {
      assert.ok(lastEnd(nth(live, i - 1, 'live')) <= lastEnd(nth(live, i, 'live')));
    }
    for (const uid of uids.slice(live.length)) assert.equal(relativeOf(uid), 'passed');
  });

  test('updatedAt.desc pages through newest first', async () => {
    const { uids } = await readAll('size=6&sort=updatedAt.desc');
    assert.equal(uids.length, EVENT_COUNT);
    const updated = uids.map((uid) => Date.parse(rawOf(uid).updatedAt as string));
    for (let i = 1; i < updated.length; i++) {
      assert.ok(nth(updated, i - 1, 'updated') >= nth(updated, i, 'updated'));
    }
  });

  test('an unknown sort is a 400', async () => {
    assert.equal((await get(eventsUrl('sort=title.asc'))).status, 400);
  });
});

describe('filters', () => {
  async function filtered(query: string): Promise<number[]> {
    const body = await list(`size=300&${query}`);
    assert.equal(body.total, body.events.length);
    return uidsOf(body).sort((a, b) => a - b);
  }

  function expected(predicate: (event: JsonObject) => boolean): number[] {
    return EVENTS.filter(predicate)
      .map((event) => Number(event.uid))
      .sort((a, b) => a - b);
  }

  test('relative[] against the injected clock', async () => {
    for (const relative of ['passed', 'current', 'upcoming'] as const) {
      const uids = await filtered(`relative[]=${relative}`);
      assert.ok(uids.length > 0, relative);
      assert.deepEqual(
        uids,
        expected((e) => relativeOf(Number(e.uid)) === relative),
      );
    }
    const live = await filtered('relative[]=current&relative[]=upcoming');
    assert.deepEqual(
      live,
      expected((e) => relativeOf(Number(e.uid)) !== 'passed'),
    );
    assert.equal((await get(eventsUrl('relative[]=soon'))).status, 400);
  });

  test('timings[gte] and timings[lte] keep events with an overlapping timing', async () => {
    const gte = '2026-03-24T00:00:00+01:00';
    const lte = '2026-03-25T23:59:59+01:00';
    const range = [`timings[gte]=${encodeURIComponent(gte)}`, `timings[lte]=${encodeURIComponent(lte)}`];
    const uids = await filtered(range.join('&'));
    assert.ok(uids.length > 0);
    const overlaps = (t: { begin: number; end: number }) => t.end >= Date.parse(gte) && t.begin <= Date.parse(lte);
    assert.deepEqual(
      uids,
      expected((e) => timingsOf(Number(e.uid)).some(overlaps)),
    );
    assert.equal((await get(eventsUrl('timings[gte]=not-a-date'))).status, 400);
  });

  test('search ignores case and accents, in titles, descriptions, keywords, place', async () => {
    assert.deepEqual(await filtered('search=AERONAUTIQUE'), [Number(nth(EVENTS, 11, 'EVENTS').uid)]);
    assert.deepEqual(await filtered('search=metallurgie'), [Number(nth(EVENTS, 4, 'EVENTS').uid)]);
    assert.deepEqual(
      await filtered('search=robotique'),
      expected((e) => JSON.stringify(e.keywords).includes('robotique')),
    );
    assert.deepEqual(
      await filtered(`search=${encodeURIComponent('pole chimie')}`),
      expected((e) => placeOf(e).name === 'Pôle Chimie'),
    );
    assert.deepEqual(await filtered('search=introuvable'), []);
  });

  test('uid[] and keyword[] (keywords combine with AND)', async () => {
    const picked = [Number(nth(EVENTS, 3, 'EVENTS').uid), Number(nth(EVENTS, 9, 'EVENTS').uid)].sort((a, b) => a - b);
    assert.deepEqual(await filtered(`uid[]=${picked[0]}&uid[]=${picked[1]}`), picked);
    assert.deepEqual(
      await filtered('keyword[]=Robotique'),
      expected((e) => JSON.stringify(e.keywords).includes('robotique')),
    );
    assert.deepEqual(await filtered('keyword[]=robotique&keyword[]=chimie'), []);
  });

  test('status[] and attendanceMode[] / attendanceMode=', async () => {
    assert.deepEqual(
      await filtered('status[]=6'),
      expected((e) => e.status === 6),
    );
    assert.deepEqual(await filtered('attendanceMode[]=2'), [Number(nth(EVENTS, 7, 'EVENTS').uid)]);
    assert.deepEqual(await filtered('attendanceMode=3'), [Number(nth(EVENTS, 8, 'EVENTS').uid)]);
    assert.deepEqual(
      await filtered('attendanceMode[]=2&attendanceMode[]=3'),
      [Number(nth(EVENTS, 7, 'EVENTS').uid), Number(nth(EVENTS, 8, 'EVENTS').uid)].sort((a, b) => a - b),
    );
  });

  test('region, department and city by name, in both spellings, any case or accent', async () => {
    const idf = expected((e) => placeOf(e).region === 'Île-de-France');
    assert.ok(idf.length > 0);
    assert.deepEqual(await filtered('adminLevel1[]=ile-de-france'), idf);
    assert.deepEqual(await filtered(`region[]=${encodeURIComponent('ÎLE-DE-FRANCE')}`), idf);
    assert.deepEqual(
      await filtered(`adminLevel2[]=${encodeURIComponent('rhone')}`),
      expected((e) => placeOf(e).department === 'Rhône'),
    );
    assert.deepEqual(
      await filtered('department[]=Calvados&department[]=Nord'),
      expected((e) => ['Calvados', 'Nord'].includes(placeOf(e).department ?? '')),
    );
    assert.deepEqual(
      await filtered('adminLevel4[]=lille'),
      expected((e) => placeOf(e).city === 'Lille'),
    );
    assert.deepEqual(await filtered('city[]=Lyon'), await filtered('adminLevel4[]=LYON'));
    // Names match whole, not as substrings.
    assert.deepEqual(await filtered('adminLevel1[]=France'), []);
  });

  test('geo bounding box', async () => {
    const box = ['geo[northEast][lat]=49.5', 'geo[northEast][lng]=3', 'geo[southWest][lat]=48', 'geo[southWest][lng]=-1'].join(
      '&',
    );
    assert.deepEqual(
      await filtered(box),
      expected((e) => ['Caen', 'Paris'].includes(placeOf(e).city ?? '')),
    );
    assert.equal((await get(eventsUrl('geo[northEast][lat]=north'))).status, 400);
  });

  test('custom fields: radio and checkbox by option id', async () => {
    assert.deepEqual(
      await filtered('types-devenement[]=2'),
      expected((e) => e['types-devenement'] === 2),
    );
    assert.deepEqual(
      await filtered('types-devenement[]=1&types-devenement[]=3'),
      expected((e) => e['types-devenement'] !== 2),
    );
    assert.deepEqual(
      await filtered('type-de-public[]=12'),
      expected((e) => (e['type-de-public'] as number[]).includes(12)),
    );
    // Not a field of this agenda: ignored, as unknown parameters are.
    assert.equal((await list('size=300&not-a-field[]=1')).total, EVENT_COUNT);
  });

  test('filters combine with AND and total counts the matches, not the page', async () => {
    const query = ['relative[]=upcoming', 'relative[]=current', 'adminLevel1[]=Normandie', 'types-devenement[]=2'].join('&');
    const all = await filtered(query);
    assert.deepEqual(
      all,
      expected((e) => relativeOf(Number(e.uid)) !== 'passed' && placeOf(e).region === 'Normandie' && e['types-devenement'] === 2),
    );
    const page = await list(`size=1&${query}`);
    assert.equal(page.total, all.length);
  });
});

const DETAILED_ONLY = ['timings', 'member', 'longDescription', 'registration', 'accessibility', 'conditions'];
const LIST_KEYS = [
  'uid',
  'slug',
  'title',
  'dateRange',
  'firstTiming',
  'lastTiming',
  'nextTiming',
  'types-devenement',
  'type-de-public',
];

describe('content', () => {
  test('the list shape without detailed=1', async () => {
    const body = await list('size=300');
    for (const event of body.events) {
      for (const key of DETAILED_ONLY) assert.ok(!(key in event), `${key} must need detailed=1`);
      for (const key of LIST_KEYS) assert.ok(key in event, `${key} is part of the list shape`);
      if (event.location !== null) {
        assert.deepEqual(Object.keys(event.location as JsonObject).sort(), ['address', 'city', 'latitude', 'longitude', 'name']);
      }
      const origin = Object.keys(event.originAgenda as JsonObject).sort();
      assert.deepEqual(origin, ['image', 'title', 'uid']);
    }
  });

  test('detailed=1 gives the full record, member included', async () => {
    const body = await list('size=300&detailed=1');
    const event = body.events.find((e) => e.uid === nth(EVENTS, 1, 'EVENTS').uid);
    assert.ok(event);
    assert.deepEqual(event.timings, nth(EVENTS, 1, 'EVENTS').timings);
    assert.deepEqual(event.member, nth(EVENTS, 1, 'EVENTS').member);
    assert.deepEqual(event.location, nth(EVENTS, 1, 'EVENTS').location);
  });

  test('nextTiming is computed for the current clock, null once everything is over', async () => {
    const body = await list('size=300');
    for (const event of body.events) {
      const uid = Number(event.uid);
      const next = timingsOf(uid).find((slot) => slot.end > NOW);
      if (next) assert.equal(begin(event.nextTiming), next.begin);
      else assert.equal(event.nextTiming, null);
    }
  });

  test('includeFields[] returns only those paths', async () => {
    const body = await list('size=300&includeFields[]=uid&includeFields[]=location.city&if[]=timings.begin');
    for (const event of body.events) {
      const raw = rawOf(Number(event.uid));
      assert.deepEqual(Object.keys(event).sort(), ['location', 'timings', 'uid']);
      if (raw.location !== null) {
        assert.deepEqual(event.location, { city: (raw.location as { city: string }).city });
      } else {
        assert.equal(event.location, null);
      }
      const begins = (raw.timings as { begin: string }[]).map((t) => ({ begin: t.begin }));
      assert.deepEqual(event.timings, begins);
    }
  });

  test('monolingual gives strings, falling back to an available language', async () => {
    const body = await list('size=300&detailed=1&monolingual=en');
    const tour = body.events.find((e) => e.uid === nth(EVENTS, 1, 'EVENTS').uid);
    assert.equal(tour?.title, 'Factory tour 1');
    assert.deepEqual(tour?.keywords, ['industrie', 'robotique']);
    assert.equal(tour?.dateRange, 'Date 1');
    const frenchOnly = body.events.find((e) => e.uid === nth(EVENTS, 11, 'EVENTS').uid);
    assert.equal(frenchOnly?.title, "Découverte de l'Aéronautique");
    assert.equal(frenchOnly?.longDescription, 'Texte long 11');
    // Objects that merely have short keys are left alone.
    assert.deepEqual(tour?.accessibility, nth(EVENTS, 1, 'EVENTS').accessibility);
  });

  test('includeLabels=1 gives {id, label}, in one language with monolingual', async () => {
    const body = await list(`size=300&includeLabels=1&monolingual=en&uid[]=${nth(EVENTS, 4, 'EVENTS').uid}`);
    const [event] = body.events;
    assert.ok(event, 'no event in the includeLabels response');
    assert.deepEqual(event['types-devenement'], { id: 2, label: 'Workshop' });
    assert.deepEqual(event['type-de-public'], [
      { id: 10, label: 'Schools' },
      { id: 12, label: 'Jobseekers' },
    ]);
  });

  test('a single event by uid, detailed', async () => {
    const response = await get(`${server.apiBase}/agendas/${AGENDA_UID}/events/${nth(EVENTS, 2, 'EVENTS').uid}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { success: boolean; event: JsonObject };
    assert.equal(body.success, true);
    assert.deepEqual(body.event.timings, nth(EVENTS, 2, 'EVENTS').timings);
    assert.equal((await get(`${server.apiBase}/agendas/${AGENDA_UID}/events/1`)).status, 404);
  });

  test('the agenda configuration, with its schema only when detailed', async () => {
    const plain = await getJson<JsonObject>(`${server.apiBase}/agendas/${AGENDA_UID}`);
    assert.equal(plain.uid, CONFIG.uid);
    assert.equal(plain.slug, CONFIG.slug);
    assert.ok(!('schema' in plain));
    const detailed = await getJson<JsonObject>(`${server.apiBase}/agendas/${AGENDA_UID}?detailed=1`);
    assert.deepEqual(detailed.schema, CONFIG.schema);
  });
});

describe('keys and errors', () => {
  test('a missing or unknown key is a 403 with a JSON error body', async () => {
    for (const key of [null, 'wrong-key']) {
      const response = await get(eventsUrl(), key);
      assert.equal(response.status, 403);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const body = (await response.json()) as ErrorBody;
      assert.equal(typeof body.message, 'string');
      assert.equal(typeof body.info, 'object');
    }
    assert.equal((await get(`${server.apiBase}/agendas/${AGENDA_UID}`, null)).status, 403);
  });

  test('the key works as a header or as ?key=', async () => {
    assert.equal((await get(eventsUrl(), KEY)).status, 200);
    assert.equal((await get(eventsUrl(`key=${KEY}`), null)).status, 200);
    assert.equal((await get(eventsUrl('key=wrong'), null)).status, 403);
  });

  test('an unknown agenda or route is a 404 JSON error', async () => {
    const response = await get(eventsUrl('', '999'));
    assert.equal(response.status, 404);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.message, 'agenda not found');
    assert.deepEqual(body.info, { uid: '999' });
    assert.equal((await get(`${server.apiBase}/nothing`)).status, 404);
    assert.equal((await get(`${server.url}/elsewhere`)).status, 404);
  });

  test('other methods are refused', async () => {
    const response = await fetch(eventsUrl(), { method: 'POST', headers: { key: KEY } });
    assert.equal(response.status, 405);
  });
});

describe('faults', () => {
  test('a status with Retry-After, for the given number of requests', async () => {
    api.addFault({ status: 503, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const response = await get(eventsUrl());
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '7');
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.message, 'Service Unavailable');
    }
    const recovered = await get(eventsUrl());
    assert.equal(recovered.status, 200);
    assert.equal(recovered.headers.get('retry-after'), null);
  });

  test('429 with an HTTP-date Retry-After', async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    api.addFault({ status: 429, retryAfter: date, times: 1 });
    const response = await get(eventsUrl());
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), date);
  });

  test('a delay before the normal answer', async () => {
    api.addFault({ delayMs: 250, times: 1 });
    const started = Date.now();
    const response = await get(eventsUrl());
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started >= 240);
    const quick = Date.now();
    await (await get(eventsUrl())).json();
    assert.ok(Date.now() - quick < 240);
  });

  test('a delay, then an error', async () => {
    api.addFault({ delayMs: 150, status: 500, times: 1 });
    const started = Date.now();
    const response = await get(eventsUrl());
    assert.equal(response.status, 500);
    assert.ok(Date.now() - started >= 140);
  });

  test('a malformed body: complete, 200, not JSON', async () => {
    api.addFault({ body: 'malformed', times: 1 });
    const response = await get(eventsUrl());
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(text.startsWith('{'));
    assert.throws(() => JSON.parse(text));
  });

  test('a truncated body: half a real page, then the connection drops', async () => {
    api.addFault({ body: 'truncated', times: 1 });
    const response = await get(eventsUrl('size=300&detailed=1'));
    assert.equal(response.status, 200);
    await assert.rejects(response.text());
    assert.equal((await get(eventsUrl())).status, 200);
  });

  test('an HTML error page', async () => {
    api.addFault({ body: 'html', times: 1 });
    const response = await get(eventsUrl());
    assert.equal(response.status, 502);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await response.text(), /<html>/);
    api.addFault({ body: 'html', status: 504, times: 1 });
    assert.equal((await get(eventsUrl())).status, 504);
  });

  test('match limits a fault to some requests; faults queue in order; clearFaults', async () => {
    api.addFault({ status: 500, match: 'after', times: 1 });
    assert.equal((await get(eventsUrl('size=2'))).status, 200);
    const zeros = afterQuery([0, 0, 0, 0]);
    assert.equal((await get(eventsUrl(`size=2&${zeros}`))).status, 500);
    api.addFault({ status: 503, times: 1 });
    api.addFault({ body: 'malformed', times: 1 });
    assert.equal((await get(eventsUrl())).status, 503);
    const garbage = await (await get(eventsUrl())).text();
    assert.throws(() => JSON.parse(garbage));
    assert.equal((await get(eventsUrl())).status, 200);
    api.addFault({ status: 500 });
    assert.equal((await get(eventsUrl())).status, 500);
    assert.equal((await get(eventsUrl())).status, 500);
    api.clearFaults();
    assert.equal((await get(eventsUrl())).status, 200);
  });
});

describe('request log, CORS, integration', () => {
  test('requests are logged with method and URL; reset empties the log in place', async () => {
    const log = api.requests;
    await get(eventsUrl('size=1'));
    await get(`${server.apiBase}/agendas/${AGENDA_UID}`);
    assert.equal(log.length, 2);
    const entry = nth(log, 0, 'request log');
    assert.equal(entry.method, 'GET');
    assert.equal(entry.url, `/v2/agendas/${AGENDA_UID}/events?size=1`);
    assert.ok(Math.abs(entry.at - Date.now()) < 5000);
    api.reset();
    assert.equal(log.length, 0);
    assert.equal(api.requests, log);
  });

  test('CORS: preflight and headers on every answer, errors included', async () => {
    const preflight = await fetch(eventsUrl(), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:9999',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /\bkey\b/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
    for (const response of [await get(eventsUrl()), await get(eventsUrl(), null)]) {
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
    }
    // Preflights are never faulted: the browser would report a CORS error, not the fault.
    api.addFault({ status: 500 });
    assert.equal((await fetch(eventsUrl(), { method: 'OPTIONS' })).status, 204);
  });

  test('the Koa middleware answers under the base path and passes anything else on', async () => {
    const mounted = createMockApi({
      agendas: { [AGENDA_UID]: AGENDA },
      basePath: '/mock-api/v2',
      now: () => NOW,
    });
    const middleware = mockApiMiddleware(mounted);
    const passedOn: string[] = [];
    const contexts: KoaLikeContext[] = [];
    const http = createServer((req, res) => {
      const ctx: KoaLikeContext = { req, res };
      contexts.push(ctx);
      void middleware(ctx, async () => {
        passedOn.push(req.url ?? '');
        res.end('next');
      });
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const { port } = http.address() as { port: number };
    try {
      const origin = `http://127.0.0.1:${port}`;
      const body = await getJson<ListBody>(`${origin}/mock-api/v2/agendas/${AGENDA_UID}/events?size=2`);
      assert.equal(body.events.length, 2);
      assert.equal(await (await fetch(`${origin}/index.html`)).text(), 'next');
      assert.deepEqual(passedOn, ['/index.html']);
      assert.deepEqual(
        contexts.map((ctx) => ctx.respond),
        [false, undefined],
      );
    } finally {
      http.closeAllConnections();
      http.close();
    }
  });

  test('8,000 detailed events read in pages of 300 quickly', async () => {
    const big: JsonObject[] = Array.from({ length: 8000 }, (_, i) => ({
      ...EVENTS[i % EVENT_COUNT],
      uid: 1_000_000 + i,
      slug: `e-${i}`,
      featured: i % 500 === 0,
    }));
    const bigApi = createMockApi({
      agendas: { big: { config: CONFIG, events: big } },
      now: () => NOW,
    });
    const bigServer = await startMockServer(bigApi);
    try {
      const started = Date.now();
      const seen = new Set<number>();
      let cursor: (number | string)[] | null = null;
      let pages = 0;
      do {
        const query: string[] = ['size=300', 'detailed=1', cursor ? afterQuery(cursor) : ''];
        const path = `/agendas/big/events?${query.filter(Boolean).join('&')}`;
        const url: string = `${bigServer.apiBase}${path}`;
        const page: ListBody = await getJson<ListBody>(url);
        for (const event of page.events) seen.add(Number(event.uid));
        cursor = page.after;
        pages++;
      } while (cursor);
      const elapsed = Date.now() - started;
      assert.equal(seen.size, 8000);
      assert.equal(pages, 27);
      assert.ok(elapsed < 5000, `took ${elapsed} ms`);
    } finally {
      await bigServer.close();
    }
  });

  test('the CLI serves a data file and prints its URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-api-'));
    const file = join(dir, 'data.json');
    await writeFile(file, JSON.stringify({ agendas: { [AGENDA_UID]: AGENDA } }));
    const child = spawn(
      process.execPath,
      [...['--import', 'tsx', 'tools/mock-api/cli.ts'], ...['--data', file, '--port', '0', '--now', new Date(NOW).toISOString()]],
      { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const base = chunk.toString().trim();
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      const body = await getJson<ListBody>(`${base}/agendas/${AGENDA_UID}/events?relative[]=passed&size=300`);
      assert.equal(body.total, EVENTS.filter((e) => relativeOf(Number(e.uid)) === 'passed').length);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
