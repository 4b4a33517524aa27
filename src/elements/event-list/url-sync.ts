/**
 * `sync-url`: the visitor's filters live in the page address, so a filtered list can be
 * bookmarked, shared and navigated with Back/Forward. Typing rewrites the current history entry
 * (one entry per search, not per letter); any other change adds an entry.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FilterState } from '../../filters/filter-state.js';

/** Reading and writing filters in an address: a chunk of its own, fetched by lists with `sync-url` only. */
export type UrlStateModule = typeof import('../../filters/url-state.js');
export const loadUrlState = (): Promise<UrlStateModule> => import('../../filters/url-state.js');

export type UrlMode = 'query' | 'hash';
export type HistoryWrite = 'push' | 'replace';

const PREFIX = 'sdi-';

/** The `sync-url` attribute: absent → off; present → query string; "hash" → the fragment. */
export function urlMode(attribute: string | null | undefined): UrlMode | undefined {
  if (attribute === null || attribute === undefined) return undefined;
  const value = attribute.trim().toLowerCase();
  if (value === 'false' || value === 'off') return undefined;
  return value === 'hash' ? 'hash' : 'query';
}

/**
 * The lists of the page keeping their filters in the address. Two lists of different groups would
 * write the same keys over each other (and Back would set both to either's filters): the first one
 * keeps the address, the others are refused and say so. Lists of one group share their filters
 * anyway, so they may all write them.
 */
const holders = new Set<UrlSync>();

export interface UrlSyncOptions {
  /** The host's `sync-url` mode. */
  mode: () => UrlMode | undefined;
  /** Back/Forward: the address is the whole state. */
  apply: (filters: FilterState) => void;
  /** Fetches the address code; replaceable (tests of a failed fetch). */
  load: () => Promise<UrlStateModule>;
  /** The address code arrived (or could not): the host reads the address it could not read before. */
  arrived: () => void;
  /** The host's `group`: lists of one group may share the address. */
  group: () => string | undefined;
}

export class UrlSync implements ReactiveController {
  private listening = false;
  private refusedNow = false;
  private module?: UrlStateModule;
  private loading?: Promise<void>;
  private failed = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlSyncOptions,
  ) {
    host.addController(this);
  }

  /** `sync-url` is set, but another list of the page (not of this group) keeps the address. */
  get refused(): boolean {
    return this.refusedNow;
  }

  /** The mode in force: none while refused. */
  private active(): UrlMode | undefined {
    return this.refusedNow ? undefined : this.options.mode();
  }

  /** Syncing is on but its code is still on its way: the address cannot be read yet. */
  get pending(): boolean {
    return this.active() !== undefined && !this.module && !this.failed;
  }

  private fetch(): void {
    this.loading ??= this.options.load().then(
      (module) => {
        this.module = module;
        this.options.arrived();
      },
      (error: unknown) => {
        // The list filters on without the address, as where history cannot be written.
        console.warn('[semaine-industrie-widgets] <sdi-event-list> could not load the address sync:', error);
        this.failed = true;
        this.options.arrived();
      },
    );
  }

  /** The filters in the current address, or undefined when syncing is off or `pending`. */
  read(): FilterState | undefined {
    const mode = this.active();
    if (!mode) return undefined;
    if (!this.module) {
      this.fetch();
      return undefined;
    }
    return this.module.filtersFromUrl(location.href, { prefix: PREFIX, mode });
  }

  write(filters: FilterState, how: HistoryWrite): void {
    const mode = this.active();
    if (!mode) return;
    if (!this.module) {
      this.fetch();
      void this.loading?.then(() => this.module && this.write(filters, how));
      return;
    }
    const next = this.module.withFilters(location.href, filters, { prefix: PREFIX, mode });
    if (next === location.href) return;
    try {
      // The host page's own history state is carried over untouched: it may be a router's.
      if (how === 'push') history.pushState(history.state, '', next);
      else history.replaceState(history.state, '', next);
    } catch (error) {
      // Sandboxed iframes and some file:// pages refuse history changes; filtering still works.
      console.warn('[semaine-industrie-widgets] <sdi-event-list> could not update the address:', error);
    }
  }

  private readonly onPopState = (): void => {
    const filters = this.read();
    if (filters) this.options.apply(filters);
  };

  /** Called when `sync-url` or `group` change, and on connection. */
  sync(): void {
    // Never off the page: lit also updates a list removed before its first render, and a listener
    // added then would outlive it (hostConnected syncs when it comes back).
    let wanted = this.connected && this.options.mode() !== undefined;
    const group = this.options.group();
    this.refusedNow = wanted && [...holders].some((other) => other !== this && (!group || other.options.group() !== group));
    if (this.refusedNow) wanted = false;
    if (wanted) holders.add(this);
    else holders.delete(this);
    // Also while refused: the list may take the address over later (the other one leaving), and its
    // first write must not wait for the code (the chunk is the one the other list loaded anyway).
    if (this.connected && this.options.mode() !== undefined) this.fetch();
    if (wanted && !this.listening) {
      window.addEventListener('popstate', this.onPopState);
      this.listening = true;
    } else if (!wanted && this.listening) {
      window.removeEventListener('popstate', this.onPopState);
      this.listening = false;
    }
  }

  private connected = false;

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    holders.delete(this);
    window.removeEventListener('popstate', this.onPopState);
    this.listening = false;
  }
}
