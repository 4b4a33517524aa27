/**
 * The two halves of the event shards' compaction (docs/SNAPSHOT.md, "Event files"): the builder
 * leaves out what the reader can restore exactly, and the reader puts it back, so widgets always
 * see the `SdiEvent` shape of src/model/types.ts. Both sides live in this one browser-safe file
 * so that a rule cannot change on one side only.
 */
import { departmentOf, regionOf } from '../geo/admin.js';
import type { AccessibilityFlags, LocalText, SdiEvent, SdiLocation } from '../model/types.js';
import { safeHttpUrl } from '../model/url.js';
import type { EventDetails, SnapshotEvent, SnapshotLocation } from './snapshot-format.js';

/** What the reader needs of the index to expand an event: the agenda slug, for page URLs. */
export interface ExpandContext {
  agenda: { slug?: string };
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf<T>(value: unknown, isItem: (item: unknown) => item is T): T[] {
  if (!Array.isArray(value)) return [];
  // Copied only when damaged: the common case costs one pass and no allocation.
  return value.every(isItem) ? (value as T[]) : value.filter(isItem);
}

const isString = (item: unknown): item is string => typeof item === 'string' && item !== '';
const isNumber = (item: unknown): item is number => typeof item === 'number';

function restoreName(location: Record<string, unknown>, key: 'departmentName' | 'regionName', name: string | undefined): void {
  const value = location[key];
  if (value === null) delete location[key];
  else if (value === undefined && name !== undefined) location[key] = name;
}

/**
 * The full `SdiEvent` of a shard entry, details empty (`withDetails` adds them).
 *
 * Fills `compact` in place and returns it: the reader expands the objects it has just parsed,
 * and a national list is 8,000 of them, so copying each would double the work of reading the
 * file. Callers holding on to `compact` should pass a copy. The shard is ours, but a CDN or a
 * hand edit can damage it, so the restored fields are type-checked: a list must never crash on
 * `keywords.join`. Fields this file does not compact are left as stored.
 */
export function expandEvent(compact: SnapshotEvent, context?: ExpandContext): SdiEvent {
  const event = compact as unknown as Record<string, unknown>;
  // Kept when present, so a shard that still carries details (an older build, a hand-made file) keeps them.
  if (!isRecord(event.description)) event.description = {};
  if (!isRecord(event.conditions)) event.conditions = {};
  if (!Array.isArray(event.registration)) event.registration = [];
  if (!isRecord(event.summary)) event.summary = {};
  event.keywords = listOf(event.keywords, isString);
  event.types = listOf(event.types, isNumber);
  event.audiences = listOf(event.audiences, isNumber);
  const flags = isRecord(event.accessibility) ? event.accessibility : {};
  event.accessibility = {
    hi: flags.hi === true,
    vi: flags.vi === true,
    pi: flags.pi === true,
    mi: flags.mi === true,
    ii: flags.ii === true,
  };
  event.featured = event.featured === true;

  const location = event.location;
  if (isRecord(location)) {
    const names = tableNames(location as SnapshotLocation);
    restoreName(location, 'departmentName', names.departmentName);
    restoreName(location, 'regionName', names.regionName);
  } else if (location !== undefined) {
    delete event.location;
  }

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
