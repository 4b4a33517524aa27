/**
 * The two custom fields of the sample agenda (event format and audience) and how each format
 * behaves: where it happens, how long it lasts, whom it is for. The option ids are deliberately
 * not the list positions (two formats were "added later" with ids 20 and 21) so that code which
 * confuses an option's id with its index fails on the sample, as it would on the real feed.
 */
import type { Bi } from './words.js';

export type AudienceKey =
  'collegiens' | 'lyceens' | 'apprentis' | 'etudiants' | 'demandeurs' | 'educatif' | 'parents' | 'rh' | 'grand-public';

export type FormatKey =
  | 'visite-entreprise'
  | 'visite-formation'
  | 'job-dating'
  | 'forum'
  | 'conference'
  | 'webinaire'
  | 'atelier'
  | 'exposition'
  | 'escape-game'
  | 'intervention'
  | 'portes-ouvertes'
  | 'visite-virtuelle';

/** Kinds of place an event can be held at; names come from `places.ts`. */
export type VenueKind = 'company' | 'school' | 'classroom' | 'employment' | 'public';

export interface Option<K extends string> {
  readonly key: K;
  readonly id: number;
  /** The option's slug as OpenAgenda derives it from the French label. */
  readonly value: string;
  readonly label: Bi;
}

export interface Audience extends Option<AudienceKey> {
  /** With its article, for running French text: "aux collégiens", "au grand public". */
  readonly toFr: string;
  readonly enPhrase: string;
}

export interface Format extends Option<FormatKey> {
  /** Relative frequency among on-site events. */
  readonly weight: number;
  readonly venues: readonly (readonly [VenueKind, number])[];
  /** Duration range and latest start, in minutes. */
  readonly minutes: readonly [min: number, max: number];
  readonly earliest: number;
  readonly latest: number;
  /** Share of weekend days this format gets relative to a weekday (1 = as often). */
  readonly weekend: number;
  /** One of these is always among the audiences (job dating → jobseekers…). */
  readonly primary: readonly (readonly [AudienceKey, number])[];
  /** Extra audiences, drawn without repetition. */
  readonly audiences: readonly (readonly [AudienceKey, number])[];
}

const A = (key: AudienceKey, id: number, value: string, fr: string, en: string, toFr: string, enPhrase: string): Audience => ({
  key,
  id,
  value,
  label: { fr, en },
  toFr,
  enPhrase,
});

export const AUDIENCES: readonly Audience[] = [
  A('collegiens', 11, 'collegiens', 'Collégiens', 'Middle-school pupils', 'aux collégiens', 'middle-school pupils'),
  A('lyceens', 12, 'lyceens', 'Lycéens', 'High-school students', 'aux lycéens', 'high-school students'),
  A('apprentis', 13, 'apprentis', 'Apprentis', 'Apprentices', 'aux apprentis', 'apprentices'),
  A('etudiants', 14, 'etudiants', 'Étudiants', 'Students', 'aux étudiants', 'students'),
  A('demandeurs', 15, 'demandeurs-demploi', "Demandeurs d'emploi", 'Jobseekers', "aux demandeurs d'emploi", 'jobseekers'),
  A(
    'educatif',
    16,
    'communaute-educative-enseignants',
    'Communauté éducative (enseignants)',
    'Teachers and education staff',
    'à la communauté éducative',
    'teaching staff',
  ),
  A('parents', 17, 'parents', 'Parents', 'Parents', 'aux parents', 'parents'),
  A(
    'rh',
    18,
    'professionnels-rh',
    'Professionnels RH',
    'HR professionals',
    'aux professionnels des ressources humaines',
    'HR professionals',
  ),
  A('grand-public', 19, 'grand-public', 'Grand public', 'General public', 'au grand public', 'the general public'),
];

export const AUDIENCE_BY_KEY: ReadonlyMap<AudienceKey, Audience> = new Map(AUDIENCES.map((a) => [a.key, a]));

const H = (h: number, m = 0): number => h * 60 + m;

