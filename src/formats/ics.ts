/**
 * "Add to my calendar" as an iCalendar file (RFC 5545). Times are written on the event's own
 * clocks with a VTIMEZONE, not in UTC: a calendar app then shows "9:00, Réunion time" correctly and
 * keeps it right if the visitor travels. Outlook, Apple Calendar and Google all insist on a
 * VTIMEZONE for every TZID, so one is derived from the engine's tz data.
 */
import { fold } from '../geo/fold.js';
import { pickText } from '../model/text.js';
import type { Lang, SdiEvent, SdiLocation } from '../model/types.js';
import { offsetAt } from '../time/local-day.js';
import { zoneOffsetMs } from '../time/zoned.js';
import { safeHttpUrl } from '../model/url.js';
import { plainText } from '../model/plain-text.js';

export interface IcsOptions {
  lang: Lang;
  /** DTSTAMP, when the file was made; Date.now() by default. */
  now?: number;
  /** The page to link to, e.g. the partner's own event page; the event's OpenAgenda page by default. */
  url?: string;
}

const CRLF = '\r\n';
const MAX_DESCRIPTION = 2000;

export function eventToIcs(event: SdiEvent, options: IcsOptions): string {
  const zone = event.timezone;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    "PRODID:-//Semaine de l'industrie widgets//FR",
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone(zone, event.timings[0]?.begin ?? options.now ?? Date.now()),
    ...event.timings.flatMap((_, index) => vevent(event, index, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function vevent(event: SdiEvent, index: number, options: IcsOptions): string[] {
  const timing = event.timings[index];
  if (!timing) return [];
  const zone = event.timezone;
  // Links are checked here too: a calendar app makes them clickable, whatever the event's source.
  const url = safeHttpUrl(options.url) ?? safeHttpUrl(event.url);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}-${index}@semaine-industrie-widgets`,
    `DTSTAMP:${utcStamp(options.now ?? Date.now())}`,
    `DTSTART;TZID=${zone}:${localStamp(timing.begin, zone)}`,
    `DTEND;TZID=${zone}:${localStamp(timing.end, zone)}`,
    `SUMMARY:${escapeText(pickText(event.title, options.lang))}`,
  ];
  const description = describe(event, options.lang, url);
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  const location = locationText(event);
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  const geo = event.attendance === 'online' ? undefined : event.location;
  if (geo && Number.isFinite(geo.lat) && Number.isFinite(geo.lng)) lines.push(`GEO:${geo.lat};${geo.lng}`);
  // URI values are not escaped, so a control character would end the line early.
  if (url) lines.push(`URL:${url.replace(/[\u0000-\u001f\u007f]/g, '')}`);
  lines.push(`STATUS:${status(event)}`, 'END:VEVENT');
  return lines;
}

function status(event: SdiEvent): string {
  if (event.status === 'cancelled') return 'CANCELLED';
  if (event.status === 'postponed') return 'TENTATIVE';
  return 'CONFIRMED';
}

/** The summary, the online link of a mixed event, and the event page: many apps hide URL. */
function describe(event: SdiEvent, lang: Lang, url: string | undefined): string {
  let summary = plainText(pickText(event.summary, lang) || pickText(event.description, lang));
  if (summary.length > MAX_DESCRIPTION) summary = `${summary.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
  const parts = [summary];
  const online = safeHttpUrl(event.onlineUrl);
  if (event.attendance === 'mixed' && online) {
    parts.push(`${lang === 'fr' ? 'En ligne\u00a0:' : 'Online:'} ${online}`);
  }
  if (url) parts.push(url);
  return parts.filter(Boolean).join('\n\n');
}

export function locationText(event: SdiEvent): string | undefined {
  const online = safeHttpUrl(event.onlineUrl);
  if (event.attendance === 'online') return online;
  const place = event.location ? postalLine(event.location) : undefined;
  return place || online;
}

function postalLine(location: SdiLocation): string {
  const town = [location.postalCode, location.city].filter(Boolean).join(' ');
  // OpenAgenda addresses often already end with "69003 Lyon"; do not say it twice.
  const address = location.address ?? '';
  const foldedAddress = fold(address);
  const townAlreadyThere = town !== '' && foldedAddress.includes(fold(town));
  return [location.name, location.address, townAlreadyThere ? '' : town].filter(Boolean).join(', ');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\ufffd')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n?|\n/g, '\\n')
      // Other control characters are not allowed in content lines at all.
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

// An escape ("\\n", "\\,") counts as one unit so a fold never separates it: RFC 5545 allows that,
// but some calendar apps then show a stray backslash. The u flag makes [\s\S] a whole code point.
const FOLD_UNIT = /\\[\\;,nN]|[\s\S]/gu;

/**
 * Lines longer than 75 octets are folded (RFC 5545 §3.1): continuation lines start with a space,
 * and a break never falls inside a UTF-8 sequence, which some parsers would turn into "�".
 */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const unit of line.match(FOLD_UNIT) ?? []) {
    const size = unit.length === 2 && unit[0] === '\\' ? 2 : utf8Length(unit.codePointAt(0) ?? 0);
    if (bytes + size > limit) {
      chunks.push(current);
      current = '';
      bytes = 0;
      // The leading space of a continuation line counts towards its 75 octets.
      limit = 74;
    }
    current += unit;
    bytes += size;
  }
  chunks.push(current);
  return chunks.join(`${CRLF} `);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function stamp(wall: Date): string {
  return (
    `${pad(wall.getUTCFullYear(), 4)}${pad(wall.getUTCMonth() + 1)}${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}${pad(wall.getUTCMinutes())}${pad(wall.getUTCSeconds())}`
  );
}

function utcStamp(instant: number): string {
  return `${stamp(new Date(instant))}Z`;
}

function localStamp(instant: number, zone: string): string {
  return stamp(new Date(instant + offsetAt(instant, zone)));
}

function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;
}

function safeOffset(instant: number, zone: string): number {
  try {
    return zoneOffsetMs(instant, zone);
  } catch {
    return offsetAt(instant, zone);
  }
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** The offset changes during `year`, found month by month and then to the minute. */
function transitionsIn(year: number, zone: string): Transition[] {
  const found: Transition[] = [];
  let previousAt = Date.UTC(year, 0, 1);
  let previous = safeOffset(previousAt, zone);
  for (let month = 1; month <= 12; month++) {
    const at = Date.UTC(year, month, 1);
    const offset = safeOffset(at, zone);
    if (offset !== previous) {
      let lo = previousAt;
      let hi = at;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (safeOffset(mid, zone) === previous) lo = mid;
        else hi = mid;
      }
      found.push({ at: hi, from: previous, to: offset });
    }
    previousAt = at;
    previous = offset;
  }
  return found;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU": the transition's weekday-in-month, as DST laws are written. */
function yearlyRule(wall: Date): string {
  const day = wall.getUTCDate();
  const daysInMonth = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 0)).getUTCDate();
  const ordinal = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
  return `FREQ=YEARLY;BYMONTH=${wall.getUTCMonth() + 1};BYDAY=${ordinal}${WEEKDAYS[wall.getUTCDay()]}`;
}

/**
 * A VTIMEZONE for `zone`: one STANDARD observance for fixed-offset zones (every overseas
 * department), STANDARD + DAYLIGHT with yearly rules for zones with summer time (Paris, Miquelon).
 * The rules start the year before the event so every slot falls after the observances' DTSTART.
 */
export function vtimezone(zone: string, around: number): string[] {
  const year = new Date(around + offsetAt(around, zone)).getUTCFullYear() - 1;
  const transitions = transitionsIn(year, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (transitions.length !== 2) {
    // No summer time, or a pattern no yearly rule can describe: the offset at the event is exact
    // for it, which is what matters in a one-event file.
    const offset = offsetText(offsetAt(around, zone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  } else {
    for (const t of transitions) {
      const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
      // An observance starts at the local time on the clocks it replaces (02:00 CET in March).
      const wall = new Date(t.at + t.from);
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${stamp(wall)}`,
        `RRULE:${yearlyRule(wall)}`,
        `TZOFFSETFROM:${offsetText(t.from)}`,
        `TZOFFSETTO:${offsetText(t.to)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** "visite-usine-xyz.ics", from the event's slug; characters some systems refuse in names go. */
export function icsFileName(event: SdiEvent, lang: Lang): string {
  const base =
    slugify(event.slug) || slugify(pickText(event.title, lang)) || `${lang === 'fr' ? 'evenement' : 'event'}-${event.uid}`;
  return `${base}.ics`;
}

function slugify(text: string | undefined): string {
  const slug = fold(text ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 80);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 40 ? cut.slice(0, lastDash) : cut;
}
