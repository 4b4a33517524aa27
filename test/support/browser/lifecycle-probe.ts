/**
 * Counts what a page still holds on to: timers, intervals, animation frames, idle callbacks,
 * event listeners, observers and requests. It counts LIVE ones (a timeout that fired, a listener
 * removed, an observer disconnected no longer count), so a test can mount and remove a widget a
 * thousand times and compare with the count before.
 *
 * Install it before the code under test first runs where that code keeps references to the
 * browser's functions at load: Leaflet, for one, takes `requestAnimationFrame` once when its module
 * is evaluated, and a probe installed later would never see its frames.
 *
 * The probe must not become a leak itself, or it would hide or fake one: it keeps nothing about a
 * timer once it fired, holds the targets of element listeners weakly (a removed widget's shadow
 * DOM is free to go, listeners and all), and forgets a request once it has settled.
 */

export interface LiveCounts {
  timeouts: number;
  intervals: number;
  animationFrames: number;
  idleCallbacks: number;
  windowListeners: number;
  documentListeners: number;
  /**
   * Listeners on the other nodes still in the document: the host page's elements. Listeners on a
   * removed widget's own nodes go with them and are not counted.
   */
  connectedNodeListeners: number;
  resizeObservers: number;
  intersectionObservers: number;
  mutationObservers: number;
  /** fetch() calls whose promise has not settled yet. */
  inflightFetches: number;
}

export interface FetchRecord {
  url: string;
  signal: AbortSignal | undefined;
  settled: boolean;
}

type ListenerOptions = boolean | AddEventListenerOptions | EventListenerOptions | undefined;

/** The DOM's timer signatures (the project's Node types would otherwise win: ids are numbers here). */
type SetTimer = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
type ClearTimer = (id?: number) => void;

interface Originals {
  setTimeout: SetTimer;
  clearTimeout: ClearTimer;
  setInterval: SetTimer;
  clearInterval: ClearTimer;
  requestAnimationFrame: typeof window.requestAnimationFrame;
  cancelAnimationFrame: typeof window.cancelAnimationFrame;
  requestIdleCallback: typeof window.requestIdleCallback | undefined;
  cancelIdleCallback: typeof window.cancelIdleCallback | undefined;
  addEventListener: typeof EventTarget.prototype.addEventListener;
  removeEventListener: typeof EventTarget.prototype.removeEventListener;
  ResizeObserver: typeof ResizeObserver | undefined;
  IntersectionObserver: typeof IntersectionObserver | undefined;
  MutationObserver: typeof MutationObserver;
  fetch: typeof window.fetch;
}

/** A listener's identity as the DOM sees it: type, capture flag and the listener object. */
interface ListenerRecord {
  /** Removes the probe's own helpers (the `once` and `signal` watchers) with the record. */
  release: () => void;
  /** Where it was added; kept for the window's and the document's only (they are few). */
  stack?: string;
}

interface Observation {
  targets: Set<Node>;
  stack: string;
}

/** The caller's stack, without the probe's own frames. */
function where(): string {
  const lines = (new Error().stack ?? '').split('\n').filter((line) => !line.includes('lifecycle-probe'));
  return lines
    .filter((line) => line.trim() !== 'Error')
    .slice(0, 6)
    .join('\n');
}

type Listeners = Map<string, ListenerRecord>;

/** Timer callbacks as the page's code passes them; string handlers are not tracked (none here). */
type Callback = (...args: unknown[]) => void;

export class LifecycleProbe {
  private originals?: Originals;
  /** Live ones, with where they were made (a failing test names the culprit). */
  private readonly timeouts = new Map<number, string>();
  private readonly intervals = new Map<number, string>();
  private readonly frames = new Map<number, string>();
  private readonly idles = new Map<number, string>();
  private readonly windowListeners: Listeners = new Map();
  private readonly documentListeners: Listeners = new Map();
  /** Other targets' listeners, held weakly: a node's entry dies with the node. */
  private readonly otherListeners = new WeakMap<EventTarget, Listeners>();
  /** The other targets, to count them; cleared of collected ones on each count. */
  private readonly otherTargets = new Set<WeakRef<EventTarget>>();
  private readonly listenerIds = new WeakMap<object, number>();
  private nextListenerId = 0;
  private readonly observing = {
    resize: new Map<object, Observation>(),
    intersection: new Map<object, Observation>(),
    mutation: new Map<object, Observation>(),
  };
  private readonly inflight = new Set<FetchRecord>();
  private fetchWaiters: { left: number; resolve: (record: FetchRecord) => void }[] = [];
  /** Every fetch() call since install. */
  fetchCount = 0;
  /** While true, what is made is not tracked (the test harness's own work, see untracked()). */
  private paused = false;

