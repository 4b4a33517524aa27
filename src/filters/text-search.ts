/**
 * The text search. It works on a vocabulary rather than on each event's text: query words contain
 * no space, so a word is a substring of an event's text exactly when it is a substring of one of
 * the event's words. Scanning the distinct words of the whole dataset (a few hundred kB) and then
 * looking the matches up per event is several times faster than scanning 10 MB of descriptions,
 * whose cost also depends badly on how common the query's first letter is.
 */
import type { Steps } from './facet-index.js';
import { fold } from '../geo/fold.js';
import { decodeEntities, MARKDOWN_IMAGE, MARKDOWN_LINK } from '../model/plain-text.js';
import type { LocalText, SdiEvent } from '../model/types.js';

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
      const [only] = folded;
      ids = folded.length === 1 && only !== undefined ? this.idOf(only) : folded.map((word) => this.idOf(word));
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
  return fold(raw).split(' ').map(trimMarkdownEdges).filter(Boolean);
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

export function* searchSteps(events: readonly SdiEvent[]): Steps<SearchIndex> {
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
  for (const id of eventWords) bump(postingStart, id + 1);
  // Counts to start offsets, in place (postingStart[0] stays 0).
  let sum = 0;
  postingStart.forEach((count, w) => {
    sum += count;
    postingStart[w] = sum;
  });
  const fill = postingStart.slice(0, wordCount);
  const postings = new Int32Array(eventWords.length);
  for (let i = 0; i + 1 < eventWordStart.length; i++) {
    for (const id of span(eventWords, eventWordStart, i)) postings[bump(fill, id)] = i;
    yield;
  }
  return { postings, postingStart };
}

/** Adds one at `at`, returning the value before (a typed array's `array[at]++`). */
function bump(array: Int32Array, at: number): number {
  const before = array[at] ?? 0;
  array[at] = before + 1;
  return before;
}

/** values[starts[i] .. starts[i + 1]): the run of item i in a flat array (words of an event, events of a word). */
function span(values: Int32Array, starts: Int32Array, i: number): Int32Array {
  return values.subarray(starts[i] ?? 0, starts[i + 1] ?? 0);
}

const CACHED_MATCHERS = 32;

export function tokenMatcher(search: SearchIndex, token: string, eventCount: number): (i: number) => boolean {
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
    at = blob.indexOf(token, wordStart[id + 1] ?? blob.length);
  }
  return ids;
}

/** The word whose span in the blob holds `offset` (binary search on the start offsets). */
function wordAt(wordStart: Int32Array, offset: number): number {
  let lo = 0;
  let hi = wordStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((wordStart[mid] ?? Number.POSITIVE_INFINITY) <= offset) lo = mid;
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
  for (const id of ids) total += span(postings, postingStart, id).length;
  if (total <= 2 * eventCount) {
    const hit = new Uint8Array(eventCount);
    for (const id of ids) for (const event of span(postings, postingStart, id)) hit[event] = 1;
    return (i) => hit[i] === 1;
  }
  const wanted = new Uint8Array(postingStart.length - 1);
  for (const id of ids) wanted[id] = 1;
  // Per event on every keystroke: plain index reads, no subarray view allocated per call.
  return (i) => {
    const end = eventWordStart[i + 1] ?? 0;
    for (let k = eventWordStart[i] ?? end; k < end; k++) {
      const id = eventWords[k];
      if (id !== undefined && wanted[id] === 1) return true;
    }
    return false;
  };
}
