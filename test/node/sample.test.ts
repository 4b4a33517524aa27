import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  departmentOfInsee,
  departmentOfPostcode,
  departments,
  findDepartment,
  findRegion,
  regions,
} from '../../src/geo/admin.js';
import { parseArgs, readHeader, writeSample } from '../../tools/sample/cli.js';
import { DEPARTMENT_CENTRES, distanceKm } from '../../tools/sample/department-centres.js';
import { GENERATOR_VERSION, generateEdition, resolveOptions } from '../../tools/sample/generate.js';
import { INDUSTRIAL_TOWNS, industrialTownCodes, loadCommunes, REGION_WEIGHTS } from '../../tools/sample/places.js';

type Json = Record<string, unknown>;
interface Timing {
  begin: string;
  end: string;
}
interface Location {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  insee: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  timezone: string;
  adminLevel1?: string;
  adminLevel2?: string;
  adminLevel4?: string;
  region?: string;
  department?: string;
}
interface RawEvent {
  uid: number;
  slug: string;
  title: Record<string, string>;
  description: Record<string, string>;
  longDescription: Record<string, string>;
  dateRange: Record<string, string>;
  timings: Timing[];
  firstTiming: Timing;
  lastTiming: Timing;
  nextTiming: Timing | null;
  timezone: string;
  status: number;
  attendanceMode: number;
  onlineAccessLink: string | null;
  location: Location | null;
  registration: { type: string; value: string }[];
  age: { min: number | null; max: number | null };
  'types-devenement': number;
  'type-de-public': number[];
  member?: { name: string; email: string };
  image: { base: string; filename: string; variants: { filename: string; type: string }[] } | null;
}
interface SchemaField {
  field: string;
  fieldType: string;
  options?: { id: number; value: string; label: { fr: string; en: string } }[];
}

// Speed is the bench's business (`npm run bench`, snapshot section), never a timed assertion here:
// on a shared 2-core machine even CPU time swings past any fixed budget.
const edition = generateEdition();
const events = edition.events as unknown as RawEvent[];
const options = resolveOptions();
const DAY = 86_400_000;

// The three offset forms of the real feed: +0100, +01:00, .000+01:00.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.000)?([+-])(\d{2}):?(\d{2})$/;

function parseTimestamp(s: string): { epoch: number; offset: number; form: 'compact' | 'colon' | 'millis' } {
  const m = TIMESTAMP.exec(s);
  assert.ok(m, `unparsable timestamp ${s}`);
  const [, y, mo, d, h, mi, se, ms, sign, oh, om] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) - offset * 60_000;
  const form = ms ? 'millis' : s.slice(-3, -2) === ':' ? 'colon' : 'compact';
  return { epoch, offset, form };
}

