/**
 * Event time slots in the event's own time zone, written the way the OpenAgenda feed writes them.
 *
 * Slots are planned as local wall-clock times (a visit at 09:00 in Saint-Denis de La Réunion is
 * at 09:00 there), then given the zone's real UTC offset for that date through Intl, never a
 * hard-coded +01:00: an edition in late March or October crosses a daylight-saving change, and
 * overseas departments are at -04:00, -03:00, +03:00 or +04:00.
 */
import type { Rng } from './prng.js';
import type { Bi } from './words.js';

const DAY_MS = 86_400_000;

/** A civil date as days since 1970-01-01; weekday is `(day + 4) % 7` (0 = Sunday). */
export type CivilDay = number;

export interface LocalSlot {
  readonly day: CivilDay;
  /** Minutes since local midnight. */
  readonly begin: number;
  readonly end: number;
}

/** The three ways the feed writes an offset: `+0100`, `+01:00`, `.000+01:00`. */
export type OffsetStyle = 'compact' | 'colon' | 'millis';

export function parseCivilDay(iso: string): CivilDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

const isoDays = new Map<CivilDay, string>();

export function civilDayToIso(day: CivilDay): string {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDays.set(day, iso);
  }
  return iso;
}

export function weekday(day: CivilDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** UTC offset of `zone` at an instant, in minutes east of UTC. */
export function offsetMinutesAt(zone: string, epochMs: number): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

// Offsets of a zone only change at night (DST switches happen around 02:00-03:00), and slots
// are in working hours, so the offset at local noon stands for the whole day and is cached.
const dayOffsets = new Map<string, number>();

export function offsetMinutesOn(zone: string, day: CivilDay): number {
  const key = `${zone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const noonUtcGuess = day * DAY_MS + 12 * 3_600_000;
    const first = offsetMinutesAt(zone, noonUtcGuess);
    offset = offsetMinutesAt(zone, noonUtcGuess - first * 60_000);
    dayOffsets.set(key, offset);
  }
  return offset;
}

export function slotEpoch(zone: string, day: CivilDay, minutes: number): number {
  return day * DAY_MS + minutes * 60_000 - offsetMinutesOn(zone, day) * 60_000;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatOffset(offset: number, style: OffsetStyle): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad2(Math.floor(abs / 60));
  const mm = pad2(abs % 60);
  if (style === 'compact') return `${sign}${hh}${mm}`;
  if (style === 'colon') return `${sign}${hh}:${mm}`;
  return `.000${sign}${hh}:${mm}`;
}

/** "2026-11-16T09:00:00+01:00" (or +0100, .000+01:00): local wall time and its offset. */
export function formatLocal(zone: string, day: CivilDay, minutes: number, style: OffsetStyle): string {
  const time = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00`;
  return `${civilDayToIso(day)}T${time}${formatOffset(offsetMinutesOn(zone, day), style)}`;
}

const FR_DAYS = ['Dimanche', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "16 novembre 2026", for French running text. */
export function frenchDate(iso: string): string {
  const date = new Date(parseCivilDay(iso) * DAY_MS);
  return `${date.getUTCDate()} ${FR_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function dayMonth(day: CivilDay): { d: number; m: number } {
  const date = new Date(day * DAY_MS);
  return { d: date.getUTCDate(), m: date.getUTCMonth() };
}

/**
 * The feed's ready-made display string, in the shapes the real feed uses: "Lundi 16 novembre,
 * 09h00", "Lundi 16 novembre, 09h00, 14h00", "16 et 17 novembre", "16 - 20 novembre",
 * "30 novembre - 2 décembre". No year: every slot of an edition falls in the same year.
 */
export function dateRange(slots: readonly LocalSlot[]): Bi {
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (!first || !last) return { fr: '', en: '' };
  const a = dayMonth(first.day);
  if (first.day === last.day) {
    const begins = [...new Set(slots.map((s) => s.begin))];
    const fr = begins.map((m) => `${pad2(Math.floor(m / 60))}h${pad2(m % 60)}`).join(', ');
    const en = begins.map((m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`).join(', ');
    const wd = weekday(first.day);
    return {
      fr: `${FR_DAYS[wd]} ${a.d} ${FR_MONTHS[a.m]}, ${fr}`,
      en: `${EN_DAYS[wd]} ${a.d} ${EN_MONTHS[a.m]}, ${en}`,
    };
  }
  const b = dayMonth(last.day);
  const distinctDays = new Set(slots.map((s) => s.day)).size;
  const [frJoin, enJoin] = distinctDays === 2 ? [' et ', ' and '] : [' - ', ' - '];
  if (a.m === b.m) {
    return { fr: `${a.d}${frJoin}${b.d} ${FR_MONTHS[b.m]}`, en: `${a.d}${enJoin}${b.d} ${EN_MONTHS[b.m]}` };
  }
  return {
    fr: `${a.d} ${FR_MONTHS[a.m]}${frJoin}${b.d} ${FR_MONTHS[b.m]}`,
    en: `${a.d} ${EN_MONTHS[a.m]}${enJoin}${b.d} ${EN_MONTHS[b.m]}`,
  };
}

