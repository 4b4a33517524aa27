/**
 * Rebuilds an event from an explicit list of the model's fields. A snapshot is public and
 * immutable once cached, so whatever the normaliser lets through by accident (a raw record
 * kept for debugging, an organiser's `member` block) must not reach it: nothing unlisted
 * survives, and empty optional fields are dropped to keep the shards small.
 */
import type {
  AccessibilityFlags,
  Choice,
  FeedSchema,
  LocalText,
  Registration,
  SdiEvent,
  SdiLocation,
  Timing,
} from '../../model/types.js';

function text(value: LocalText | undefined): LocalText {
  const out: LocalText = {};
  if (typeof value?.fr === 'string' && value.fr) out.fr = value.fr;
  if (typeof value?.en === 'string' && value.en) out.en = value.en;
  return out;
}

function nonEmpty(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}

function finite(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const LOCATION_STRINGS = [
  'name',
  'address',
  'postalCode',
  'city',
  'insee',
  'departmentCode',
  'departmentName',
  'regionCode',
  'regionName',
] as const;

function location(value: SdiLocation | undefined): SdiLocation | undefined {
  if (!value) return undefined;
  const out: SdiLocation = {};
  for (const key of LOCATION_STRINGS) {
    const v = value[key];
    if (nonEmpty(v)) out[key] = v;
  }
  if (finite(value.lat) && finite(value.lng)) {
    out.lat = value.lat;
    out.lng = value.lng;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function timings(value: Timing[]): Timing[] {
  return value.map(({ begin, end }) => ({ begin, end }));
}

function registration(value: Registration[]): Registration[] {
  return value.map(({ type, value: v }) => ({ type, value: v }) as Registration);
}

function accessibility(value: AccessibilityFlags | undefined): AccessibilityFlags {
  return {
    hi: value?.hi === true,
    vi: value?.vi === true,
    pi: value?.pi === true,
    mi: value?.mi === true,
    ii: value?.ii === true,
  };
}

function age(value: SdiEvent['age']): SdiEvent['age'] {
  if (!value) return undefined;
  const out: NonNullable<SdiEvent['age']> = {};
  if (finite(value.min)) out.min = value.min;
  if (finite(value.max)) out.max = value.max;
  return Object.keys(out).length > 0 ? out : undefined;
}

function image(value: SdiEvent['image']): SdiEvent['image'] {
  if (!value || !nonEmpty(value.url)) return undefined;
  const out: NonNullable<SdiEvent['image']> = { url: value.url };
  if (nonEmpty(value.thumbnail)) out.thumbnail = value.thumbnail;
  if (finite(value.width)) out.width = value.width;
  if (finite(value.height)) out.height = value.height;
  if (nonEmpty(value.credits)) out.credits = value.credits;
  return out;
}

export function publicEvent(event: SdiEvent): SdiEvent {
  const out: SdiEvent = {
    uid: event.uid,
    slug: event.slug,
    title: text(event.title),
    summary: text(event.summary),
    description: text(event.description),
    conditions: text(event.conditions),
    keywords: event.keywords.filter(nonEmpty),
    timings: timings(event.timings),
    timezone: event.timezone,
    status: event.status,
    attendance: event.attendance,
    registration: registration(event.registration),
    types: [...event.types],
    audiences: [...event.audiences],
    accessibility: accessibility(event.accessibility),
    featured: event.featured === true,
  };
  // Optional fields are assigned only when present so that JSON.stringify has no key to write.
  if (nonEmpty(event.url)) out.url = event.url;
  if (nonEmpty(event.onlineUrl)) out.onlineUrl = event.onlineUrl;
  const loc = location(event.location);
  if (loc) out.location = loc;
  const a = age(event.age);
  if (a) out.age = a;
  const img = image(event.image);
  if (img) out.image = img;
  if (finite(event.updatedAt)) out.updatedAt = event.updatedAt;
  return out;
}

function choices(list: readonly Choice[]): Choice[] {
  return list.map(({ id, label }) => ({ id, label: text(label) }));
}

/** The schema goes into the index as is: same allow-list treatment as events. */
export function publicSchema(schema: FeedSchema): FeedSchema {
  const out: FeedSchema = { types: choices(schema.types), audiences: choices(schema.audiences) };
  if (nonEmpty(schema.typeField)) out.typeField = schema.typeField;
  if (nonEmpty(schema.audienceField)) out.audienceField = schema.audienceField;
  return out;
}
