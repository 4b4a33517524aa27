/**
 * The labels of the agenda's own choice fields (event format, audience), read from
 * `GET /v2/agendas/{uid}?detailed=1`. Field codes change with each edition's agenda, so they
 * are detected from the schema unless the configuration names them.
 */
import { fold } from '../geo/fold.js';
import { asArray, asPositiveInteger, asString, isRecord, type UnknownRecord } from './guards.js';
import { isEmptyText, localText, TITLE_MAX_LENGTH } from './text.js';
import type { Choice, FeedSchema } from './types.js';

export interface SchemaOptions {
  /** Code of the event-format field, when known; detection is skipped for it. */
  typeField?: string;
  /** Code of the audience field, when known. */
  audienceField?: string;
}

const CHOICE_FIELD_TYPES = new Set(['radio', 'checkbox', 'select', 'multiselect']);

// OpenAgenda's built-in fields. Some of them carry options too (attendanceMode, status), and
// "age" is labelled "Âge du public ciblé": none of them may be mistaken for an agenda's own field.
const STANDARD_FIELDS = new Set([
  'uid',
  'slug',
  'title',
  'description',
  'longDescription',
  'conditions',
  'keywords',
  'image',
  'imageCredits',
  'age',
  'registration',
  'accessibility',
  'location',
  'locationUid',
  'timings',
  'attendanceMode',
  'onlineAccessLink',
  'status',
  'state',
  'private',
  'timezone',
  'draft',
  'createdAt',
  'creatorUid',
  'ownerUid',
  'updatedAt',
  'agendaUid',
  'fileKey',
  'references',
  'links',
  'extIds',
  'featured',
  'member',
  'originAgenda',
  'sourceAgendas',
  'dateRange',
  'firstTiming',
  'lastTiming',
  'nextTiming',
  'country',
  'motive',
  'organizatorName',
  'organizatorContact',
]);

interface ChoiceField {
  code: string;
  /** Folded label texts, fr then en. */
  labels: string[];
  choices: Choice[];
}

type Kind = 'type' | 'audience';

// Known codes win over anything guessed from wording; a code match wins over a label match.
const KNOWN_CODES: Record<Kind, readonly string[]> = {
  type: ['types-devenement', 'type-devenement', 'types-de-manifestation', 'type-de-manifestation', 'format', 'formats'],
  audience: ['type-de-public', 'types-de-public', 'types-de-publics', 'public', 'publics', 'audience'],
};

const EVENT_WORDS = new Set([
  'evenement',
  'evenements',
  'devenement',
  'devenements',
  'manifestation',
  'manifestations',
  'event',
  'events',
  'animation',
  'animations',
]);
const AUDIENCE_WORDS = new Set(['public', 'publics', 'audience', 'audiences']);

function matchesWording(folded: string, kind: Kind): boolean {
  const words = folded.split(' ');
  if (kind === 'audience') return words.some((w) => AUDIENCE_WORDS.has(w));
  if (words.some((w) => AUDIENCE_WORDS.has(w))) return false;
  if (words.includes('format') || words.includes('formats')) return true;
  return (words.includes('type') || words.includes('types')) && words.some((w) => EVENT_WORDS.has(w));
}

function score(field: ChoiceField, kind: Kind): number {
  if (KNOWN_CODES[kind].includes(field.code.toLowerCase())) return 3;
  if (matchesWording(fold(field.code), kind)) return 2;
  return field.labels.some((label) => matchesWording(label, kind)) ? 1 : 0;
}

function bestField(fields: readonly ChoiceField[], kind: Kind, exclude?: string): ChoiceField | undefined {
  let best: ChoiceField | undefined;
  let bestScore = 0;
  for (const field of fields) {
    if (field.code === exclude) continue;
    const s = score(field, kind);
    if (s > bestScore) [best, bestScore] = [field, s];
  }
  return best;
}

function readChoices(options: unknown): Choice[] {
  const choices: Choice[] = [];
  const seen = new Set<number>();
  for (const option of asArray(options)) {
    if (!isRecord(option)) continue;
    const id = asPositiveInteger(option['id']);
    if (id === undefined || seen.has(id)) continue;
    let label = localText(option['label'], TITLE_MAX_LENGTH);
    // A choice without a label still has a human-readable `value` slug; better than a blank chip.
    if (isEmptyText(label)) label = localText(option['value'], TITLE_MAX_LENGTH);
    seen.add(id);
    choices.push({ id, label });
  }
  return choices;
}

function isCustomChoiceField(field: UnknownRecord, code: string): boolean {
  if (STANDARD_FIELDS.has(code)) return false;
  // Built-in fields are declared with schemaType "event"; an agenda's or network's own fields
  // carry their schema's id. Either sign is enough to exclude a field we do not know by name.
  if (field['schemaType'] === 'event') return false;
  const fieldType = asString(field['fieldType']);
  return fieldType !== undefined && CHOICE_FIELD_TYPES.has(fieldType) && Array.isArray(field['options']);
}

function readFieldList(agenda: unknown): readonly unknown[] {
  if (Array.isArray(agenda)) return agenda;
  if (!isRecord(agenda)) return [];
  const holder = isRecord(agenda['agenda']) ? agenda['agenda'] : agenda;
  const schema = holder['schema'];
  if (isRecord(schema)) return asArray(schema['fields']);
  return asArray(holder['fields']);
}

function customChoiceFields(agenda: unknown): ChoiceField[] {
  const fields: ChoiceField[] = [];
  for (const raw of readFieldList(agenda)) {
    if (!isRecord(raw)) continue;
    const code = asString(raw['field'])?.trim();
    if (!code || !isCustomChoiceField(raw, code)) continue;
    const label = localText(raw['label'], TITLE_MAX_LENGTH);
    const labels = [label.fr, label.en].filter((l): l is string => !!l).map(fold);
    fields.push({ code, labels, choices: readChoices(raw['options']) });
  }
  return fields;
}

/**
 * The feed schema of an agenda: which custom fields hold the event format and the audience, and
 * the labels of their choices. Accepts the agenda object (or `{agenda}` wrapper, or a bare
 * `fields` array); anything unreadable gives an empty schema rather than an error, since the
 * events remain showable without their format chips.
 */
export function schemaFromAgenda(agenda: unknown, options: SchemaOptions = {}): FeedSchema {
  const fields = customChoiceFields(agenda);
  const byCode = (code: string | undefined) => (code ? fields.find((f) => f.code === code) : undefined);

  const typeField = options.typeField ? byCode(options.typeField) : bestField(fields, 'type', options.audienceField);
  const audienceField = options.audienceField
    ? byCode(options.audienceField)
    : bestField(fields, 'audience', options.typeField ?? typeField?.code);

  const schema: FeedSchema = { types: typeField?.choices ?? [], audiences: audienceField?.choices ?? [] };
  // A configured code is kept even when the agenda lacks it, so the mismatch stays visible.
  const typeCode = options.typeField ?? typeField?.code;
  const audienceCode = options.audienceField ?? audienceField?.code;
  if (typeCode) schema.typeField = typeCode;
  if (audienceCode) schema.audienceField = audienceCode;
  return schema;
}
