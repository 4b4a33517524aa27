/**
 * Reader of the OpenAgenda API v2: URLs, one page of events, a whole agenda, its configuration.
 * Shared by the snapshot builder (Node) and the widgets' live mode (browser), so it stays
 * browser-safe: no Node imports, the fetch function is injectable.
 */
import { fetchJson, type FetchJsonOptions, type FetchLike } from './http.js';

export const DEFAULT_API = 'https://api.openagenda.com/v2';
/** The API refuses larger pages. */
export const MAX_PAGE_SIZE = 300;
/** 1,000 pages of 300 is far beyond any edition (about 8,000 events): only a broken cursor gets there. */
export const DEFAULT_MAX_PAGES = 1000;

export interface ApiSource {
  /** Base URL of the API, default https://api.openagenda.com/v2. */
  api?: string;
  agenda: string | number;
  /** Public read key; sent as a header so it stays out of URLs, logs and caches. */
  key?: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxWaitMs?: number;
  onRetry?: FetchJsonOptions['onRetry'];
  /** Largest response body read (FetchJsonOptions.maxBytes); unset in the browser. */
  maxBodyBytes?: number;
}

export type RelativeTime = 'passed' | 'current' | 'upcoming';

export interface EventQuery {
  /** Page size, 1–300; default 300. */
  size?: number;
  /** Ask for every public field (timings, full location…); default true. */
  detailed?: boolean;
  relative?: RelativeTime[];
  /** ISO instant, sent as timings[gte]. */
  from?: string;
  /** ISO instant, sent as timings[lte]. */
  to?: string;
  search?: string;
  /** Region names, sent as adminLevel1[] (the API filters by name, not by INSEE code). */
  region?: string[];
  /** Department names, sent as adminLevel2[]. */
  department?: string[];
  /** Custom-field filters: field code → option ids, sent as code[]=id. */
  custom?: Record<string, number[]>;
  includeFields?: string[];
}

/** A cursor value as the API sends it: sort keys and the event uid. */
export type CursorValue = string | number | boolean | null;
export type Cursor = CursorValue[];

export interface EventsPage {
  total: number;
  events: unknown[];
  after: Cursor | null;
}

export interface ReadAllResult {
  events: unknown[];
  total: number;
  pages: number;
}

export interface ReadAllOptions {
  maxPages?: number;
}

/** The API answered with JSON that is not the documented shape (wrong URL, API change). */
export class ApiShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiShapeError';
  }
}

/** Digits only: the uid goes into a URL path, where "../" or "?" would change the request. */
export function agendaUid(agenda: string | number): string {
  const text = String(agenda).trim();
  if (!/^\d{1,20}$/.test(text)) throw new TypeError(`invalid agenda uid: ${JSON.stringify(String(agenda))}`);
  return text;
}

/** Only http(s): a "javascript:" or "file:" base must not reach fetch. */
export function apiBase(api: string | undefined): string {
  const raw = api ?? DEFAULT_API;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`invalid API base URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`the API base URL must be http(s): ${raw}`);
  }
  if (url.search || url.hash) throw new TypeError(`the API base URL must not carry a query: ${raw}`);
  return url.href.replace(/\/+$/, '');
}

// Field codes become parameter names; a code like "key" or "after" would hijack another parameter.
const FIELD_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const RESERVED_PARAMS = new Set([
  'key',
  'after',
  'size',
  'from',
  'detailed',
  'sort',
  'search',
  'uid',
  'relative',
  'timings',
  'includefields',
  'monolingual',
  'includelabels',
  'longdescriptionformat',
  'keyword',
  'status',
]);

function fieldCode(code: string): string {
  if (!FIELD_CODE.test(code) || RESERVED_PARAMS.has(code.toLowerCase())) {
    throw new TypeError(`invalid custom field code: ${JSON.stringify(code)}`);
  }
  return code;
}

/**
 * Query strings keep "[" and "]" literal: the API (qs) reads both forms, and literal brackets
 * keep URLs readable in logs and in the mock's request list.
 */
class Query {
  private readonly parts: string[] = [];

  add(name: string, value: string | number | boolean): void {
    const key = encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']');
    this.parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }

  addAll(name: string, values: readonly (string | number | boolean)[] | undefined): void {
    for (const value of values ?? []) this.add(`${name}[]`, value);
  }

  toString(): string {
    return this.parts.join('&');
  }
}

export function pageSize(size: number | undefined): number {
  if (size === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid page size: ${size}`);
  return Math.min(size, MAX_PAGE_SIZE);
}

