/**
 * A deterministic sample edition of the Semaine de l'Industrie in the exact shape of the
 * OpenAgenda API v2 (detailed event records and the agenda configuration), for the mock API, the
 * tests and the offline demo. Same options → byte-identical output: every choice comes from a
 * seeded generator, and "now" is the edition's first day, never the clock.
 */
import { buildAgenda } from './agenda.js';
import {
  AUDIENCE_BY_KEY,
  FORMAT_BY_KEY,
  FORMATS,
  MIXED_FORMATS,
  ONLINE_FORMATS,
  type Audience,
  type AudienceKey,
  type Format,
  type FormatKey,
} from './catalog.js';
import { makeCompany, makeVenue, type Company } from './names.js';
import {
  allocateRegions,
  locationRecord,
  makeVenueRecord,
  pickCommune,
  slugify,
  timezoneOfDepartment,
  type EtalabCommune,
  type Venue,
} from './places.js';
import { mixSeed, Rng } from './prng.js';
import { writeTexts, type EventTexts } from './texts.js';
import {
  civilDayToIso,
  dateRange,
  formatLocal,
  parseCivilDay,
  pickPattern,
  planSlots,
  slotEpoch,
  type CivilDay,
  type LocalSlot,
  type OffsetStyle,
} from './timings.js';
import {
  ACTIVITIES,
  ESCAPE_THEMES,
  EXHIBITION_THEMES,
  SECTOR_BOOSTS,
  SECTOR_BY_KEY,
  SECTOR_WEIGHTS,
  TOPICS,
  TRADE_BY_KEY,
  TRADES,
  type Bi,
  type Sector,
  type Trade,
} from './words.js';

/** Bump when the output for the same options changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 1;

export interface SampleOptions {
  seed?: number;
  count?: number;
  year?: number;
  /** Edition's first day, YYYY-MM-DD. */
  start?: string;
  end?: string;
  agendaUid?: number;
  agendaSlug?: string;
  /**
   * Where image files are said to live. OpenAgenda's CDN by default (the real shape); the demo
   * points it at its own server, which draws placeholder pictures, so an offline page shows
   * images and tests make no request off the machine.
   */
  imageBase?: string;
}

export interface SampleEdition {
  /** Body of GET /v2/agendas/{uid}?detailed=1. */
  agenda: Record<string, unknown>;
  /** Detailed event records, as GET /v2/agendas/{uid}/events?detailed=1 lists them. */
  events: Record<string, unknown>[];
}

export type ResolvedOptions = Required<SampleOptions>;

const DAY_MS = 86_400_000;

/** Recent editions start on the third Monday of November (2024, 2025, 2026). */
function thirdMondayOfNovember(year: number): string {
  const first = Date.UTC(year, 10, 1) / DAY_MS;
  const toMonday = (8 - ((first + 4) % 7)) % 7;
  return civilDayToIso(first + toMonday + 14);
}

