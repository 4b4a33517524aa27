/**
 * Where the Semaine de l'industrie stands for a page, from one instant: the single value every
 * widget of the page renders from, so a banner, a countdown, a list and a map can never tell a
 * visitor two different stories (one naming the 15th edition "à venir" while the other says it is
 * over). Plain data in, plain data out: the clock, the built-in edition facts, the partner's
 * attributes and what the snapshot says of itself.
 *
 * The year of a partner's page, in phases:
 *   programme-awaited → week-ahead → under-way → week-over → off-season → (next edition…)
 * - programme-awaited: the edition's week is ahead but its data holds none of its events yet;
 * - week-ahead: its programme is published (or, with no data to say otherwise, its dates known);
 * - under-way: from 00:00 of its first day to 24:00 of its last day, Europe/Paris time;
 * - week-over: the weeks after it, when partners still point at its events and results;
 * - off-season: after that, until the next edition's week comes near, its dates known or not.
 */
import { addDays, formatIsoDate, parseIsoDate } from '../time/iso-date.js';
import {
  EDITIONS,
  editionBounds,
  editionByNumber,
  editionByYear,
  nextEditionAfter,
  resolveEdition,
  type EditionFacts,
  type EditionOverrides,
} from './editions.js';

export type EditionPhaseName = 'programme-awaited' | 'week-ahead' | 'under-way' | 'week-over' | 'off-season';

/**
 * An edition as the page names it. `number` is missing when nothing identifies the edition but the
 * dates of its events (a snapshot built without `--edition` whose events match no known week):
 * widgets then say "programme du … au …", never another edition's number.
 */
export type EditionLabel = Omit<EditionFacts, 'number'> & { number?: number };

/** What the data (a snapshot's index, or the live API) says of itself; all optional. */
export interface ProgrammeFacts {
  /** The edition recorded by the snapshot builder (`--edition`, `--year`, `--start`, `--end`). */
  edition?: { number?: number; year?: number; theme?: string; start?: string; end?: string };
  /** Days (YYYY-MM-DD, Europe/Paris) with at least one event: the index's `counts.day` keys; absent when unknown (live mode). */
  days?: readonly string[];
  /** Events in the data. */
  total?: number;
}

export interface PhaseInputs {
  now: number;
  /** The partner's attributes, already validated (the widget reports bad ones). */
  overrides?: Partial<EditionOverrides>;
  /** Absent for a widget that reads no data (the countdown): the calendar alone decides. */
  programme?: ProgrammeFacts;
}

export interface EditionPhase {
  name: EditionPhaseName;
  /** The edition the page speaks of: the one ahead, under way, or just past. */
  edition: EditionLabel;
  /** In week-over and off-season, the edition after it (dates when known). */
  next?: EditionLabel;
  /** Once the page has turned to an edition ahead, the last one held ("la 14e édition s'est tenue…"). */
  previous?: EditionLabel;
  /** What named `edition`: the partner, the snapshot's own record, its events' dates, or the calendar. */
  basis: 'attributes' | 'snapshot' | 'events' | 'calendar';
  /** First and last day with events, when the data has any. */
  eventSpan?: { first: string; last: string };
  /** The instant this phase ends (exclusive), when known: a widget re-renders then. */
  until?: number;
}

/**
 * How long "week over" lasts. The 2022 edition labelled events until 12 December, 15 days after
 * its week, and partners keep showing the past programme and its results for a few weeks; after
 * four weeks, the page turns to the next edition.
 */
export const WEEK_OVER_DAYS = 28;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Events of one edition are labelled within a tolerance around its week (±15 days in 2024; from
 * 7 Nov to 12 Dec around the 21–27 Nov 2022 week): a data set whose days fall within this margin
 * of a known week belongs to that edition.
 */
const MATCH_MARGIN_DAYS = 21;

function label(facts: EditionFacts): EditionLabel {
  const out: EditionLabel = { number: facts.number, year: facts.year, confirmed: facts.confirmed };
  if (facts.start !== undefined) out.start = facts.start;
  if (facts.end !== undefined) out.end = facts.end;
  if (facts.theme !== undefined) out.theme = facts.theme;
  if (facts.events !== undefined) out.events = facts.events;
  if (facts.eventsApprox !== undefined) out.eventsApprox = facts.eventsApprox;
  return out;
}

