/**
 * Filtering the events a visitor sees. Everything that costs (folding text, finding each slot's
 * local day) is done once per dataset, in `indexEvents` and, for the text search, on the first
 * query; `filterEvents` then runs on every keystroke of the search box and must stay within a
 * frame budget for ~10,000 events.
 *
 * The text search works on a vocabulary rather than on each event's text: query words contain no
 * space, so a word is a substring of an event's text exactly when it is a substring of one of the
 * event's words. Scanning the distinct words of the whole dataset (a few hundred kB) and then
 * looking the matches up per event is several times faster than scanning 10 MB of descriptions,
 * whose cost also depends badly on how common the query's first letter is.
 *
 * Both structures are built by generators that yield after each event, so the list's
 * `prepareIndex` (elements/event-list/results.ts) can build them in idle time in slices that give
 * the main thread back (a phone is not frozen for half a second), while a filter arriving before
 * it finished runs the rest of the same build at once (`EventIndex.step`): the structures, hence
 * the results, are the same whichever way they were built, and no work already done is lost.
 */
import type { AccessibilityKey, FilterState } from './filter-state.js';
import { FILTER_KEYS } from './filter-state.js';
import { fold } from '../geo/fold.js';
import type { LocalText, SdiEvent } from '../model/types.js';
import { decodeEntities, MARKDOWN_IMAGE, MARKDOWN_LINK } from '../model/plain-text.js';
import { dayNumber, localDayNumber } from '../time/local-day.js';

export interface EventIndex {
  readonly events: readonly SdiEvent[];
  /** @internal */
  readonly facets: Facets;
  /** @internal Built on the first text query, or ahead of it by `prepareIndex` / `prepareSearch`. */
  search?: SearchIndex;
  /**
   * @internal One unit of work (an event) of the facets' build, then the search's, which a filter
   * that needs them now finishes at once and `prepareIndex` does in slices; true once both are built.
   */
  step(): boolean;
}

/**
 * @internal What the criteria test, one flat array per field, position i for event i. Events
 * parsed from JSON come in many object shapes (optional fields present or not), which makes
 * `event.location.regionCode` a slow megamorphic read; arrays of strings and numbers are not.
 */
export interface Facets {
  region: string[];
  department: string[];
  postcode: string[];
  /** Folded city ('' when unknown). */
  city: string[];
  /** ATTENDANCE_BIT of the event's attendance. */
  attendance: Uint8Array;
  /** One bit per accessibility, in ACCESSIBILITY_KEYS order. */
  access: Uint8Array;
  types: (readonly number[])[];
  audiences: (readonly number[])[];
  /** Local days of each slot as yyyymmdd numbers, in pairs (first day, last day), in the event's zone. */
  days: Int32Array[];
}

/** @internal Distinct folded words, and which events use them, in both directions. */
export interface SearchIndex {
  /** Every distinct word, separated by "\n", which no query word contains. */
  readonly blob: string;
  /** Offset in `blob` of each word, plus one past the end. */
  readonly wordStart: Int32Array;
  /** Word ids of event i: eventWords[eventWordStart[i] .. eventWordStart[i + 1]). */
  readonly eventWords: Int32Array;
  readonly eventWordStart: Int32Array;
  /** Events using word w: postings[postingStart[w] .. postingStart[w + 1]), ascending. */
  readonly postings: Int32Array;
  readonly postingStart: Int32Array;
  /** Matchers of recent query words: changing another criterion, or typing a second word, does not redo the first. */
  readonly matchers: Map<string, (i: number) => boolean>;
}

const ACCESSIBILITY_KEYS: readonly AccessibilityKey[] = ['hi', 'vi', 'pi', 'mi', 'ii'];

// Bits so that "onsite" keeps on-site and mixed events with one AND: mixed has both bits.
const ATTENDANCE_BIT = { onsite: 1, online: 2, mixed: 3 } as const;

/** Work that yields after each unit (an event), so that it can be run a slice at a time. */
type Steps<T> = Generator<undefined, T, undefined>;

/**
 * The facet arrays are built on the first filter that needs them, or by `prepareIndex`, not here:
 * the first paint of an unfiltered list (the common case: a visitor opening a page) must not wait
 * for the local day of every slot of the edition (~25 ms for 8,000 events in Chromium).
 */
