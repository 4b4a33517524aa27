/**
 * Edition dates as sentences ("du 16 au 22 novembre 2026", "from 27 November to 3 December
 * 2023"). Intl gives the month and weekday names; the phrasing is ours because formatRange writes
 * "16–22 novembre 2026", which reads as a table cell, not as part of a sentence.
 */
import type { Lang } from '../../model/types.js';
import { intlLocale } from '../../i18n/locale.js';
import { calendarUtc, parseIsoDate, type IsoDate } from '../../time/iso-date.js';

// The edition dates are calendar days in Paris; naming them at UTC midnight of the same calendar
// day gives Paris's day and month names without any offset being able to shift the day.
function name(date: IsoDate, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone: 'UTC' }).format(calendarUtc(date));
}

/** French writes the first of the month "1er". */
function dayNumber(date: IsoDate, lang: Lang): string {
  return lang === 'fr' && date.day === 1 ? '1er' : String(date.day);
}

function dayMonth(date: IsoDate, lang: Lang): string {
  return `${dayNumber(date, lang)} ${name(date, lang, { month: 'long' })}`;
}

function dayMonthYear(date: IsoDate, lang: Lang): string {
  return `${dayMonth(date, lang)} ${date.year}`;
}

/**
 * The edition's dates as a sentence fragment, or undefined when no date is known.
 * With a start only: "à partir du 16 novembre 2026"; an end only: "jusqu’au 22 novembre 2026".
 */
export function formatDateRange(start: string | undefined, end: string | undefined, lang: Lang): string | undefined {
  const first = parseIsoDate(start);
  const last = parseIsoDate(end);
  const fr = lang === 'fr';
  if (first && last) {
    if (first.year === last.year && first.month === last.month && first.day === last.day) {
      return `${fr ? 'le' : 'on'} ${dayMonthYear(first, lang)}`;
    }
    const from =
      first.year !== last.year
        ? dayMonthYear(first, lang)
        : first.month !== last.month
          ? dayMonth(first, lang)
          : dayNumber(first, lang);
    return fr ? `du ${from} au ${dayMonthYear(last, lang)}` : `from ${from} to ${dayMonthYear(last, lang)}`;
  }
  if (first) return fr ? `à partir du ${dayMonthYear(first, lang)}` : `from ${dayMonthYear(first, lang)}`;
  if (last) return fr ? `jusqu’au ${dayMonthYear(last, lang)}` : `until ${dayMonthYear(last, lang)}`;
  return undefined;
}

/** "dimanche 22 novembre" / "Sunday 22 November": the last day, for "en cours jusqu’au …". */
export function formatWeekdayDate(date: string, lang: Lang): string {
  const day = parseIsoDate(date);
  if (!day) return date;
  return `${name(day, lang, { weekday: 'long' })} ${dayMonth(day, lang)}`;
}
