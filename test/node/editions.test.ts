import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EDITIONS,
  editionBounds,
  editionByNumber,
  editionByYear,
  nextEditionAfter,
  resolveEdition,
} from '../../src/editions/editions.js';
import { editionOrdinal, ordinalText } from '../../src/editions/ordinal.js';
import { parseIsoDate } from '../../src/time/iso-date.js';

const at = (iso: string): number => Date.parse(iso);

describe('EDITIONS', () => {
  it('runs from the 7th (2017) to the 15th (2026), skipping 2020', () => {
    assert.deepEqual(
      EDITIONS.map((e) => [e.number, e.year]),
      [
        [7, 2017],
        [8, 2018],
        [9, 2019],
        [10, 2021],
        [11, 2022],
        [12, 2023],
        [13, 2024],
        [14, 2025],
        [15, 2026],
      ],
    );
    assert.equal(editionByYear(2020), undefined);
  });

  it('has well-formed dates, in the edition year, end not before start, one week long', () => {
    for (const edition of EDITIONS) {
      if (edition.start === undefined) continue;
      const start = parseIsoDate(edition.start);
      const end = parseIsoDate(edition.end);
      assert.ok(start && end, `edition ${edition.number}`);
      assert.equal(start.year, edition.year);
      const { start: s, end: e } = editionBounds(edition);
      assert.ok(s !== undefined && e !== undefined);
      // Seven days, give or take the DST hour (the 8th's week spans the March change).
      assert.ok(Math.abs(e - s - 7 * 86_400_000) <= 3_600_000, `edition ${edition.number}`);
    }
  });

  it('marks only the unverified 2026 dates and the undated 2017 edition as unconfirmed', () => {
    assert.deepEqual(
      EDITIONS.filter((e) => !e.confirmed).map((e) => e.number),
      [7, 15],
    );
    const seventh = editionByNumber(7);
    assert.equal(seventh?.start, undefined);
    assert.equal(seventh?.end, undefined);
    assert.deepEqual(
      { ...editionByNumber(15) },
      { number: 15, year: 2026, start: '2026-11-16', end: '2026-11-22', confirmed: false },
    );
  });

  it('is frozen so a widget cannot alter another one’s facts', () => {
    assert.ok(Object.isFrozen(EDITIONS));
    assert.ok(Object.isFrozen(EDITIONS[0]));
  });
});

describe('editionBounds', () => {
  it('starts at midnight Paris and ends at the midnight after the last day', () => {
    const bounds = editionBounds(editionByNumber(15)!);
    assert.equal(bounds.start, at('2026-11-15T23:00:00Z'));
    assert.equal(bounds.end, at('2026-11-22T23:00:00Z'));
  });

  it('crosses a month end (12th edition, 27 Nov – 3 Dec 2023)', () => {
    assert.equal(editionBounds(editionByNumber(12)!).end, at('2023-12-03T23:00:00Z'));
  });

  it('honours an opening time', () => {
    assert.equal(editionBounds(editionByNumber(15)!, '09:00').start, at('2026-11-16T08:00:00Z'));
  });

  it('leaves unknown dates undefined', () => {
    assert.deepEqual(editionBounds(editionByNumber(7)!), {});
  });
});

