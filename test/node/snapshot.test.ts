import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FetchLike } from '../../src/feed/http.js';
import { readAllEvents } from '../../src/feed/openagenda-api.js';
import { compactEvent, eventPageUrl, expandEvent, fastEventPageUrl, withDetails } from '../../src/feed/snapshot-expand.js';
import {
  POINT_FIELDS,
  readPoints,
  regionKey,
  type SnapshotDetailsFile,
  type SnapshotEvent,
  type SnapshotEventsFile,
  type SnapshotIndex,
  type SnapshotPointsFile,
} from '../../src/feed/snapshot-format.js';
import {
  detailsFor,
  parseEventsFile,
  readDetails,
  readTextSliced,
  readEvents,
  readIndex,
  SnapshotError,
  validateDetails,
} from '../../src/feed/snapshot-reader.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import type { FeedSchema, SdiEvent } from '../../src/model/types.js';
import { buildSnapshot, contentHash } from '../../src/node/snapshot/build.js';
import { runCli, type CliIo } from '../../src/node/snapshot/cli.js';
import { eventDays } from '../../src/node/snapshot/counts.js';
import { writeSnapshotAtomic } from '../../src/node/snapshot/write.js';
import { createMockApi, startMockServer } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';

const KEY = 'test-key';
const PAGE = 300;
// Small waits: the suite checks that retries happen, not how long they last.
const FAST: CliIo['http'] = { retries: 3, backoffMs: 5, maxWaitMs: 1500, timeoutMs: 5000 };

type Json = Record<string, unknown>;

const edition = generateEdition({ count: 2000, seed: 7 });
const agendaConfig = edition.agenda as Json;
const UID = String(agendaConfig.uid);
const rawEvents = edition.events as Json[];

// A hand-made agenda: a few records, for the failure paths, where the edition's size only costs time.
const SMALL_UID = '1234';
const smallConfig: Json = { ...agendaConfig, uid: Number(SMALL_UID), slug: 'petit-agenda', title: 'Petit agenda' };
const smallEvents = rawEvents.slice(0, 12);
// Agendas that give no usable event: an empty one, and one whose records all lack a title.
const EMPTY_UID = '4321';
const UNTITLED_UID = '4322';
const emptyConfig: Json = { ...agendaConfig, uid: Number(EMPTY_UID), slug: 'vide', title: 'Vide' };
const untitledConfig: Json = { ...agendaConfig, uid: Number(UNTITLED_UID), slug: 'sans-titre', title: 'Sans titre' };
const untitledEvents = smallEvents.slice(0, 3).map((e) => ({ ...e, title: { fr: '  ' } }));

const api = createMockApi({
  agendas: {
    [UID]: { config: agendaConfig, events: rawEvents },
    [SMALL_UID]: { config: smallConfig, events: smallEvents },
    [EMPTY_UID]: { config: emptyConfig, events: [] },
    [UNTITLED_UID]: { config: untitledConfig, events: untitledEvents },
  },
  keys: [KEY],
});
let server: { url: string; close(): Promise<void> | void };
let root: string;

before(async () => {
  server = await startMockServer(api);
  root = await mkdtemp(join(tmpdir(), 'sdi-snapshot-test-'));
});

after(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => api.reset());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    http: FAST,
    ...io,
  });
  return { code, stdout, stderr };
}

const args = (out: string, agenda = UID, key = KEY) => [
  '--agenda',
  agenda,
  '--key',
  key,
  '--out',
  out,
  '--api',
  `${server.url}/v2`,
];

let outCount = 0;
const freshOut = () => join(root, `out-${++outCount}`);

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Every file of a folder, relative path → content. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    out.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
  }
  return out;
}

async function leftovers(): Promise<string[]> {
  return (await readdir(root)).filter((name) => /\.(tmp|old)-/.test(name));
}

const eventRequests = () => api.requests.filter((r) => /\/events\?/.test(r.url));

const BASE = 'https://cdn.example/snapshot/';

