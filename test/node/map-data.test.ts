import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromEvents, fromPoints, maxRegionCount, pointsBounds } from '../../src/map/map-data.js';
import { PointClusters, type MapPoint } from '../../src/map/clusters.js';
import { REGION_PLACES, TERRITORIES, territoryOf } from '../../src/map/regions.js';
import { regions } from '../../src/geo/admin.js';
import type { SdiEvent } from '../../src/model/types.js';

function event(uid: number, regionCode?: string, lat?: number, lng?: number): SdiEvent {
  return {
    uid,
    slug: `e${uid}`,
    title: { fr: `Événement ${uid}` },
    summary: {},
    description: {},
    conditions: {},
    keywords: [],
    timings: [{ begin: 0, end: 1 }],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: regionCode ? 'onsite' : 'online',
    registration: [],
    ...(regionCode || lat !== undefined
      ? { location: { ...(regionCode ? { regionCode } : {}), ...(lat !== undefined ? { lat, lng } : {}) } }
      : {}),
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
  };
}

test('counts from events are by region, online events under none, placed events as points', () => {
  const data = fromEvents([event(1, '32', 50.6, 3.1), event(2, '32', 49.9, 2.3), event(3, '04'), event(4)]);
  assert.deepEqual(data.counts, { '32': 2, '04': 1, none: 1 });
  assert.deepEqual(
    data.points.map((p) => p.uid),
    [1, 2],
  );
  assert.equal(data.total, 4);
  assert.equal(maxRegionCount({ '32': 2, none: 9 }), 2, 'none is no region');
});

test('counts from the points file are the index counts', () => {
  const data = fromPoints({
    points: [{ uid: 1, lat: 1, lng: 2, region: '84' }],
    counts: { region: { '84': 3, none: 1 } },
    total: 4,
  });
  assert.deepEqual(data.counts, { '84': 3, none: 1 });
  assert.equal(data.points.length, 1);
});

test('a region is framed on its events, without its far outliers, and never on a single street', () => {
  const points: MapPoint[] = [];
  for (let i = 0; i < 100; i++) points.push({ uid: i, lat: 45 + (i % 10) / 10, lng: 4 + Math.floor(i / 10) / 10, region: '84' });
  points.push({ uid: 999, lat: 48.85, lng: 2.35, region: '84' }); // geocoded in Paris by mistake
  points.push({ uid: 1000, lat: 43.3, lng: 5.4, region: '93' });
  const box = pointsBounds(points, '84')!;
  assert.ok(box[1][0] < 46 && box[0][0] >= 45, JSON.stringify(box));
  const single = pointsBounds(points, '93')!;
  assert.ok(Math.abs(single[1][0] - single[0][0] - 0.3) < 1e-9);
  assert.equal(pointsBounds(points, '11'), undefined);
});

test('every region has a symbol place inside its box, and every overseas region a territory', () => {
  for (const region of regions) {
    const place = REGION_PLACES.get(region.code);
    assert.ok(place, region.name);
    const [[s, w], [n, e]] = place.bounds;
    assert.ok(place.label[0] > s && place.label[0] < n && place.label[1] > w && place.label[1] < e, region.name);
  }
  assert.deepEqual(
    TERRITORIES.map((t) => t.id),
    ['metropole', '01', '02', '04', '03', '06'].sort((a, b) =>
      a === 'metropole' ? -1 : b === 'metropole' ? 1 : Number(a) - Number(b),
    ),
  );
  assert.equal(territoryOf('04'), '04');
  assert.equal(territoryOf('94'), 'metropole');
  assert.equal(territoryOf('99'), undefined);
});

test('clusters at low zoom, single events at high zoom, and expansion zooms', () => {
  const points: MapPoint[] = [
    { uid: 1, lat: 45.76, lng: 4.84, region: '84' },
    { uid: 2, lat: 45.761, lng: 4.841, region: '84' },
    { uid: 3, lat: 45.76, lng: 4.84, region: '84' },
    { uid: 4, lat: 43.3, lng: 5.4, region: '93' },
  ];
  const clusters = new PointClusters(points, { maxZoom: 16, radius: 60 });
  const low = clusters.at([-5, 41, 10, 51], 5);
  const lyon = low.find((item) => item.kind === 'cluster');
  assert.ok(lyon && lyon.kind === 'cluster' && lyon.count === 3);
  assert.ok(low.some((item) => item.kind === 'point' && item.point.uid === 4));
  const zoom = clusters.expansionZoom(lyon.id);
  assert.ok(zoom > 5);
  assert.deepEqual(
    clusters
      .leaves(lyon.id)
      .map((p) => p.uid)
      .sort(),
    [1, 2, 3],
  );
  // Two events at one address stay together even at the last zoom: they open as a list.
  const top = clusters.at([4.83, 45.75, 4.85, 45.77], 16);
  assert.ok(top.some((item) => item.kind === 'cluster' && item.count === 2));
});
