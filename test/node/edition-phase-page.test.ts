import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editionPhase } from '../../src/editions/phase.js';
import {
  onPageProgramme,
  pageEditionPhase,
  pageProgramme,
  publishProgramme,
  resetPageProgramme,
} from '../../src/editions/page-programme.js';
import { programmeFactsOf } from '../../src/editions/programme-facts.js';

const at = (iso: string) => Date.parse(iso);
const DEC_7 = at('2026-12-07T10:00:00Z');

/** A snapshot index of the 15th edition, as the builder writes it with --edition. */
const indexWithEdition = {
  edition: { number: 15, year: 2026, start: '2026-11-16', end: '2026-11-22' },
  total: 8000,
  counts: { day: { '2026-11-16': 3000, '2026-11-20': 5000, '2026-11-25': 0 } },
};
/** The same data built without --edition: only its events' days say what it is. */
const indexWithoutEdition = { total: 76, counts: { day: { '2023-03-02': 40, '2023-03-09': 36 } } };

afterEach(() => resetPageProgramme());

describe('programmeFactsOf: what a summary says of its programme', () => {
  it('keeps the record, the total and the days that have events', () => {
    const facts = programmeFactsOf(indexWithEdition);
    assert.equal(facts.edition?.number, 15);
    assert.equal(facts.total, 8000);
    assert.deepEqual(facts.days, ['2026-11-16', '2026-11-20']);
  });

  it('live mode has no day table: days unknown, not empty', () => {
    const facts = programmeFactsOf({ total: 120, counts: {} });
    assert.equal(facts.days, undefined);
    assert.equal(facts.total, 120);
  });

  it('a live agenda with events is a published programme, not one awaited', () => {
    const phase = editionPhase({ now: at('2026-10-01T10:00:00Z'), programme: programmeFactsOf({ total: 120 }) });
    assert.equal(phase.name, 'week-ahead');
    assert.equal(phase.edition.number, 15);
  });
});

describe('the page programme: one phase for every widget of a page', () => {
  it('the countdown, reading no data, speaks of the edition the banner read', () => {
    const banner = pageEditionPhase({ now: DEC_7, programme: programmeFactsOf(indexWithEdition), source: 's:a' });
    const countdown = pageEditionPhase({ now: DEC_7 });
    assert.equal(banner.name, 'week-over');
    assert.equal(countdown.name, banner.name);
    assert.equal(countdown.edition.number, 15);
    assert.equal(countdown.edition.start, banner.edition.start);
    assert.equal(countdown.edition.end, banner.edition.end);
  });

  it('a snapshot without its record: the countdown names no edition number either', () => {
    pageEditionPhase({ now: DEC_7, programme: programmeFactsOf(indexWithoutEdition), source: 's:a' });
    const countdown = pageEditionPhase({ now: DEC_7 });
    assert.equal(countdown.edition.number, undefined);
    assert.equal(countdown.eventSpan?.first, '2023-03-02');
    assert.equal(countdown.basis, 'events');
  });

  it('before any data widget has read: the calendar decides', () => {
    const countdown = pageEditionPhase({ now: DEC_7 });
    assert.equal(countdown.basis, 'calendar');
    assert.equal(pageProgramme(), undefined);
  });

  it('the first source of the page wins; the same source may refresh it', () => {
    publishProgramme('s:a', programmeFactsOf(indexWithEdition));
    publishProgramme('s:b', programmeFactsOf(indexWithoutEdition));
    assert.equal(pageProgramme()?.edition?.number, 15);
    publishProgramme('s:a', { ...programmeFactsOf(indexWithEdition), total: 8100 });
    assert.equal(pageProgramme()?.total, 8100);
  });

  it('listeners hear a change once, and not a repeat of the same facts', () => {
    let heard = 0;
    const off = onPageProgramme(() => (heard += 1));
    publishProgramme('s:a', programmeFactsOf(indexWithEdition));
    publishProgramme('s:a', programmeFactsOf(indexWithEdition));
    off();
    publishProgramme('s:a', { total: 1 });
    assert.equal(heard, 1);
  });

  it('a widget of another source keeps the phase of its own data', () => {
    publishProgramme('s:a', programmeFactsOf(indexWithEdition));
    const other = pageEditionPhase({ now: DEC_7, programme: programmeFactsOf(indexWithoutEdition), source: 's:b' });
    assert.equal(other.edition.number, undefined);
  });
});