export function indexEvents(events: readonly SdiEvent[]): EventIndex {
  let facets: Facets | undefined;
  let steps: Steps<void> | undefined;
  const index: EventIndex = {
    events,
    step() {
      steps ??= (function* () {
        facets ??= yield* facetSteps(events);
        index.search ??= yield* searchSteps(events);
      })();
      // Over (the builders' scratch, megabytes of raw words, is garbage then), or closed by an
      // error: the next call starts again from what is built, so a build that threw throws again
      // where its result is needed.
      if (steps.next().done) steps = undefined;
      return index.search !== undefined;
    },
    get facets(): Facets {
      while (!facets) index.step();
      return facets;
    },
  };
  return index;
}

/** Builds the facets now, in one task, sparing the visitor's first filter change the wait. */
export function prepareFacets(index: EventIndex): void {
  void index.facets;
}

function* facetSteps(events: readonly SdiEvent[]): Steps<Facets> {
  const n = events.length;
  const facets: Facets = {
    region: new Array<string>(n),
    department: new Array<string>(n),
    postcode: new Array<string>(n),
    city: new Array<string>(n),
    attendance: new Uint8Array(n),
    access: new Uint8Array(n),
    types: new Array<number[]>(n),
    audiences: new Array<number[]>(n),
    days: new Array<Int32Array>(n),
  };
  for (let i = 0; i < n; i++) {
    indexFacets(events[i] as SdiEvent, i, facets);
    yield;
  }
  return facets;
}

/**
 * Builds the text-search part of the index now, in one task, rather than on the first query. It
 * is most of the indexing cost (about half a second for 10,000 long descriptions in Node, more on
 * a phone) and many visitors never type a query, so it is left out of `indexEvents`.
 */
export function prepareSearch(index: EventIndex): void {
  searchOf(index);
}

function searchOf(index: EventIndex): SearchIndex {
  while (!index.search) index.step();
  return index.search;
}

// A few thousand distinct cities for 8,000 events: folding each once saves most of the cost.
const foldedCities = new Map<string, string>();
function foldCity(city: string): string {
  let folded = foldedCities.get(city);
  if (folded === undefined) {
    folded = fold(city);
    if (foldedCities.size > 50_000) foldedCities.clear();
    foldedCities.set(city, folded);
  }
  return folded;
}

function indexFacets(event: SdiEvent, i: number, f: Facets): void {
  const location = event.location;
  f.region[i] = location?.regionCode ?? '';
  f.department[i] = location?.departmentCode?.toUpperCase() ?? '';
  f.postcode[i] = location?.postalCode ?? '';
  f.city[i] = location?.city ? foldCity(location.city) : '';
  f.attendance[i] = ATTENDANCE_BIT[event.attendance] ?? 0;
  let access = 0;
  ACCESSIBILITY_KEYS.forEach((key, bit) => {
    if (event.accessibility?.[key] === true) access |= 1 << bit;
  });
  f.access[i] = access;
  f.types[i] = event.types ?? [];
  f.audiences[i] = event.audiences ?? [];
  f.days[i] = slotDays(event);
}

function allTexts(text: LocalText): string[] {
  const out: string[] = [];
  if (text.fr) out.push(text.fr);
  if (text.en && text.en !== text.fr) out.push(text.en);
  return out;
}

/**
 * The description's words without markup. Tags and link targets would otherwise be searchable
 * ("https", "em"); markdown emphasis and heading marks are trimmed off words when indexing.
 */
function searchableMarkup(markup: string): string {
  // Most descriptions are plain or light markdown: skip the passes that would find nothing.
  if (!markup.includes('<') && !markup.includes('](') && !markup.includes('&')) return markup;
  // Patterns shared with plainText, linear on hostile text (`[^<>]*`: see model/plain-text.ts).
  return decodeEntities(
    markup
      .replace(/<[^<>]*>/g, ' ')
      .replace(MARKDOWN_IMAGE, ' $1 ')
      .replace(MARKDOWN_LINK, ' $1 '),
  );
}

function searchFields(event: SdiEvent): string[] {
  const location = event.location;
  const parts = [
    ...allTexts(event.title),
    ...allTexts(event.summary),
    ...allTexts(event.description).map(searchableMarkup),
    location?.city,
    location?.name,
    location?.postalCode,
    location?.departmentName,
    ...event.keywords,
  ];
  return parts.filter((part): part is string => Boolean(part));
}

// Markdown marks glued to a word ("**Métallurgie**", "#usine"). Trimmed by hand: a pattern
// anchored at the end is retried from every "*" of "a*****…b", which is quadratic.
const MARKDOWN_EDGES = new Set(['*', '#', '`', '~', '>', '|']);

