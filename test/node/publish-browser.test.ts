/**
 * Issue #16's acceptance, end to end as an operator and a partner meet it: `npm run build`'s
 * dist/ and a snapshot built by the real builder are published with the CLI an operator runs
 * (`node bin/sdi-snapshot.js publish`) to a real S3-compatible server (s3rver, CORS on); then a
 * page on another origin, holding only the partner snippet, shows real cards in Chromium (and
 * Firefox ESR). A publish cut after a few uploads, then a rollback, leave that page working.
 * Last, the partner site (`npm run site`, `publish --site`): its configurator loads from the
 * bucket and writes snippets that point at the bucket.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type HTTPResponse, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { IMMUTABLE, SHORT } from '../../src/node/publish/args.js';
import { isContentHashed } from '../../src/node/publish/layout.js';
import {
  BUCKET,
  buildRealSnapshot,
  copyBuild,
  ensureBuilt,
  httpGet,
  REPO_ROOT,
  runSdiSnapshot,
  sdiSnapshotCommand,
  startPageServer,
  startS3,
  startS3Proxy,
  tempDir,
  type CliRun,
  type Server,
} from './publish-support.js';

const FIREFOX_PATH = '/usr/bin/firefox-esr';
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const PREFIX = 'sdi';

let s3: Server;
let pages: Awaited<ReturnType<typeof startPageServer>>;
let work: string;
let chromium: Browser;
let snapA: string;
let snapB: string;
let region: string;
let dist: string;

const bucketUrl = (key: string) => `http://127.0.0.1:${s3.port}/${BUCKET}/${key}`;

function cli(args: string[], env: Record<string, string> = s3.env): Promise<CliRun> {
  return runSdiSnapshot(args, env);
}

function runNode(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

function assertOk(run: CliRun, what: string): void {
  assert.equal(run.code, 0, `${what}: exit ${run.code} ${run.signal ?? ''}\n${run.err}${run.out}`);
}

/** The region with the most events in a built snapshot: its list surely has cards. */
function busiestRegion(snapshot: string): string {
  const index = JSON.parse(readFileSync(join(snapshot, 'index.json'), 'utf8')) as {
    files: { regions: Record<string, { count: number }> };
  };
  const [best] = Object.entries(index.files.regions)
    .filter(([code]) => code !== 'none')
    .sort((a, b) => b[1].count - a[1].count);
  assert.ok(best, 'the snapshot has regional events');
  return best[0];
}

