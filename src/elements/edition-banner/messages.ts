import type { Lang } from '../../model/types.js';

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
  cta: string;
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
    cta: 'Découvrir les événements',
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
    cta: 'Discover the events',
    invalidDate: (value) => `invalid date "${value}" (expected YYYY-MM-DD)`,
    invalidEdition: (value) => `invalid edition number "${value}"`,
    invalidNumber: (value) => `invalid number of events "${value}"`,
    invalidRegion: (value) => `unknown region "${value}" (INSEE code or name expected)`,
    invalidDepartment: (value) => `unknown department "${value}"`,
    invalidHref: 'invalid link (an http or https URL is expected)',
    endBeforeStart: 'the end date is before the start date',
  },
};