function trimMarkdownEdges(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && MARKDOWN_EDGES.has(word[start] as string)) start++;
  while (end > start && MARKDOWN_EDGES.has(word[end - 1] as string)) end--;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

/**
 * Raw words ("l’usine", "**Métallurgie**") to the ids of their folded words. A dataset holds
 * ~1.5 million raw words but only tens of thousands of distinct ones, so each is folded once.
 */
class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly raw = new Map<string, number | readonly number[]>();

  idsOf(raw: string): number | readonly number[] {
    let ids = this.raw.get(raw);
    if (ids === undefined) {
      const folded = foldWord(raw);
      ids = folded.length === 1 ? this.idOf(folded[0]) : folded.map((word) => this.idOf(word));
      this.raw.set(raw, ids);
    }
    return ids;
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }
}

const PLAIN_WORD = /^[a-z0-9]+$/;

/** fold() of one raw word, as words; most words of a French text are already folded. */
function foldWord(raw: string): string[] {
  if (PLAIN_WORD.test(raw)) return [raw];
  return fold(raw)
    .split(' ')
    .map(trimMarkdownEdges)
    .filter(Boolean);
}

/** Word ids per event, de-duplicated, in a growable flat array. */
class EventWords {
  ids: Int32Array = new Int32Array(1 << 16);
  length = 0;
  // seenIn[w] = 1 + the last event that used word w, to de-duplicate without a Set per event.
  private seenIn: Int32Array = new Int32Array(1 << 12);

  use(id: number, event: number): void {
    if (id >= this.seenIn.length) this.seenIn = grow(this.seenIn, id);
    if (this.seenIn[id] === event + 1) return;
    this.seenIn[id] = event + 1;
    if (this.length === this.ids.length) this.ids = grow(this.ids, this.length);
    this.ids[this.length++] = id;
  }
}

function* searchSteps(events: readonly SdiEvent[]): Steps<SearchIndex> {
  const vocabulary = new Vocabulary();
  const used = new EventWords();
  const eventWordStart = new Int32Array(events.length + 1);
  for (let i = 0; i < events.length; i++) {
    eventWordStart[i] = used.length;
    for (const field of searchFields(events[i] as SdiEvent)) {
      // Splitting on spaces alone is enough: fold() turns the newlines, tabs and other spaces
      // left inside a piece into word breaks.
      for (const raw of field.split(' ')) {
        if (!raw) continue;
        const ids = vocabulary.idsOf(raw);
        if (typeof ids === 'number') used.use(ids, i);
        else for (const id of ids) used.use(id, i);
      }
    }
    yield;
  }
  eventWordStart[events.length] = used.length;
  const eventWords = used.ids.slice(0, used.length);
  const { words } = vocabulary;
  const { postings, postingStart } = yield* invert(eventWords, eventWordStart, words.length);
  const wordStart = new Int32Array(words.length + 1);
  let offset = 0;
  words.forEach((word, id) => {
    wordStart[id] = offset;
    offset += word.length + 1;
  });
  wordStart[words.length] = offset;
  return { blob: words.join('\n'), wordStart, eventWords, eventWordStart, postings, postingStart, matchers: new Map() };
}

