/**
 * The two halves of the event shards' compaction (docs/SNAPSHOT.md, "Event files"): the builder
 * leaves out what the reader can restore exactly, and the reader puts it back, so widgets always
 * see the `SdiEvent` shape of src/model/types.ts. Both sides live in this one browser-safe file
 * so that a rule cannot change on one side only.
 */
import { departmentOf, regionOf } from '../geo/admin.js';
import { MAX_TIMINGS_PER_EVENT } from '../model/limits.js';
import { TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../model/text.js';
import type {
  AccessibilityFlags,
  Attendance,
  EventStatus,
  LocalText,
  Registration,
  SdiEvent,
  SdiLocation,
} from '../model/types.js';
import { hasHiddenCharacters, safeHttpUrl } from '../model/url.js';
import type { EventDetails, SnapshotEvent, SnapshotLocation } from './snapshot-format.js';
import { fileUrl } from './snapshot-path.js';

/**
 * What the reader needs of the index to expand an event: the agenda slug, for page URLs, and
 * the snapshot's address, against which mirrored images' relative paths resolve.
 */
export interface ExpandContext {
  agenda: { slug?: string };
  /** The snapshot's index.json (or folder) address; without it relative image paths are dropped. */
  base?: string;
}

const ACCESSIBILITY_KEYS = ['hi', 'vi', 'pi', 'mi', 'ii'] as const satisfies readonly (keyof AccessibilityFlags)[];

/**
 * The event's public OpenAgenda page, built like the normaliser builds it. The builder leaves
 * `url` out only when this gives back the very same string, so if the two ever drift apart the
 * shards simply carry the URL again: nothing is lost, only bytes.
 */
export function eventPageUrl(agendaSlug: string | undefined, slug: string | undefined): string | undefined {
  const agenda = agendaSlug?.trim();
  if (!agenda || !slug) return undefined;
  return safeHttpUrl(`https://openagenda.com/${encodeURIComponent(agenda)}/events/${encodeURIComponent(slug)}`);
}

/** The agenda part of the page URLs, checked once per agenda rather than once per event. */
let pagePrefix: { agenda: string; prefix: string | undefined } | undefined;

function pagePrefixOf(agenda: string): string | undefined {
  if (pagePrefix?.agenda !== agenda) {
    const prefix = `https://openagenda.com/${encodeURIComponent(agenda)}/events/`;
    // The prefix is trusted below only if the URL parser keeps it exactly ("..", a long slug).
    pagePrefix = { agenda, prefix: safeHttpUrl(`${prefix}x`) === `${prefix}x` ? prefix : undefined };
  }
  return pagePrefix.prefix;
}

/**
 * `eventPageUrl`, without parsing a URL per event (a third of expanding a national file). An
 * encoded slug holds only characters the URL parser keeps as they are, so the parsed href is the
 * string itself, except for the dot segments it would resolve and lengths `safeHttpUrl` refuses:
 * those take the parser's way. test/node/snapshot.test.ts checks both ways agree.
 */
export function fastEventPageUrl(agendaSlug: string | undefined, slug: string | undefined): string | undefined {
  const agenda = agendaSlug?.trim();
  if (!agenda || !slug) return undefined;
  const prefix = pagePrefixOf(agenda);
  // Encoded first, as eventPageUrl does: a lone surrogate throws the same URIError either way.
  const encoded = encodeURIComponent(slug);
  if (!prefix || encoded === '.' || encoded === '..' || prefix.length + encoded.length > 2000) {
    return eventPageUrl(agendaSlug, slug);
  }
  return prefix + encoded;
}

/** The names the reader puts back from the codes (the geo table ships with every widget). */
function tableNames(location: { departmentCode?: string; regionCode?: string }): {
  departmentName: string | undefined;
  regionName: string | undefined;
} {
  return {
    departmentName: departmentOf(location.departmentCode)?.name,
    regionName: regionOf(location.regionCode)?.name,
  };
}

function hasText(text: LocalText | undefined): text is LocalText {
  return !!text && (!!text.fr || !!text.en);
}

// ---------------------------------------------------------------------------------------------
// Builder side

function compactLocation(location: SdiLocation): SnapshotLocation {
  const names = tableNames(location);
  const out: SnapshotLocation = {};
  // Entry by entry, so the stored keys keep the model's order.
  for (const [key, value] of Object.entries(location)) {
    if ((key === 'departmentName' || key === 'regionName') && value === names[key]) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  if (location.departmentName === undefined && names.departmentName !== undefined) out.departmentName = null;
  if (location.regionName === undefined && names.regionName !== undefined) out.regionName = null;
  return out;
}

/** The event as the shards store it: without details and without what `expandEvent` restores. */
export function compactEvent(event: SdiEvent, agendaSlug: string | undefined): SnapshotEvent {
  const {
    description: _description,
    conditions: _conditions,
    registration: _registration,
    url,
    summary,
    keywords,
    types,
    audiences,
    accessibility,
    featured,
    location,
    ...kept
  } = event;
  const out: SnapshotEvent = { ...kept };
  if (location) out.location = compactLocation(location);
  const rebuilt = eventPageUrl(agendaSlug, event.slug);
  // null says "no page" where the reader would otherwise build one.
  if (url !== rebuilt) out.url = url ?? null;
  if (hasText(summary)) out.summary = summary;
  if (keywords.length > 0) out.keywords = keywords;
  if (types.length > 0) out.types = types;
  if (audiences.length > 0) out.audiences = audiences;
  const flags: Partial<AccessibilityFlags> = {};
  for (const key of ACCESSIBILITY_KEYS) if (accessibility[key]) flags[key] = true;
  if (Object.keys(flags).length > 0) out.accessibility = flags;
  if (featured) out.featured = true;
  return out;
}

/** The event's details file entry, or undefined when it has none (no entry is written). */
export function eventDetails(event: SdiEvent): EventDetails | undefined {
  const details: EventDetails = {};
  if (hasText(event.description)) details.description = event.description;
  if (hasText(event.conditions)) details.conditions = event.conditions;
  if (event.registration.length > 0) details.registration = event.registration;
  return Object.keys(details).length > 0 ? details : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reader side
//
// A shard is ours, but a CDN, a hand edit or an attacker who can write to the bucket can damage
// it, and what it holds ends up in cards, search, JSON-LD and calendar files on partner pages.
// So every field is held to the normaliser's rules (src/model/normalise.ts): the right type,
// bounded, links http(s) only, enums from an own-property set. A field that fails is dropped or
// set to its neutral value; the event stays (the reader drops events whose title, uid, zone or
// slots fail). The checks are `typeof`, lengths and one regex test: no copy of a valid string.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// What cleanText removes (src/model/text.ts): a builder never writes them, so a value holding
// one was not written by a builder and is dropped rather than cleaned.
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

// The normaliser's caps, plus the room its ellipsis takes.
const SHORT_MAX = TITLE_MAX_LENGTH;
const KEYWORD_MAX_LENGTH = 100;
const MAX_KEYWORDS = 30;
const MAX_CHOICES = 100;

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value !== '' && value.length <= max && !UNSAFE_CHARS.test(value);
}

/** The fr/en texts that pass, as a new object (nothing else the file put there is kept). */
export function shardText(value: unknown, max: number): LocalText {
  const out: LocalText = {};
  if (!isRecord(value)) return out;
  const { fr, en } = value;
  if (isText(fr, max)) out.fr = fr;
  if (isText(en, max)) out.en = en;
  return out;
}

function listOf<T>(value: unknown, isItem: (item: unknown) => item is T, max: number): T[] {
  if (!Array.isArray(value)) return [];
  // Copied only when damaged: the common case costs one pass and no allocation.
  const list = value.length <= max && value.every(isItem) ? (value as T[]) : value.filter(isItem);
  return list.length > max ? list.slice(0, max) : list;
}

const isKeyword = (item: unknown): item is string => isText(item, KEYWORD_MAX_LENGTH);
const isChoiceId = (item: unknown): item is number => Number.isSafeInteger(item) && (item as number) > 0;

const STATUSES: ReadonlySet<string> = new Set<EventStatus>([
  'scheduled',
  'rescheduled',
  'moved-online',
  'postponed',
  'full',
  'cancelled',
]);
const ATTENDANCES: ReadonlySet<string> = new Set<Attendance>(['onsite', 'online', 'mixed']);

/** Date's range: beyond it every date function throws. */
const MAX_INSTANT = 8.64e15;

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Math.abs(value) <= MAX_INSTANT;
}

const LOCATION_TEXTS = ['name', 'address', 'city'] as const;
const LOCATION_CODES = ['postalCode', 'insee', 'departmentCode', 'regionCode'] as const;

function restoreName(location: Record<string, unknown>, key: 'departmentName' | 'regionName', name: string | undefined): void {
  const value = location[key];
  if (value === null || (value !== undefined && !isText(value, SHORT_MAX))) delete location[key];
  else if (value === undefined && name !== undefined) location[key] = name;
}

/** The venue with every field of the wrong type or size removed; undefined when none is left. */
function shardLocation(location: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const key of LOCATION_TEXTS) if (location[key] !== undefined && !isText(location[key], SHORT_MAX)) delete location[key];
  // Codes are short by nature (INSEE, postcodes): 12 is the normaliser's postcode bound.
  for (const key of LOCATION_CODES) if (location[key] !== undefined && !isText(location[key], 12)) delete location[key];
  const { lat, lng } = location;
  if (lat !== undefined && !(typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
    delete location.lat;
    delete location.lng;
  } else if (lat === undefined) {
    delete location.lng;
  }
  const names = tableNames(location as SnapshotLocation);
  restoreName(location, 'departmentName', names.departmentName);
  restoreName(location, 'regionName', names.regionName);
  return Object.keys(location).length > 0 ? location : undefined;
}

function dimension(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= 100_000 ? (value as number) : undefined;
}

/**
 * An image address of a shard: an absolute http(s) URL as OpenAgenda gave it, or a path relative
 * to the snapshot (`--images mirror`) held to the rule of the index's file paths (`fileUrl`:
 * same origin, inside the snapshot folder), so a damaged shard cannot point images elsewhere.
 */
function imageUrl(value: unknown, base: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^https?:/i.test(value)) return safeHttpUrl(value);
  if (base === undefined) return undefined;
  try {
    return fileUrl(base, { path: value, count: 0, bytes: 0 });
  } catch {
    return undefined;
  }
}

