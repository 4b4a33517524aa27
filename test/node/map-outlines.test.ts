/**
 * Issue #11, item 11: `regions-geojson` draws outlines only. Points became Leaflet's default
 * markers (requests to marker-icon.png on the host) and a 200,000-point MultiPoint hung the page.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_OUTLINE_VERTICES, outlinesOf } from '../../src/map/outline-geojson.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [2, 48],
      [3, 48],
      [3, 49],
      [2, 48],
    ],
  ],
};

describe('regions-geojson: outlines only', () => {
  it('keeps polygons and lines, drops points and malformed geometries, counting them', () => {
    const result = outlinesOf({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nom: '<img src=x>' }, geometry: square },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [2, 48] } },
        { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: Array.from({ length: 200_000 }, () => [2, 48]) } },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [2, 48],
              [3, 49],
            ],
          },
        },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[['x', 48]]] } },
        {
          type: 'Feature',
          geometry: { type: 'GeometryCollection', geometries: [square, { type: 'Point', coordinates: [1, 1] }] },
        },
      ],
    });
    assert.deepEqual(
      result.geojson.features.map((f) => f.geometry.type),
      ['Polygon', 'LineString', 'Polygon'],
    );
    assert.equal(result.dropped, 4);
    assert.equal(result.tooBig, false);
    for (const feature of result.geojson.features) assert.equal(feature.properties, null);
  });

  it('refuses a file over the vertex budget as a whole, quickly', () => {
    const ring = Array.from({ length: MAX_OUTLINE_VERTICES + 1 }, (_, i) => [2 + i / 1e6, 48]);
    const started = performance.now();
    const result = outlinesOf({ type: 'Polygon', coordinates: [ring] });
    assert.equal(result.tooBig, true);
    assert.deepEqual(result.geojson.features, []);
    assert.ok(performance.now() - started < 500);
  });
});