function grow(array: Int32Array, index: number): Int32Array {
  const bigger = new Int32Array(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}

/** The events of each word, from the words of each event (counting sort, so postings ascend). */
function* invert(
  eventWords: Int32Array,
  eventWordStart: Int32Array,
  wordCount: number,
): Steps<{ postings: Int32Array; postingStart: Int32Array }> {
  const postingStart = new Int32Array(wordCount + 1);
  for (const id of eventWords) postingStart[id + 1]++;
  for (let w = 0; w < wordCount; w++) postingStart[w + 1] += postingStart[w];
  const fill = postingStart.slice(0, wordCount);
  const postings = new Int32Array(eventWords.length);
  for (let i = 0; i + 1 < eventWordStart.length; i++) {
    for (let k = eventWordStart[i]; k < eventWordStart[i + 1]; k++) {
      const id = eventWords[k];
      postings[fill[id]++] = i;
    }
    yield;
  }
  return { postings, postingStart };
}

function slotDays(event: SdiEvent): Int32Array {
  const days = new Int32Array(event.timings.length * 2);
  event.timings.forEach((timing, i) => {
    days[2 * i] = localDayNumber(timing.begin, event.timezone);
    // A slot ending at 00:00 does not take place on the day that starts then.
    days[2 * i + 1] = localDayNumber(Math.max(timing.begin, timing.end - 1), event.timezone);
  });
  return days;
}

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
  if (tests.length === 0) return events.slice();
  // One pass per criterion over the survivors of the previous ones, so the dearer tests (the
  // text search comes last) only see what the cheap ones left. The buffer is reused: this runs
  // on every keystroke, and garbage made per call shows up as the occasional slow frame.
  if (scratch.length < events.length) scratch = new Int32Array(events.length);
  const survivors = scratch;
  let count = 0;
  const first = tests[0];
  for (let i = 0; i < events.length; i++) if (first(i)) survivors[count++] = i;
  for (let t = 1; t < tests.length && count > 0; t++) {
    const test = tests[t];
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = survivors[k];
      if (test(i)) survivors[kept++] = i;
    }
    count = kept;
  }
  const out = new Array<SdiEvent>(count);
  for (let k = 0; k < count; k++) out[k] = events[survivors[k]];
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
  if (attendance) tests.push((i) => (f.attendance[i] & attendance) !== 0);
  const types = idSet(state.types);
  if (types) tests.push((i) => anyIn(f.types[i], types));
  const audiences = idSet(state.audiences);
  if (audiences) tests.push((i) => anyIn(f.audiences[i], audiences));
  let access = 0;
  ACCESSIBILITY_KEYS.forEach((key, bit) => {
    if (state.accessibility?.includes(key)) access |= 1 << bit;
  });
  if (access) tests.push((i) => (f.access[i] & access) === access);
  const dates = dateTest(f, state);
  if (dates) tests.push(dates);
  const city = cityTest(f, state.city);
  if (city) tests.push(city);
  const text = textTest(index, state.q);
  if (text) tests.push(text);
  return tests;
}

function anyIn(ids: readonly number[], wanted: Set<number>): boolean {
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
    // A slot matches when it overlaps [from, to]: a three-day exhibition is "on" its middle day.
    for (let k = 0; k < days.length; k += 2) {
      if (days[k] <= to && days[k + 1] >= from) return true;
    }
    return false;
  };
}

const POSTCODE_PREFIX = /^\d{2,5}$/;

function cityTest(f: Facets, city: string | undefined): Test | undefined {
  const raw = city?.trim();
  if (!raw) return undefined;
  const compact = raw.replace(/\s+/g, '');
  if (POSTCODE_PREFIX.test(compact)) return (i) => f.postcode[i].startsWith(compact);
  const wanted = fold(raw);
  if (!wanted) return undefined;
  // Prefix rather than equality alone, so "Lyon" also finds "Lyon 3e Arrondissement".
  return (i) => f.city[i].startsWith(wanted);
}

/**
 * Longest search kept, in characters: far more than anyone types, and short enough that a shared
 * link (`#sdi-q=` has no server limit) or an attribute cannot make every keystroke scan for
 * thousands of words. Longer searches keep their beginning.
 */
export const QUERY_MAX_LENGTH = 200;
/** Words of a search that are matched; the others are ignored (each costs a scan of the vocabulary). */
export const QUERY_MAX_WORDS = 12;

