/**
 * The page's one store of feed data: the loaders of events, summaries, points and details, in
 * snapshot or live mode, over one SharedCache (shared-cache.ts), so widgets asking for the same
 * thing share one request and one entry, data is served stale while it revalidates, and a request
 * nobody waits for any more (every widget that asked has left the page) is aborted.
 */
import { fetchJson, HttpError, type FetchJsonOptions, type FetchLike } from '../feed/http.js';
import type { ApiSource } from '../feed/openagenda-api.js';
import {
  detailsFor,
  fileUrl,
  readDetails,
  readEvents,
  readIndex,
  shardFor,
  SnapshotError,
  SnapshotUnavailableError,
  withDetails,
} from '../feed/snapshot-reader.js';
import { readFirstPage } from '../feed/snapshot-first.js';
import { takePrefetched } from '../feed/prefetch.js';
import {
  NO_REGION,
  readPoints,
  type FirstPageFacts,
  type SnapshotCounts,
  type SnapshotEdition,
  type SnapshotIndex,
  type SnapshotPoint,
  type SnapshotPointsFile,
} from '../feed/snapshot-format.js';
import { sourceKey, type SourceConfig } from '../feed/source.js';
import type { FeedSchema, SdiEvent } from '../model/types.js';
import { SharedCache } from './shared-cache.js';

/** What events a widget needs: a region's (INSEE code) or the whole edition's. */
export interface Scope {
  region?: string;
}

export interface EventsData {
  events: SdiEvent[];
  schema: FeedSchema;
  /** Records of the feed that could not be shown. */
  skipped: number;
  /** When the data was produced (snapshot generation or live read), epoch ms. */
  generatedAt: number;
  /** True when a refresh failed and this is older data kept on purpose. */
  stale: boolean;
  /**
   * Present when `events` are only the scope's first upcoming events, from a first-page file
   * (`FeedStore.firstEvents`), for the first cards; the full data follows.
   */
  first?: { facts: FirstPageFacts; region?: string };
}

export interface Summary {
  /** The edition the data belongs to, when the snapshot records it. */
  edition?: SnapshotEdition;
  total: number;
  counts: Partial<SnapshotCounts>;
  schema: FeedSchema;
  generatedAt: number;
  stale: boolean;
}

export interface PointsData {
  points: SnapshotPoint[];
  counts: Partial<SnapshotCounts>;
  total: number;
  schema: FeedSchema;
  generatedAt: number;
  stale: boolean;
}

export interface StoreOptions {
  fetch?: FetchLike;
  /** After this age, data is served and revalidated in the background. */
  maxAgeMs?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
}

export class FeedStore {
  private readonly cache: SharedCache;
  private readonly options: Required<Omit<StoreOptions, 'fetch'>> & { fetch?: FetchLike };
  /** Every network request the store made, for tests and the benchmark. */
  requestCount = 0;

  constructor(options: StoreOptions = {}) {
    this.options = {
      maxAgeMs: 5 * 60 * 1000,
      timeoutMs: 15000,
      retries: 3,
      backoffMs: 500,
      ...options,
    };
    this.cache = new SharedCache({ maxAgeMs: this.options.maxAgeMs, markStale });
  }

  private http(signal: AbortSignal): FetchJsonOptions {
    const base = this.options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
    return {
      timeoutMs: this.options.timeoutMs,
      retries: this.options.retries,
      backoffMs: this.options.backoffMs,
      signal,
      fetch: (input, init) => {
        this.requestCount += 1;
        // The loader may have asked for it already, before any element's code had arrived.
        return takePrefetched(input, init) ?? base(input, init);
      },
    };
  }

  /** Events of a scope; resolves from cache when fresh, shares the request when in flight. */
  events(source: SourceConfig, scope: Scope = {}, signal?: AbortSignal, force = false): Promise<EventsData> {
    const key = `events|${sourceKey(source)}|${scope.region ?? ''}`;
    return this.get(key, sourceKey(source), signal, force, (s, refreshing) => this.loadEvents(source, scope, s, refreshing));
  }

  /**
   * A scope's first upcoming events, from its first-page file (snapshot format 2), to paint a
   * list's first cards before `events` has read the full file. Undefined when there is none (live
   * mode, a format 1 snapshot, a damaged file) or when the full events are already here: the
   * caller then waits for `events`. Fails only on an abort.
   */
  async firstEvents(source: SourceConfig, scope: Scope = {}, signal?: AbortSignal): Promise<EventsData | undefined> {
    if (source.kind !== 'snapshot' || this.peekEvents(source, scope)) return undefined;
    // The index is the full data's too: its failure is the list's, told once (not read again by
    // `events` after a failure here).
    const index = await this.index(source, signal ?? new AbortController().signal);
    const files = index.files.first;
    const ref = scope.region ? files?.regions[scope.region] : files?.all;
    // A file of no event (a snapshot built after the edition) has no card to paint.
    if (!ref || ref.count === 0) return undefined;
    const key = `first|${sourceKey(source)}|${ref.path}`;
    try {
      const data = await this.get(key, sourceKey(source), signal, false, async (s) => {
        const read = await readFirstPage(source.src, ref, { ...this.http(s), retries: 0 }, index);
        // A dropped event would leave a hole in the first page: only a whole file is used.
        if (read.dropped > 0) return null;
        const first: EventsData = {
          events: read.events,
          schema: index.schema,
          skipped: 0,
          generatedAt: Date.parse(index.generatedAt) || Date.now(),
          stale: false,
          first: { facts: read.facts, ...(scope.region ? { region: scope.region } : {}) },
        };
        return first;
      });
      return data ?? undefined;
    } catch (error) {
      // The first page only speeds the first paint: without it the list waits for the full file.
      if (signal?.aborted) throw error;
      return undefined;
    }
  }

