import type { EditionPhaseName } from '../../editions/phase.js';
import type { Lang } from '../../model/types.js';

/** An edition ordinal in a sentence: the view sets the French suffix in superscript. */
export interface OrdinalText {
  ordinal: { number: string; suffix: string };
}

export interface BannerMessages {
  name: string;
  /** Follows the ordinal: 15e édition, 15th edition. */
  editionWord: string;
  datesToCome: string;
  dates: (start: string, end: string) => string;
  events: (count: string, n: number) => string;
  inPlace: (place: string) => string;
  countLoading: string;
  countUnavailable: string;
  /** No snapshot where the widget looked: the operator's problem, not the visitor's connection. */
  unavailable: string;
  stale: string;
  /** The call to action's default text in each phase (the partner's `cta` wins). */
  ctaByPhase: Record<EditionPhaseName, string>;
  /** After the week: "La 15e édition s'est tenue du 16 au 22 novembre 2026" (`ordinal` already set). */
  held: (edition: OrdinalText | undefined, dates: string) => Array<string | OrdinalText>;
  /** Data named by its events alone: "Programme du 2 au 9 mars 2023". */
  programmeDates: (dates: string) => string;
  /** During the week: "En cours : du 16 au 22 novembre 2026". */
  underWay: (dates: string) => string;
  /** The figure after the week, where the events were not "labellisés" any more but held. */
  pastEvents: (count: string, n: number) => string;
  /** The edition ahead has no event published yet. */
  programmeComing: string;
  /** After dates from a single unverified source, as the countdown beside it says them. */
  toConfirm: string;
  /** "Prochaine édition : du 15 au 21 novembre 2027". */
  nextEdition: (dates: string) => string;
  invalidDate: (value: string) => string;
  invalidEdition: (value: string) => string;
  invalidNumber: (value: string) => string;
  invalidRegion: (value: string) => string;
  invalidDepartment: (value: string) => string;
  invalidHref: string;
  endBeforeStart: string;
}

export const BANNER_MESSAGES: Record<Lang, BannerMessages> = {
  fr: {
    name: "Semaine de l'industrie",
    editionWord: 'édition',
    datesToCome: 'Dates à venir',
    dates: (start, end) => `du ${start} au ${end}`,
    events: (count, n) => `${count} ${n > 1 ? 'événements labellisés' : 'événement labellisé'}`,
    inPlace: (place) => `en ${place}`,
    countLoading: "Chargement du nombre d'événements…",
    countUnavailable: "Nombre d'événements indisponible pour le moment",
    unavailable: "Le programme n'est pas disponible pour le moment",
    stale: 'chiffre de la dernière mise à jour',
    ctaByPhase: {
      'programme-awaited': 'En savoir plus',
      'week-ahead': 'Découvrir les événements',
      'under-way': 'Trouver un événement',
      'week-over': 'Revoir le programme',
      'off-season': 'Revoir le programme',
    },
    held: (edition, dates) =>
      edition ? ['La ', edition, ` édition s’est tenue ${dates}`] : [`Le programme s’est tenu ${dates}`],
    programmeDates: (dates) => `Programme ${dates}`,
    underWay: (dates) => `En cours\u00a0: ${dates}`,
    pastEvents: (count, n) => `${count} ${n > 1 ? 'événements' : 'événement'}`,
    programmeComing: 'Programme en préparation\u00a0: les événements seront publiés prochainement',
    toConfirm: ' (à confirmer)',
    nextEdition: (dates) => `Prochaine édition\u00a0: ${dates}`,
    invalidDate: (value) => `date invalide « ${value} » (format attendu AAAA-MM-JJ)`,
    invalidEdition: (value) => `numéro d'édition invalide « ${value} »`,
    invalidNumber: (value) => `nombre d'événements invalide « ${value} »`,
    invalidRegion: (value) => `région inconnue « ${value} » (code INSEE ou nom attendu)`,
    invalidDepartment: (value) => `département inconnu « ${value} »`,
    invalidHref: 'lien invalide (URL http ou https attendue)',
    endBeforeStart: 'la date de fin précède la date de début',
  },
  en: {
    name: 'French Industry Week',
    editionWord: 'edition',
    datesToCome: 'Dates to be announced',
    dates: (start, end) => `from ${start} to ${end}`,
    events: (count, n) => `${count} labelled ${n === 1 ? 'event' : 'events'}`,
    inPlace: (place) => `in ${place}`,
    countLoading: 'Loading the number of events…',
    countUnavailable: 'Number of events unavailable for now',
    unavailable: 'The programme is not available for now',
    stale: 'figure from the last update',
    ctaByPhase: {
      'programme-awaited': 'Find out more',
      'week-ahead': 'Discover the events',
      'under-way': 'Find an event',
      'week-over': 'Browse the programme',
      'off-season': 'Browse the programme',
    },
    held: (edition, dates) => (edition ? ['The ', edition, ` edition took place ${dates}`] : [`The programme ran ${dates}`]),
    programmeDates: (dates) => `Programme ${dates}`,
    underWay: (dates) => `Under way: ${dates}`,
    pastEvents: (count, n) => `${count} ${n === 1 ? 'event' : 'events'}`,
    programmeComing: 'Programme in preparation: the events will be published soon',
    toConfirm: ' (to be confirmed)',
    nextEdition: (dates) => `Next edition: ${dates}`,
    invalidDate: (value) => `invalid date "${value}" (expected YYYY-MM-DD)`,
    invalidEdition: (value) => `invalid edition number "${value}"`,
    invalidNumber: (value) => `invalid number of events "${value}"`,
    invalidRegion: (value) => `unknown region "${value}" (INSEE code or name expected)`,
    invalidDepartment: (value) => `unknown department "${value}"`,
    invalidHref: 'invalid link (an http or https URL is expected)',
    endBeforeStart: 'the end date is before the start date',
  },
};