/** Serves a snapshot tree as a CDN would, for the browser reader. */
function treeFetch(tree: ReadonlyMap<string, string>): FetchLike {
  return async (input) => {
    const path = input.startsWith(BASE) ? input.slice(BASE.length) : '';
    const body = tree.get(path);
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const DETAIL_KEYS = ['description', 'conditions', 'registration'];

describe('reading the agenda', () => {
  it('pages to the end, every event once', async () => {
    const result = await readAllEvents({ api: `${server.url}/v2`, agenda: UID, key: KEY, ...FAST }, { size: PAGE });
    const uids = result.events.map((e) => (e as Json).uid);
    assert.equal(result.events.length, rawEvents.length);
    assert.equal(new Set(uids).size, new Set(rawEvents.map((e) => e.uid)).size);
    assert.equal(result.pages, Math.ceil(rawEvents.length / PAGE));
    assert.equal(eventRequests().length, result.pages);
  });
});

describe('sdi-snapshot against the mock API', () => {
  let out: string;
  let result: Run;
  let requests: string[];
  let index: SnapshotIndex;
  let tree: Map<string, string>;

  before(async () => {
    api.reset();
    out = freshOut();
    result = await run(args(out));
    // Kept apart: the log is cleared before each test.
    requests = api.requests.map((r) => r.url);
    index = await readJson<SnapshotIndex>(join(out, 'index.json'));
    tree = await readTree(out);
  });

  it('succeeds with one request for the agenda and one per page', () => {
    assert.equal(result.code, 0, result.stderr);
    const pages = Math.ceil(rawEvents.length / PAGE);
    assert.equal(requests.length, pages + 1);
    assert.equal(requests.filter((url) => /\/agendas\/\d+\?/.test(url)).length, 1);
    assert.match(result.stdout, new RegExp(`events ${index.total}, skipped ${index.skipped}`));
    assert.match(result.stdout, new RegExp(`pages ${pages}, files ${tree.size}, bytes \\d+, \\d+ ms`));
  });

  it('accounts for every record: usable or skipped', () => {
    assert.equal(index.total + index.skipped, rawEvents.length);
    assert.ok(index.total > rawEvents.length * 0.9, `only ${index.total} usable events`);
  });

  it('writes the index of docs/SNAPSHOT.md', () => {
    assert.equal(index.format, 2);
    assert.ok(!Number.isNaN(Date.parse(index.generatedAt)));
    assert.equal(index.agenda.uid, Number(UID));
    assert.equal(index.agenda.slug, agendaConfig.slug);
    assert.ok(index.schema.types.length > 0 && index.schema.audiences.length > 0);
    assert.deepEqual(Object.keys(index.counts).sort(), ['attendance', 'audience', 'day', 'department', 'region', 'type']);
    const sum = (o: Record<string, number | undefined>) => Object.values(o).reduce<number>((s, n) => s + (n ?? 0), 0);
    assert.equal(sum(index.counts.region), index.total);
    assert.equal(sum(index.counts.attendance), index.total);
    assert.ok(sum(index.counts.day) >= index.total);
    for (const day of Object.keys(index.counts.day)) assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(Object.keys(index.files.regions).sort(), Object.keys(index.counts.region).sort());
    for (const code of Object.keys(index.files.details)) assert.ok(index.files.regions[code], code);
  });

  it('names every file by the hash of its bytes, and gives true sizes and counts', () => {
    const refs = [
      index.files.all,
      index.files.points,
      ...Object.values(index.files.regions),
      ...Object.values(index.files.details),
      index.files.first!.all,
      ...Object.values(index.files.first!.regions),
    ];
    assert.equal(tree.size, refs.length + 1);
    for (const ref of refs) {
      const content = tree.get(ref.path);
      assert.ok(content !== undefined, ref.path);
      const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
      assert.match(ref.path, new RegExp(`\\.${hash}\\.json$`));
      assert.equal(ref.bytes, Buffer.byteLength(content));
    }
    assert.match(index.files.all.path, /^events\/all\.[0-9a-f]{16}\.json$/);
    assert.match(index.files.points.path, /^points\.[0-9a-f]{16}\.json$/);
    for (const [code, ref] of Object.entries(index.files.details)) {
      assert.match(ref.path, new RegExp(`^details/region-${code}\\.[0-9a-f]{16}\\.json$`));
    }
  });

  it('keeps details out of the event shards', () => {
    const shards = [index.files.all, ...Object.values(index.files.regions)];
    for (const ref of shards) {
      const content = tree.get(ref.path) ?? '';
      for (const key of DETAIL_KEYS) assert.ok(!content.includes(`"${key}":`), `${ref.path} holds ${key}`);
      const file = JSON.parse(content) as SnapshotEventsFile;
      for (const event of file.events) {
        // Every sample event's page is the one the reader rebuilds from the agenda slug.
        assert.ok(!('url' in event), `${event.uid} url`);
        // Empty texts and lists, false flags and the codes' own names are left for the reader to restore.
        assert.ok(!('accessibility' in event) || Object.values(event.accessibility ?? {}).every((v) => v === true));
        assert.ok(!('featured' in event) || event.featured === true);
        for (const key of ['keywords', 'types', 'audiences'] as const) assert.ok(!(key in event) || event[key]?.length);
        assert.ok(!event.location || !('regionName' in event.location), `${event.uid} regionName`);
        assert.ok(!event.location || !('departmentName' in event.location), `${event.uid} departmentName`);
        assert.equal(typeof event.timezone, 'string', 'the zone stays explicit');
      }
    }
  });

  it("puts every event's details in exactly one details file, its region's", () => {
    const ctx = { schema: schemaFromAgenda(agendaConfig), agendaSlug: String(agendaConfig.slug) };
    const normalised = normaliseEvents(rawEvents, ctx).events;
    const where = new Map<number, string[]>();
    for (const [code, ref] of Object.entries(index.files.details)) {
      const file = JSON.parse(tree.get(ref.path) ?? '') as SnapshotDetailsFile;
      assert.equal(file.format, 2);
      const uids = Object.keys(file.details);
      assert.equal(uids.length, ref.count);
      for (const uid of uids) where.set(Number(uid), [...(where.get(Number(uid)) ?? []), code]);
      for (const details of Object.values(file.details)) {
        assert.ok(Object.keys(details).length > 0, 'no empty entry');
        for (const key of Object.keys(details)) assert.ok(DETAIL_KEYS.includes(key), key);
      }
    }
    let withDescription = 0;
    for (const event of normalised) {
      const has = !!(
        event.description.fr ||
        event.description.en ||
        event.conditions.fr ||
        event.conditions.en ||
        event.registration.length
      );
      if (event.description.fr || event.description.en) withDescription++;
      assert.deepEqual(where.get(event.uid) ?? [], has ? [regionKey(event)] : [], `uid ${event.uid}`);
    }
    assert.ok(withDescription > normalised.length * 0.5, 'the edition has descriptions');
    assert.equal(
      where.size,
      normalised.filter(
        (e) => e.description.fr || e.description.en || e.conditions.fr || e.conditions.en || e.registration.length,
      ).length,
    );
  });

  it('reads back, through the browser reader, exactly the normalised events', async () => {
    const ctx = { schema: schemaFromAgenda(agendaConfig), agendaSlug: String(agendaConfig.slug) };
    const expected = new Map(normaliseEvents(rawEvents, ctx).events.map((e) => [e.uid, e]));
    const http = { fetch: treeFetch(tree), retries: 0 };
    const read = await readIndex(BASE, http);
    // The reader rebuilds tables keyed by feed values without a prototype: compared as JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(read)), index);
    const national = await readEvents(BASE, read.files.all, http, read);
    assert.equal(national.dropped, 0);
    assert.equal(national.events.length, expected.size);
    const details = new Map<string, Awaited<ReturnType<typeof readDetails>>>();
    for (const [code, ref] of Object.entries(read.files.details)) details.set(code, await readDetails(BASE, ref, http));
    let checked = 0;
    for (const code of Object.keys(read.files.regions)) {
      const ref = read.files.regions[code];
      assert.ok(ref);
      const shard = await readEvents(BASE, ref, http, read);
      for (const event of shard.events) {
        const ref = detailsFor(read, event);
        assert.equal(ref?.path, read.files.details[code]?.path);
        const full = withDetails(event, details.get(code)?.get(event.uid));
        assert.deepStrictEqual(full, expected.get(event.uid), `uid ${event.uid}`);
        checked++;
      }
    }
    assert.equal(checked, expected.size);
    for (const event of national.events) {
      assert.deepStrictEqual(withDetails(event, details.get(regionKey(event))?.get(event.uid)), expected.get(event.uid));
    }
    // Without the index, page URLs cannot be rebuilt; everything else is there.
    const bare = await readEvents(BASE, read.files.all, http);
    assert.equal(bare.events.filter((e) => e.url).length, 0);
    assert.ok(national.events.every((e) => e.url === eventPageUrl(read.agenda.slug, e.slug)));
  });

  it('splits the events by region, each in exactly one shard', () => {
    const all = JSON.parse(tree.get(index.files.all.path) ?? '') as SnapshotEventsFile;
    assert.equal(all.format, 2);
    assert.equal(all.events.length, index.total);
    assert.equal(index.files.all.count, index.total);
    const seen = new Set<number>();
    for (const [code, ref] of Object.entries(index.files.regions)) {
      assert.match(ref.path, new RegExp(`^events/region-${code}\\.[0-9a-f]{16}\\.json$`));
      const shard = JSON.parse(tree.get(ref.path) ?? '') as SnapshotEventsFile;
      assert.equal(shard.events.length, ref.count);
      assert.equal(ref.count, index.counts.region[code]);
      for (const event of shard.events) {
        assert.equal(event.location?.regionCode ?? 'none', code);
        assert.ok(!seen.has(event.uid), `uid ${event.uid} twice`);
        seen.add(event.uid);
      }
    }
    assert.equal(seen.size, index.total);
    assert.ok(index.counts.region.none !== undefined, 'the edition has online events without a region');
    // Sorted by first timing.
    for (let i = 1; i < all.events.length; i++) {
      assert.ok((all.events[i - 1]?.timings[0]?.begin ?? 0) <= (all.events[i]?.timings[0]?.begin ?? 0));
    }
  });

  it('keeps no personal data', () => {
    const members = rawEvents
      .map((e) => e.member as Json | undefined)
      .filter((m): m is Json => !!m)
      .flatMap((m) => Object.values(m).filter((v): v is string => typeof v === 'string' && v.length > 5));
    for (const [path, content] of tree) {
      assert.doesNotMatch(content, /"member"/, path);
      for (const value of members.slice(0, 200)) assert.ok(!content.includes(value), `${path} holds ${value}`);
    }
  });

  it('writes the points of events that have coordinates', () => {
    const file = JSON.parse(tree.get(index.files.points.path) ?? '') as SnapshotPointsFile;
    assert.equal(file.format, 2);
    assert.deepEqual(file.fields, [...POINT_FIELDS]);
    assert.equal(file.points.length % 4, 0);
    const points = readPoints(file);
    assert.equal(points.length, index.files.points.count);
    assert.equal(points.length * 4, file.points.length);
    assert.ok(points.length > index.total * 0.5);
    const regions = new Set(Object.keys(index.counts.region));
    for (const p of points) {
      assert.ok(Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180);
      assert.equal(Math.round(p.lat * 1e5) / 1e5, p.lat);
      assert.equal(Math.round(p.lng * 1e5) / 1e5, p.lng);
      assert.ok(regions.has(p.region), p.region);
    }
  });

  it('never prints the key and leaves no temporary folder', async () => {
    assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY));
    assert.deepEqual(await leftovers(), []);
  });

  it('replaces a previous snapshot whole', async () => {
    await writeFile(join(out, 'stray.txt'), 'from an older run');
    const again = await run([...args(out), '--quiet']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '');
    assert.equal(await exists(join(out, 'stray.txt')), false);
    // Same records, same files: only index.json (generatedAt) and the first-page files, which
    // hold the events still to come at the build's instant, may differ.
    const next = await readTree(out);
    for (const [path, content] of tree) {
      if (path !== 'index.json' && !path.startsWith('events/first-')) assert.equal(next.get(path), content, path);
    }
    assert.deepEqual(await leftovers(), []);
  });
});

