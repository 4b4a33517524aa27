/**
 * "from navigation" section of `npm run bench` (issue #14): what a visitor waits for, from
 * navigation start (performance.timeOrigin) to the first event card / map symbol in the viewport,
 * ours against the usual libraries reading the raw OpenAgenda feed, on the same synthetic edition
 * served gzipped by one local static server, in headless Chromium (cold: a new context per load,
 * cache disabled), ours and the peer alternating, medians of N loads, with no emulation and with
 * Lighthouse's slow 4G + 4× CPU. Also, for our national list, the data bytes and the sequential
 * round trips before its first card; and the demo page's bytes against the naive peer page (the
 * "page" section's measure, reused).
 *
 * Flags (after `npm run bench --`): `--runs N` loads per contender and condition (default 3);
 * `--large-runs N` the same for the 50,000-event map (default 1: one cold 50,000-event
 * markercluster load on slow 4G is about a minute here); `--at REV` builds our widgets and the
 * snapshot from a commit instead of the working tree; `--no-page-bytes` skips the demo page's
 * bytes (the "page" section's measure, which builds the working tree); `--no-large` skips the
 * 50,000-event map (and the five minutes its edition takes to build), for a quick measure.
 *
 * Cost, on this project's 2-core machine at load average 10-15: 12.9 min with `--runs 2`, of
 * which 5.3 min building (mostly the 50,000-event snapshot), and FullCalendar's national list on
 * slow 4G alone 60-95 s a load; the default (`--runs 3`) adds about 2 min per extra run.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { openPageBench, pageSection } from './page.js';
import { coldLoad, CONDITIONS, type Condition, type LoadResult } from './navigation/cold-load.js';
import { jsonBytesBefore, longestChain } from './navigation/critical-path.js';
import {
  buildOurBundle,
  buildPeerBundles,
  buildProbe,
  ourPage,
  peerListPage,
  peerMapPage,
  prepareEdition,
  REGION,
  resetPages,
  SCOPES,
  sourceTree,
  WORK,
} from './navigation/prepare.js';
import type { ProbeTarget } from './navigation/probe.js';
import { startStaticServer } from './navigation/static-server.js';

type Row = (label: string, value: string) => void;

// An event's card, not the skeleton cards the list shows while it loads (part "card skeleton").
const CARD: ProbeTarget[] = [{ host: 'sdi-event-list', selector: '[part~="card"]:not([part~="skeleton"])' }];
const FC_ROW: ProbeTarget[] = [{ selector: '.fc-list-event' }];
const SYMBOL: ProbeTarget[] = [{ host: 'sdi-region-map', selector: '.sdi-symbol-icon, .sdi-cluster-icon' }];
const CLUSTER: ProbeTarget[] = [{ selector: '.marker-cluster' }];
const LOAD_TIMEOUT_MS = 5 * 60 * 1000;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1, got ${process.argv[at + 1]}`);
  return value;
}

interface Contender {
  label: string;
  peerName: string;
  ours: { url: string; targets: ProbeTarget[] };
  peer: { url: string; targets: ProbeTarget[] };
  runs: number;
  /** Report bytes and round trips before the first card (our national list). */
  network?: boolean;
}

