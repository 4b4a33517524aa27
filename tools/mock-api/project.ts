/**
 * Shapes one stored record into what the API returns for the request: the short list shape
 * (no detailed=1), the full record, or only the includeFields paths; then optional labels and a
 * single language. Records are never mutated: they are shared by every request.
 */
import { isRecord } from './json.js';
import { nextSlotOf, type IndexedEvent } from './event-index.js';
import type { ContentOptions } from './query.js';
import { isChoiceField, type CustomField } from './schema.js';
import type { JsonObject } from './types.js';

export interface ProjectContext {
  now: number;
  customFields: Map<string, CustomField>;
}

/**
 * Standard keys of a non-detailed list item, from the recorded list responses (2022 and 2025).
 * Everything else (timings, longDescription, registration, member...) needs detailed=1 or
 * includeFields.
 */
const SUMMARY_KEYS = [
  'uid',
  'slug',
  'title',
  'description',
  'keywords',
  'image',
  'imageCredits',
  'featured',
  'attendanceMode',
  'onlineAccessLink',
  'status',
  'dateRange',
  'firstTiming',
  'lastTiming',
  'nextTiming',
  'originAgenda',
  'location',
  'type',
];
/** City appears in the 2025 recording's list location, not in the 2022 one: keep the newer. */
const SUMMARY_LOCATION_KEYS = ['name', 'address', 'latitude', 'longitude', 'city'];
const SUMMARY_ORIGIN_KEYS = ['uid', 'title', 'image'];

const MULTILINGUAL_KEYS = new Set(['title', 'description', 'longDescription', 'conditions', 'keywords', 'dateRange']);

function pickKeys(value: unknown, keys: string[]): unknown {
  if (!isRecord(value)) return value;
  const result: JsonObject = {};
  for (const key of keys) if (key in value) result[key] = value[key];
  return result;
}

/**
 * nextTiming is relative to the moment of the request on the real API; stored records carry
 * the value of whenever they were recorded, so it is recomputed from the timings (and the
 * first/last timings filled in when a hand-written record lacks them).
 */
function withCurrentTimings(event: IndexedEvent, now: number): JsonObject {
  const raw = event.raw;
  const first = event.slots[0];
  const last = event.slots[event.slots.length - 1];
  if (!first || !last) return { ...raw };
  const result: JsonObject = { ...raw };
  if (!isRecord(raw.firstTiming)) result.firstTiming = first.raw;
  if (!isRecord(raw.lastTiming)) result.lastTiming = last.raw;
  if (Array.isArray(raw.timings) || !('nextTiming' in raw)) {
    result.nextTiming = nextSlotOf(event, now)?.raw ?? null;
  }
  return result;
}

type PathTree = Map<string, PathTree | true>;

function pathTreeOf(paths: string[]): PathTree {
  const root: PathTree = new Map();
  for (const path of paths) {
    const parts = path.split('.').filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node.set(part, true);
        return;
      }
      const child = node.get(part);
      if (child === true) return;
      const next: PathTree = child ?? new Map();
      node.set(part, next);
      node = next;
    });
  }
  return root;
}

function pickRecordPaths(record: JsonObject, tree: PathTree): JsonObject {
  const result: JsonObject = {};
  for (const [key, sub] of tree) {
    if (!(key in record)) continue;
    result[key] = sub === true ? record[key] : pickPaths(record[key], sub);
  }
  return result;
}

/** Paths go through arrays: `timings.begin` picks the begin of every timing. */
function pickPaths(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) return value.map((item) => pickPaths(item, tree));
  return isRecord(value) ? pickRecordPaths(value, tree) : value;
}

function labelled(value: unknown, field: CustomField): unknown {
  if (Array.isArray(value)) return value.map((item) => labelled(item, field));
  if (typeof value !== 'number' && typeof value !== 'string') return value;
  return { id: value, label: field.options.get(String(value)) ?? null };
}

function isLanguageMap(value: unknown): value is JsonObject {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([key, text]) =>
        /^[a-z]{2}$/.test(key) &&
        (typeof text === 'string' || (Array.isArray(text) && text.every((item) => typeof item === 'string'))),
    )
  );
}

/** The docs: when the language asked for is missing, another available one is used. */
function inLanguage(value: JsonObject, language: string, key: string): unknown {
  if (value[language] !== undefined) return value[language];
  const available = Object.values(value).find((text) => text !== undefined && text !== null);
  return available ?? (key === 'keywords' ? [] : null);
}

function monolingualValue(key: string, value: unknown, language: string): unknown {
  if (MULTILINGUAL_KEYS.has(key) && isRecord(value)) return inLanguage(value, language, key);
  if (isLanguageMap(value)) return inLanguage(value, language, key);
  // includeLabels' {id, label: {fr, en}} pairs, alone or in a list.
  if (Array.isArray(value)) return value.map((item) => monolingualValue('', item, language));
  if (isRecord(value) && 'id' in value && isLanguageMap(value.label)) {
    return { ...value, label: inLanguage(value.label, language, 'label') };
  }
  return value;
}

function monolingual(record: JsonObject, language: string): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'location' && isRecord(value)) {
      const location: JsonObject = {};
      for (const [field, text] of Object.entries(value)) {
        location[field] = monolingualValue(field, text, language);
      }
      result[key] = location;
    } else {
      result[key] = monolingualValue(key, value, language);
    }
  }
  return result;
}

function summaryOf(record: JsonObject, customFields: Map<string, CustomField>): JsonObject {
  const result: JsonObject = {};
  for (const key of SUMMARY_KEYS) if (key in record) result[key] = record[key];
  for (const code of customFields.keys()) if (code in record) result[code] = record[code];
  if ('location' in result) result.location = pickKeys(result.location, SUMMARY_LOCATION_KEYS);
  if ('originAgenda' in result) {
    result.originAgenda = pickKeys(result.originAgenda, SUMMARY_ORIGIN_KEYS);
  }
  return result;
}

export function projectEvent(event: IndexedEvent, content: ContentOptions, context: ProjectContext): JsonObject {
  let record = withCurrentTimings(event, context.now);
  // An organiser's personal name and e-mail: only ever part of the detailed record.
  if (!content.detailed) delete record.member;
  if (content.includeFields) {
    record = pickRecordPaths(record, pathTreeOf(content.includeFields));
  } else if (!content.detailed) {
    record = summaryOf(record, context.customFields);
  }
  if (content.includeLabels) {
    for (const [code, field] of context.customFields) {
      if (isChoiceField(field) && code in record) record[code] = labelled(record[code], field);
    }
  }
  if (content.monolingual) record = monolingual(record, content.monolingual);
  return record;
}
