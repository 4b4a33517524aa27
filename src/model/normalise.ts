/**
 * Raw OpenAgenda v2 event records → `SdiEvent`. Everything downstream (snapshot, store, widgets)
 * relies on this being the only place that knows the raw shape, its legacy fields and its traps.
 *
 * The output is built field by field and never spreads the raw record: detailed responses carry
 * `member` (an organiser's name and e-mail), which must not reach a snapshot or a page.
 */
import { asArray, asNumber, asPositiveInteger, asTrimmedString, isRecord, isTrue, type UnknownRecord } from './guards.js';
import { cleanText, isEmptyText, localText, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from './text.js';
import { capTimingList } from './cap-timings.js';
import { readLocation } from './read-location.js';
import { normaliseTimings, parseInstant } from './timing.js';
import type {
  AccessibilityFlags,
  Attendance,
  EventStatus,
  FeedSchema,
  LocalText,
  NormaliseResult,
  Registration,
  SdiEvent,
  Timing,
} from './types.js';
import { hasHiddenCharacters, safeHttpUrl } from './url.js';

export interface NormaliseContext {
  schema: FeedSchema;
  /** Slug of the edition's agenda, for the public event page URL. */
  agendaSlug?: string;
  /** The instant slots count as upcoming from, when an event has too many (default: the clock). */
  now?: number;
}

/** Why a record was not turned into an event; counted per batch. */
export type SkipReason = 'invalid' | 'uid' | 'duplicate' | 'timings' | 'title';

export interface Skipped {
  skip: SkipReason;
}

const DEFAULT_TIMEZONE = 'Europe/Paris';
const MAX_KEYWORDS = 30;
const KEYWORD_MAX_LENGTH = 100;

// Maps, not object literals: a code from the feed must never reach a prototype's properties.
const STATUS_BY_CODE: ReadonlyMap<number, EventStatus> = new Map([
  [1, 'scheduled'],
  [2, 'rescheduled'],
  [3, 'moved-online'],
  [4, 'postponed'],
  [5, 'full'],
  [6, 'cancelled'],
]);

const ATTENDANCE_BY_CODE: ReadonlyMap<number, Attendance> = new Map([
  [1, 'onsite'],
  [2, 'online'],
  [3, 'mixed'],
]);

// ---------------------------------------------------------------------------------------------
// Scalars

function readStatus(raw: unknown): EventStatus {
  const code = asPositiveInteger(raw);
  return (code !== undefined && STATUS_BY_CODE.get(code)) || 'scheduled';
}

function readAttendance(event: UnknownRecord): Attendance {
  const code = asPositiveInteger(event['attendanceMode']);
  const known = code !== undefined ? ATTENDANCE_BY_CODE.get(code) : undefined;
  if (known) return known;
  // Older records predate attendanceMode: a link and no venue can only mean an online event.
  const hasLink = asTrimmedString(event['onlineAccessLink']) !== undefined;
  return !isRecord(event['location']) && hasLink ? 'online' : 'onsite';
}

const zoneCache = new Map<string, string>();

/**
 * The zone's canonical spelling when the runtime knows it. Checked because the widgets pass it
 * to Intl.DateTimeFormat, which throws on an unknown zone and would take a whole list down.
 */
function canonicalTimeZone(value: unknown): string | undefined {
  const zone = asTrimmedString(value);
  if (!zone || zone.length > 64) return undefined;
  const cached = zoneCache.get(zone);
  if (cached) return cached;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    // Only valid zones are cached, so a feed full of garbage cannot grow the map without bound.
    zoneCache.set(zone, resolved);
    return resolved;
  } catch {
    return undefined;
  }
}

function readTimezone(event: UnknownRecord): string {
  const location = isRecord(event['location']) ? event['location'] : undefined;
  return canonicalTimeZone(event['timezone']) ?? canonicalTimeZone(location?.['timezone']) ?? DEFAULT_TIMEZONE;
}

function readKeywords(raw: unknown): string[] {
  // `monolingual=fr` responses give a bare array instead of {fr: [...]}.
  const lists = Array.isArray(raw) ? [raw] : isRecord(raw) ? [raw['fr'], raw['en']] : [];
  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const item of lists.flatMap((list) => asArray(list))) {
    const keyword = cleanText(item, KEYWORD_MAX_LENGTH);
    if (!keyword) continue;
    const key = keyword.toLocaleLowerCase('fr');
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
    if (keywords.length >= MAX_KEYWORDS) break;
  }
  return keywords;
}

/**
 * The slots of the event. Lists requested without `timings` still carry first/last timing:
 * showing those two is better than dropping the event, but only when `timings` is absent; a
 * present but unusable `timings` means bad data, and the event is skipped.
 */
function readTimings(event: UnknownRecord, now: number): Timing[] {
  const timings =
    event['timings'] !== undefined
      ? normaliseTimings(event['timings'])
      : normaliseTimings([event['firstTiming'], event['lastTiming']]);
  return capTimingList(timings, now).timings;
}

// ---------------------------------------------------------------------------------------------
// Registration

