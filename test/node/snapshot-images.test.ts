/** #16 item 2: `--images mirror` against a local server of generated images. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { SNAPSHOT_FORMAT, type SnapshotEventsFile, type SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { readEvents } from '../../src/feed/snapshot-reader.js';
import type { SdiEvent } from '../../src/model/types.js';
import { mirrorImages } from '../../src/node/images/mirror.js';
import { CARD } from '../../src/node/images/resize.js';
import { runCli } from '../../src/node/snapshot/cli.js';
import { generateEdition } from '../../tools/sample/generate.js';
import { hostileFilePaths } from '../hostile/snapshot-cases.js';

type Json = Record<string, unknown>;
let server: Server;
let origin: string;
let root: string;
let imageRequests = 0;
const photos = new Map<string, Buffer>();

/** A 1600×900 picture with some detail, so WebP has something to encode. */
async function photo(seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${seed % 360},60%,60%)"/><stop offset="1" stop-color="hsl(${(seed * 7) % 360},50%,30%)"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    ${Array.from({ length: 40 }, (_, i) => `<circle cx="${(i * 137 + seed) % 1600}" cy="${(i * 89 + seed) % 900}" r="${20 + (i % 7) * 12}" fill="hsl(${(i * 29 + seed) % 360},70%,50%)" opacity="0.7"/>`).join('')}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** A decompression bomb: a small PNG of 8,000 × 8,000 pixels, made once (encoding it is slow). */
let bomb: Buffer;
let edition: { agenda: Json; events: Json[] };
let withImages: Json[];

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname.startsWith('/img/')) {
    imageRequests++;
    const name = url.pathname.slice('/img/'.length);
    const index = withImages.findIndex((e) => (e.image as Json).filename === name);
    if (index === 0) return void res.writeHead(404).end('gone');
    if (index === 1) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    if (index === 2) {
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(bomb);
    }
    let body = photos.get(name);
    if (!body) photos.set(name, (body = await photo(index * 31)));
    res.writeHead(200, { 'content-type': 'image/jpeg', etag: `"${name}"` }).end(body);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  if (url.pathname.endsWith('/events'))
    res.end(JSON.stringify({ total: edition.events.length, events: edition.events, after: null }));
  else res.end(JSON.stringify(edition.agenda));
}

before(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  edition = generateEdition({ count: 40, seed: 5, imageBase: `${origin}/img/` }) as typeof edition;
  withImages = edition.events.filter((e) => e.image);
  root = await mkdtemp(join(tmpdir(), 'sdi-images-'));
  bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#fff' } })
    .png({ compressionLevel: 1 })
    .toBuffer();
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await rm(root, { recursive: true, force: true });
});

async function run(out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['--agenda', String(edition.agenda.uid), '--key', 'k', '--out', out, '--api', `${origin}/v2`, '--images', 'mirror'],
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      http: { retries: 0, timeoutMs: 10_000 },
    },
  );
  return { code, stdout, stderr };
}

describe('--images mirror', () => {
  let out: string;
  let first: { code: number; stdout: string; stderr: string };
  let events: SnapshotEventsFile['events'];

  before(async () => {
    out = join(root, 'snapshot');
    first = await run(out);
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as SnapshotIndex;
    events = (JSON.parse(await readFile(join(out, index.files.all.path), 'utf8')) as SnapshotEventsFile).events;
  });

  it('mirrors every good image as a card and a detail file, relative to the snapshot', async () => {
    assert.equal(first.code, 0, first.stderr);
    const good = withImages.length - 3;
    assert.ok(good >= 5, `${good} good images`);
    assert.match(first.stdout, new RegExp(`images ${withImages.length}: fetched ${good}, reused 0, failed 3`));
    const mirrored = events.filter((e) => e.image?.url.startsWith('images/'));
    assert.equal(mirrored.length, good);
    const names = await readdir(join(out, 'images'));
    assert.equal(names.filter((n) => n.startsWith('card.')).length, good);
    for (const e of mirrored) {
      assert.match(e.image?.thumbnail ?? '', /^images\/card\.[0-9a-f]{16}\.webp$/);
      assert.match(e.image?.url ?? '', /^images\/detail\.[0-9a-f]{16}\.webp$/);
      const meta = await sharp(join(out, e.image?.thumbnail ?? '')).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['webp', CARD.width, CARD.height]);
      assert.deepEqual([e.image?.width, e.image?.height], [800, 450]);
    }
  });

  it('keeps the source URL of a 404, a non-image and a pixel bomb, and says why', () => {
    const kept = events.filter((e) => e.image && !e.image.url.startsWith('images/'));
    assert.equal(kept.length, 3);
    assert.ok(kept.every((e) => e.image?.url.startsWith(`${origin}/img/`)));
    assert.match(first.stderr, /HTTP 404/);
    assert.match(first.stderr, /not an image \(text\/html\)/);
    assert.match(first.stderr, /not a readable image/);
  });

  it('reuses mirrored images on the next run: only the failed ones are asked again', async () => {
    imageRequests = 0;
    const again = await run(out);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(imageRequests, 3);
    assert.match(again.stdout, new RegExp(`fetched 0, reused ${withImages.length - 3}, failed 3`));
  });

  it('refuses an image over the byte cap while streaming', async () => {
    const event = { uid: 1, image: { url: `${origin}/img/${(withImages[5]?.image as Json).filename}` } } as unknown as SdiEvent;
    const result = await mirrorImages([event], { cacheDir: join(root, 'cap-cache'), maxBytes: 1000 });
    assert.equal(result.stats.failed, 1);
    assert.match(result.stats.failures[0]?.reason ?? '', /larger than 1000 bytes/);
    assert.equal(result.events[0]?.image?.url, event.image?.url);
  });

  it('measures bytes per card against the source thumbnail', async () => {
    const source = await photo(7);
    const thumb = await sharp(source).resize(200, 200, { fit: 'cover' }).jpeg({ quality: 80 }).toBuffer();
    const result = await mirrorImages(
      [{ uid: 2, image: { url: `${origin}/img/${(withImages[4]?.image as Json).filename}` } } as unknown as SdiEvent],
      {
        cacheDir: join(root, 'measure-cache'),
      },
    );
    const card = result.stats.cardBytes;
    process.stdout.write(
      `# card ${card} B (320×240 WebP) vs source ${source.length} B (1600×900 JPEG), 200×200 JPEG thumb ${thumb.length} B\n`,
    );
    assert.ok(card > 0 && card < source.length / 5);
  });
});