function shiftDays(day: string, days: number): string | undefined {
  const date = parseIsoDate(day);
  return date ? formatIsoDate(addDays(date, days)) : undefined;
}

function spanOf(days: readonly string[] | undefined): { first: string; last: string } | undefined {
  let first: string | undefined;
  let last: string | undefined;
  // Validated one by one: the index comes from the network, and ISO dates sort as strings.
  for (const day of days ?? []) {
    if (!parseIsoDate(day)) continue;
    if (first === undefined || day < first) first = day;
    if (last === undefined || day > last) last = day;
  }
  return first !== undefined && last !== undefined ? { first, last } : undefined;
}

/** The built-in edition whose week falls within the labelling margin of the events' days. */
function editionOfSpan(span: { first: string; last: string }): EditionFacts | undefined {
  return EDITIONS.find((edition) => {
    if (!edition.start || !edition.end) return false;
    const from = shiftDays(edition.start, -MATCH_MARGIN_DAYS);
    const to = shiftDays(edition.end, MATCH_MARGIN_DAYS);
    return from !== undefined && to !== undefined && span.first <= to && span.last >= from;
  });
}

/** The snapshot's own record of its edition, completed by the built-in facts of that edition. */
function editionOfRecord(record: NonNullable<ProgrammeFacts['edition']>): EditionFacts | undefined {
  const validYear = record.year !== undefined && Number.isInteger(record.year) ? record.year : undefined;
  const validNumber =
    record.number !== undefined && Number.isInteger(record.number) && record.number > 0 ? record.number : undefined;
  const start = parseIsoDate(record.start) ? record.start : undefined;
  const end = parseIsoDate(record.end) ? record.end : undefined;
  const yearOfDates = parseIsoDate(start ?? end)?.year;
  const base =
    (validNumber !== undefined ? editionByNumber(validNumber) : undefined) ??
    (validYear !== undefined ? editionByYear(validYear) : undefined) ??
    (yearOfDates !== undefined ? editionByYear(yearOfDates) : undefined);
  if (!base && validNumber === undefined && validYear === undefined && yearOfDates === undefined) return undefined;
  const facts: EditionFacts = base
    ? { ...base }
    : { number: validNumber ?? 0, year: validYear ?? yearOfDates ?? 0, confirmed: false };
  if (validNumber !== undefined) facts.number = validNumber;
  if (validYear !== undefined) facts.year = validYear;
  // The builder's dates are the operator's word for this data set: they win over the table.
  if (start !== undefined && end !== undefined && start <= end) {
    facts.start = start;
    facts.end = end;
    facts.confirmed = true;
  }
  if (typeof record.theme === 'string' && record.theme.trim()) facts.theme = record.theme.trim();
  return facts;
}

/** The latest built-in edition whose week has ended at `now`. */
function lastEnded(now: number): EditionFacts | undefined {
  let found: EditionFacts | undefined;
  for (const edition of EDITIONS) {
    const { end } = editionBounds(edition);
    if (end !== undefined && end <= now) found = edition;
  }
  return found;
}

/**
 * After an edition's week: week-over for a few weeks; then, once the next edition has dates, the
 * page speaks of that one (its programme awaited when the data is still the past edition's, its
 * week ahead when no data speaks); without dates, off-season.
 */
function afterWeek(
  edition: EditionLabel,
  endsAt: number,
  now: number,
  facts: EditionFacts,
  readsData: boolean,
): Partial<EditionPhase> {
  const overAt = endsAt + WEEK_OVER_DAYS * DAY_MS;
  const nextFacts = nextEditionAfter(facts, now);
  const next = label(nextFacts);
  if (now < overAt) return { name: 'week-over', edition, next, until: overAt };
  const { start: nextStart } = editionBounds(nextFacts);
  if (nextStart === undefined) return { name: 'off-season', edition, next };
  // The data in hand is the past edition's: none of the next one's events is in it.
  return { ...phaseOf(nextFacts, now, readsData ? false : undefined, undefined), previous: edition };
}

/**
 * The phase of `facts`' edition at `now`. `hasProgramme` says whether the data holds events (and
 * is undefined when the widget reads no data); `span` stands in for the week when the edition has
 * no dates of its own.
 */
