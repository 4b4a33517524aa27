/**
 * Whole-page parts of `npm run bench`, measured in Debian's headless Chromium through the DevTools
 * protocol's Network events, as a visitor's browser receives the pages from a static server that
 * gzips (level 6, zlib's default and a common CDN setting) every text file:
 * - "page": bytes over the wire and requests for the demo's four widgets (built dist/, snapshot
 *   mode, national map + list as on demo/index.html) against a page doing the same with
 *   FullCalendar's list view, Leaflet and leaflet.markercluster on the same national snapshot;
 * - "requests": four widgets and a second list of the same region must ask for each file once.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, Protocol } from 'puppeteer-core';
import { runCli } from '../src/node/snapshot/cli.js';
import { createMockApi, startMockServer } from '../tools/mock-api/mock-api.js';
import { generateEdition } from '../tools/sample/generate.js';
import { launch } from './browser.js';
import { COMPRESSED, GZIP_LEVEL, TYPES } from './static-types.js';

type Row = (label: string, value: string) => void;

const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, '.cache/bench/page');
const COUNT = 8000;

/** URL prefix → folder. Anything else is a 404, so a page asking for a wrong file shows up. */
const ROUTES: [string, string][] = [
  ['/dist/', join(work, 'dist')],
  ['/snapshot/', join(work, 'snapshot')],
  ['/peer/', join(work, 'peer')],
  ['/pages/', join(work, 'pages')],
];

