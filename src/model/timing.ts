/**
 * Instants and time slots. OpenAgenda writes offsets as `+0100`, `+01:00`, `.000+01:00` or `Z`
 * depending on the endpoint and the era of the data; `Date.parse` is not required to accept the
 * colon-less form, so parsing is done by hand and gives the same answer in every engine.
 */
import { asArray, isRecord } from './guards.js';
import type { Timing } from './types.js';

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

const MINUTE_MS = 60_000;

// Instants whose local date has a four-digit year in every zone (offsets reach ±14 h). Beyond
// them, `toISOString` writes six-digit years, which no `<time datetime>` or calendar file accepts.
const EARLIEST = Date.UTC(1000, 0, 2);
const LATEST = Date.UTC(9999, 11, 30);

/**
 * Epoch milliseconds of an ISO 8601 date-time with an explicit offset, or undefined. A value
 * without an offset is refused rather than guessed: local time depends on the event's zone.
 */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = ISO_INSTANT.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] ? Number(m[6]) : 0;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;

  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  // Date.UTC rolls 31 February over to March and maps years 0-99 to 1900-1999: refuse both.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  const offset = offsetMinutes(m[8], m[9], m[10], m[11]);
  if (offset === undefined) return undefined;
  const instant = local - offset * MINUTE_MS;
  return instant >= EARLIEST && instant <= LATEST ? instant : undefined;
}

function offsetMinutes(
  zulu: string | undefined,
  sign: string | undefined,
  hours: string | undefined,
  minutes: string | undefined,
): number | undefined {
  if (zulu) return 0;
  const h = Number(hours);
  const min = Number(minutes);
  // Real offsets stay within ±14:00; anything beyond is a typo, not a time zone.
  if (h > 14 || min > 59 || (h === 14 && min > 0)) return undefined;
  return (sign === '-' ? -1 : 1) * (h * 60 + min);
}

/** One slot, or undefined when it cannot be shown honestly. */
function parseSlot(raw: unknown): Timing | undefined {
  if (!isRecord(raw)) return undefined;
  const begin = parseInstant(raw['begin'] ?? raw['start']);
  const end = parseInstant(raw['end']);
  if (begin === undefined || end === undefined || end < begin) return undefined;
  return { begin, end };
}

/**
 * The usable slots of a `timings` array, sorted by begin (then end) without duplicates. Bad
 * slots are dropped one by one so a single typo does not cost the whole event. `start` is read
 * when `begin` is missing because older exports used it.
 */
export function normaliseTimings(raw: unknown): Timing[] {
  const slots: Timing[] = [];
  for (const item of asArray(raw)) {
    const slot = parseSlot(item);
    if (slot) slots.push(slot);
  }
  slots.sort((a, b) => a.begin - b.begin || a.end - b.end);
  return slots.filter((slot, i) => {
    const previous = slots[i - 1];
    return !previous || previous.begin !== slot.begin || previous.end !== slot.end;
  });
}