  /** The browser's own setTimeout: tests poll with it, so their waiting is not counted. */
  readonly realSetTimeout: SetTimer = (window.setTimeout as unknown as SetTimer).bind(window);

  get installed(): boolean {
    return this.originals !== undefined;
  }

  install(): void {
    if (this.originals) return;
    const w = window;
    const originals: Originals = {
      setTimeout: w.setTimeout as unknown as SetTimer,
      clearTimeout: w.clearTimeout as unknown as ClearTimer,
      setInterval: w.setInterval as unknown as SetTimer,
      clearInterval: w.clearInterval as unknown as ClearTimer,
      requestAnimationFrame: w.requestAnimationFrame,
      cancelAnimationFrame: w.cancelAnimationFrame,
      requestIdleCallback: typeof w.requestIdleCallback === 'function' ? w.requestIdleCallback : undefined,
      cancelIdleCallback: typeof w.cancelIdleCallback === 'function' ? w.cancelIdleCallback : undefined,
      addEventListener: EventTarget.prototype.addEventListener,
      removeEventListener: EventTarget.prototype.removeEventListener,
      ResizeObserver: typeof w.ResizeObserver === 'function' ? w.ResizeObserver : undefined,
      IntersectionObserver: typeof w.IntersectionObserver === 'function' ? w.IntersectionObserver : undefined,
      MutationObserver: w.MutationObserver,
      fetch: w.fetch,
    };
    this.originals = originals;
    this.wrapTimers(originals);
    this.wrapListeners(originals);
    this.wrapObservers(originals);
    this.wrapFetch(originals);
  }

  uninstall(): void {
    const o = this.originals;
    if (!o) return;
    const w = window;
    w.setTimeout = o.setTimeout as unknown as typeof window.setTimeout;
    w.clearTimeout = o.clearTimeout as unknown as typeof window.clearTimeout;
    w.setInterval = o.setInterval as unknown as typeof window.setInterval;
    w.clearInterval = o.clearInterval as unknown as typeof window.clearInterval;
    w.requestAnimationFrame = o.requestAnimationFrame;
    w.cancelAnimationFrame = o.cancelAnimationFrame;
    if (o.requestIdleCallback) w.requestIdleCallback = o.requestIdleCallback;
    if (o.cancelIdleCallback) w.cancelIdleCallback = o.cancelIdleCallback;
    EventTarget.prototype.addEventListener = o.addEventListener;
    EventTarget.prototype.removeEventListener = o.removeEventListener;
    if (o.ResizeObserver) w.ResizeObserver = o.ResizeObserver;
    if (o.IntersectionObserver) w.IntersectionObserver = o.IntersectionObserver;
    w.MutationObserver = o.MutationObserver;
    w.fetch = o.fetch;
    this.originals = undefined;
  }

  counts(): LiveCounts {
    let connectedNodeListeners = 0;
    for (const ref of this.otherTargets) {
      const target = ref.deref();
      const listeners = target ? this.otherListeners.get(target) : undefined;
      if (!target || !listeners || listeners.size === 0) {
        this.otherTargets.delete(ref);
        // A later listener on the same target registers it again.
        if (target) this.otherListeners.delete(target);
        continue;
      }
      if (target instanceof Node && target.isConnected) connectedNodeListeners += listeners.size;
    }
    return {
      timeouts: this.timeouts.size,
      intervals: this.intervals.size,
      animationFrames: this.frames.size,
      idleCallbacks: this.idles.size,
      windowListeners: this.windowListeners.size,
      documentListeners: this.documentListeners.size,
      connectedNodeListeners,
      resizeObservers: this.observing.resize.size,
      intersectionObservers: this.observing.intersection.size,
      mutationObservers: this.observing.mutation.size,
      inflightFetches: this.inflight.size,
    };
  }

  /** Where the live things of a kind were made (element listeners: only how many, on what). */
  describe(kind: keyof LiveCounts): string[] {
    const stacks = (map: Map<unknown, string>) => [...map.values()];
    const observations = (map: Map<object, Observation>) => [...map.values()].map((o) => o.stack);
    switch (kind) {
      case 'timeouts':
        return stacks(this.timeouts);
      case 'intervals':
        return stacks(this.intervals);
      case 'animationFrames':
        return stacks(this.frames);
      case 'idleCallbacks':
        return stacks(this.idles);
      case 'windowListeners':
        return [...this.windowListeners.values()].map((r) => r.stack ?? '');
      case 'documentListeners':
        return [...this.documentListeners.values()].map((r) => r.stack ?? '');
      case 'connectedNodeListeners':
        return [...this.otherTargets]
          .map((ref) => ref.deref())
          .filter((t): t is Node => t instanceof Node && t.isConnected)
          .map((t) => `${t.nodeName}: ${[...(this.otherListeners.get(t)?.keys() ?? [])].join(', ')}`);
      case 'resizeObservers':
        return observations(this.observing.resize);
      case 'intersectionObservers':
        return observations(this.observing.intersection);
      case 'mutationObservers':
        return observations(this.observing.mutation);
      case 'inflightFetches':
        return [...this.inflight].map((r) => r.url);
    }
  }