/** The sample's pictures do not exist: one small drawing per name, like `npm start` serves. */
function picture(path: string): string {
  let hash = 0;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const [w, h] = path.includes('.thumb.') ? [200, 200] : [800, 533];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="hsl(${hash % 360},55%,70%)"/></svg>`;
}

export function serveGzip(): Promise<{ server: Server; url: string }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let body: Buffer | undefined;
    let ext = extname(path);
    if (path.startsWith('/img/')) {
      body = Buffer.from(picture(path));
      ext = '.svg';
    } else {
      const route = ROUTES.find(([prefix]) => path.startsWith(prefix));
      const file = route ? resolve(route[1], `.${path.slice(route[0].length - 1)}`) : '';
      if (route && file.startsWith(route[1]) && existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers: Record<string, string | number> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = `${path}:${body.length}`;
      let gz = cache.get(key);
      if (!gz) cache.set(key, (gz = gzipSync(body, { level: GZIP_LEVEL })));
      body = gz;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

/** The demo's snapshot: 8,000 events, the 15th edition's facts, pictures from this server. */
async function buildPageSnapshot(imageBase: string): Promise<void> {
  const out = join(work, 'snapshot');
  rmSync(out, { recursive: true, force: true });
  const edition = generateEdition({ count: COUNT, imageBase });
  const api = createMockApi({ agendas: { '9464342': { config: edition.agenda, events: edition.events } } });
  const mock = await startMockServer(api, 0);
  try {
    const code = await runCli([
      '--agenda',
      '9464342',
      '--key',
      'test-key',
      '--api',
      `${mock.url}/v2`,
      '--out',
      out,
      '--edition',
      '15',
      '--year',
      '2026',
      '--start',
      '2026-11-16',
      '--end',
      '2026-11-22',
      '--quiet',
    ]);
    if (code !== 0) throw new Error(`snapshot builder exit ${code}`);
  } finally {
    await mock.close();
  }
}

/**
 * The script-tag build, copied aside at once: dist/ is shared with `npm run build` and the tests,
 * and a rebuild in the middle of a page load would measure files that are gone.
 */
function buildDist(): void {
  const rollup = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (rollup.status !== 0) throw new Error('rollup failed');
  rmSync(join(work, 'dist'), { recursive: true, force: true });
  mkdirSync(join(work, 'dist'), { recursive: true });
  for (const file of readdirSync(join(root, 'dist'))) {
    if (file.endsWith('.js')) copyFileSync(join(root, 'dist', file), join(work, 'dist', file));
  }
}

async function buildPeer(): Promise<void> {
  await build({
    entryPoints: [join(root, 'bench/pages/peer-page.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    // Leaflet's CSS names its control sprites; emitted as files, fetched only if a control uses them.
    loader: { '.png': 'file' },
    outfile: join(work, 'peer/peer.js'),
    logLevel: 'error',
  });
}

const html = (head: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="sdi:src" content="/snapshot/"><link rel="icon" href="data:,"><title>bench</title>${head}</head><body>${body}</body></html>`;

function writePages(): void {
  mkdirSync(join(work, 'pages'), { recursive: true });
  // The demo's configuration (demo/index.html, section "Les événements"): the national banner and
  // countdown, then the national map and list linked by a group.
  writeFileSync(
    join(work, 'pages/ours.html'),
    html(
      '<script type="module" src="/dist/sdi-widgets.js"></script>',
      '<sdi-edition-banner href="#evenements" heading-level="2"></sdi-edition-banner><sdi-countdown href="#evenements"></sdi-countdown>' +
        '<section id="evenements"><sdi-region-map group="demo" height="520"></sdi-region-map><sdi-event-list group="demo"></sdi-event-list></section>',
    ),
  );
  writeFileSync(
    join(work, 'pages/peer.html'),
    html(
      '<link rel="stylesheet" href="/peer/peer.css"><script type="module" src="/peer/peer.js"></script>' +
        '<style>.peer-marker{background:#1e5aa0;border:2px solid #fff;border-radius:50%}</style>',
      '<div id="banner"></div><div id="countdown"></div>' +
        '<section id="evenements"><div id="map" style="height:520px"></div><div id="list"></div></section>',
    ),
  );
  writeFileSync(
    join(work, 'pages/requests.html'),
    html(
      '<script type="module" src="/dist/sdi-widgets.js"></script>',
      '<sdi-edition-banner region="32"></sdi-edition-banner><sdi-countdown></sdi-countdown>' +
        '<sdi-region-map region="32" group="r" height="400"></sdi-region-map><sdi-event-list region="32" group="r"></sdi-event-list>' +
        // Same query as the first list (both offer the region filter, so both read the national
        // file: sdi-event-list's scopeRegion); only the page size differs.
        '<sdi-event-list region="32" page-size="5"></sdi-event-list>',
    ),
  );
}

type Kind = 'html' | 'js' | 'css' | 'json' | 'image' | 'other';
interface Request {
  url: string;
  kind: Kind;
  /** Bytes on the wire: headers + (compressed) body, as Chromium counts them. */
  encoded: number;
  /** Bytes of the body once decompressed. */
  decoded: number;
  failed?: string;
}
interface Load {
  requests: Request[];
  /** Navigation start → every part drawn, in ms. */
  drawnMs: number;
  errors: string[];
}

function kindOf(mime: string | undefined, url: string): Kind {
  if (!mime) return extname(new URL(url).pathname) === '.json' ? 'json' : 'other';
  if (mime.includes('html')) return 'html';
  if (mime.includes('javascript')) return 'js';
  if (mime.includes('css')) return 'css';
  if (mime.includes('json')) return 'json';
  if (mime.startsWith('image/')) return 'image';
  return 'other';
}

/**
 * A cold load (no cache) of `url` in a 1280×900 window; the map is scrolled into view (ours loads
 * its map code only when visible), then we wait until `drawn` holds and the network has been
 * idle for a second, so late requests (thumbnails, the points file) are counted.
 */
async function load(browser: Browser, url: string, drawn: string): Promise<Load> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.setCacheEnabled(false);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  const requests = new Map<string, Request>();
  cdp.on('Network.requestWillBeSent', (e: Protocol.Network.RequestWillBeSentEvent) => {
    if (!e.request.url.startsWith('data:'))
      requests.set(e.requestId, { url: e.request.url, kind: 'other', encoded: 0, decoded: 0 });
  });
  cdp.on('Network.responseReceived', (e: Protocol.Network.ResponseReceivedEvent) => {
    const r = requests.get(e.requestId);
    if (r) r.kind = kindOf(e.response.mimeType, r.url);
  });
  cdp.on('Network.dataReceived', (e: Protocol.Network.DataReceivedEvent) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e: Protocol.Network.LoadingFinishedEvent) => {
    const r = requests.get(e.requestId);
    if (r) r.encoded = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e: Protocol.Network.LoadingFailedEvent) => {
    const r = requests.get(e.requestId);
    if (r) r.failed = e.errorText;
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('#evenements')?.scrollIntoView());
  try {
    await page.waitForFunction(drawn, { timeout: 120_000, polling: 50 });
  } catch (error) {
    const shadows = await page.evaluate(`[...document.querySelectorAll('*')].filter((el) => el.shadowRoot)
      .map((el) => el.localName + ': ' + el.shadowRoot.textContent.replace(/\\s+/g, ' ').slice(0, 200)).join('\\n')`);
    throw new Error(`${url}: not drawn (${String(error)}); errors: ${errors.join('; ')}\n${String(shadows)}`);
  }
  const drawnMs = performance.now() - started;
  await page.waitForNetworkIdle({ idleTime: 1000, timeout: 60_000 });
  await page.close();
  return { requests: [...requests.values()], drawnMs, errors };
}

