/**
 * Benchmark page (bundled by bench/map.ts, never shipped): `<sdi-region-map>` and a plain
 * Leaflet map with leaflet.markercluster, on the same points, in the same browser, in a box of the
 * same size, measured the same way: from points in memory to the first symbols painted, then the
 * frame intervals while the same zooms and pans are played on each map.
 */
// The UMD build, not the ES module build our element bundles: a second copy of Leaflet, so that
// markercluster's patches of L.Marker never touch the Leaflet our map runs on.
import L from 'leaflet';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import type { SnapshotPoint } from '../../src/feed/snapshot-format.js';
import { LEAFLET_CSS } from '../../src/map/leaflet-css.js';
import { METROPOLE_BOUNDS } from '../../src/map/regions.js';
import { feedStore } from '../../src/store/feed-store.js';
import { painted, percentile, until } from './timing.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Lyon: the densest spot of the sample edition (most events, 6 km of jitter). */
const LYON: [number, number] = [45.764, 4.8357];
const ZOOMS = [7, 8, 9, 10, 11, 12];
const PANS: [number, number][] = [
  [300, 0],
  [0, 200],
  [-300, 0],
  [0, -200],
  [-300, 0],
  [0, 200],
  [300, 0],
  [0, -200],
];

/** What both maps are driven through: the part of Leaflet's API the moves use. */
interface Movable {
  setView(center: [number, number], zoom: number, options: { animate: boolean }): unknown;
  panBy(offset: [number, number], options: { animate: boolean; duration: number }): unknown;
  once(type: 'moveend', fn: () => void): unknown;
}

/**
 * One move, then until its end and a little after it: markercluster animates its clusters for
 * 200 ms after a zoom, and our view redraws on moveend; both belong to the move's frames.
 */
async function settle(map: Movable, move: () => void): Promise<void> {
  let timer = 0;
  const ended = new Promise<void>((resolve) => {
    map.once('moveend', () => resolve());
    // A move that never ends must not hang the run; it would show as a long measure anyway.
    timer = window.setTimeout(resolve, 5000);
  });
  move();
  await ended;
  clearTimeout(timer);
  await sleep(250);
}

/**
 * Frame intervals (rAF timestamps) while zooming into Lyon step by step, then panning around it.
 * `markers` counts what the map shows at the end, so a run whose moves did nothing stands out.
 */
async function exercise(map: Movable & { getZoom(): number }, markers: () => number): Promise<Record<string, number>> {
  await painted();
  const stamps: number[] = [];
  let running = true;
  const tick = (t: number) => {
    stamps.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const started = performance.now();
  for (const zoom of ZOOMS) await settle(map, () => map.setView(LYON, zoom, { animate: true }));
  for (const offset of PANS) await settle(map, () => map.panBy(offset, { animate: true, duration: 0.25 }));
  running = false;
  const duration = performance.now() - started;
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
  return {
    frameP50Ms: percentile(intervals, 50),
    frameP95Ms: percentile(intervals, 95),
    frameMaxMs: Math.max(...intervals),
    frames: intervals.length,
    durationMs: duration,
    endZoom: map.getZoom(),
    endMarkers: markers(),
  };
}

const host = () => document.getElementById('host')!;
/** Size of our map's own box, given to theirs; measured on the first run of ours. */
let box = { width: 1098, height: 448 };

async function pointsOf(src: string): Promise<SnapshotPoint[]> {
  // Forced so that the store's five-minute revalidation never starts a background fetch mid-run.
  return (await feedStore.points({ kind: 'snapshot', src }, undefined, true)).points;
}

async function ours(src: string, interact: boolean): Promise<Record<string, number>> {
  await pointsOf(src);
  const started = performance.now();
  const el = document.createElement('sdi-region-map') as SdiRegionMap;
  el.setAttribute('src', src);
  host().append(el);
  const drawn = () => el.shadowRoot?.querySelectorAll('.sdi-symbol-icon, .sdi-cluster-icon').length ?? 0;
  await until(() => drawn() > 0);
  await painted();
  const firstPaint = performance.now() - started;
  const symbols = drawn();
  const container = el.shadowRoot!.querySelector<HTMLElement>('#map')!;
  box = { width: container.clientWidth, height: container.clientHeight };
  const map = el.mapView?.map;
  if (!map) throw new Error('no Leaflet map in <sdi-region-map>');
  const zoom = map.getZoom();
  const shown = () => el.shadowRoot?.querySelectorAll('.sdi-cluster-icon, .sdi-marker-icon').length ?? 0;
  const frames = interact ? await exercise(map, shown) : {};
  el.remove();
  return { firstPaintMs: firstPaint, drawn: symbols, zoom, ...frames };
}

let clusterLoaded: Promise<unknown> | undefined;

async function theirs(src: string, interact: boolean): Promise<Record<string, number>> {
  const points = await pointsOf(src);
  // markercluster's UMD body reads a global L when evaluated; Leaflet's UMD build sets it, but
  // saying so here keeps the import order from mattering.
  (window as unknown as { L: typeof L }).L = L;
  await (clusterLoaded ??= import('leaflet.markercluster'));
  const container = document.createElement('div');
  container.style.cssText = `position:relative;width:${box.width}px;height:${box.height}px`;
  host().append(container);
  const started = performance.now();
  // Without a tile layer nothing tells Leaflet the deepest zoom, and markercluster needs it;
  // 16 is what our view uses without tiles.
  const map = L.map(container, { maxZoom: 16 });
  const [[south, west], [north, east]] = METROPOLE_BOUNDS;
  map.fitBounds(
    [
      [south, west],
      [north, east],
    ],
    { animate: false },
  );
  // One shared icon like ours (a div, no image): Leaflet's default icon would request PNGs.
  const icon = L.divIcon({ className: 'bench-marker', iconSize: [22, 22] });
  const markers = points.map((p) => L.marker([p.lat, p.lng], { icon }));
  const group = L.markerClusterGroup();
  group.addLayers(markers);
  group.addTo(map);
  const drawn = () => container.querySelectorAll('.marker-cluster').length;
  await until(() => drawn() > 0);
  await painted();
  const firstPaint = performance.now() - started;
  const clusters = drawn();
  const zoom = map.getZoom();
  const shown = () => container.querySelectorAll('.leaflet-marker-icon').length;
  const frames = interact ? await exercise(map, shown) : {};
  map.remove();
  container.remove();
  return { firstPaintMs: firstPaint, drawn: clusters, zoom, ...frames };
}

declare global {
  interface Window {
    mapRun(side: 'ours' | 'markercluster', src: string, interact: boolean): Promise<Record<string, number>>;
  }
}

// Registered here rather than by importing define.ts: package.json's `sideEffects` (written for
// dist/) lets esbuild drop a bare import of a source file as having no effect.
if (!customElements.get('sdi-region-map')) customElements.define('sdi-region-map', SdiRegionMap);

// Leaflet's CSS for the light-DOM map only; ours adopts its own copy inside its shadow root.
const style = document.createElement('style');
style.textContent = `${LEAFLET_CSS}\n.bench-marker{background:#1e5aa0;border:2px solid #fff;border-radius:50%}`;
document.head.append(style);

window.mapRun = (side, src, interact) => (side === 'ours' ? ours(src, interact) : theirs(src, interact));
