/**
 * Whether every event of the snapshot beside the bundle is over. After an edition (and until the
 * next one's events are published) a list shows no card by default; the configurator's preview
 * then includes past events, so an editor still sees what each option does.
 */
import { epochToZonedParts } from '../src/time/zoned.js';
import { EDITION_TIME_ZONE } from '../src/editions/editions.js';

export interface SnapshotDays {
  /** The last local day (YYYY-MM-DD) on which an event of the snapshot runs. */
  lastDay: string;
}

/** Reads `counts.day` of the snapshot's index; undefined when it cannot be read or has no day. */
export async function readSnapshotDays(
  indexUrl: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<SnapshotDays | undefined> {
  try {
    const response = await fetchImpl(indexUrl, { credentials: 'omit' });
    if (!response.ok) return undefined;
    const index: unknown = await response.json();
    if (typeof index !== 'object' || index === null) return undefined;
    const counts: unknown = (index as { counts?: unknown }).counts;
    const days: unknown = typeof counts === 'object' && counts !== null ? (counts as { day?: unknown }).day : undefined;
    if (typeof days !== 'object' || days === null) return undefined;
    const keys = Object.keys(days)
      .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))
      .sort();
    const lastDay = keys[keys.length - 1];
    return lastDay ? { lastDay } : undefined;
  } catch {
    // The preview then behaves as a partner's list does; nothing to tell the editor.
    return undefined;
  }
}

function parisDay(now: number): string {
  const { year, month, day } = epochToZonedParts(now, EDITION_TIME_ZONE);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the snapshot's last event day is before today in Paris: nothing left to come. */
export function allEventsOver(days: SnapshotDays | undefined, now: number): boolean {
  return days !== undefined && days.lastDay < parisDay(now);
}

/** "22 novembre 2026", for the preview's notice. */
export function frenchDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}