interface Pair {
  ours: LoadResult[];
  peer: LoadResult[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const thousands = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${thousands(n)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const fileOf = (url: string) => {
  const path = new URL(url).pathname;
  return path.replace(/\.[0-9a-f]{8,}\./, '.<hash>.').replace(/^\/api-\d+\/v2\/agendas\/\d+\/events$/, 'API page');
};

async function measure(browser: Browser, base: string, probe: string, contender: Contender, condition: Condition): Promise<Pair> {
  const pair: Pair = { ours: [], peer: [] };
  for (let i = 0; i < contender.runs; i++) {
    // Alternating, so a change in the machine's load falls on both sides.
    const ours = await coldLoad(browser, base + contender.ours.url, contender.ours.targets, probe, condition, LOAD_TIMEOUT_MS);
    const peer = await coldLoad(browser, base + contender.peer.url, contender.peer.targets, probe, condition, LOAD_TIMEOUT_MS);
    pair.ours.push(ours);
    pair.peer.push(peer);
    console.log(
      `  ${contender.label}, run ${i + 1}/${contender.runs}: ours ${ms(ours.firstMs)}, ${contender.peerName} ${ms(peer.firstMs)} (load ${load()})`,
    );
  }
  return pair;
}

export async function navigationBench(row: Row, options: { pageBytes: boolean }): Promise<void> {
  const runs = flag('--runs', 3);
  const largeRuns = flag('--large-runs', 1);
  const atFlag = process.argv.indexOf('--at');
  const at = atFlag > 0 ? process.argv[atFlag + 1] : undefined;
  const widgets = at
    ? `widgets and builder at ${at} (${spawnSync('git', ['rev-parse', '--short', at], { encoding: 'utf8' }).stdout.trim()})`
    : 'widgets and builder from the working tree';
  const loadAtStart = load();
  const started = performance.now();
  const server = await startStaticServer();
  let browser: Browser | undefined;
  try {
    console.log('(building: script-tag bundle, peers, 8,000- and 50,000-event editions, snapshots and API pages)');
    const tree = sourceTree(at);
    server.mount('/dist/', await buildOurBundle(tree));
    server.mount('/peer/', await buildPeerBundles());
    const probe = await buildProbe();
    const small = await prepareEdition(server, tree, 8000, ['list', 'list-region', 'map']);
    const withLarge = !process.argv.includes('--no-large');
    const large = withLarge ? await prepareEdition(server, tree, 50000, ['map']) : undefined;
    // A commit's copy is no longer needed: nothing else (lint, tests) should meet a second src/.
    if (at) rmSync(tree, { recursive: true, force: true });
    resetPages();
    const regionCount = small.index.files.regions[REGION]?.count ?? 0;
    const contenders: Contender[] = [
      {
        label: 'list, national, 8,000 events: first card',
        peerName: 'FullCalendar list view',
        ours: { url: ourPage('list-national', 8000, '<sdi-event-list></sdi-event-list>'), targets: CARD },
        peer: { url: peerListPage('peer-list-national', small.api), targets: FC_ROW },
        runs,
        network: true,
      },
      {
        label: `list, region ${REGION} (${thousands(regionCount)} of 8,000 events), partner snippet: first card`,
        peerName: 'FullCalendar list view',
        ours: { url: ourPage('list-region', 8000, `<sdi-event-list region="${REGION}"></sdi-event-list>`), targets: CARD },
        peer: { url: peerListPage('peer-list-region', small.api, SCOPES['list-region'].region), targets: FC_ROW },
        runs,
      },
      {
        label: 'map, 8,000 events: first symbol',
        peerName: 'Leaflet + markercluster',
        ours: { url: ourPage('map-8000', 8000, '<sdi-region-map height="520"></sdi-region-map>'), targets: SYMBOL },
        peer: { url: peerMapPage('peer-map-8000', small.api), targets: CLUSTER },
        runs,
      },
    ];
    if (large) {
      contenders.push({
        label: 'map, 50,000 events: first symbol',
        peerName: 'Leaflet + markercluster',
        ours: { url: ourPage('map-50000', 50000, '<sdi-region-map height="520"></sdi-region-map>'), targets: SYMBOL },
        peer: { url: peerMapPage('peer-map-50000', large.api), targets: CLUSTER },
        runs: largeRuns,
      });
    }
    server.mount('/pages/', `${WORK}/pages`);
    console.log(
      `(built in ${((performance.now() - started) / 1000).toFixed(0)} s; ${small.pages + (large?.pages ?? 0)} API pages)`,
    );

    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, '--window-size=1280,900'],
      protocolTimeout: LOAD_TIMEOUT_MS * 2,
    });
    const chromium = await browser.version();
    // One unmeasured pair, so the first measured load does not also start the browser's processes.
    await coldLoad(browser, server.url + contenders[1]!.ours.url, CARD, probe, CONDITIONS[0]!, LOAD_TIMEOUT_MS);
    await coldLoad(browser, server.url + contenders[1]!.peer.url, FC_ROW, probe, CONDITIONS[0]!, LOAD_TIMEOUT_MS);

    const tables: string[] = [];
    for (const condition of CONDITIONS) {
      console.log(`\n## ${condition.name}`);
      const lines = ['| what | ours | peer | ours / peer |', '|---|---|---|---|'];
      for (const contender of contenders) {
        const pair = await measure(browser, server.url, probe, contender, condition);
        const ours = median(pair.ours.map((r) => r.firstMs));
        const peer = median(pair.peer.map((r) => r.firstMs));
        const n = contender.runs === 1 ? '1 run' : `median of ${contender.runs}`;
        const ratio = (ours / peer).toFixed(3);
        lines.push(`| ${contender.label} (${n}) | ${ms(ours)} | ${contender.peerName}: ${ms(peer)} | ${ratio} |`);
        row(
          `${condition.name} · ${contender.label}, ours / ${contender.peerName} (${n})`,
          `${ms(ours)} / ${ms(peer)} = ${ratio}`,
        );
        if (!contender.network) continue;
        for (const [side, results] of [
          ['ours', pair.ours],
          [contender.peerName, pair.peer],
        ] as const) {
          const bytes = median(results.map((r) => jsonBytesBefore(r.exchanges, r.firstAt)));
          const chains = results.map((r) => longestChain(r.exchanges, r.firstAt));
          const lengths = chains.map((c) => c.length);
          const typical = chains.find((c) => c.length === median(lengths)) ?? chains[0]!;
          const path =
            typical.length > 8
              ? `${typical
                  .slice(0, 4)
                  .map((e) => fileOf(e.url))
                  .join(' → ')} → … (${typical.length - 4} more)`
              : typical.map((e) => fileOf(e.url)).join(' → ');
          const label = `${contender.label.replace(/: first card$/, '')}, ${side}`;
          lines.push(`| … data (JSON) bytes before the first card, ${side} | ${kb(bytes)} | | |`);
          lines.push(`| … sequential round trips to the first card, ${side} (HTML included) | ${median(lengths)}: ${path} | | |`);
          row(`${condition.name} · ${label}: data (JSON) bytes on the wire before the first card (median)`, kb(bytes));
          row(
            `${condition.name} · ${label}: sequential round trips to the first card, HTML included (median)`,
            `${median(lengths)} (${path})`,
          );
        }
      }
      tables.push(`### ${condition.name}\n\n${lines.join('\n')}`);
    }

    const header = `# from navigation · ${new Date().toISOString()} · ${chromium} (${spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim()}) · ${widgets} · load average ${loadAtStart} at the start, ${load()} at the end · ${((performance.now() - started) / 60000).toFixed(1)} min`;
    console.log(`\n${header}\n\n${tables.join('\n\n')}\n`);
  } finally {
    await browser?.close();
    await server.close();
  }

  if (!options.pageBytes || process.argv.includes('--no-page-bytes')) {
    console.log('(demo page bytes: see the "page" section of this run)');
    return;
  }
  // The demo's four widgets against the naive peer page: the "page" section's own measure.
  const wanted = [
    'transfer without images, ours / peer',
    'decoded without images, ours / peer',
    'requests without images, ours / peer',
  ];
  const prefix = 'demo page, 4 widgets vs naive peer page (FullCalendar + Leaflet + markercluster), no emulation';
  try {
    const pages = await openPageBench();
    try {
      await pageSection((label, value) => {
        if (wanted.includes(label)) row(`${prefix}: ${label}`, value);
      }, pages);
    } finally {
      await pages.close();
    }
  } catch (error) {
    // The page section builds with `rollup -c` (dist/, both configs): its failure must not take
    // this section's figures, already measured, out of the final table.
    row(prefix, `not measured: ${String(error).split('\n')[0]}`);
  }
}
