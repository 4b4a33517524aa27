/**
 * First-page files (snapshot format 2, issue #14): what the builder writes, that a first page is
 * exactly the list's first cards at any instant it is used, that new readers still read format 1
 * snapshots and that a reader of format 1 refuses format 2 cleanly.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import type { FetchLike } from '../../src/feed/http.js';
import { clearPrefetched, prefetch } from '../../src/feed/prefetch.js';
import type { SnapshotFileRef, SnapshotFirstFile, SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { readFirstPage, validateFirstFacts } from '../../src/feed/snapshot-first.js';
import { readEvents, readIndex } from '../../src/feed/snapshot-reader.js';
import { sortEvents } from '../../src/list/sort.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import type { Lang, SdiEvent } from '../../src/model/types.js';
import { buildSnapshot } from '../../src/node/snapshot/build.js';
import { FeedStore } from '../../src/store/feed-store.js';
import { FIRST_PAGE_EVENTS, FIRST_PAGE_HORIZON_MS, firstPageView, surelyFirst } from '../../src/store/first-page.js';
import { generateEdition } from '../../tools/sample/generate.js';

const BASE = 'https://cdn.example.org/snapshot/';
const HOUR = 60 * 60 * 1000;
const edition = generateEdition({ count: 2000, seed: 11 });
const schema = schemaFromAgenda(edition.agenda);
const events = normaliseEvents(edition.events, { schema, agendaSlug: String(edition.agenda.slug) }).events;
const begins = events.map((e) => e.timings[0]!.begin).sort((a, b) => a - b);
/** A week before the edition, and its busiest moment (half its events started). */
const BEFORE = begins[0]! - 7 * 24 * HOUR;
const DURING = begins[Math.floor(begins.length / 2)]!;

function build(generatedAt: number) {
  return buildSnapshot({ agenda: edition.agenda, events, schema, skipped: 0, generatedAt: new Date(generatedAt) });
}

/** A fetch serving a built snapshot's files (index.json included) under BASE, counting requests. */
function serve(files: Map<string, string>, index: unknown) {
  const asked: string[] = [];
  const fetch: FetchLike = (url) => {
    asked.push(url);
    const path = url.slice(BASE.length);
    const body = path === 'index.json' ? JSON.stringify(index) : files.get(path);
    return Promise.resolve(body === undefined ? new Response('missing', { status: 404 }) : new Response(body));
  };
  return { fetch, asked };
}

const upcoming = (list: SdiEvent[], now: number) => list.filter((e) => e.timings[e.timings.length - 1]!.end > now);

describe('first-page files: what the builder writes', () => {
  const { index, files } = build(DURING);

  it('bumps the format to 2 and names a first-page file for the nation and for each region', () => {
    assert.equal(index.format, 2);
    assert.ok(index.files.first, 'files.first');
    assert.deepEqual(Object.keys(index.files.first.regions), Object.keys(index.files.regions));
    for (const ref of [index.files.first.all, ...Object.values(index.files.first.regions)]) {
      assert.match(ref.path, /^events\/first-(all|region-\w+)\.[0-9a-f]{16}\.json$/);
      const file = JSON.parse(files.get(ref.path)!) as SnapshotFirstFile;
      assert.equal(file.format, 2);
      assert.equal(file.events.length, ref.count);
      assert.ok(ref.count <= FIRST_PAGE_EVENTS);
    }
  });

  it("holds the scope's first upcoming events, in the full file's order, and its counts", () => {
    const ref = index.files.first!.all;
    const file = JSON.parse(files.get(ref.path)!) as SnapshotFirstFile;
    const all = JSON.parse(files.get(index.files.all.path)!) as { events: { uid: number }[] };
    const order = new Map(all.events.map((e, i) => [e.uid, i]));
    const positions = file.events.map((e) => order.get(e.uid)!);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
    assert.equal(file.events.length, FIRST_PAGE_EVENTS);
    assert.equal(file.first.total, events.length);
    assert.equal(file.first.over, events.length - upcoming(events, DURING).length);
    assert.ok(file.first.over > 0, 'the sample has events over at its middle');
    assert.equal(file.first.horizon, DURING + FIRST_PAGE_HORIZON_MS);
    assert.ok(file.first.until, 'more events than the file holds');
  });

  it('keeps the national first page small: under 16 KB gzip (the goal: 60 KB of data before a first card)', () => {
    const first = gzipSync(files.get(index.files.first!.all.path)!).length;
    assert.ok(first < 16 * 1024, `${first} B gzip`);
    assert.ok(first * 20 < gzipSync(files.get(index.files.all.path)!).length, `${first} B gzip against the national file`);
  });
});