export function resolveOptions(options: SampleOptions = {}): ResolvedOptions {
  const year = options.year ?? (options.start ? Number(options.start.slice(0, 4)) : 2026);
  const start = options.start ?? thirdMondayOfNovember(year);
  const end = options.end ?? civilDayToIso(parseCivilDay(start) + 6);
  const count = options.count ?? 8000;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer, got ${count}`);
  if (parseCivilDay(end) < parseCivilDay(start)) throw new Error(`end ${end} is before start ${start}`);
  return {
    seed: options.seed ?? 2026,
    count,
    year,
    start,
    end,
    agendaUid: options.agendaUid ?? 9464342,
    agendaSlug: options.agendaSlug ?? `semaine-de-l-industrie-${year}`,
    imageBase: options.imageBase ?? 'https://cdn.openagenda.com/main/',
  };
}

function pickSector(rng: Rng, department: string | null): Sector {
  const boosts = department ? (SECTOR_BOOSTS[department] ?? {}) : {};
  const key = rng.weighted(Object.entries(SECTOR_WEIGHTS).map(([k, w]) => [k, w * (boosts[k] ?? 1)] as const));
  const sector = SECTOR_BY_KEY.get(key);
  if (!sector) throw new Error(`unknown sector ${key}`);
  return sector;
}

function pickTrades(rng: Rng, sector: Sector): [Trade, Trade] {
  const pool = sector.trades.map((k) => TRADE_BY_KEY.get(k)).filter((t): t is Trade => t !== undefined);
  const list = pool.length >= 2 ? pool : [...TRADES];
  const first = rng.pick(list);
  const rest = list.filter((t) => t !== first);
  return [first, rng.pick(rest)];
}

function pickAudiences(rng: Rng, format: Format): Audience[] {
  const keys = new Set<AudienceKey>([rng.weighted(format.primary)]);
  const wanted = rng.weighted([
    [1, 45],
    [2, 35],
    [3, 20],
  ] as const);
  for (let attempt = 0; attempt < 10 && keys.size < wanted; attempt++) {
    const extra = format.audiences.filter(([k]) => !keys.has(k));
    if (extra.length === 0) break;
    keys.add(rng.weighted(extra));
  }
  return [...keys]
    .map((k) => AUDIENCE_BY_KEY.get(k))
    .filter((a): a is Audience => a !== undefined)
    .sort((a, b) => a.id - b.id);
}

/** School audiences get an age range, as organisers fill it in for pupils. */
function ageOf(audiences: readonly Audience[]): { min: number | null; max: number | null } {
  const keys = new Set(audiences.map((a) => a.key));
  const open = keys.has('grand-public') || keys.has('demandeurs') || keys.has('parents') || keys.has('rh');
  if (open) return { min: null, max: null };
  if (keys.has('collegiens') && keys.has('lyceens')) return { min: 11, max: 18 };
  if (keys.has('collegiens')) return { min: 11, max: 15 };
  if (keys.has('lyceens')) return { min: 15, max: 18 };
  return { min: null, max: null };
}

/**
 * Telephone numbers in the blocks France's regulator (ARCEP) set aside for films and books
 * (written from memory, not checked against ARCEP here), with the zone digit of the event's area
 * (01 Île-de-France … 05 south-west and the Antilles): a demo must not display someone's number.
 */
const FICTION_PREFIX: Readonly<Record<string, string>> = {
  '1': '1 99 00',
  '2': '2 61 91',
  '3': '3 53 01',
  '4': '4 65 71',
  '5': '5 36 49',
};
const SOUTH_EAST_OCCITANIE = new Set(['11', '30', '34', '48', '66']);

function phoneZone(commune: EtalabCommune): string {
  const r = commune.region;
  if (r === '11') return '1';
  if (['24', '28', '52', '53', '04', '06'].includes(r)) return '2';
  if (['32', '44', '27'].includes(r)) return '3';
  if (['84', '93', '94'].includes(r)) return '4';
  if (r === '76') return SOUTH_EAST_OCCITANIE.has(commune.departement) ? '4' : '5';
  return '5';
}

function phone(rng: Rng, commune: EtalabCommune): string {
  const zone = phoneZone(commune);
  const digits = `${FICTION_PREFIX[zone]} ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')}`;
  const style = rng.float();
  if (style < 0.7) return `0${digits}`;
  if (style < 0.95) return `+33 ${digits}`;
  return `0${digits.replace(/ /g, '')}`;
}

function registrationOf(
  rng: Rng,
  uid: number,
  company: Company,
  commune: EtalabCommune,
  year: number,
): { type: string; value: string }[] {
  if (!rng.chance(0.6)) return [];
  const n = rng.chance(0.7) ? 1 : 2;
  const types = rng.shuffle(['link', 'email', 'phone']).slice(0, n);
  return types.map((type) => {
    // Reserved example domains (RFC 2606): nothing in the sample points at a real third party.
    if (type === 'link') {
      return {
        type,
        value: rng.pick([
          `https://www.example.com/inscription/${uid}`,
          `https://billetterie.example.org/sdi-${year}/${uid}`,
          `https://forms.example.net/semaine-industrie-${uid}`,
        ]),
      };
    }
    if (type === 'email') {
      const local = rng.pick([
        'contact',
        'rh',
        'communication',
        'semaine-industrie',
        slugify(company.name).slice(0, 24).replace(/-+$/, ''),
      ]);
      return { type, value: `${local}@example.com` };
    }
    return { type, value: phone(rng, commune) };
  });
}

