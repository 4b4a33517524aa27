/**
 * The generated administrative outlines (tools/geo/build-outlines.ts → src/map/outline-data.ts)
 * and the pure helpers of the base map: insets, name placement, choropleth classes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DEPARTMENTS, REGIONS } from '../../src/geo/admin-data.js';
import { ARCS, DEPARTMENT_SHAPES, REGION_SHAPES } from '../../src/map/outline-data.js';
import { contains, departmentOutlines, regionOutlines } from '../../src/map/outlines.js';
import { insets, NATIONAL_WITH_INSETS } from '../../src/map/insets.js';
import { placeLabels, overlaps } from '../../src/map/label-placement.js';
import { CHOROPLETH_COLOURS, choroplethClasses, colourOf, luminance } from '../../src/map/choropleth.js';
import { encodeArc, labelPoint } from '../../tools/geo/build-outlines.js';
import { decodeGpkgGeometry } from '../../tools/geo/read-gpkg.js';
import { METROPOLE_BOUNDS } from '../../src/map/regions.js';

const DATA = new URL('../../src/map/outline-data.ts', import.meta.url);

test('one shape per INSEE department and region, each department in its region', () => {
  assert.deepEqual(
    DEPARTMENT_SHAPES.map(([code]) => code),
    DEPARTMENTS.map(([code]) => code).sort(),
  );
  const regionOfDepartment = new Map(DEPARTMENTS.map(([code, , region]) => [code, region]));
  for (const [code, region] of DEPARTMENT_SHAPES) assert.equal(region, regionOfDepartment.get(code), code);
  assert.deepEqual(REGION_SHAPES.map(([code]) => code).sort(), REGIONS.map(([code]) => code).sort());
});

test('topology kept: every arc is used, and inner borders by exactly two departments', () => {
  const uses = new Array<number>(ARCS.length).fill(0);
  for (const [, , shape] of DEPARTMENT_SHAPES) {
    for (const polygon of shape) for (const ring of polygon) for (const i of ring) uses[i < 0 ? ~i : i]! += 1;
  }
  assert.ok(
    uses.every((n) => n === 1 || n === 2),
    `arc uses: ${[...new Set(uses)].join(', ')}`,
  );
  assert.ok(uses.filter((n) => n === 2).length > 100, 'shared borders');
});

test('rings close, and places are in their own department and region', () => {
  for (const region of regionOutlines()) {
    for (const polygon of region.polygons) {
      for (const ring of polygon) assert.deepEqual(ring[0], ring[ring.length - 1], `ring of region ${region.code} closes`);
    }
  }
  const places: [string, string, string, number, number][] = [
    ['Paris', '75', '11', 48.86, 2.35],
    ['Lyon', '69', '84', 45.76, 4.84],
    ['Rennes', '35', '53', 48.11, -1.68],
    ['Strasbourg', '67', '44', 48.58, 7.75],
    ['Toulouse', '31', '76', 43.6, 1.44],
    ['Corte', '2B', '94', 42.31, 9.15],
    ['Cayenne', '973', '03', 4.92, -52.31],
    ['Le Tampon', '974', '04', -21.28, 55.52],
  ];
  for (const [name, department, region, lat, lng] of places) {
    const d = departmentOutlines(region).find((o) => contains(o.polygons, lat, lng));
    assert.equal(d?.code, department, name);
    assert.ok(contains(regionOutlines().find((r) => r.code === region)!.polygons, lat, lng), `${name} in region ${region}`);
  }
  // Each department's name goes inside the department.
  for (const [code, region, , label] of DEPARTMENT_SHAPES) {
    const d = departmentOutlines(region).find((o) => o.code === code)!;
    assert.ok(contains(d.polygons, label[0], label[1]), `label of ${code}`);
  }
});

test('the outlines module stays small enough for the map chunk', () => {
  assert.ok(readFileSync(DATA, 'utf8').length < 45_000);
});

test('generator pieces: delta encoding, label point, GeoPackage geometry', () => {
  assert.deepEqual(
    encodeArc([
      [10, 20],
      [12, 19],
      [12, 25],
    ]),
    [10, 20, 2, -1, 0, 6],
  );
  const square: [number, number][][] = [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ];
  const [x, y] = labelPoint([square]);
  assert.ok(Math.abs(x - 5) < 0.3 && Math.abs(y - 5) < 0.3, `${x}, ${y}`);
  // "GP", version 0, flags: little-endian, no envelope; SRS 4326; WKB polygon of one triangle.
  const wkb = Buffer.alloc(8 + 1 + 4 + 4 + 4 + 4 * 16);
  wkb.write('GP', 0, 'latin1');
  wkb.writeUInt8(0, 2);
  wkb.writeUInt8(1, 3);
  wkb.writeInt32LE(4326, 4);
  let o = 8;
  o = wkb.writeUInt8(1, o);
  o = wkb.writeUInt32LE(3, o);
  o = wkb.writeUInt32LE(1, o);
  o = wkb.writeUInt32LE(4, o);
  for (const [px, py] of [
    [1, 2],
    [3, 4],
    [5, 2],
    [1, 2],
  ]) {
    o = wkb.writeDoubleLE(px!, o);
    o = wkb.writeDoubleLE(py!, o);
  }
  assert.deepEqual(decodeGpkgGeometry(wkb), [
    [
      [
        [1, 2],
        [3, 4],
        [5, 2],
        [1, 2],
      ],
    ],
  ]);
  assert.throws(() => decodeGpkgGeometry(Buffer.from('nope')), /GeoPackage/);
});

test(
  'the committed outlines are what the generator writes, where its source is installed',
  {
    skip:
      !existsSync(process.env.SDI_WORLD_MAP_GPKG ?? '/usr/share/qgis/resources/data/world_map.gpkg') &&
      !process.env.SDI_WORLD_MAP_GPKG,
  },
  async () => {
    const { buildOutlines, departmentsFromFeatures, renderOutlineModule, DEFAULT_GPKG, TOLERANCE } =
      await import('../../tools/geo/build-outlines.js');
    const { readGpkgLayer } = await import('../../tools/geo/read-gpkg.js');
    const file = process.env.SDI_WORLD_MAP_GPKG ?? DEFAULT_GPKG;
    const features = readGpkgLayer(file, 'states_provinces', ['name'], "adm0_a3 = 'FRA'").map((f) => ({
      name: String(f.properties.name),
      polygons: f.polygons,
    }));
    const module = renderOutlineModule(buildOutlines(departmentsFromFeatures(features), TOLERANCE, process.env.SDI_GEO_MODULES));
    assert.equal(readFileSync(DATA, 'utf8'), module, 'run `npx tsx tools/geo/build-outlines.ts`');
  },
);

test('insets: five frames in a column west of the mainland, not overlapping it or each other, territories inside', () => {
  const list = insets();
  assert.deepEqual(
    list.map((i) => i.code),
    ['01', '02', '03', '04', '06'],
  );
  for (const inset of list) {
    const [[south, west], [north, east]] = inset.frame;
    assert.ok(east < METROPOLE_BOUNDS[0][1], `${inset.code} west of the mainland`);
    assert.ok(south >= NATIONAL_WITH_INSETS[0][0] && north <= NATIONAL_WITH_INSETS[1][0] && west >= NATIONAL_WITH_INSETS[0][1]);
    const region = regionOutlines().find((r) => r.code === inset.code)!;
    for (const ring of region.polygons.flatMap((p) => p)) {
      for (const [lat, lng] of ring) {
        const [y, x] = inset.place(lat, lng);
        assert.ok(y > south && y < north && x > west && x < east, `${inset.code} drawn inside its frame`);
      }
    }
  }
  for (let i = 1; i < list.length; i++) assert.ok(list[i]!.frame[1][0] < list[i - 1]!.frame[0][0], 'frames do not overlap');
});

test('names: first free place around the anchor, never over a symbol or another name, inside the view', () => {
  const symbol = { left: 100, top: 100, right: 140, bottom: 140 };
  const below = placeLabels([{ key: 'a', width: 60, height: 15, anchor: symbol }], [symbol]);
  assert.deepEqual(below, [{ key: 'a', box: { left: 90, top: 143, right: 150, bottom: 158 } }]);
  // Something below: the name goes above.
  const blocker = { left: 80, top: 141, right: 160, bottom: 200 };
  const above = placeLabels([{ key: 'a', width: 60, height: 15, anchor: symbol }], [symbol, blocker]);
  assert.equal(above[0]!.box.bottom, 97);
  // Boxed in on every side: left out rather than drawn over a symbol.
  const walls = [
    symbol,
    blocker,
    { left: 0, top: 0, right: 300, bottom: 99 },
    { left: 141, top: 0, right: 300, bottom: 300 },
    { left: 0, top: 0, right: 99, bottom: 300 },
  ];
  assert.deepEqual(placeLabels([{ key: 'a', width: 60, height: 15, anchor: symbol }], walls), []);
  // Two names, one place: the first keeps it, the second moves.
  const two = placeLabels(
    [
      { key: 'a', width: 60, height: 15, anchor: { left: 100, top: 100, right: 100, bottom: 100 } },
      { key: 'b', width: 60, height: 15, anchor: { left: 110, top: 100, right: 110, bottom: 100 } },
    ],
    [],
  );
  assert.equal(two.length, 2);
  assert.ok(!overlaps(two[0]!.box, two[1]!.box));
  // Outside the view: left out.
  assert.deepEqual(
    placeLabels([{ key: 'a', width: 60, height: 15, anchor: { left: 5, top: 5, right: 5, bottom: 5 } }], [], {
      left: 0,
      top: 0,
      right: 50,
      bottom: 50,
    }),
    [],
  );
});

test('choropleth: classes cover every count once, darker for more, readable in grey scale', () => {
  const counts = [0, 3, 5, 8, 12, 40, 41, 90, 200, 350, 351, 900];
  const classes = choroplethClasses(counts);
  assert.ok(classes.length >= 3 && classes.length <= 5);
  for (const n of counts.filter((c) => c > 0)) assert.ok(colourOf(classes, n), `class of ${n}`);
  assert.equal(colourOf(classes, 0), undefined);
  for (let i = 1; i < classes.length; i++) {
    assert.ok(classes[i]!.from > classes[i - 1]!.to, 'no count in two classes');
    assert.ok(luminance(classes[i]!.colour) < luminance(classes[i - 1]!.colour), 'darker for more');
  }
  // Each step of the ramp visibly darker in grey: at least 1.3:1 between neighbours.
  for (let i = 1; i < CHOROPLETH_COLOURS.length; i++) {
    const ratio = (luminance(CHOROPLETH_COLOURS[i - 1]!) + 0.05) / (luminance(CHOROPLETH_COLOURS[i]!) + 0.05);
    assert.ok(ratio >= 1.3, `step ${i}: ${ratio.toFixed(2)}`);
  }
  assert.deepEqual(choroplethClasses([0, 0]), []);
  const one = choroplethClasses([7, 7, 7]);
  assert.equal(one.length, 1);
  assert.equal(one[0]!.colour, CHOROPLETH_COLOURS[CHOROPLETH_COLOURS.length - 1]);
});
