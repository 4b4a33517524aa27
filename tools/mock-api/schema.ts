/**
 * The agenda's additional ("custom") fields, read from its configuration the way the real API
 * uses them: their codes become top-level event keys, filters (`CODE[]=ID`) and, with
 * includeLabels, `{id, label}` pairs.
 */
import { isRecord } from './json.js';
import type { JsonObject } from './types.js';

export interface CustomField {
  code: string;
  fieldType: string;
  /** Option id (as a string, since query values are strings) → label object. */
  options: Map<string, unknown>;
}

/**
 * Fields every event has. A schema written by hand (tests, generated sample editions) may omit
 * `schemaType`; a field is then custom unless it is one of these.
 */
const STANDARD_FIELDS = new Set([
  'uid',
  'slug',
  'title',
  'description',
  'longDescription',
  'keywords',
  'conditions',
  'image',
  'imageCredits',
  'age',
  'registration',
  'accessibility',
  'location',
  'timings',
  'attendanceMode',
  'onlineAccessLink',
  'status',
  'private',
  'timezone',
  'draft',
  'createdAt',
  'creatorUid',
  'ownerUid',
  'updatedAt',
  'agendaUid',
  'fileKey',
  'locationUid',
  'references',
  'links',
  'state',
  'featured',
  'type',
  'member',
  'originAgenda',
  'dateRange',
  'firstTiming',
  'lastTiming',
  'nextTiming',
  'country',
  'addMethod',
  'sourceAgendas',
  'extIds',
]);

function isCustom(field: JsonObject, code: string): boolean {
  const schemaType = field.schemaType;
  if (typeof schemaType === 'string') return schemaType !== 'event';
  return !STANDARD_FIELDS.has(code);
}

export function customFieldsOf(config: JsonObject): Map<string, CustomField> {
  const result = new Map<string, CustomField>();
  const schema = config.schema;
  const fields = isRecord(schema) && Array.isArray(schema.fields) ? schema.fields : [];
  for (const field of fields) {
    if (!isRecord(field) || typeof field.field !== 'string') continue;
    if (!isCustom(field, field.field)) continue;
    const options = new Map<string, unknown>();
    if (Array.isArray(field.options)) {
      for (const option of field.options) {
        if (isRecord(option) && (typeof option.id === 'number' || typeof option.id === 'string')) {
          options.set(String(option.id), option.label ?? null);
        }
      }
    }
    result.set(field.field, {
      code: field.field,
      fieldType: typeof field.fieldType === 'string' ? field.fieldType : '',
      options,
    });
  }
  return result;
}

/** Choice fields (radio, checkbox, select...) are the ones that filter and take labels. */
export function isChoiceField(field: CustomField): boolean {
  return field.options.size > 0;
}
