/**
 * Section "main thread" of `npm run bench`: how long the page's main thread is blocked between
 * the arrival of the national events file (8,000 events) and the first cards of a national
 * `<sdi-event-list>` painted, then from those cards until the list's filter index is prepared
 * (in idle time), in Debian's headless Chromium. Long tasks (over 50 ms) come from
 * PerformanceObserver('longtask'); total blocking time is the sum of their time over 50 ms.
 *
 * Each span has its "before": the same sources with the snapshot reader as it was before its work
 * was sliced (the files of BASELINE_FILES taken from commit BASELINE, or SDI_BENCH_BASELINE), and
 * with the filter index as it was before its preparation was sliced (apply.ts and results.ts of
 * LIST_BASELINE, or SDI_BENCH_LIST_BASELINE: one idle callback for the facets and one for the
 * search). All three
 * pages are bundled and measured alternately in one run, unthrottled and with the 4× CPU slowdown
 * Lighthouse applies for mobile.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BENCH_BUILD, buildSnapshot, median, serve } from './browser.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

type Row = (label: string, value: string) => void;

const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, '.cache/bench');
const COUNT = 8000;
const ROUNDS = 7;
/** The last commit whose snapshot reader checked and expanded a whole file in one task. */
const BASELINE = process.env.SDI_BENCH_BASELINE ?? '6c4e1d2';
const BASELINE_FILES = ['src/feed/snapshot-reader.ts', 'src/feed/snapshot-expand.ts', 'src/feed/http.ts'];
/** The last commit whose list built its filter index in two idle callbacks of one task each. */
const LIST_BASELINE = process.env.SDI_BENCH_LIST_BASELINE ?? '0c9fb02';
const LIST_BASELINE_FILES = ['src/filters/apply.ts', 'src/elements/event-list/results.ts'] as const;
/** Where the helpers the baseline's apply.ts imports live today (#12 moved them out of list/ and filters/). */
const LIST_BASELINE_MOVES: readonly [string, string][] = [
  ["'../list/format-event.js'", "'../model/plain-text.js'"],
  ["'./quick-dates.js'", "'../time/local-day.js'"],
];
/**
 * The element of today calls results.ts's prepareIndex; the baseline's has none. This one does
 * what the element did then: the facets in an idle callback, the search in the next.
 */
const LIST_BASELINE_SHIM = `
import { prepareFacets, prepareSearch } from '../../filters/apply.js';
export async function prepareIndex(index: EventIndex): Promise<void> {
  prepareFacets(index);
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
  prepareSearch(index);
}
`;

