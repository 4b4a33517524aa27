import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { runPublishCli, type PublishIo } from '../../src/node/publish/cli.js';
import { createS3Store } from '../../src/node/publish/s3.js';
import {
  BUCKET,
  httpGet,
  startS3,
  tempDir,
  wrappedStore,
  writeFakeBundle,
  writeSampleSnapshot,
  type Server,
} from './publish-support.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=60, stale-while-revalidate=300';

let s3: Server;
let work: string;

before(async () => {
  s3 = await startS3([BUCKET, 'sdi-gc', 'sdi-cut', 'sdi-dry', 'sdi-zip']);
  work = await tempDir('work');
});
after(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

let clock = Date.parse('2026-11-20T06:00:00Z');
async function cli(argv: string[], io: Partial<PublishIo> = {}): Promise<Run> {
  let out = '';
  let err = '';
  clock += 15 * 60_000;
  const at = new Date(clock);
  const code = await runPublishCli(argv, {
    env: s3.env,
    now: () => at,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    ...io,
  });
  return { code, out, err };
}

const url = (bucket: string, key: string) => `http://127.0.0.1:${s3.port}/${bucket}/${key}`;

async function keysOf(bucket: string, prefix = ''): Promise<string[]> {
  const store = await createS3Store(
    { to: { bucket, prefix: '' }, endpoint: s3.endpoint, region: 'eu-west-3', pathStyle: true },
    s3.env,
  );
  return (await store.list(prefix)).map((object) => object.key).sort();
}

async function snapshotFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Every snapshot file the online index names answers 200. */
async function assertIndexReadable(bucket: string, prefix: string): Promise<Record<string, unknown>> {
  const index = await httpGet(url(bucket, `${prefix}snapshot/index.json`));
  assert.equal(index.status, 200);
  const parsed = JSON.parse(index.body.toString('utf8')) as { files: Record<string, unknown> };
  const paths: string[] = [];
  const visit = (value: unknown): void => {
    if (value && typeof value === 'object') {
      const path = (value as { path?: unknown }).path;
      if (typeof path === 'string') paths.push(path);
      else Object.values(value).forEach(visit);
    }
  };
  visit(parsed.files);
  assert.ok(paths.length >= 3, 'the index names files');
  for (const path of paths) assert.equal((await httpGet(url(bucket, `${prefix}snapshot/${path}`))).status, 200, path);
  return parsed;
}

function uploadedCount(out: string): number {
  const match = /uploaded (\d+) .*skipped (\d+)/.exec(out);
  assert.ok(match, out);
  return Number(match[1]);
}

describe('sdi-snapshot publish to S3 (s3rver)', () => {
  it('uploads the snapshot and the bundle with their types and cache headers, CORS on', async () => {
    const snap = join(work, 'snap1');
    const bundle = join(work, 'bundle');
    await writeSampleSnapshot(snap);
    await writeFakeBundle(bundle);
    const run = await cli(['publish', '--to', `s3://${BUCKET}/sdi`, '--snapshot', snap, '--bundle', bundle]);
    assert.equal(run.code, 0, run.err);

    const index = await httpGet(url(BUCKET, 'sdi/snapshot/index.json'), { Origin: 'https://partenaire.example' });
    assert.equal(index.headers['content-type'], 'application/json');
    assert.equal(index.headers['cache-control'], SHORT);
    assert.equal(index.headers['access-control-allow-origin'], '*');
    assert.deepEqual(index.body, await readFile(join(snap, 'index.json')));
    const parsed = await assertIndexReadable(BUCKET, 'sdi/');
    const allPath = (parsed.files as { all: { path: string } }).all.path;
    const all = await httpGet(url(BUCKET, `sdi/snapshot/${allPath}`));
    assert.equal(all.headers['content-type'], 'application/json');
    assert.equal(all.headers['cache-control'], IMMUTABLE);
    assert.equal(all.headers['content-encoding'], undefined);

    const versioned = await httpGet(url(BUCKET, 'sdi/widgets/0.1.0/sdi-widgets.js'));
    assert.equal(versioned.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(versioned.headers['cache-control'], IMMUTABLE);
    const moving = await httpGet(url(BUCKET, 'sdi/widgets/v0/sdi-widgets.js'));
    assert.equal(moving.headers['cache-control'], SHORT);
    const chunk = await httpGet(url(BUCKET, 'sdi/widgets/v0/core-Ab3_axxx.js'));
    assert.equal(chunk.headers['cache-control'], IMMUTABLE);
    assert.equal(
      (await httpGet(url(BUCKET, 'sdi/widgets/v0/sdi-widgets.css'))).headers['content-type'],
      'text/css; charset=utf-8',
    );
    assert.equal((await httpGet(url(BUCKET, 'sdi/widgets/v0/core-Ab3_axxx.js.map'))).headers['content-type'], 'application/json');

    const keys = await keysOf(BUCKET, 'sdi/');
    // Only the bundle's top-level scripts and stylesheet: not dist/node/, not the manifest.
    assert.deepEqual(
      keys.filter((key) => key.startsWith('sdi/widgets/v0/')),
      ['core-Ab3_axxx.js', 'core-Ab3_axxx.js.map', 'sdi-widgets.classic.js', 'sdi-widgets.css', 'sdi-widgets.js'].map(
        (n) => `sdi/widgets/v0/${n}`,
      ),
    );
    const snapFiles = await snapshotFiles(snap);
    // Snapshot files + their index in the history + 5 bundle files on each of the two paths.
    assert.equal(uploadedCount(run.out), snapFiles.length + 1 + 10);
    assert.equal(keys.filter((key) => key.startsWith('sdi/snapshot/indexes/')).length, 1);
  });

  it('a second publish uploads only what changed', async () => {
    const snap = join(work, 'snap2');
    await writeSampleSnapshot(snap, 1, new Date('2026-11-20T06:15:00Z'));
    const before = new Set(await snapshotFiles(join(work, 'snap1')));
    const changed = (await snapshotFiles(snap)).filter((name) => !before.has(name));
    assert.ok(changed.length >= 2 && changed.length < before.size - 1, `a title edit renames a few files (${changed.length})`);
    const run = await cli(['publish', '--to', `s3://${BUCKET}/sdi/`, '--snapshot', snap, '--bundle', join(work, 'bundle')]);
    assert.equal(run.code, 0, run.err);
    // The renamed files, the new index and its copy in the history; the bundle is all skipped.
    assert.equal(uploadedCount(run.out), changed.length + 2);
    await assertIndexReadable(BUCKET, 'sdi/');

    const third = await cli(['publish', '--to', `s3://${BUCKET}/sdi/`, '--snapshot', snap, '--bundle', join(work, 'bundle')]);
    assert.equal(uploadedCount(third.out), 0);
    assert.match(third.out, /index\.json unchanged/);
  });

  it('a new bundle revision replaces the moving path and leaves the versioned one', async () => {
    const bundle = join(work, 'bundle-b');
    await writeFakeBundle(bundle, 'b');
    const run = await cli(['publish', '--to', `s3://${BUCKET}/sdi`, '--bundle', bundle]);
    assert.equal(run.code, 0, run.err);
    const moving = await httpGet(url(BUCKET, 'sdi/widgets/v0/sdi-widgets.js'));
    assert.match(moving.body.toString(), /revision = 'b'/);
    const versioned = await httpGet(url(BUCKET, 'sdi/widgets/0.1.0/sdi-widgets.js'));
    assert.match(versioned.body.toString(), /revision = 'a'/, 'a released version is never overwritten');
    const release = await cli(['publish', '--to', `s3://${BUCKET}/sdi`, '--bundle', bundle, '--bundle-version', '0.2.0']);
    assert.equal(release.code, 0, release.err);
    assert.match((await httpGet(url(BUCKET, 'sdi/widgets/0.2.0/sdi-widgets.js'))).body.toString(), /revision = 'b'/);
  });

  it('stores text gzip-compressed with --precompress', async () => {
    const snap = join(work, 'snap1');
    const run = await cli([
      'publish',
      '--to',
      's3://sdi-zip',
      '--snapshot',
      snap,
      '--bundle',
      join(work, 'bundle'),
      '--precompress',
    ]);
    assert.equal(run.code, 0, run.err);
    for (const key of ['snapshot/index.json', 'widgets/v0/sdi-widgets.js', 'widgets/0.1.0/sdi-widgets.css']) {
      const got = await httpGet(url('sdi-zip', key));
      assert.equal(got.headers['content-encoding'], 'gzip', key);
      assert.equal(got.body[0], 0x1f, key);
    }
    const index = await httpGet(url('sdi-zip', 'snapshot/index.json'));
    assert.deepEqual(gunzipSync(index.body), await readFile(join(snap, 'index.json')));
    assert.equal(index.headers['content-type'], 'application/json');
    const again = await cli([
      'publish',
      '--to',
      's3://sdi-zip',
      '--snapshot',
      snap,
      '--bundle',
      join(work, 'bundle'),
      '--precompress',
    ]);
    assert.equal(uploadedCount(again.out), 0, 'the same gzip bytes: recognised by their ETag');
  });

  it('an interrupted publish leaves readers of the previous index working', async () => {
    const first = await cli(['publish', '--to', 's3://sdi-cut/p', '--snapshot', join(work, 'snap1')]);
    assert.equal(first.code, 0, first.err);
    const before = (await httpGet(url('sdi-cut', 'p/snapshot/index.json'))).body;
    let puts = 0;
    const cut = await cli(['publish', '--to', 's3://sdi-cut/p', '--snapshot', join(work, 'snap2'), '--concurrency', '1'], {
      openStore: wrappedStore(() => {
        puts += 1;
        if (puts > 2) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }),
    });
    assert.equal(cut.code, 8, cut.err);
    assert.match(cut.err, /after 2 of \d+ files.*index\.json was not replaced/);
    assert.deepEqual((await httpGet(url('sdi-cut', 'p/snapshot/index.json'))).body, before);
    await assertIndexReadable('sdi-cut', 'p/');
    const resumed = await cli(['publish', '--to', 's3://sdi-cut/p', '--snapshot', join(work, 'snap2')]);
    assert.equal(resumed.code, 0, resumed.err);
    assert.deepEqual(
      (await httpGet(url('sdi-cut', 'p/snapshot/index.json'))).body,
      await readFile(join(work, 'snap2', 'index.json')),
    );
  });

  it('rollback restores the previous index and says which', async () => {
    const run = await cli(['rollback', '--to', `s3://${BUCKET}/sdi`]);
    assert.equal(run.code, 0, run.err);
    assert.match(
      run.out,
      /restored sdi\/snapshot\/indexes\/2026-.*generated 2026-11-20T06:00:00\.000Z.*generated 2026-11-20T06:15:00\.000Z/,
    );
    assert.deepEqual(
      (await httpGet(url(BUCKET, 'sdi/snapshot/index.json'))).body,
      await readFile(join(work, 'snap1', 'index.json')),
    );
    await assertIndexReadable(BUCKET, 'sdi/');
    const again = await cli(['rollback', '--to', `s3://${BUCKET}/sdi`]);
    assert.equal(again.code, 10, 'the first index is the oldest kept');
    assert.match(again.err, /nothing to roll back to/);
  });

  it('garbage collection deletes only the files none of the last K indexes names', async () => {
    const names: Set<string>[] = [];
    for (let variant = 0; variant < 5; variant++) {
      const snap = join(work, `gc${variant}`);
      await writeSampleSnapshot(snap, variant, new Date(Date.UTC(2026, 10, 20, 6, variant)));
      names.push(new Set(await snapshotFiles(snap)));
      const run = await cli(['publish', '--to', 's3://sdi-gc', '--snapshot', snap, '--keep', '2']);
      assert.equal(run.code, 0, run.err);
    }
    const online = new Set((await keysOf('sdi-gc', 'snapshot/')).map((key) => key.slice('snapshot/'.length)));
    // The last two indexes (3 and 4) are kept; the one replaced by the last run is 3 as well.
    const wanted = new Set([...names[3]!, ...names[4]!]);
    for (const name of wanted) assert.ok(online.has(name), `kept ${name}`);
    const onlyOld = [...names[0]!, ...names[1]!, ...names[2]!].filter((name) => !wanted.has(name));
    assert.ok(onlyOld.length > 0);
    for (const name of onlyOld) assert.ok(!online.has(name), `deleted ${name}`);
    assert.equal([...online].filter((name) => name.startsWith('indexes/')).length, 2);
    await assertIndexReadable('sdi-gc', '');
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const first = await cli(['publish', '--to', 's3://sdi-dry', '--snapshot', join(work, 'snap1')]);
    assert.equal(first.code, 0, first.err);
    const before = await keysOf('sdi-dry');
    const indexBefore = (await httpGet(url('sdi-dry', 'snapshot/index.json'))).body;
    const dry = await cli(['publish', '--to', 's3://sdi-dry', '--snapshot', join(work, 'snap2'), '--keep', '1', '--dry-run']);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^dry run, nothing changed/);
    assert.match(dry.out, /upload snapshot\/index\.json {2}\(application\/json; public, max-age=60/);
    assert.match(dry.out, /skip {3}snapshot\//);
    // With --keep 1 the previous index leaves the history; its files stay (readers may hold it).
    assert.match(dry.out, /would upload \d+, skip \d+, delete 1, replace index\.json/);
    assert.match(dry.out, /delete snapshot\/indexes\/2026-/);
    assert.deepEqual(await keysOf('sdi-dry'), before);
    assert.deepEqual((await httpGet(url('sdi-dry', 'snapshot/index.json'))).body, indexBefore);
    const dryRollback = await cli(['rollback', '--to', 's3://sdi-dry', '--dry-run']);
    assert.equal(dryRollback.code, 10, 'one index only');
  });
});

describe('sdi-snapshot publish --site', () => {
  it('publishes the folder as built, the bundle on its two paths, HTML pages after the index', async () => {
    const site = join(work, 'site');
    await writeFakeBundle(site);
    await writeSampleSnapshot(join(site, 'snapshot'));
    await mkdir(join(site, 'docs'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<!doctype html><script type="module" src="./sdi-widgets.js"></script>');
    await writeFile(join(site, 'docs', 'integration.html'), '<!doctype html><title>Intégration</title>');
    const dry = await cli(['publish', '--to', `s3://${BUCKET}/site`, '--site', site, '--dry-run']);
    const order = dry.out
      .split('\n')
      .filter((line) => line.startsWith('  upload '))
      .map((line) => line.split(/\s+/)[2]!);
    const indexAt = order.indexOf('site/snapshot/index.json');
    assert.ok(
      indexAt > 0 && indexAt < order.indexOf('site/index.html') && indexAt < order.indexOf('site/docs/integration.html'),
      order.join(' '),
    );
    assert.ok(
      order.indexOf('site/sdi-widgets.js') < indexAt &&
        order.indexOf('site/core-Ab3_axxx.js') < order.indexOf('site/sdi-widgets.js'),
    );

    const run = await cli(['publish', '--to', `s3://${BUCKET}/site`, '--site', site]);
    assert.equal(run.code, 0, run.err);
    const page = await httpGet(url(BUCKET, 'site/docs/integration.html'));
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['cache-control'], SHORT);
    assert.equal((await httpGet(url(BUCKET, 'site/sdi-widgets.js'))).headers['cache-control'], SHORT);
    assert.equal((await httpGet(url(BUCKET, 'site/core-Ab3_axxx.js'))).headers['cache-control'], IMMUTABLE);
    assert.equal((await httpGet(url(BUCKET, 'site/widgets/0.1.0/sdi-widgets.js'))).status, 200);
    assert.equal((await httpGet(url(BUCKET, 'site/widgets/v0/sdi-widgets.js'))).status, 200);
    await assertIndexReadable(BUCKET, 'site/');
  });
});

describe('sdi-snapshot publish: exit codes', () => {
  it('2 for bad arguments or a folder that is not a snapshot', async () => {
    assert.equal((await cli(['publish', '--snapshot', work])).code, 2);
    assert.equal((await cli(['publish', '--to', 'https://x', '--snapshot', work])).code, 2);
    assert.equal((await cli(['publish', '--to', 's3://b', '--site', work, '--bundle', work])).code, 2);
    assert.equal((await cli(['publish', '--to', 's3://b', '--bundle', work, '--bundle-version', 'next'])).code, 2);
    const notSnapshot = await cli(['publish', '--to', `s3://${BUCKET}`, '--snapshot', join(work, 'bundle')]);
    assert.equal(notSnapshot.code, 2);
    assert.match(notSnapshot.err, /holds no index\.json/);
    const help = await cli(['publish', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Exit codes/);
  });

  it('3 for refused credentials, 7 for a missing bucket, 4 for an unreachable storage', async () => {
    const snap = join(work, 'snap1');
    const wrongKey = await cli(['publish', '--to', `s3://${BUCKET}`, '--snapshot', snap], {
      // s3rver checks the key id, not SigV4 signatures: an unknown id stands for a wrong key.
      env: { ...s3.env, AWS_ACCESS_KEY_ID: 'NOT-A-KEY' },
    });
    assert.equal(wrongKey.code, 3, wrongKey.err);
    assert.match(wrongKey.err, /refused the credentials/);
    const noBucket = await cli(['publish', '--to', 's3://no-such-bucket', '--snapshot', snap]);
    assert.equal(noBucket.code, 7, noBucket.err);
    assert.match(noBucket.err, /bucket no-such-bucket does not exist/);
    const down = await cli(['publish', '--to', `s3://${BUCKET}`, '--snapshot', snap, '--endpoint', 'http://127.0.0.1:9'], {
      env: { ...s3.env, AWS_ENDPOINT_URL_S3: '' },
    });
    assert.equal(down.code, 4, down.err);
    assert.match(down.err, /could not be reached/);
  });
});
