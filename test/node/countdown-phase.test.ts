import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countdownState, splitDuration } from '../../src/editions/countdown-phase.js';
import { editionByNumber, type EditionFacts } from '../../src/editions/editions.js';
import { addDays, parseIsoDate, parseWallTime } from '../../src/time/iso-date.js';
import { epochToZonedParts, zonedDateTimeToEpoch } from '../../src/time/zoned.js';

const at = (iso: string): number => Date.parse(iso);
const PARIS = 'Europe/Paris';
const fifteenth = editionByNumber(15) as EditionFacts;

describe('iso-date', () => {
  it('parses strictly', () => {
    assert.deepEqual(parseIsoDate('2026-11-16'), { year: 2026, month: 11, day: 16 });
    assert.deepEqual(parseIsoDate(' 2024-02-29 '), { year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-13-40', '2026-02-29', '2026-11-1', '16/11/2026', '', '2026-11-16T00:00']) {
      assert.equal(parseIsoDate(bad), undefined, bad);
    }
    assert.deepEqual(parseWallTime('09:30'), { hour: 9, minute: 30 });
    for (const bad of ['24:00', '9:30', '09:60', '09h30']) assert.equal(parseWallTime(bad), undefined, bad);
  });

  it('adds days across month and year ends', () => {
    assert.deepEqual(addDays({ year: 2023, month: 12, day: 3 }, 1), { year: 2023, month: 12, day: 4 });
    assert.deepEqual(addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
  });
});

describe('zonedDateTimeToEpoch', () => {
  it('converts winter and summer times in Paris', () => {
    assert.equal(zonedDateTimeToEpoch('2026-11-16', '09:00', PARIS), at('2026-11-16T08:00:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-11-16', '00:00', PARIS), at('2026-11-15T23:00:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-07-14', '10:00', PARIS), at('2026-07-14T08:00:00Z'));
  });

  it('moves a time in the spring-forward gap forward (02:30 does not exist on 29 March 2026)', () => {
    assert.equal(zonedDateTimeToEpoch('2026-03-29', '02:30', PARIS), at('2026-03-29T01:30:00Z'));
    assert.equal(epochToZonedParts(at('2026-03-29T01:30:00Z'), PARIS).hour, 3);
    // Either side of the gap is exact.
    assert.equal(zonedDateTimeToEpoch('2026-03-29', '01:59', PARIS), at('2026-03-29T00:59:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-03-29', '03:00', PARIS), at('2026-03-29T01:00:00Z'));
  });

  it('takes the first occurrence of an ambiguous time (02:30 happens twice on 25 October 2026)', () => {
    assert.equal(zonedDateTimeToEpoch('2026-10-25', '02:30', PARIS), at('2026-10-25T00:30:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-10-25', '03:00', PARIS), at('2026-10-25T02:00:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-10-25', '01:59', PARIS), at('2026-10-24T23:59:00Z'));
  });

  it('handles overseas zones without DST', () => {
    assert.equal(zonedDateTimeToEpoch('2026-11-16', '09:00', 'America/Cayenne'), at('2026-11-16T12:00:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-11-16', '09:00', 'Indian/Reunion'), at('2026-11-16T05:00:00Z'));
    assert.equal(zonedDateTimeToEpoch('2026-11-16', '00:00', 'Indian/Reunion'), at('2026-11-15T20:00:00Z'));
  });

  it('handles a zone whose gap is a whole day (Samoa skipped 30 December 2011)', () => {
    assert.equal(
      zonedDateTimeToEpoch('2011-12-30', '12:00', 'Pacific/Apia'),
      zonedDateTimeToEpoch('2011-12-31', '12:00', 'Pacific/Apia'),
    );
  });

  it('rejects malformed input and unknown zones', () => {
    assert.throws(() => zonedDateTimeToEpoch('2026-02-30', '00:00', PARIS), RangeError);
    assert.throws(() => zonedDateTimeToEpoch('2026-11-16', '25:00', PARIS), RangeError);
    assert.throws(() => zonedDateTimeToEpoch('2026-11-16', '00:00', 'Mars/Olympus'), RangeError);
  });

  it('round-trips with epochToZonedParts', () => {
    for (const zone of [PARIS, 'America/Cayenne', 'Indian/Reunion', 'Pacific/Noumea', 'UTC']) {
      const epoch = zonedDateTimeToEpoch('2026-11-22', '23:59', zone);
      const parts = epochToZonedParts(epoch, zone);
      assert.deepEqual(
        [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second],
        [2026, 11, 22, 23, 59, 0],
        zone,
      );
    }
  });
});

describe('epochToZonedParts', () => {
  it('gives weekday, offset and milliseconds', () => {
    const parts = epochToZonedParts(at('2026-11-22T22:59:59.999Z'), PARIS);
    assert.deepEqual(parts, {
      year: 2026,
      month: 11,
      day: 22,
      hour: 23,
      minute: 59,
      second: 59,
      millisecond: 999,
      weekday: 0,
      offsetMinutes: 60,
    });
    assert.equal(epochToZonedParts(at('2026-07-01T12:00:00Z'), PARIS).offsetMinutes, 120);
    assert.equal(epochToZonedParts(at('2026-07-01T12:00:00Z'), 'America/Cayenne').offsetMinutes, -180);
    assert.equal(epochToZonedParts(at('1969-12-31T23:59:59.250Z'), 'UTC').millisecond, 250);
  });
});

describe('countdownState', () => {
  it('counts down before the edition', () => {
    const state = countdownState(at('2026-11-14T21:55:30Z'), fifteenth);
    assert.deepEqual(state, {
      phase: 'before',
      target: at('2026-11-15T23:00:00Z'),
      remaining: { days: 1, hours: 1, minutes: 4, seconds: 30, totalMs: 90_270_000 },
    });
  });

  it('counts the DST hour: 20 Oct 12:00 → 16 Nov 00:00 (Paris) is 26 days 13 hours', () => {
    const now = zonedDateTimeToEpoch('2026-10-20', '12:00', PARIS);
    const state = countdownState(now, fifteenth);
    assert.equal(state.phase, 'before');
    if (state.phase !== 'before') return;
    assert.deepEqual(state.remaining, { days: 26, hours: 13, minutes: 0, seconds: 0, totalMs: state.remaining.totalMs });
  });

  it('gives the same instant for a visitor anywhere (the computation only uses epochs)', () => {
    const state = countdownState(at('2026-11-15T22:59:59Z'), fifteenth);
    assert.equal(state.phase, 'before');
    if (state.phase === 'before') assert.deepEqual(state.remaining, { days: 0, hours: 0, minutes: 0, seconds: 1, totalMs: 1000 });
  });

  it('switches to during at the exact start instant', () => {
    assert.equal(countdownState(at('2026-11-15T22:59:59.999Z'), fifteenth).phase, 'before');
    assert.deepEqual(countdownState(at('2026-11-15T23:00:00Z'), fifteenth), {
      phase: 'during',
      endsAt: at('2026-11-22T23:00:00Z'),
    });
  });

  it('is during until 23:59:59.999 of the last day, after from midnight', () => {
    assert.equal(countdownState(at('2026-11-22T22:59:59.999Z'), fifteenth).phase, 'during');
    assert.deepEqual(countdownState(at('2026-11-22T23:00:00Z'), fifteenth), { phase: 'after' });
  });

  it('honours an opening time across the October DST change', () => {
    const options = { startTime: '09:00' };
    // Saturday 24 October 2026, 12:00 CEST → Monday 16 November, 09:00 CET: 22 days 22 hours.
    const state = countdownState(at('2026-10-24T10:00:00Z'), fifteenth, options);
    assert.equal(state.phase, 'before');
    if (state.phase === 'before') {
      assert.equal(state.target, at('2026-11-16T08:00:00Z'));
      assert.equal(state.remaining.days, 22);
      assert.equal(state.remaining.hours, 22);
    }
    assert.equal(countdownState(at('2026-11-16T07:59:59Z'), fifteenth, options).phase, 'before');
    assert.equal(countdownState(at('2026-11-16T08:00:00Z'), fifteenth, options).phase, 'during');
  });

  it('is unknown without dates, or when only one bound is known and passed', () => {
    assert.deepEqual(countdownState(0, { number: 16, year: 2027, confirmed: false }), { phase: 'unknown' });
    const startOnly: EditionFacts = { number: 16, year: 2027, start: '2027-11-15', confirmed: true };
    assert.equal(countdownState(at('2027-01-01T00:00:00Z'), startOnly).phase, 'before');
    assert.equal(countdownState(at('2027-11-16T00:00:00Z'), startOnly).phase, 'unknown');
    const endOnly: EditionFacts = { number: 16, year: 2027, end: '2027-11-21', confirmed: true };
    assert.equal(countdownState(at('2027-01-01T00:00:00Z'), endOnly).phase, 'unknown');
    assert.equal(countdownState(at('2027-12-01T00:00:00Z'), endOnly).phase, 'after');
  });
});

describe('splitDuration', () => {
  it('rounds down and never goes negative', () => {
    assert.deepEqual(splitDuration(59_999), { days: 0, hours: 0, minutes: 0, seconds: 59, totalMs: 59_999 });
    assert.deepEqual(splitDuration(-5), { days: 0, hours: 0, minutes: 0, seconds: 0, totalMs: 0 });
  });
});