describe('reading mirrored image paths (#16 item 2)', () => {
  const BASE = 'https://cdn.example.org/sdi/snapshot/index.json';
  const FOLDER = 'https://cdn.example.org/sdi/snapshot/';

  /** The events of a one-file shard served at the snapshot's folder, as the widgets read it. */
  async function readImages(images: unknown[]): Promise<Map<number, SdiEvent['image']>> {
    const events = images.map((image, i) => ({
      uid: i + 1,
      title: { fr: `Visite ${i + 1}` },
      timings: [{ begin: 0, end: 1 }],
      timezone: 'Europe/Paris',
      image,
    }));
    const body = JSON.stringify({ format: SNAPSHOT_FORMAT, events });
    const fetch = async (input: string): Promise<Response> =>
      input === `${FOLDER}events/all.json`
        ? new Response(body, { headers: { 'content-type': 'application/json' } })
        : new Response('', { status: 404 });
    const read = await readEvents(
      BASE,
      { path: 'events/all.json', count: events.length, bytes: body.length },
      { fetch, retries: 0 },
      { agenda: { slug: 'x' } },
    );
    return new Map(read.events.map((e) => [e.uid, e.image]));
  }

  it('resolves the builder’s relative paths inside the snapshot folder', async () => {
    const read = await readImages([
      { url: 'images/detail.0123456789abcdef.webp', thumbnail: 'images/card.fedcba9876543210.webp', width: 800, height: 450 },
      { url: './images/detail.0123456789abcdef.webp' },
    ]);
    assert.deepEqual(read.get(1), {
      url: `${FOLDER}images/detail.0123456789abcdef.webp`,
      thumbnail: `${FOLDER}images/card.fedcba9876543210.webp`,
      width: 800,
      height: 450,
    });
    assert.equal(read.get(2)?.url, `${FOLDER}images/detail.0123456789abcdef.webp`);
  });

  it('keeps absolute http(s) URLs as before (images not mirrored)', async () => {
    const read = await readImages([
      { url: 'https://cdn.openagenda.com/main/a.jpg', thumbnail: 'https://cdn.openagenda.com/main/thumb-a.jpg' },
    ]);
    assert.deepEqual(read.get(1), {
      url: 'https://cdn.openagenda.com/main/a.jpg',
      thumbnail: 'https://cdn.openagenda.com/main/thumb-a.jpg',
    });
  });

  it('drops every relative path that leaves the folder, and keeps a good image beside a bad thumbnail', async () => {
    // Absolute http(s) URLs stay allowed (the unmirrored case), so those are not hostile here.
    const hostile = hostileFilePaths.filter((path) => !/^https?:/i.test(path));
    const read = await readImages([
      ...hostile.map((url) => ({ url })),
      ...hostile.map((thumbnail) => ({ url: 'images/detail.0123456789abcdef.webp', thumbnail })),
    ]);
    for (let i = 0; i < hostile.length; i++) {
      assert.equal(read.get(i + 1), undefined, `url ${JSON.stringify(hostile[i])}`);
      assert.deepEqual(
        read.get(hostile.length + i + 1),
        { url: `${FOLDER}images/detail.0123456789abcdef.webp` },
        `thumbnail ${JSON.stringify(hostile[i])}`,
      );
    }
  });
});
