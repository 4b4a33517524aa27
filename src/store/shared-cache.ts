/**
 * A page-wide cache of asynchronous loads, knowing nothing of feeds: callers asking for the same
 * key share one request and one entry; a value older than `maxAgeMs` is served at once while it
 * revalidates in the background; a request nobody waits for any more (every caller's signal has
 * aborted) is aborted. Entries belong to a group (the store uses the feed source) whose listeners
 * hear of background refreshes.
 */

interface Entry<T> {
  /** The group the entry belongs to (the store's feed source), so revalidation can notify its listeners. */
  group: string;
  value?: T;
  fetchedAt: number;
  inflight?: Promise<T>;
  controller?: AbortController;
  waiting: number;
}

export interface SharedCacheOptions {
  /** After this age, a value is served and revalidated in the background. */
  maxAgeMs: number;
  /** The value kept when a background refresh fails; by default the old value as it was. */
  markStale?: (value: unknown) => unknown;
}

export class SharedCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly maxAgeMs: number;
  private readonly markStale: (value: unknown) => unknown;

  constructor(options: SharedCacheOptions) {
    this.maxAgeMs = options.maxAgeMs;
    this.markStale = options.markStale ?? ((value) => value);
  }

  /** The last value known for a key, without loading. */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }

  /** Called when background revalidation brings new (or newly stale) data of this group. */
  subscribe(group: string, listener: () => void): () => void {
    let set = this.listeners.get(group);
    if (!set) {
      set = new Set();
      this.listeners.set(group, set);
    }
    set.add(listener);
    return () => {
      set?.delete(listener);
      if (set?.size === 0) this.listeners.delete(group);
    };
  }

  private readonly listeners = new Map<string, Set<() => void>>();

  private notify(group: string): void {
    for (const listener of this.listeners.get(group) ?? []) listener();
  }

  /** Forget everything, aborting what is in flight. */
  clear(): void {
    for (const entry of this.entries.values()) entry.controller?.abort();
    this.entries.clear();
  }

  /**
   * The value of `key`: cached (revalidated in the background when old), or loaded once for
   * every caller asking meanwhile. `force` loads again even when a value is cached.
   */
  get<T>(
    key: string,
    group: string,
    signal: AbortSignal | undefined,
    force: boolean,
    load: (signal: AbortSignal, refreshing: boolean) => Promise<T>,
  ): Promise<T> {
    let entry = this.entries.get(key) as Entry<T> | undefined;
    if (!entry) {
      entry = { group, fetchedAt: 0, waiting: 0 };
      this.entries.set(key, entry as Entry<unknown>);
    }
    // A widget removed before its first render still runs that render (lit updates disconnected
    // elements): its request would be a download nobody reads, never aborted since nobody waits,
    // and even cached data would set it to work (timers, indexing) after its disconnectedCallback.
    if (signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    const now = Date.now();
    if (entry.value !== undefined && !force) {
      if (now - entry.fetchedAt >= this.maxAgeMs && !entry.inflight) {
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
      () => this.notify(entry.group),
      () => {
        const value = entry.value;
        if (value !== undefined) {
          entry.value = this.markStale(value) as T;
          // Try again later rather than on every render.
          entry.fetchedAt = Date.now();
          this.notify(entry.group);
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
}
