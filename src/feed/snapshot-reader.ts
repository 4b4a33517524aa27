/**
 * Reads a static snapshot (docs/SNAPSHOT.md) in the browser: the index, then only the shard the
 * widget needs (one region's events, or all of them), validated before anything is shown, and a
 * region's details file when a card opens.
 */
import type { FetchJsonOptions } from './http.js';
import { fetchJson, HttpError } from './http.js';
import {
  isReadableFormat,
  NO_REGION,
  regionKey,
  SNAPSHOT_FORMAT,
  type EventDetails,
  type SnapshotEvent,
  type SnapshotFileRef,
  type SnapshotIndex,
} from './snapshot-format.js';
import { expandEvent, shardRegistration, shardText, type ExpandContext } from './snapshot-expand.js';
import type { Registration, SdiEvent, Timing } from '../model/types.js';
import { capTimingList } from '../model/cap-timings.js';
import { MAX_EVENT_COUNT } from '../model/limits.js';
import { TEXT_MAX_LENGTH } from '../model/text.js';
import { forEachSliced, yieldToBrowser } from './yield.js';

export { expandEvent, withDetails, type ExpandContext } from './snapshot-expand.js';
import { SnapshotError, fileUrl } from './snapshot-path.js';

export { SnapshotError, fileUrl } from './snapshot-path.js';

/**
 * No snapshot where the widget looked: index.json missing (404, or 403 as object stores answer
 * for a missing key), not JSON (a web server's HTML page), or of a format this code does not
 * read. The operator's problem, not the visitor's connection: widgets say the programme is not
 * available, and the console names the address and the fix (feed-store.ts warns once per page).
 */
export class SnapshotUnavailableError extends SnapshotError {
  constructor(
    /** The index.json address that was tried. */
    readonly url: string,
    readonly reason: 'missing' | 'not-json' | 'format',
    /** What was found instead: "HTTP 404", "an HTML page, not JSON", the format number. */
    readonly detail: string,
  ) {
    super(`no snapshot at ${url} (${detail})`);
    this.name = 'SnapshotUnavailableError';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_EVENT_COUNT;
}

function isFileRef(value: unknown): value is SnapshotFileRef {
  return isRecord(value) && typeof value.path === 'string' && isCount(value.count);
}

/**
 * A table keyed by feed values (region codes, day dates, choice ids), rebuilt without a
 * prototype and with only the entries that pass: `counts.region['constructor']` must be
 * undefined, not Object's constructor, whatever key a page or a file asks for.
 */
function ownTable<T>(value: unknown, isEntry: (entry: unknown) => entry is T): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  if (!isRecord(value)) return table;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (key !== '__proto__' && isEntry(entry)) table[key] = entry;
  }
  return table;
}

const COUNT_TABLES = ['region', 'department', 'type', 'audience', 'attendance', 'day'] as const;

export function validateIndex(body: unknown): SnapshotIndex {
  if (!isRecord(body)) throw new SnapshotError('index.json is not an object');
  if (!isReadableFormat(body.format)) {
    throw new SnapshotError(`unsupported snapshot format ${JSON.stringify(body.format)}`);
  }
  const files = body.files;
  if (!isRecord(files) || !isFileRef(files.all) || !isRecord(files.regions)) {
    throw new SnapshotError('index.json has no file list');
  }
  // Bounded: a damaged total (1e308) was printed in full on the banner.
  if (!isRecord(body.counts) || !isCount(body.total) || !isRecord(body.schema)) {
    throw new SnapshotError('index.json has no counts');
  }
  const counts = body.counts;
  for (const name of COUNT_TABLES) counts[name] = ownTable(counts[name], isCount);
  files.regions = ownTable(files.regions, isFileRef);
  // Lists work without details; a damaged details list only costs the opened cards their texts.
  files.details = ownTable(files.details, isFileRef);
  // Format 2's first pages only speed the first paint: damaged, they are ignored, not fatal.
  const first = files.first;
  if (isRecord(first) && isFileRef(first.all)) first.regions = ownTable(first.regions, isFileRef);
  else delete files.first;
  if (!isCount(body.skipped)) body.skipped = 0;
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
  return (
    isRecord(value) && ((typeof value.fr === 'string' && value.fr !== '') || (typeof value.en === 'string' && value.en !== ''))
  );
}

/**
 * Events are ours (the builder wrote them), but a CDN or a hand edit can still damage one; what
 * every card formats (slots in the event's zone, the title) is checked, so a damaged event is
 * dropped and counted instead of throwing while the list renders.
 */
function isUsableEvent(value: unknown, now: number): value is SnapshotEvent {
  if (!isRecord(value) || !Number.isSafeInteger(value.uid) || (value.uid as number) <= 0) return false;
  const timings = value.timings;
  if (!Array.isArray(timings) || timings.length === 0) return false;
  if (!timings.every(isSlot) || !isKnownZone(value.timezone) || !hasTitle(value.title)) return false;
  // The slots a visitor can still attend are kept (model/cap-timings.ts); checked first, since the
  // cap compares them.
  value.timings = capTimingList(timings as Timing[], now).timings;
  return true;
}

