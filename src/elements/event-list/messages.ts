import type { AccessibilityKey } from '../../filters/filter-state.js';
import type { EventStatus, Lang } from '../../model/types.js';

export interface ListMessages {
  listLabel: string;
  filtersLabel: string;
  region: string;
  allRegions: string;
  department: string;
  allDepartments: string;
  city: string;
  cityHint: string;
  type: string;
  allTypes: string;
  audience: string;
  allAudiences: string;
  several: (n: number) => string;
  dates: string;
  from: string;
  to: string;
  today: string;
  thisWeek: string;
  editionWeek: string;
  attendance: string;
  attendanceAny: string;
  onsite: string;
  online: string;
  mixed: string;
  accessibility: string;
  access: Record<AccessibilityKey, string>;
  search: string;
  searchHint: string;
  near: string;
  nearActive: string;
  nearLocating: string;
  nearDenied: string;
  nearUnavailable: string;
  nearOff: string;
  clear: string;
  moreFilters: (active: number) => string;
  count: (formatted: string, n: number) => string;
  countNone: string;
  shown: (shown: string, total: string) => string;
  more: (shown: string, total: string) => string;
  seeAll: string;
  loading: string;
  error: string;
  /** No snapshot where the widget looked: the operator's problem, not the visitor's connection. */
  unavailable: string;
  retry: string;
  staleNote: string;
  /** `sync-url` on a second list of the page, not of the first one's group. */
  urlTaken: string;
  staleError: string;
  skipped: (formatted: string, n: number) => string;
  emptyFiltered: (criteria: string) => string;
  emptyNone: string;
  emptyUpcoming: string;
  showPast: string;
  /**
   * The year around the week (#13). `ordinal` is the edition's ("15e", "15th"), absent for data
   * named by its events' dates alone; `dates` a sentence fragment ("du 16 au 22 novembre 2026").
   */
  editionHeld: (ordinal: string | undefined, dates: string | undefined) => string;
  /** The one action after the week; with `ordinal`, the past edition seen from the next one's. */
  showEdition: (formatted: string, n: number, ordinal?: string) => string;
  /** After the week, filters that match none of the edition's events. */
  editionNoMatch: (criteria: string) => string;
  programmeComing: (ordinal: string | undefined, dates: string | undefined) => string;
  /** Above past events shown after the week. */
  pastNote: (ordinal: string | undefined, dates: string | undefined) => string;
  /** On the card of an event that is over. */
  pastBadge: string;
  status: Record<Exclude<EventStatus, 'scheduled'>, string>;
  kilometres: (formatted: string) => string;
  moreSlots: (n: number) => string;
  /** Below a detail's capped list of slots: `formatted` is `n` with the language's digit grouping. */
  slotsNotShown: (formatted: string, n: number) => string;
  openDetail: string;
  /** The detail's code could not be fetched (offline, blocked by the host page). */
  detailUnavailable: string;
  close: string;
  description: string;
  descriptionLoading: string;
  detailsFailed: string;
  conditions: string;
  age: (min?: number, max?: number) => string;
  slots: string;
  place: string;
  registration: string;
  registerLink: string;
  registerEmail: (address: string) => string;
  registerPhone: (phone: string) => string;
  onlineLink: string;
  openAgenda: string;
  addToCalendar: string;
  share: string;
  copied: string;
  copyFailed: string;
  calendarSaved: string;
  newWindow: string;
  imageCredits: (credits: string) => string;
  criteria: {
    region: (name: string) => string;
    department: (name: string) => string;
    city: (value: string) => string;
    types: (labels: string) => string;
    audiences: (labels: string) => string;
    dates: (range: string) => string;
    attendance: (value: string) => string;
    accessibility: (labels: string) => string;
    q: (value: string) => string;
  };
  invalidPageSize: (value: string) => string;
  invalidSort: (value: string) => string;
  invalidLayout: (value: string) => string;
  invalidLimit: (value: string) => string;
  invalidFilters: (value: string) => string;
  invalidHref: string;
  broken: string;
}