describe('sdi-snapshot failures', () => {
  it('retries after a 429 with Retry-After: 0', async () => {
    api.addFault({ status: 429, retryAfter: 0, times: 1 });
    const r = await run(args(freshOut(), SMALL_UID));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /retry 1 in 0 ms: HTTP 429/);
    assert.equal(api.requests.length, 3);
  });

  it('honours Retry-After: 1 on the events request', async () => {
    api.addFault({ status: 429, retryAfter: 1, times: 1, match: '/events' });
    const r = await run(args(freshOut(), SMALL_UID));
    assert.equal(r.code, 0, r.stderr);
    const [first, second] = eventRequests();
    assert.ok(first && second);
    assert.ok(second.at - first.at >= 900, `waited ${second.at - first.at} ms`);
  });

  for (const fault of [
    { status: 500 },
    { status: 503 },
    { body: 'malformed' as const },
    { body: 'truncated' as const },
    { body: 'html' as const },
  ]) {
    it(`recovers from one ${JSON.stringify(fault)}`, async () => {
      api.addFault({ ...fault, times: 1, match: '/events' });
      const out = freshOut();
      const r = await run(args(out, SMALL_UID));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /retry 1/);
      assert.equal(eventRequests().length, 2);
      assert.ok(await exists(join(out, 'index.json')));
    });
  }

  it('gives up with exit code 4 when the server keeps failing', async () => {
    api.addFault({ status: 502, match: '/events' });
    const out = freshOut();
    const r = await run(args(out, SMALL_UID), { http: { ...FAST, retries: 2 } });
    assert.equal(r.code, 4);
    assert.match(r.stderr, /failed after retries \(HTTP 502/);
    assert.equal(eventRequests().length, 3);
    assert.equal(await exists(out), false);
    assert.deepEqual(await leftovers(), []);
  });

  it('gives exit code 4 when nothing listens', async () => {
    const r = await run(['--agenda', '1', '--key', KEY, '--out', freshOut(), '--api', 'http://127.0.0.1:9/v2'], {
      http: { ...FAST, retries: 1 },
    });
    assert.equal(r.code, 4);
  });

  it('stops at once on a wrong key (403), exit code 3, previous snapshot untouched', async () => {
    const out = freshOut();
    assert.equal((await run(args(out, SMALL_UID))).code, 0);
    const before = await readTree(out);
    api.reset();
    const r = await run(args(out, SMALL_UID, 'wrong-key-123'));
    assert.equal(r.code, 3);
    assert.match(r.stderr, /the key is wrong or the agenda is private/);
    assert.ok(!r.stderr.includes('wrong-key-123') && !r.stdout.includes('wrong-key-123'));
    assert.equal(api.requests.length, 1, 'a 403 is not retried');
    assert.deepEqual(await readTree(out), before);
    assert.deepEqual(await leftovers(), []);
  });

  it('creates no folder on a 403', async () => {
    const out = freshOut();
    const r = await run(args(out, SMALL_UID, 'wrong-key-123'));
    assert.equal(r.code, 3);
    assert.equal(await exists(out), false);
  });

  it('says which agenda does not exist (404)', async () => {
    const out = freshOut();
    const r = await run(args(out, '999999'));
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no agenda with uid 999999/);
    assert.equal(await exists(out), false);
  });

  it('reads the key from SDI_OA_KEY', async () => {
    const out = freshOut();
    const r = await run(['--agenda', SMALL_UID, '--out', out, '--api', `${server.url}/v2`], { env: { SDI_OA_KEY: KEY } });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY));
  });

  it('keeps a snapshot that has events when the agenda gives none (exit code 5)', async () => {
    const out = freshOut();
    assert.equal((await run(args(out, SMALL_UID))).code, 0);
    const before = await readTree(out);
    for (const agenda of [EMPTY_UID, UNTITLED_UID]) {
      api.reset();
      const r = await run(args(out, agenda));
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, new RegExp(`agenda ${agenda} gave no usable event`));
      assert.match(r.stderr, /is kept\. Pass --allow-empty/);
      assert.equal(r.stdout, '');
      assert.deepEqual(await readTree(out), before);
      assert.deepEqual(await leftovers(), []);
    }
    const untitled = await run(args(out, UNTITLED_UID));
    assert.match(untitled.stderr, /3 records, 3 skipped \(title: 3\)/);
  });

  it('keeps a snapshot whose index cannot be read, too', async () => {
    const out = freshOut();
    await mkdir(out);
    await writeFile(join(out, 'index.json'), '{"format":1,"tot');
    const r = await run(args(out, EMPTY_UID));
    assert.equal(r.code, 5);
    assert.match(r.stderr, /an index that could not be read/);
    assert.equal(await readFile(join(out, 'index.json'), 'utf8'), '{"format":1,"tot');
  });

  it('replaces it with an empty snapshot when told to (--allow-empty)', async () => {
    const out = freshOut();
    assert.equal((await run(args(out, SMALL_UID))).code, 0);
    const r = await run([...args(out, EMPTY_UID), '--allow-empty']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: agenda 4321 gave no usable event: 0 records; writing an empty snapshot/);
    const index = await readJson<SnapshotIndex>(join(out, 'index.json'));
    assert.equal(index.total, 0);
    assert.deepEqual(index.files.regions, {});
    assert.deepEqual(index.files.details, {});
    assert.deepEqual((await readJson<SnapshotEventsFile>(join(out, index.files.all.path))).events, []);
    assert.deepEqual(
      [...(await readTree(out)).keys()].sort(),
      ['index.json', index.files.all.path, index.files.points.path, index.files.first!.all.path].sort(),
    );
  });

  it('writes an empty snapshot where there is none, or only an empty one', async () => {
    const out = freshOut();
    const first = await run(args(out, EMPTY_UID));
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /writing an empty snapshot/);
    assert.equal((await readJson<SnapshotIndex>(join(out, 'index.json'))).total, 0);
    const again = await run([...args(out, UNTITLED_UID), '--quiet']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stderr, '');
    const index = await readJson<SnapshotIndex>(join(out, 'index.json'));
    assert.equal(index.agenda.uid, Number(UNTITLED_UID));
    assert.equal(index.skipped, 3);
  });

  it('refuses bad usage with exit code 2 and the usage text, before any request', async () => {
    const cases = [
      [],
      ['--agenda', '1', '--key', KEY],
      ['--agenda', '1/../2', '--key', KEY, '--out', 'x'],
      ['--agenda', '1', '--out', 'x'],
      ['--agenda', '1', '--key', KEY, '--out', 'x', '--size', '500'],
      ['--agenda', '1', '--key', KEY, '--out', 'x', '--api', 'file:///etc'],
      ['--agenda', '1', '--key', KEY, '--out', 'x', '--bogus'],
      ['--agenda', '1', '--key', KEY, '--out', 'x', 'extra'],
      ['--agenda', '1', '--key', KEY, '--out', 'x', '--allow-empty=yes'],
    ];
    for (const argv of cases) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /Usage: sdi-snapshot/);
      assert.ok(!r.stderr.includes(KEY));
    }
    assert.equal(api.requests.length, 0);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes/);
    assert.match(help.stdout, /--allow-empty/);
    assert.match(help.stdout, /5 the agenda has no\s+usable event/);
  });
});

