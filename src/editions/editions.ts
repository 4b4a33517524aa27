/**
 * Built-in facts about the Semaine de l'industrie's editions (sources in docs/EDITIONS.md,
 * summarised next to each entry). Partners can override dates and theme through attributes; a
 * future edition that has not been announced yet keeps `start`/`end` undefined, so widgets say
 * "dates à venir" instead of guessing.
 */
import { addDays, formatIsoDate, parseIsoDate } from '../time/iso-date.js';
import { zonedDateTimeToEpoch } from '../time/zoned.js';

export interface EditionFacts {
  number: number;
  year: number;
  /** First day, YYYY-MM-DD, a local date in Europe/Paris. */
  start?: string;
  /** Last day (inclusive), YYYY-MM-DD, a local date in Europe/Paris. */
  end?: string;
  theme?: string;
  /** Labelled events nationwide. */
  events?: number;
  /** `events` is a rounded or "more than" figure. */
  eventsApprox?: boolean;
  /** The dates come from an official or press source, not a single unverified one. */
  confirmed: boolean;
}

/** The zone the national dates are expressed in (overseas regions follow the national week). */
export const EDITION_TIME_ZONE = 'Europe/Paris';

export const EDITIONS: readonly EditionFacts[] = Object.freeze(
  [
    // Dates not found; ≈2,400 events, 300,000 participants (seed 004).
    { number: 7, year: 2017, events: 2400, eventsApprox: true, confirmed: false },
    // Seed 004; press (Corse DREETS, Gazette des salons).
    {
      number: 8,
      year: 2018,
      start: '2018-03-26',
      end: '2018-04-01',
      theme: 'L’industrie connectée',
      events: 2918,
      confirmed: true,
    },
    // Press (CPCCAF).
    { number: 9, year: 2019, start: '2019-03-18', end: '2019-03-24', events: 3000, eventsApprox: true, confirmed: true },
    // No edition in 2020: the numbering resumes at the 10th in 2021 (seeds 000–002; only regional counts known).
    {
      number: 10,
      year: 2021,
      start: '2021-11-22',
      end: '2021-11-28',
      theme: 'Inventer un avenir durable',
      confirmed: true,
    },
    // Seed 003 (events labelled from 7 Nov to 12 Dec; the week itself is 21–27 Nov).
    {
      number: 11,
      year: 2022,
      start: '2022-11-21',
      end: '2022-11-27',
      theme: 'Agir pour une industrie d’avenir',
      events: 4500,
      eventsApprox: true,
      confirmed: true,
    },
    // DGE press release.
    {
      number: 12,
      year: 2023,
      start: '2023-11-27',
      end: '2023-12-03',
      theme: 'Avec l’industrie, fabrique ton avenir',
      events: 5500,
      eventsApprox: true,
      confirmed: true,
    },
    // economie.gouv.fr; Centre Inffo (">7,500–8,000").
    {
      number: 13,
      year: 2024,
      start: '2024-11-18',
      end: '2024-11-24',
      theme: 'Avec l’industrie, fabrique ton avenir',
      events: 7500,
      eventsApprox: true,
      confirmed: true,
    },
    // Centre Inffo; Techniques de l'ingénieur.
    {
      number: 14,
      year: 2025,
      start: '2025-11-17',
      end: '2025-11-23',
      theme: 'Avec l’industrie, fabrique ton avenir',
      events: 8000,
      eventsApprox: true,
      confirmed: true,
    },
    // A single unverified source: shown, but flagged as to be confirmed.
    { number: 15, year: 2026, start: '2026-11-16', end: '2026-11-22', confirmed: false },
  ].map((edition) => Object.freeze(edition)),
);

const FIRST = EDITIONS[0] as EditionFacts;
const LAST = EDITIONS[EDITIONS.length - 1] as EditionFacts;

export function editionByNumber(number: number): EditionFacts | undefined {
  return EDITIONS.find((edition) => edition.number === number);
}

export function editionByYear(year: number): EditionFacts | undefined {
  return EDITIONS.find((edition) => edition.year === year);
}

/**
 * An edition we know only by its number: one a year before and after the known range (the series
 * started in 2011 with the 1st). No dates, no theme: those are never extrapolated.
 */