function imageOf(rng: Rng, base: string): Record<string, unknown> | null {
  if (!rng.chance(0.4)) return null;
  const hash = rng.hex(32);
  const [width, height] = rng.pick([
    [1200, 800],
    [800, 533],
    [700, 467],
    [1024, 768],
    [1600, 900],
  ] as const);
  return {
    originalName: null,
    extension: null,
    filename: `${hash}.base.image.jpg`,
    size: { width, height },
    variants: [
      { filename: `${hash}.full.image.jpg`, size: { width, height }, type: 'full' },
      { filename: `${hash}.thumb.image.jpg`, size: { width: 200, height: 200 }, type: 'thumbnail' },
    ],
    base,
  };
}

function accessibilityOf(rng: Rng): Record<string, boolean> {
  const declared = rng.chance(0.3);
  return {
    ii: declared && rng.chance(0.25),
    hi: declared && rng.chance(0.35),
    vi: declared && rng.chance(0.25),
    pi: declared && rng.chance(0.2),
    mi: declared && rng.chance(0.85),
  };
}

function statusOf(rng: Rng): number {
  const r = rng.float();
  if (r < 0.01) return 6;
  if (r < 0.02) return 5;
  if (r < 0.025) return 4;
  if (r < 0.03) return 2;
  if (r < 0.033) return 3;
  return 1;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Keeps the languages an event was written in: most are French only, some bilingual, a few English only. */
function inLanguages(text: Bi, langs: readonly ('fr' | 'en')[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of langs) out[lang] = text[lang];
  return out;
}

/** Formats that run as many short sessions (a VR headset, an escape room, a guided tour). */
const BULK_FORMATS: ReadonlySet<FormatKey> = new Set(['visite-virtuelle', 'escape-game', 'atelier', 'visite-entreprise']);

interface EventPlan {
  readonly i: number;
  readonly region: string;
}

interface Shared {
  readonly opts: ResolvedOptions;
  readonly window: { first: CivilDay; last: CivilDay };
  readonly startDay: CivilDay;
  readonly reference: number;
  readonly uids: Set<number>;
  readonly venues: Map<string, Venue[]>;
}

function uniqueUid(rng: Rng, used: Set<number>): number {
  for (;;) {
    const uid = rng.int(10_000_000, 99_999_999);
    if (!used.has(uid)) {
      used.add(uid);
      return uid;
    }
  }
}

function pickVenue(
  rng: Rng,
  shared: Shared,
  format: Format,
  commune: EtalabCommune,
  sector: Sector,
  company: Company,
  audiences: readonly Audience[],
): Venue {
  const kind = rng.weighted(format.venues);
  const has = (k: AudienceKey): boolean => audiences.some((a) => a.key === k);
  const level = has('collegiens') && !has('lyceens') ? 'college' : has('lyceens') && !has('collegiens') ? 'lycee' : 'any';
  const key = kind === 'classroom' ? `${commune.code}|${kind}|${level}` : `${commune.code}|${kind}`;
  const known = shared.venues.get(key) ?? [];
  // Some places host several events (a company's visit and its job dating, a school's open day
  // and a workshop): the map and the list must cope with identical coordinates.
  if (known.length > 0 && rng.chance(0.15)) return rng.pick(known);
  const named = makeVenue(rng, kind, commune.nom, commune.population ?? 0, sector, company, level);
  const createdAt = iso((shared.startDay - rng.int(150, 700)) * DAY_MS + rng.int(7 * 3600, 19 * 3600) * 1000);
  const venue = makeVenueRecord(rng, uniqueUid(rng, shared.uids), named, commune, createdAt);
  known.push(venue);
  shared.venues.set(key, known);
  return venue;
}

function buildEvent(plan: EventPlan, shared: Shared): { event: Record<string, unknown>; firstBegin: number } {
  const { opts } = shared;
  const rng = new Rng(mixSeed(opts.seed, plan.i, 0x5d1));
  const uid = uniqueUid(rng, shared.uids);

  const attendance = rng.weighted([
    [2, 5],
    [3, 3],
    [1, 92],
  ] as const);
  const formatKey: FormatKey =
    attendance === 2
      ? rng.weighted(ONLINE_FORMATS)
      : attendance === 3
        ? rng.weighted(MIXED_FORMATS)
        : rng.weighted(FORMATS.map((f) => [f.key, f.weight] as const));
  const format = FORMAT_BY_KEY.get(formatKey);
  if (!format) throw new Error(`unknown format ${formatKey}`);

  // Online events still have an organiser somewhere: the commune names the company, not a place.
  const commune = pickCommune(rng, plan.region);
  const online = attendance === 2;
  const sector = pickSector(rng, commune.departement);
  const [trade, trade2] = pickTrades(rng, sector);
  const company = makeCompany(rng, sector, commune.nom);
  const audiences = pickAudiences(rng, format);
  const venue = online ? null : pickVenue(rng, shared, format, commune, sector, company, audiences);

  const texts: EventTexts = writeTexts(rng, {
    format: format.key,
    sector,
    product: rng.pick(sector.products),
    trade,
    trade2,
    company,
    venue: venue ? venue.named : null,
    city: venue ? commune.nom : null,
    topic: rng.pick(TOPICS),
    activity: rng.pick(ACTIVITIES),
    escapeTheme: rng.pick(ESCAPE_THEMES),
    exhibitionTheme: rng.pick(EXHIBITION_THEMES),
    audiences,
    online,
    vacancies: rng.int(5, 60),
    staff: rng.int(15, 1200),
    ref: String(uid),
  });

  const langRoll = rng.float();
  const langs: ('fr' | 'en')[] = langRoll < 0.006 ? ['en'] : langRoll < 0.256 ? ['fr', 'en'] : ['fr'];

  const zone = online ? 'Europe/Paris' : timezoneOfDepartment(commune.departement);
  const pattern = pickPattern(rng);
  const slots: LocalSlot[] = planSlots(
    rng,
    format,
    shared.window,
    pattern === 'bulk' && !BULK_FORMATS.has(format.key) ? 'daily' : pattern,
  );
  const style = rng.weighted<OffsetStyle>([
    ['colon', 45],
    ['millis', 40],
    ['compact', 15],
  ]);
  const timing = (s: LocalSlot): { begin: string; end: string } => ({
    begin: formatLocal(zone, s.day, s.begin, style),
    end: formatLocal(zone, s.day, s.end, style),
  });
  const timings = slots.map(timing);
  const next = slots.find((s) => slotEpoch(zone, s.day, s.end) > shared.reference);

  const status = statusOf(rng);
  let title: Bi = texts.title;
  if (status === 6 && rng.chance(0.3)) title = { fr: `ANNULÉ - ${title.fr}`, en: `CANCELLED - ${title.en}` };

  const createdMs = (shared.startDay - rng.int(10, 150)) * DAY_MS + rng.int(7 * 3600, 19 * 3600) * 1000;
  const latestUpdate = (shared.startDay - 1) * DAY_MS;
  const updatedMs =
    status === 1
      ? createdMs + Math.floor((rng.float() * Math.max(0, latestUpdate - createdMs)) / 1000) * 1000
      : Math.max(createdMs, (shared.startDay - rng.int(1, 7)) * DAY_MS + rng.int(7 * 3600, 19 * 3600) * 1000);

  const withLink = attendance !== 1 || status === 3;
  const organiser = rng.int(1, 2500);
  const memberRoll = rng.float();
  const image = imageOf(rng, shared.opts.imageBase);
  const event: Record<string, unknown> = {
    uid,
    slug: `${slugify(title.fr).slice(0, 80).replace(/-+$/, '')}-${rng.int(1_000_000, 9_999_999)}`,
    title: inLanguages(title, langs),
    description: inLanguages(texts.description, langs),
    longDescription: inLanguages(texts.longDescription, langs),
    conditions: texts.conditions ? inLanguages(texts.conditions, langs) : {},
    keywords: Object.fromEntries(langs.map((l) => [l, texts.keywords[l]])),
    image,
    imageCredits: image ? rng.pick([`© ${company.name}`, 'DR', null]) : null,
    dateRange: dateRange(slots),
    firstTiming: timing(slots[0] as LocalSlot),
    lastTiming: timing(slots[slots.length - 1] as LocalSlot),
    nextTiming: next ? timing(next) : null,
    timings,
    timezone: zone,
    status,
    attendanceMode: attendance,
    onlineAccessLink: withLink
      ? rng.pick([
          `https://visio.example.org/sdi-${opts.year}/${uid}`,
          `https://meet.example.com/${uid}`,
          `https://webinaire.example.net/live/${uid}`,
        ])
      : null,
    location: venue ? locationRecord(rng, venue, opts.agendaUid) : null,
    registration: registrationOf(rng, uid, company, commune, opts.year),
    accessibility: accessibilityOf(rng),
    age: ageOf(audiences),
    featured: rng.chance(0.005),
    'types-devenement': format.id,
    'type-de-public': audiences.map((a) => a.id),
    originAgenda: { uid: opts.agendaUid, title: `Semaine de l'industrie ${opts.year}`, image: null },
    createdAt: iso(createdMs),
    updatedAt: iso(updatedMs),
    state: 2,
    private: 0,
    draft: 0,
    links: [],
    sourceAgendas: [],
    addMethod: 'contribution',
    creatorUid: 10_000_000 + organiser * 3571,
    ownerUid: 10_000_000 + organiser * 3571,
  };
  // Detailed reads by a key with the right access carry the organiser's name and e-mail. The
  // values are obviously fake; the snapshot builder must drop the block (tests check it does).
  if (memberRoll < 0.5) event.member = { name: `Organisateur ${organiser}`, email: `organisateur${organiser}@example.org` };
  const firstSlot = slots[0] as LocalSlot;
  return { event, firstBegin: slotEpoch(zone, firstSlot.day, firstSlot.begin) };
}

export function generateEdition(options: SampleOptions = {}): SampleEdition {
  const opts = resolveOptions(options);
  const first = parseCivilDay(opts.start);
  const last = parseCivilDay(opts.end);
  const shared: Shared = {
    opts,
    window: { first, last },
    startDay: first,
    reference: slotEpoch('Europe/Paris', first, 0),
    uids: new Set(),
    venues: new Map(),
  };
  const regions = allocateRegions(opts.count, new Rng(mixSeed(opts.seed, 0x7e61)));
  // Listed in the API's timing order (sort=timings.asc), so that a mock serving the file as is
  // pages through a realistic sequence; events are generated in index order first so that
  // each one's random stream does not depend on the sort.
  const built = regions.map((region, i) => buildEvent({ i, region }, shared));
  built.sort((a, b) => a.firstBegin - b.firstBegin || (a.event.uid as number) - (b.event.uid as number));
  const events = built.map((b) => b.event);

  const upcoming = events.filter((e) => e.nextTiming !== null).length;
  const languages: Record<string, number> = { fr: 0, en: 0 };
  for (const e of events) {
    for (const lang of Object.keys(e.title as Record<string, string>)) languages[lang] = (languages[lang] ?? 0) + 1;
  }
  const agenda = buildAgenda({
    uid: opts.agendaUid,
    slug: opts.agendaSlug,
    year: opts.year,
    start: opts.start,
    end: opts.end,
    enabledFrom: civilDayToIso(first - 21),
    enabledTo: civilDayToIso(last + 21),
    createdAt: iso((first - 200) * DAY_MS + 9 * 3_600_000),
    updatedAt: iso((first - 1) * DAY_MS + 17 * 3_600_000),
    publishedEvents: { passed: events.length - upcoming, current: 0, upcoming },
    languages,
  });
  return { agenda, events };
}