// ---- The builder and the writer on hand-made events ----

const schema: FeedSchema = {
  typeField: 'types-devenement',
  audienceField: 'type-de-public',
  types: [{ id: 1, label: { fr: 'Visite' } }],
  audiences: [{ id: 11, label: { fr: 'Collégiens' } }],
};

const ms = (iso: string) => Date.parse(iso);

function event(uid: number, extra: Partial<SdiEvent> = {}): SdiEvent {
  return {
    uid,
    slug: `e-${uid}`,
    title: { fr: `Événement ${uid}` },
    summary: {},
    description: {},
    conditions: {},
    keywords: [],
    timings: [{ begin: ms('2026-11-16T09:00:00+01:00'), end: ms('2026-11-16T12:00:00+01:00') }],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    registration: [],
    types: [1],
    audiences: [11],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
    location: { city: 'Lyon', departmentCode: '69', regionCode: '84', lat: 45.7640412345, lng: 4.8356789 },
    ...extra,
  };
}

const handMade = (): SdiEvent[] => [
  event(1),
  event(2, {
    location: { city: 'Saint-Denis', departmentCode: '974', regionCode: '04', lat: -20.88, lng: 55.45 },
    timezone: 'Indian/Reunion',
  }),
  event(3, { location: undefined, attendance: 'online', types: [1, 1], audiences: [] }),
  event(4, { location: { city: 'Caen', departmentCode: '14', regionCode: '28' } }),
];

const build = (events: SdiEvent[]) =>
  buildSnapshot({ agenda: { uid: 5, slug: 's', title: 'T' }, events, schema, skipped: 1, generatedAt: new Date(0) });

