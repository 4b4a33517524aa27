/**
 * Map part of `npm run bench`: `<sdi-region-map>` against a plain Leaflet map with
 * leaflet.markercluster on the same points, in Debian's headless Chromium, for an ordinary
 * edition (8,000 events) and a very large one (50,000); then the bytes each needs.
 * Each measure is taken three times after a warm-up and the medians are reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SnapshotIndex } from '../src/feed/snapshot-format.js';
import { buildSnapshot, bundle, launch, median, serve } from './browser.js';
// @ts-expect-error plain ESM helper shared with the rollup config
import { staticClosure } from '../scripts/bundle-graph.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, '.cache/bench');
const COUNTS = [8000, 50000];
/** Zooming and panning are measured where they hurt: on the largest edition only. */
const INTERACT_FROM = 50000;
const RUNS = 3;

type Row = (label: string, value: string) => void;
type Side = 'ours' | 'markercluster';
type Run = Record<Side, Record<string, number>>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const thousands = (n: number) => n.toLocaleString('en');

function pointsFile(dir: string): string {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as SnapshotIndex;
  return join(dir, index.files.points.path);
}

async function browserSection(row: Row, snapshots: Map<number, string>): Promise<void> {
  mkdirSync(join(work, 'pages'), { recursive: true });
  await bundle('bench/pages/map-page.ts', 'map');
  // bundle() writes the markercluster CSS the page imports beside the script, as map.css.
  writeFileSync(
    join(work, 'pages/map.html'),
    '<!doctype html><html lang="fr"><meta charset="utf-8"><link rel="stylesheet" href="/pages/map.css">' +
      '<body><div id="host" style="width:1100px"></div><script type="module" src="/pages/map.js"></script></body></html>',
  );
  const { server, url } = await serve();
  const browser = await launch();
  try {
    for (const count of COUNTS) {
      const src = `${url}/${snapshots.get(count)!.slice(work.length + 1)}/`;
      const interact = count >= INTERACT_FROM;
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      // Leaflet and our view skip their animations when reduced motion is asked for; both must animate.
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${url}/pages/map.html`);
      await page.waitForFunction(() => typeof window.mapRun === 'function');
      const cdp = await page.createCDPSession();
      // One call per map and run: a 50,000-marker run is long, and the garbage of the previous
      // map (tens of thousands of markers) is collected before the clock starts, for both sides.
      const measure = async (side: Side, withMoves: boolean) => {
        await cdp.send('HeapProfiler.collectGarbage');
        return page.evaluate((s: Side, u: string, i: boolean) => window.mapRun(s, u, i), side, src, withMoves);
      };
      // Warm both code paths once, so the runs compare drawing, not first compilation.
      await measure('ours', false);
      await measure('markercluster', false);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push({ ours: await measure('ours', interact), markercluster: await measure('markercluster', interact) });
      }
      if (errors.length > 0) throw new Error(`map page errors: ${errors.join('; ')}`);
      const m = (side: Side, key: string) => median(runs.map((r) => r[side][key] ?? NaN));
      const located = JSON.parse(readFileSync(pointsFile(snapshots.get(count)!), 'utf8')) as { points: unknown[] };
      const label = `map, ${thousands(count)} events (${thousands(located.points.length / 4)} located)`;
      const oursPaint = m('ours', 'firstPaintMs');
      const theirsPaint = m('markercluster', 'firstPaintMs');
      row(`${label}: points in memory → symbols painted (ours)`, ms(oursPaint));
      row(`${label}: same, Leaflet + markercluster (addLayers)`, ms(theirsPaint));
      row(`${label}: ours / markercluster`, (oursPaint / theirsPaint).toFixed(3));
      row(
        `${label}: drawn at first view, ours / markercluster (zoom)`,
        `${m('ours', 'drawn')} symbols (z${m('ours', 'zoom')}) / ${m('markercluster', 'drawn')} clusters (z${m('markercluster', 'zoom')})`,
      );
      if (interact) {
        for (const side of ['ours', 'markercluster'] as const) {
          row(
            `${label}: zoom into Lyon + pans, frame p50 / p95 / max (${side})`,
            `${m(side, 'frameP50Ms').toFixed(1)} / ${m(side, 'frameP95Ms').toFixed(1)} / ${m(side, 'frameMaxMs').toFixed(1)} ms` +
              ` (${m(side, 'frames')} frames in ${(m(side, 'durationMs') / 1000).toFixed(1)} s; z${m(side, 'endZoom')}, ${m(side, 'endMarkers')} markers at the end)`,
          );
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function bytesSection(row: Row, snapshots: Map<number, string>): void {
  const build = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('rollup failed');
  // dist/ keeps chunks of earlier builds: follow the imports from the entry rather than list files.
  // The element has other lazy imports (the live API reader); the map's is the one with Leaflet,
  // found by a property name Leaflet stamps on every object, which minifiers keep.
  const entry = staticClosure(join(root, 'dist/sdi-region-map.js')) as { files: string[]; dynamic: string[] };
  const closures = entry.dynamic.map((file) =>
    (staticClosure(file) as { files: string[] }).files.filter((f) => !entry.files.includes(f)),
  );
  const mapFiles = closures.find((files) => files.some((file) => readFileSync(file, 'utf8').includes('_leaflet_id')));
  if (!mapFiles) throw new Error(`no Leaflet in the lazy chunks of dist/sdi-region-map.js: ${entry.dynamic.join(', ')}`);
  const mapChunk = mapFiles.reduce((sum, file) => sum + gz(file), 0);
  const lib = (path: string) => gz(join(root, 'node_modules', path));
  const leaflet = lib('leaflet/dist/leaflet.js');
  const leafletCss = lib('leaflet/dist/leaflet.css');
  const cluster = lib('leaflet.markercluster/dist/leaflet.markercluster.js');
  const clusterCss =
    lib('leaflet.markercluster/dist/MarkerCluster.css') + lib('leaflet.markercluster/dist/MarkerCluster.Default.css');
  const theirs = leaflet + leafletCss + cluster + clusterCss;
  row(`map chunk (${mapFiles.map((f) => f.slice(root.length + 1)).join(' + ')}) gzip`, kb(mapChunk));
  row('Leaflet alone (leaflet.js) gzip', kb(leaflet));
  row('Leaflet + leaflet.css + markercluster + its 2 CSS files gzip', kb(theirs));
  for (const count of COUNTS) {
    const points = gz(pointsFile(snapshots.get(count)!));
    row(
      `map bytes, ${thousands(count)} events: points + map chunk (ours) / same points + Leaflet + markercluster`,
      `${kb(points)} + ${kb(mapChunk)} = ${kb(points + mapChunk)} / ${kb(points + theirs)}`,
    );
  }
}

export async function mapBench(row: Row): Promise<void> {
  const snapshots = new Map<number, string>();
  for (const count of COUNTS) {
    const started = performance.now();
    snapshots.set(count, await buildSnapshot(count));
    const took = performance.now() - started;
    // Cached under .cache/bench after the first run; a 50,000-event build takes ~20 s here.
    if (took > 1000) console.log(`(built the ${thousands(count)}-event snapshot in ${(took / 1000).toFixed(1)} s)`);
  }
  await browserSection(row, snapshots);
  bytesSection(row, snapshots);
}