export function eventsUrl(source: ApiSource, query: EventQuery = {}, after?: Cursor | null): string {
  const q = new Query();
  q.add('size', pageSize(query.size));
  if (query.detailed ?? true) q.add('detailed', 1);
  for (const value of after ?? []) q.add('after[]', value === null ? '' : value);
  q.addAll('relative', query.relative);
  if (query.from) q.add('timings[gte]', query.from);
  if (query.to) q.add('timings[lte]', query.to);
  if (query.search) q.add('search', query.search);
  q.addAll('adminLevel1', query.region);
  q.addAll('adminLevel2', query.department);
  for (const [code, ids] of Object.entries(query.custom ?? {})) {
    q.addAll(
      fieldCode(code),
      ids.filter((id) => Number.isInteger(id)),
    );
  }
  q.addAll('includeFields', query.includeFields);
  return `${apiBase(source.api)}/agendas/${agendaUid(source.agenda)}/events?${q.toString()}`;
}

export function agendaUrl(source: ApiSource): string {
  return `${apiBase(source.api)}/agendas/${agendaUid(source.agenda)}?detailed=1`;
}

function httpOptions(source: ApiSource): FetchJsonOptions {
  const { key, fetch, signal, timeoutMs, retries, backoffMs, maxWaitMs, onRetry, maxBodyBytes } = source;
  // fetchJson reads each option with `??`, so absent ones may stay undefined.
  const options: FetchJsonOptions = {
    headers: key ? { key } : {},
    fetch,
    signal,
    timeoutMs,
    retries,
    backoffMs,
    maxWaitMs,
    onRetry,
  };
  if (maxBodyBytes !== undefined) options.maxBytes = maxBodyBytes;
  return options;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCursorValue(value: unknown): value is CursorValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Checks the documented list shape; anything else would silently become "no events". */
export function parseEventsPage(body: unknown): EventsPage {
  if (!isRecord(body)) throw new ApiShapeError('events response is not a JSON object');
  const { total, events, after } = body;
  // Safe integers only: banners print this figure, and 1e300 is an integer too.
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new ApiShapeError('events response has no valid "total"');
  }
  if (!Array.isArray(events)) throw new ApiShapeError('events response has no "events" array');
  if (after !== null && after !== undefined && !(Array.isArray(after) && after.every(isCursorValue))) {
    throw new ApiShapeError('events response has an invalid "after" cursor');
  }
  return { total, events, after: Array.isArray(after) && after.length > 0 ? after : null };
}

export async function fetchAgenda(source: ApiSource): Promise<Record<string, unknown>> {
  const body = await fetchJson(agendaUrl(source), httpOptions(source));
  if (!isRecord(body)) throw new ApiShapeError('agenda response is not a JSON object');
  return body;
}

export async function fetchEventsPage(source: ApiSource, query: EventQuery = {}, after?: Cursor | null): Promise<EventsPage> {
  return parseEventsPage(await fetchJson(eventsUrl(source, query, after), httpOptions(source)));
}

/**
 * Follows the cursor to the end: only a null cursor or an empty page ends the read. `total` is
 * never trusted to stop it (a capped or lying `total` with short pages would truncate the agenda,
 * #11.6); the API sends a cursor with its last page, which costs one request coming back empty.
 * Records seen twice (the agenda changed during the read) are kept: the normaliser drops and
 * counts duplicates. The caller compares what was read with `total`.
 */
export async function readAllEvents(
  source: ApiSource,
  query: EventQuery = {},
  onPage?: (page: { events: unknown[]; total: number; pageIndex: number }) => void,
  options: ReadAllOptions = {},
): Promise<ReadAllResult> {
  const size = pageSize(query.size);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const events: unknown[] = [];
  const seenCursors = new Set<string>();
  let total = 0;
  let after: Cursor | null = null;
  for (let pageIndex = 0; ; pageIndex++) {
    if (pageIndex >= maxPages) {
      throw new ApiShapeError(`stopped after ${maxPages} pages: the cursor does not reach the end`);
    }
    const page = await fetchEventsPage(source, { ...query, size }, after);
    // The API never sends more than asked; a page that does is hostile or broken, and the list
    // it carries must not reach code that could spread it onto the stack.
    if (page.events.length > size) {
      throw new ApiShapeError(`the API sent ${page.events.length} events in a page of ${size}`);
    }
    total = page.total;
    for (const event of page.events) events.push(event);
    onPage?.({ events: page.events, total: page.total, pageIndex });
    if (page.after === null || page.events.length === 0) return { events, total, pages: pageIndex + 1 };
    // A cursor seen before would loop forever (a server bug, or a proxy caching by path only).
    const cursorKey = JSON.stringify(page.after);
    if (seenCursors.has(cursorKey)) {
      throw new ApiShapeError(`the "after" cursor repeats (${cursorKey}) at page ${pageIndex + 1}`);
    }
    seenCursors.add(cursorKey);
    after = page.after;
  }
}