/** A shard entry as an event, or undefined when it cannot be shown (its title did not pass). */
function readShardEvent(value: unknown, index: ExpandContext | undefined, now: number): SdiEvent | undefined {
  if (!isUsableEvent(value, now)) return undefined;
  const event = expandEvent(value, index);
  return event.title.fr || event.title.en ? event : undefined;
}

/** HTTP statuses that mean "nothing published here" rather than "the network failed". */
const MISSING_STATUSES: ReadonlySet<number> = new Set([403, 404, 410]);

export async function readIndex(base: string, options: FetchJsonOptions): Promise<SnapshotIndex> {
  const url = new URL('index.json', base).href;
  // A web server's HTML page in its place (a site's catch-all route, a "not found" page served
  // with 200). fetchJson retries a body that does not parse, as a cut connection; a body that is
  // HTML is not one, so it is refused before parsing, as an error fetchJson does not retry.
  let body: unknown;
  try {
    body = await fetchJson(url, {
      ...options,
      readText: async (response) => {
        const text = await response.text();
        if (/^\s*</.test(text)) throw new HttpError('an HTML page, not JSON', 'parse');
        return text;
      },
    });
  } catch (error) {
    if (error instanceof HttpError && error.kind === 'http' && MISSING_STATUSES.has(error.status ?? 0)) {
      throw new SnapshotUnavailableError(url, 'missing', `HTTP ${error.status}`);
    }
    if (error instanceof HttpError && error.kind === 'parse') throw new SnapshotUnavailableError(url, 'not-json', error.message);
    throw error;
  }
  if (!isRecord(body) || !isReadableFormat(body.format)) {
    const format = isRecord(body) ? (JSON.stringify(body.format) ?? 'none') : 'not an object';
    throw new SnapshotUnavailableError(url, 'format', `format ${format}, this code reads format ${SNAPSHOT_FORMAT}`);
  }
  return validateIndex(body);
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
const EVENTS_HEADS = [`{"format":${SNAPSHOT_FORMAT},"events":[`, '{"format":1,"events":['] as const;
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
  const head = EVENTS_HEADS.find((h) => text.startsWith(h));
  if (text.length < 2 * PARSE_SLICE_CHARS || !head || !text.startsWith(EVENTS_TAIL, last)) {
    return JSON.parse(text);
  }
  const events: unknown[] = [];
  let from = head.length;
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
  return { format: head === EVENTS_HEADS[0] ? SNAPSHOT_FORMAT : 1, events };
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
  return readEventsBody(body, ref, base, options.signal, index);
}

/** The events of an events file's parsed body (see readEvents), checked and expanded in slices. */
export async function readEventsBody(
  body: unknown,
  ref: SnapshotFileRef,
  base: string,
  signal: AbortSignal | undefined,
  index?: ExpandContext,
): Promise<{ events: SdiEvent[]; dropped: number }> {
  if (!isRecord(body) || !isReadableFormat(body.format) || !Array.isArray(body.events)) {
    throw new SnapshotError(`${ref.path} is not an events file`);
  }
  const events: SdiEvent[] = [];
  let dropped = 0;
  // Mirrored images are paths relative to the snapshot: expanding resolves them against `base`.
  const context: ExpandContext = { agenda: index?.agenda ?? {}, base };
  // The national file is 8,000 events: checking and expanding them in the parse's last task
  // doubled it. They are done in slices from the next task on, and a widget leaving the page
  // (an abort) stops them within a slice.
  await yieldToBrowser(signal);
  const now = Date.now();
  await forEachSliced(
    body.events as unknown[],
    (value) => {
      const event = readShardEvent(value, context, now);
      if (event) events.push(event);
      else dropped += 1;
    },
    signal,
  );
  return { events, dropped };
}

// ---------------------------------------------------------------------------------------------
// Details

function readEntry(value: unknown): EventDetails | undefined {
  if (!isRecord(value)) return undefined;
  const details: EventDetails = {};
  const description = shardText(value.description, TEXT_MAX_LENGTH);
  if (description.fr || description.en) details.description = description;
  const conditions = shardText(value.conditions, TEXT_MAX_LENGTH);
  if (conditions.fr || conditions.en) details.conditions = conditions;
  if (Array.isArray(value.registration)) {
    const registration = value.registration.map(shardRegistration).filter((r): r is Registration => !!r);
    if (registration.length > 0) details.registration = registration;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

/** The entries of a details file body; malformed entries (and registration links) are skipped. */
export function validateDetails(body: unknown, path: string): Map<number, EventDetails> {
  if (!isRecord(body) || !isReadableFormat(body.format) || !isRecord(body.details)) {
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
