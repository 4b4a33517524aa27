import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTiles } from '../../src/map/tiles.js';
import { parseHeight } from '../../src/map/height.js';

test('tiles: none by default, IGN and OSM by name, https templates with credit', () => {
  assert.deepEqual(parseTiles(undefined, undefined), { choice: { kind: 'none' }, problems: [] });
  assert.deepEqual(parseTiles(' NONE ', null).choice, { kind: 'none' });
  const ign = parseTiles('ign', null).choice;
  assert.equal(ign.kind, 'tiles');
  if (ign.kind === 'tiles') {
    assert.equal(
      ign.url,
      'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    );
    assert.deepEqual(ign.credit, { text: '© IGN – Plan IGN', href: 'https://www.ign.fr/' });
  }
  const osm = parseTiles('osm', null).choice;
  assert.ok(osm.kind === 'tiles' && osm.url === 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  assert.ok(osm.kind === 'tiles' && osm.credit.text.includes('contributeurs d’OpenStreetMap'));
  const custom = parseTiles('https://tiles.example.fr/{z}/{x}/{y}.png', 'Carto <Ville>');
  assert.deepEqual(custom.problems, []);
  assert.ok(custom.choice.kind === 'tiles' && custom.choice.credit.text === 'Carto <Ville>' && !custom.choice.credit.href);
});

test('tiles: unknown names, insecure or broken templates fall back to no tiles', () => {
  const cases: [string, string][] = [
    ['google', 'unknown-tiles'],
    ['http://tiles.example.fr/{z}/{x}/{y}.png', 'insecure-tiles'],
    ['//tiles.example.fr/{z}/{x}/{y}.png', 'insecure-tiles'],
    ['javascript:alert(1)//{z}{x}{y}', 'insecure-tiles'],
    ['https://tiles.example.fr/{z}/{x}.png', 'bad-template'],
    ['https://tiles.example.fr/{z}/{x}/{y}/{evil}.png', 'bad-template'],
    ['https://tiles.example.fr/{z}/{x}/{y}.png" onerror="x', 'bad-template'],
    ['https://user:pw@tiles.example.fr/{z}/{x}/{y}.png', 'insecure-tiles'],
  ];
  for (const [value, reason] of cases) {
    const { choice, problems } = parseTiles(value, 'x');
    assert.deepEqual(choice, { kind: 'none' }, value);
    assert.equal(problems[0]?.reason, reason, value);
    assert.equal(problems[0]?.attribute, 'tiles');
  }
  const uncredited = parseTiles('https://tiles.example.fr/{z}/{x}/{y}.png', '  ');
  assert.equal(uncredited.problems[0]?.attribute, 'attribution');
  assert.ok(uncredited.choice.kind === 'tiles' && uncredited.choice.credit.text === '© tiles.example.fr');
});

test('height: pixels or CSS lengths, within reason', () => {
  assert.equal(parseHeight('480'), '480px');
  assert.equal(parseHeight(' 30rem '), '30rem');
  assert.equal(parseHeight('60vh'), '60vh');
  assert.equal(parseHeight('500PX'), '500px');
  for (const bad of ['', 'grand', '100%', '-400', '0', '50', '99999', '10rem;color:red', 'calc(100vh)', '120vh', '2rem']) {
    assert.equal(parseHeight(bad), undefined, bad);
  }
});
