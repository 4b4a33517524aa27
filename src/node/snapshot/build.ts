/**
 * Builds a snapshot (docs/SNAPSHOT.md) in memory: a pure function of the agenda and its events,
 * so the same input always gives the same files and names, and tests need no disk.
 */
import { createHash } from 'node:crypto';
import { compactEvent, eventDetails } from '../../feed/snapshot-expand.js';
import {
  NO_REGION,
  POINT_FIELDS,
  SNAPSHOT_FORMAT,
  type EventDetails,
  type SnapshotDetailsFile,
  type SnapshotEdition,
  type SnapshotEventsFile,
  type SnapshotFileRef,
  type SnapshotFirstFile,
  type SnapshotIndex,
  type SnapshotPointsFile,
} from '../../feed/snapshot-format.js';
import { capTimings } from '../../model/cap-timings.js';
import { buildFirstPage } from '../../store/first-page.js';
import type { FeedSchema, SdiEvent } from '../../model/types.js';
import { countEvents, regionKey } from './counts.js';
import { publicEvent, publicSchema } from './public-event.js';

export interface BuildInput {
  /** The agenda configuration (GET /agendas/{uid}?detailed=1): uid, slug and title are read. */
  agenda: unknown;
  /** Used when the configuration carries no uid. */
  agendaUid?: number;
  events: SdiEvent[];
  schema: FeedSchema;
  skipped: number;
  generatedAt: Date;
  edition?: SnapshotEdition;
}

export interface BuiltSnapshot {
  index: SnapshotIndex;
  /** Relative path → content, index.json excepted (the writer writes it last). */
  files: Map<string, string>;
  /** Slots left out by MAX_TIMINGS_PER_EVENT, and the events that lost some. */
  droppedTimings: { events: number; timings: number };
}

export const INDEX_FILE = 'index.json';

// Slots kept per event, and the one cap every reader applies (model/limits.ts, model/cap-timings.ts).
export { MAX_TIMINGS_PER_EVENT } from '../../model/limits.js';

export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16);
}

/** Compact like the other files: every page view of every partner site fetches it. */
export function serialiseIndex(index: SnapshotIndex): string {
  return JSON.stringify(index);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function agendaInfo(agenda: unknown, fallbackUid: number | undefined): SnapshotIndex['agenda'] {
  const config = record(agenda);
  const uid = Number(config.uid ?? fallbackUid);
  if (!Number.isSafeInteger(uid) || uid < 0) throw new TypeError('the agenda configuration has no uid');
  const info: SnapshotIndex['agenda'] = { uid };
  if (typeof config.slug === 'string' && config.slug) info.slug = config.slug;
  // The title is a plain string in v2, but some configurations carry it per language.
  const title = typeof config.title === 'string' ? config.title : (record(config.title).fr ?? record(config.title).en);
  if (typeof title === 'string' && title) info.title = title;
  return info;
}

function byFirstTiming(a: SdiEvent, b: SdiEvent): number {
  return (a.timings[0]?.begin ?? Infinity) - (b.timings[0]?.begin ?? Infinity) || a.uid - b.uid;
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

function pointsFile(events: readonly SdiEvent[]): { content: SnapshotPointsFile; count: number } {
  const points: (number | string)[] = [];
  let count = 0;
  for (const event of events) {
    const { lat, lng } = event.location ?? {};
    if (typeof lat !== 'number' || typeof lng !== 'number') continue;
    points.push(event.uid, round5(lat), round5(lng), regionKey(event));
    count++;
  }
  return { content: { format: SNAPSHOT_FORMAT, fields: POINT_FIELDS, points }, count };
}

export function buildSnapshot(input: BuildInput): BuiltSnapshot {
  const now = input.generatedAt.getTime();
  const droppedTimings = { events: 0, timings: 0 };
  const events = input.events
    .map((raw) => {
      const capped = capTimings(raw, now);
      if (capped.dropped > 0) {
        droppedTimings.events++;
        droppedTimings.timings += capped.dropped;
      }
      return publicEvent(capped.event);
    })
    .sort(byFirstTiming);
  const agenda = agendaInfo(input.agenda, input.agendaUid);
  const files = new Map<string, string>();

  const addFile = (stem: string, content: unknown, count: number): SnapshotFileRef => {
    const text = JSON.stringify(content);
    const path = `${stem}.${contentHash(text)}.json`;
    files.set(path, text);
    return { path, count, bytes: Buffer.byteLength(text, 'utf8') };
  };
  // Compacted once: the national file and the region shards hold the same objects.
  const compact = new Map(events.map((event) => [event, compactEvent(event, agenda.slug)]));
  const eventsFile = (list: SdiEvent[]): SnapshotEventsFile => ({
    format: SNAPSHOT_FORMAT,
    events: list.map((event) => compact.get(event) ?? compactEvent(event, agenda.slug)),
  });

  const byRegion = new Map<string, SdiEvent[]>();
  for (const event of events) {
    const key = regionKey(event);
    const list = byRegion.get(key);
    if (list) list.push(event);
    else byRegion.set(key, [event]);
  }
  // Sorted with `none` last so the index lists regions in a stable order.
  const regionKeys = [...byRegion.keys()].sort((a, b) => (a === NO_REGION ? 1 : b === NO_REGION ? -1 : a.localeCompare(b)));

  // A scope's first upcoming events, which paint a list's first cards before its full file arrives.
  const firstFile = (stem: string, list: SdiEvent[]): SnapshotFileRef => {
    const page = buildFirstPage(list, now);
    const file: SnapshotFirstFile = { ...eventsFile(page.events), first: page.facts };
    return addFile(stem, file, page.events.length);
  };

  const all = addFile('events/all', eventsFile(events), events.length);
  const first = { all: firstFile('events/first-all', events), regions: {} as Record<string, SnapshotFileRef> };
  const regions: Record<string, SnapshotFileRef> = {};
  const details: Record<string, SnapshotFileRef> = {};
  for (const key of regionKeys) {
    const list = byRegion.get(key) ?? [];
    regions[key] = addFile(`events/region-${key}`, eventsFile(list), list.length);
    first.regions[key] = firstFile(`events/first-region-${key}`, list);
    const entries: Record<string, EventDetails> = {};
    let count = 0;
    for (const event of list) {
      const entry = eventDetails(event);
      if (!entry) continue;
      entries[event.uid] = entry;
      count++;
    }
    // A region whose events have no details gets no file: the reader has nothing to fetch.
    if (count > 0) {
      const file: SnapshotDetailsFile = { format: SNAPSHOT_FORMAT, details: entries };
      details[key] = addFile(`details/region-${key}`, file, count);
    }
  }
  const points = pointsFile(events);

  const index: SnapshotIndex = {
    format: SNAPSHOT_FORMAT,
    generatedAt: input.generatedAt.toISOString(),
    agenda,
    ...(input.edition ? { edition: input.edition } : {}),
    schema: publicSchema(input.schema),
    total: events.length,
    skipped: input.skipped,
    counts: countEvents(events),
    files: { all, regions, points: addFile('points', points.content, points.count), details, first },
  };
  return { index, files, droppedTimings };
}