/** Independent of the generator's own helper: Intl's offset of the zone at the instant. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneOffset(zone: string, epoch: number): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(epoch).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function regionOfEvent(e: RawEvent): string | undefined {
  return e.location ? departmentOfInsee(e.location.insee)?.regionCode : undefined;
}

const schemaFields = (edition.agenda.schema as Json).fields as SchemaField[];
const fieldNamed = (name: string): SchemaField => {
  const f = schemaFields.find((x) => x.field === name);
  assert.ok(f, `schema field ${name}`);
  return f;
};

test("the default edition has 8,000 events, an edition's real size", () => {
  assert.equal(events.length, 8000);
});

test('same options give byte-identical output; another seed gives another edition', () => {
  const again = generateEdition();
  assert.equal(JSON.stringify(again), JSON.stringify(edition));
  const other = generateEdition({ seed: 7, count: 300 });
  const otherAgain = generateEdition({ seed: 7, count: 300 });
  assert.equal(JSON.stringify(other), JSON.stringify(otherAgain));
  assert.notEqual(JSON.stringify(other.events), JSON.stringify(generateEdition({ seed: 8, count: 300 }).events));
});

test('defaults: the 2026 edition, and the third Monday of November for other years', () => {
  assert.deepEqual(options, {
    seed: 2026,
    count: 8000,
    year: 2026,
    start: '2026-11-16',
    end: '2026-11-22',
    agendaUid: 9464342,
    agendaSlug: 'semaine-de-l-industrie-2026',
    imageBase: 'https://cdn.openagenda.com/main/',
  });
  const local = generateEdition({ count: 200, imageBase: 'http://localhost:8000/sample-images/' });
  const images = local.events.map((e) => e.image as { base?: string } | null).filter((i) => i !== null);
  assert.ok(images.length > 0 && images.every((i) => i.base === 'http://localhost:8000/sample-images/'));
  assert.equal(resolveOptions({ year: 2025 }).start, '2025-11-17');
  assert.equal(resolveOptions({ year: 2024 }).end, '2024-11-24');
  assert.equal(resolveOptions({ start: '2018-03-26', end: '2018-04-01' }).year, 2018);
  assert.throws(() => resolveOptions({ start: '2026-11-22', end: '2026-11-16' }), /before/);
});

test('the count is exact and uids and slugs are unique', () => {
  for (const count of [0, 1, 37, 500]) assert.equal(generateEdition({ count }).events.length, count);
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
  assert.equal(new Set(events.map((e) => e.slug)).size, events.length);
  for (const e of events) {
    assert.ok(e.uid >= 10_000_000 && e.uid <= 99_999_999, `8-digit uid ${e.uid}`);
    assert.match(e.slug, /^[a-z0-9-]+-\d{7}$/);
  }
});

test('regions follow the 2022 weights, and every region is present', () => {
  const counts = new Map<string, number>();
  for (const e of events) {
    const r = regionOfEvent(e);
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  assert.equal(counts.size, regions.length, 'all 18 regions');
  const located = [...counts.values()].reduce((a, b) => a + b, 0);
  const total = Object.values(REGION_WEIGHTS).reduce((a, b) => a + b, 0);
  for (const [code, weight] of Object.entries(REGION_WEIGHTS)) {
    const expected = (weight / total) * located;
    const got = counts.get(code) ?? 0;
    assert.ok(Math.abs(got - expected) <= Math.max(8, expected * 0.15), `region ${code}: ${got} vs ~${Math.round(expected)}`);
  }
  const largest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  assert.equal(largest?.[0], '84', 'Auvergne-Rhône-Alpes is the largest');
  for (const small of ['01', '02', '03', '06']) assert.ok((counts.get(small) ?? 0) < 40, `few events in ${small}`);
});

test('places are real communes with their own postcode, and names resolve to the same codes', () => {
  const communes = new Map(loadCommunes().map((c) => [c.code, c]));
  let legacy = 0;
  let oddSpelling = 0;
  let crossPostcode = 0;
  for (const e of events) {
    const loc = e.location;
    if (!loc) continue;
    const commune = communes.get(loc.insee);
    assert.ok(commune, `INSEE ${loc.insee} is a current commune`);
    assert.ok(commune.codesPostaux?.includes(loc.postalCode), `${loc.postalCode} is a postcode of ${commune.nom}`);
    assert.equal(loc.city.toUpperCase(), commune.nom.toUpperCase());
    assert.equal(loc.countryCode, 'FR');
    assert.ok(loc.address.endsWith(`${loc.postalCode} ${commune.nom}`), loc.address);
    const dep = departmentOfInsee(loc.insee);
    assert.equal(dep?.code, commune.departement);
    // A couple of dozen real communes use a neighbouring department's postcode (Fougueyrolles,
    // Dordogne: 33220): the department comes from the INSEE code, the postcode only confirms it.
    if (departmentOfPostcode(loc.postalCode)?.code !== dep?.code) crossPostcode++;
    const regionName = loc.adminLevel1 ?? loc.region;
    const departmentName = loc.adminLevel2 ?? loc.department;
    assert.equal(findRegion(regionName)?.code, dep?.regionCode, `region name ${regionName}`);
    assert.equal(findDepartment(departmentName)?.code, dep?.code, `department name ${departmentName}`);
    if (loc.adminLevel1 === undefined) legacy++;
    if (regionName !== regions.find((r) => r.code === dep?.regionCode)?.name) oddSpelling++;
  }
  const located = events.filter((e) => e.location).length;
  assert.ok(legacy / located > 0.25 && legacy / located < 0.35, `legacy-only locations: ${legacy}`);
  assert.ok(oddSpelling > 100, `region names in other spellings: ${oddSpelling}`);
  assert.ok(crossPostcode < located * 0.005, `postcodes of another department: ${crossPostcode}`);
  assert.ok(events.some((e) => e.location?.adminLevel1 === 'ILE-DE-FRANCE' || e.location?.region === 'ILE-DE-FRANCE'));
});

test('places hosting several events are the same place each time', () => {
  const byUid = new Map<number, Location>();
  let shared = 0;
  for (const e of events) {
    const loc = e.location as (Location & { uid: number; createdAt: string }) | null;
    if (!loc) continue;
    const seen = byUid.get(loc.uid) as (Location & { createdAt: string }) | undefined;
    if (!seen) {
      byUid.set(loc.uid, loc);
      continue;
    }
    shared++;
    for (const key of ['name', 'address', 'insee', 'latitude', 'longitude', 'createdAt'] as const)
      assert.equal(loc[key], seen[key], `${loc.uid}.${key}`);
  }
  assert.ok(shared > 100, `events at an already used place: ${shared}`);
});

test('the industrial towns of the boost list all exist in @etalab', () => {
  const found = industrialTownCodes(loadCommunes());
  const missing = INDUSTRIAL_TOWNS.filter(([dep, name]) => !found.has(`${dep}|${name}`));
  assert.deepEqual(missing, []);
});

test('every department has a centre in the right part of the world', () => {
  const overseas: Record<string, [number, number, number, number]> = {
    '971': [15.8, 16.55, -61.85, -61.0],
    '972': [14.38, 14.9, -61.25, -60.8],
    '973': [2.1, 5.8, -54.6, -51.6],
    '974': [-21.4, -20.85, 55.2, 55.85],
    '976': [-13.05, -12.6, 44.95, 45.35],
  };
  assert.equal(Object.keys(DEPARTMENT_CENTRES).length, 101);
  for (const d of departments) {
    const c = DEPARTMENT_CENTRES[d.code];
    assert.ok(c, `centre of ${d.code}`);
    const [latMin, latMax, lngMin, lngMax] = overseas[d.code] ?? [41.3, 51.2, -5.2, 9.6];
    assert.ok(
      c.lat >= latMin && c.lat <= latMax && c.lng >= lngMin && c.lng <= lngMax,
      `${d.code} ${c.prefecture} at ${c.lat},${c.lng}`,
    );
  }
  const near = (code: string, lat: number, lng: number): void => {
    const c = DEPARTMENT_CENTRES[code];
    assert.ok(c && distanceKm(c, { lat, lng }) < 3, `${code} near ${lat},${lng}`);
  };
  near('69', 45.76, 4.84); // Lyon
  near('59', 50.63, 3.06); // Lille
  near('974', -20.88, 55.45); // Saint-Denis de La Réunion
  near('75', 48.857, 2.352); // Paris
  near('2A', 41.92, 8.74); // Ajaccio
  near('973', 4.93, -52.33); // Cayenne
});

test('coordinates stay near their department centre', () => {
  for (const e of events) {
    if (!e.location) continue;
    const dep = departmentOfInsee(e.location.insee)?.code ?? '';
    const centre = DEPARTMENT_CENTRES[dep];
    assert.ok(centre);
    const d = distanceKm(centre, { lat: e.location.latitude, lng: e.location.longitude });
    assert.ok(d <= centre.radiusKm + 0.01 && d < 40, `${e.uid} is ${d.toFixed(1)} km from ${centre.prefecture}`);
  }
});

test('attendance: ~5% online without a place, ~3% mixed, the rest on site', () => {
  const online = events.filter((e) => e.attendanceMode === 2);
  const mixed = events.filter((e) => e.attendanceMode === 3);
  assert.ok(online.length / events.length > 0.035 && online.length / events.length < 0.065, `online ${online.length}`);
  assert.ok(mixed.length / events.length > 0.02 && mixed.length / events.length < 0.045, `mixed ${mixed.length}`);
  for (const e of online) {
    assert.equal(e.location, null);
    assert.match(e.onlineAccessLink ?? '', /^https:\/\//);
  }
  for (const e of mixed) {
    assert.ok(e.location);
    assert.match(e.onlineAccessLink ?? '', /^https:\/\//);
  }
  for (const e of events.filter((x) => x.attendanceMode === 1)) assert.ok(e.location, `on-site ${e.uid} has a place`);
});

test('statuses: mostly scheduled, every other status present', () => {
  const counts = new Map<number, number>();
  for (const e of events) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  for (const s of [1, 2, 3, 4, 5, 6]) assert.ok((counts.get(s) ?? 0) > 0, `status ${s}`);
  assert.ok((counts.get(1) ?? 0) / events.length > 0.95);
  const cancelled = (counts.get(6) ?? 0) / events.length;
  assert.ok(cancelled > 0.005 && cancelled < 0.02, `cancelled ${cancelled}`);
});

test('timings parse, lie around the edition and carry the zone’s real offset in all three forms', () => {
  const from = Date.UTC(2026, 10, 16) - 21 * DAY;
  const to = Date.UTC(2026, 10, 23) + 21 * DAY;
  const reference = Date.UTC(2026, 10, 15, 23); // 16 Nov 00:00 in Paris
  const forms = new Set<string>();
  const zones = new Map<string, Set<number>>();
  let many = 0;
  for (const e of events) {
    assert.ok(e.timings.length >= 1);
    if (e.timings.length >= 30) many++;
    assert.ok(e.timings.length <= 100);
    let previous = -Infinity;
    for (const t of e.timings) {
      const b = parseTimestamp(t.begin);
      const en = parseTimestamp(t.end);
      assert.ok(b.epoch < en.epoch, `${e.uid}: begin before end`);
      assert.ok(b.epoch >= previous, `${e.uid}: timings sorted`);
      previous = b.epoch;
      assert.ok(b.epoch >= from && en.epoch <= to, `${e.uid}: ${t.begin} within the edition ± 3 weeks`);
      assert.equal(b.offset, zoneOffset(e.timezone, b.epoch), `${e.uid}: offset of ${t.begin} in ${e.timezone}`);
      forms.add(b.form);
      const set = zones.get(e.timezone) ?? new Set<number>();
      set.add(b.offset);
      zones.set(e.timezone, set);
      // Working hours, local time.
      const hour = Number(t.begin.slice(11, 13));
      assert.ok(hour >= 8 && hour <= 19, `${e.uid}: starts at ${t.begin}`);
    }
    assert.deepEqual(e.firstTiming, e.timings[0]);
    assert.deepEqual(e.lastTiming, e.timings[e.timings.length - 1]);
    const next = e.timings.find((t) => parseTimestamp(t.end).epoch > reference) ?? null;
    assert.deepEqual(e.nextTiming, next);
    if (e.location) assert.equal(e.timezone, e.location.timezone);
  }
  assert.deepEqual([...forms].sort(), ['colon', 'compact', 'millis']);
  assert.deepEqual([...(zones.get('Europe/Paris') ?? [])], [60]);
  assert.deepEqual([...(zones.get('America/Guadeloupe') ?? [])], [-240]);
  assert.deepEqual([...(zones.get('America/Martinique') ?? [])], [-240]);
  assert.deepEqual([...(zones.get('America/Cayenne') ?? [])], [-180]);
  assert.deepEqual([...(zones.get('Indian/Reunion') ?? [])], [240]);
  assert.deepEqual([...(zones.get('Indian/Mayotte') ?? [])], [180]);
  assert.ok(many >= 5 && many <= 80, `events with 30+ slots: ${many}`);
  const single = events.filter((e) => e.timings.length === 1).length / events.length;
  assert.ok(single > 0.6 && single < 0.78, `single-slot share ${single}`);
  assert.ok(
    events.some((e) => e.nextTiming === null),
    'some events are over by the edition start',
  );
});

test('an edition across a daylight-saving change gets both offsets (March 2018)', () => {
  const spring = generateEdition({ count: 1500, start: '2018-03-26', end: '2018-04-01' });
  const offsets = new Set<number>();
  for (const e of spring.events as unknown as RawEvent[]) {
    for (const t of e.timings) {
      const b = parseTimestamp(t.begin);
      assert.equal(b.offset, zoneOffset(e.timezone, b.epoch), t.begin);
      if (e.timezone === 'Europe/Paris') offsets.add(b.offset);
    }
  }
  assert.deepEqual(
    [...offsets].sort((a, b) => a - b),
    [60, 120],
  );
});

test('date ranges read like the feed’s, without the year', () => {
  for (const e of events) {
    assert.doesNotMatch(e.dateRange.fr ?? '', /20\d\d/);
    if (e.timings.length === 1) {
      assert.match(e.dateRange.fr ?? '', /^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) \d{1,2} \p{L}+, \d{2}h\d{2}$/u);
      assert.match(e.dateRange.en ?? '', /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+, \d{2}:\d{2}$/);
    }
  }
  const e = events.find((x) => x.dateRange.fr?.includes(' et '));
  assert.ok(e, 'a two-day event');
});

test('custom fields: the schema labels every format and audience the events use', () => {
  const formats = fieldNamed('types-devenement');
  const audiences = fieldNamed('type-de-public');
  assert.equal(formats.fieldType, 'radio');
  assert.equal(audiences.fieldType, 'checkbox');
  assert.equal(formats.options?.length, 12);
  assert.equal(audiences.options?.length, 9);
  for (const o of [...(formats.options ?? []), ...(audiences.options ?? [])]) {
    assert.ok(o.label.fr && o.label.en && o.value, `option ${o.id} labelled`);
  }
  const formatIds = new Set(formats.options?.map((o) => o.id));
  const audienceIds = new Set(audiences.options?.map((o) => o.id));
  const usedFormats = new Set<number>();
  for (const e of events) {
    assert.ok(formatIds.has(e['types-devenement']), `format ${e['types-devenement']}`);
    usedFormats.add(e['types-devenement']);
    const aud = e['type-de-public'];
    assert.ok(aud.length >= 1 && aud.length <= 3 && new Set(aud).size === aud.length);
    for (const id of aud) assert.ok(audienceIds.has(id), `audience ${id}`);
  }
  assert.equal(usedFormats.size, 12, 'every format is used');
  for (const f of ['title', 'description', 'longDescription', 'timings', 'location', 'attendanceMode', 'status', 'registration'])
    fieldNamed(f);
  const agenda = edition.agenda;
  assert.equal(agenda.uid, options.agendaUid);
  assert.equal(agenda.slug, 'semaine-de-l-industrie-2026');
});

test('formats and audiences go together plausibly', () => {
  const jobDating = events.filter((e) => e['types-devenement'] === 3);
  assert.ok(
    jobDating.every((e) => e['type-de-public'].includes(15)),
    'job dating → jobseekers',
  );
  const classroom = events.filter((e) => e['types-devenement'] === 10);
  assert.ok(
    classroom.every((e) => e['type-de-public'].some((id) => id === 11 || id === 12)),
    'classroom → pupils',
  );
  assert.ok(classroom.every((e) => e.attendanceMode === 1));
  const webinars = events.filter((e) => e['types-devenement'] === 6);
  assert.ok(
    webinars.every((e) => e.attendanceMode !== 1),
    'webinars are online or mixed',
  );
  const pupilsOnly = events.filter((e) => e['type-de-public'].every((id) => id === 11));
  assert.ok(pupilsOnly.length > 0 && pupilsOnly.every((e) => e.age.min === 11 && e.age.max === 15));
});

test('texts: lengths within the feed’s limits, French mostly, some bilingual, a few English only', () => {
  let bilingual = 0;
  let englishOnly = 0;
  for (const e of events) {
    const langs = Object.keys(e.title).sort().join('+');
    if (langs === 'en+fr') bilingual++;
    if (langs === 'en') englishOnly++;
    for (const text of Object.values(e.title)) assert.ok(text.length > 5 && text.length <= 140, text);
    for (const text of Object.values(e.description)) assert.ok(text.length <= 200, text);
    for (const text of Object.values(e.longDescription)) {
      const paragraphs = text.split('\n\n').filter((p) => !p.startsWith('**'));
      assert.ok(paragraphs.length >= 2 && paragraphs.length <= 5, text);
    }
    assert.deepEqual(Object.keys(e.description).sort(), Object.keys(e.title).sort());
  }
  assert.ok(bilingual / events.length > 0.2 && bilingual / events.length < 0.3, `bilingual ${bilingual}`);
  assert.ok(englishOnly > 5 && englishOnly < 100, `English only ${englishOnly}`);
  assert.ok(
    events.some((e) => e.longDescription.fr?.includes('\n- ')),
    'some markdown lists',
  );
  assert.ok(
    events.some((e) => /\]\(https:\/\//.test(e.longDescription.fr ?? '')),
    'some markdown links',
  );
});

test('images, registration and member blocks look like the real feed', () => {
  const withImage = events.filter((e) => e.image).length / events.length;
  assert.ok(withImage > 0.35 && withImage < 0.45);
  for (const e of events) {
    if (e.image) {
      assert.equal(e.image.base, 'https://cdn.openagenda.com/main/');
      assert.deepEqual(
        e.image.variants.map((v) => v.type),
        ['full', 'thumbnail'],
      );
    }
    for (const r of e.registration) {
      if (r.type === 'link') assert.match(r.value, /^https:\/\/[^/]*example\.(com|org|net)\//);
      else if (r.type === 'email') assert.match(r.value, /^[a-z0-9.-]+@example\.com$/);
      else assert.match(r.value, /^(0\d( \d{2}){4}|\+33 \d( \d{2}){4}|0\d{9})$/);
    }
  }
  const withRegistration = events.filter((e) => e.registration.length > 0).length / events.length;
  assert.ok(withRegistration > 0.55 && withRegistration < 0.65);
  const members = events.filter((e) => e.member);
  assert.ok(members.length / events.length > 0.4 && members.length / events.length < 0.6, `member blocks ${members.length}`);
  for (const e of members) {
    assert.match(e.member?.name ?? '', /^Organisateur \d+$/);
    assert.match(e.member?.email ?? '', /^organisateur\d+@example\.org$/);
  }
});

test('cli: writes the file once, reuses it for the same options and generator version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdi-sample-'));
  try {
    const args = parseArgs(['--count', '50', '--seed', '9']);
    assert.deepEqual(args.options, { count: 50, seed: 9 });
    const first = writeSample(args, dir);
    assert.equal(first.path, join(dir, '.cache/sample/edition-50-9.json'));
    assert.equal(first.written, true);
    const file = JSON.parse(readFileSync(first.path, 'utf8')) as { agendas: Record<string, { config: Json; events: Json[] }> };
    const agenda = file.agendas[String(options.agendaUid)];
    assert.equal(agenda?.events.length, 50);
    assert.equal((agenda?.config as Json).uid, options.agendaUid);
    assert.equal(readHeader(first.path)?.version, GENERATOR_VERSION);
    assert.equal(writeSample(args, dir).written, false);
    assert.equal(writeSample(parseArgs(['--count', '50', '--seed', '9', '--force']), dir).written, true);
    const out = join(dir, 'x.json');
    assert.equal(writeSample(parseArgs(['--count=20', `--out=${out}`]), dir).written, true);
    assert.equal(writeSample(parseArgs(['--count=21', `--out=${out}`]), dir).written, true, 'other options regenerate');
    assert.throws(() => parseArgs(['--count', 'many']), /non-negative integer/);
    assert.throws(() => parseArgs(['--wat']), /unknown argument/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