  /**
   * Runs `work` without tracking what is made until it settles: the test runner's server commands
   * arm a 20 s timer per call that outlives the call, which is the runner's, not a widget's. Call
   * it only when no widget is on the page.
   */
  async untracked<T>(work: () => Promise<T>): Promise<T> {
    this.paused = true;
    try {
      return await work();
    } finally {
      this.paused = false;
    }
  }

  /** The requests in flight now. */
  pendingFetches(): FetchRecord[] {
    return [...this.inflight];
  }

  /**
   * Resolves when the n-th fetch() from now starts (1: the next one). Resolution is a microtask
   * after the call, so a test awaiting it acts while that request is certainly in flight.
   */
  nextFetch(n = 1): Promise<FetchRecord> {
    return new Promise((resolve) => this.fetchWaiters.push({ left: n, resolve }));
  }

  /** Resolves after `ms` of the browser's own clock, unseen by the probe. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.realSetTimeout(resolve, ms));
  }

  /** Polls `test` with the browser's own timer (open-wc's waitUntil leaves timers behind). */
  async until(test: () => unknown, what: string, timeoutMs = 10000, everyMs = 5): Promise<void> {
    const start = performance.now();
    while (!test()) {
      if (performance.now() - start > timeoutMs) throw new Error(`${what} (after ${timeoutMs} ms)`);
      await this.sleep(everyMs);
    }
  }

  private wrapTimers(o: Originals): void {
    const w = window;
    const { timeouts, intervals, frames, idles } = this;
    const setTimeout: SetTimer = (handler, delay, ...args) => {
      if (typeof handler !== 'function' || this.paused) return o.setTimeout.call(w, handler, delay, ...args);
      const run = handler as Callback;
      const id = o.setTimeout.call(
        w,
        (...a: unknown[]) => {
          timeouts.delete(id);
          run(...a);
        },
        delay,
        ...args,
      );
      timeouts.set(id, where());
      return id;
    };
    const clearTimeout: ClearTimer = (id) => {
      if (id !== undefined) timeouts.delete(id);
      o.clearTimeout.call(w, id);
    };
    const setInterval: SetTimer = (handler, delay, ...args) => {
      const id = o.setInterval.call(w, handler, delay, ...args);
      if (!this.paused) intervals.set(id, where());
      return id;
    };
    const clearInterval: ClearTimer = (id) => {
      if (id !== undefined) intervals.delete(id);
      o.clearInterval.call(w, id);
    };
    w.setTimeout = setTimeout as unknown as typeof window.setTimeout;
    w.clearTimeout = clearTimeout as unknown as typeof window.clearTimeout;
    w.setInterval = setInterval as unknown as typeof window.setInterval;
    w.clearInterval = clearInterval as unknown as typeof window.clearInterval;
    w.requestAnimationFrame = (callback: FrameRequestCallback): number => {
      if (this.paused) return o.requestAnimationFrame.call(w, callback);
      const id = o.requestAnimationFrame.call(w, (time) => {
        frames.delete(id);
        callback(time);
      });
      frames.set(id, where());
      return id;
    };
    w.cancelAnimationFrame = (id: number): void => {
      frames.delete(id);
      o.cancelAnimationFrame.call(w, id);
    };
    const requestIdle = o.requestIdleCallback;
    const cancelIdle = o.cancelIdleCallback;
    if (requestIdle && cancelIdle) {
      w.requestIdleCallback = (callback: IdleRequestCallback, options?: IdleRequestOptions): number => {
        const id = requestIdle.call(
          w,
          (deadline) => {
            idles.delete(id);
            callback(deadline);
          },
          options,
        );
        idles.set(id, where());
        return id;
      };
      w.cancelIdleCallback = (id: number): void => {
        idles.delete(id);
        cancelIdle.call(w, id);
      };
    }
  }

  private listenersOf(target: EventTarget, create: boolean): Listeners | undefined {
    if (target === window) return this.windowListeners;
    if (target === document) return this.documentListeners;
    let listeners = this.otherListeners.get(target);
    if (!listeners && create) {
      listeners = new Map();
      this.otherListeners.set(target, listeners);
      this.otherTargets.add(new WeakRef(target));
    }
    return listeners;
  }