// One @, no spaces, none of the characters that would break out of an attribute or a mailto:
// header. The apostrophe stays allowed: it is legal and real ("o'neil@…").
const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"'(),;:\\[\]]+\.[^\s@<>"'(),;:\\[\]]+$/;
const PHONE_CHARS = /^[\d +().-]+$/;

function readEmail(value: string): string | undefined {
  const email = value.replace(/^mailto:/i, '');
  return email.length <= 254 && EMAIL.test(email) && !hasHiddenCharacters(email) ? email : undefined;
}

function readPhone(value: string): string | undefined {
  const phone = value
    .replace(/^tel:/i, '')
    .replace(/\u00a0/g, ' ')
    .trim();
  if (!PHONE_CHARS.test(phone)) return undefined;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 20 ? phone : undefined;
}

function readRegistrationItem(raw: unknown): Registration | undefined {
  if (!isRecord(raw)) return undefined;
  const value = asTrimmedString(raw['value']);
  if (!value) return undefined;
  switch (raw['type']) {
    case 'link': {
      const url = safeHttpUrl(value);
      return url ? { type: 'url', value: url } : undefined;
    }
    case 'email': {
      const email = readEmail(value);
      return email ? { type: 'email', value: email } : undefined;
    }
    case 'phone': {
      const phone = readPhone(value);
      return phone ? { type: 'phone', value: phone } : undefined;
    }
    default:
      return undefined;
  }
}

function registrationKey(item: Registration): string {
  if (item.type === 'email') return `email:${item.value.toLowerCase()}`;
  if (item.type === 'phone') return `phone:${item.value.replace(/\D/g, '')}`;
  return `url:${item.value}`;
}

