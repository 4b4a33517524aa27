/**
 * Per-agenda index of the raw records: parsed timings, folded names and the sort caches, built
 * once so each request costs one linear pass over numbers and short strings instead of
 * re-parsing dates and re-folding text for 8,000 events on every page.
 */
import { fold } from '../../src/geo/fold.js';
import { isRecord } from './json.js';
import { customFieldsOf, type CustomField } from './schema.js';
import type { JsonObject, MockAgenda } from './types.js';

export interface Slot {
  begin: number;
  end: number;
  raw: JsonObject;
}

export type Relative = 'passed' | 'current' | 'upcoming';

export interface IndexedEvent {
  raw: JsonObject;
  uid: number;
  /** Sorted by begin, then end. */
  slots: Slot[];
  /** NaN when the record has no timing at all. */
  firstBegin: number;
  lastEnd: number;
  featured: boolean;
  updatedAt: number;
  keywords: Set<string>;
  adminLevel1: Set<string>;
  adminLevel2: Set<string>;
  adminLevel4: Set<string>;
  latitude: number | undefined;
  longitude: number | undefined;
  /** Folded search text; built on the first search since most reads never search. */
  searchText: string | undefined;
}

/** Cached order of one sort; valid while the clock stays in [from, until). */
export interface SortCache {
  from: number;
  until: number;
  entries: SortedEvent[];
}

export interface SortedEvent {
  event: IndexedEvent;
  key: number[];
}

export interface AgendaIndex {
  agenda: MockAgenda;
  source: JsonObject[];
  sourceLength: number;
  events: IndexedEvent[];
  byUid: Map<string, IndexedEvent>;
  customFields: Map<string, CustomField>;
  sorts: Map<string, SortCache>;
}

/** Accepts the three offset spellings the API writes: +0100, +01:00 and .000+01:00. */
export function parseTime(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

function slotOf(value: unknown): Slot | undefined {
  if (!isRecord(value)) return undefined;
  const begin = parseTime(value.begin);
  const end = parseTime(value.end);
  if (Number.isNaN(begin) || Number.isNaN(end)) return undefined;
  return { begin, end, raw: value };
}

function slotsOf(raw: JsonObject): Slot[] {
  // Records without `timings` (non-detailed data) still locate themselves in time through
  // their first/last timing.
  const sources = Array.isArray(raw.timings) ? raw.timings : [raw.firstTiming, raw.lastTiming];
  const slots: Slot[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const slot = slotOf(source);
    if (!slot || seen.has(`${slot.begin}/${slot.end}`)) continue;
    seen.add(`${slot.begin}/${slot.end}`);
    slots.push(slot);
  }
  return slots.sort((a, b) => a.begin - b.begin || a.end - b.end);
}

function multilingualTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(multilingualTexts);
  if (isRecord(value)) return Object.values(value).flatMap(multilingualTexts);
  return [];
}

function foldedSet(...values: unknown[]): Set<string> {
  const result = new Set<string>();
  for (const value of values) if (typeof value === 'string' && value) result.add(fold(value));
  return result;
}

function finite(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function indexEvent(raw: JsonObject): IndexedEvent | undefined {
  const uid = finite(raw.uid);
  if (uid === undefined) return undefined;
  const slots = slotsOf(raw);
  const location = isRecord(raw.location) ? raw.location : {};
  const updatedAt = parseTime(raw.updatedAt);
  return {
    raw,
    uid,
    slots,
    firstBegin: slots[0]?.begin ?? Number.NaN,
    lastEnd: slots.length ? Math.max(...slots.map((slot) => slot.end)) : Number.NaN,
    featured: raw.featured === true || raw.featured === 1,
    updatedAt: Number.isNaN(updatedAt) ? 0 : updatedAt,
    keywords: new Set(multilingualTexts(raw.keywords).map(fold)),
    // Newer records name the levels adminLevelN, older ones region/department/city: the
    // filters accept either spelling, so the index holds both.
    adminLevel1: foldedSet(location.adminLevel1, location.region),
    adminLevel2: foldedSet(location.adminLevel2, location.department),
    adminLevel4: foldedSet(location.adminLevel4, location.city),
    latitude: finite(location.latitude),
    longitude: finite(location.longitude),
    searchText: undefined,
  };
}

/** Field separator that fold() keeps, so a search term cannot match across two fields. */
const SEPARATOR = ' \u0001 ';

export function searchTextOf(event: IndexedEvent): string {
  if (event.searchText === undefined) {
    const raw = event.raw;
    const location = isRecord(raw.location) ? raw.location : {};
    const parts = [
      ...multilingualTexts(raw.title),
      ...multilingualTexts(raw.description),
      ...multilingualTexts(raw.longDescription),
      ...multilingualTexts(raw.keywords),
      ...multilingualTexts(location.name),
      ...multilingualTexts(location.city),
      ...multilingualTexts(location.adminLevel4),
    ];
    event.searchText = parts.map(fold).join(SEPARATOR);
  }
  return event.searchText;
}

/**
 * The API's notion, per its docs: current means some timings are passed and some are still to
 * come (or one is running now), not "happening today".
 */
export function relativeOf(event: IndexedEvent, now: number): Relative {
  if (!event.slots.length || event.lastEnd <= now) return 'passed';
  if (event.firstBegin > now) return 'upcoming';
  return 'current';
}

/** The first slot not yet over: a running slot is still the next one for a visitor. */
export function nextSlotOf(event: IndexedEvent, now: number): Slot | undefined {
  return event.slots.find((slot) => slot.end > now);
}

const indexes = new WeakMap<MockAgenda, AgendaIndex>();

/**
 * The index of an agenda, rebuilt when its events array was replaced or resized, so a test can
 * edit an agenda between requests without recreating the mock.
 */
export function indexOf(agenda: MockAgenda): AgendaIndex {
  const cached = indexes.get(agenda);
  if (cached && cached.source === agenda.events && cached.sourceLength === agenda.events.length) {
    return cached;
  }
  const events: IndexedEvent[] = [];
  const byUid = new Map<string, IndexedEvent>();
  for (const raw of agenda.events) {
    const event = isRecord(raw) ? indexEvent(raw) : undefined;
    if (!event) continue;
    events.push(event);
    byUid.set(String(event.uid), event);
  }
  const index: AgendaIndex = {
    agenda,
    source: agenda.events,
    sourceLength: agenda.events.length,
    events,
    byUid,
    customFields: customFieldsOf(agenda.config),
    sorts: new Map(),
  };
  indexes.set(agenda, index);
  return index;
}
