/**
 * Filters in the page URL (`sync-url`), so a filtered list can be bookmarked and shared. Keys are
 * prefixed (`sdi-region`) because the URL belongs to the host page: its own parameters and anchor
 * are kept byte for byte, and only our keys are ever rewritten.
 */
import type { AccessibilityKey, FilterKey, FilterState } from './filter-state.js';
import { cleanFilters, FILTER_KEYS } from './filter-state.js';
import { findDepartment, findRegion } from '../geo/admin.js';
import { formatIsoDate, parseIsoDate } from '../time/iso-date.js';

export interface UrlStateOptions {
  prefix?: string;
  mode?: 'query' | 'hash';
}

const DEFAULT_PREFIX = 'sdi-';
const ACCESSIBILITY_KEYS: readonly AccessibilityKey[] = ['hi', 'vi', 'pi', 'mi', 'ii'];

/** Our parameters in FILTER_KEYS order, as [key, value] pairs; lists are comma-separated. */
function entries(state: FilterState, prefix: string): [string, string][] {
  const clean = cleanFilters(state);
  const out: [string, string][] = [];
  for (const key of FILTER_KEYS) {
    const value = clean[key];
    if (value === undefined) continue;
    out.push([prefix + key, Array.isArray(value) ? value.join(',') : value]);
  }
  return out;
}

export function filtersToParams(state: FilterState, prefix: string = DEFAULT_PREFIX): URLSearchParams {
  return new URLSearchParams(entries(state, prefix));
}

/** Whatever can be read from `params`; values that cannot be filters are dropped without a word. */
export function filtersFromParams(params: URLSearchParams, prefix: string = DEFAULT_PREFIX): FilterState {
  const get = (key: FilterKey): string | undefined => params.get(prefix + key)?.trim() || undefined;
  const state: FilterState = {};
  const region = findRegion(get('region'));
  if (region) state.region = region.code;
  const department = findDepartment(get('department'));
  if (department) state.department = department.code;
  const city = get('city');
  if (city) state.city = city;
  const types = ids(get('types'));
  if (types.length > 0) state.types = types;
  const audiences = ids(get('audiences'));
  if (audiences.length > 0) state.audiences = audiences;
  const from = date(get('from'));
  const to = date(get('to'));
  // A reversed range is dropped whole: half of it would show something nobody asked for.
  if (!(from && to && from > to)) {
    if (from) state.from = from;
    if (to) state.to = to;
  }
  const attendance = get('attendance');
  if (attendance === 'onsite' || attendance === 'online') state.attendance = attendance;
  const accessibility = (get('accessibility') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k): k is AccessibilityKey => (ACCESSIBILITY_KEYS as readonly string[]).includes(k));
  if (accessibility.length > 0) state.accessibility = accessibility;
  const q = get('q');
  if (q) state.q = q;
  return cleanFilters(state);
}

function ids(value: string | undefined): number[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d{1,9}$/.test(part))
    .map(Number);
}

function date(value: string | undefined): string | undefined {
  const parsed = parseIsoDate(value);
  return parsed ? formatIsoDate(parsed) : undefined;
}

interface SplitUrl {
  base: string;
  query: string | undefined;
  hash: string | undefined;
}

// By hand rather than with `new URL`, so relative URLs work and the host's own parameters are not
// re-encoded (URLSearchParams would turn "a=b%20c" into "a=b+c").
function splitUrl(url: string): SplitUrl {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? undefined : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  return {
    base: queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt),
    query: queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1),
    hash,
  };
}

function decodeKey(piece: string): string {
  const raw = piece.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

// Commas stay readable: they are legal in a query and make "sdi-types=1,4" easy to edit.
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}

/** `part` without our keys, with ours appended; the pieces the host put there stay as they were. */
function rewrite(part: string | undefined, state: FilterState, prefix: string): string {
  const ours = new Set(FILTER_KEYS.map((key) => prefix + key));
  const kept = (part ?? '').split('&').filter((piece) => piece !== '' && !ours.has(decodeKey(piece)));
  const added = entries(state, prefix).map(([key, value]) => `${encode(key)}=${encode(value)}`);
  return [...kept, ...added].join('&');
}

/**
 * The URL with `state` in it. In `hash` mode a plain anchor the host already uses (`#agenda`) is
 * kept in front of ours (`#agenda&sdi-region=32`); scrolling to it is then up to the host.
 */
export function withFilters(url: string, state: FilterState, options: UrlStateOptions = {}): string {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const { base, query, hash } = splitUrl(url);
  if (options.mode === 'hash') {
    const newHash = rewrite(hash, state, prefix);
    return `${base}${query !== undefined ? `?${query}` : ''}${newHash ? `#${newHash}` : ''}`;
  }
  const newQuery = rewrite(query, state, prefix);
  return `${base}${newQuery ? `?${newQuery}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
}

export function filtersFromUrl(url: string, options: UrlStateOptions = {}): FilterState {
  const { query, hash } = splitUrl(url);
  const part = options.mode === 'hash' ? hash : query;
  return filtersFromParams(new URLSearchParams(part ?? ''), options.prefix ?? DEFAULT_PREFIX);
}
