/**
 * One cap on an event's slots for every reader (normaliser, shard reader, snapshot builder):
 * at most MAX_TIMINGS_PER_EVENT, the upcoming ones first relative to the caller's `now`, and a
 * count of what was dropped.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capTimingList } from '../../src/model/cap-timings.js';
import { MAX_TIMINGS_PER_EVENT } from '../../src/model/limits.js';
import { normaliseEvents } from '../../src/model/normalise.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);
/** `count` hourly slots from START. */
const slots = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ begin: START + i * HOUR, end: START + i * HOUR + HOUR / 2 }));

describe('capTimingList', () => {
  it('keeps everything under the cap, dropping nothing', () => {
    const all = slots(10);
    assert.deepEqual(capTimingList(all, START), { timings: all, dropped: 0 });
  });

  it('keeps the upcoming slots first, then the latest past ones, in order, and counts the rest', () => {
    const all = slots(MAX_TIMINGS_PER_EVENT + 500);
    // Now is after the first 800 slots: 700 upcoming are kept, and the 300 most recent past ones.
    const now = START + 800 * HOUR;
    const { timings, dropped } = capTimingList(all, now);
    assert.equal(dropped, 500);
    assert.equal(timings.length, MAX_TIMINGS_PER_EVENT);
    assert.equal(timings[0]?.begin, START + 500 * HOUR);
    assert.equal(timings.at(-1)?.begin, START + (MAX_TIMINGS_PER_EVENT + 499) * HOUR);
    assert.ok(timings.every((t, i) => i === 0 || (timings[i - 1]?.begin ?? 0) <= t.begin));
  });
});

describe('the normaliser uses the cap with its now', () => {
  it('keeps the slots still to come rather than the earliest ones', () => {
    const record = {
      uid: 7,
      title: { fr: 'Visite quotidienne' },
      timings: slots(MAX_TIMINGS_PER_EVENT + 200).map((t) => ({
        begin: new Date(t.begin).toISOString(),
        end: new Date(t.end).toISOString(),
      })),
    };
    const now = START + 600 * HOUR;
    const { events } = normaliseEvents([record], { schema: { types: [], audiences: [] }, now });
    const timings = events[0]?.timings ?? [];
    assert.equal(timings.length, MAX_TIMINGS_PER_EVENT);
    assert.equal(timings.at(-1)?.begin, START + (MAX_TIMINGS_PER_EVENT + 199) * HOUR, 'the last slot to come is kept');
  });
});
