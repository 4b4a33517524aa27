/**
 * Reads a static snapshot (docs/SNAPSHOT.md) in the browser: the index, then only the shard the
 * widget needs (one region's events, or all of them), validated before anything is shown, and a
 * region's details file when a card opens.
 */
import type { FetchJsonOptions } from './http.js';
import { fetchJson } from './http.js';
import {
  NO_REGION,
  regionKey,
  SNAPSHOT_FORMAT,
  type EventDetails,
  type SnapshotEvent,
  type SnapshotFileRef,
  type SnapshotIndex,
} from './snapshot-format.js';
import { expandEvent, type ExpandContext } from './snapshot-expand.js';
import type { LocalText, Registration, SdiEvent } from '../model/types.js';
import { forEachSliced, yieldToBrowser } from './yield.js';
import { hasHiddenCharacters, safeHttpUrl } from '../model/url.js';

export { expandEvent, withDetails, type ExpandContext } from './snapshot-expand.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFileRef(value: unknown): value is SnapshotFileRef {
  return isRecord(value) && typeof value.path === 'string' && typeof value.count === 'number';
}

export function validateIndex(body: unknown): SnapshotIndex {
  if (!isRecord(body)) throw new SnapshotError('index.json is not an object');
  if (body.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(`unsupported snapshot format ${JSON.stringify(body.format)}`);
  }
  const files = body.files;
  if (!isRecord(files) || !isFileRef(files.all) || !isRecord(files.regions)) {
    throw new SnapshotError('index.json has no file list');
  }
  if (!isRecord(body.counts) || typeof body.total !== 'number' || !isRecord(body.schema)) {
    throw new SnapshotError('index.json has no counts');
  }
  // Lists work without details; a damaged details list only costs the opened cards their texts.
  if (!isRecord(files.details)) files.details = {};
  return body as unknown as SnapshotIndex;
}

// Date's range: beyond it every date function throws, and a list formats each card's slot.
const MAX_INSTANT = 8.64e15;

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Math.abs(value) <= MAX_INSTANT;
}

function isSlot(value: unknown): boolean {
  return isRecord(value) && isInstant(value.begin) && isInstant(value.end) && value.begin <= value.end;
}

const knownZones = new Set<string>();

/** Intl throws on an unknown zone. Only valid zones are cached, so a damaged file cannot grow the set. */
function isKnownZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone.length > 64) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

function hasTitle(value: unknown): boolean {
  return isRecord(value) && ((typeof value.fr === 'string' && value.fr !== '') || (typeof value.en === 'string' && value.en !== ''));
}

/**
 * Events are ours (the builder wrote them), but a CDN or a hand edit can still damage one; what
 * every card formats (slots in the event's zone, the title) is checked, so a damaged event is
 * dropped and counted instead of throwing while the list renders.
 */
function isUsableEvent(value: unknown): value is SnapshotEvent {
  return (
    isRecord(value) &&
    typeof value.uid === 'number' &&
    Array.isArray(value.timings) &&
    value.timings.length > 0 &&
    value.timings.every(isSlot) &&
    isKnownZone(value.timezone) &&
    hasTitle(value.title)
  );
}

export function fileUrl(base: string, ref: SnapshotFileRef): string {
  // Relative paths only: an index must not send the widget to another origin.
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref.path)) throw new SnapshotError(`bad file path ${ref.path}`);
  return new URL(ref.path, base).href;
}

export async function readIndex(base: string, options: FetchJsonOptions): Promise<SnapshotIndex> {
  // The index is the one file that changes under the same name: ask caches to revalidate it.
  return validateIndex(await fetchJson(new URL('index.json', base).href, options));
}

/** The shard for a scope: a region's own file, or the whole edition. */
export function shardFor(index: SnapshotIndex, region: string | undefined): SnapshotFileRef | null {
  if (!region) return index.files.all;
  // A region absent from the index has no events: nothing to download.
  return index.files.regions[region] ?? null;
}

/**
 * The details file holding an event's (or a region key's) details; null when that region has
 * none, so there is nothing to download.
 */
export function detailsFor(
  index: SnapshotIndex,
  eventOrRegion: { location?: { regionCode?: string } } | string,
): SnapshotFileRef | null {
  const key = typeof eventOrRegion === 'string' ? eventOrRegion || NO_REGION : regionKey(eventOrRegion);
  return index.files.details?.[key] ?? null;
}

/** Bytes decoded at a time: ~2 ms on a desktop, ~8 ms on a mid-range phone. */
const DECODE_SLICE_BYTES = 512 * 1024;

/**
 * `response.text()`, decoded as the body arrives and in slices: Chromium's `text()` decodes the
 * whole national file (7.7 MB) in the one task where the body ends. UTF-8 either way, a leading
 * BOM dropped and bad bytes replaced alike. A failed read rejects like `text()`, and an abort
 * (the store giving the request up) stops the work between slices.
 */
