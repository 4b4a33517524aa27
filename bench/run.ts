/**
 * `npm run bench`: the figures the issues ask for, measured in one run on this machine (times
 * are noisy on a shared 2-core box: compare the ratios printed, not absolute values across runs).
 * Not part of `npm test`. Sections, in order (`npm run bench -- --only page,requests,lighthouse`
 * runs some; `--only "main thread"`): snapshot, bundle, list, map, main thread, page, requests,
 * lighthouse, navigation (its flags: bench/navigation.ts). Ends with one table of every
 * row; exits 1 when a page of widgets asked for a file twice.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createMockApi, startMockServer } from '../tools/mock-api/mock-api.js';
import { generateEdition } from '../tools/sample/generate.js';
import { runCli } from '../src/node/snapshot/cli.js';
import type { SnapshotIndex } from '../src/feed/snapshot-format.js';
import { listBench } from './browser.js';
import { mapBench } from './map.js';
import { openPageBench, pageSection, requestsSection } from './page.js';
import { lighthouseBench } from './lighthouse.js';
import { mainThreadBench } from './main-thread.js';
import { navigationBench } from './navigation.js';
import { CHROMIUM_PATH } from '../scripts/chromium.mjs';
// @ts-expect-error plain ESM helper shared with the rollup config
import { closureSize, staticClosure } from '../scripts/bundle-graph.mjs';

const rows: [string, string, string][] = [];
let section = '';
const heading = (name: string, title: string) => {
  section = name;
  console.log(`\n# ${title}`);
};
const row = (label: string, value: string) => {
  rows.push([section, label, value]);
  console.log(`${label.padEnd(76)} ${value}`);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    total += statSync(path).isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

async function snapshotSection(): Promise<void> {
  heading('snapshot', 'Snapshot (8,000-event sample edition, through the mock API and the real builder)');
  const edition = generateEdition({ count: 8000 });
  const api = createMockApi({ agendas: { '9464342': { config: edition.agenda, events: edition.events } } });
  const server = await startMockServer(api, 0);
  const dir = mkdtempSync(join(tmpdir(), 'sdi-bench-'));
  try {
    const out = join(dir, 'snapshot');
    const started = performance.now();
    const code = await runCli(['--agenda', '9464342', '--key', 'test-key', '--api', `${server.url}/v2`, '--out', out, '--quiet']);
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`builder exit ${code}`);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as SnapshotIndex;
    row('build time (28 API pages, normalise, write)', `${Math.round(ms)} ms`);
    row('snapshot on disk (all files)', kb(folderBytes(out)));
    const all = join(out, index.files.all.path);
    row('national events file raw / gzip', `${kb(statSync(all).size)} / ${kb(gz(all))}`);
    const regions = Object.entries(index.files.regions).filter(([code]) => code !== 'none');
    const sizes = regions.map(([code, ref]) => ({ code, gzip: gz(join(out, ref.path)), count: ref.count }));
    sizes.sort((a, b) => a.gzip - b.gzip);
    const indexGzip = gz(join(out, 'index.json'));
    const largest = sizes[sizes.length - 1]!;
    const median = sizes[Math.floor(sizes.length / 2)]!;
    row('index.json gzip', kb(indexGzip));
    row(
      `one-region list, largest region (${largest.code}, ${largest.count} events): index + shard gzip`,
      kb(indexGzip + largest.gzip),
    );
    row(
      `one-region list, median region (${median.code}, ${median.count} events): index + shard gzip`,
      kb(indexGzip + median.gzip),
    );
    row('national list: index + all gzip', kb(indexGzip + gz(all)));
    row('one-region / national bytes (median region)', ((indexGzip + median.gzip) / (indexGzip + gz(all))).toFixed(3));
    row('points file gzip (maps)', kb(gz(join(out, index.files.points.path))));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function bundleSection(): void {
  heading('bundle', 'Script-tag bundle (dist/, min + gzip per file as a CDN serves it)');
  const build = spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('rollup failed');
  type Size = { raw: number; gzip: number; brotli: number };
  const closure = (entry: string) => staticClosure(entry) as { files: string[]; dynamic: string[] };
  const loader = closure('dist/sdi-widgets.js');
  const loaderSize = closureSize(loader.files) as Size;
  row(
    `sdi-widgets.js, the loader a page always gets (${loader.files.length} files)`,
    `${kb(loaderSize.raw)} / ${kb(loaderSize.gzip)} gzip`,
  );
  // What a page downloads for the elements it holds: the loader, then each element's chunk and
  // the chunks those import (shared ones counted once), before any data.
  const pages: [string, string[]][] = [
    ['banner only', ['sdi-edition-banner']],
    ['countdown only', ['sdi-countdown']],
    ['event list only', ['sdi-event-list']],
    ['banner + countdown + list', ['sdi-edition-banner', 'sdi-countdown', 'sdi-event-list']],
    ['map only (before Leaflet loads)', ['sdi-region-map']],
  ];
  for (const [label, tags] of pages) {
    const files = new Set(loader.files);
    for (const tag of tags) for (const file of closure(`dist/${tag}.js`).files) files.add(file);
    const size = closureSize([...files]) as Size;
    row(`page with ${label}: JS min / gzip`, `${kb(size.raw)} / ${kb(size.gzip)}`);
  }
  const mapEntry = closure('dist/sdi-region-map.js');
  const all = new Set([...loader.files, ...mapEntry.files]);
  for (const file of mapEntry.dynamic) {
    const lazy = closureSize(closure(file).files.filter((f) => !all.has(f))) as Size;
    row(`  map, loaded when visible: ${file.replace('dist/', '')} gzip`, kb(lazy.gzip));
  }
}

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : undefined;
const wants = (name: string) => !only || only.has(name);
const SECTIONS = ['snapshot', 'bundle', 'list', 'map', 'main thread', 'page', 'requests', 'lighthouse', 'navigation'];
const unknown = [...(only ?? [])].filter((name) => !SECTIONS.includes(name));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
// Times depend on what else runs: the load is printed at the start and at the end.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadAtStart = load();

if (wants('snapshot')) await snapshotSection();
if (wants('bundle')) bundleSection();
if (wants('list')) {
  heading('list', 'Event list in headless Chromium (same events, same run)');
  await listBench(row);
}
if (wants('map')) {
  heading('map', 'Region map in headless Chromium (same points, same run)');
  await mapBench(row);
}
if (wants('main thread')) {
  heading(
    'main thread',
    "Main thread from the national file's arrival to the list's first cards, headless Chromium (before / after slicing, same run)",
  );
  await mainThreadBench(row);
}
let failed = false;
if (wants('page') || wants('requests')) {
  const pages = await openPageBench();
  try {
    if (wants('page')) {
      heading(
        'page',
        'A page with the 4 widgets (demo config: national) vs FullCalendar + Leaflet + markercluster, same snapshot; headless Chromium, gzip 6, cold cache',
      );
      if (!(await pageSection(row, pages))) failed = true;
    }
    if (wants('requests')) {
      heading('requests', 'Requests: banner + countdown + map + list + a second list, all region 32 (built dist/)');
      if (!(await requestsSection(row, pages))) failed = true;
    }
  } finally {
    await pages.close();
  }
}
if (wants('lighthouse')) {
  heading('lighthouse', 'Lighthouse on the demo page of `npm start`');
  await lighthouseBench(row);
}
if (wants('navigation')) {
  heading(
    'navigation',
    'From navigation to the first card / map symbol, ours vs the peers on the raw feed; headless Chromium, cold, no emulation and slow 4G + 4× CPU (issue #14)',
  );
  await navigationBench(row, { pageBytes: !wants('page') });
}

// One table of everything, to paste from; the checks' FAIL also sets the exit code.
const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `\n# All results · ${new Date().toISOString()} · node ${process.version} · ${chromium} · ${cpus().length} cores · load average ${loadAtStart} at the start, ${load()} at the end\n`,
);
console.log('| section | what | value |\n|---|---|---|');
for (const [name, label, value] of rows) console.log(`| ${name} | ${label} | ${value} |`);
if (failed) {
  console.error('\nFAIL: a page of widgets asked for a file more than once (see "page" and "requests").');
  process.exitCode = 1;
}