describe('buildSnapshot', () => {
  it('counts by region, department, type, audience, attendance and local day', () => {
    const { index } = build(handMade());
    assert.deepEqual(index.counts.region, { '04': 1, '28': 1, '84': 1, none: 1 });
    assert.deepEqual(index.counts.department, { '14': 1, '69': 1, '974': 1 });
    assert.deepEqual(index.counts.type, { '1': 4 });
    assert.deepEqual(index.counts.audience, { '11': 3 });
    assert.deepEqual(index.counts.attendance, { onsite: 3, online: 1 });
    assert.deepEqual(index.counts.day, { '2026-11-16': 4 });
    assert.deepEqual(Object.keys(index.files.regions).sort(), ['04', '28', '84', 'none']);
    assert.equal(index.files.points.count, 2);
    assert.deepEqual(index.agenda, { uid: 5, slug: 's', title: 'T' });
  });

  it('counts an event once on each local day it runs', () => {
    const days = (timings: [string, string][], timezone = 'Europe/Paris') =>
      [...eventDays(event(9, { timezone, timings: timings.map(([b, e]) => ({ begin: ms(b), end: ms(e) })) }))].sort();
    assert.deepEqual(days([['2026-11-16T09:00:00+01:00', '2026-11-18T17:00:00+01:00']]), [
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
    ]);
    assert.deepEqual(
      days([
        ['2026-11-16T09:00:00+01:00', '2026-11-16T10:00:00+01:00'],
        ['2026-11-16T14:00:00+01:00', '2026-11-16T15:00:00+01:00'],
      ]),
      ['2026-11-16'],
    );
    // Ending at midnight does not run on the next day.
    assert.deepEqual(days([['2026-11-16T20:00:00+01:00', '2026-11-17T00:00:00+01:00']]), ['2026-11-16']);
    // 22:00 UTC on the 16th is already the 17th in La Réunion.
    assert.deepEqual(days([['2026-11-16T22:00:00Z', '2026-11-16T23:00:00Z']], 'Indian/Reunion'), ['2026-11-17']);
    assert.deepEqual(days([['2026-11-16T22:00:00Z', '2026-11-16T23:00:00Z']], 'America/Cayenne'), ['2026-11-16']);
  });

  it('is deterministic, and a content change changes the name of the files holding it only', () => {
    const a = build(handMade());
    const b = build(handMade());
    assert.deepEqual([...a.files.keys()], [...b.files.keys()]);
    const changed = handMade();
    changed[0] = event(1, { title: { fr: 'Autre titre' } });
    const c = build(changed);
    assert.notEqual(c.index.files.all.path, a.index.files.all.path);
    assert.notEqual(c.index.files.regions['84']?.path, a.index.files.regions['84']?.path);
    assert.equal(c.index.files.regions['28']?.path, a.index.files.regions['28']?.path);
    assert.equal(c.index.files.points.path, a.index.files.points.path);
    for (const [path, content] of c.files) assert.ok(path.includes(contentHash(content)));
  });

  it('writes only the fields of the model: a stray member block never gets out', () => {
    const leaky = { ...event(1), member: { name: 'Jeanne Dupont', email: 'jeanne@example.org' }, raw: { x: 1 } };
    const { files, index } = build([leaky as SdiEvent]);
    for (const content of files.values()) {
      assert.doesNotMatch(content, /member|jeanne|"raw"/i);
    }
    const all = JSON.parse(files.get(index.files.all.path) ?? '') as SnapshotEventsFile;
    assert.equal(all.events[0]?.location?.lat, 45.7640412345, 'events keep full precision; points are rounded');
  });

  it('omits empty optional fields', () => {
    const { files, index } = build([event(1, { url: '', image: undefined, age: {}, location: { name: '' } })]);
    const saved = JSON.parse(files.get(index.files.all.path) ?? '') as { events: Json[] };
    const keys = Object.keys(saved.events[0] ?? {});
    for (const key of ['image', 'age', 'location', 'onlineUrl', 'updatedAt']) assert.ok(!keys.includes(key), key);
    for (const key of ['summary', 'keywords', 'accessibility', 'featured', ...DETAIL_KEYS]) assert.ok(!keys.includes(key), key);
    // The event has no page, though the reader could build one from the agenda slug: said explicitly.
    assert.equal(saved.events[0]?.url, null);
  });

  it('rounds point coordinates to 5 decimals', () => {
    const { files, index } = build([event(1)]);
    const points = JSON.parse(files.get(index.files.points.path) ?? '') as SnapshotPointsFile;
    assert.deepEqual(points.points, [1, 45.76404, 4.83568, '84']);
  });
});