/** What a format allows: duration range, earliest and latest start (minutes), weekend share. */
export interface SlotProfile {
  readonly minutes: readonly [number, number];
  readonly earliest: number;
  readonly latest: number;
  readonly weekend: number;
}

export interface EditionWindow {
  readonly first: CivilDay;
  readonly last: CivilDay;
}

/** Relative weight of a weekday (0 = Sunday): industry events are mostly Tuesday to Thursday. */
const WEEKDAY_WEIGHT = [1, 20, 22, 18, 22, 16, 5];
const QUARTER = 15;
/** Day-time events end by 18:30; only those starting in the evening (talks) run later, to 20:30. */
const END_OF_DAY = 18 * 60 + 30;
const EVENING = 17 * 60 + 30;
const LATEST_END = 20 * 60 + 30;

function dayWeight(day: CivilDay, profile: SlotProfile): number {
  const wd = weekday(day);
  const base = WEEKDAY_WEIGHT[wd] ?? 0;
  return wd === 0 || wd === 6 ? base * profile.weekend : base;
}

function isOpenDay(day: CivilDay, profile: SlotProfile): boolean {
  return dayWeight(day, profile) > 0;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Start times organisers actually pick; other quarter hours happen, less often. */
const USUAL_BEGINS = [8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60, 10 * 60 + 30, 13 * 60 + 30, 14 * 60, 14 * 60 + 30];

function pickBegin(rng: Rng, profile: SlotProfile): number {
  const usual = USUAL_BEGINS.filter((m) => m >= profile.earliest && m <= profile.latest);
  if (usual.length > 0 && rng.chance(0.65)) return rng.pick(usual);
  return roundTo(rng.int(profile.earliest, profile.latest), QUARTER);
}

function pickDuration(rng: Rng, profile: SlotProfile): number {
  return roundTo(rng.int(profile.minutes[0], profile.minutes[1]), QUARTER);
}

function slot(day: CivilDay, begin: number, duration: number): LocalSlot {
  const length = Math.max(duration, QUARTER);
  // A long day-time event starts early enough to end by the end of the working day.
  const start = begin < EVENING && begin + length > END_OF_DAY ? Math.max(8 * 60, END_OF_DAY - length) : begin;
  return { day, begin: start, end: Math.min(start + length, LATEST_END) };
}

/**
 * The main day: nearly always within the edition, otherwise one or two weeks before or after it,
 * as labelled events were in 2022 ("organised between 7 November and 12 December").
 */
function pickMainDay(rng: Rng, window: EditionWindow, profile: SlotProfile): CivilDay {
  if (rng.chance(0.05)) {
    const before = rng.chance(0.4);
    for (let attempt = 0; attempt < 10; attempt++) {
      const day = before ? window.first - rng.int(1, 14) : window.last + rng.int(1, 14);
      const wd = weekday(day);
      if (wd !== 0 && wd !== 6) return day;
    }
  }
  const days: [CivilDay, number][] = [];
  for (let d = window.first; d <= window.last; d++) days.push([d, dayWeight(d, profile)]);
  return rng.weighted(days);
}

export type SlotPattern = 'single' | 'several-same-day' | 'several-days' | 'daily' | 'bulk';

export function pickPattern(rng: Rng): SlotPattern {
  const r = rng.float();
  if (r < 0.006) return 'bulk';
  if (r < 0.1) return 'daily';
  if (r < 0.2) return 'several-same-day';
  if (r < 0.3) return 'several-days';
  return 'single';
}

/** Plans the local slots of one event, sorted by time. */
export function planSlots(rng: Rng, profile: SlotProfile, window: EditionWindow, pattern: SlotPattern): LocalSlot[] {
  const main = pickMainDay(rng, window, profile);
  switch (pattern) {
    case 'single':
      return [slot(main, pickBegin(rng, profile), pickDuration(rng, profile))];
    case 'several-same-day':
      // Half-day and longer formats (fairs, exhibitions) are not repeated within a day.
      if (profile.minutes[0] < 180) return sessionsOnDay(rng, profile, main, rng.int(2, 4));
      return planSlots(rng, profile, window, 'several-days');
    case 'several-days': {
      const days = new Set<CivilDay>([main]);
      const wanted = rng.int(2, 3);
      for (let attempt = 0; attempt < 20 && days.size < wanted; attempt++) {
        const d = main + rng.int(-3, 4);
        if (isOpenDay(d, profile)) days.add(d);
      }
      const sameTime = rng.chance(0.5);
      const begin = pickBegin(rng, profile);
      const duration = pickDuration(rng, profile);
      return [...days].sort((x, y) => x - y).map((d) => slot(d, sameTime ? begin : pickBegin(rng, profile), duration));
    }
    case 'daily': {
      const count = rng.int(2, 5);
      const begin = pickBegin(rng, profile);
      const duration = pickDuration(rng, profile);
      const out: LocalSlot[] = [];
      for (let d = main; out.length < count && d < main + 10; d++) {
        if (isOpenDay(d, profile)) out.push(slot(d, begin, duration));
      }
      return out;
    }
    case 'bulk':
      return bulkSessions(rng, window);
  }
}

/** Back-to-back sessions on one day (group visits at 09:00, 10:45, 14:00…), skipping lunch. */
function sessionsOnDay(rng: Rng, profile: SlotProfile, day: CivilDay, count: number): LocalSlot[] {
  const duration = Math.min(pickDuration(rng, profile), 120);
  const gap = rng.pick([15, 15, 30, 30, 45, 60]);
  const out: LocalSlot[] = [];
  let begin = roundTo(rng.int(profile.earliest, Math.min(profile.latest, 10 * 60)), QUARTER);
  while (out.length < count && begin <= Math.max(profile.latest, 13 * 60 + 30) && begin + duration <= END_OF_DAY) {
    if (begin < 13 * 60 + 30 && begin + duration > 12 * 60 + 15) begin = 13 * 60 + 30;
    out.push(slot(day, begin, duration));
    begin += duration + gap;
  }
  return out;
}

/**
 * The handful of events with 30 to 100 slots: short sessions (a VR headset, an escape room) all
 * day long on several days of the edition.
 */
function bulkSessions(rng: Rng, window: EditionWindow): LocalSlot[] {
  const length = rng.pick([20, 30, 45, 60]);
  const perDay = Math.floor((17 * 60 - 9 * 60) / length);
  const openDays: CivilDay[] = [];
  for (let d = window.first; d <= window.last; d++) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) openDays.push(d);
  }
  let dayCount = Math.max(1, Math.min(openDays.length, rng.int(2, 5)));
  while (dayCount * perDay > 100 && dayCount > 1) dayCount--;
  while (dayCount * perDay < 30 && dayCount < openDays.length) dayCount++;
  const out: LocalSlot[] = [];
  for (const d of openDays.slice(0, dayCount)) {
    for (let i = 0; i < perDay; i++) out.push(slot(d, 9 * 60 + i * length, length));
  }
  return out;
}