/** Every custom element of the page shows its content (not a loading state). */
const OURS_DRAWN = `(() => {
  const all = (tag, sel) => [...document.querySelectorAll(tag)].every((el) => el.shadowRoot && el.shadowRoot.querySelector(sel));
  return all('sdi-edition-banner', '[part~="count"]:not(.pending)') && all('sdi-countdown', '[part~="countdown"]') &&
    all('sdi-event-list', '[part~="card"]') && all('sdi-region-map', '.sdi-symbol-icon, .sdi-cluster-icon');
})()`;
const PEER_DRAWN = `Boolean(window.peerDrawn && document.querySelector('.fc-list-event') && document.querySelector('.marker-cluster'))`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const KINDS: Kind[] = ['html', 'js', 'css', 'json', 'other'];

function totals(requests: Request[], keep: (r: Request) => boolean) {
  const rs = requests.filter(keep);
  return { count: rs.length, encoded: rs.reduce((s, r) => s + r.encoded, 0), decoded: rs.reduce((s, r) => s + r.decoded, 0) };
}

function describe(requests: Request[]): string {
  return KINDS.map((kind) => ({ kind, ...totals(requests, (r) => r.kind === kind) }))
    .filter((t) => t.count > 0)
    .map((t) => `${t.kind} ${t.count} × ${kb(t.encoded)} (${kb(t.decoded)})`)
    .join(', ');
}

