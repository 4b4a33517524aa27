/**
 * Browser part of `npm run bench`: pages served on localhost, driven in Debian's headless
 * Chromium through puppeteer-core. Each measure is taken three times after a warm-up; medians
 * are reported, with ratios to the peer library measured in the same run.
 */
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { createMockApi, startMockServer } from '../tools/mock-api/mock-api.js';
import { generateEdition } from '../tools/sample/generate.js';
import { runCli } from '../src/node/snapshot/cli.js';

const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, '.cache/bench');

export async function buildSnapshot(count: number): Promise<string> {
  const out = join(work, `snapshot-${count}`);
  if (existsSync(join(out, 'index.json'))) return out;
  const edition = generateEdition({ count, imageBase: 'http://127.0.0.1:9/img/' });
  const api = createMockApi({ agendas: { '9464342': { config: edition.agenda, events: edition.events } } });
  const server = await startMockServer(api, 0);
  try {
    const code = await runCli(['--agenda', '9464342', '--key', 'test-key', '--api', `${server.url}/v2`, '--out', out, '--quiet']);
    if (code !== 0) throw new Error(`snapshot builder exit ${code}`);
  } finally {
    await server.close();
  }
  return out;
}

/** How the bench bundles the sources for its pages (every section the same way). */
export const BENCH_BUILD = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  conditions: ['production'],
  // package.json's sideEffects covers dist/ only; the bench imports the sources' define.ts.
  ignoreAnnotations: true,
  logLevel: 'error',
  tsconfig: join(root, 'tsconfig.json'),
} satisfies BuildOptions;

export async function bundle(entry: string, name: string): Promise<void> {
  await build({ ...BENCH_BUILD, entryPoints: [join(root, entry)], outfile: join(work, 'pages', `${name}.js`) });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
  '.css': 'text/css',
};

export function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = path === '/' ? join(work, 'pages/index.html') : resolve(work, `.${path}`);
    if (!file.startsWith(work) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

export async function launch() {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--window-size=1280,900'],
    // One page call runs all the rounds of a comparison; with FullCalendar on 10,000 events and a
    // busy machine that is minutes, past puppeteer's 3-minute default.
    protocolTimeout: 15 * 60 * 1000,
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

type Runs = { ours: Record<string, number>; fullcalendar: Record<string, number> }[];

export async function listBench(row: (label: string, value: string) => void): Promise<void> {
  rmSync(join(work, 'pages'), { recursive: true, force: true });
  mkdirSync(join(work, 'pages'), { recursive: true });
  const counts = [8000, 10000];
  for (const count of counts) await buildSnapshot(count);
  await bundle('bench/pages/list-page.ts', 'list');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    join(work, 'pages/index.html'),
    '<!doctype html><html lang="fr"><meta charset="utf-8"><body><div id="host" style="width:1100px"></div><script type="module" src="/pages/list.js"></script></body></html>',
  );
  const { server, url } = await serve();
  const browser = await launch();
  try {
    for (const count of counts) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${url}/`);
      await page.waitForFunction(() => typeof window.runBench === 'function');
      const runs = (await page.evaluate((src: string) => window.runBench(src), `${url}/snapshot-${count}/`)) as Runs;
      const m = (side: 'ours' | 'fullcalendar', key: string) => median(runs.map((r) => r[side][key] ?? NaN));
      const oursPaint = m('ours', 'firstPaintMs');
      const theirs = m('fullcalendar', 'firstPaintMs');
      row(`list, ${count} events: data → first cards painted (ours)`, `${oursPaint.toFixed(1)} ms`);
      row(`list, ${count} events: same with FullCalendar list view`, `${theirs.toFixed(1)} ms`);
      row(`list, ${count} events: ours / FullCalendar`, (oursPaint / theirs).toFixed(3));
      row(
        `list, ${count} events: filtering p50 / p95 (search keystrokes)`,
        `${m('ours', 'filterP50Ms').toFixed(2)} / ${m('ours', 'filterP95Ms').toFixed(2)} ms`,
      );
      row(
        `list, ${count} events: filter change → list painted, p50 / max`,
        `${m('ours', 'updatePaintedP50Ms').toFixed(1)} / ${m('ours', 'updatePaintedMaxMs').toFixed(1)} ms`,
      );
      row(
        `list, ${count} events: same with FullCalendar (events swapped), p50 / max`,
        `${m('fullcalendar', 'updatePaintedP50Ms').toFixed(1)} / ${m('fullcalendar', 'updatePaintedMaxMs').toFixed(1)} ms`,
      );
      row(
        `list, ${count} events: filter change painted, ours / FullCalendar (p50)`,
        (m('ours', 'updatePaintedP50Ms') / m('fullcalendar', 'updatePaintedP50Ms')).toFixed(3),
      );
      row(`list, ${count} events: DOM nodes, ours / FullCalendar`, `${m('ours', 'domNodes')} / ${m('fullcalendar', 'domNodes')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}
