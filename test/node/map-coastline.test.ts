import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { clipRing, deltaEncode, quantise, renderCoastline, simplifyRing, type Ring } from '../../tools/geo/build-coastline.js';
import { coastline, decodePolygons, type LatLngPolygons } from '../../src/map/coastline.js';

const DATA = new URL('../../src/map/coastline-data.ts', import.meta.url);

test('the committed coastline is what the generator writes from world-atlas', () => {
  assert.equal(readFileSync(DATA, 'utf8'), renderCoastline(), 'run `npx tsx tools/geo/build-coastline.ts`');
});

test('the coastline module stays small enough to ship with the map', () => {
  assert.ok(statSync(DATA).size < 40_000, `${statSync(DATA).size} bytes`);
});

/** Even-odd rule over every ring of every polygon. */
function onLand(polygons: LatLngPolygons, lat: number, lng: number): boolean {
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [yi, xi] = ring[i]!;
        const [yj, xj] = ring[j]!;
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

test('France is land where France is, and sea is sea', () => {
  const { france, neighbours } = coastline();
  // Inland points: a 1:50m outline is a kilometre or two off on coasts.
  const places: [string, number, number][] = [
    ['Paris', 48.86, 2.35],
    ['Lyon', 45.76, 4.84],
    ['Rennes', 48.11, -1.68],
    ['Corte', 42.31, 9.15],
    ['Basse-Terre (island)', 16.15, -61.68],
    ['Grande-Terre', 16.35, -61.4],
    ['Martinique', 14.65, -61.0],
    ['Guyane', 4.0, -53.0],
    ['La Réunion', -21.1, 55.5],
    ['Mayotte', -12.83, 45.15],
  ];
  for (const [name, lat, lng] of places) assert.ok(onLand(france, lat, lng), `${name} on France's land`);
  assert.ok(!onLand(france, 46.0, -3.0), 'Bay of Biscay is sea');
  assert.ok(!onLand(france, 43.0, 5.5), 'Mediterranean is sea');
  assert.ok(!onLand(france, 40.4, -3.7), 'Madrid is not France');
  assert.ok(onLand(neighbours, 50.85, 4.35), 'Brussels is a neighbour');
  assert.ok(onLand(neighbours, 46.2, 6.15), 'Geneva is a neighbour');
});

test('clipping keeps a ring inside its box', () => {
  const square: Ring = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  const clipped = clipRing(square, [5, -5, 20, 5]);
  for (const [x, y] of clipped) assert.ok(x >= 5 && x <= 20 && y >= -5 && y <= 5);
  assert.deepEqual(clipRing(square, [20, 20, 30, 30]), []);
});

test('simplification keeps corners and drops points on straight lines', () => {
  const ring: Ring = [
    [0, 0],
    [5, 0.001],
    [10, 0],
    [10, 10],
    [5, 10.001],
    [0, 10],
  ];
  const simple = simplifyRing(ring, 0.01);
  assert.equal(simple.length, 4);
  assert.deepEqual(simplifyRing(ring, 0), ring);
});

test('encoding round-trips through integers and deltas', () => {
  const ring = quantise([
    [2.3522, 48.8566],
    [2.4, 48.9],
    [2.3, 49.2],
  ])!;
  const [[polygon]] = [decodePolygons([[deltaEncode(ring)]])];
  assert.deepEqual(polygon![0], [
    [48.857, 2.352],
    [48.9, 2.4],
    [49.2, 2.3],
  ]);
  assert.equal(
    quantise([
      [0, 0],
      [0.0001, 0],
      [0, 0.0001],
    ]),
    undefined,
    'specks are dropped',
  );
});