describe('compact events and details', () => {
  const PAGE_OF = (slug: string) => `https://openagenda.com/s/events/${slug}`;
  const context = { agenda: { slug: 's' } };
  // Undefined in `extra` means "absent", as in the model: no key at all.
  const defined = (e: SdiEvent): SdiEvent =>
    Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as unknown as SdiEvent;
  const full = (uid: number, extra: Partial<SdiEvent> = {}): SdiEvent =>
    defined(
      event(uid, {
        url: PAGE_OF(`e-${uid}`),
        location: {
          city: 'Lyon',
          departmentCode: '69',
          departmentName: 'Rhône',
          regionCode: '84',
          regionName: 'Auvergne-Rhône-Alpes',
          lat: 45.76,
          lng: 4.83,
        },
        ...extra,
      }),
    );

  const roundTrip = (e: SdiEvent, slug: string | undefined = 's'): SdiEvent =>
    withDetails(expandEvent(JSON.parse(JSON.stringify(compactEvent(e, slug))) as SnapshotEvent, { agenda: { slug } }), {
      ...(e.description.fr || e.description.en ? { description: e.description } : {}),
      ...(e.conditions.fr || e.conditions.en ? { conditions: e.conditions } : {}),
      ...(e.registration.length ? { registration: e.registration } : {}),
    });

  it('restores every field exactly', () => {
    const cases: SdiEvent[] = [
      full(1),
      full(2, { url: undefined }),
      full(3, { url: 'https://example.org/ailleurs' }),
      full(4, { slug: '', url: undefined }),
      full(5, {
        summary: { fr: 'Court', en: 'Short' },
        description: { fr: 'Long' },
        conditions: { en: 'Free' },
        registration: [{ type: 'email', value: 'a@b.fr' }],
        keywords: ['usine'],
        accessibility: { hi: true, vi: false, pi: false, mi: true, ii: false },
        featured: true,
        types: [],
        audiences: [],
      }),
      full(6, { location: { city: 'Lyon', departmentCode: '69', regionCode: '84' } }),
      full(7, {
        location: { departmentCode: '69', departmentName: 'Rhone (ancien)', regionCode: '84', regionName: 'Rhône-Alpes' },
      }),
      full(8, { location: undefined, attendance: 'online', onlineUrl: 'https://visio.example/x' }),
      full(9, { location: { regionCode: 'XX', regionName: 'Ailleurs' } }),
    ];
    for (const e of cases) assert.deepStrictEqual(roundTrip(e), e, `uid ${e.uid}`);
    assert.deepStrictEqual(roundTrip(full(10, { url: undefined }), undefined), full(10, { url: undefined }));
  });

  it('leaves out what the reader restores, and only that', () => {
    const stored = compactEvent(full(1), 's');
    assert.deepEqual(Object.keys(stored).sort(), [
      'attendance',
      'audiences',
      'location',
      'slug',
      'status',
      'timezone',
      'timings',
      'title',
      'types',
      'uid',
    ]);
    assert.deepEqual(stored.location, { city: 'Lyon', departmentCode: '69', regionCode: '84', lat: 45.76, lng: 4.83 });
    assert.equal(compactEvent(full(2, { url: undefined }), 's').url, null);
    assert.equal(compactEvent(full(3, { url: 'https://example.org/x' }), 's').url, 'https://example.org/x');
    assert.equal(compactEvent(full(4, { url: PAGE_OF('e-4') }), undefined).url, PAGE_OF('e-4'));
    assert.deepEqual(
      compactEvent(full(5, { accessibility: { hi: false, vi: true, pi: false, mi: false, ii: false } }), 's').accessibility,
      { vi: true },
    );
    const moved = compactEvent(full(6, { location: { departmentCode: '69', regionCode: '84' } }), 's');
    assert.deepEqual(moved.location, { departmentCode: '69', departmentName: null, regionCode: '84', regionName: null });
    assert.equal(expandEvent(compactEvent(full(7), 's')).url, undefined, 'no context, no rebuilt page');
  });

  it('gives a damaged shard entry the full shape anyway', () => {
    const damaged = {
      uid: 1,
      slug: 'x',
      title: { fr: 'T' },
      timings: [{ begin: 1, end: 2 }],
      keywords: 'usine',
      types: [1, '2'],
      accessibility: 'yes',
      featured: 'true',
      summary: 'court',
      url: 'javascript:alert(1)',
      location: 'Lyon',
    };
    const e = expandEvent(damaged as unknown as SnapshotEvent, context);
    assert.deepEqual(e.keywords, []);
    assert.deepEqual(e.types, [1]);
    assert.deepEqual(e.audiences, []);
    assert.deepEqual(e.accessibility, { hi: false, vi: false, pi: false, mi: false, ii: false });
    assert.equal(e.featured, false);
    assert.deepEqual(e.summary, {});
    assert.equal(e.url, undefined);
    assert.equal(e.location, undefined);
    assert.deepEqual([e.description, e.conditions, e.registration], [{}, {}, []]);
  });

  it('rebuilds page URLs without the URL parser, to the very string the parser gives', () => {
    const agendas = ['s', 'semaine-industrie', ' padded ', '.', '..', 'a/b', 'usine éco', 'x'.repeat(1990), ''];
    const slugs = [
      'e-1',
      '.',
      '..',
      '...',
      '%2e%2e',
      '%2E',
      'a b',
      'é/ü?#&=',
      "l'usine(1)*!~_",
      '\u202e\u200b',
      '\t',
      'x'.repeat(1960),
      'x'.repeat(2100),
      '',
      '🏭',
    ];
    let checked = 0;
    // Agendas alternate, so the remembered prefix is changed and used again.
    for (let round = 0; round < 2; round++) {
      for (const agenda of agendas) {
        for (const slug of slugs) {
          assert.equal(
            fastEventPageUrl(agenda, slug),
            eventPageUrl(agenda, slug),
            `${agenda.slice(0, 20)} / ${slug.slice(0, 20)}`,
          );
          checked++;
        }
      }
    }
    assert.equal(checked, agendas.length * slugs.length * 2);
    assert.equal(fastEventPageUrl('s', '..'), 'https://openagenda.com/s/', 'the parser resolves dot segments');
    // A lone surrogate cannot be encoded: both ways throw the same error.
    assert.throws(() => eventPageUrl('s', '\ud800'), URIError);
    assert.throws(() => fastEventPageUrl('s', '\ud800'), URIError);
    assert.throws(() => fastEventPageUrl('\udc00', 'e'), URIError);
  });

  describe('parseEventsFile', () => {
    const many = (n: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
      Array.from({ length: n }, (_, i) => ({ ...compactEvent(full(i + 1), 's'), ...extra(i) }));
    const file = (events: unknown[]) => JSON.stringify({ format: 1, events });
    let yields = 0;
    before(() => {
      // Counts the pauses; each resumes at once, so the test also runs fast.
      (globalThis as { scheduler?: unknown }).scheduler = { yield: () => ((yields += 1), Promise.resolve()) };
    });
    after(() => {
      delete (globalThis as { scheduler?: unknown }).scheduler;
    });
    beforeEach(() => {
      yields = 0;
    });

    it('parses a large file in slices, to exactly what JSON.parse gives', async () => {
      const text = file(many(6000));
      assert.ok(text.length > 1_500_000, `${text.length} chars`);
      assert.deepStrictEqual(await parseEventsFile(text), JSON.parse(text));
      assert.ok(yields >= 5, `${yields} pauses`);
      assert.deepStrictEqual(await parseEventsFile(`${text}\n`), JSON.parse(text), 'a final newline');
    });

    it('gives JSON.parse’s result when seams fall inside events, or a title looks like one', async () => {
      // Arrays of objects starting with "uid" inside every event: many seams are not between events.
      const nested = file(
        many(4000, (i) => ({ links: [{ uid: i }, { uid: i + 1, x: [{ uid: 2 }] }], title: { fr: `a},{"uid":${i}` } })),
      );
      assert.deepStrictEqual(await parseEventsFile(nested), JSON.parse(nested));
      // Not the builder's layout: parsed whole.
      const spaced = JSON.stringify({ format: 1, events: many(3000) }, null, 1);
      assert.deepStrictEqual(await parseEventsFile(spaced), JSON.parse(spaced));
      assert.equal(yields, 0);
      const other = JSON.stringify({ events: many(3000), format: 1 });
      assert.deepStrictEqual(await parseEventsFile(other), JSON.parse(other));
    });

    it('keeps JSON.parse’s verdict on a damaged file, wherever the damage is', async () => {
      const text = file(many(4000));
      const seams = [...text.matchAll(/\},\{"uid":/g)].map((m) => m.index ?? 0);
      const middle = seams[Math.floor(seams.length / 2)] ?? 0;
      const damaged = [
        text.slice(0, -1), // truncated
        text.slice(0, middle + 1) + '],"events":[' + text.slice(middle + 2), // a second events key: valid, the last wins
        text.slice(0, middle + 1) + text.slice(middle + 2), // a comma missing
        text.slice(0, middle) + '}' + text.slice(middle), // a brace too many
        text.replace('"timezone":"Europe/Paris"', '"timezone":"Europe/Paris}'), // a broken string early
        `${text}x`,
        `${text.slice(0, -1)}]`, // the object not closed
        `[${text.slice(1)}`, // not an object
      ];
      assert.equal((JSON.parse(damaged[1] ?? '') as { events: unknown[] }).events.length, 2000);
      for (const [i, bad] of damaged.entries()) {
        let expected: unknown;
        try {
          expected = JSON.parse(bad);
        } catch {
          await assert.rejects(parseEventsFile(bad), SyntaxError, `case ${i}`);
          continue;
        }
        assert.deepStrictEqual(await parseEventsFile(bad), expected, `case ${i}`);
      }
    });

    it('decodes a body in slices to exactly what response.text() gives', async () => {
      const euro = '€'.repeat(400_000); // 1.2 MB; 3 bytes a character, so slices cut characters
      const bytes = new TextEncoder().encode(`\ufeff${euro}é`);
      const damaged = new Uint8Array([...new TextEncoder().encode('ok '), 0xff, 0xc3, 0x28, 0xe2, 0x82]);
      const chunked = (chunks: Uint8Array[]) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(c) {
              for (const chunk of chunks) c.enqueue(chunk);
              c.close();
            },
          }),
        );
      const cases: [string, () => Response][] = [
        ['one large chunk with a BOM', () => new Response(bytes)],
        [
          'chunks cut inside characters',
          () => chunked([bytes.subarray(0, 5), bytes.subarray(5, 700_001), bytes.subarray(700_001)]),
        ],
        ['bad bytes, a character cut at the end', () => new Response(damaged)],
        ['empty', () => new Response('')],
      ];
      for (const [name, response] of cases) {
        yields = 0;
        assert.equal(await readTextSliced(response()), await response().text(), name);
        if (name.startsWith('one large')) assert.equal(yields, 2, 'three slices of 512 KB');
      }
    });

    it('rejects like response.text() when the body fails, and stops once given up', async () => {
      const failing = () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(new Uint8Array(10));
              c.error(new TypeError('connection reset'));
            },
          }),
        );
      await assert.rejects(failing().text(), TypeError);
      await assert.rejects(readTextSliced(failing()), TypeError);
      const controller = new AbortController();
      (globalThis as { scheduler?: unknown }).scheduler = {
        yield: () => {
          controller.abort();
          return Promise.resolve();
        },
      };
      let pulls = 0;
      const long = new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            pulls += 1;
            if (pulls > 20) c.close();
            else c.enqueue(new Uint8Array(1024 * 1024));
          },
        }),
      );
      await assert.rejects(
        readTextSliced(long, controller.signal),
        (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
      );
      assert.ok(pulls <= 2, `${pulls} chunks read`);
      (globalThis as { scheduler?: unknown }).scheduler = { yield: () => ((yields += 1), Promise.resolve()) };
    });

    it('stops between slices once its reader is given up', async () => {
      const controller = new AbortController();
      (globalThis as { scheduler?: unknown }).scheduler = {
        yield: () => {
          yields += 1;
          controller.abort();
          return Promise.resolve();
        },
      };
      await assert.rejects(
        parseEventsFile(file(many(4000)), controller.signal),
        (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
      );
      assert.equal(yields, 1);
      (globalThis as { scheduler?: unknown }).scheduler = { yield: () => ((yields += 1), Promise.resolve()) };
    });
  });

  it('stops checking and expanding a file once its reader is given up', async () => {
    const events = Array.from({ length: 500 }, (_, i) => full(i + 1));
    const { index, files } = build(events);
    const tree = new Map(files);
    const controller = new AbortController();
    const fetchTree = treeFetch(tree);
    // Given up the moment the file has arrived: nothing of it is expanded any more.
    const fetchThenLeave: FetchLike = async (input, init) => {
      const response = await fetchTree(input, init);
      const text = await response.text();
      controller.abort();
      return new Response(text, { status: response.status });
    };
    await assert.rejects(
      readEvents(BASE, index.files.all, { fetch: fetchThenLeave, retries: 0, signal: controller.signal }, index),
      (error: unknown) => error instanceof DOMException && error.name === 'AbortError',
    );
    const whole = await readEvents(BASE, index.files.all, { fetch: fetchTree, retries: 0 }, index);
    assert.equal(whole.events.length, 500);
  });

  it('writes one details file per region that has details, and a text edit renames only that file', () => {
    const events = () => [
      full(1, { description: { fr: 'Visite guidée' }, registration: [{ type: 'url', value: 'https://inscription.example/1' }] }),
      full(2, { location: { city: 'Caen', departmentCode: '14', regionCode: '28' } }),
      full(3, { location: undefined, attendance: 'online', conditions: { fr: 'Sur inscription' } }),
    ];
    const a = build(events());
    assert.deepEqual(Object.keys(a.index.files.details), ['84', 'none']);
    assert.equal(a.index.files.details['84']?.count, 1);
    const d84 = JSON.parse(a.files.get(a.index.files.details['84']?.path ?? '') ?? '') as SnapshotDetailsFile;
    assert.deepEqual(d84, {
      format: 2,
      details: {
        '1': { description: { fr: 'Visite guidée' }, registration: [{ type: 'url', value: 'https://inscription.example/1' }] },
      },
    });
    assert.equal(detailsFor(a.index, full(2, { location: { regionCode: '28' } })), null);
    assert.equal(detailsFor(a.index, full(3, { location: undefined }))?.path, a.index.files.details.none?.path);
    assert.equal(detailsFor(a.index, '84')?.path, a.index.files.details['84']?.path);

    const edited = events();
    edited[0] = { ...edited[0]!, description: { fr: 'Visite guidée, nouvelle version' } };
    const b = build(edited);
    // Lists keep their cached shards when only a long text changes.
    assert.equal(b.index.files.all.path, a.index.files.all.path);
    assert.deepEqual(b.index.files.regions, a.index.files.regions);
    assert.notEqual(b.index.files.details['84']?.path, a.index.files.details['84']?.path);
    assert.equal(b.index.files.details.none?.path, a.index.files.details.none?.path);
  });

  it('reads a details file, skipping what a browser must not trust', async () => {
    const body = {
      format: 1,
      details: {
        '10': {
          description: { fr: 'Texte', de: 'Text', en: 42 },
          conditions: 'gratuit',
          registration: [
            { type: 'url', value: 'https://ok.example/inscription' },
            { type: 'url', value: 'javascript:alert(1)' },
            { type: 'url', value: 'https://trusted.fr@evil.example/' },
            { type: 'email', value: 'contact@usine.fr' },
            { type: 'email', value: 'x@y.fr" onclick="alert(1)' },
            { type: 'phone', value: '+33 1 23 45 67 89' },
            { type: 'phone', value: '01 23 <b>' },
            { type: 'phone', value: '12' },
            { type: 'fax', value: '0123456789' },
            'https://loose.example',
          ],
        },
        '11': { registration: [{ type: 'url', value: 'ftp://old.example' }] },
        '12': 'texte',
        abc: { description: { fr: 'clé invalide' } },
        '013': { description: { fr: 'zéro en tête' } },
        '14': { conditions: { en: 'Free entry' } },
      },
    };
    const details = validateDetails(body, 'details/x.json');
    assert.deepEqual([...details.keys()], [10, 14]);
    assert.deepEqual(details.get(10), {
      description: { fr: 'Texte' },
      registration: [
        { type: 'url', value: 'https://ok.example/inscription' },
        { type: 'email', value: 'contact@usine.fr' },
        { type: 'phone', value: '+33 1 23 45 67 89' },
      ],
    });
    assert.deepEqual(details.get(14), { conditions: { en: 'Free entry' } });
    for (const bad of [null, [], { format: 3, details: {} }, { format: 1, details: [] }, { format: 2 }]) {
      assert.throws(() => validateDetails(bad, 'details/x.json'), SnapshotError);
    }
    const tree = new Map([['details/region-84.0123456789abcdef.json', JSON.stringify(body)]]);
    const read = await readDetails(
      BASE,
      { path: 'details/region-84.0123456789abcdef.json', count: 2, bytes: 0 },
      { fetch: treeFetch(tree), retries: 0 },
    );
    assert.deepEqual(read, details);
  });

  it('accepts an index without a details list: lists work, cards show no long text', async () => {
    const { index, files } = build([full(1)]);
    const { details: _details, ...rest } = index.files;
    const tree = new Map([...files, ['index.json', JSON.stringify({ ...index, files: rest })]]);
    const read = await readIndex(BASE, { fetch: treeFetch(tree), retries: 0 });
    assert.deepEqual({ ...read.files.details }, {});
    assert.equal(detailsFor(read, full(1)), null);
    const { events } = await readEvents(BASE, read.files.all, { fetch: treeFetch(tree), retries: 0 }, read);
    assert.deepStrictEqual(events, [full(1)]);
  });
});

