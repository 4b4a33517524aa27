/**
 * Reads the events endpoint's query string into typed filters, content options and paging,
 * rejecting what the real API rejects (400) instead of guessing, so a client bug shows up in
 * tests rather than as a silently different page.
 */
import { fold } from '../../src/geo/fold.js';
import type { Relative } from './event-index.js';
import { isChoiceField, type CustomField } from './schema.js';
import { DEFAULT_SORT, isSortName, keyLength, type SortName } from './sort.js';

export const DEFAULT_SIZE = 20;
export const MAX_SIZE = 300;

export interface GeoBox {
  north?: number;
  south?: number;
  east?: number;
  west?: number;
}

export interface EventFilters {
  relative?: Set<Relative>;
  timingsGte?: number;
  timingsLte?: number;
  updatedAtGte?: number;
  updatedAtLte?: number;
  /** Folded words, all of which must appear. */
  searchTerms?: string[];
  uids?: Set<string>;
  slugs?: Set<string>;
  /** Folded; all must be present (the docs: keyword filters combine with AND). */
  keywords?: string[];
  status?: Set<string>;
  attendanceMode?: Set<string>;
  featured?: boolean;
  adminLevel1?: Set<string>;
  adminLevel2?: Set<string>;
  adminLevel4?: Set<string>;
  locationUids?: Set<string>;
  accessibility?: string[];
  geo?: GeoBox;
  /** Custom field code → option ids, any of which matches. */
  custom: Map<string, Set<string>>;
}

export interface ContentOptions {
  detailed: boolean;
  includeFields?: string[];
  monolingual?: string;
  includeLabels: boolean;
}

export interface EventsQuery {
  filters: EventFilters;
  content: ContentOptions;
  size: number;
  from: number;
  after?: number[];
  sort: SortName;
}

