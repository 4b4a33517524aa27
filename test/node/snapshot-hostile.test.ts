/**
 * #11 items 5, 6, 9 and 13: the snapshot builder against a hostile API and a careless `--out`.
 * The API is a small local HTTP server whose pages each test scripts, so the lies are exact.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { SnapshotEventsFile, SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import { buildSnapshot, MAX_TIMINGS_PER_EVENT } from '../../src/node/snapshot/build.js';
import { EXIT, runCli, type CliIo } from '../../src/node/snapshot/cli.js';
import { generateEdition } from '../../tools/sample/generate.js';

type Json = Record<string, unknown>;
const KEY = 'hostile-test-key';
const FAST: CliIo['http'] = { retries: 1, backoffMs: 1, maxWaitMs: 50, timeoutMs: 10_000 };

const edition = generateEdition({ count: 400, seed: 11 });
const config = edition.agenda as Json;
const UID = String(config.uid);
const all = edition.events as Json[];

/** What the events route answers for the cursor position `start` (index of the next record). */
type Pager = (start: number, size: number) => { total: number; events: Json[]; more: boolean } | 'endless';
let pager: Pager;
const honest =
  (events: Json[]): Pager =>
  (start, size) => {
    const slice = events.slice(start, start + size);
    return { total: events.length, events: slice, more: start + slice.length < events.length };
  };

let server: Server;
let api: string;
let root: string;
let endlessBytes = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (!url.pathname.endsWith('/events')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(config));
    return;
  }
  const start = Number(url.searchParams.getAll('after[]')[0] ?? 0);
  const answer = pager(start, Number(url.searchParams.get('size')));
  res.writeHead(200, { 'content-type': 'application/json' });
  if (answer === 'endless') {
    res.write('{"total":1,"events":[');
    const chunk = Buffer.from('{"uid":1},'.repeat(6000));
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk)) endlessBytes += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
    return;
  }
  const next = start + answer.events.length;
  res.end(JSON.stringify({ total: answer.total, events: answer.events, after: answer.more ? [next] : null }));
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  root = await mkdtemp(join(tmpdir(), 'sdi-hostile-'));
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  pager = honest(all);
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(out: string, extra: string[] = [], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--agenda', UID, '--key', KEY, '--out', out, '--api', api, ...extra], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    http: FAST,
    ...io,
  });
  return { code, stdout, stderr };
}

