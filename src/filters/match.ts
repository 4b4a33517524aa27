/**
 * The events matching a filter state. Runs on every keystroke of the search box and must stay
 * within a frame budget for ~10,000 events: each criterion becomes a test of a few array reads.
 */
import { searchOf, type EventIndex } from './event-index.js';
import { ATTENDANCE_BIT, type Facets } from './facet-index.js';
import { ACCESSIBILITY_KEYS, isEmptyFilter, type FilterState } from './filter-state.js';
import { queryTokens } from './query.js';
import { tokenMatcher } from './text-search.js';
import { fold } from '../geo/fold.js';
import type { SdiEvent } from '../model/types.js';
import { dayNumber } from '../time/local-day.js';

let scratch = new Int32Array(0);

/** A test of event number i, prepared once per call so that per event it is a few array reads. */
type Test = (i: number) => boolean;

/**
 * The events of `index` matching every criterion of `state`, in index order. Values that cannot
 * mean anything (an invalid date, an unknown attendance) are ignored rather than matching nothing:
 * the state may come from a hand-edited URL.
 */
export function filterEvents(index: EventIndex, state: FilterState): SdiEvent[] {
  const { events } = index;
  if (isEmptyFilter(state)) return events.slice();
  const tests = buildTests(index, state);
  const [first, ...rest] = tests;
  if (!first) return events.slice();
  // One pass per criterion over the survivors of the previous ones, so the dearer tests (the
  // text search comes last) only see what the cheap ones left. The buffer is reused: this runs
  // on every keystroke, and garbage made per call shows up as the occasional slow frame.
  if (scratch.length < events.length) scratch = new Int32Array(events.length);
  const survivors = scratch;
  let count = 0;
  for (let i = 0; i < events.length; i++) if (first(i)) survivors[count++] = i;
  for (const test of rest) {
    if (count === 0) break;
    let kept = 0;
    // Reading ahead of the writes: survivor k is read before position k can be overwritten.
    for (const i of survivors.subarray(0, count)) if (test(i)) survivors[kept++] = i;
    count = kept;
  }
  const out: SdiEvent[] = [];
  for (const i of survivors.subarray(0, count)) {
    const event = events[i];
    if (event) out.push(event);
  }
  return out;
}

// Cheapest and most selective tests first; the text search, the dearest, runs last on survivors.
function buildTests(index: EventIndex, state: FilterState): Test[] {
  const f = index.facets;
  const tests: Test[] = [];
  const region = state.region?.trim();
  if (region) tests.push((i) => f.region[i] === region);
  const department = state.department?.trim().toUpperCase();
  if (department) tests.push((i) => f.department[i] === department);
  const attendance = state.attendance === 'onsite' || state.attendance === 'online' ? ATTENDANCE_BIT[state.attendance] : 0;
  if (attendance) tests.push((i) => ((f.attendance[i] ?? 0) & attendance) !== 0);
  const types = idSet(state.types);
  if (types) tests.push((i) => anyIn(f.types[i], types));
  const audiences = idSet(state.audiences);
  if (audiences) tests.push((i) => anyIn(f.audiences[i], audiences));
  let access = 0;
  ACCESSIBILITY_KEYS.forEach((key, bit) => {
    if (state.accessibility?.includes(key)) access |= 1 << bit;
  });
  if (access) tests.push((i) => ((f.access[i] ?? 0) & access) === access);
  const dates = dateTest(f, state);
  if (dates) tests.push(dates);
  const city = cityTest(f, state.city);
  if (city) tests.push(city);
  const text = textTest(index, state.q);
  if (text) tests.push(text);
  return tests;
}

function anyIn(ids: readonly number[] | undefined, wanted: Set<number>): boolean {
  if (!ids) return false;
  for (const id of ids) if (wanted.has(id)) return true;
  return false;
}

function idSet(ids: readonly number[] | undefined): Set<number> | undefined {
  return ids && ids.length > 0 ? new Set(ids) : undefined;
}

function dateTest(f: Facets, state: FilterState): Test | undefined {
  const from = dayNumber(state.from) ?? Number.NEGATIVE_INFINITY;
  const to = dayNumber(state.to) ?? Number.POSITIVE_INFINITY;
  if (from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY) return undefined;
  return (i) => {
    const days = f.days[i];
    if (!days) return false;
    // A slot matches when it overlaps [from, to]: a three-day exhibition is "on" its middle day.
    for (let k = 0; k + 1 < days.length; k += 2) {
      const firstDay = days[k];
      const lastDay = days[k + 1];
      if (firstDay !== undefined && lastDay !== undefined && firstDay <= to && lastDay >= from) return true;
    }
    return false;
  };
}

const POSTCODE_PREFIX = /^\d{2,5}$/;

function cityTest(f: Facets, city: string | undefined): Test | undefined {
  const raw = city?.trim();
  if (!raw) return undefined;
  const compact = raw.replace(/\s+/g, '');
  if (POSTCODE_PREFIX.test(compact)) return (i) => f.postcode[i]?.startsWith(compact) === true;
  const wanted = fold(raw);
  if (!wanted) return undefined;
  // Prefix rather than equality alone, so "Lyon" also finds "Lyon 3e Arrondissement".
  return (i) => f.city[i]?.startsWith(wanted) === true;
}

function textTest(index: EventIndex, q: string | undefined): Test | undefined {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return undefined;
  const search = searchOf(index);
  const matchers = tokens.map((token) => tokenMatcher(search, token, index.events.length));
  if (matchers.length === 1) return matchers[0];
  return (i) => {
    for (const matches of matchers) if (!matches(i)) return false;
    return true;
  };
}