function readRegistration(raw: unknown): Registration[] {
  const items: Registration[] = [];
  const seen = new Set<string>();
  for (const entry of asArray(raw)) {
    const item = readRegistrationItem(entry);
    if (!item) continue;
    const key = registrationKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Custom fields, flags, image

const validIdsCache = new WeakMap<FeedSchema, { types: Set<number>; audiences: Set<number> }>();

function validIds(schema: FeedSchema): { types: Set<number>; audiences: Set<number> } {
  let ids = validIdsCache.get(schema);
  if (!ids) {
    ids = {
      types: new Set(schema.types.map((c) => c.id)),
      audiences: new Set(schema.audiences.map((c) => c.id)),
    };
    validIdsCache.set(schema, ids);
  }
  return ids;
}

/**
 * Choice ids of a custom field: a radio gives one id, a checkbox an array; `includeLabels=1`
 * gives `{id, label}` objects. Ids the schema does not know are dropped: they would render as
 * blank chips and could not be filtered on.
 */
function readChoiceIds(raw: unknown, allowed: ReadonlySet<number>): number[] {
  const values = Array.isArray(raw) ? raw : [raw];
  const ids: number[] = [];
  for (const value of values) {
    const id = asPositiveInteger(isRecord(value) ? value['id'] : value);
    if (id !== undefined && allowed.has(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function readAccessibility(raw: unknown): AccessibilityFlags {
  const flags = isRecord(raw) ? raw : {};
  return {
    hi: isTrue(flags['hi']),
    vi: isTrue(flags['vi']),
    pi: isTrue(flags['pi']),
    mi: isTrue(flags['mi']),
    ii: isTrue(flags['ii']),
  };
}

function readAgeBound(raw: unknown): number | undefined {
  const age = asNumber(raw);
  return age !== undefined && age >= 0 && age <= 120 ? age : undefined;
}

function readAge(raw: unknown): SdiEvent['age'] {
  if (!isRecord(raw)) return undefined;
  const min = readAgeBound(raw['min']);
  const max = readAgeBound(raw['max']);
  // Reversed bounds are a data-entry error we cannot resolve; showing nothing beats showing nonsense.
  if (min !== undefined && max !== undefined && min > max) return undefined;
  const age: NonNullable<SdiEvent['age']> = {};
  if (min !== undefined) age.min = min;
  if (max !== undefined) age.max = max;
  return Object.keys(age).length > 0 ? age : undefined;
}

function imageFileUrl(base: unknown, file: unknown): string | undefined {
  const prefix = asTrimmedString(base);
  const filename = asTrimmedString(file);
  return prefix && filename ? safeHttpUrl(prefix + filename) : undefined;
}

function readDimension(raw: unknown): number | undefined {
  const n = asPositiveInteger(raw);
  return n !== undefined && n <= 100_000 ? n : undefined;
}

function readImage(raw: unknown, creditsRaw: unknown): SdiEvent['image'] {
  // Older exports give the image as a ready URL string.
  const url = typeof raw === 'string' ? safeHttpUrl(raw) : isRecord(raw) ? imageFileUrl(raw['base'], raw['filename']) : undefined;
  if (!url) return undefined;
  const image: NonNullable<SdiEvent['image']> = { url };
  if (isRecord(raw)) {
    const thumb = asArray(raw['variants']).find((v) => isRecord(v) && v['type'] === 'thumbnail');
    const thumbnail = isRecord(thumb) ? imageFileUrl(raw['base'], thumb['filename']) : undefined;
    if (thumbnail) image.thumbnail = thumbnail;
    const size = isRecord(raw['size']) ? raw['size'] : {};
    const width = readDimension(size['width']);
    const height = readDimension(size['height']);
    if (width !== undefined) image.width = width;
    if (height !== undefined) image.height = height;
  }
  const credits = cleanText(creditsRaw, TITLE_MAX_LENGTH);
  if (credits) image.credits = credits;
  return image;
}

function eventPageUrl(agendaSlug: string | undefined, slug: string): string | undefined {
  const agenda = agendaSlug?.trim();
  if (!agenda || !slug) return undefined;
  return safeHttpUrl(`https://openagenda.com/${encodeURIComponent(agenda)}/events/${encodeURIComponent(slug)}`);
}

// ---------------------------------------------------------------------------------------------
// Event

interface RequiredParts {
  uid: number;
  title: LocalText;
  timings: Timing[];
}

function buildEvent(raw: UnknownRecord, { uid, title, timings }: RequiredParts, ctx: NormaliseContext): SdiEvent {
  const slug = cleanText(raw['slug'], TITLE_MAX_LENGTH) ?? '';
  const ids = validIds(ctx.schema);
  const { typeField, audienceField } = ctx.schema;
  const event: SdiEvent = {
    uid,
    slug,
    title,
    summary: localText(raw['description'], TEXT_MAX_LENGTH),
    description: localText(raw['longDescription'], TEXT_MAX_LENGTH),
    conditions: localText(raw['conditions'], TEXT_MAX_LENGTH),
    keywords: readKeywords(raw['keywords']),
    timings,
    timezone: readTimezone(raw),
    status: readStatus(raw['status']),
    attendance: readAttendance(raw),
    registration: readRegistration(raw['registration']),
    types: typeField ? readChoiceIds(raw[typeField], ids.types) : [],
    audiences: audienceField ? readChoiceIds(raw[audienceField], ids.audiences) : [],
    accessibility: readAccessibility(raw['accessibility']),
    featured: isTrue(raw['featured']),
  };
  // Optional fields are set only when present: the snapshot is JSON and must hold no undefined.
  const url = eventPageUrl(ctx.agendaSlug, slug);
  if (url) event.url = url;
  const onlineUrl = safeHttpUrl(raw['onlineAccessLink']);
  if (onlineUrl) event.onlineUrl = onlineUrl;
  const location = readLocation(raw['location']);
  if (location) event.location = location;
  const age = readAge(raw['age']);
  if (age) event.age = age;
  const image = readImage(raw['image'], raw['imageCredits']);
  if (image) event.image = image;
  const updatedAt = parseInstant(raw['updatedAt']);
  if (updatedAt !== undefined) event.updatedAt = updatedAt;
  return event;
}

function normaliseUnsafe(raw: unknown, ctx: NormaliseContext): SdiEvent | Skipped {
  if (!isRecord(raw)) return { skip: 'invalid' };
  const uid = asPositiveInteger(raw['uid']);
  if (uid === undefined) return { skip: 'uid' };
  const timings = readTimings(raw, ctx.now ?? Date.now());
  if (timings.length === 0) return { skip: 'timings' };
  const title = localText(raw['title'], TITLE_MAX_LENGTH);
  if (isEmptyText(title)) return { skip: 'title' };
  return buildEvent(raw, { uid, title, timings }, ctx);
}

/**
 * One record, or the reason it cannot be shown. Never throws: a record that trips anything
 * unexpected (a getter, a proxy, a bug here) is skipped as 'invalid'.
 */
export function normaliseEvent(raw: unknown, ctx: NormaliseContext): SdiEvent | Skipped {
  try {
    return normaliseUnsafe(raw, ctx);
  } catch {
    return { skip: 'invalid' };
  }
}

export function isSkipped(result: SdiEvent | Skipped): result is Skipped {
  return 'skip' in result;
}

/**
 * A batch of records (one API page or a whole edition). The first usable record of a uid wins;
 * later ones (the same event seen on two pages while the agenda changes) count as 'duplicate'.
 */
export function normaliseEvents(raw: unknown[], ctx: NormaliseContext): NormaliseResult {
  const events: SdiEvent[] = [];
  const skippedReasons: Record<string, number> = {};
  const seen = new Set<number>();
  const count = (reason: SkipReason) => {
    skippedReasons[reason] = (skippedReasons[reason] ?? 0) + 1;
  };
  for (const record of Array.isArray(raw) ? raw : []) {
    const result = normaliseEvent(record, ctx);
    if (isSkipped(result)) count(result.skip);
    else if (seen.has(result.uid)) count('duplicate');
    else {
      seen.add(result.uid);
      events.push(result);
    }
  }
  const skipped = Object.values(skippedReasons).reduce((sum, n) => sum + n, 0);
  return { events, skipped, skippedReasons };
}
