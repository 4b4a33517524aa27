/**
 * Every regular expression that reads feed text (descriptions, titles, links) or visitor text (the
 * search query, the URL) must take time linear in its input: a single hostile event or link must
 * not freeze a visitor's tab (issue #11). Each checked function runs on adversarial inputs of
 * 2,500 to 20,000 characters; what is asserted is the growth of the time, not the time itself,
 * so a slow or busy machine does not make it fail, and the measurements are printed as a table.
 *
 * Run alone: node --import tsx --test test/node/pattern-complexity.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { cleanFilters, filterEvents, indexEvents, prepareSearch, queryTokens } from '../../src/filters/apply.js';
import { filtersFromAttributes } from '../../src/filters/attributes.js';
import { filtersFromUrl } from '../../src/filters/url-state.js';
import { fold } from '../../src/geo/fold.js';
import { demoteHeadings, looksLikeHtml, markdownToHtml, safeLinkHref } from '../../src/content/description.js';
import { decodeEntities, plainText } from '../../src/model/plain-text.js';
import { escapeText, foldLine } from '../../src/formats/ics.js';
import { cleanText } from '../../src/model/text.js';
import type { SdiEvent } from '../../src/model/types.js';
import { hasHiddenCharacters, safeHttpUrl } from '../../src/model/url.js';

const SIZES = [2_500, 5_000, 10_000, 20_000] as const;
/** Linear growth over 8× the input is 8×; twice that absorbs noise, a quadratic pattern makes 64×. */
const MAX_GROWTH = 16;
/**
 * Below this (ms) a difference is timer, GC and scheduling noise (the machine is shared), not
 * complexity: a quadratic pattern still fails once it takes about 7 ms at 20,000 characters.
 */
const NOISE_FLOOR_MS = 5;
/** Runs per size; the minimum is kept, which is the run the machine did not disturb. */
const RUNS = 3;
/** Two runs slower than this are a failure already: larger sizes are not tried (a cubic pattern takes minutes). */
const GIVE_UP_MS = 400;

function searchEvent(text: string): SdiEvent {
  return {
    uid: 1,
    slug: 'e',
    title: { fr: text.slice(0, 300) },
    summary: {},
    description: { fr: text },
    conditions: {},
    keywords: [],
    timings: [{ begin: 0, end: 3_600_000 }],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    location: { city: text.slice(0, 300) },
    registration: [],
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
  };
}

const SMALL_INDEX = indexEvents(['Visite de l’usine **Métallurgie**', 'Atelier soudure', 'Portes ouvertes'].map(searchEvent));
prepareSearch(SMALL_INDEX);

/**
 * THE list of checked functions. A new function that applies a regular expression to feed text
 * or to visitor input (query, attribute, URL) is added here, with the adversarial inputs specific
 * to its patterns in `inputs` below if the generic ones do not reach them.
 */
const CHECKED: { name: string; run: (text: string) => unknown }[] = [
  // src/list/description.ts: the detail's markdown, link detection, HTML recognition, link targets.
  { name: 'description markdownToHtml', run: markdownToHtml },
  { name: 'description looksLikeHtml', run: looksLikeHtml },
  { name: 'description demoteHeadings', run: demoteHeadings },
  { name: 'description safeLinkHref', run: safeLinkHref },
  { name: 'description safeLinkHref mailto:', run: (text) => safeLinkHref(`mailto:${text}`) },
  { name: 'description safeLinkHref tel:', run: (text) => safeLinkHref(`tel:${text}`) },
  // src/model/plain-text.ts, src/model/text.ts: text helpers.
  { name: 'plain-text plainText', run: plainText },
  { name: 'plain-text decodeEntities', run: decodeEntities },
  { name: 'text cleanText', run: (text) => cleanText(text, 30_000) },
  // src/model/url.ts: every link from the feed.
  { name: 'url safeHttpUrl', run: safeHttpUrl },
  { name: 'url hasHiddenCharacters', run: hasHiddenCharacters },
  // src/list/ics.ts: the calendar file.
  { name: 'ics escapeText', run: escapeText },
  { name: 'ics foldLine', run: foldLine },
  // Search: folding, the index of an event with this text (tokenising, markup, MARKDOWN_EDGES),
  // and this text as the query, from the search box, an attribute and a shared link.
  { name: 'search fold', run: fold },
  { name: 'search index build', run: (text) => prepareSearch(indexEvents([searchEvent(text)])) },
  { name: 'search queryTokens', run: queryTokens },
  { name: 'search cleanFilters q', run: (text) => cleanFilters({ q: text }) },
  { name: 'search filterEvents q', run: (text) => filterEvents(SMALL_INDEX, { q: text }) },
  { name: 'search q attribute', run: (text) => filtersFromAttributes({ q: text }) },
  {
    name: 'search #sdi-q= link',
    run: (text) => filtersFromUrl(`https://partner.example/agenda#sdi-q=${encodeURIComponent(text)}`, { mode: 'hash' }),
  },
];

/** `unit` repeated to `size` characters, between `head` and `tail`. */
function fill(size: number, unit: string, head = '', tail = ''): string {
  const room = Math.max(0, size - head.length - tail.length);
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
}

