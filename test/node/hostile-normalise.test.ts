/**
 * Every case of the hostile corpus (test/hostile/) through the normaliser, then through what the
 * widgets do with a normalised event outside the DOM (slots, JSON-LD, calendar file, snapshot
 * compaction). The browser test (hostile-feed.test.ts) proves the rendering side; this one proves
 * the data side, where most protections live: nothing throws, bad records are skipped and
 * counted, and what survives is plain, bounded data whose links can only be http(s).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calendarFile } from '../../src/elements/event-list/actions.js';
import { compactEvent, eventDetails, expandEvent, withDetails } from '../../src/feed/snapshot-expand.js';
import { parseEventsPage } from '../../src/feed/openagenda-api.js';
import { validateIcs } from '../../src/formats/ics-validate.js';
import { formatSlot } from '../../src/list/format-event.js';
import { slotDateTimeAttr } from '../../src/time/local-day.js';
import { eventToJsonLd, serializeJsonLd } from '../../src/formats/jsonld.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import { TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../src/model/text.js';
import type { FeedSchema, LocalText, NormaliseResult, SdiEvent } from '../../src/model/types.js';
import { AGENDA_CONFIG, CASES, caseUrl, recordsOf, type HostileCase } from '../hostile/cases.js';

const SCHEMA: FeedSchema = schemaFromAgenda(AGENDA_CONFIG);
const CTX = { schema: SCHEMA, agendaSlug: AGENDA_CONFIG.slug };
const NOW = Date.parse('2026-11-01T08:00:00Z');

function load(c: HostileCase): unknown {
  return c.generate ? c.generate() : JSON.parse(readFileSync(fileURLToPath(caseUrl(c.name)), 'utf8'));
}

// Characters that make text read differently from what it is, or that no display text needs.
const BIDI_OR_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// What a link must never carry: the URL parser drops tabs and newlines silently, and invisible
// characters make a link read differently from where it goes.
const HIDDEN_IN_URL = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** A link that can only navigate to a web page: absolute http(s), no credentials, nothing hidden. */
function assertWebUrl(value: unknown, where: string): void {
  assert.equal(typeof value, 'string', `${where}: not a string`);
  const text = value as string;
  assert.match(text, /^https?:\/\//, `${where}: ${text.slice(0, 80)}`);
  assert.doesNotMatch(text, HIDDEN_IN_URL, `${where}: hidden characters`);
  const url = new URL(text);
  assert.ok(url.protocol === 'http:' || url.protocol === 'https:', where);
  assert.equal(url.username + url.password, '', `${where}: credentials`);
  assert.equal(url.href, text, `${where}: not normalised`);
}

/** A text the widgets bind as text: a string, bounded, free of spoofing characters. */
function assertText(value: unknown, max: number, where: string): void {
  assert.equal(typeof value, 'string', `${where}: not a string`);
  const text = value as string;
  assert.ok(text.length > 0 && text.length <= max, `${where}: length ${text.length}`);
  assert.equal(text, text.trim(), `${where}: untrimmed`);
  assert.doesNotMatch(text, BIDI_OR_CONTROL, `${where}: bidi or control character`);
  // A cut never leaves half an emoji behind.
  assert.doesNotMatch(text, /[\ud800-\udbff]…$/, `${where}: truncated inside a surrogate pair`);
}

function assertLocalText(text: LocalText, max: number, where: string): void {
  assert.deepEqual(
    Object.keys(text).filter((k) => k !== 'fr' && k !== 'en'),
    [],
    `${where}: unexpected languages`,
  );
  for (const [lang, value] of Object.entries(text)) assertText(value, max, `${where}.${lang}`);
}

const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"'(),;:\\[\]]+\.[^\s@<>"'(),;:\\[\]]+$/;

function assertEvent(event: SdiEvent): void {
  const at = `event ${event.uid}`;
  assert.ok(Number.isSafeInteger(event.uid) && event.uid > 0, `${at}: uid`);
  // Plain data only: what JSON cannot hold (undefined, NaN, functions, prototypes) has no place.
  assert.deepEqual(JSON.parse(JSON.stringify(event)), event, `${at}: not plain JSON data`);

  assertLocalText(event.title, TITLE_MAX_LENGTH, `${at} title`);
  assert.ok(event.title.fr || event.title.en, `${at}: untitled`);
  for (const field of ['summary', 'description', 'conditions'] as const) {
    assertLocalText(event[field], TEXT_MAX_LENGTH, `${at} ${field}`);
  }
  for (const keyword of event.keywords) assertText(keyword, 100, `${at} keyword`);
  assert.ok(event.keywords.length <= 30, `${at}: ${event.keywords.length} keywords`);
  assert.ok(event.slug.length <= TITLE_MAX_LENGTH, `${at}: slug length`);

  assert.ok(event.timings.length > 0, `${at}: no timings`);
  event.timings.forEach((t, i) => {
    assert.ok(Number.isFinite(t.begin) && Number.isFinite(t.end) && t.begin <= t.end, `${at}: timing ${i}`);
    const previous = event.timings[i - 1];
    if (previous)
      assert.ok(previous.begin < t.begin || (previous.begin === t.begin && previous.end < t.end), `${at}: timings order`);
  });
  assert.doesNotThrow(() => new Intl.DateTimeFormat('fr-FR', { timeZone: event.timezone }), `${at}: zone`);
  assert.ok(['scheduled', 'rescheduled', 'moved-online', 'postponed', 'full', 'cancelled'].includes(event.status), at);
  assert.ok(['onsite', 'online', 'mixed'].includes(event.attendance), at);

  if (event.url !== undefined) assertWebUrl(event.url, `${at} url`);
  if (event.onlineUrl !== undefined) assertWebUrl(event.onlineUrl, `${at} onlineUrl`);
  if (event.image) {
    assertWebUrl(event.image.url, `${at} image`);
    if (event.image.thumbnail !== undefined) assertWebUrl(event.image.thumbnail, `${at} thumbnail`);
    if (event.image.credits !== undefined) assertText(event.image.credits, TITLE_MAX_LENGTH, `${at} credits`);
  }
  for (const entry of event.registration) {
    if (entry.type === 'url') assertWebUrl(entry.value, `${at} registration`);
    else if (entry.type === 'email') {
      assert.match(entry.value, EMAIL, `${at} registration e-mail`);
      assert.doesNotMatch(entry.value, HIDDEN_IN_URL, `${at} registration e-mail: hidden characters`);
    } else {
      assert.match(entry.value, /^[\d +().-]+$/, `${at} registration phone`);
      const digits = entry.value.replace(/\D/g, '').length;
      assert.ok(digits >= 6 && digits <= 20, `${at} registration phone digits`);
    }
  }

  const location = event.location;
  if (location) {
    for (const field of ['name', 'address', 'city', 'postalCode', 'departmentName', 'regionName'] as const) {
      if (location[field] !== undefined) assertText(location[field], TITLE_MAX_LENGTH, `${at} location.${field}`);
    }
    if (location.lat !== undefined || location.lng !== undefined) {
      const { lat, lng } = location;
      assert.ok(typeof lat === 'number' && Math.abs(lat) <= 90, `${at}: latitude ${String(lat)}`);
      assert.ok(typeof lng === 'number' && Math.abs(lng) <= 180, `${at}: longitude ${String(lng)}`);
    }
  }
  const typeIds = new Set(SCHEMA.types.map((c) => c.id));
  const audienceIds = new Set(SCHEMA.audiences.map((c) => c.id));
  assert.ok(
    event.types.every((id) => typeIds.has(id)),
    `${at}: type id outside the schema`,
  );
  assert.ok(
    event.audiences.every((id) => audienceIds.has(id)),
    `${at}: audience id outside the schema`,
  );
  assert.equal(new Set(event.types).size, event.types.length, `${at}: repeated type`);
}

/** What the widgets compute from an event outside the DOM must not throw either. */
function assertDownstream(event: SdiEvent): void {
  const at = `event ${event.uid}`;
  for (const timing of [event.timings[0], event.timings[event.timings.length - 1]]) {
    if (!timing) continue;
    for (const lang of ['fr', 'en'] as const)
      assert.ok(formatSlot(timing, event.timezone, lang, { visitorZone: 'Asia/Tokyo' }), at);
    assert.match(slotDateTimeAttr(timing.begin, event.timezone), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, at);
    assert.match(slotDateTimeAttr(timing.end, event.timezone), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, at);
  }
  // JSON-LD goes into a <script> of the partner's page: nothing may close it or open markup.
  const jsonLd = serializeJsonLd([eventToJsonLd(event, 'fr', SCHEMA)]);
  assert.doesNotMatch(jsonLd, /[<>]/, `${at}: raw < or > in the JSON-LD`);
  const ics = calendarFile(event, 'fr', NOW);
  assert.deepEqual(validateIcs(ics.text), [], `${at}: calendar file`);
  assert.match(ics.name, /^[^/\\<>:"|?*\u0000-\u001f]+\.ics$/, `${at}: file name ${ics.name}`);
  // The snapshot path: compacted, split into list and details, read back to the same event.
  const compact = compactEvent(event, CTX.agendaSlug);
  const back = withDetails(
    expandEvent(JSON.parse(JSON.stringify(compact)), { agenda: { slug: CTX.agendaSlug } }),
    eventDetails(event),
  );
  assert.deepEqual(back, event, `${at}: snapshot round trip`);
}

function run(c: HostileCase): NormaliseResult {
  return normaliseEvents(recordsOf(load(c)), CTX);
}

describe('hostile corpus: the normaliser', () => {
  it('lists every case file of test/hostile/ in the manifest, and only those', () => {
    const dir = fileURLToPath(new URL('../hostile/', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    const committed = CASES.filter((c) => !c.generate)
      .map((c) => c.name)
      .sort();
    assert.deepEqual(files, committed);
  });

  it('reads the hostile agenda configuration as a schema, labels kept as text', () => {
    assert.equal(SCHEMA.typeField, 'types-devenement');
    assert.equal(SCHEMA.audienceField, 'type-de-public');
    assert.deepEqual(
      SCHEMA.types.map((c) => c.id),
      [1, 2],
    );
    assert.equal(SCHEMA.types[0]?.label.fr, 'Visite <img src=x onerror=window.__pwned=true>');
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.about}`, () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      let result: NormaliseResult | undefined;
      assert.doesNotThrow(() => (result = run(c)));
      assert.ok(result);
      assert.equal(result.events.length, c.events, 'usable events');
      assert.equal(result.skipped, c.skipped, `skipped records (${JSON.stringify(result.skippedReasons)})`);
      assert.equal(
        Object.values(result.skippedReasons).reduce((sum, n) => sum + n, 0),
        result.skipped,
        'reasons add up',
      );
      assert.equal(new Set(result.events.map((e) => e.uid)).size, result.events.length, 'unique uids');
      for (const event of result.events) assertEvent(event);
      // Downstream checks cost a few ms an event: a sample is enough for the large page.
      for (const event of result.events.slice(0, 200)) assertDownstream(event);
      for (const text of c.literal ?? []) {
        assert.ok(
          result.events.some((e) => e.title.fr === text || e.title.en === text),
          `no title reads ${JSON.stringify(text)}`,
        );
      }
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before, 'Object.prototype changed');
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype polluted');
    });
  }

  it('refuses a page of the wrong shape as a whole, before any record is read', () => {
    for (const c of CASES.filter((k) => k.failsWhole)) {
      assert.throws(() => parseEventsPage(load(c)), /events response/);
    }
    // An integer, but not a count any banner should print.
    assert.throws(() => parseEventsPage({ total: 1e300, events: [], after: null }), /total/);
  });

  it('keeps what is said about specific records', () => {
    const byUid = new Map(CASES.flatMap((c) => (c.generate ? [] : run(c).events)).map((e) => [e.uid, e]));
    // Markup in titles is kept as text, never half-stripped into something else.
    assert.equal(byUid.get(1101)?.title.en, '<script>window.__pwned = true</script>Factory tour');
    // Every dangerous link is gone; the one safe link of each kind stays.
    assert.deepEqual(byUid.get(1401)?.registration, [
      { type: 'url', value: 'https://ok.example.fr/inscription' },
      { type: 'email', value: 'contact@ok.example.fr' },
      { type: 'phone', value: '+33 1 23 45 67 89' },
    ]);
    assert.equal(byUid.get(1401)?.onlineUrl, undefined);
    assert.equal(byUid.get(1401)?.image, undefined);
    assert.equal(byUid.get(1402)?.image, undefined);
    assert.equal(byUid.get(1403)?.onlineUrl, undefined);
    assert.equal(byUid.get(1404)?.onlineUrl, 'https://visio.example.fr/salle?x=1#y');
    // A hostile file name under a web base is only an odd path on that host: still a web address.
    assert.deepEqual(byUid.get(1404)?.image, {
      url: 'https://127.0.0.1:9/images/photo.jpg',
      thumbnail: 'https://127.0.0.1:9/images/javascript:alert(1)',
    });
    assert.equal(byUid.get(1201)?.image, undefined);
    // Bidi characters are removed from text, and links carrying them are refused.
    assert.deepEqual(byUid.get(1601)?.title, { fr: "Visite gnp.exe de l'usine", en: 'Factory tour' });
    assert.deepEqual(byUid.get(1601)?.registration, []);
    assert.equal(byUid.get(1601)?.onlineUrl, undefined);
    // Coordinates out of range are dropped, the place is kept.
    for (const uid of [2301, 2302, 2303, 2304, 2305, 2306, 2307]) {
      assert.equal(byUid.get(uid)?.location?.lat, undefined, `lat of ${uid}`);
      assert.equal(byUid.get(uid)?.location?.name?.startsWith('Usine'), true, `place of ${uid}`);
    }
    assert.deepEqual([byUid.get(2308)?.location?.lat, byUid.get(2308)?.location?.lng], [47.322, 5.041]);
    // One good slot among bad ones keeps the event; an unknown zone falls back to Paris.
    assert.equal(byUid.get(2404)?.timings.length, 1);
    assert.equal(byUid.get(2413)?.timezone, 'Europe/Paris');
    // A slot ending in year 10000 somewhere on Earth is refused; a far but real year is kept.
    assert.deepEqual(byUid.get(2412)?.timings, [
      { begin: Date.parse('2026-11-18T08:00:00Z'), end: Date.parse('2062-11-18T10:00:00Z') },
    ]);
    // 800 slots are all kept; 50 copies of one slot are one slot.
    assert.equal(byUid.get(3101)?.timings.length, 800);
    assert.equal(byUid.get(3102)?.timings.length, 1);
    // The first usable record of a uid wins.
    assert.equal(byUid.get(2501)?.title.fr, 'Premier 2501 (gardé)');
    // Unknown codes fall back to the defaults; custom-field ids outside the schema are dropped.
    assert.deepEqual([byUid.get(2601)?.status, byUid.get(2601)?.attendance], ['scheduled', 'onsite']);
    assert.equal(byUid.get(2608)?.status, 'cancelled');
    assert.deepEqual(byUid.get(2701)?.types, [1, 2]);
    assert.deepEqual(byUid.get(2701)?.audiences, []);
    assert.deepEqual(byUid.get(2702)?.types, []);
    assert.deepEqual(byUid.get(2703)?.audiences, [11, 12]);
    // A 100 KB title is cut to the display limit.
    assert.equal(byUid.get(1701)?.title.fr?.length, TITLE_MAX_LENGTH);
    // Inherited keys are never read as the record's own.
    assert.equal(byUid.get(2901)?.title.en, undefined);
    assert.equal(byUid.get(2901)?.location?.lat, undefined);
    assert.equal(byUid.get(2901)?.accessibility.mi, false);
  });
});
