/**
 * Calendar dates and wall-clock times as partners write them in attributes ("2026-11-16",
 * "09:00"). They are parsed strictly: a typo must surface as a notice, not silently become another
 * day the way `new Date('2026-02-30')` rolls over.
 */

export interface IsoDate {
  year: number;
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no zone can shift it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIsoDate(text: string | null | undefined): IsoDate | undefined {
  const match = DATE_PATTERN.exec((text ?? '').trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function parseWallTime(text: string | null | undefined): WallTime | undefined {
  const match = TIME_PATTERN.exec((text ?? '').trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(date: IsoDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * Milliseconds of the date's midnight read as if it were UTC. Only used to do calendar arithmetic
 * and to name days and months through Intl with `timeZone: 'UTC'`, where no offset can interfere.
 */
export function calendarUtc(date: IsoDate): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  return instant.getTime();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const shifted = new Date(calendarUtc(date) + days * 86_400_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Negative, zero or positive like a comparator; ISO strings would compare too, IsoDate objects do not. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return calendarUtc(a) - calendarUtc(b);
}