describe('resolveEdition', () => {
  it('picks the edition under way', () => {
    assert.equal(resolveEdition(at('2025-11-20T10:00:00Z')).number, 14);
    // First and last instants of the 14th (Paris midnight is 23:00 UTC in November).
    assert.equal(resolveEdition(at('2025-11-16T23:00:00Z')).number, 14);
    assert.equal(resolveEdition(at('2025-11-23T22:59:59.999Z')).number, 14);
  });

  it('picks the next edition once one is over', () => {
    assert.equal(resolveEdition(at('2025-11-23T23:00:00Z')).number, 15);
    assert.equal(resolveEdition(at('2026-01-01T00:00:00Z')).number, 15);
  });

  it('goes from the 9th (2019) to the 10th (2021): there was no 2020 edition', () => {
    const edition = resolveEdition(at('2020-06-01T00:00:00Z'));
    assert.equal(edition.number, 10);
    assert.equal(edition.year, 2021);
  });

  it('after the last known edition, names the next one without inventing dates', () => {
    const edition = resolveEdition(at('2026-12-01T00:00:00Z'));
    assert.deepEqual(edition, { number: 16, year: 2027, confirmed: false });
  });

  it('before any dated edition, picks the first dated one (the 7th has no dates)', () => {
    assert.equal(resolveEdition(at('2017-06-01T00:00:00Z')).number, 8);
  });

  it('lets the edition attribute win, known or not', () => {
    assert.equal(resolveEdition(at('2026-01-01T00:00:00Z'), { edition: 12 }).start, '2023-11-27');
    assert.deepEqual(resolveEdition(at('2026-01-01T00:00:00Z'), { edition: 18 }), {
      number: 18,
      year: 2029,
      confirmed: false,
    });
    assert.deepEqual(resolveEdition(0, { edition: 1 }), { number: 1, year: 2011, confirmed: false });
  });

  it('uses partner dates, names the edition from their year, and counts them as confirmed', () => {
    const edition = resolveEdition(at('2026-01-01T00:00:00Z'), { start: '2027-11-15', end: '2027-11-21' });
    assert.deepEqual(edition, {
      number: 16,
      year: 2027,
      start: '2027-11-15',
      end: '2027-11-21',
      confirmed: true,
    });
    const confirmed2026 = resolveEdition(at('2026-01-01T00:00:00Z'), { start: '2026-11-16', end: '2026-11-22' });
    assert.equal(confirmed2026.number, 15);
    assert.equal(confirmed2026.confirmed, true);
  });

  it('keeps a built-in date only when it is consistent with the partner’s other date', () => {
    const startOnly = resolveEdition(0, { start: '2026-11-09' });
    assert.equal(startOnly.end, '2026-11-22');
    assert.equal(startOnly.confirmed, false);
    const otherYear = resolveEdition(0, { edition: 15, start: '2027-11-15' });
    assert.equal(otherYear.start, '2027-11-15');
    assert.equal(otherYear.end, undefined);
    assert.equal(otherYear.year, 2027);
  });

  it('overrides the theme alone', () => {
    const edition = resolveEdition(at('2025-11-20T10:00:00Z'), { theme: 'Thème régional' });
    assert.equal(edition.number, 14);
    assert.equal(edition.theme, 'Thème régional');
    assert.equal(editionByNumber(14)?.theme, 'Avec l’industrie, fabrique ton avenir');
  });
});

describe('nextEditionAfter', () => {
  it('announces the upcoming edition after a pinned past one', () => {
    const next = nextEditionAfter(editionByNumber(13)!, at('2026-02-01T00:00:00Z'));
    assert.equal(next.number, 15);
  });

  it('falls back to the following number, without dates past the known range', () => {
    assert.deepEqual(nextEditionAfter(editionByNumber(15)!, at('2026-12-01T00:00:00Z')), {
      number: 16,
      year: 2027,
      confirmed: false,
    });
  });
});

describe('editionOrdinal', () => {
  it('writes French feminine ordinals (1re édition)', () => {
    assert.deepEqual(editionOrdinal(1, 'fr'), { number: '1', suffix: 're' });
    assert.deepEqual(editionOrdinal(2, 'fr'), { number: '2', suffix: 'e' });
    assert.deepEqual(editionOrdinal(15, 'fr'), { number: '15', suffix: 'e' });
    assert.equal(ordinalText(21, 'fr'), '21e');
  });

  it('writes English ordinals', () => {
    const cases: Array<[number, string]> = [
      [1, '1st'],
      [2, '2nd'],
      [3, '3rd'],
      [4, '4th'],
      [11, '11th'],
      [12, '12th'],
      [13, '13th'],
      [15, '15th'],
      [21, '21st'],
      [22, '22nd'],
      [23, '23rd'],
      [101, '101st'],
      [111, '111th'],
    ];
    for (const [n, text] of cases) assert.equal(ordinalText(n, 'en'), text);
    assert.deepEqual(editionOrdinal(15, 'en'), { number: '15', suffix: 'th' });
  });
});