describe('writeSnapshotAtomic', () => {
  it('writes a new folder, then replaces it, leaving nothing behind', async () => {
    const dir = join(root, 'atomic', 'snap');
    await writeSnapshotAtomic(dir, build(handMade()));
    const first = await readTree(dir);
    assert.ok(first.has('index.json'));
    const changed = handMade();
    changed[0] = event(1, { title: { fr: 'Autre' } });
    const second = build(changed);
    const written = await writeSnapshotAtomic(dir, second);
    const tree = await readTree(dir);
    assert.deepEqual([...tree.keys()].sort(), ['index.json', ...second.files.keys()].sort());
    assert.equal(
      written.bytes,
      [...tree.values()].reduce((s, c) => s + Buffer.byteLength(c), 0),
    );
    assert.deepEqual((await readdir(join(root, 'atomic'))).sort(), ['snap']);
  });

  it('keeps the previous snapshot when writing fails', async () => {
    const dir = join(root, 'atomic-fail', 'snap');
    await writeSnapshotAtomic(dir, build(handMade()));
    const before = await readTree(dir);
    const bad = build(handMade());
    bad.files.set('../escape.json', '{}');
    await assert.rejects(writeSnapshotAtomic(dir, bad), /outside the snapshot/);
    assert.deepEqual(await readTree(dir), before);
    assert.deepEqual((await readdir(join(root, 'atomic-fail'))).sort(), ['snap']);
  });

  it('cleans up after a dead run, and puts back a snapshot it left under its backup name', async () => {
    const parent = join(root, 'atomic-stale');
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default: never alive
    await mkdir(join(parent, `snap.tmp-${deadPid}-abcd`), { recursive: true });
    await mkdir(join(parent, `snap.old-${deadPid}-abcd`), { recursive: true });
    await writeFile(join(parent, `snap.old-${deadPid}-abcd`, 'index.json'), '{"old":true}');
    await writeFile(join(parent, 'other.tmp-1-abcd'), 'not ours');
    const built = build(handMade());
    await writeSnapshotAtomic(join(parent, 'snap'), built);
    assert.deepEqual((await readdir(parent)).sort(), ['other.tmp-1-abcd', 'snap']);
    assert.ok((await readFile(join(parent, 'snap', 'index.json'), 'utf8')).includes('"format":2'));
  });

  it('refuses to replace a file that is not a folder', async () => {
    const path = join(root, 'a-file');
    await writeFile(path, 'x');
    await assert.rejects(writeSnapshotAtomic(path, build(handMade())), /not a folder/);
    assert.equal(await readFile(path, 'utf8'), 'x');
  });
});