function partnerPage(script: string): string {
  // Only what a partner pastes: the script tag and the element.
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Agenda du partenaire</title></head><body>
<script type="module" src="${script}"></script>
<sdi-event-list region="${region}"></sdi-event-list>
</body></html>`;
}

interface Visit {
  titles: string[];
  responses: { url: string; status: number; headers: Record<string, string> }[];
  failures: string[];
}

/**
 * Opens `url` as a new visitor (a fresh browser context: nothing cached from an earlier visit)
 * and waits for the list's cards; returns their titles and every response from the bucket.
 */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.createBrowserContext();
  const page: Page = await context.newPage();
  const responses: Visit['responses'] = [];
  const failures: string[] = [];
  const bucketOrigin = `http://127.0.0.1:${s3.port}/`;
  page.on('response', (response: HTTPResponse) => {
    if (response.url().startsWith(bucketOrigin)) {
      responses.push({ url: response.url(), status: response.status(), headers: response.headers() });
    }
  });
  page.on('pageerror', (error) => failures.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'warn' || message.type() === 'error') {
      const where = message.location().url ?? '';
      // The sample's images point at a closed port on purpose: not the snapshot's fault.
      if (!where.includes('/sample-images/')) failures.push(`console ${message.type()}: ${message.text()} ${where}`);
    }
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Real cards, not the skeletons shown while the snapshot loads (both are part "card").
    await page.waitForFunction(
      () => (document.querySelector('sdi-event-list')?.shadowRoot?.querySelectorAll('[part~="card-title"]').length ?? 0) > 0,
      {
        timeout: 15_000,
      },
    );
    const titles = await page.evaluate(() =>
      [...(document.querySelector('sdi-event-list')?.shadowRoot?.querySelectorAll('[part~="card-title"]') ?? [])]
        .slice(0, 5)
        .map((title) => (title.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    return { titles, responses, failures };
  } finally {
    await context.close();
  }
}

function headersOf(seen: Visit, suffix: string): Record<string, string> {
  const found = seen.responses.find((response) => response.url.endsWith(suffix));
  assert.ok(found, `the page fetched …${suffix} (${seen.responses.map((r) => r.url).join(', ')})`);
  return found.headers;
}

/**
 * The cache header docs/PUBLISHING.md promises for a published path: index.json and the files of
 * the moving path that are not content-hashed (entries such as sdi-widgets.js, sdi-event-list.js)
 * short; a release under widgets/<version>/, hashed chunks and snapshot files immutable.
 */
function documentedCache(path: string): string {
  if (path.endsWith('/snapshot/index.json')) return SHORT;
  if (path.includes(`/widgets/${VERSION}/`)) return IMMUTABLE;
  if (path.includes('/widgets/v0/')) return isContentHashed(path) ? IMMUTABLE : SHORT;
  assert.ok(isContentHashed(path), `${path}: a snapshot file is named after its content`);
  return IMMUTABLE;
}

/** Every file the page fetched from the bucket: 200, CORS, its type and its cache header. */
function assertHeaders(seen: Visit, entry: string, entryCache: string): void {
  assert.deepEqual(seen.failures, []);
  assert.ok(seen.responses.length >= 4, 'entry, chunks, index, events');
  for (const { url, status, headers } of seen.responses) {
    const path = new URL(url).pathname;
    assert.equal(status, 200, url);
    assert.equal(headers['access-control-allow-origin'], '*', url);
    const type = path.endsWith('.json')
      ? 'application/json'
      : path.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : undefined;
    assert.equal(headers['content-type'], type, url);
    assert.equal(headers['cache-control'], documentedCache(path), url);
  }
  assert.equal(headersOf(seen, entry)['cache-control'], entryCache);
  assert.equal(headersOf(seen, '/snapshot/index.json')['cache-control'], SHORT);
  const hashedEvents = seen.responses.find((r) => /\/snapshot\/events\/region-[^/]+\.[0-9a-f]{16}\.json$/.test(r.url));
  assert.equal(hashedEvents?.headers['cache-control'], IMMUTABLE, 'a hashed events file, immutable');
  const chunk = seen.responses.find((r) => /\/widgets\/[^/]+\/[^/]+-[A-Za-z0-9_-]{8}\.js$/.test(r.url) && isContentHashed(r.url));
  assert.equal(chunk?.headers['cache-control'], IMMUTABLE, 'a hashed chunk, immutable');
}

before(async () => {
  ensureBuilt();
  work = await tempDir('browser');
  dist = copyBuild(join(work, 'dist'));
  s3 = await startS3();
  pages = await startPageServer();
  snapA = join(work, 'snap-a');
  snapB = join(work, 'snap-b');
  await buildRealSnapshot(snapA, 1);
  await buildRealSnapshot(snapB, 2);
  region = busiestRegion(snapA);
  chromium = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
});

after(async () => {
  await chromium?.close();
  await pages?.close();
  await s3?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe(`published with ${sdiSnapshotCommand().built ? 'the built CLI (bin/sdi-snapshot.js)' : 'the CLI from the sources (no dist/node/)'}, read from another origin`, () => {
  let v0Page: string;
  let cardsA: string[];

  it('build → publish → the partner snippet on another origin shows cards, headers as documented', async () => {
    const run = await cli(['publish', '--to', `s3://${BUCKET}/${PREFIX}`, '--snapshot', snapA, '--bundle', dist]);
    assertOk(run, 'publish');
    assert.match(run.out, /published to s3:\/\/sdi-test\/sdi\/\n {2}uploaded \d+/);

    v0Page = pages.put('/v0.html', partnerPage(bucketUrl(`${PREFIX}/widgets/v0/sdi-widgets.js`)));
    const seen = await visit(chromium, v0Page);
    assert.ok(seen.titles.length > 0 && seen.titles.every(Boolean), JSON.stringify(seen.titles));
    cardsA = seen.titles;
    assertHeaders(seen, '/widgets/v0/sdi-widgets.js', SHORT);
    assert.ok(
      seen.responses.some((r) => r.url.endsWith(`/${BUCKET}/${PREFIX}/snapshot/index.json`)),
      'the snapshot above widgets/',
    );

    const versioned = await visit(
      chromium,
      pages.put('/versioned.html', partnerPage(bucketUrl(`${PREFIX}/widgets/${VERSION}/sdi-widgets.js`))),
    );
    assert.deepEqual(versioned.titles, cardsA);
    assertHeaders(versioned, `/widgets/${VERSION}/sdi-widgets.js`, IMMUTABLE);
  });

  it('a publish cut after 3 uploads (fault, then a killed process) leaves the page working on the previous snapshot', async () => {
    const indexBefore = (await httpGet(bucketUrl(`${PREFIX}/snapshot/index.json`))).body;
    // A storage that drops every upload after the third: the SDK retries, then exit 8.
    const failing = await startS3Proxy(s3.port, (n) => (n > 3 ? 'drop' : 'forward'));
    try {
      const cut = await cli([
        'publish',
        '--to',
        `s3://${BUCKET}/${PREFIX}`,
        '--snapshot',
        snapB,
        '--concurrency',
        '1',
        '--endpoint',
        failing.endpoint,
      ]);
      assert.equal(cut.code, 8, cut.err);
      assert.match(cut.err, /upload interrupted after 3 of \d+ files.*index\.json was not replaced/);
    } finally {
      await failing.close();
    }
    assert.deepEqual((await httpGet(bucketUrl(`${PREFIX}/snapshot/index.json`))).body, indexBefore);
    assert.deepEqual((await visit(chromium, v0Page)).titles, cardsA);

    // The machine dies during the fifth upload: no message, no clean-up, a half-written run.
    let killed = false;
    const child = { current: undefined as undefined | { kill(signal: NodeJS.Signals): boolean } };
    const dying = await startS3Proxy(s3.port, (n) => {
      if (n < 5) return 'forward';
      if (!killed) killed = child.current?.kill('SIGKILL') ?? false;
      return 'drop';
    });
    try {
      const run = await runSdiSnapshot(
        ['publish', '--to', `s3://${BUCKET}/${PREFIX}`, '--snapshot', snapB, '--concurrency', '1', '--endpoint', dying.endpoint],
        s3.env,
        (process) => (child.current = process),
      );
      assert.equal(run.signal, 'SIGKILL', `killed mid-run (${run.code}) ${run.err}`);
    } finally {
      await dying.close();
    }
    assert.deepEqual((await httpGet(bucketUrl(`${PREFIX}/snapshot/index.json`))).body, indexBefore);
    const reloaded = await visit(chromium, v0Page);
    assert.deepEqual(reloaded.titles, cardsA);
    assert.deepEqual(reloaded.failures, []);
  });

  it('the next run completes the snapshot; rollback brings the previous one back and the page still shows cards', async () => {
    const resumed = await cli(['publish', '--to', `s3://${BUCKET}/${PREFIX}`, '--snapshot', snapB]);
    assertOk(resumed, 'resumed publish');
    // The 4 files stored before the cut are skipped by name.
    assert.match(resumed.out, /skipped [1-9]\d* already there/);
    const cardsB = (await visit(chromium, v0Page)).titles;
    assert.ok(cardsB.length > 0);
    assert.notDeepEqual(cardsB, cardsA, 'another edition, other events');

    const back = await cli(['rollback', '--to', `s3://${BUCKET}/${PREFIX}`]);
    assertOk(back, 'rollback');
    assert.match(back.out, /^rolled back: restored sdi\/snapshot\/indexes\//);
    assert.deepEqual((await httpGet(bucketUrl(`${PREFIX}/snapshot/index.json`))).body, readFileSync(join(snapA, 'index.json')));
    const after = await visit(chromium, v0Page);
    assert.deepEqual(after.titles, cardsA);
    assert.deepEqual(after.failures, []);

    // B again, then A again (an edit undone in the agenda): rollback goes back to B, the index
    // published before the one online, even though A was already in the history.
    assertOk(await cli(['publish', '--to', `s3://${BUCKET}/${PREFIX}`, '--snapshot', snapB]), 'B again');
    assertOk(await cli(['publish', '--to', `s3://${BUCKET}/${PREFIX}`, '--snapshot', snapA]), 'A again');
    const toB = await cli(['rollback', '--to', `s3://${BUCKET}/${PREFIX}`]);
    assertOk(toB, 'rollback after A, B, A');
    assert.deepEqual((await httpGet(bucketUrl(`${PREFIX}/snapshot/index.json`))).body, readFileSync(join(snapB, 'index.json')));
  });

  it('Firefox ESR reads the same page', { skip: !existsSync(FIREFOX_PATH) && `${FIREFOX_PATH} is not installed` }, async () => {
    const firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      args: ['-headless'],
    });
    try {
      const seen = await visit(firefox, v0Page);
      // The snapshot online now (B, after the last rollback), as Chromium shows it.
      assert.deepEqual(seen.titles, (await visit(chromium, v0Page)).titles);
      assert.ok(seen.titles.length > 0);
      assertHeaders(seen, '/widgets/v0/sdi-widgets.js', SHORT);
      assert.deepEqual(seen.failures, []);
    } finally {
      await firefox.close();
    }
  });
});

describe('the partner site (npm run site), published with --site', () => {
  it('its configurator loads from the bucket without a 404 and copies code that points at the bucket and shows cards elsewhere', async () => {
    const site = join(work, 'site');
    // The real script, on the copy of dist/ as built, with the test's snapshot.
    const built = await runNode([join(REPO_ROOT, 'scripts', 'site.mjs'), '--dist', dist, '--snapshot', snapA, '--out', site]);
    assert.equal(built.code, 0, built.err);
    const run = await cli(['publish', '--to', `s3://${BUCKET}/partenaires`, '--site', site]);
    assertOk(run, 'publish --site');

    const context = await chromium.createBrowserContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // The sample's images point at a closed port on purpose (see buildRealSnapshot).
      if (!request.url().includes('/sample-images/'))
        problems.push(`failed ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    // « Copier le code » writes to the clipboard: kept in the page, where the test reads it.
    // A string: tsx would wrap a named function in a helper the page does not have.
    await page.evaluateOnNewDocument(
      `Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text) => void (window.copiedCode = text) } });`,
    );
    try {
      const address = bucketUrl('partenaires/configurateur.html');
      await page.goto(address, { waitUntil: 'load' });
      await page.waitForSelector('#sdi-cfg-snippet');
      await page.click('#sdi-cfg-widget-list');
      await page.select('#sdi-cfg-list-region', region);
      await page.click('.cfg-copy');
      await page.waitForFunction(() => typeof (window as unknown as { copiedCode?: string }).copiedCode === 'string');
      const code = await page.evaluate(() => (window as unknown as { copiedCode: string }).copiedCode);
      const bundle = bucketUrl('partenaires/sdi-widgets.js');
      assert.ok(code.includes(`<script type="module" src="${bundle}"></script>`), code);
      assert.ok(code.includes(`region="${region}"`), code);
      // The configurator's own preview read the published snapshot beside it.
      await page.waitForFunction(
        () => document.querySelector('#sdi-cfg-preview sdi-event-list')?.shadowRoot?.querySelector('[part~="card-title"]'),
        { timeout: 15_000 },
      );
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      assert.ok(
        loaded.some((name) => name.endsWith('/partenaires/demo/configurator.js')),
        'demo/configurator.js',
      );
      assert.ok(
        loaded.some((name) => /\/partenaires\/[^/]+-[A-Za-z0-9_-]{8}\.js$/.test(name)),
        'its chunks, one folder up',
      );
      assert.deepEqual(problems, []);

      // Pasted as is into a page of another origin: cards from the bucket.
      const pasted = await visit(
        chromium,
        pages.put(
          '/colle.html',
          `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Collé</title></head><body>\n${code}\n</body></html>`,
        ),
      );
      assert.ok(pasted.titles.length > 0);
      assert.ok(
        pasted.responses.some((r) => r.url.endsWith('/partenaires/snapshot/index.json')),
        'the snapshot beside the site bundle',
      );

      // The French partner documentation fills its snippets with the site's own address too.
      await page.goto(bucketUrl('partenaires/index.html'), { waitUntil: 'load' });
      const addresses = await page.$$eval('[data-site-file]', (spans) => spans.map((span) => span.textContent ?? ''));
      assert.ok(
        addresses.length > 0 && addresses.every((text) => text.startsWith(bucketUrl('partenaires/'))),
        addresses.join(' '),
      );
      assert.deepEqual(problems, []);
    } catch (error) {
      // A timeout alone says nothing: the failed loads and page errors say why.
      throw new Error(`${(error as Error).message}\n${problems.join('\n')}`, { cause: error });
    } finally {
      await context.close();
    }
  });
});