function shardImage(value: unknown, base: string | undefined): SdiEvent['image'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const url = imageUrl(raw.url, base);
  if (!url) return undefined;
  const image: NonNullable<SdiEvent['image']> = { url };
  const thumbnail = imageUrl(raw.thumbnail, base);
  if (thumbnail) image.thumbnail = thumbnail;
  const width = dimension(raw.width);
  const height = dimension(raw.height);
  if (width !== undefined) image.width = width;
  if (height !== undefined) image.height = height;
  if (isText(raw.credits, SHORT_MAX)) image.credits = raw.credits;
  return image;
}

function ageBound(value: unknown): number | undefined {
  return typeof value === 'number' && value >= 0 && value <= 120 ? value : undefined;
}

function shardAge(value: unknown): SdiEvent['age'] {
  if (!isRecord(value)) return undefined;
  const min = ageBound(value.min);
  const max = ageBound(value.max);
  if (min !== undefined && max !== undefined && min > max) return undefined;
  const age: NonNullable<SdiEvent['age']> = {};
  if (min !== undefined) age.min = min;
  if (max !== undefined) age.max = max;
  return min !== undefined || max !== undefined ? age : undefined;
}

// The normaliser's rules, checked again: these values become href="mailto:…" and href="tel:…" on
// partner pages, and a file is only as trustworthy as the CDN that served it.
const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"'(),;:\\[\]]+\.[^\s@<>"'(),;:\\[\]]+$/;
const PHONE_CHARS = /^[\d +().-]+$/;