export const LIST_MESSAGES: Record<Lang, ListMessages> = {
  fr: {
    listLabel: 'Événements de la Semaine de l’industrie',
    filtersLabel: 'Filtrer les événements',
    region: 'Région',
    allRegions: 'Toutes les régions',
    department: 'Département',
    allDepartments: 'Tous les départements',
    city: 'Ville ou code postal',
    cityHint: 'Ex. : Lyon ou 69003',
    type: 'Format',
    allTypes: 'Tous les formats',
    audience: 'Public',
    allAudiences: 'Tous les publics',
    several: (n) => `${n} choix`,
    dates: 'Dates',
    from: 'Du',
    to: 'Au',
    today: 'Aujourd’hui',
    thisWeek: 'Cette semaine',
    editionWeek: 'Semaine de l’industrie',
    attendance: 'Sur place ou en ligne',
    attendanceAny: 'Sur place et en ligne',
    onsite: 'Sur place',
    online: 'En ligne',
    mixed: 'Sur place et en ligne',
    accessibility: 'Accessibilité',
    access: {
      hi: 'Handicap auditif',
      vi: 'Handicap visuel',
      pi: 'Handicap psychique',
      mi: 'Handicap moteur',
      ii: 'Handicap intellectuel',
    },
    search: 'Rechercher',
    searchHint: 'Mot-clé, entreprise, métier…',
    near: 'Près de moi',
    nearActive: 'Triés du plus proche au plus loin de votre position',
    nearLocating: 'Recherche de votre position…',
    nearDenied: 'Votre position n’est pas disponible (autorisation refusée). Vous pouvez choisir une ville à la place.',
    nearUnavailable: 'Votre position n’a pas pu être déterminée. Vous pouvez choisir une ville à la place.',
    nearOff: 'Ne plus trier par distance',
    clear: 'Effacer les filtres',
    moreFilters: (active) => (active > 0 ? `Filtres (${active} actif${active > 1 ? 's' : ''})` : 'Filtres'),
    count: (formatted, n) => `${formatted} ${n > 1 ? 'événements' : 'événement'}`,
    countNone: 'Aucun événement',
    shown: (shown, total) => `${shown} sur ${total} affichés`,
    more: (shown, total) => `Voir plus d’événements (${shown} sur ${total} affichés)`,
    seeAll: 'Voir tous les événements',
    loading: 'Chargement des événements…',
    error: 'Les événements n’ont pas pu être chargés. Vérifiez votre connexion puis réessayez.',
    unavailable: 'Le programme n’est pas disponible pour le moment.',
    retry: 'Réessayer',
    staleNote: 'Données de la dernière mise à jour : elles peuvent avoir changé depuis.',
    urlTaken: "une autre liste de la page garde déjà ses filtres dans l'adresse (donnez-leur le même group).",
    staleError: 'La mise à jour a échoué : les événements affichés sont ceux de la dernière mise à jour.',
    skipped: (formatted, n) =>
      `${formatted} ${n > 1 ? 'événements n’ont pas pu être affichés' : 'événement n’a pas pu être affiché'} (données incomplètes).`,
    emptyFiltered: (criteria) => `Aucun événement ne correspond à vos filtres (${criteria}).`,
    emptyNone: 'Aucun événement pour le moment.',
    emptyUpcoming: 'Aucun événement à venir : les événements de cette sélection sont passés.',
    showPast: 'Voir les événements passés',
    editionHeld: (ordinal, dates) =>
      ordinal
        ? `La ${ordinal} édition ${dates ? `s’est tenue ${dates}` : 'est terminée'}.`
        : `Le programme ${dates ? `s’est tenu ${dates}` : 'est terminé'}.`,
    showEdition: (formatted, n, ordinal) =>
      n > 1
        ? `Voir les ${formatted} événements de ${ordinal ? `la ${ordinal} édition` : 'l’édition'}`
        : `Voir l’événement de ${ordinal ? `la ${ordinal} édition` : 'l’édition'}`,
    editionNoMatch: (criteria) => `Aucun de ses événements ne correspond à vos filtres (${criteria}).`,
    programmeComing: (ordinal, dates) =>
      `Le programme ${ordinal ? `de la ${ordinal} édition${dates ? ` (${dates})` : ''} ` : ''}sera publié prochainement.`,
    pastNote: (ordinal, dates) =>
      `Événements passés ${ordinal ? `de la ${ordinal} édition` : 'du programme'}${dates ? ` (${dates})` : ''}`,
    pastBadge: 'Passé',
    status: {
      cancelled: 'Annulé',
      full: 'Complet',
      postponed: 'Reporté',
      'moved-online': 'Déplacé en ligne',
      rescheduled: 'Reprogrammé',
    },
    kilometres: (formatted) => `à ${formatted} km`,
    moreSlots: (n) => `et ${n} autre${n > 1 ? 's' : ''} horaire${n > 1 ? 's' : ''}`,
    slotsNotShown: (formatted, n) =>
      `et ${formatted} autre${n > 1 ? 's' : ''} horaire${n > 1 ? 's' : ''} non affiché${n > 1 ? 's' : ''}`,
    openDetail: 'Voir le détail',
    detailUnavailable: 'Le détail de l’événement ne peut pas être affiché pour le moment. Réessayez plus tard.',
    close: 'Fermer',
    description: 'Description',
    descriptionLoading: 'Chargement de la description…',
    detailsFailed:
      'Le détail complet (inscription, conditions) n’a pas pu être chargé. Réessayez plus tard ou consultez la page OpenAgenda.',
    conditions: 'Conditions',
    age: (min, max) =>
      min !== undefined && max !== undefined
        ? `De ${min} à ${max} ans`
        : min !== undefined
          ? `À partir de ${min} ans`
          : `Jusqu’à ${max ?? ''} ans`,
    slots: 'Dates et horaires',
    place: 'Lieu',
    registration: 'Inscription',
    registerLink: 'S’inscrire en ligne',
    registerEmail: (address) => `Par e-mail : ${address}`,
    registerPhone: (phone) => `Par téléphone : ${phone}`,
    onlineLink: 'Lien pour participer en ligne',
    openAgenda: 'Voir la page de l’événement sur OpenAgenda',
    addToCalendar: 'Ajouter à mon agenda',
    share: 'Partager',
    copied: 'Lien copié',
    copyFailed: 'Le lien n’a pas pu être copié : sélectionnez-le ci-dessous.',
    calendarSaved: 'Fichier d’agenda téléchargé',
    newWindow: '(nouvelle fenêtre)',
    imageCredits: (credits) => `Crédits : ${credits}`,
    criteria: {
      region: (name) => `région ${name}`,
      department: (name) => `département ${name}`,
      city: (value) => `ville « ${value} »`,
      types: (labels) => `format ${labels}`,
      audiences: (labels) => `public ${labels}`,
      dates: (range) => `dates ${range}`,
      attendance: (value) => value.toLowerCase(),
      accessibility: (labels) => `accessibilité : ${labels}`,
      q: (value) => `recherche « ${value} »`,
    },
    invalidPageSize: (value) => `taille de page invalide « ${value} » (nombre entier positif attendu)`,
    invalidSort: (value) => `tri inconnu « ${value} » (date, distance ou title attendu)`,
    invalidLayout: (value) => `présentation inconnue « ${value} » (list, compact ou grid attendu)`,
    invalidLimit: (value) => `limite invalide « ${value} » (nombre entier positif attendu)`,
    invalidFilters: (value) =>
      `filtre inconnu « ${value} » (region, department, city, type, audience, date, attendance, accessibility, search, near ou none attendus)`,
    invalidHref: 'lien invalide (URL http ou https attendue)',
    broken: 'Les événements ne peuvent pas être affichés pour le moment.',
  },
  en: {
    listLabel: 'French Industry Week events',
    filtersLabel: 'Filter the events',
    region: 'Region',
    allRegions: 'All regions',
    department: 'Department',
    allDepartments: 'All departments',
    city: 'Town or postcode',
    cityHint: 'E.g. Lyon or 69003',
    type: 'Format',
    allTypes: 'All formats',
    audience: 'Audience',
    allAudiences: 'All audiences',
    several: (n) => `${n} choices`,
    dates: 'Dates',
    from: 'From',
    to: 'To',
    today: 'Today',
    thisWeek: 'This week',
    editionWeek: 'Industry Week',
    attendance: 'On site or online',
    attendanceAny: 'On site and online',
    onsite: 'On site',
    online: 'Online',
    mixed: 'On site and online',
    accessibility: 'Accessibility',
    access: {
      hi: 'Hearing impairment',
      vi: 'Visual impairment',
      pi: 'Mental health condition',
      mi: 'Reduced mobility',
      ii: 'Intellectual disability',
    },
    search: 'Search',
    searchHint: 'Keyword, company, trade…',
    near: 'Near me',
    nearActive: 'Sorted from nearest to furthest from your position',
    nearLocating: 'Finding your position…',
    nearDenied: 'Your position is not available (permission denied). You can choose a town instead.',
    nearUnavailable: 'Your position could not be determined. You can choose a town instead.',
    nearOff: 'Stop sorting by distance',
    clear: 'Clear filters',
    moreFilters: (active) => (active > 0 ? `Filters (${active} active)` : 'Filters'),
    count: (formatted, n) => `${formatted} ${n === 1 ? 'event' : 'events'}`,
    countNone: 'No events',
    shown: (shown, total) => `${shown} of ${total} shown`,
    more: (shown, total) => `Show more events (${shown} of ${total} shown)`,
    seeAll: 'See all events',
    loading: 'Loading events…',
    error: 'The events could not be loaded. Check your connection and try again.',
    unavailable: 'The programme is not available for now.',
    retry: 'Try again',
    staleNote: 'Data from the last update: it may have changed since.',
    urlTaken: 'another list on this page already keeps its filters in the address (give them the same group).',
    staleError: 'The update failed: the events shown are from the last update.',
    skipped: (formatted, n) => `${formatted} ${n === 1 ? 'event' : 'events'} could not be shown (incomplete data).`,
    emptyFiltered: (criteria) => `No events match your filters (${criteria}).`,
    emptyNone: 'No events for now.',
    emptyUpcoming: 'No upcoming events: the events of this selection are over.',
    showPast: 'Show past events',
    editionHeld: (ordinal, dates) =>
      ordinal
        ? `The ${ordinal} edition ${dates ? `took place ${dates}` : 'is over'}.`
        : `The programme ${dates ? `ran ${dates}` : 'is over'}.`,
    showEdition: (formatted, n, ordinal) =>
      `Show ${n > 1 ? `the ${formatted} events` : 'the event'} of the ${ordinal ? `${ordinal} ` : ''}edition`,
    editionNoMatch: (criteria) => `None of its events match your filters (${criteria}).`,
    programmeComing: (ordinal, dates) =>
      `The programme ${ordinal ? `of the ${ordinal} edition${dates ? ` (${dates})` : ''} ` : ''}will be published soon.`,
    pastNote: (ordinal, dates) =>
      `Past events of the ${ordinal ? `${ordinal} edition` : 'programme'}${dates ? ` (${dates})` : ''}`,
    pastBadge: 'Past',
    status: {
      cancelled: 'Cancelled',
      full: 'Fully booked',
      postponed: 'Postponed',
      'moved-online': 'Moved online',
      rescheduled: 'Rescheduled',
    },
    kilometres: (formatted) => `${formatted} km away`,
    moreSlots: (n) => `and ${n} more ${n > 1 ? 'times' : 'time'}`,
    slotsNotShown: (formatted, n) => `and ${formatted} more ${n > 1 ? 'times' : 'time'} not shown`,
    openDetail: 'See details',
    detailUnavailable: 'The event details cannot be shown for now. Please try again later.',
    close: 'Close',
    description: 'Description',
    descriptionLoading: 'Loading the description…',
    detailsFailed: 'The full details (registration, conditions) could not be loaded. Try again later or see the OpenAgenda page.',
    conditions: 'Conditions',
    age: (min, max) =>
      min !== undefined && max !== undefined
        ? `Ages ${min} to ${max}`
        : min !== undefined
          ? `Ages ${min} and up`
          : `Up to age ${max ?? ''}`,
    slots: 'Dates and times',
    place: 'Place',
    registration: 'Registration',
    registerLink: 'Register online',
    registerEmail: (address) => `By e-mail: ${address}`,
    registerPhone: (phone) => `By phone: ${phone}`,
    onlineLink: 'Link to take part online',
    openAgenda: 'See the event’s page on OpenAgenda',
    addToCalendar: 'Add to my calendar',
    share: 'Share',
    copied: 'Link copied',
    copyFailed: 'The link could not be copied: select it below.',
    calendarSaved: 'Calendar file downloaded',
    newWindow: '(new window)',
    imageCredits: (credits) => `Credits: ${credits}`,
    criteria: {
      region: (name) => `region ${name}`,
      department: (name) => `department ${name}`,
      city: (value) => `town "${value}"`,
      types: (labels) => `format ${labels}`,
      audiences: (labels) => `audience ${labels}`,
      dates: (range) => `dates ${range}`,
      attendance: (value) => value.toLowerCase(),
      accessibility: (labels) => `accessibility: ${labels}`,
      q: (value) => `search "${value}"`,
    },
    invalidPageSize: (value) => `invalid page size "${value}" (a positive whole number is expected)`,
    invalidSort: (value) => `unknown sort "${value}" (date, distance or title expected)`,
    invalidLayout: (value) => `unknown layout "${value}" (list, compact or grid expected)`,
    invalidLimit: (value) => `invalid limit "${value}" (a positive whole number is expected)`,
    invalidFilters: (value) =>
      `unknown filter "${value}" (region, department, city, type, audience, date, attendance, accessibility, search, near or none expected)`,
    invalidHref: 'invalid link (an http or https URL is expected)',
    broken: 'The events cannot be shown for now.',
  },
};
