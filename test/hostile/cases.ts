/**
 * The hostile feed corpus: what each JSON file of this folder is, and what must come out of it.
 * Shared by the Node test (normaliser) and the browser test (the list in live mode), so both
 * read the same expectations; the Node test also checks that every JSON file here is listed.
 *
 * A case file holds either raw OpenAgenda v2 records (an array) or a whole API page
 * (`{ total, events, after }`). Payloads that run script set `window.__pwned = true`, so the
 * browser test can tell whether any of them ran. Links and images point at 127.0.0.1:9 (a closed
 * port) or reserved example domains, so no test request ever leaves the machine.
 */

export interface HostileCase {
  /** File name without `.json`, or the name of a generated case. */
  name: string;
  about: string;
  /** Usable events after normalisation. */
  events: number;
  /** Records the normaliser must skip (and count). */
  skipped: number;
  /** Texts some card title must show exactly as they are: markup displayed, never run. */
  literal?: string[];
  /** The place line a card must show, by uid. */
  places?: Record<number, string>;
  /** The page itself is unusable (not the documented shape): the widget shows its error. */
  failsWhole?: boolean;
  /** Built in code rather than committed, for sizes that have no place in the repository. */
  generate?: () => unknown;
}

/** The agenda configuration the fake API answers with; its labels are hostile too. */
export const AGENDA_CONFIG = {
  uid: 1,
  slug: 'semaine-test',
  title: { fr: '<script>window.__pwned = true</script>Semaine test' },
  schema: {
    fields: [
      {
        field: 'types-devenement',
        fieldType: 'checkbox',
        label: { fr: 'Type d’événement' },
        options: [
          { id: 1, label: { fr: 'Visite <img src=x onerror=window.__pwned=true>' } },
          { id: 2, label: { fr: 'Atelier </style><style>*{display:none}</style>' } },
        ],
      },
      {
        field: 'type-de-public',
        fieldType: 'checkbox',
        label: { fr: 'Type de public' },
        options: [
          { id: 11, label: { fr: 'Collégiens' } },
          { id: 12, label: { fr: '<svg onload=window.__pwned=true>' } },
        ],
      },
    ],
  },
};

export const LARGE_PAGE_SIZE = 10_000;
/** One record in this many of the large page is broken, so skipping is exercised at scale. */
const LARGE_PAGE_BROKEN_EVERY = 1_000;

/**
 * An API page of 10,000 events: far beyond the API's 300 per page, as a misbehaving proxy could
 * send. Every thousandth record has no timings; every hundredth has a hostile title.
 */
export function largePage(count = LARGE_PAGE_SIZE): { total: number; events: unknown[]; after: null } {
  const events: unknown[] = [];
  const base = Date.parse('2026-11-16T08:00:00Z');
  for (let i = 0; i < count; i++) {
    const begin = new Date(base + (i % 7) * 86_400_000 + (i % 10) * 3_600_000);
    const end = new Date(begin.getTime() + 2 * 3_600_000);
    const broken = i % LARGE_PAGE_BROKEN_EVERY === LARGE_PAGE_BROKEN_EVERY - 1;
    events.push({
      uid: 100_000 + i,
      slug: `evenement-${i}`,
      title: { fr: i % 100 === 0 ? `<img src=x onerror=window.__pwned=true>Événement ${i}` : `Événement ${i}` },
      longDescription: { fr: i % 100 === 0 ? '<img src=x onerror=window.__pwned=true>' : 'Visite guidée.' },
      ...(broken ? {} : { timings: [{ begin: begin.toISOString(), end: end.toISOString() }] }),
      attendanceMode: 1,
      location: { name: `Usine ${i}`, city: 'Lyon', postalCode: '69007', latitude: 45.75, longitude: 4.84 },
      'types-devenement': [1 + (i % 2)],
    });
  }
  return { total: count, events, after: null };
}