describe("first-page files: the first cards they paint are the full list's", () => {
  for (const [name, generatedAt] of [
    ['built a week before the edition', BEFORE],
    ['built in the middle of the edition', DURING],
  ] as const) {
    const { index, files } = build(generatedAt);
    const { fetch } = serve(files, index);
    const region = Object.entries(index.counts.region).sort((a, b) => b[1] - a[1])[0]![0];
    for (const scope of [undefined, region]) {
      for (const lang of ['fr', 'en'] as Lang[]) {
        it(`${name}, ${scope ? `region ${scope}` : 'national'}, ${lang}: each instant up to the horizon`, async () => {
          const full = await readEvents(BASE, scope ? index.files.regions[scope]! : index.files.all, { fetch }, index);
          const ref = scope ? index.files.first!.regions[scope]! : index.files.first!.all;
          const first = await readFirstPage(BASE, ref, { fetch }, index);
          let used = 0;
          for (const offset of [0, HOUR, 5 * HOUR, 26 * HOUR, FIRST_PAGE_HORIZON_MS - 1]) {
            const now = generatedAt + offset;
            const expected = sortEvents(upcoming(full.events, now), 'date', { lang, now }).map((e) => e.uid);
            const ordered = sortEvents(upcoming(first.events, now), 'date', { lang, now });
            const view = firstPageView(
              ordered,
              { facts: first.facts, ...(scope ? { region: scope } : {}) },
              generatedAt,
              { filters: scope ? { region: scope } : {}, sort: 'date', near: undefined, includePast: false, lang, now },
              20,
            );
            if (!view) continue;
            used += 1;
            assert.equal(view.total, expected.length, `count at +${offset / HOUR} h`);
            assert.deepEqual(
              view.events.map((e) => e.uid),
              expected.slice(0, view.events.length),
              `first cards at +${offset / HOUR} h`,
            );
          }
          assert.ok(used >= 1, 'used at least right after the build');
        });
      }
    }
  }

  it('is used for a page right after the build, even where thousands of events start at 9:00', async () => {
    const { index, files } = build(BEFORE);
    const { fetch } = serve(files, index);
    const first = await readFirstPage(BASE, index.files.first!.all, { fetch }, index);
    const ordered = sortEvents(first.events, 'date', { lang: 'fr', now: BEFORE });
    const sure = surelyFirst(ordered, first.facts, BEFORE, BEFORE, 'fr');
    assert.ok(sure && sure.events.length >= 20, `${sure?.events.length} sure events`);
  });

  it('is not used before its build, past its horizon, nor for other filters, orders or past events', async () => {
    const { index, files } = build(BEFORE);
    const { fetch } = serve(files, index);
    const first = await readFirstPage(BASE, index.files.first!.all, { fetch }, index);
    const ordered = sortEvents(first.events, 'date', { lang: 'fr', now: BEFORE });
    const look = { filters: {}, sort: 'date', near: undefined, includePast: false, lang: 'fr' as Lang, now: BEFORE };
    const data = { facts: first.facts };
    assert.ok(firstPageView(ordered, data, BEFORE, look, 20));
    assert.equal(surelyFirst(ordered, first.facts, BEFORE, BEFORE - 1, 'fr'), undefined);
    assert.equal(surelyFirst(ordered, first.facts, BEFORE, BEFORE + FIRST_PAGE_HORIZON_MS + 1, 'fr'), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, { ...look, filters: { q: 'visite' } }, 20), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, { ...look, filters: { types: [1] } }, 20), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, { ...look, filters: { region: '84' } }, 20), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, { ...look, sort: 'title' }, 20), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, { ...look, includePast: true }, 20), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, { ...look, near: { lat: 45, lng: 5 } }, 20), undefined);
    assert.equal(firstPageView(ordered, data, BEFORE, look, FIRST_PAGE_EVENTS + 1), undefined, 'a page larger than the file');
  });
});

describe('first-page files of a snapshot built after the edition', () => {
  const AFTER = Math.max(...events.map((e) => e.timings[e.timings.length - 1]!.end)) + HOUR;
  const { index, files } = build(AFTER);

  it('are not fetched: no card to paint, and the list waits for its full file (which offers past events)', async () => {
    assert.equal(index.files.first!.all.count, 0);
    const { fetch, asked } = serve(files, index);
    const store = new FeedStore({ fetch, retries: 0 });
    assert.equal(await store.firstEvents({ kind: 'snapshot', src: BASE }), undefined);
    assert.deepEqual(asked, [`${BASE}index.json`]);
    const file = JSON.parse(files.get(index.files.first!.all.path)!) as SnapshotFirstFile;
    const look = { filters: {}, sort: 'date', near: undefined, includePast: false, lang: 'fr' as Lang, now: AFTER };
    assert.equal(firstPageView([], { facts: file.first }, AFTER, look, 20), undefined);
  });
});

