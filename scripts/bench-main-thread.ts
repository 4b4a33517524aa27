/**
 * Section "main thread" of `npm run bench`: how long the page's main thread is blocked between
 * the arrival of the national events file (8,000 events) and the first cards of a national
 * `<sdi-event-list>` painted, in Debian's headless Chromium. Long tasks (over 50 ms) come from
 * PerformanceObserver('longtask'); total blocking time is the sum of their time over 50 ms.
 *
 * "Before" is the same sources with the snapshot reader as it was before its work was sliced
 * (the files of BASELINE_FILES taken from commit BASELINE, or SDI_BENCH_BASELINE), bundled beside
 * the current sources, and both are measured alternately in one run, unthrottled and with the
 * 4× CPU slowdown Lighthouse applies for mobile.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { buildSnapshot, median, serve } from './bench-browser.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

type Row = (label: string, value: string) => void;

const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, '.cache/bench');
const COUNT = 8000;
const ROUNDS = 7;
/** The last commit whose snapshot reader checked and expanded a whole file in one task. */
const BASELINE = process.env.SDI_BENCH_BASELINE ?? '6c4e1d2';
const BASELINE_FILES = ['src/feed/snapshot-reader.ts', 'src/feed/snapshot-expand.ts', 'src/feed/http.ts'];

interface Measure {
  arrivalMs: number;
  paintMs: number;
  longest: number;
  tbt: number;
  tasks: number;
}

declare global {
  interface Window {
    measureMainThread(src: string): Promise<Measure>;
  }
}

/**
 * The page, bundled once per side (esbuild's stdin, resolved in that side's folder). The long-task
 * observer is taken first, buffered, so no task of the load is missed.
 */
const PAGE = `
const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
import './src/elements/event-list/define.js';
import { painted } from './bench/timing.js';

window.measureMainThread = async (src) => {
  const started = performance.now();
  const el = document.createElement('sdi-event-list');
  el.setAttribute('src', src);
  // A group makes the list national whatever its filters, as on the demo page.
  el.setAttribute('group', 'bench');
  document.body.append(el);
  await new Promise((ok) => {
    const look = () => (el.shadowRoot?.querySelector('[part~="card"]:not(.skeleton)') ? ok() : requestAnimationFrame(look));
    look();
  });
  await painted();
  const end = performance.now();
  const file = performance.getEntriesByType('resource').find((e) => e.name.includes('/events/all.'));
  if (!file) throw new Error('the national events file was not read');
  const arrival = file.responseEnd;
  // Observer entries are delivered in a later task: give them one.
  await new Promise((ok) => setTimeout(ok, 50));
  const tasks = longTasks.filter((t) => t.startTime + t.duration > arrival && t.startTime < end).map((t) => t.duration);
  return {
    arrivalMs: arrival - started,
    paintMs: end - arrival,
    longest: Math.max(0, ...tasks),
    tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    tasks: tasks.length,
  };
};
`;

const SIDES = ['before', 'after'] as const;
type Side = (typeof SIDES)[number];

/** The current sources, and a copy of them with the baseline's reader. */
async function bundlePages(): Promise<void> {
  const out = join(work, 'main-thread');
  const before = join(out, 'before');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(before, { recursive: true });
  cpSync(join(root, 'src'), join(before, 'src'), { recursive: true });
  cpSync(join(root, 'bench'), join(before, 'bench'), { recursive: true });
  for (const file of BASELINE_FILES) {
    const old = spawnSync('git', ['show', `${BASELINE}:${file}`], { cwd: root, encoding: 'utf8' });
    if (old.status !== 0) throw new Error(`git show ${BASELINE}:${file}: ${old.stderr}`);
    writeFileSync(join(before, file), old.stdout);
  }
  const dirs: Record<Side, string> = { before, after: root };
  for (const side of SIDES) {
    await build({
      stdin: { contents: PAGE, resolveDir: dirs[side], loader: 'ts', sourcefile: `main-thread-${side}.ts` },
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      conditions: ['production'],
      ignoreAnnotations: true,
      outfile: join(out, `${side}.js`),
      logLevel: 'error',
      tsconfig: join(root, 'tsconfig.json'),
    });
    writeFileSync(
      join(out, `${side}.html`),
      `<!doctype html><html lang="fr"><meta charset="utf-8"><body><script type="module" src="/main-thread/${side}.js"></script></body></html>`,
    );
  }
}

async function measure(browser: Browser, url: string, side: Side, throttle: number): Promise<Measure> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.setCacheEnabled(false);
    const cdp = await page.createCDPSession();
    await page.goto(`${url}/main-thread/${side}.html`);
    await page.waitForFunction(() => typeof window.measureMainThread === 'function');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    return await page.evaluate((src: string) => window.measureMainThread(src), `${url}/snapshot-${COUNT}/`);
  } finally {
    await page.close();
  }
}

export async function mainThreadBench(row: Row): Promise<void> {
  await buildSnapshot(COUNT);
  await bundlePages();
  const { server, url } = await serve();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--window-size=1280,900'],
    // Puppeteer's network monitoring makes DevTools decode every response body on the page's
    // main thread (a 7.7 MB file: ~50 ms more in the very span measured); visitors have no DevTools.
    networkEnabled: false,
    protocolTimeout: 15 * 60 * 1000,
  });
  try {
    for (const throttle of [1, 4]) {
      const runs: Record<Side, Measure[]> = { before: [], after: [] };
      // A warm-up of each, then the sides alternate so the machine's load falls on both alike.
      for (const side of SIDES) await measure(browser, url, side, throttle);
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of round % 2 ? [...SIDES].reverse() : SIDES) runs[side].push(await measure(browser, url, side, throttle));
      }
      const m = (side: Side, key: keyof Measure) => median(runs[side].map((r) => r[key]));
      const label = `${COUNT} events, CPU ${throttle}×`;
      const pair = (key: keyof Measure) =>
        `${m('before', key).toFixed(0)} ms → ${m('after', key).toFixed(0)} ms (after / before ${(m('after', key) / m('before', key)).toFixed(2)})`;
      row(`${label}: longest task, file arrived → first cards painted, before → after`, pair('longest'));
      row(`${label}: total blocking time (task time over 50 ms), same span`, pair('tbt'));
      row(`${label}: long tasks in the span, before → after`, `${m('before', 'tasks')} → ${m('after', 'tasks')}`);
      row(`${label}: file arrived → first cards painted`, pair('paintMs'));
    }
    row('medians of', `${ROUNDS} loads per side and slowdown, alternated; before = ${BASELINE_FILES.map((f) => f.replace('src/', '')).join(' + ')} of ${BASELINE}`);
  } finally {
    await browser.close();
    server.close();
  }
}
