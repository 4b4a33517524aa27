/** Waits shared by the region map's browser tests. */
import { waitUntil } from '@open-wc/testing';
import type { SdiRegionMap } from '../../../src/elements/region-map/sdi-region-map.js';

/** Resolves once the map has stopped moving for a little while (no zoom animation running). */
export async function mapSettled(el: SdiRegionMap): Promise<void> {
  const map = el.mapView!.map;
  const root = el.shadowRoot!;
  let last = '';
  let still = 0;
  await waitUntil(
    () => {
      const now = `${map.getCenter().lat.toFixed(5)},${map.getCenter().lng.toFixed(5)},${map.getZoom()}`;
      // A zoom animation keeps the target zoom from its start: wait for its CSS to end too.
      const animating = root.querySelector('.leaflet-zoom-anim') !== null;
      still = now === last && !animating ? still + 1 : 0;
      last = now;
      return still >= 3;
    },
    'map never settled',
    { interval: 60, timeout: 8000 },
  );
}
