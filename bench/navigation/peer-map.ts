/**
 * Peer of the "from navigation" bench (bundled by bench/navigation.ts, never shipped): a
 * partner page showing the edition's events on a Leaflet map with leaflet.markercluster, reading
 * the OpenAgenda API directly. No base map, like ours in the bench (no tiles on this machine).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { MAP_FIELDS } from './feed-query.js';
import { feedConfig, readFeed } from './read-feed.js';

interface FeedEvent {
  uid: number;
  title?: string;
  location?: { latitude?: number | null; longitude?: number | null };
}

async function main(): Promise<void> {
  const container = document.getElementById('map')!;
  const { base, region } = feedConfig(container);
  // Both downloads at once: the plugin's code does not wait for the data, nor the data for it.
  // markercluster's UMD body reads a global L when it is evaluated.
  (window as unknown as { L: typeof L }).L = L;
  const [events] = await Promise.all([
    readFeed<FeedEvent>(base, { fields: MAP_FIELDS, region }),
    import('leaflet.markercluster'),
  ]);
  // Without a tile layer nothing tells Leaflet the deepest zoom, and markercluster needs it.
  const map = L.map(container, { maxZoom: 16 });
  map.fitBounds(
    [
      [41.3, -5.2],
      [51.1, 9.6],
    ],
    { animate: false },
  );
  const icon = L.divIcon({ className: 'peer-marker', iconSize: [22, 22] });
  const markers: L.Marker[] = [];
  for (const event of events) {
    const lat = event.location?.latitude;
    const lng = event.location?.longitude;
    if (typeof lat === 'number' && typeof lng === 'number')
      markers.push(L.marker([lat, lng], { icon, title: event.title ?? '' }));
  }
  const group = L.markerClusterGroup();
  group.addLayers(markers);
  group.addTo(map);
}

void main();
