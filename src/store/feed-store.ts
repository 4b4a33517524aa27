/**
 * The page's one cache of feed data. Widgets asking for the same thing share one request and one
 * entry; data is served stale while it revalidates in the background; a request nobody waits for
 * any more (every widget that asked has left the page) is aborted.
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
import {
  NO_REGION,
  readPoints,
  type SnapshotCounts,
  type SnapshotEdition,
  type SnapshotIndex,
  type SnapshotPoint,
  type SnapshotPointsFile,
} from '../feed/snapshot-format.js';
import { sourceKey, type SourceConfig } from '../feed/source.js';
import type { FeedSchema, SdiEvent } from '../model/types.js';

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

interface Entry<T> {
  /** Which source the entry belongs to, so revalidation can notify that source's widgets. */
  source: string;
  value?: T;
  fetchedAt: number;
  inflight?: Promise<T>;
  controller?: AbortController;
  waiting: number;
}

export class FeedStore {
  private readonly entries = new Map<string, Entry<unknown>>();
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
        return base(input, init);
      },
    };
  }

  /** Events of a scope; resolves from cache when fresh, shares the request when in flight. */
  events(source: SourceConfig, scope: Scope = {}, signal?: AbortSignal, force = false): Promise<EventsData> {
    const key = `events|${sourceKey(source)}|${scope.region ?? ''}`;
    return this.get(key, sourceKey(source), signal, force, (s, refreshing) =>
      this.loadEvents(source, scope, s, refreshing),
    );
  }

  /** Totals and counts by region, department, type…; cheap in both modes. */
  summary(source: SourceConfig, signal?: AbortSignal, force = false): Promise<Summary> {
    const key = `summary|${sourceKey(source)}`;
    return this.get(key, sourceKey(source), signal, force, (s, refreshing) =>
      this.loadSummary(source, s, refreshing),
    );
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
        ? summary.counts.department?.[filter.department] ?? 0
        : filter.region
          ? summary.counts.region?.[filter.region] ?? 0
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
    const entry = this.entries.get(`events|${sourceKey(source)}|${scope.region ?? ''}`);
    return entry?.value as EventsData | undefined;
  }

  /** Called when background revalidation brings new (or newly stale) data from this source. */
  subscribe(source: SourceConfig, listener: () => void): () => void {
    const key = sourceKey(source);
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set?.delete(listener);
      if (set?.size === 0) this.listeners.delete(key);
    };
  }

  private readonly listeners = new Map<string, Set<() => void>>();

  private notify(source: string): void {
    for (const listener of this.listeners.get(source) ?? []) listener();
  }

  /** Forget everything (tests). */
  clear(): void {
    for (const entry of this.entries.values()) entry.controller?.abort();
    this.entries.clear();
    this.requestCount = 0;
  }

  private get<T>(
    key: string,
    source: string,
    signal: AbortSignal | undefined,
    force: boolean,
    load: (signal: AbortSignal, refreshing: boolean) => Promise<T>,
  ): Promise<T> {
    let entry = this.entries.get(key) as Entry<T> | undefined;
    if (!entry) {
      entry = { source, fetchedAt: 0, waiting: 0 };
      this.entries.set(key, entry as Entry<unknown>);
    }
    // A widget removed before its first render still runs that render (lit updates disconnected
    // elements): its request would be a download nobody reads, never aborted since nobody waits,
    // and even cached data would set it to work (timers, indexing) after its disconnectedCallback.
    if (signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    const now = Date.now();
    if (entry.value !== undefined && !force) {
      if (now - entry.fetchedAt >= this.options.maxAgeMs && !entry.inflight) {
        this.revalidate(entry, (s) => load(s, true));
      }
      return Promise.resolve(entry.value);
    }
    if (!entry.inflight) this.start(entry, (s) => load(s, force));
    return this.wait(entry, signal);
  }

  private start<T>(entry: Entry<T>, load: (signal: AbortSignal) => Promise<T>): void {
    const controller = new AbortController();
    entry.controller = controller;
    // A load given up (see wait) no longer owns the entry: a newer one may be running.
    const current = () => entry.controller === controller;
    entry.inflight = load(controller.signal).then(
      (value) => {
        if (current()) {
          entry.value = value;
          entry.fetchedAt = Date.now();
          entry.inflight = undefined;
          entry.controller = undefined;
        }
        return value;
      },
      (error: unknown) => {
        if (current()) {
          entry.inflight = undefined;
          entry.controller = undefined;
        }
        throw error;
      },
    );
    // A rejection nobody awaits (every consumer left) must not surface as unhandled in the page.
    entry.inflight.catch(() => undefined);
  }

  /** Background refresh: errors keep the old value, marked stale; nobody's leaving aborts it. */
  private revalidate<T>(entry: Entry<T>, load: (signal: AbortSignal) => Promise<T>): void {
    this.start(entry, load);
    entry.inflight?.then(
      () => this.notify(entry.source),
      () => {
        const value = entry.value as (T & { stale?: boolean }) | undefined;
        if (value && typeof value === 'object') {
          entry.value = { ...value, stale: true };
          // Try again later rather than on every render.
          entry.fetchedAt = Date.now();
          this.notify(entry.source);
        }
      },
    );
  }

  private wait<T>(entry: Entry<T>, signal: AbortSignal | undefined): Promise<T> {
    const inflight = entry.inflight as Promise<T>;
    if (!signal) return inflight;
    if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    entry.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        entry.waiting -= 1;
      };
      const onAbort = () => {
        leave();
        // The last widget waiting has gone: nobody needs the answer any more.
        if (entry.waiting <= 0 && entry.value === undefined) {
          entry.controller?.abort();
          // Forgotten at once: the next to ask (the same widget, moved in the DOM) starts a new
          // request rather than joining the one being given up.
          entry.inflight = undefined;
          entry.controller = undefined;
        }
        reject(new DOMException('aborted', 'AbortError'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      inflight.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
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

  private async loadEvents(
    source: SourceConfig,
    scope: Scope,
    signal: AbortSignal,
    refreshing: boolean,
  ): Promise<EventsData> {
    if (source.kind === 'snapshot') {
      const index = await this.index(source, signal, refreshing);
      const ref = shardFor(index, scope.region);
      const { events, dropped } = ref
        ? await readEvents(source.src, ref, this.http(signal), index)
        : { events: [], dropped: 0 };
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
