import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseTimings, parseInstant } from '../../src/model/timing.js';

// 2026-11-16T08:00:00Z, computed once by hand: 09:00 in Paris (UTC+1 in November).
const NOV16_0800Z = 1794816000000;
const HOUR = 3_600_000;

describe('parseInstant', () => {
  it('parses the colon-less offset OpenAgenda writes in detailed events', () => {
    assert.equal(parseInstant('2026-11-16T09:00:00+0100'), NOV16_0800Z);
  });

  it('parses the colon offset', () => {
    assert.equal(parseInstant('2026-11-16T09:00:00+01:00'), NOV16_0800Z);
  });

  it('parses milliseconds with an offset', () => {
    assert.equal(parseInstant('2026-11-16T09:00:00.000+01:00'), NOV16_0800Z);
    assert.equal(parseInstant('2026-11-16T09:00:00.123+01:00'), NOV16_0800Z + 123);
  });

  it('parses Z, with and without milliseconds', () => {
    assert.equal(parseInstant('2026-11-16T08:00:00Z'), NOV16_0800Z);
    assert.equal(parseInstant('2026-11-16T08:00:00.000Z'), NOV16_0800Z);
    assert.equal(parseInstant('2026-11-16T08:00:00.5Z'), NOV16_0800Z + 500);
    assert.equal(parseInstant('2026-11-16T08:00:00.123456Z'), NOV16_0800Z + 123);
  });

  it('applies overseas and negative offsets', () => {
    // La Réunion (UTC+4) and Guyane (UTC-3): same instant written three ways.
    assert.equal(parseInstant('2026-11-16T12:00:00+04:00'), NOV16_0800Z);
    assert.equal(parseInstant('2026-11-16T05:00:00-0300'), NOV16_0800Z);
    assert.equal(parseInstant('2026-11-16T08:00+00:00'), NOV16_0800Z);
  });

  it('handles an offset that crosses midnight', () => {
    assert.equal(parseInstant('2026-11-17T00:30:00+01:00'), NOV16_0800Z + 15.5 * HOUR);
  });

  it('tolerates surrounding whitespace', () => {
    assert.equal(parseInstant(' 2026-11-16T09:00:00+01:00 '), NOV16_0800Z);
  });

  it('rejects values without an offset, whose meaning depends on a zone', () => {
    assert.equal(parseInstant('2026-11-16T09:00:00'), undefined);
    assert.equal(parseInstant('2026-11-16'), undefined);
  });

  it('rejects impossible dates and times', () => {
    for (const value of [
      '2026-02-30T09:00:00+01:00',
      '2026-13-01T09:00:00+01:00',
      '2026-00-10T09:00:00+01:00',
      '2026-11-16T24:00:00+01:00',
      '2026-11-16T09:60:00+01:00',
      '2026-11-16T09:00:60+01:00',
      '2026-11-16T09:00:00+15:00',
      '2026-11-16T09:00:00+01:75',
      '0099-11-16T09:00:00Z',
    ]) {
      assert.equal(parseInstant(value), undefined, value);
    }
  });

  it('accepts 29 February in a leap year only', () => {
    assert.equal(typeof parseInstant('2028-02-29T10:00:00+01:00'), 'number');
    assert.equal(parseInstant('2026-02-29T10:00:00+01:00'), undefined);
  });

  it('rejects garbage of every type', () => {
    for (const value of [
      undefined,
      null,
      42,
      NOV16_0800Z,
      true,
      {},
      [],
      '',
      'x',
      'tomorrow',
      '2026-11-16T09:00:00+01:00 and more',
      '2026-11-16 09:00:00+01:00x',
      'NaN',
      '2026-11-16T09:00:00+01:00'.repeat(3),
    ]) {
      assert.equal(parseInstant(value), undefined, String(value));
    }
  });
});

describe('normaliseTimings', () => {
  it('parses slots in all offset forms', () => {
    assert.deepEqual(
      normaliseTimings([
        { begin: '2026-11-16T09:00:00+0100', end: '2026-11-16T10:00:00+01:00' },
        { begin: '2026-11-17T09:00:00.000+01:00', end: '2026-11-17T09:00:00Z' },
      ]),
      [
        { begin: NOV16_0800Z, end: NOV16_0800Z + HOUR },
        { begin: NOV16_0800Z + 24 * HOUR, end: NOV16_0800Z + 25 * HOUR },
      ],
    );
  });

  it('sorts by begin, then end', () => {
    const result = normaliseTimings([
      { begin: '2026-11-18T09:00:00+01:00', end: '2026-11-18T10:00:00+01:00' },
      { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T12:00:00+01:00' },
      { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' },
    ]);
    assert.deepEqual(
      result.map((t) => [t.begin, t.end]),
      [
        [NOV16_0800Z, NOV16_0800Z + HOUR],
        [NOV16_0800Z, NOV16_0800Z + 3 * HOUR],
        [NOV16_0800Z + 48 * HOUR, NOV16_0800Z + 49 * HOUR],
      ],
    );
  });

  it('dedupes identical slots, even written with different offsets', () => {
    const result = normaliseTimings([
      { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' },
      { begin: '2026-11-16T08:00:00Z', end: '2026-11-16T09:00:00Z' },
      { begin: '2026-11-16T09:00:00+0100', end: '2026-11-16T10:00:00+0100' },
    ]);
    assert.deepEqual(result, [{ begin: NOV16_0800Z, end: NOV16_0800Z + HOUR }]);
  });

  it('drops slots ending before they begin, keeps zero-length ones', () => {
    const result = normaliseTimings([
      { begin: '2026-11-16T10:00:00+01:00', end: '2026-11-16T09:00:00+01:00' },
      { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T09:00:00+01:00' },
    ]);
    assert.deepEqual(result, [{ begin: NOV16_0800Z, end: NOV16_0800Z }]);
  });

  it('drops unparsable slots one by one and keeps the good ones', () => {
    const result = normaliseTimings([
      null,
      42,
      'x',
      [],
      {},
      { begin: 'garbage', end: '2026-11-16T10:00:00+01:00' },
      { begin: '2026-11-16T09:00:00+01:00' },
      { begin: '2026-11-16T09:00:00+01:00', end: 1794819600000 },
      { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' },
    ]);
    assert.deepEqual(result, [{ begin: NOV16_0800Z, end: NOV16_0800Z + HOUR }]);
  });

  it('reads `start` when `begin` is missing (older exports)', () => {
    assert.deepEqual(normaliseTimings([{ start: '2026-11-16T08:00:00.000Z', end: '2026-11-16T09:00:00.000Z' }]), [
      { begin: NOV16_0800Z, end: NOV16_0800Z + HOUR },
    ]);
  });

  it('returns [] for anything that is not an array', () => {
    for (const raw of [undefined, null, 'x', 42, {}, { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' }]) {
      assert.deepEqual(normaliseTimings(raw), []);
    }
  });
});
