/**
 * #16 item 2, publishing side: a snapshot built with `--images mirror` goes to a real
 * S3-compatible server (s3rver) with its images as immutable WebP, never its image cache, and
 * garbage collection keeps the images the kept indexes list (event files name them, the GC reads
 * indexes only).
 */
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runPublishCli } from '../../src/node/publish/cli.js';
import { planGc } from '../../src/node/publish/gc.js';
import { createS3Store } from '../../src/node/publish/s3.js';
import { httpGet, startS3, tempDir, writeFakeBundle, type Server } from './publish-support.js';
import { buildSampleSnapshot } from '../support/mirrored-snapshot.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const BUCKET = 'sdi-images';

let s3: Server;
let work: string;
let clock = Date.parse('2026-11-20T06:00:00Z');

before(async () => {
  s3 = await startS3([BUCKET, 'sdi-images-site']);
  work = await tempDir('images');
});
after(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

async function publish(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  clock += 15 * 60_000;
  const at = new Date(clock);
  const code = await runPublishCli(['publish', ...argv], {
    env: s3.env,
    now: () => at,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

async function keysOf(bucket: string): Promise<string[]> {
  const store = await createS3Store(
    { to: { bucket, prefix: '' }, endpoint: s3.endpoint, region: 'eu-west-3', pathStyle: true },
    s3.env,
  );
  return (await store.list('')).map((object) => object.key).sort();
}

const url = (bucket: string, key: string) => `http://127.0.0.1:${s3.port}/${bucket}/${key}`;

describe('publishing mirrored images', () => {
  let site: string;
  let images: string[];

  before(async () => {
    site = join(work, 'site');
    await writeFakeBundle(site);
    // As `npm run site` lays it out: the snapshot in site/snapshot/, its cache beside it.
    await buildSampleSnapshot(join(site, 'snapshot'), { count: 40, seed: 3, images: 'mirror' });
    images = (await readdir(join(site, 'snapshot', 'images'))).map((name) => `images/${name}`).sort();
  });

  it('the index lists every mirrored image file, sorted', async () => {
    assert.ok(images.length >= 10, `${images.length} image files`);
    const index = JSON.parse(await readFile(join(site, 'snapshot', 'index.json'), 'utf8')) as { files: { images?: string[] } };
    assert.deepEqual(index.files.images, images);
  });

  it('uploads images/*.webp as immutable WebP and never the image cache', async () => {
    const names = await readdir(join(site, 'snapshot.image-cache'));
    assert.ok(
      names.some((name) => name.endsWith('.webp')),
      'the cache sits in the published folder',
    );
    const run = await publish(['--to', `s3://sdi-images-site/p`, '--site', site]);
    assert.equal(run.code, 0, run.err);
    const keys = await keysOf('sdi-images-site');
    assert.deepEqual(
      keys.filter((key) => key.includes('image-cache')),
      [],
    );
    for (const path of images) {
      const got = await httpGet(url('sdi-images-site', `p/snapshot/${path}`));
      assert.equal(got.status, 200, path);
      assert.equal(got.headers['content-type'], 'image/webp', path);
      assert.equal(got.headers['cache-control'], IMMUTABLE, path);
      assert.equal(got.headers['content-encoding'], undefined, path);
      assert.equal(got.body.subarray(8, 12).toString('latin1'), 'WEBP', path);
    }
  });

  it('garbage collection keeps the images of the kept indexes and deletes them once none lists them', async () => {
    const snap = join(site, 'snapshot');
    const first = await publish(['--to', `s3://${BUCKET}`, '--snapshot', snap, '--keep', '1']);
    assert.equal(first.code, 0, first.err);
    // The same edition built again: a new index (generatedAt), the same images.
    await buildSampleSnapshot(snap, { count: 40, seed: 3, images: 'mirror' });
    const second = await publish(['--to', `s3://${BUCKET}`, '--snapshot', snap, '--keep', '1']);
    assert.equal(second.code, 0, second.err);
    const online = new Set(await keysOf(BUCKET));
    for (const path of images) assert.ok(online.has(`snapshot/${path}`), `kept ${path}`);

    // Images switched off: two indexes listing none, and the mirrored files go.
    const linked = join(work, 'linked');
    for (let run = 0; run < 2; run++) {
      await buildSampleSnapshot(linked, { count: 40, seed: 3, images: 'link' });
      const index = JSON.parse(await readFile(join(linked, 'index.json'), 'utf8')) as { files: { images?: string[] } };
      assert.deepEqual(index.files.images, [], 'a link build lists no image');
      const published = await publish(['--to', `s3://${BUCKET}`, '--snapshot', linked, '--keep', '1']);
      assert.equal(published.code, 0, published.err);
    }
    const left = await keysOf(BUCKET);
    assert.deepEqual(
      left.filter((key) => key.startsWith('snapshot/images/')),
      [],
    );
  });
});

describe('garbage collection and indexes of older builders', () => {
  const index = (files: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ format: 1, files: { all: { path: 'events/all.1.json' }, ...files } }));
  const keys = [
    'snapshot/index.json',
    'snapshot/events/all.1.json',
    'snapshot/events/all.0.json',
    'snapshot/images/card.0123456789abcdef.webp',
  ];
  const store = { get: async () => undefined };

  it('deletes no image while a kept index has no images list (its event files may name some)', async () => {
    const plan = await planGc(store, keys, '', 2, [index({})]);
    assert.deepEqual(plan.deletions, ['snapshot/events/all.0.json']);
  });

  it('deletes an image no listing index names', async () => {
    const plan = await planGc(store, keys, '', 2, [index({ images: [] })]);
    assert.deepEqual(plan.deletions, ['snapshot/events/all.0.json', 'snapshot/images/card.0123456789abcdef.webp']);
  });
});
