/**
 * The countdown's sentences in French and English. Sentences containing an edition ordinal come
 * back as segments so the view can set the French suffix in superscript while the text
 * alternative stays plain. French punctuation takes its no-break spaces (": " and " !").
 */
import type { Lang } from '../../model/types.js';
import type { OrdinalParts } from '../../editions/ordinal.js';

export type Segment = string | { ordinal: OrdinalParts };
export type Unit = 'days' | 'hours' | 'minutes' | 'seconds';

export interface CountdownMessages {
  /** Unit label for a count, e.g. "jour" / "jours" (French keeps 0 and 1 singular). */
  unit(unit: Unit, count: number): string;
  /** Lead of the text alternative; `amount` is a list such as "26 jours, 13 heures et 5 minutes". */
  remaining(amount: string): string;
  lessThanAMinute: string;
  /**
   * Caption under the numbers: "avant la 15e Semaine de l’industrie (du 16 au 22 novembre 2026)".
   * Without an ordinal (data named by its events' dates alone): "avant le programme (du … au …)".
   */
  before(ordinal: OrdinalParts | undefined, dates: string | undefined, confirmed: boolean): Segment[];
  /** `until` is the last day with its weekday; `undefined` when it is not known. */
  during(ordinal: OrdinalParts | undefined, until: string | undefined): Segment[];
  /** After the week, as the banner says it: "La 15e Semaine de l’industrie s’est tenue du 16 au 22 novembre 2026". */
  held(ordinal: OrdinalParts | undefined, dates: string): Segment[];
  /** The next edition's dates once known, as the banner gives them: "Prochaine édition : du … au …". */
  nextDates(dates: string, confirmed: boolean): string;
  after: string;
  /** The edition to come, with its dates or "dates à venir". */
  upcoming(ordinal: OrdinalParts | undefined, dates: string | undefined, confirmed: boolean): Segment[];
  link: string;
  problems: {
    edition(value: string): string;
    start(value: string): string;
    end(value: string): string;
    endBeforeStart(start: string, end: string): string;
    startTime(value: string): string;
    href(value: string): string;
  };
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const q = (value: string): string => JSON.stringify(value);

const fr: CountdownMessages = {
  unit(unit, count) {
    const one = count < 2;
    switch (unit) {
      case 'days':
        return one ? 'jour' : 'jours';
      case 'hours':
        return one ? 'heure' : 'heures';
      case 'minutes':
        return one ? 'minute' : 'minutes';
      case 'seconds':
        return one ? 'seconde' : 'secondes';
    }
  },
  remaining: (amount) => `Plus que ${amount}`,
  lessThanAMinute: 'Moins d’une minute',
  before: (ordinal, dates, confirmed) => [
    ...(ordinal ? ['avant la ', { ordinal }, ' Semaine de l’industrie'] : ['avant le programme']),
    dates ? ` (${dates}${confirmed ? '' : ', à confirmer'})` : '',
  ],
  during: (ordinal, until) => [
    ...(ordinal ? ['La ', { ordinal }, ' Semaine de l’industrie est en cours'] : ['Le programme est en cours']),
    until ? `, jusqu’au ${until}` : '',
  ],
  held: (ordinal, dates) =>
    ordinal ? ['La ', { ordinal }, ` Semaine de l’industrie s’est tenue ${dates}`] : [`Le programme s’est tenu ${dates}`],
  nextDates: (dates, confirmed) => `Prochaine édition${NBSP}: ${dates}${confirmed ? '' : ' (à confirmer)'}`,
  after: `Rendez-vous à la prochaine édition${NNBSP}!`,
  upcoming: (ordinal, dates, confirmed) => [
    ...(ordinal ? ['La ', { ordinal }, ' Semaine de l’industrie'] : ['Le programme']),
    `${NBSP}: ${dates ? `${dates}${confirmed ? '' : ' (à confirmer)'}` : 'dates à venir'}`,
  ],
  link: 'Découvrir le programme',
  problems: {
    edition: (value) => `Numéro d’édition invalide${NBSP}: ${q(value)} (attendu un nombre entier, par exemple 15)`,
    start: (value) => `Date de début invalide${NBSP}: ${q(value)} (attendu AAAA-MM-JJ)`,
    end: (value) => `Date de fin invalide${NBSP}: ${q(value)} (attendu AAAA-MM-JJ)`,
    endBeforeStart: (start, end) => `Date de fin ${q(end)} antérieure à la date de début ${q(start)}${NBSP}: dates ignorées`,
    startTime: (value) => `Heure de début invalide${NBSP}: ${q(value)} (attendu HH:MM)`,
    href: (value) => `Lien invalide${NBSP}: ${q(value)} (attendu une adresse http ou https)`,
  },
};

const en: CountdownMessages = {
  unit(unit, count) {
    const one = count === 1;
    switch (unit) {
      case 'days':
        return one ? 'day' : 'days';
      case 'hours':
        return one ? 'hour' : 'hours';
      case 'minutes':
        return one ? 'minute' : 'minutes';
      case 'seconds':
        return one ? 'second' : 'seconds';
    }
  },
  remaining: (amount) => `Only ${amount} left`,
  lessThanAMinute: 'Less than a minute left',
  before: (ordinal, dates, confirmed) => [
    ...(ordinal ? ['until the ', { ordinal }, ' Industry Week'] : ['until the programme']),
    dates ? ` (${dates}${confirmed ? '' : ', to be confirmed'})` : '',
  ],
  during: (ordinal, until) => [
    ...(ordinal ? ['The ', { ordinal }, ' Industry Week is under way'] : ['The programme is under way']),
    until ? ` until ${until}` : '',
  ],
  held: (ordinal, dates) =>
    ordinal ? ['The ', { ordinal }, ` Industry Week took place ${dates}`] : [`The programme ran ${dates}`],
  nextDates: (dates, confirmed) => `Next edition: ${dates}${confirmed ? '' : ' (to be confirmed)'}`,
  after: 'See you at the next edition!',
  upcoming: (ordinal, dates, confirmed) => [
    ...(ordinal ? ['The ', { ordinal }, ' Industry Week'] : ['The programme']),
    `: ${dates ? `${dates}${confirmed ? '' : ' (to be confirmed)'}` : 'dates to be announced'}`,
  ],
  link: 'Discover the programme',
  problems: {
    edition: (value) => `Invalid edition number: ${q(value)} (expected a whole number, e.g. 15)`,
    start: (value) => `Invalid start date: ${q(value)} (expected YYYY-MM-DD)`,
    end: (value) => `Invalid end date: ${q(value)} (expected YYYY-MM-DD)`,
    endBeforeStart: (start, end) => `End date ${q(end)} is before start date ${q(start)}: dates ignored`,
    startTime: (value) => `Invalid start time: ${q(value)} (expected HH:MM)`,
    href: (value) => `Invalid link: ${q(value)} (expected an http or https address)`,
  },
};

export function countdownMessages(lang: Lang): CountdownMessages {
  return lang === 'en' ? en : fr;
}

/** Joins segments into plain text, for the text alternative. */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.ordinal.number + s.ordinal.suffix)).join('');
}