describe('first-page files: readers and formats', () => {
  const { index, files } = build(BEFORE);

  it('refuses a first-page file whose facts are damaged', () => {
    const file = JSON.parse(files.get(index.files.first!.all.path)!) as SnapshotFirstFile;
    assert.deepEqual(validateFirstFacts(file.first, 'x'), file.first);
    for (const damage of [
      { until: 5 },
      { total: -1 },
      { ends: [1, 2, 3] },
      { ends: [5, 1, 4, 1] },
      { horizon: 'soon' },
      { until: { at: 1 } },
    ]) {
      assert.throws(() => validateFirstFacts({ ...file.first, ...damage }, 'x'), /not a first-page file/, JSON.stringify(damage));
    }
    assert.throws(() => validateFirstFacts(undefined, 'x'), /not a first-page file/);
  });

  it('gives the store no first page from a damaged file: the list waits for the full one', async () => {
    const damaged = new Map(files);
    const path = index.files.first!.all.path;
    damaged.set(path, files.get(path)!.replace('"horizon":', '"horizon":"x","old":'));
    const store = new FeedStore({ fetch: serve(damaged, index).fetch, retries: 0 });
    const source = { kind: 'snapshot', src: BASE } as const;
    assert.equal(await store.firstEvents(source), undefined);
    assert.equal((await store.events(source)).events.length, events.length);
  });

  it('still reads a format 1 snapshot (no first-page files): the store goes to the full file', async () => {
    const old = structuredClone(index) as unknown as { format: number; files: Partial<SnapshotIndex['files']> };
    old.format = 1;
    delete old.files.first;
    const oldFiles = new Map([...files].map(([path, text]) => [path, text.replace(/^\{"format":2,/, '{"format":1,')]));
    const { fetch, asked } = serve(oldFiles, old);
    const read = await readIndex(BASE, { fetch });
    assert.equal(read.format, 1);
    assert.equal(read.files.first, undefined);
    const store = new FeedStore({ fetch, retries: 0 });
    const source = { kind: 'snapshot', src: BASE } as const;
    assert.equal(await store.firstEvents(source), undefined);
    assert.equal((await store.events(source)).events.length, events.length);
    const region = Object.keys(index.files.regions)[0]!;
    assert.ok((await store.events(source, { region })).events.length > 0);
    assert.ok(asked.every((url) => !url.includes('first-')));
  });

  describe('a reader of format 1 (the code before the bump)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdi-format-1-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a format 2 index as a missing snapshot, naming the format', async () => {
      // The last commit whose readers knew format 1 only.
      const archive = spawnSync('git', ['archive', '7772677', 'src'], { maxBuffer: 64 * 1024 * 1024 });
      assert.equal(archive.status, 0, String(archive.stderr));
      assert.equal(spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout }).status, 0);
      const reader = (await import(
        join(dir, 'src/feed/snapshot-reader.ts')
      )) as typeof import('../../src/feed/snapshot-reader.js');
      const error = await reader.readIndex(BASE, { fetch: serve(files, index).fetch }).then(
        () => assert.fail('read a format 2 index'),
        (e: unknown) => e as { name: string; reason: string; detail: string },
      );
      assert.equal(error.name, 'SnapshotUnavailableError');
      assert.equal(error.reason, 'format');
      assert.match(error.detail, /format 2, this code reads format 1/);
    });
  });
});

describe("the loader's prefetched answers", () => {
  it('are taken by the store once: one request per file, and a later read asks the network', async () => {
    const { index, files } = build(BEFORE);
    const loader = serve(files, index);
    const page = serve(files, index);
    clearPrefetched();
    const ref: SnapshotFileRef = index.files.first!.all;
    prefetch(`${BASE}index.json`, loader.fetch);
    prefetch(`${BASE}${ref.path}`, loader.fetch);
    const store = new FeedStore({ fetch: page.fetch, retries: 0 });
    const source = { kind: 'snapshot', src: BASE } as const;
    const first = await store.firstEvents(source);
    assert.equal(first?.events.length, FIRST_PAGE_EVENTS);
    assert.deepEqual(page.asked, [], 'the store asked for nothing the loader had asked for');
    assert.equal(loader.asked.length, 2);
    await store.events(source);
    assert.deepEqual(page.asked, [`${BASE}${index.files.all.path}`]);
    await store.summary(source, undefined, true);
    assert.deepEqual(page.asked.slice(1), [`${BASE}index.json`], 'a forced read goes to the network');
  });

  it("follow the store's abort signal like its own fetch", async () => {
    clearPrefetched();
    let answer!: (response: Response) => void;
    prefetch(`${BASE}slow.json`, () => new Promise<Response>((resolve) => (answer = resolve)));
    const { takePrefetched } = await import('../../src/feed/prefetch.js');
    const controller = new AbortController();
    const taken = takePrefetched(`${BASE}slow.json`, { signal: controller.signal })!;
    controller.abort();
    await assert.rejects(taken, { name: 'AbortError' });
    answer(new Response('{}'));
    assert.equal(takePrefetched(`${BASE}slow.json`), undefined, 'taken once');
  });
});
