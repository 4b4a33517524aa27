import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterDiameter, minRadiusForText, symbolRadius, DEFAULT_SCALE } from '../../src/map/symbols.js';

test('symbol areas are proportional to the counts', () => {
  const max = 565;
  const big = symbolRadius(565, max);
  assert.equal(big, DEFAULT_SCALE.maxRadius);
  for (const n of [348, 260, 152]) {
    const r = symbolRadius(n, max);
    assert.ok(Math.abs((r * r) / (big * big) - n / max) < 0.01, `${n}`);
  }
});

test('small counts keep a legible minimum size, and odd values never throw', () => {
  assert.equal(symbolRadius(4, 565), DEFAULT_SCALE.minRadius);
  assert.equal(symbolRadius(0, 565), DEFAULT_SCALE.minRadius);
  assert.equal(symbolRadius(10, 0), DEFAULT_SCALE.minRadius);
  assert.equal(symbolRadius(Number.NaN, 10), DEFAULT_SCALE.minRadius);
  assert.equal(symbolRadius(900, 565), DEFAULT_SCALE.maxRadius, 'capped at the largest');
});

test('wide numbers get room', () => {
  assert.ok(minRadiusForText('8 000') > minRadiusForText('65'));
  assert.ok(minRadiusForText('65') <= DEFAULT_SCALE.minRadius);
});

test('cluster markers grow slowly and stay between a touch target and a city', () => {
  let previous = 0;
  for (const n of [2, 5, 20, 100, 1000, 100000]) {
    const d = clusterDiameter(n);
    assert.ok(d >= 30 && d <= 60, `${n}: ${d}`);
    assert.ok(d >= previous);
    previous = d;
  }
});
