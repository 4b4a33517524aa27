/**
 * Whether every event of the snapshot beside the bundle is over. After an edition (and until the
 * next one's events are published) a list shows no card by default; the configurator's preview
 * then includes past events, so an editor still sees what each option does.
 */
import { epochToZonedParts } from '../src/time/zoned.js';
import { EDITION_TIME_ZONE } from '../src/editions/editions.js';
import { editionPhase, isPast, type ProgrammeFacts } from '../src/editions/phase.js';

export interface SnapshotDays {
  /** The last local day (YYYY-MM-DD) on which an event of the snapshot runs. */
  lastDay: string;
  /** Every day with events, and their number: the page's edition phase is derived from them. */
  days?: string[];
  total?: number;
  edition?: ProgrammeFacts['edition'];
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
    const { total, edition } = index as { total?: unknown; edition?: unknown };
    return lastDay
      ? {
          lastDay,
          days: keys,
          ...(typeof total === 'number' ? { total } : {}),
          ...(typeof edition === 'object' && edition !== null ? { edition: edition as ProgrammeFacts['edition'] } : {}),
        }
      : undefined;
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

/**
 * Whether the list preview includes past events: once the page's edition phase is past its week
 * (or awaits the next programme), a partner's list shows the edition's "over" state, and an editor
 * choosing « Grille de cartes » must still see a grid; also whenever every event is over.
 */
export function previewIncludesPast(snapshot: SnapshotDays | undefined, now: number): boolean {
  if (!snapshot) return false;
  if (allEventsOver(snapshot, now)) return true;
  const programme: ProgrammeFacts = {
    ...(snapshot.days ? { days: snapshot.days } : {}),
    ...(snapshot.total !== undefined ? { total: snapshot.total } : {}),
    ...(snapshot.edition ? { edition: snapshot.edition } : {}),
  };
  const phase = editionPhase({ now, programme });
  return isPast(phase) || phase.name === 'programme-awaited';
}

/** "22 novembre 2026", for the preview's notice. */
export function frenchDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}