  /** Totals and counts by region, department, type…; cheap in both modes. */
  summary(source: SourceConfig, signal?: AbortSignal, force = false): Promise<Summary> {
    const key = `summary|${sourceKey(source)}`;
    return this.get(key, sourceKey(source), signal, force, (s, refreshing) => this.loadSummary(source, s, refreshing));
  }

  /** Number of events of a region or department, from the index or one tiny API page. */
  async count(
    source: SourceConfig,
    filter: { region?: string; department?: string },
    signal?: AbortSignal,
    force = false,
  ): Promise<{ count: number; stale: boolean; edition?: SnapshotEdition }> {
    if (source.kind === 'snapshot' || (!filter.region && !filter.department)) {
      const summary = await this.summary(source, signal, force);
      const count = filter.department
        ? (summary.counts.department?.[filter.department] ?? 0)
        : filter.region
          ? (summary.counts.region?.[filter.region] ?? 0)
          : summary.total;
      return { count, stale: summary.stale, ...(summary.edition ? { edition: summary.edition } : {}) };
    }
    const key = `count|${sourceKey(source)}|${filter.region ?? ''}|${filter.department ?? ''}`;
    return this.get(key, sourceKey(source), signal, force, async (s) => {
      const live = await loadLive();
      return { count: await live.readCount(this.api(source, s), filter), stale: false };
    });
  }

  /**
   * Coordinates of every located event, for maps. Snapshot: the compact points file (one small
   * request, no event texts). Live: derived from the whole edition's events, shared with lists.
   */
  points(source: SourceConfig, signal?: AbortSignal, force = false): Promise<PointsData> {
    const key = `points|${sourceKey(source)}`;
    return this.get(key, sourceKey(source), signal, force, async (s, refreshing) => {
      if (source.kind === 'snapshot') {
        const index = await this.index(source, s, refreshing);
        const body = await fetchJson(fileUrl(source.src, index.files.points), this.http(s));
        if (!body || typeof body !== 'object' || !Array.isArray((body as SnapshotPointsFile).points)) {
          throw new SnapshotError(`${index.files.points.path} is not a points file`);
        }
        return {
          points: readPoints(body as SnapshotPointsFile),
          counts: index.counts,
          total: index.total,
          schema: index.schema,
          generatedAt: Date.parse(index.generatedAt) || Date.now(),
          stale: false,
        };
      }
      const data = await this.events(source, {}, s);
      const points: SnapshotPoint[] = [];
      const region: Record<string, number> = {};
      for (const event of data.events) {
        const code = event.location?.regionCode ?? NO_REGION;
        region[code] = (region[code] ?? 0) + 1;
        const { lat, lng } = event.location ?? {};
        if (typeof lat === 'number' && typeof lng === 'number') points.push({ uid: event.uid, lat, lng, region: code });
      }
      return {
        points,
        counts: { region },
        total: data.events.length,
        schema: data.schema,
        generatedAt: data.generatedAt,
        stale: data.stale,
      };
    });
  }

  /** Last value known for a scope without asking the network (stale data on error). */
  peekEvents(source: SourceConfig, scope: Scope = {}): EventsData | undefined {
    return this.cache.peek<EventsData>(`events|${sourceKey(source)}|${scope.region ?? ''}`);
  }

  /** Called when background revalidation brings new (or newly stale) data from this source. */
  subscribe(source: SourceConfig, listener: () => void): () => void {
    return this.cache.subscribe(sourceKey(source), listener);
  }

  /** Forget everything (tests). */
  clear(): void {
    this.cache.clear();
    this.requestCount = 0;
  }

  private get<T>(
    key: string,
    source: string,
    signal: AbortSignal | undefined,
    force: boolean,
    load: (signal: AbortSignal, refreshing: boolean) => Promise<T>,
  ): Promise<T> {
    return this.cache.get(key, source, signal, force, load);
  }

  private api(source: Extract<SourceConfig, { kind: 'live' }>, signal: AbortSignal): ApiSource {
    const http = this.http(signal);
    return {
      agenda: source.agenda,
      ...(source.api ? { api: source.api } : {}),
      ...(source.apiKey ? { key: source.apiKey } : {}),
      fetch: http.fetch,
      signal,
      timeoutMs: this.options.timeoutMs,
      retries: this.options.retries,
      backoffMs: this.options.backoffMs,
    };
  }