/** One registration entry of a shard or details file, or undefined when it breaks a rule. */
export function shardRegistration(value: unknown): Registration | undefined {
  if (!isRecord(value) || typeof value.value !== 'string') return undefined;
  const v = value.value;
  switch (value.type) {
    case 'url': {
      const url = safeHttpUrl(v);
      return url ? { type: 'url', value: url } : undefined;
    }
    case 'email':
      return v.length <= 254 && EMAIL.test(v) && !hasHiddenCharacters(v) ? { type: 'email', value: v } : undefined;
    case 'phone': {
      if (v.length > 40) return undefined;
      const digits = v.replace(/\D/g, '').length;
      return PHONE_CHARS.test(v) && digits >= 6 && digits <= 20 ? { type: 'phone', value: v } : undefined;
    }
    default:
      return undefined;
  }
}

function setOrDelete(event: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete event[key];
  else event[key] = value;
}

/**
 * The full `SdiEvent` of a shard entry, details empty (`withDetails` adds them).
 *
 * Fills `compact` in place and returns it: the reader expands the objects it has just parsed,
 * and a national list is 8,000 of them, so copying each would double the work of reading the
 * file. Callers holding on to `compact` should pass a copy. Every field is checked as above;
 * the reader checks the ones an event cannot be shown without (uid, title, slots, zone) first.
 */
