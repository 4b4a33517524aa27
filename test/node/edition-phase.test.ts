import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editionPhase, WEEK_OVER_DAYS, type ProgrammeFacts } from '../../src/editions/phase.js';

const at = (iso: string) => Date.parse(iso);
// The 15th edition's week: 16–22 November 2026, Europe/Paris (UTC+1 in November).
const FIRST_DAY_MIDNIGHT = at('2026-11-15T23:00:00Z');
const AFTER_LAST_DAY = at('2026-11-22T23:00:00Z');

const days2026 = ['2026-11-03', '2026-11-16', '2026-11-22', '2026-11-28'];
const edition15: ProgrammeFacts = {
  edition: { number: 15, year: 2026, start: '2026-11-16', end: '2026-11-22' },
  days: days2026,
  total: 8000,
};

describe('editionPhase: the calendar alone (a countdown reads no data)', () => {
  it('mid-year, the 15th edition dated: its week ahead, the 14th named as the last one held', () => {
    const phase = editionPhase({ now: at('2026-06-15T12:00:00Z') });
    assert.equal(phase.name, 'week-ahead');
    assert.equal(phase.basis, 'calendar');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.edition.start, '2026-11-16');
    assert.equal(phase.previous?.number, 14);
    assert.equal(phase.until, FIRST_DAY_MIDNIGHT);
  });

  it('the last millisecond before 00:00 Paris of the first day is still ahead; 00:00 is under way', () => {
    assert.equal(editionPhase({ now: FIRST_DAY_MIDNIGHT - 1 }).name, 'week-ahead');
    const phase = editionPhase({ now: FIRST_DAY_MIDNIGHT });
    assert.equal(phase.name, 'under-way');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.until, AFTER_LAST_DAY);
  });

  it('a Martinique visitor (UTC−4) at 19:30 on 15 November local time sees the week under way, as Paris does', () => {
    const now = at('2026-11-15T19:30:00-04:00');
    assert.equal(now, at('2026-11-16T00:30:00+01:00'));
    assert.equal(editionPhase({ now }).name, 'under-way');
  });

  it('the last day at 23:59 Paris is under way; midnight after it is week-over, naming the next edition', () => {
    assert.equal(editionPhase({ now: at('2026-11-22T23:59:00+01:00') }).name, 'under-way');
    const phase = editionPhase({ now: AFTER_LAST_DAY });
    assert.equal(phase.name, 'week-over');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.next?.number, 16);
    assert.equal(phase.next?.start, undefined, 'the 16th edition has no dates: none is invented');
    assert.equal(phase.until, AFTER_LAST_DAY + WEEK_OVER_DAYS * 86_400_000);
  });

  it(`week-over lasts ${WEEK_OVER_DAYS} days, then off-season, still naming the 15th as the last edition`, () => {
    assert.equal(editionPhase({ now: at('2026-12-07T10:00:00Z') }).name, 'week-over');
    const phase = editionPhase({ now: at('2027-01-15T10:00:00Z') });
    assert.equal(phase.name, 'off-season');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.next?.number, 16);
    assert.equal(phase.until, undefined);
  });
});

describe('editionPhase: with the data of a snapshot', () => {
  it('programme published, week to come', () => {
    const phase = editionPhase({ now: at('2026-10-20T10:00:00Z'), programme: edition15 });
    assert.equal(phase.name, 'week-ahead');
    assert.equal(phase.basis, 'snapshot');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.until, FIRST_DAY_MIDNIGHT);
    assert.deepEqual(phase.eventSpan, { first: '2026-11-03', last: '2026-11-28' });
  });

  it('the edition recorded but no event yet: programme awaited, never a filter miss', () => {
    const phase = editionPhase({
      now: at('2026-09-01T10:00:00Z'),
      programme: { edition: edition15.edition!, days: [], total: 0 },
    });
    assert.equal(phase.name, 'programme-awaited');
    assert.equal(phase.edition.number, 15);
  });

  it('the day before, during, the day after and two weeks after: the same edition throughout', () => {
    const instants = ['2026-11-15T12:00:00Z', '2026-11-18T12:00:00Z', '2026-11-23T12:00:00Z', '2026-12-07T12:00:00Z'];
    const names = instants.map((iso) => editionPhase({ now: at(iso), programme: edition15 }));
    assert.deepEqual(
      names.map((p) => p.name),
      ['week-ahead', 'under-way', 'week-over', 'week-over'],
    );
    for (const phase of names) assert.equal(phase.edition.number, 15);
  });

  it('a data-reading widget and the calendar agree on the edition and its dates at every instant of the matrix', () => {
    const matrix = [
      '2026-11-15T22:59:59Z',
      '2026-11-15T23:00:00Z',
      '2026-11-22T22:59:00Z',
      '2026-11-22T23:00:00Z',
      '2026-12-07T10:00:00Z',
      '2027-01-15T10:00:00Z',
    ];
    for (const iso of matrix) {
      const withData = editionPhase({ now: at(iso), programme: edition15 });
      const calendar = editionPhase({ now: at(iso) });
      assert.equal(withData.edition.number, calendar.edition.number, iso);
      assert.equal(withData.edition.start, calendar.edition.start, iso);
      assert.equal(withData.edition.end, calendar.edition.end, iso);
      assert.equal(withData.next?.number, calendar.next?.number, iso);
    }
  });

  it("the snapshot's recorded dates win over the built-in table (the operator's word for this data set)", () => {
    const phase = editionPhase({
      now: at('2026-11-10T10:00:00Z'),
      programme: { edition: { number: 15, start: '2026-11-09', end: '2026-11-15' }, days: days2026, total: 10 },
    });
    assert.equal(phase.name, 'under-way');
    assert.equal(phase.edition.start, '2026-11-09');
    assert.equal(phase.edition.confirmed, true);
  });
});