export const CASES: readonly HostileCase[] = [
  {
    name: 'script-in-text',
    about: '<script> in every text field, escaped forms, split tags',
    events: 3,
    skipped: 0,
    literal: [
      "<script>window.__pwned = true</script>Visite de l'usine",
      '"><script>window.__pwned = true</script>',
      '&lt;script&gt;window.__pwned = true&lt;/script&gt;',
    ],
  },
  {
    name: 'img-onerror',
    about: '<img onerror>, handlers that fire without a click (autofocus, details open, media)',
    events: 2,
    skipped: 0,
    literal: ['<img src=x onerror="window.__pwned=true">Atelier soudure'],
  },
  {
    name: 'svg-onload',
    about: '<svg onload>, SVG script, animate, use with a data: document',
    events: 2,
    skipped: 0,
    literal: ['<svg onload=window.__pwned=true>'],
  },
  {
    name: 'dangerous-urls',
    about: 'javascript:, data:, vbscript:, disguised hosts in links, registration values and images',
    events: 4,
    skipped: 0,
  },
  {
    name: 'css-injection',
    about: '</style><style>…, style attributes and stylesheet links',
    events: 2,
    skipped: 0,
    literal: ['</style><style>*{display:none !important}</style>Portes ouvertes'],
  },
  {
    name: 'bidi-override',
    about: 'bidi overrides and isolates, C0/C1 controls, zero-width characters in links',
    events: 2,
    skipped: 1,
    literal: ["Visite gnp.exe de l'usine"],
  },
  {
    name: 'huge-title',
    about: 'a 100 KB title, thousands of characters in every field',
    events: 1,
    skipped: 0,
  },
  {
    name: 'emoji',
    about: 'emoji, ZWJ sequences, flags, truncation on a surrogate pair, a lone surrogate',
    events: 4,
    skipped: 0,
    literal: ['🏭 Usine 4.0 👩‍🔧🇫🇷 — visite ✨', '🏭'],
  },
  {
    name: 'empty-and-null',
    about: 'null, {}, [], scalars as records, empty strings and nulls in every field',
    events: 2,
    skipped: 12,
    literal: ['Tout le reste est nul', 'Tout le reste est vide'],
  },
  {
    name: 'all-unusable',
    about: 'a page where no record can be shown',
    events: 0,
    skipped: 5,
  },
  {
    name: 'wrong-types',
    about: 'numbers for strings and the reverse, objects for scalars, lit template-result look-alikes',
    events: 4,
    skipped: 9,
    literal: ['Identifiant en chaîne', 'Objets lit à la place du texte', 'Titre en chaîne simple'],
  },
  {
    name: 'missing-location',
    about: 'no location, an empty one, a foreign one: never presented as online',
    events: 6,
    skipped: 0,
    places: {
      2201: 'Sur place',
      2202: 'Sur place et en ligne',
      2203: 'En ligne',
      2204: 'Sur place',
      2205: 'Heidelberg (69117)',
      2206: 'Sur place',
    },
  },
  {
    name: 'bad-coordinates',
    about: 'latitude 999, longitude -500, NaN, Infinity, 0,0, decimal commas',
    events: 8,
    skipped: 0,
  },
  {
    name: 'bad-timings',
    about: 'end before begin, unparsable dates, no offset, impossible offsets, years 0 and 9999',
    events: 5,
    skipped: 9,
  },
  {
    name: 'many-timings',
    about: '800 timings on one event, 50 copies of one slot on another',
    events: 2,
    skipped: 0,
    literal: ['Exposition aux 800 horaires'],
  },
  {
    name: 'duplicate-uids',
    about: 'one uid three times, a uid as string and number, a usable record after an unusable one',
    events: 3,
    skipped: 4,
    literal: ['Premier 2501 (gardé)', '2502 en chaîne (gardé)', '2503 utilisable après un inutilisable (gardé)'],
  },
  {
    name: 'unknown-status',
    about: 'status and attendance codes outside the documented ones',
    events: 8,
    skipped: 0,
  },
  {
    name: 'unknown-custom-fields',
    about: 'custom-field choice ids the schema does not know',
    events: 3,
    skipped: 0,
  },
  {
    name: 'prototype-pollution',
    about: '__proto__ and constructor keys: nothing inherited is read, nothing global changes',
    events: 1,
    skipped: 2,
    literal: ['Clés __proto__ et constructor'],
  },
  {
    name: 'mxss',
    about: 'known sanitiser-bypass mutations (math/mglyph/style, noscript, form nesting) and markdown mixes',
    events: 4,
    skipped: 0,
  },
  {
    name: 'empty-edition',
    about: 'an edition with no events at all',
    events: 0,
    skipped: 0,
  },
  {
    name: 'bad-page-shape',
    about: 'a page whose total, events and cursor have the wrong types',
    events: 0,
    skipped: 0,
    failsWhole: true,
  },
  {
    name: 'ten-thousand',
    about: 'one page of 10,000 events, ten of them unusable',
    events: LARGE_PAGE_SIZE - LARGE_PAGE_SIZE / LARGE_PAGE_BROKEN_EVERY,
    skipped: LARGE_PAGE_SIZE / LARGE_PAGE_BROKEN_EVERY,
    literal: ['<img src=x onerror=window.__pwned=true>Événement 0'],
    generate: () => largePage(),
  },
];

/** Where a committed case lives; resolved from this module, so it works in Node and in the browser. */
export function caseUrl(name: string): URL {
  return new URL(`./${name}.json`, import.meta.url);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw records of a case, whichever form its file has. */
export function recordsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isRecord(body) && Array.isArray(body['events'])) return body['events'];
  return [];
}

/** The case as the API would answer a page: records are wrapped, a page file is served as is. */
export function pageOf(body: unknown): unknown {
  return Array.isArray(body) ? { total: body.length, events: body, after: null } : body;
}
