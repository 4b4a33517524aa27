/**
 * The partner's `regions-geojson`, fetched without credentials and checked before Leaflet sees it:
 * a size cap, GeoJSON or nothing, outlines only (Polygon and LineString), a vertex cap. Problems
 * are said in the console, naming the attribute and the address; the promise rejects and the map
 * says the outlines could not be drawn.
 */
import { MAX_OUTLINE_BYTES, MAX_OUTLINE_VERTICES, outlinesOf } from './outline-geojson.js';

export async function fetchOutlines(url: string, signal: AbortSignal): Promise<unknown> {
  const warn = (what: string) => console.warn(`[semaine-industrie-widgets] <sdi-region-map> "regions-geojson" (${url}): ${what}`);
  const response = await fetch(url, { signal, credentials: 'omit' });
  if (!response.ok) throw new Error(String(response.status));
  const text = await response.text();
  if (text.length > MAX_OUTLINE_BYTES) {
    warn(`larger than ${MAX_OUTLINE_BYTES} bytes, not drawn`);
    throw new Error('too big');
  }
  const json: unknown = JSON.parse(text);
  if (!json || typeof json !== 'object' || typeof (json as { type?: unknown }).type !== 'string') {
    throw new Error('not GeoJSON');
  }
  const outlines = outlinesOf(json);
  if (outlines.tooBig) {
    warn(`more than ${MAX_OUTLINE_VERTICES} vertices, not drawn`);
    throw new Error('too big');
  }
  if (outlines.dropped > 0) warn(`${outlines.dropped} geometries left out (only Polygon and LineString outlines are drawn)`);
  return outlines.geojson;
}
