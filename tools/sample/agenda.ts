/**
 * The agenda configuration, as `GET /v2/agendas/{uid}?detailed=1` returns it: the widgets read
 * the labels of the custom fields (formats, audiences) from `schema.fields` at run time, so the
 * sample carries the standard fields around them too, in the shape of a real national agenda.
 */
import { ATTENDANCE_LABELS, AUDIENCES, FORMATS, STATUS_LABELS, type Option } from './catalog.js';
import { frenchDate } from './timings.js';

export const FORMAT_FIELD = 'types-devenement';
export const AUDIENCE_FIELD = 'type-de-public';

export interface AgendaInput {
  readonly uid: number;
  readonly slug: string;
  readonly year: number;
  readonly start: string;
  readonly end: string;
  /** Labelling tolerance around the edition, as ISO dates, for the timings field. */
  readonly enabledFrom: string;
  readonly enabledTo: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedEvents: { readonly passed: number; readonly current: number; readonly upcoming: number };
  readonly languages: Readonly<Record<string, number>>;
}

const bi = (fr: string, en: string): { fr: string; en: string } => ({ fr, en });

function options<K extends string>(list: readonly Option<K>[]): Record<string, unknown>[] {
  return list.map((o) => ({ id: o.id, value: o.value, label: { fr: o.label.fr, en: o.label.en }, info: null, display: true }));
}

function customField(
  field: string,
  fieldType: 'radio' | 'checkbox',
  label: { fr: string; en: string },
  list: readonly Option<string>[],
  info: { fr: string; en: string },
): Record<string, unknown> {
  return {
    field,
    label,
    help: null,
    helpLink: null,
    helpContent: null,
    info,
    sub: null,
    placeholder: null,
    write: null,
    read: null,
    optional: false,
    display: true,
    enable: true,
    origin: 'tags',
    enableWith: null,
    optionalWith: null,
    related: { enable: [], optional: [], other: [] },
    selfHandled: [],
    ...(fieldType === 'checkbox' ? { min: 1, max: 3 } : {}),
    options: options(list),
    fieldType,
    schemaId: 51234,
    schemaType: 'network',
  };
}

function standard(
  field: string,
  fieldType: string,
  label: { fr: string; en: string } | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { field, fieldType, ...(label ? { label } : {}), optional: true, schemaId: null, schemaType: 'event', ...extra };
}

export function buildAgenda(input: AgendaInput): Record<string, unknown> {
  const fields: Record<string, unknown>[] = [
    standard('title', 'text', bi("Titre de l'événement", 'Event title'), { optional: false, max: 140, languages: [] }),
    standard('description', 'text', bi('Description courte', 'Short description'), { optional: false, max: 200, languages: [] }),
    standard('longDescription', 'longDescription', bi('Description', 'Description'), { max: 10000, languages: [] }),
    standard('conditions', 'text', bi('Conditions de participation', 'Conditions'), { max: 255, languages: [] }),
    standard('keywords', 'keywords', bi('Mots clés', 'Keywords'), { max: 255, languages: [] }),
    standard('image', 'image', bi("Image de l'événement", 'Event image'), {
      imageWithSizeAndVariants: true,
      extensions: ['jpg', 'jpeg', 'png', 'webp'],
    }),
    standard('imageCredits', 'text', bi("Crédits de l'image", 'Image credits'), { enableWith: 'image', max: 255 }),
    customField(
      FORMAT_FIELD,
      'radio',
      bi("Type d'événement", 'Event type'),
      FORMATS,
      bi('Choisissez le format de votre événement.', 'Choose the format of your event.'),
    ),
    customField(
      AUDIENCE_FIELD,
      'checkbox',
      bi('Type de public', 'Audience'),
      AUDIENCES,
      bi('À quels publics votre événement s’adresse-t-il ? (3 au plus)', 'Who is your event for? (up to 3)'),
    ),
    standard('attendanceMode', 'radio', bi('Mode de participation', 'Attendance mode'), {
      optional: false,
      default: 1,
      display: true,
      options: options(ATTENDANCE_LABELS),
    }),
    standard('onlineAccessLink', 'link', bi("Lien d'accès", 'Access link'), {
      optional: false,
      enableWith: { field: 'attendanceMode', value: [2, 3] },
    }),
    standard('location', 'location', bi('Lieu', 'Location'), {
      optional: false,
      optionalWith: { field: 'attendanceMode', value: 2 },
    }),
    standard('timings', 'timings', bi('Horaires', 'Timings'), {
      optional: false,
      max: 800,
      enabledRanges: [{ begin: input.enabledFrom, end: input.enabledTo }],
    }),
    standard('registration', 'registration', bi("Outils d'inscription", 'Registration')),
    standard('age', 'age', bi('Âge du public ciblé', 'Targeted public age'), { display: false }),
    standard('accessibility', 'accessibility', bi('Accessibilité', 'Accessibility')),
    standard('status', 'select', bi('État', 'Status'), { default: 1, display: false, options: options(STATUS_LABELS) }),
    standard('featured', 'boolean', null, { default: false, write: ['internal', 'administrator', 'moderator'] }),
    ...['uid', 'slug', 'timezone', 'createdAt', 'updatedAt', 'creatorUid', 'ownerUid', 'agendaUid', 'private', 'draft'].map((f) =>
      standard(
        f,
        f.endsWith('At')
          ? 'date'
          : f === 'private' || f === 'draft'
            ? 'boolean'
            : f.endsWith('Uid') || f === 'uid'
              ? 'integer'
              : 'text',
        null,
        {
          write: ['internal'],
        },
      ),
    ),
  ];
  return {
    uid: input.uid,
    title: `Semaine de l'industrie ${input.year}`,
    // Sample data: the description says so, so that a demo built on it is never mistaken for the
    // real programme (the 2026 edition's theme is not known, and is not invented here).
    description: `Données d'exemple : événements fictifs générés pour la démonstration et les tests, sur le modèle de la Semaine de l'industrie (du ${frenchDate(input.start)} au ${frenchDate(input.end)}).`,
    slug: input.slug,
    url: 'https://www.semaine-industrie.gouv.fr/',
    official: 1,
    networkUid: null,
    locationSetUid: null,
    updatedAt: input.updatedAt,
    createdAt: input.createdAt,
    memberSchemaId: null,
    officializedAt: null,
    image: null,
    private: 0,
    indexed: 1,
    summary: {
      publishedEvents: input.publishedEvents,
      languages: input.languages,
    },
    schema: { custom: {}, fields },
  };
}
