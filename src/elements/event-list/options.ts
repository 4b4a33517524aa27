/**
 * The list's own presentation attributes (not the filters): parsed strictly, each bad value
 * reported with the default kept, so a typo in a partner's snippet never blanks the widget.
 */
import type { SortKey } from '../../list/sort.js';
import { partnerLink } from '../../security/link-policy.js';
import type { FilterState } from '../../filters/filter-state.js';
import type { AttributeProblems } from '../shared/attribute-problems.js';
import type { ListMessages } from './messages.js';

export type Layout = 'list' | 'compact' | 'grid';

/** Controls a partner can offer visitors, by the names used in the `filters` attribute. */
export const CONTROL_KEYS = [
  'region',
  'department',
  'city',
  'type',
  'audience',
  'date',
  'attendance',
  'accessibility',
  'search',
  'near',
] as const;
export type ControlKey = (typeof CONTROL_KEYS)[number];

export const DEFAULT_CONTROLS: readonly ControlKey[] = ['region', 'department', 'type', 'audience', 'date', 'search'];
export const DEFAULT_PAGE_SIZE = 20;
/** A page of thousands of cards would defeat paging; more than this is capped, not refused. */
const MAX_PAGE_SIZE = 500;

export interface OptionProblem {
  attribute: string;
  value: string;
  message: string;
}

export interface ListOptions {
  pageSize: number;
  sort: SortKey;
  layout: Layout;
  /** Teaser mode: at most this many events, no controls, no paging. */
  limit?: number;
  href?: string;
  controls: ReadonlySet<ControlKey>;
}

export interface OptionAttributes {
  pageSize?: string | null;
  sort?: string | null;
  layout?: string | null;
  limit?: string | null;
  href?: string | null;
  filters?: string | null;
}

function positiveInteger(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function isSortKey(value: string): value is SortKey {
  return value === 'date' || value === 'distance' || value === 'title';
}

function isLayout(value: string): value is Layout {
  return value === 'list' || value === 'compact' || value === 'grid';
}

function isControlKey(value: string): value is ControlKey {
  return (CONTROL_KEYS as readonly string[]).includes(value);
}

export function parseOptions(
  attrs: OptionAttributes,
  m: ListMessages,
  baseUri: string,
): {
  options: ListOptions;
  problems: OptionProblem[];
} {
  const problems: OptionProblem[] = [];
  let pageSize = DEFAULT_PAGE_SIZE;
  if (attrs.pageSize != null && attrs.pageSize.trim() !== '') {
    const n = positiveInteger(attrs.pageSize);
    if (n === undefined)
      problems.push({ attribute: 'page-size', value: attrs.pageSize, message: m.invalidPageSize(attrs.pageSize) });
    else pageSize = Math.min(n, MAX_PAGE_SIZE);
  }
  let sort: SortKey = 'date';
  if (attrs.sort != null && attrs.sort.trim() !== '') {
    const value = attrs.sort.trim().toLowerCase();
    if (isSortKey(value)) sort = value;
    else problems.push({ attribute: 'sort', value: attrs.sort, message: m.invalidSort(attrs.sort) });
  }
  let layout: Layout = 'list';
  if (attrs.layout != null && attrs.layout.trim() !== '') {
    const value = attrs.layout.trim().toLowerCase();
    if (isLayout(value)) layout = value;
    else problems.push({ attribute: 'layout', value: attrs.layout, message: m.invalidLayout(attrs.layout) });
  }
  let limit: number | undefined;
  if (attrs.limit != null && attrs.limit.trim() !== '') {
    limit = positiveInteger(attrs.limit);
    if (limit === undefined) problems.push({ attribute: 'limit', value: attrs.limit, message: m.invalidLimit(attrs.limit) });
    else limit = Math.min(limit, MAX_PAGE_SIZE);
  }
  let href: string | undefined;
  if (attrs.href != null && attrs.href.trim() !== '') {
    href = partnerLink(attrs.href, baseUri);
    if (!href) problems.push({ attribute: 'href', value: attrs.href, message: m.invalidHref });
  }
  const controls = new Set<ControlKey>(DEFAULT_CONTROLS);
  if (attrs.filters != null && attrs.filters.trim() !== '') {
    const words = attrs.filters
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    controls.clear();
    const unknown: string[] = [];
    for (const word of words) {
      if (word === 'none') continue;
      // "q" and "dates" are what partners naturally write next to region and type.
      const key = word === 'q' ? 'search' : word === 'dates' ? 'date' : word === 'types' ? 'type' : word;
      if (isControlKey(key)) controls.add(key);
      else unknown.push(word);
    }
    if (unknown.length)
      problems.push({ attribute: 'filters', value: attrs.filters, message: m.invalidFilters(unknown.join(', ')) });
  }
  // Distance order needs the visitor's position, which only the «Près de moi» button asks for.
  if (sort === 'distance' && controls.size > 0) controls.add('near');
  return {
    options: { pageSize, sort, layout, ...(limit !== undefined ? { limit } : {}), ...(href ? { href } : {}), controls },
    problems,
  };
}

/** Which keys of the state a visitor can change through each control (and so may clear). */
const CONTROL_STATE_KEYS: Record<ControlKey, (keyof FilterState)[]> = {
  region: ['region'],
  department: ['department'],
  city: ['city'],
  type: ['types'],
  audience: ['audiences'],
  date: ['from', 'to'],
  attendance: ['attendance'],
  accessibility: ['accessibility'],
  search: ['q'],
  near: [],
};

/** The keys a visitor can change with these controls, and so may clear; partner presets without a control stay. */
export function clearableKeys(controls: ReadonlySet<ControlKey>): (keyof FilterState)[] {
  return [...controls].flatMap((control) => CONTROL_STATE_KEYS[control]);
}

/** The element's properties `readOptions` reads: a change of any is read again. */
export const OPTION_PROPERTIES = ['pageSize', 'sort', 'layout', 'limit', 'href', 'controlsAttribute'] as const;

/** The element's option attributes read, each bad value reported in the widget and the console. */
export function readOptions(
  el: {
    pageSize?: string | undefined;
    sort?: string | undefined;
    layout?: string | undefined;
    limit?: string | undefined;
    href?: string | undefined;
    controlsAttribute?: string | undefined;
  },
  reported: AttributeProblems,
  m: ListMessages,
): ListOptions {
  const { options, problems } = parseOptions(
    {
      pageSize: el.pageSize ?? null,
      sort: el.sort ?? null,
      layout: el.layout ?? null,
      limit: el.limit ?? null,
      href: el.href ?? null,
      filters: el.controlsAttribute ?? null,
    },
    m,
    document.baseURI,
  );
  for (const attribute of ['page-size', 'sort', 'layout', 'limit', 'href', 'filters']) reported.clear(attribute);
  for (const problem of problems) reported.report(problem);
  return options;
}