  /**
   * The snapshot's index, shared by every entry of the source. A refresh of anything re-reads it
   * (`refreshing`), since hashed file names change with each build.
   */
  private index(
    source: Extract<SourceConfig, { kind: 'snapshot' }>,
    signal: AbortSignal,
    refreshing = false,
  ): Promise<SnapshotIndex> {
    return this.get(`index|${sourceKey(source)}`, sourceKey(source), signal, refreshing, (s) =>
      readIndex(source.src, this.http(s)).catch((error: unknown) => {
        if (error instanceof SnapshotUnavailableError) warnUnavailable(error);
        throw error;
      }),
    );
  }

  /**
   * An event with its long description, conditions and registration. Snapshot lists carry none of
   * them (they would triple the download); they come from the region's details file when a
   * visitor opens an event, one request per region.
   */
  async details(source: SourceConfig, event: SdiEvent, signal?: AbortSignal): Promise<SdiEvent> {
    if (source.kind !== 'snapshot') return event;
    const read = async (refreshing: boolean) => {
      const index = await this.index(source, signal ?? new AbortController().signal, refreshing);
      const ref = detailsFor(index, event);
      if (!ref) return event;
      const details = await this.get(`details|${sourceKey(source)}|${ref.path}`, sourceKey(source), signal, false, (s) =>
        readDetails(source.src, ref, this.http(s)),
      );
      return withDetails(event, details.get(event.uid));
    };
    try {
      return await read(false);
    } catch (error) {
      // A rebuild replaces hashed files: an index read minutes ago may name one that is gone.
      if (error instanceof HttpError && error.status === 404) return read(true);
      throw error;
    }
  }

  private async schemaOf(source: Extract<SourceConfig, { kind: 'live' }>, signal: AbortSignal) {
    const key = `agenda|${sourceKey(source)}`;
    return this.get(key, sourceKey(source), signal, false, async (s) => (await loadLive()).readSchema(this.api(source, s)));
  }

  private async loadEvents(source: SourceConfig, scope: Scope, signal: AbortSignal, refreshing: boolean): Promise<EventsData> {
    if (source.kind === 'snapshot') {
      const index = await this.index(source, signal, refreshing);
      const ref = shardFor(index, scope.region);
      const { events, dropped } = ref ? await readEvents(source.src, ref, this.http(signal), index) : { events: [], dropped: 0 };
      return {
        events,
        schema: index.schema,
        // Records the builder skipped belong to the whole edition; show them on national views.
        skipped: dropped + (scope.region ? 0 : index.skipped),
        generatedAt: Date.parse(index.generatedAt) || Date.now(),
        stale: false,
      };
    }
    const { schema, slug } = await this.schemaOf(source, signal);
    const live = await loadLive();
    const result = await live.readEventsLive(this.api(source, signal), scope, schema, slug);
    return { events: result.events, schema, skipped: result.skipped, generatedAt: Date.now(), stale: false };
  }

  private async loadSummary(source: SourceConfig, signal: AbortSignal, refreshing: boolean): Promise<Summary> {
    if (source.kind === 'snapshot') {
      const index = await this.index(source, signal, refreshing);
      return {
        ...(index.edition ? { edition: index.edition } : {}),
        total: index.total,
        counts: index.counts,
        schema: index.schema,
        generatedAt: Date.parse(index.generatedAt) || Date.now(),
        stale: false,
      };
    }
    const { schema } = await this.schemaOf(source, signal);
    const total = await (await loadLive()).readCount(this.api(source, signal), {});
    return { total, counts: {}, schema, generatedAt: Date.now(), stale: false };
  }
}

/** Addresses already reported: one warning per page and address, however many widgets ask. */
/** A failed refresh keeps the data it had, flagged as stale for the widget to say so. */
function markStale(value: unknown): unknown {
  return value && typeof value === 'object' ? { ...value, stale: true } : value;
}

const reportedUnavailable = new Set<string>();

/**
 * The operator's half of a missing snapshot: visitors read that the programme is not available,
 * and the console says which address was tried and how to fix it.
 */
function warnUnavailable(error: SnapshotUnavailableError): void {
  if (reportedUnavailable.has(error.url)) return;
  reportedUnavailable.add(error.url);
  console.warn(
    `[semaine-industrie-widgets] No snapshot at ${error.url} (${error.detail}). ` +
      'Publish a snapshot there (sdi-snapshot, docs/PUBLISHING.md), ' +
      'or set <meta name="sdi:src" content="https://…/snapshot/"> to the folder where it is published.',
  );
}

/** Live mode's code (API client, normaliser) comes only when a widget is set to live mode. */
function loadLive(): Promise<typeof import('./live-reader.js')> {
  return import('./live-reader.js');
}

/** The store every widget of the page shares. */
export const feedStore = new FeedStore();