let n = 0;
const fresh = () => join(root, `out-${++n}`);
const readIndex = async (dir: string) => JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as SnapshotIndex;
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('--out that is not a snapshot (#11.5)', () => {
  it('refuses a folder of other files, touches nothing, exit code 7', async () => {
    const site = fresh();
    await mkdir(join(site, 'css'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<h1>Partner site</h1>');
    await writeFile(join(site, 'css', 'site.css'), 'body{}');
    const r = await run(site);
    assert.equal(r.code, EXIT.notSnapshot, r.stderr);
    assert.equal(r.code, 7);
    assert.match(r.stderr, /is not a snapshot folder.*--force/s);
    assert.equal(await readFile(join(site, 'index.html'), 'utf8'), '<h1>Partner site</h1>');
    assert.deepEqual((await readdir(site)).sort(), ['css', 'index.html']);
  });

  it("refuses a project folder whose index.json is another program's (--out .)", async () => {
    const dir = fresh();
    await mkdir(dir);
    await writeFile(join(dir, 'index.json'), '{"name":"my-app","version":"1.0.0"}');
    await writeFile(join(dir, 'app.js'), 'console.log(1)');
    const r = await run(dir);
    assert.equal(r.code, EXIT.notSnapshot, r.stderr);
    assert.equal(await readFile(join(dir, 'index.json'), 'utf8'), '{"name":"my-app","version":"1.0.0"}');
  });

  it('replaces such a folder with --force', async () => {
    const dir = fresh();
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'x');
    const r = await run(dir, ['--force']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await exists(join(dir, 'notes.txt')), false);
    assert.equal((await readIndex(dir)).total > 0, true);
  });

  it('writes into an empty folder and replaces its own snapshot without --force', async () => {
    const dir = fresh();
    await mkdir(dir);
    assert.equal((await run(dir)).code, 0);
    const again = await run(dir);
    assert.equal(again.code, 0, again.stderr);
  });
});

describe('a read that ends short (#11.6)', () => {
  it('reads past a lying total with short pages, to the end of the cursor', async () => {
    pager = (start) => {
      const slice = all.slice(start, start + 50);
      return { total: 50, events: slice, more: start + slice.length < all.length };
    };
    const dir = fresh();
    const r = await run(dir);
    assert.equal(r.code, 0, r.stderr);
    const index = await readIndex(dir);
    assert.equal(index.total + index.skipped, all.length);
  });

  it('keeps the previous snapshot when the read ends far below it, exit code 8', async () => {
    const dir = fresh();
    assert.equal((await run(dir)).code, 0);
    const before = await readFile(join(dir, 'index.json'), 'utf8');
    pager = honest(all.slice(0, 50));
    const r = await run(dir);
    assert.equal(r.code, EXIT.short, r.stderr);
    assert.equal(r.code, 8);
    assert.match(r.stderr, /50 usable events.*previous snapshot.*is kept.*--min-ratio.*--allow-shrink/s);
    assert.equal(await readFile(join(dir, 'index.json'), 'utf8'), before);
  });

  it('accepts the same shrink with --allow-shrink, or a lower --min-ratio', async () => {
    const dir = fresh();
    assert.equal((await run(dir)).code, 0);
    pager = honest(all.slice(0, 150));
    assert.equal((await run(dir, ['--min-ratio', '0.3'])).code, 0);
    pager = honest(all.slice(0, 50));
    const r = await run(dir, ['--allow-shrink']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok((await readIndex(dir)).total <= 50);
  });

  it('accepts a normal shrink (cancelled events) above the ratio', async () => {
    const dir = fresh();
    assert.equal((await run(dir)).code, 0);
    pager = honest(all.slice(0, 300));
    assert.equal((await run(dir)).code, 0);
  });

  it("fails when the cursor ends below the API's own total, even with no previous snapshot", async () => {
    pager = (start, size) => {
      const slice = all.slice(start, Math.min(start + size, 100));
      return { total: all.length, events: slice, more: false };
    };
    const dir = fresh();
    const r = await run(dir);
    assert.equal(r.code, EXIT.short, r.stderr);
    assert.match(r.stderr, /read 100 records but the API announced 400/);
    assert.equal(await exists(dir), false);
  });

  it('rejects a bad --min-ratio', async () => {
    assert.equal((await run(fresh(), ['--min-ratio', '2'])).code, EXIT.usage);
    assert.equal((await run(fresh(), ['--min-ratio', 'half'])).code, EXIT.usage);
  });
});

describe('a hostile API body (#11.13)', () => {
  it('stops an endless page at the size cap with exit code 9', async () => {
    pager = () => 'endless';
    const started = performance.now();
    const r = await run(fresh(), [], { http: { ...FAST, maxBodyBytes: 2 * 1024 * 1024 } });
    assert.equal(r.code, EXIT.tooLarge, r.stderr);
    assert.equal(r.code, 9);
    assert.match(r.stderr, /larger than 2097152 bytes/);
    assert.ok(performance.now() - started < 8000);
    assert.ok(endlessBytes < 64 * 1024 * 1024, `${endlessBytes} bytes pushed`);
  });

  it('fails cleanly on a page of 250,000 records', async () => {
    const huge = Array.from({ length: 250_000 }, (_, i) => ({ uid: i + 1 }));
    pager = () => ({ total: huge.length, events: huge, more: false });
    const r = await run(fresh());
    assert.notEqual(r.code, 0);
    assert.doesNotMatch(r.stderr, /call stack/);
    assert.match(r.stderr, /250000 events in a page of 300/);
  });
});

describe('timings per event (#11.9, builder side)', () => {
  // 5,000 hourly slots, 4,000 of them ended at `now`.
  const now = Date.parse('2026-11-18T12:00:00Z');
  const first = now - 4000 * 3_600_000;
  const slots = Array.from({ length: 5000 }, (_, i) => ({
    begin: first + i * 3_600_000,
    end: first + i * 3_600_000 + 1_800_000,
  }));
  const schema = schemaFromAgenda(config, {});
  const [one] = normaliseEvents([all[0]], { schema }).events;

  it(`buildSnapshot keeps at most ${MAX_TIMINGS_PER_EVENT}, upcoming first, and counts what it dropped`, () => {
    assert.ok(one);
    const built = buildSnapshot({
      agenda: config,
      events: [{ ...one, timings: slots }],
      schema,
      skipped: 0,
      generatedAt: new Date(now),
    });
    assert.deepEqual(built.droppedTimings, { events: 1, timings: 5000 - MAX_TIMINGS_PER_EVENT });
    const file = JSON.parse(built.files.get(built.index.files.all.path) ?? '') as SnapshotEventsFile;
    const timings = file.events[0]?.timings ?? [];
    assert.equal(timings.length, MAX_TIMINGS_PER_EVENT);
    assert.ok(
      timings.every((t) => t.end > now),
      'only upcoming slots while there are enough',
    );
    assert.equal(timings[0]?.begin, first + 4000 * 3_600_000);
    assert.ok(timings.every((t, i, list) => i === 0 || (list[i - 1]?.begin ?? 0) <= t.begin));
  });

  it('fills with the latest past slots when fewer are upcoming', () => {
    assert.ok(one);
    const late = new Date(first + 4900 * 3_600_000);
    const built = buildSnapshot({ agenda: config, events: [{ ...one, timings: slots }], schema, skipped: 0, generatedAt: late });
    const timings =
      (JSON.parse(built.files.get(built.index.files.all.path) ?? '') as SnapshotEventsFile).events[0]?.timings ?? [];
    assert.equal(timings.length, MAX_TIMINGS_PER_EVENT);
    assert.equal(timings.at(-1)?.begin, slots.at(-1)?.begin);
    assert.equal(timings[0]?.begin, slots[4000]?.begin);
  });

  it('the CLI writes no event over the cap and reports drops in its summary', async () => {
    const timings = slots.map((t) => ({ begin: new Date(t.begin).toISOString(), end: new Date(t.end).toISOString() }));
    pager = honest([{ ...all[0], timings }, ...all.slice(1, 20)]);
    const dir = fresh();
    const r = await run(dir, [], { now: () => new Date(now) });
    assert.equal(r.code, 0, r.stderr);
    const index = await readIndex(dir);
    const file = JSON.parse(await readFile(join(dir, index.files.all.path), 'utf8')) as SnapshotEventsFile;
    assert.ok(file.events.every((e) => e.timings.length <= MAX_TIMINGS_PER_EVENT));
    // The normaliser may cap first (src/model/limits.ts); what reaches the builder is reported.
    if (/timings dropped/.test(r.stdout)) assert.match(r.stdout, /timings dropped \d+ \(1 event over 1000\)/);
  });
});
