/**
 * Time slots as people read them, always on the event's own clocks: a visit in Cayenne at 9:00 is
 * "9 h" for everybody, and a visitor whose clock differs is told whose hour it is.
 */
import { intlLocale } from '../i18n/locale.js';
import type { Lang, Timing } from '../model/types.js';
import { offsetAt, wallClock } from '../time/local-day.js';

export function visitorTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// French typography keeps the number and "h" together: a line must not break inside "12 h 30".
const NBSP = '\u00a0';

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday and month names through Intl, read off a wall-clock Date at UTC. */
function nameOf(wall: Date, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  const key = `${lang}|${JSON.stringify(options)}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone: 'UTC' });
    nameFormatters.set(key, formatter);
  }
  return formatter.format(wall);
}

function dayOfMonth(wall: Date, lang: Lang): string {
  const day = wall.getUTCDate();
  return lang === 'fr' && day === 1 ? '1er' : String(day);
}

/** "mercredi 18 novembre" / "Wednesday 18 November"; built by hand so every engine agrees on commas. */
export function longDayLabel(wall: Date, lang: Lang, withYear = false): string {
  const text = `${nameOf(wall, lang, { weekday: 'long' })} ${dayOfMonth(wall, lang)} ${nameOf(wall, lang, { month: 'long' })}`;
  return withYear ? `${text} ${wall.getUTCFullYear()}` : text;
}

/** "18 nov." / "18 Nov". */
function shortDayLabel(wall: Date, lang: Lang): string {
  return `${dayOfMonth(wall, lang)} ${nameOf(wall, lang, { month: 'short' })}`;
}

/** "9 h", "12 h 30" in French; "9:00", "12:30" in English. */
function clock(wall: Date, lang: Lang): string {
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  if (lang === 'fr') {
    return minute === 0 ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${String(minute).padStart(2, '0')}`;
  }
  return `${hour}:${String(minute).padStart(2, '0')}`;
}

function sameWallDay(a: Date, b: Date): boolean {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate();
}

function timeRange(begin: Date, end: Date | 'midnight', lang: Lang, instantBegin: number, instantEnd: number): string {
  if (instantBegin === instantEnd) return clock(begin, lang);
  const last = end === 'midnight' ? (lang === 'fr' ? 'minuit' : 'midnight') : clock(end, lang);
  return `${clock(begin, lang)} – ${last}`;
}

function multiDay(begin: Date, end: Date, lang: Lang): string {
  const from = `${shortDayLabel(begin, lang)} ${clock(begin, lang)}`;
  const to = `${shortDayLabel(end, lang)} ${clock(end, lang)}`;
  return lang === 'fr' ? `du ${from} au ${to}` : `from ${from} to ${to}`;
}

// Intl's long names for these zones are either generic ("heure normale d’Europe centrale") or
// miss the island; people know their territory's name.
const ZONE_NAMES: Record<string, Record<Lang, string>> = {
  'Europe/Paris': { fr: 'heure de Paris', en: 'Paris time' },
  'Indian/Reunion': { fr: 'heure de La Réunion', en: 'Réunion time' },
  'Indian/Mayotte': { fr: 'heure de Mayotte', en: 'Mayotte time' },
  'America/Cayenne': { fr: 'heure de Guyane', en: 'French Guiana time' },
  'America/Guadeloupe': { fr: 'heure de Guadeloupe', en: 'Guadeloupe time' },
  'America/Martinique': { fr: 'heure de Martinique', en: 'Martinique time' },
  'America/Miquelon': { fr: 'heure de Saint-Pierre-et-Miquelon', en: 'Saint Pierre and Miquelon time' },
  'Pacific/Noumea': { fr: 'heure de Nouvelle-Calédonie', en: 'New Caledonia time' },
  'Pacific/Tahiti': { fr: 'heure de Tahiti', en: 'Tahiti time' },
  'Pacific/Wallis': { fr: 'heure de Wallis-et-Futuna', en: 'Wallis and Futuna time' },
};

/** "heure de La Réunion" / "Réunion time"; Intl's long name for other zones. */
export function zoneName(timeZone: string, lang: Lang, at: number = Date.now()): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known[lang];
  try {
    const part = new Intl.DateTimeFormat(intlLocale(lang), { timeZone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    if (part) return part.value;
  } catch {
    // An unknown zone name is still better than nothing.
  }
  return timeZone;
}

/**
 * "mercredi 18 novembre, 9 h – 12 h 30"; a slot over several days "du 16 nov. 9 h au 18 nov. 17 h".
 * With `visitorZone` whose clocks differ from the event's at that moment, the zone is named, so a
 * visitor in Paris does not turn up three hours early to an online talk from La Réunion.
 */
export function formatSlot(
  timing: Timing,
  timeZone: string,
  lang: Lang,
  options: { withDate?: boolean; visitorZone?: string } = {},
): string {
  const begin = wallClock(timing.begin, timeZone);
  const end = wallClock(timing.end, timeZone);
  // An evening ending at 00:00 belongs to its evening: "20 h – minuit", not "du 18 au 19 nov.".
  const endsAtMidnight =
    timing.end > timing.begin &&
    end.getUTCHours() === 0 &&
    end.getUTCMinutes() === 0 &&
    sameWallDay(begin, wallClock(timing.end - 1, timeZone));
  let text: string;
  if (!endsAtMidnight && !sameWallDay(begin, end)) {
    text = multiDay(begin, end, lang);
  } else {
    const times = timeRange(begin, endsAtMidnight ? 'midnight' : end, lang, timing.begin, timing.end);
    text = options.withDate === false ? times : `${longDayLabel(begin, lang)}, ${times}`;
  }
  return `${text}${zoneSuffix(timing.begin, timeZone, lang, options.visitorZone)}`;
}

/** "9 h – 12 h 30"; a slot over several days keeps its dates, which cannot be left out. */
export function formatTimeOnly(timing: Timing, timeZone: string, lang: Lang): string {
  return formatSlot(timing, timeZone, lang, { withDate: false });
}

function zoneSuffix(instant: number, timeZone: string, lang: Lang, visitorZone: string | undefined): string {
  if (!visitorZone || visitorZone === timeZone) return '';
  if (offsetAt(instant, visitorZone) === offsetAt(instant, timeZone)) return '';
  return ` (${zoneName(timeZone, lang, instant)})`;
}