// The characters the patterns quantify over or stop at, each repeated, alternated with a letter
// or a space (to defeat "stop at the next one" shortcuts), and followed by what makes a match fail.
const UNITS = [
  '<',
  '<br',
  '<p',
  '<a ',
  '</',
  '>',
  '[',
  ']',
  '![',
  '[a](',
  '![a](',
  '](',
  '(',
  ')',
  '*',
  '**',
  '_',
  '__',
  '~',
  '`',
  '#',
  '|',
  '-',
  '- ',
  '* ',
  '1. ',
  '&',
  '&#',
  '&a',
  '.',
  ',',
  '"',
  ':',
  '/',
  '\\',
  '@',
  'a@',
  ' ',
  '\t',
  '\u00a0',
  '\n',
  ' \n',
  'https://a',
  'http://',
  'mailto:',
  'www.',
  '\ue000',
  '\ue0000\ue001',
  'é',
  'œ',
  '’',
  '\u202e',
];

interface Input {
  label: string;
  make: (size: number) => string;
}

const INPUTS: Input[] = [
  // The inputs of issue #11, one per reported pattern.
  { label: "'# a' + spaces + 'b'", make: (n) => fill(n, ' ', '# a', 'b') },
  { label: "'# a' + U+00A0 + 'b'", make: (n) => fill(n, '\u00a0', '# a', 'b') },
  { label: "'# a' + tabs + 'b'", make: (n) => fill(n, '\t', '# a', 'b') },
  { label: "'https://a' + dots + 'x'", make: (n) => fill(n, '.', 'https://a', 'x') },
  { label: "'a' + stars + 'b'", make: (n) => fill(n, '*', 'a', 'b') },
  { label: 'words (a search of 20,000 characters)', make: (n) => fill(n, 'mot ') },
  {
    label: 'distinct words',
    make: (n) =>
      Array.from({ length: Math.ceil(n / 6) }, (_, i) => `w${i.toString(36)}`)
        .join(' ')
        .slice(0, n),
  },
  { label: "'# ' + '#' run", make: (n) => fill(n, '#', '# ', ' x') },
  { label: "'[a](' + spaces", make: (n) => fill(n, ' ', '[a](', 'x') },
  { label: "'[a](u' + spaces", make: (n) => fill(n, ' ', '[a](u', 'x') },
  { label: "'[a](u \"' + text", make: (n) => fill(n, 'a', '[a](u "', '') },
  { label: "'- - -' + 'x'", make: (n) => fill(n, '- ', '', 'x') },
  ...UNITS.flatMap((unit): Input[] => {
    const name = JSON.stringify(unit);
    return [
      { label: `${name} run`, make: (n) => fill(n, unit, '', 'x') },
      { label: `${name} + 'a' run`, make: (n) => fill(n, `${unit}a`, '', '\u0001') },
      { label: `${name} + ' ' run`, make: (n) => fill(n, `${unit} `, '', 'x') },
    ];
  }),
];

interface Measure {
  /** Minimum time per size (ms); missing sizes were not tried after a give-up. */
  times: number[];
  gaveUp: boolean;
}

function measure(run: (text: string) => unknown, input: Input, runs = RUNS): Measure {
  const times: number[] = [];
  for (const size of SIZES) {
    const text = input.make(size);
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      run(text);
      const took = performance.now() - start;
      best = Math.min(best, took);
      if (r > 0 && best > GIVE_UP_MS) {
        times.push(best);
        return { times, gaveUp: true };
      }
    }
    times.push(best);
  }
  return { times, gaveUp: false };
}

function linear(m: Measure): boolean {
  if (m.gaveUp) return false;
  const first = m.times[0] as number;
  const last = m.times[m.times.length - 1] as number;
  return last <= MAX_GROWTH * first + NOISE_FLOOR_MS;
}

const ms = (value: number | undefined): string => (value === undefined ? '—' : value.toFixed(2));

describe('regular expressions on feed and visitor text take linear time', () => {
  const rows: string[] = [];
  for (const checked of CHECKED) {
    it(checked.name, () => {
      // Warm up, so the first size does not pay for compilation.
      for (const input of INPUTS) checked.run(input.make(200));
      const failures: string[] = [];
      let worst: { input: Input; m: Measure } | undefined;
      for (const input of INPUTS) {
        let m = measure(checked.run, input);
        // A garbage collection or another process can land in every run of one size: a
        // suspicious input is measured again, longer, before it counts as a failure.
        if (!linear(m) && !m.gaveUp) m = measure(checked.run, input, 4 * RUNS);
        if (!linear(m)) failures.push(`${input.label}: ${m.times.map(ms).join(' / ')} ms${m.gaveUp ? ' (gave up)' : ''}`);
        const last = m.times[m.times.length - 1] as number;
        if (!worst || m.gaveUp || last > (worst.m.times[worst.m.times.length - 1] as number)) {
          if (!worst?.m.gaveUp) worst = { input, m };
        }
      }
      if (worst) {
        const { times } = worst.m;
        const ratio = times.length === SIZES.length ? (times[3] as number) / Math.max(times[0] as number, 0.001) : Number.NaN;
        rows.push(
          `${checked.name.padEnd(38)} ${times.map((t) => ms(t).padStart(9)).join('')}${SIZES.slice(times.length)
            .map(() => '        —')
            .join('')}` + `  ${Number.isNaN(ratio) ? '   gave up' : `${ratio.toFixed(1).padStart(8)}×`}  ${worst.input.label}`,
        );
      }
      assert.deepEqual(failures, [], `${checked.name} grows faster than linearly on:\n${failures.join('\n')}`);
    });
  }
  it('prints the timings (slowest input per function, ms, minimum of runs)', () => {
    const header = `${'function'.padEnd(38)} ${SIZES.map((s) => String(s).padStart(9)).join('')}  t(20k)/t(2.5k)  slowest input`;
    console.log([header, ...rows].join('\n'));
    assert.equal(rows.length, CHECKED.length);
  });
});