export const FORMATS: readonly Format[] = [
  {
    key: 'visite-entreprise',
    id: 1,
    value: 'visite-dentreprise',
    label: { fr: "Visite d'entreprise", en: 'Company visit' },
    weight: 30,
    venues: [['company', 1]],
    minutes: [90, 180],
    earliest: H(8, 30),
    latest: H(15, 30),
    weekend: 0.15,
    primary: [
      ['lyceens', 3],
      ['collegiens', 3],
      ['demandeurs', 2],
      ['grand-public', 2],
      ['etudiants', 1],
    ],
    audiences: [
      ['collegiens', 3],
      ['lyceens', 4],
      ['apprentis', 2],
      ['etudiants', 2],
      ['demandeurs', 3],
      ['educatif', 2],
      ['parents', 0.5],
      ['rh', 0.3],
      ['grand-public', 2],
    ],
  },
  {
    key: 'visite-formation',
    id: 2,
    value: 'visite-detablissement-de-formation',
    label: { fr: "Visite d'établissement de formation", en: 'Training centre visit' },
    weight: 8,
    venues: [['school', 1]],
    minutes: [90, 180],
    earliest: H(8, 30),
    latest: H(15, 30),
    weekend: 0.4,
    primary: [
      ['collegiens', 4],
      ['lyceens', 3],
      ['demandeurs', 1],
    ],
    audiences: [
      ['collegiens', 4],
      ['lyceens', 4],
      ['parents', 3],
      ['demandeurs', 1],
      ['apprentis', 1],
      ['educatif', 1],
    ],
  },
  {
    key: 'job-dating',
    id: 3,
    value: 'job-dating',
    label: { fr: 'Job dating', en: 'Job dating' },
    weight: 8,
    venues: [
      ['employment', 5],
      ['company', 3],
      ['public', 2],
    ],
    minutes: [120, 240],
    earliest: H(9),
    latest: H(14),
    weekend: 0.05,
    primary: [['demandeurs', 1]],
    audiences: [
      ['apprentis', 2],
      ['etudiants', 2],
      ['lyceens', 0.5],
      ['grand-public', 1],
    ],
  },
  {
    key: 'forum',
    id: 4,
    value: 'forum-des-metiers',
    label: { fr: 'Forum des métiers', en: 'Careers fair' },
    weight: 6,
    venues: [
      ['public', 5],
      ['school', 2],
      ['employment', 2],
    ],
    minutes: [180, 420],
    earliest: H(8, 30),
    latest: H(13, 30),
    weekend: 0.6,
    primary: [
      ['lyceens', 3],
      ['collegiens', 3],
      ['demandeurs', 2],
      ['grand-public', 2],
    ],
    audiences: [
      ['collegiens', 3],
      ['lyceens', 4],
      ['demandeurs', 3],
      ['parents', 2],
      ['grand-public', 2],
      ['etudiants', 1],
    ],
  },
  {
    key: 'conference',
    id: 5,
    value: 'conference',
    label: { fr: 'Conférence', en: 'Talk' },
    weight: 7,
    venues: [
      ['public', 4],
      ['school', 2],
      ['company', 2],
    ],
    minutes: [60, 150],
    earliest: H(9),
    latest: H(18, 30),
    weekend: 0.1,
    primary: [
      ['grand-public', 3],
      ['rh', 1],
      ['etudiants', 1],
      ['educatif', 1],
    ],
    audiences: [
      ['grand-public', 3],
      ['rh', 2],
      ['etudiants', 2],
      ['educatif', 2],
      ['demandeurs', 1],
    ],
  },
  {
    key: 'webinaire',
    id: 6,
    value: 'webinaire-web-conference',
    label: { fr: 'Webinaire / web-conférence', en: 'Webinar' },
    weight: 0,
    venues: [
      ['public', 1],
      ['employment', 1],
    ],
    minutes: [45, 90],
    earliest: H(9, 30),
    latest: H(17, 30),
    weekend: 0.02,
    primary: [
      ['lyceens', 1],
      ['demandeurs', 1],
      ['educatif', 1],
      ['rh', 1],
      ['etudiants', 1],
    ],
    audiences: [
      ['educatif', 2],
      ['rh', 2],
      ['etudiants', 2],
      ['lyceens', 2],
      ['demandeurs', 2],
      ['grand-public', 2],
    ],
  },
  {
    key: 'atelier',
    id: 7,
    value: 'atelier',
    label: { fr: 'Atelier', en: 'Workshop' },
    weight: 9,
    venues: [
      ['school', 3],
      ['public', 3],
      ['company', 2],
    ],
    minutes: [60, 180],
    earliest: H(9),
    latest: H(16),
    weekend: 0.5,
    primary: [
      ['collegiens', 4],
      ['lyceens', 2],
      ['grand-public', 2],
    ],
    audiences: [
      ['collegiens', 4],
      ['lyceens', 3],
      ['grand-public', 2],
      ['parents', 1],
    ],
  },
  {
    key: 'exposition',
    id: 8,
    value: 'exposition',
    label: { fr: 'Exposition', en: 'Exhibition' },
    weight: 4,
    venues: [
      ['public', 5],
      ['school', 1],
      ['company', 1],
    ],
    minutes: [240, 540],
    earliest: H(9),
    latest: H(14),
    weekend: 0.9,
    primary: [['grand-public', 1]],
    audiences: [
      ['collegiens', 2],
      ['lyceens', 1],
      ['parents', 1],
    ],
  },
  {
    key: 'escape-game',
    id: 9,
    value: 'escape-game',
    label: { fr: 'Escape game', en: 'Escape game' },
    weight: 2,
    venues: [
      ['school', 3],
      ['public', 3],
      ['employment', 1],
    ],
    minutes: [45, 90],
    earliest: H(9),
    latest: H(17),
    weekend: 0.5,
    primary: [
      ['collegiens', 1],
      ['lyceens', 1],
    ],
    audiences: [
      ['collegiens', 4],
      ['lyceens', 4],
      ['grand-public', 1],
      ['demandeurs', 1],
    ],
  },
  {
    key: 'intervention',
    id: 10,
    value: 'intervention-en-classe',
    label: { fr: 'Intervention en classe', en: 'Classroom talk' },
    weight: 10,
    venues: [['classroom', 1]],
    minutes: [55, 120],
    earliest: H(8),
    latest: H(16),
    weekend: 0,
    primary: [
      ['collegiens', 6],
      ['lyceens', 5],
    ],
    audiences: [
      ['collegiens', 2],
      ['lyceens', 2],
      ['educatif', 3],
      ['apprentis', 0.5],
    ],
  },
  {
    key: 'portes-ouvertes',
    id: 20,
    value: 'journee-portes-ouvertes',
    label: { fr: 'Journée portes ouvertes', en: 'Open day' },
    weight: 8,
    venues: [
      ['company', 7],
      ['school', 3],
    ],
    minutes: [180, 480],
    earliest: H(8, 30),
    latest: H(14),
    weekend: 1.2,
    primary: [
      ['grand-public', 3],
      ['parents', 1],
      ['lyceens', 1],
    ],
    audiences: [
      ['grand-public', 4],
      ['parents', 3],
      ['lyceens', 2],
      ['collegiens', 2],
      ['demandeurs', 2],
    ],
  },
  {
    key: 'visite-virtuelle',
    id: 21,
    value: 'visite-virtuelle',
    label: { fr: 'Visite virtuelle', en: 'Virtual tour' },
    weight: 1,
    venues: [
      ['school', 2],
      ['public', 1],
    ],
    minutes: [30, 75],
    earliest: H(9),
    latest: H(17),
    weekend: 0.1,
    primary: [
      ['collegiens', 3],
      ['lyceens', 3],
      ['grand-public', 2],
    ],
    audiences: [
      ['collegiens', 3],
      ['lyceens', 3],
      ['grand-public', 2],
      ['educatif', 1],
    ],
  },
];