function placeholderByNumber(number: number): EditionFacts {
  const year = number > LAST.number ? LAST.year + (number - LAST.number) : FIRST.year - (FIRST.number - number);
  return { number, year, confirmed: false };
}

function placeholderByYear(year: number): EditionFacts {
  if (year > LAST.year) return { number: LAST.number + (year - LAST.year), year, confirmed: false };
  if (year < FIRST.year) return { number: FIRST.number - (FIRST.year - year), year, confirmed: false };
  // A year inside the known range without an edition (2020): the next edition carries on.
  const next = EDITIONS.find((edition) => edition.year > year) ?? LAST;
  return { number: next.number, year, confirmed: false };
}

/** Instants bounding an edition: start at `startTime` of its first day, end exclusive (midnight after its last day). */
export function editionBounds(edition: EditionFacts, startTime = '00:00'): { start?: number; end?: number } {
  const bounds: { start?: number; end?: number } = {};
  if (edition.start) bounds.start = zonedDateTimeToEpoch(edition.start, startTime, EDITION_TIME_ZONE);
  const lastDay = parseIsoDate(edition.end);
  if (lastDay) {
    bounds.end = zonedDateTimeToEpoch(formatIsoDate(addDays(lastDay, 1)), '00:00', EDITION_TIME_ZONE);
  }
  return bounds;
}

export interface EditionOverrides {
  edition: number;
  start: string;
  end: string;
  theme: string;
}

/** The built-in edition a widget talks about at `now`: under way, else the next dated one, else the one after the last known. */
function editionAt(now: number): EditionFacts {
  for (const edition of EDITIONS) {
    const { start, end } = editionBounds(edition);
    if (start === undefined || end === undefined) continue;
    if (now < end) return edition;
  }
  return placeholderByNumber(LAST.number + 1);
}

/**
 * The edition a widget should talk about at instant `now`: the current one if under way, else
 * the next one to start, else the edition after the last known one (without dates). Overrides
 * (from attributes) win; dates given by the partner count as confirmed. The caller validates
 * overrides (well-formed dates, end not before start): this function trusts them.
 */
export function resolveEdition(now: number, overrides: Partial<EditionOverrides> = {}): EditionFacts {
  const pinnedYear = parseIsoDate(overrides.start)?.year ?? parseIsoDate(overrides.end)?.year;
  let base: EditionFacts;
  if (overrides.edition !== undefined) {
    base = editionByNumber(overrides.edition) ?? placeholderByNumber(overrides.edition);
  } else if (pinnedYear !== undefined) {
    // Dates pinned by the partner name their own edition, whatever today's date is.
    base = editionByYear(pinnedYear) ?? placeholderByYear(pinnedYear);
  } else {
    base = editionAt(now);
  }
  if (overrides.start === undefined && overrides.end === undefined && overrides.theme === undefined) {
    return base;
  }
  const resolved: EditionFacts = { ...base };
  if (overrides.start !== undefined || overrides.end !== undefined) {
    let start = overrides.start ?? base.start;
    let end = overrides.end ?? base.end;
    // A built-in date left on the wrong side of the partner's one (another year's edition) would
    // describe a week that never existed: drop it rather than show it. ISO dates sort as strings.
    if (start !== undefined && end !== undefined && start > end) {
      if (overrides.start === undefined) start = undefined;
      else end = undefined;
    }
    delete resolved.start;
    delete resolved.end;
    if (start !== undefined) resolved.start = start;
    if (end !== undefined) resolved.end = end;
    if (pinnedYear !== undefined) resolved.year = pinnedYear;
    resolved.confirmed = base.confirmed || (overrides.start !== undefined && overrides.end !== undefined);
  }
  if (overrides.theme !== undefined) resolved.theme = overrides.theme;
  return resolved;
}

/** The edition to announce once `edition` is over: the one after it that is current or upcoming at `now`. */
export function nextEditionAfter(edition: EditionFacts, now: number): EditionFacts {
  const upcoming = editionAt(now);
  if (upcoming.number > edition.number) return upcoming;
  return editionByNumber(edition.number + 1) ?? placeholderByNumber(edition.number + 1);
}