  private listenerKey(type: string, listener: object, options: ListenerOptions): string {
    let id = this.listenerIds.get(listener);
    if (id === undefined) {
      id = ++this.nextListenerId;
      this.listenerIds.set(listener, id);
    }
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    return `${type}|${capture}|${id}`;
  }

  private wrapListeners(o: Originals): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the patched prototype methods need both `this`s
    const probe = this;
    const add = o.addEventListener;
    const remove = o.removeEventListener;
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ): void {
      add.call(this, type, listener, options);
      const signal = typeof options === 'object' ? options.signal : undefined;
      // The DOM ignores these two calls; so does the count.
      if (!listener || signal?.aborted || probe.paused) return;
      const listeners = probe.listenersOf(this, true) as Listeners;
      const key = probe.listenerKey(type, listener, options);
      if (listeners.has(key)) return;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- kept for the deferred release
      const target = this;
      const forget = () => {
        listeners.get(key)?.release();
        listeners.delete(key);
      };
      const capture = typeof options === 'object' ? Boolean(options.capture) : Boolean(options);
      const once = typeof options === 'object' && options.once === true;
      // A `once` listener leaves after its first call, and any listener leaves when its signal
      // aborts: the probe watches both with listeners of its own, which it does not count.
      if (once) add.call(target, type, forget, { capture, once: true });
      if (signal) add.call(signal, 'abort', forget, { once: true });
      listeners.set(key, {
        release: () => {
          if (once) remove.call(target, type, forget, { capture });
          if (signal) remove.call(signal, 'abort', forget);
        },
        ...(target === window || target === document ? { stack: `${type}: ${where()}` } : {}),
      });
    };
    EventTarget.prototype.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ): void {
      remove.call(this, type, listener, options);
      if (!listener) return;
      const listeners = probe.listenersOf(this, false);
      if (!listeners) return;
      const key = probe.listenerKey(type, listener, options);
      listeners.get(key)?.release();
      listeners.delete(key);
    };
  }

  private wrapObservers(o: Originals): void {
    const w = window;
    const { resize, intersection, mutation } = this.observing;
    const observed = (live: Map<object, Observation>, observer: object, target: Node) => {
      let observation = live.get(observer);
      if (!observation) {
        observation = { targets: new Set(), stack: where() };
        live.set(observer, observation);
      }
      observation.targets.add(target);
    };
    const unobserved = (live: Map<object, Observation>, observer: object, target: Node) => {
      const observation = live.get(observer);
      observation?.targets.delete(target);
      if (observation?.targets.size === 0) live.delete(observer);
    };
    if (o.ResizeObserver) {
      w.ResizeObserver = class extends o.ResizeObserver {
        override observe(target: Element, options?: ResizeObserverOptions): void {
          super.observe(target, options);
          observed(resize, this, target);
        }
        override unobserve(target: Element): void {
          super.unobserve(target);
          unobserved(resize, this, target);
        }
        override disconnect(): void {
          super.disconnect();
          resize.delete(this);
        }
      };
    }
    if (o.IntersectionObserver) {
      w.IntersectionObserver = class extends o.IntersectionObserver {
        override observe(target: Element): void {
          super.observe(target);
          observed(intersection, this, target);
        }
        override unobserve(target: Element): void {
          super.unobserve(target);
          unobserved(intersection, this, target);
        }
        override disconnect(): void {
          super.disconnect();
          intersection.delete(this);
        }
      };
    }
    w.MutationObserver = class extends o.MutationObserver {
      override observe(target: Node, options?: MutationObserverInit): void {
        super.observe(target, options);
        observed(mutation, this, target);
      }
      override disconnect(): void {
        super.disconnect();
        mutation.delete(this);
      }
    };
  }

  private wrapFetch(o: Originals): void {
    const w = window;
    w.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request ? input : undefined;
      const record: FetchRecord = {
        url: request ? request.url : String(input),
        signal: init?.signal ?? request?.signal ?? undefined,
        settled: false,
      };
      this.fetchCount += 1;
      const promise = o.fetch.call(w, input, init);
      this.inflight.add(record);
      const settle = () => {
        record.settled = true;
        this.inflight.delete(record);
      };
      promise.then(settle, settle);
      const due = this.fetchWaiters.filter((waiter) => --waiter.left === 0);
      this.fetchWaiters = this.fetchWaiters.filter((waiter) => waiter.left > 0);
      for (const waiter of due) waiter.resolve(record);
      return promise;
    };
  }
}