interface Measure {
  arrivalMs: number;
  paintMs: number;
  longest: number;
  tbt: number;
  tasks: number;
  /** First cards painted → filter index prepared, and the long tasks of that span. */
  prepareMs: number;
  prepareLongest: number;
  prepareTbt: number;
  prepareTasks: number;
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
import { painted } from './bench/pages/timing.js';

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
  // The list's (private) index has its search part once the preparation is over, in both versions.
  while (!el.index?.search) await new Promise((ok) => setTimeout(ok, 10));
  const prepared = performance.now();
  const file = performance.getEntriesByType('resource').find((e) => e.name.includes('/events/all.'));
  if (!file) throw new Error('the national events file was not read');
  const arrival = file.responseEnd;
  // Observer entries are delivered in a later task: give them one.
  await new Promise((ok) => setTimeout(ok, 50));
  const within = (from, to) => longTasks.filter((t) => t.startTime + t.duration > from && t.startTime < to).map((t) => t.duration);
  const tasks = within(arrival, end);
  const prepare = within(end, prepared);
  return {
    arrivalMs: arrival - started,
    paintMs: end - arrival,
    longest: Math.max(0, ...tasks),
    tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    tasks: tasks.length,
    prepareMs: prepared - end,
    prepareLongest: Math.max(0, ...prepare),
    prepareTbt: prepare.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    prepareTasks: prepare.length,
  };
};
`;

/** before: the baseline's reader; list-before: the baseline's index preparation; after: today's sources. */
const SIDES = ['before', 'list-before', 'after'] as const;
type Side = (typeof SIDES)[number];

function gitShow(commit: string, file: string): string {
  const old = spawnSync('git', ['show', `${commit}:${file}`], { cwd: root, encoding: 'utf8' });
  if (old.status !== 0) throw new Error(`git show ${commit}:${file}: ${old.stderr}`);
  return old.stdout;
}

/** A copy of the current sources in `dir`, with `files` replaced. */
function copyWith(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(root, 'bench'), join(dir, 'bench'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
}

/** The current sources, and copies of them with the baseline's reader, or the baseline's index. */
async function bundlePages(): Promise<void> {
  const out = join(work, 'main-thread');
  const before = join(out, 'before');
  const listBefore = join(out, 'list-before');
  rmSync(out, { recursive: true, force: true });
  copyWith(before, Object.fromEntries(BASELINE_FILES.map((file) => [file, gitShow(BASELINE, file)])));
  const [apply, results] = LIST_BASELINE_FILES;
  const baselineApply = LIST_BASELINE_MOVES.reduce(
    (code, [from, to]) => code.replaceAll(from, to),
    gitShow(LIST_BASELINE, apply),
  );
  copyWith(listBefore, { [apply]: baselineApply, [results]: gitShow(LIST_BASELINE, results) + LIST_BASELINE_SHIM });
  const dirs: Record<Side, string> = { before, 'list-before': listBefore, after: root };
  for (const side of SIDES) {
    await build({
      ...BENCH_BUILD,
      stdin: { contents: PAGE, resolveDir: dirs[side], loader: 'ts', sourcefile: `main-thread-${side}.ts` },
      outfile: join(out, `${side}.js`),
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
      const runs: Record<Side, Measure[]> = { before: [], 'list-before': [], after: [] };
      // A warm-up of each, then the sides alternate so the machine's load falls on all alike.
      for (const side of SIDES) await measure(browser, url, side, throttle);
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of round % 2 ? [...SIDES].reverse() : SIDES) runs[side].push(await measure(browser, url, side, throttle));
      }
      const m = (side: Side, key: keyof Measure) => median(runs[side].map((r) => r[key]));
      const label = `${COUNT} events, CPU ${throttle}×`;
      const pair = (key: keyof Measure, before: Side = 'before') => {
        const ratio = m(before, key) > 0 ? ` (after / before ${(m('after', key) / m(before, key)).toFixed(2)})` : '';
        return `${m(before, key).toFixed(0)} ms → ${m('after', key).toFixed(0)} ms${ratio}`;
      };
      row(`${label}: longest task, file arrived → first cards painted, before → after`, pair('longest'));
      row(`${label}: total blocking time (task time over 50 ms), same span`, pair('tbt'));
      row(`${label}: long tasks in the span, before → after`, `${m('before', 'tasks')} → ${m('after', 'tasks')}`);
      row(`${label}: file arrived → first cards painted`, pair('paintMs'));
      row(
        `${label}: longest task, first cards painted → filter index prepared, before → after`,
        pair('prepareLongest', 'list-before'),
      );
      row(`${label}: total blocking time, same span`, pair('prepareTbt', 'list-before'));
      row(
        `${label}: long tasks in the span, before → after`,
        `${m('list-before', 'prepareTasks')} → ${m('after', 'prepareTasks')}`,
      );
      row(`${label}: first cards painted → filter index prepared`, pair('prepareMs', 'list-before'));
    }
    row(
      'medians of',
      `${ROUNDS} loads per side and slowdown, alternated; before = ${BASELINE_FILES.map((f) => f.replace('src/', '')).join(' + ')} of ${BASELINE} ` +
        `for the reader's span, ${LIST_BASELINE_FILES.map((f) => f.replace(/.*\//, '')).join(' + ')} of ${LIST_BASELINE} (two idle tasks) for the index's`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
