/**
 * The static snapshot format (docs/SNAPSHOT.md), version 2: written by the Node builder, read by
 * the widgets (which still read version 1). Browser-safe, types and tiny helpers only, so both sides agree on one definition.
 */
import type {
  AccessibilityFlags,
  Attendance,
  FeedSchema,
  LocalText,
  Registration,
  SdiEvent,
  SdiLocation,
} from '../model/types.js';

export const SNAPSHOT_FORMAT = 2;
/**
 * Every format this code reads. Version 2 added the first-page files (`files.first`); a reader of
 * version 1 refuses a version 2 index, so a new snapshot never half-works under an old bundle.
 */
export type SnapshotFormat = 1 | typeof SNAPSHOT_FORMAT;
export function isReadableFormat(value: unknown): value is SnapshotFormat {
  return value === 1 || value === SNAPSHOT_FORMAT;
}
/** Region key of events without a region (online only, unknown or foreign place). */
export const NO_REGION = 'none';
export const POINT_FIELDS = ['uid', 'lat', 'lng', 'region'] as const;

export interface SnapshotFileRef {
  /** Relative to the folder of index.json; the name carries a content hash, so it never changes. */
  path: string;
  count: number;
  bytes: number;
}

/** Facts of the edition the builder was told; all optional, the widgets have their own table. */
export interface SnapshotEdition {
  year?: number;
  number?: number;
  theme?: string;
  /** Local dates, YYYY-MM-DD. */
  start?: string;
  end?: string;
}

export interface SnapshotCounts {
  /** INSEE region code → events; `none` for events without a region. Sums to `total`. */
  region: Record<string, number>;
  /** INSEE department code → events; events without a department are not counted. */
  department: Record<string, number>;
  /** Type choice id → events having it (an event may have several). */
  type: Record<string, number>;
  audience: Record<string, number>;
  attendance: Partial<Record<Attendance, number>>;
  /** Local date YYYY-MM-DD → events running that day (once per event per day). */
  day: Record<string, number>;
}

export interface SnapshotIndex {
  format: SnapshotFormat;
  /** ISO instant. */
  generatedAt: string;
  agenda: { uid: number; slug?: string; title?: string };
  edition?: SnapshotEdition;
  schema: FeedSchema;
  total: number;
  skipped: number;
  counts: SnapshotCounts;
  files: {
    all: SnapshotFileRef;
    /** Only regions that have events; a region absent here has none. */
    regions: Record<string, SnapshotFileRef>;
    points: SnapshotFileRef;
    /**
     * Region key → that region's details file (long texts, registration), fetched when a card
     * opens. `count` is the number of events having details; a region absent here has none.
     */
    details: Record<string, SnapshotFileRef>;
    /**
     * Every mirrored image file (`images/…webp`, sorted) that event files name, so that a
     * publisher's garbage collection, which reads indexes only, keeps them. Written by the
     * builder since #16 (empty without --images mirror); absent in indexes of older builders.
     * The widgets do not read it.
     */
    images?: string[];
    /**
     * Since format 2: the first upcoming events of each scope (`all`, and each region key of
     * `regions`) in their own small file, which paints a list's first cards before its full file
     * arrives. Absent in format 1 indexes: readers then go straight to the full file.
     */
    first?: { all: SnapshotFileRef; regions: Record<string, SnapshotFileRef> };
  };
}

/** What a card shows only once opened: kept out of the event shards, which lists download whole. */
export interface EventDetails {
  description?: LocalText;
  conditions?: LocalText;
  registration?: Registration[];
}

/** The fields of `SdiEvent` that live in the details files, not in the event shards. */
export const DETAIL_FIELDS = ['description', 'conditions', 'registration'] as const;