export async function readTextSliced(response: Response, signal?: AbortSignal): Promise<string> {
  const body = response.body;
  if (!body) return response.text();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let at = 0; at < value.length; at += DECODE_SLICE_BYTES) {
      if (at > 0) await yieldToBrowser(signal);
      parts.push(decoder.decode(value.subarray(at, at + DECODE_SLICE_BYTES), { stream: true }));
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

// How the builder writes an events file (JSON.stringify, no spaces): what parseEventsFile slices.
const EVENTS_HEAD = `{"format":${SNAPSHOT_FORMAT},"events":[`;
const EVENTS_TAIL = ']}';
/** Between two events, where the next one starts with its uid as the builder writes them. */
const EVENT_SEAM = '},{"uid":';
/** ~2 ms of JSON.parse on a desktop, ~8 ms on a mid-range phone. */
const PARSE_SLICE_CHARS = 256 * 1024;

/**
 * `JSON.parse(text)` of an events file, in slices with a pause between them: the national file
 * is 7.7 MB of JSON, one 50 ms task on a desktop and four times that on a phone.
 *
 * A seam `},{"uid":` cannot lie inside a string (its quote would end the string, and `uid`
 * cannot follow a string), so in valid JSON it separates two objects of an array: the events
 * array, or an array inside an event, where the slices around it would not parse on their own.
 * When every slice parses, the file is the head, the slices joined by commas and the tail: valid
 * JSON whose parse is exactly the one built here. Anything else (another layout, a damaged file)
 * takes JSON.parse of the whole text, with its errors.
 */
export async function parseEventsFile(text: string, signal?: AbortSignal): Promise<unknown> {
  let end = text.length;
  // JSON's own whitespace, after the value: a file saved by hand may end with a newline.
  while (end > 0 && ' \t\n\r'.includes(text.charAt(end - 1))) end--;
  const last = end - EVENTS_TAIL.length;
  if (text.length < 2 * PARSE_SLICE_CHARS || !text.startsWith(EVENTS_HEAD) || !text.startsWith(EVENTS_TAIL, last)) {
    return JSON.parse(text);
  }
  const events: unknown[] = [];
  let from = EVENTS_HEAD.length;
  while (from < last) {
    const seam = text.indexOf(EVENT_SEAM, from + PARSE_SLICE_CHARS);
    const to = seam < 0 || seam >= last ? last : seam + 1;
    let slice: unknown[];
    try {
      slice = JSON.parse(`[${text.slice(from, to)}]`) as unknown[];
    } catch {
      return JSON.parse(text);
    }
    for (const event of slice) events.push(event);
    from = to + 1;
    if (from < last) await yieldToBrowser(signal);
  }
  return { format: SNAPSHOT_FORMAT, events };
}

/**
 * A shard's events, expanded to full `SdiEvent`s without their details (empty description,
 * conditions and registration: `readDetails` and `withDetails` add them). Pass the index: the
 * events' page URLs are rebuilt from its agenda slug, and are missing without it.
 */
export async function readEvents(
  base: string,
  ref: SnapshotFileRef,
  options: FetchJsonOptions,
  index?: ExpandContext,
): Promise<{ events: SdiEvent[]; dropped: number }> {
  const body = await fetchJson(fileUrl(base, ref), {
    ...options,
    readText: (response) => readTextSliced(response, options.signal),
    parse: (text) => parseEventsFile(text, options.signal),
  });
  if (!isRecord(body) || body.format !== SNAPSHOT_FORMAT || !Array.isArray(body.events)) {
    throw new SnapshotError(`${ref.path} is not an events file`);
  }
  const events: SdiEvent[] = [];
  let dropped = 0;
  // The national file is 8,000 events: checking and expanding them in the parse's last task
  // doubled it. They are done in slices from the next task on, and a widget leaving the page
  // (an abort) stops them within a slice.
  await yieldToBrowser(options.signal);
  await forEachSliced(
    body.events as unknown[],
    (event) => {
      if (isUsableEvent(event)) events.push(expandEvent(event, index));
      else dropped += 1;
    },
    options.signal,
  );
  return { events, dropped };
}

// ---------------------------------------------------------------------------------------------
// Details

// The normaliser's rules, checked again: these values become href="mailto:…" and href="tel:…" on
// partner pages, and a details file is only as trustworthy as the CDN that served it.
const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"'(),;:\\[\]]+\.[^\s@<>"'(),;:\\[\]]+$/;
const PHONE_CHARS = /^[\d +().-]+$/;

function localText(value: unknown): LocalText | undefined {
  if (!isRecord(value)) return undefined;
  const out: LocalText = {};
  if (typeof value.fr === 'string' && value.fr) out.fr = value.fr;
  if (typeof value.en === 'string' && value.en) out.en = value.en;
  return out.fr || out.en ? out : undefined;
}

function registrationEntry(value: unknown): Registration | undefined {
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
      const digits = v.replace(/\D/g, '').length;
      return PHONE_CHARS.test(v) && digits >= 6 && digits <= 20 ? { type: 'phone', value: v } : undefined;
    }
    default:
      return undefined;
  }
}

function readEntry(value: unknown): EventDetails | undefined {
  if (!isRecord(value)) return undefined;
  const details: EventDetails = {};
  const description = localText(value.description);
  if (description) details.description = description;
  const conditions = localText(value.conditions);
  if (conditions) details.conditions = conditions;
  if (Array.isArray(value.registration)) {
    const registration = value.registration.map(registrationEntry).filter((r): r is Registration => !!r);
    if (registration.length > 0) details.registration = registration;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

/** The entries of a details file body; malformed entries (and registration links) are skipped. */
export function validateDetails(body: unknown, path: string): Map<number, EventDetails> {
  if (!isRecord(body) || body.format !== SNAPSHOT_FORMAT || !isRecord(body.details)) {
    throw new SnapshotError(`${path} is not a details file`);
  }
  const out = new Map<number, EventDetails>();
  for (const [key, value] of Object.entries(body.details)) {
    if (!/^[1-9]\d{0,15}$/.test(key)) continue;
    const uid = Number(key);
    const details = Number.isSafeInteger(uid) ? readEntry(value) : undefined;
    if (details) out.set(uid, details);
  }
  return out;
}

/** A region's details, by event uid; an event absent from the map has none. */
export async function readDetails(
  base: string,
  ref: SnapshotFileRef,
  options: FetchJsonOptions,
): Promise<Map<number, EventDetails>> {
  return validateDetails(await fetchJson(fileUrl(base, ref), options), ref.path);
}