export class QueryError extends Error {
  constructor(
    message: string,
    readonly info: Record<string, unknown>,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type Params = Map<string, string[]>;

/**
 * Groups repeated parameters. `after[]=`, `after[0]=` and `after=` are the same list (clients
 * serialise arrays all three ways); named brackets such as `timings[gte]` stay part of the name.
 */
export function paramsOf(search: URLSearchParams): Params {
  const params: Params = new Map();
  for (const [rawName, value] of search) {
    const name = rawName.replace(/\[\d*\]$/, '');
    const list = params.get(name);
    if (list) list.push(value);
    else params.set(name, [value]);
  }
  return params;
}

function first(params: Params, name: string): string | undefined {
  return params.get(name)?.[0];
}

function all(params: Params, ...names: string[]): string[] {
  return names.flatMap((name) => params.get(name) ?? []);
}

function invalid(name: string, value: string, reason: string): QueryError {
  return new QueryError(`"${name}" ${reason}`, { field: name, value });
}

function nonEmptySet(values: string[], map: (value: string) => string = (v) => v) {
  return values.length ? new Set(values.map(map)) : undefined;
}

function flag(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

function integer(params: Params, name: string, fallback: number, max: number): number {
  const value = first(params, name);
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw invalid(name, value, 'must be a non-negative integer');
  const number = Number(value);
  if (number > max) throw invalid(name, value, `must be less than or equal to ${max}`);
  return number;
}

function date(params: Params, name: string): number | undefined {
  const value = first(params, name);
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid(name, value, 'must be a valid ISO 8601 date');
  return time;
}

function coordinate(params: Params, name: string): number | undefined {
  const value = first(params, name);
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw invalid(name, value, 'must be a number');
  return number;
}

const RELATIVES: readonly Relative[] = ['passed', 'current', 'upcoming'];

function relative(params: Params): Set<Relative> | undefined {
  const values = all(params, 'relative');
  if (!values.length) return undefined;
  const result = new Set<Relative>();
  for (const value of values) {
    const known = RELATIVES.find((candidate) => candidate === value);
    if (!known) throw invalid('relative', value, `must be one of ${RELATIVES.join(', ')}`);
    result.add(known);
  }
  return result;
}

function geo(params: Params): GeoBox | undefined {
  const box: GeoBox = {
    north: coordinate(params, 'geo[northEast][lat]'),
    east: coordinate(params, 'geo[northEast][lng]'),
    south: coordinate(params, 'geo[southWest][lat]'),
    west: coordinate(params, 'geo[southWest][lng]'),
  };
  return Object.values(box).some((value) => value !== undefined) ? box : undefined;
}

function sort(params: Params): SortName {
  const values = all(params, 'sort');
  const [value] = values;
  if (value === undefined) return DEFAULT_SORT;
  if (values.length > 1 || !isSortName(value)) {
    throw invalid('sort', values.join(','), 'is not a supported sort');
  }
  return value;
}

function cursor(params: Params, sortName: SortName): number[] | undefined {
  const values = all(params, 'after');
  if (!values.length) return undefined;
  const key = values.map((value) => {
    // The docs show zero-padded strings ("000001758268800"), the recordings numbers: both parse.
    const number = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) throw invalid('after', value, 'must hold numbers');
    return number;
  });
  if (key.length !== keyLength(sortName)) {
    throw invalid('after', values.join(','), `does not match the sort ${sortName}`);
  }
  return key;
}

function customFilters(params: Params, fields: Map<string, CustomField>) {
  const custom = new Map<string, Set<string>>();
  for (const [code, field] of fields) {
    if (!isChoiceField(field)) continue;
    const values = all(params, code);
    if (values.length) custom.set(code, new Set(values));
  }
  return custom;
}

function searchTerms(params: Params): string[] | undefined {
  const text = all(params, 'search').join(' ');
  const terms = fold(text).split(' ').filter(Boolean);
  return terms.length ? terms : undefined;
}

export function parseEventsQuery(params: Params, customFields: Map<string, CustomField>): EventsQuery {
  const sortName = sort(params);
  const featured = first(params, 'featured');
  const filters: EventFilters = {
    relative: relative(params),
    timingsGte: date(params, 'timings[gte]'),
    timingsLte: date(params, 'timings[lte]'),
    updatedAtGte: date(params, 'updatedAt[gte]'),
    updatedAtLte: date(params, 'updatedAt[lte]'),
    searchTerms: searchTerms(params),
    uids: nonEmptySet(all(params, 'uid')),
    slugs: nonEmptySet(all(params, 'slug')),
    keywords: all(params, 'keyword').map(fold),
    status: nonEmptySet(all(params, 'status')),
    attendanceMode: nonEmptySet(all(params, 'attendanceMode')),
    featured: featured === undefined || featured === '' ? undefined : flag(featured),
    // The API renamed region/department/city to adminLevel1/2/4 in 2025; both still arrive.
    adminLevel1: nonEmptySet(all(params, 'adminLevel1', 'region'), fold),
    adminLevel2: nonEmptySet(all(params, 'adminLevel2', 'department'), fold),
    adminLevel4: nonEmptySet(all(params, 'adminLevel4', 'city'), fold),
    locationUids: nonEmptySet(all(params, 'locationUid')),
    accessibility: all(params, 'accessibility'),
    geo: geo(params),
    custom: customFilters(params, customFields),
  };
  const includeFields = all(params, 'includeFields', 'if').filter(Boolean);
  return {
    filters,
    content: {
      detailed: flag(first(params, 'detailed')),
      includeFields: includeFields.length ? includeFields : undefined,
      monolingual: first(params, 'monolingual') || undefined,
      includeLabels: flag(first(params, 'includeLabels')),
    },
    size: integer(params, 'size', DEFAULT_SIZE, MAX_SIZE),
    from: integer(params, 'from', 0, Number.MAX_SAFE_INTEGER),
    after: cursor(params, sortName),
    sort: sortName,
  };
}
