/**
 * Dates and numbers for people, through Intl. Calendar dates (YYYY-MM-DD) are formatted in UTC
 * so no visitor time zone can move them to another day.
 */
import type { Lang } from '../model/types.js';
import { intlLocale } from './locale.js';
import { calendarUtc, parseIsoDate } from '../time/iso-date.js';

/** Epoch ms of a valid calendar date read as UTC midnight, or undefined ("2026-02-30" is invalid). */
export function isoDateInstant(value: string | null | undefined): number | undefined {
  const date = parseIsoDate(value);
  return date ? calendarUtc(date) : undefined;
}

/** French writes the first of the month as an ordinal: « 1er décembre ». */
function frenchFirst(text: string): string {
  return text.replace(/(^|\s|–\s?)1 (?=\p{L})/gu, '$11er ');
}

export function formatDate(iso: string, lang: Lang, options: Intl.DateTimeFormatOptions = {}): string {
  const at = isoDateInstant(iso);
  if (at === undefined) return iso;
  const text = new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    ...options,
  }).format(at);
  return lang === 'fr' ? frenchFirst(text) : text;
}

/** "16–22 novembre 2026", "30 novembre – 6 décembre 2026": Intl picks what to repeat. */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  const from = isoDateInstant(start);
  const to = isoDateInstant(end);
  if (from === undefined || to === undefined) return `${start} – ${end}`;
  const format = new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const text = from === to ? format.format(from) : format.formatRange(from, to);
  return lang === 'fr' ? frenchFirst(text) : text;
}

export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}
