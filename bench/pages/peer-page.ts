/**
 * The peer page of the bytes-over-the-wire benchmark (bundled by bench/page.ts, never
 * shipped): what a partner would build without our widgets to show the same four things, with
 * the usual libraries: FullCalendar's list view for the events, Leaflet + leaflet.markercluster for
 * the map, and a few lines of plain DOM for the banner and the countdown. It reads the same
 * national snapshot (index.json, then the all-events file) as our page, so both pages move the
 * same data and differ only by the code that shows it.
 */
import { Calendar } from '@fullcalendar/core';
import listPlugin from '@fullcalendar/list';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import type { SnapshotEvent, SnapshotIndex } from '../../src/feed/snapshot-format.js';

declare global {
  interface Window {
    /** Set once the four parts are drawn, for the benchmark to wait on. */
    peerDrawn?: boolean;
  }
}

const src = new URL(document.querySelector<HTMLMetaElement>('meta[name="sdi:src"]')?.content ?? '/snapshot/', location.href);
const byId = (id: string) => document.getElementById(id)!;
const day = (iso: string) => new Date(`${iso}T00:00:00+01:00`);
const dateText = (iso: string) => day(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long' });

async function main(): Promise<void> {
  const index = (await (await fetch(new URL('index.json', src))).json()) as SnapshotIndex;
  const edition = index.edition ?? {};

  // The banner and the countdown: what ours show, in plain DOM.
  byId('banner').innerHTML =
    `<h2>${edition.number ?? ''}e Semaine de l'industrie</h2>` +
    `<p>${edition.start ? dateText(edition.start) : ''} – ${edition.end ? dateText(edition.end) : ''}</p>` +
    `<p>${index.total.toLocaleString('fr-FR')} événements</p>`;
  const tick = () => {
    const left = edition.start ? day(edition.start).getTime() - Date.now() : 0;
    byId('countdown').textContent =
      left > 0 ? `J-${Math.floor(left / 86400000)} ${Math.floor((left / 3600000) % 24)} h` : 'En cours';
  };
  tick();
  setInterval(tick, 1000);

  const all = (await (await fetch(new URL(index.files.all.path, src))).json()) as { events: SnapshotEvent[] };
  const events = all.events;

  // markercluster's UMD body reads a global L when it is evaluated.
  (window as unknown as { L: typeof L }).L = L;
  await import('leaflet.markercluster');
  const map = L.map(byId('map'), { maxZoom: 16 });
  map.fitBounds(
    [
      [41.3, -5.2],
      [51.1, 9.6],
    ],
    { animate: false },
  );
  const icon = L.divIcon({ className: 'peer-marker', iconSize: [22, 22] });
  const group = L.markerClusterGroup();
  group.addLayers(
    events
      .filter((e) => typeof e.location?.lat === 'number' && typeof e.location?.lng === 'number')
      .map((e) => L.marker([e.location!.lat!, e.location!.lng!], { icon, title: e.title.fr ?? '' })),
  );
  group.addTo(map);

  const calendar = new Calendar(byId('list'), {
    plugins: [listPlugin],
    initialView: 'listYear',
    initialDate: edition.start ?? events[0]?.timings[0]?.begin,
    locale: 'fr',
    events: events.map((e) => ({
      id: String(e.uid),
      title: e.title.fr ?? Object.values(e.title)[0] ?? '',
      start: e.timings[0]!.begin,
      end: e.timings[e.timings.length - 1]!.end,
    })),
  });
  calendar.render();
  window.peerDrawn = true;
}

void main();