/**
 * An event as stored in an event shard: an `SdiEvent` without its details, and with the fields
 * the reader restores exactly left out (`expandEvent` in snapshot-expand.ts):
 * - `url` when it is the event's OpenAgenda page (rebuilt from the agenda slug and `slug`);
 *   `null` when the event has no page although it could be rebuilt;
 * - `summary`, `keywords`, `types`, `audiences` when empty;
 * - `accessibility` lists only the flags that are true, and is left out when none is;
 * - `featured` only when true;
 * - `location.departmentName` and `location.regionName` when they are the names of the codes
 *   (src/geo/admin.ts); `null` when the event has no name although its code has one.
 */
export type SnapshotEvent = Omit<
  SdiEvent,
  | (typeof DETAIL_FIELDS)[number]
  | 'url'
  | 'location'
  | 'summary'
  | 'keywords'
  | 'types'
  | 'audiences'
  | 'accessibility'
  | 'featured'
> & {
  url?: string | null;
  location?: SnapshotLocation;
  summary?: LocalText;
  keywords?: string[];
  types?: number[];
  audiences?: number[];
  accessibility?: Partial<AccessibilityFlags>;
  featured?: true;
};

export type SnapshotLocation = Omit<SdiLocation, 'departmentName' | 'regionName'> & {
  departmentName?: string | null;
  regionName?: string | null;
};

export interface SnapshotEventsFile {
  format: SnapshotFormat;
  /** Sorted by first timing. */
  events: SnapshotEvent[];
}

export interface SnapshotDetailsFile {
  format: SnapshotFormat;
  /** Event uid → its details; events without any are absent. */
  details: Record<string, EventDetails>;
}

/** Region codes go into file names: INSEE codes are short alphanumerics, nothing else is accepted. */
export function isSafeCode(code: string): boolean {
  return /^[0-9A-Za-z]{1,4}$/.test(code);
}

/** The key of the region shard (and details file) an event is in: its INSEE region code, or `none`. */
export function regionKey(event: { location?: { regionCode?: string } }): string {
  const code = event.location?.regionCode;
  return code && isSafeCode(code) ? code : NO_REGION;
}

export interface SnapshotPointsFile {
  format: SnapshotFormat;
  fields: typeof POINT_FIELDS;
  /** Flat: uid, lat, lng, region code (or `none`), then the next event. */
  points: (number | string)[];
}

export interface SnapshotPoint {
  uid: number;
  lat: number;
  lng: number;
  region: string;
}

/** Unpacks the flat points array, skipping malformed quadruples rather than failing the map. */
export function readPoints(file: SnapshotPointsFile): SnapshotPoint[] {
  const out: SnapshotPoint[] = [];
  const p = file.points;
  for (let i = 0; i + 3 < p.length; i += POINT_FIELDS.length) {
    const [uid, lat, lng, region] = [p[i], p[i + 1], p[i + 2], p[i + 3]];
    if (typeof uid === 'number' && typeof lat === 'number' && typeof lng === 'number') {
      out.push({ uid, lat, lng, region: String(region) });
    }
  }
  return out;
}

/**
 * The event after a first-page file's last one, in the list's date order at build time: its next
 * start and its French title (the list's tie-break). Events before it are all in the file.
 */
export interface FirstPageBoundary {
  at: number;
  title: string;
}

/** What a reader needs to know how much of a first-page file is still the list's first page. */
export interface FirstPageFacts {
  /** The first event left out; null when the file holds every event of the scope still to come. */
  until: FirstPageBoundary | null;
  /** Events of the scope, and those of them already over when the file was built. */
  total: number;
  over: number;
  /**
   * When the scope's other events end, as flat pairs (instant, events ending then), sorted, for
   * those ending before `horizon`: the number still to come at any instant up to it.
   */
  ends: number[];
  /** Epoch ms after which the file is not used (the full file is read instead). */
  horizon: number;
}

/** A first-page file (format 2): an events file of one scope's first upcoming events. */
export interface SnapshotFirstFile extends SnapshotEventsFile {
  first: FirstPageFacts;
}