export function expandEvent(compact: SnapshotEvent, context?: ExpandContext): SdiEvent {
  const event = compact as unknown as Record<string, unknown>;
  event.title = shardText(event.title, SHORT_MAX);
  if (!isText(event.slug, SHORT_MAX)) event.slug = '';
  // Kept when present, so a shard that still carries details (an older build, a hand-made file) keeps them.
  event.description = shardText(event.description, TEXT_MAX_LENGTH);
  event.conditions = shardText(event.conditions, TEXT_MAX_LENGTH);
  event.summary = shardText(event.summary, TEXT_MAX_LENGTH);
  const registration = event.registration;
  event.registration = Array.isArray(registration)
    ? registration.map(shardRegistration).filter((r): r is Registration => r !== undefined)
    : [];
  event.keywords = listOf(event.keywords, isKeyword, MAX_KEYWORDS);
  event.types = listOf(event.types, isChoiceId, MAX_CHOICES);
  event.audiences = listOf(event.audiences, isChoiceId, MAX_CHOICES);
  const timings = event.timings;
  if (Array.isArray(timings) && timings.length > MAX_TIMINGS_PER_EVENT) event.timings = timings.slice(0, MAX_TIMINGS_PER_EVENT);
  // Own-property sets: "constructor" or "__proto__" must not be read through a prototype.
  if (typeof event.status !== 'string' || !STATUSES.has(event.status)) event.status = 'scheduled';
  if (typeof event.attendance !== 'string' || !ATTENDANCES.has(event.attendance)) event.attendance = 'onsite';
  const flags = isRecord(event.accessibility) ? event.accessibility : {};
  event.accessibility = {
    hi: flags.hi === true,
    vi: flags.vi === true,
    pi: flags.pi === true,
    mi: flags.mi === true,
    ii: flags.ii === true,
  };
  event.featured = event.featured === true;
  if (event.onlineUrl !== undefined) setOrDelete(event, 'onlineUrl', safeHttpUrl(event.onlineUrl));
  if (event.image !== undefined) setOrDelete(event, 'image', shardImage(event.image, context?.base));
  if (event.age !== undefined) setOrDelete(event, 'age', shardAge(event.age));
  if (event.updatedAt !== undefined && !isInstant(event.updatedAt)) delete event.updatedAt;

  const location = event.location;
  setOrDelete(event, 'location', isRecord(location) ? shardLocation(location) : undefined);

  // An explicit URL is checked like any link from a file; null means the event has no page.
  const url = event.url;
  const page =
    typeof url === 'string'
      ? safeHttpUrl(url)
      : url === null
        ? undefined
        : fastEventPageUrl(context?.agenda.slug, typeof event.slug === 'string' ? event.slug : undefined);
  if (page) event.url = page;
  else if (url !== undefined) delete event.url;
  return event as unknown as SdiEvent;
}

/**
 * The event with its details put back. `details` undefined means the details file has no entry
 * for it: the event has none, and keeps the empty ones `expandEvent` gave it.
 */
export function withDetails(event: SdiEvent, details: EventDetails | undefined): SdiEvent {
  return {
    ...event,
    description: details?.description ?? event.description,
    conditions: details?.conditions ?? event.conditions,
    registration: details?.registration ?? event.registration,
  };
}