describe('editionPhase: a snapshot without edition metadata', () => {
  it("a past agenda's events (November 2024) are named by the week they match, never by the next edition", () => {
    const phase = editionPhase({
      now: at('2026-12-07T10:00:00Z'),
      programme: { days: ['2024-11-12', '2024-11-20', '2024-11-30'], total: 76 },
    });
    assert.equal(phase.basis, 'events');
    assert.equal(phase.edition.number, 13);
    assert.equal(phase.edition.year, 2024);
    assert.equal(phase.name, 'off-season');
    assert.notEqual(phase.edition.number, 16);
  });

  it('events that match no known week are labelled by their dates alone: no number at all', () => {
    const phase = editionPhase({
      now: at('2026-03-20T10:00:00Z'),
      programme: { days: ['2026-03-02', '2026-03-05'], total: 12 },
    });
    assert.equal(phase.basis, 'events');
    assert.equal(phase.edition.number, undefined);
    assert.equal(phase.edition.year, 2026);
    assert.deepEqual(phase.eventSpan, { first: '2026-03-02', last: '2026-03-05' });
    assert.equal(phase.name, 'week-over', 'the events ended two weeks ago: week-over');
  });

  it('ignores malformed day keys from the network', () => {
    const phase = editionPhase({
      now: at('2026-10-01T10:00:00Z'),
      programme: { days: ['2026-11-18', 'constructor', '2026-13-45', ''], total: 3 },
    });
    assert.deepEqual(phase.eventSpan, { first: '2026-11-18', last: '2026-11-18' });
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.name, 'week-ahead');
  });

  it('data read but empty, and no record: the calendar decides, and the week ahead awaits its programme', () => {
    const phase = editionPhase({ now: at('2026-11-01T10:00:00Z'), programme: { days: [], total: 0 } });
    assert.equal(phase.basis, 'calendar');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.previous?.number, 14);
    assert.equal(phase.name, 'programme-awaited');
  });

  it("the past edition's data after its weeks: the next dated edition's programme is awaited", () => {
    const edition14: ProgrammeFacts = {
      edition: { number: 14, start: '2025-11-17', end: '2025-11-23' },
      days: ['2025-11-17', '2025-11-23'],
      total: 7000,
    };
    const phase = editionPhase({ now: at('2026-09-01T10:00:00Z'), programme: edition14 });
    assert.equal(phase.name, 'programme-awaited');
    assert.equal(phase.edition.number, 15);
    assert.equal(phase.previous?.number, 14);
    assert.equal(editionPhase({ now: at('2026-09-01T10:00:00Z') }).edition.number, 15, 'the calendar names the same one');
  });
});

describe("editionPhase: the partner's attributes", () => {
  it('an edition number pinned by the partner wins over the data', () => {
    const phase = editionPhase({ now: at('2026-12-07T10:00:00Z'), overrides: { edition: 14 }, programme: edition15 });
    assert.equal(phase.basis, 'attributes');
    assert.equal(phase.edition.number, 14);
    assert.equal(phase.name, 'off-season');
  });

  it('dates pinned by the partner name their own year and phase', () => {
    const phase = editionPhase({
      now: at('2027-11-17T10:00:00Z'),
      overrides: { start: '2027-11-15', end: '2027-11-21' },
    });
    assert.equal(phase.name, 'under-way');
    assert.equal(phase.edition.number, 16);
    assert.equal(phase.edition.confirmed, true);
  });

  it('a theme given by the partner is kept whatever names the edition', () => {
    const phase = editionPhase({
      now: at('2026-10-01T10:00:00Z'),
      overrides: { theme: 'Industrie verte' },
      programme: edition15,
    });
    assert.equal(phase.edition.theme, 'Industrie verte');
  });
});