/** URLs asked for more than once: a second request for the same file is what the store prevents. */
function repeated(requests: Request[]): string[] {
  const seen = new Map<string, number>();
  for (const r of requests) seen.set(r.url, (seen.get(r.url) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([url, n]) => `${new URL(url).pathname} ×${n}`);
}

function check(load: Load, label: string): void {
  const failed = load.requests.filter((r) => r.failed);
  if (load.errors.length > 0 || failed.length > 0) {
    throw new Error(`${label}: ${[...load.errors, ...failed.map((r) => `${r.url}: ${r.failed}`)].join('; ')}`);
  }
}

export interface PageBench {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** Builds dist/, the peer bundle, the pages and the snapshot, then starts the server and Chromium. */
export async function openPageBench(): Promise<PageBench> {
  buildDist();
  await buildPeer();
  writePages();
  const { server, url } = await serveGzip();
  try {
    await buildPageSnapshot(`${url}/img/`);
    const browser = await launch();
    return {
      browser,
      url,
      close: async () => {
        await browser.close();
        server.close();
      },
    };
  } catch (error) {
    server.close();
    throw error;
  }
}

/**
 * Section "page": our four widgets against the peer libraries, bytes and requests. Returns false
 * when our page asked for a file twice.
 */
export async function pageSection(row: Row, { browser, url }: PageBench): Promise<boolean> {
  // Both pages once to warm the server's gzip cache and the browser, then the measured loads.
  await load(browser, `${url}/pages/ours.html`, OURS_DRAWN);
  await load(browser, `${url}/pages/peer.html`, PEER_DRAWN);
  const ours = await load(browser, `${url}/pages/ours.html`, OURS_DRAWN);
  const peer = await load(browser, `${url}/pages/peer.html`, PEER_DRAWN);
  check(ours, 'our page');
  check(peer, 'peer page');
  const noImage = (r: Request) => r.kind !== 'image';
  const a = totals(ours.requests, noImage);
  const b = totals(peer.requests, noImage);
  const ratio = (x: number, y: number) => (x / y).toFixed(3);
  row('ours (built dist/), by type: requests × transfer (decoded)', describe(ours.requests));
  row('peer (FullCalendar list + Leaflet + markercluster), same', describe(peer.requests));
  row('transfer without images, ours / peer', `${kb(a.encoded)} / ${kb(b.encoded)} = ${ratio(a.encoded, b.encoded)}`);
  row('decoded without images, ours / peer', `${kb(a.decoded)} / ${kb(b.decoded)} = ${ratio(a.decoded, b.decoded)}`);
  const code = (page: Load) => totals(page.requests, (r) => r.kind === 'js' || r.kind === 'css');
  const ca = code(ours);
  const cb = code(peer);
  row('code only (JS + CSS) transfer, ours / peer', `${kb(ca.encoded)} / ${kb(cb.encoded)} = ${ratio(ca.encoded, cb.encoded)}`);
  row('requests without images, ours / peer', `${a.count} / ${b.count}`);
  const images = totals(ours.requests, (r) => r.kind === 'image');
  const peerImages = totals(peer.requests, (r) => r.kind === 'image');
  row(
    'images (card thumbnails, placeholders; not in the totals), ours / peer',
    `${images.count} × ${kb(images.encoded)} / ${peerImages.count} × ${kb(peerImages.encoded)}`,
  );
  const twice = repeated(ours.requests);
  row('files asked for more than once (ours)', twice.length === 0 ? 'none' : twice.join(', '));
  row(
    'navigation → all four drawn, ours / peer',
    `${Math.round(ours.drawnMs)} ms / ${Math.round(peer.drawnMs)} ms = ${ratio(ours.drawnMs, peer.drawnMs)}`,
  );
  return twice.length === 0;
}

/**
 * Section "requests": four widgets and a second list, all set to one region, share the store:
 * each file (index, events, points, code) must be asked for once. Returns false otherwise.
 */
export async function requestsSection(row: Row, { browser, url }: PageBench): Promise<boolean> {
  return requestsCheck(row, await load(browser, `${url}/pages/requests.html`, OURS_DRAWN), url);
}

function requestsCheck(row: Row, page: Load, base: string): boolean {
  check(page, 'requests page');
  const snapshot = `${base}/snapshot/`;
  const data = page.requests.filter((r) => r.url.startsWith(snapshot));
  const queries = new Map<string, number>();
  for (const r of data) {
    const file = r.url.slice(snapshot.length);
    queries.set(file, (queries.get(file) ?? 0) + 1);
  }
  for (const [file, n] of queries) row(`requests for ${file.replace(/\.[0-9a-f]{16}\.json$/, '.<hash>.json')}`, String(n));
  const repeatedData = [...queries].filter(([, n]) => n !== 1).map(([file, n]) => `${file} ×${n}`);
  // Code too: a chunk loaded twice would be the same waste.
  const repeatedOther = repeated(page.requests.filter((r) => !r.url.startsWith(snapshot)));
  const pass = data.length > 0 && repeatedData.length === 0 && repeatedOther.length === 0;
  row(
    'requests per page with the 5 widgets: all / data / code / images',
    `${page.requests.length} / ${data.length} / ${totals(page.requests, (r) => r.kind === 'js').count} / ${totals(page.requests, (r) => r.kind === 'image').count}`,
  );
  row(
    '1 request per distinct query',
    pass
      ? `PASS (${data.length} data requests for ${queries.size} distinct files)`
      : `FAIL (${[...repeatedData, ...repeatedOther].join(', ') || 'no data request'})`,
  );
  return pass;
}