export const FORMAT_BY_KEY: ReadonlyMap<FormatKey, Format> = new Map(FORMATS.map((f) => [f.key, f]));

/** Formats of online-only events: a factory cannot be visited through a webinar link. */
export const ONLINE_FORMATS: readonly (readonly [FormatKey, number])[] = [
  ['webinaire', 12],
  ['visite-virtuelle', 6],
  ['conference', 2],
  ['job-dating', 1],
];

/** Formats of events held on site and streamed. */
export const MIXED_FORMATS: readonly (readonly [FormatKey, number])[] = [
  ['conference', 5],
  ['webinaire', 3],
  ['forum', 2],
  ['job-dating', 1],
];

export const ATTENDANCE_LABELS: readonly Option<'offline' | 'online' | 'mixed'>[] = [
  { key: 'offline', id: 1, value: 'offline', label: { fr: 'Sur place', en: 'In situ' } },
  { key: 'online', id: 2, value: 'online', label: { fr: 'En ligne', en: 'Online' } },
  { key: 'mixed', id: 3, value: 'mixed', label: { fr: 'Mixte', en: 'Mixed' } },
];

export const STATUS_LABELS: readonly Option<string>[] = [
  { key: 'scheduled', id: 1, value: 'scheduled', label: { fr: 'Programmé', en: 'Scheduled' } },
  { key: 'rescheduled', id: 2, value: 'rescheduled', label: { fr: 'Re-programmé', en: 'Re-scheduled' } },
  { key: 'movedOnline', id: 3, value: 'movedOnline', label: { fr: 'Déplacé en ligne', en: 'Moved online' } },
  { key: 'postponed', id: 4, value: 'postponed', label: { fr: 'Reporté', en: 'Postponed' } },
  { key: 'full', id: 5, value: 'full', label: { fr: 'Complet', en: 'Full' } },
  { key: 'cancelled', id: 6, value: 'cancelled', label: { fr: 'Annulé', en: 'Canceled' } },
];