function phaseOf(
  facts: EditionFacts,
  now: number,
  hasProgramme: boolean | undefined,
  span: { first: string; last: string } | undefined,
): Partial<EditionPhase> {
  const edition = label(facts);
  let { start, end } = editionBounds(facts);
  if ((start === undefined || end === undefined) && span) {
    ({ start, end } = editionBounds({ ...facts, start: span.first, end: span.last }));
  }
  if (start !== undefined && now < start) {
    return { name: hasProgramme === false ? 'programme-awaited' : 'week-ahead', edition, until: start };
  }
  if (end !== undefined && now >= end) return afterWeek(edition, end, now, facts, hasProgramme !== undefined);
  if (start !== undefined && end !== undefined) return { name: 'under-way', edition, until: end };
  // An edition with no dates at all (announced by number only): its programme is what is awaited.
  return { name: 'programme-awaited', edition };
}

/**
 * The calendar's view when no data speaks: the week under way, the weeks after one, then the
 * off-season until the next week starts (a countdown shows its dates once they are known).
 */
function calendarPhase(now: number): Partial<EditionPhase> {
  const upcoming = resolveEdition(now);
  const { start } = editionBounds(upcoming);
  const past = lastEnded(now);
  const upcomingStarted = start !== undefined && now >= start;
  if (!past || upcomingStarted) return phaseOf(upcoming, now, undefined, undefined);
  const { end } = editionBounds(past);
  return afterWeek(label(past), end ?? now, now, past, false);
}

export function editionPhase(inputs: PhaseInputs): EditionPhase {
  const { now, overrides = {}, programme } = inputs;
  const span = spanOf(programme?.days);
  // Live data has no day table (`days` undefined): its events, if any, are the programme.
  const hasProgramme = programme ? (programme.total ?? 0) > 0 && (span !== undefined || programme.days === undefined) : undefined;
  const withSpan = span ? { eventSpan: span } : {};
  if (overrides.edition !== undefined || overrides.start !== undefined || overrides.end !== undefined) {
    const facts = resolveEdition(now, overrides);
    return { ...phaseOf(facts, now, hasProgramme, span), basis: 'attributes', ...withSpan } as EditionPhase;
  }
  const recorded = programme?.edition ? editionOfRecord(programme.edition) : undefined;
  if (recorded) {
    const facts = overrides.theme !== undefined ? { ...recorded, theme: overrides.theme } : recorded;
    return { ...phaseOf(facts, now, hasProgramme, span), basis: 'snapshot', ...withSpan } as EditionPhase;
  }
  if (span) {
    const known = editionOfSpan(span);
    // Events that match no known week are named by their year and dates only.
    const facts: EditionFacts = known ?? { number: 0, year: Number(span.last.slice(0, 4)), confirmed: false };
    const phase = phaseOf(facts, now, hasProgramme, span);
    if (!known && phase.edition) delete phase.edition.number;
    if (overrides.theme !== undefined && phase.edition) phase.edition.theme = overrides.theme;
    return { ...phase, basis: 'events', ...withSpan } as EditionPhase;
  }
  const phase = calendarPhase(now);
  if (overrides.theme !== undefined && phase.edition) phase.edition.theme = overrides.theme;
  // Data that was read and holds nothing: the edition ahead has no programme yet.
  if (programme && phase.name === 'week-ahead' && !hasProgramme) {
    phase.name = 'programme-awaited';
  }
  return { ...phase, basis: 'calendar' } as EditionPhase;
}

/**
 * The dates a widget names for the phase's edition: its own, or, for data named by its events
 * alone (no edition number), the first and last day of those events ("programme du … au …").
 */
export function shownDates(phase: EditionPhase): { start?: string; end?: string } {
  const { start, end, number } = phase.edition;
  if (start !== undefined || end !== undefined) return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  if (number === undefined && phase.eventSpan) return { start: phase.eventSpan.first, end: phase.eventSpan.last };
  return {};
}

/** True once the phase's edition is behind the page: its week is over. */
export function isPast(phase: EditionPhase): boolean {
  return phase.name === 'week-over' || phase.name === 'off-season';
}