/** The search as kept: spaces collapsed, trimmed, at most QUERY_MAX_LENGTH characters. */
export function capQuery(q: string): string {
  // Cut before collapsing, so the work is bounded too; four times the cap leaves room for the
  // runs of spaces that collapsing removes.
  const collapsed = q.trimStart().slice(0, 4 * QUERY_MAX_LENGTH).replace(/\s+/g, ' ');
  let cut = collapsed.slice(0, QUERY_MAX_LENGTH);
  // Never leave half of a surrogate pair at the end.
  if (cut.length === QUERY_MAX_LENGTH && /[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trim();
}

/** Folded, de-duplicated query words, longest first: the rarest words reject soonest. */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  const unique = [...new Set(fold(capQuery(q)).split(' ').filter(Boolean))].slice(0, QUERY_MAX_WORDS);
  unique.sort((a, b) => b.length - a.length);
  // A word contained in a longer one ("soud" in "soudure") is already checked by it. At most
  // QUERY_MAX_WORDS² comparisons: this runs on every keystroke.
  return unique.filter((token, i) => !unique.slice(0, i).some((longer) => longer.includes(token)));
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

const CACHED_MATCHERS = 32;

function tokenMatcher(search: SearchIndex, token: string, eventCount: number): (i: number) => boolean {
  const cached = search.matchers.get(token);
  if (cached) return cached;
  const matcher = buildMatcher(search, token, eventCount);
  if (search.matchers.size >= CACHED_MATCHERS) search.matchers.clear();
  search.matchers.set(token, matcher);
  return matcher;
}

/** Ids of the words containing `token`, by scanning the vocabulary once. */
function wordsContaining(search: SearchIndex, token: string): number[] {
  const { blob, wordStart } = search;
  const ids: number[] = [];
  let at = blob.indexOf(token);
  while (at !== -1) {
    const id = wordAt(wordStart, at);
    ids.push(id);
    // Skip the rest of this word: one hit per word is enough.
    at = blob.indexOf(token, wordStart[id + 1]);
  }
  return ids;
}

/** The word whose span in the blob holds `offset` (binary search on the start offsets). */
function wordAt(wordStart: Int32Array, offset: number): number {
  let lo = 0;
  let hi = wordStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (wordStart[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A test "event i contains the token". A token found in few events marks them from the postings;
 * a common one ("e", "usine") would mark nearly every posting, so each event's own word list is
 * checked instead, which stops at its first matching word.
 */
function buildMatcher(search: SearchIndex, token: string, eventCount: number): (i: number) => boolean {
  const ids = wordsContaining(search, token);
  const { postings, postingStart, eventWords, eventWordStart } = search;
  let total = 0;
  for (const id of ids) total += postingStart[id + 1] - postingStart[id];
  if (total <= 2 * eventCount) {
    const hit = new Uint8Array(eventCount);
    for (const id of ids) {
      for (let k = postingStart[id]; k < postingStart[id + 1]; k++) hit[postings[k]] = 1;
    }
    return (i) => hit[i] === 1;
  }
  const wanted = new Uint8Array(postingStart.length - 1);
  for (const id of ids) wanted[id] = 1;
  return (i) => {
    const end = eventWordStart[i + 1];
    for (let k = eventWordStart[i]; k < end; k++) if (wanted[eventWords[k]] === 1) return true;
    return false;
  };
}

/** How many criteria are set; a date range counts once, as the visitor set it as one "dates" filter. */
export function activeFilterCount(state: FilterState): number {
  const clean = cleanFilters(state);
  let count = 0;
  for (const key of FILTER_KEYS) {
    if (key === 'to' && clean.from !== undefined) continue;
    if (clean[key] !== undefined) count++;
  }
  return count;
}

export function isEmptyFilter(state: FilterState): boolean {
  return activeFilterCount(state) === 0;
}

export function sameFilters(a: FilterState, b: FilterState): boolean {
  const x = cleanFilters(a);
  const y = cleanFilters(b);
  return FILTER_KEYS.every((key) => {
    const u = x[key];
    const v = y[key];
    if (Array.isArray(u) && Array.isArray(v)) return u.length === v.length && u.every((item, i) => item === v[i]);
    return u === v;
  });
}

/**
 * The canonical form of a state: trimmed strings, sorted de-duplicated ids, no empty values and
 * no keys outside the contract, so equal filters compare (and serialise) equal.
 */
export function cleanFilters(state: FilterState): FilterState {
  const out: FilterState = {};
  const region = state.region?.trim();
  if (region) out.region = region;
  const department = state.department?.trim().toUpperCase();
  if (department) out.department = department;
  const city = state.city?.trim().replace(/\s+/g, ' ');
  if (city) out.city = city;
  const types = cleanIds(state.types);
  if (types) out.types = types;
  const audiences = cleanIds(state.audiences);
  if (audiences) out.audiences = audiences;
  const from = state.from?.trim();
  if (from) out.from = from;
  const to = state.to?.trim();
  if (to) out.to = to;
  if (state.attendance === 'onsite' || state.attendance === 'online') out.attendance = state.attendance;
  const wanted = new Set(state.accessibility ?? []);
  const accessibility = ACCESSIBILITY_KEYS.filter((key) => wanted.has(key));
  if (accessibility.length > 0) out.accessibility = accessibility;
  const q = state.q === undefined ? undefined : capQuery(state.q);
  if (q) out.q = q;
  return out;
}

function cleanIds(ids: readonly number[] | undefined): number[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  const clean = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id >= 0))].sort((a, b) => a - b);
  return clean.length > 0 ? clean : undefined;
}
