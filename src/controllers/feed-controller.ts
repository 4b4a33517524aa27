/**
 * What every data-driven element does with its feed, in one place: a `@lit/task` Task that loads,
 * an abort signal that fires when the element leaves the page (its pending requests are given up),
 * a subscription to the store's background refreshes (the task runs again, so a long-open page
 * stays current), and a new run when the element comes back after a removal gave one up.
 *
 * The one way elements use it: render from `value` (the last data, still there while a refresh
 * fails), `failed` (an error that is not an abort: a removal is never shown as a failure) and
 * `error`; or from `render()`, the Task's own, for elements whose states map one to one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, type initialState } from '@lit/task';
import { sourceKey, type SourceConfig } from '../feed/source.js';
import type { FeedStore } from '../store/feed-store.js';

export type FeedHost = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

export interface FeedOptions<A extends readonly unknown[], T> {
  /** The task's arguments: a change runs it again. */
  args: () => A;
  argsEqual?: (previous: A, next: A) => boolean;
  /** The source whose refreshes re-run the task (resolved by the element once per change). */
  source: () => SourceConfig | undefined;
  store: () => FeedStore;
  /**
   * Loads the data. `signal` aborts when the element leaves or a newer run starts; `force` is true
   * for a run asked by `run(true)` (the retry button: bypass the page's cache). `initialState`:
   * nothing to load yet (the task goes back to its initial state).
   */
  load: (args: A, signal: AbortSignal, force: boolean) => Promise<T | typeof initialState>;
  /** Whether the task runs by itself on argument changes (false: only through `run`). */
  autoRun?: boolean;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export class FeedController<A extends readonly unknown[], T> implements ReactiveController {
  private readonly task: Task<A, T>;
  private leaving = new AbortController();
  private unsubscribe?: () => void;
  private watchedKey?: string;
  private forceNext = false;

  constructor(
    private readonly host: FeedHost,
    private readonly options: FeedOptions<A, T>,
  ) {
    // Added before the Task: on reconnect the signal is renewed before the task can run again.
    host.addController(this);
    this.task = new Task<A, T>(host, {
      args: options.args,
      ...(options.argsEqual ? { argsEqual: options.argsEqual } : {}),
      autoRun: options.autoRun ?? true,
      task: (args, { signal }) => {
        this.watch();
        const force = this.forceNext;
        this.forceNext = false;
        return options.load(args, this.with(signal), force);
      },
    });
  }

  /** Aborts when the element leaves the page (a new signal is issued when it comes back). */
  get signal(): AbortSignal {
    return this.leaving.signal;
  }

  /** One signal that aborts when either the element leaves or `other` aborts. */
  with(other: AbortSignal): AbortSignal {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (this.signal.aborted || other.aborted) controller.abort();
    this.signal.addEventListener('abort', abort, { once: true, signal: controller.signal });
    other.addEventListener('abort', abort, { once: true, signal: controller.signal });
    return controller.signal;
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get error(): unknown {
    return this.task.error;
  }

  /** The last run failed for a reason the visitor should hear of (not because the element left). */
  get failed(): boolean {
    return this.task.status === TaskStatus.ERROR && !isAbort(this.task.error);
  }

  set autoRun(on: boolean) {
    this.task.autoRun = on;
  }

  /** Runs the task again now; `force` bypasses the page's cache (the retry button). */
  run(force = false): void {
    if (force) this.forceNext = true;
    void this.task.run();
  }

  /** The Task's own `render`: one template per status. */
  get render(): Task<A, T>['render'] {
    return this.task.render.bind(this.task);
  }

  /** Background refreshes of the store run the task again. */
  private watch(): void {
    // Lit renders an element removed before its first render all the same: a subscription taken
    // then would outlive the element (hostConnected subscribes if it comes back).
    const source = this.options.source();
    if (!source || !this.host.isConnected) return;
    const key = sourceKey(source);
    if (this.watchedKey === key && this.unsubscribe) return;
    this.unsubscribe?.();
    this.watchedKey = key;
    this.unsubscribe = this.options.store().subscribe(source, () => void this.task.run());
  }

  hostConnected(): void {
    if (this.leaving.signal.aborted) this.leaving = new AbortController();
    if (!this.host.hasUpdated) return;
    // Back on the page after a move: watch again, and ask again for data the removal gave up (a
    // run still pending was given up too: moved in the DOM, out and back in one task).
    this.watch();
    const status = this.task.status;
    if (status === TaskStatus.ERROR || status === TaskStatus.PENDING) void this.task.run();
  }

  hostDisconnected(): void {
    this.leaving.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watchedKey = undefined;
  }
}
