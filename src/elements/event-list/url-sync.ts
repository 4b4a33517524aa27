/**
 * `sync-url`: the visitor's filters live in the page address, so a filtered list can be
 * bookmarked, shared and navigated with Back/Forward. Typing rewrites the current history entry
 * (one entry per search, not per letter); any other change adds an entry.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FilterState } from '../../filters/filter-state.js';
import { filtersFromUrl, withFilters } from '../../filters/url-state.js';

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

export class UrlSync implements ReactiveController {
  private listening = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly mode: () => UrlMode | undefined,
    private readonly apply: (filters: FilterState) => void,
  ) {
    host.addController(this);
  }

  /** The filters in the current address, or undefined when syncing is off. */
  read(): FilterState | undefined {
    const mode = this.mode();
    if (!mode) return undefined;
    return filtersFromUrl(location.href, { prefix: PREFIX, mode });
  }

  write(filters: FilterState, how: HistoryWrite): void {
    const mode = this.mode();
    if (!mode) return;
    const next = withFilters(location.href, filters, { prefix: PREFIX, mode });
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
    if (filters) this.apply(filters);
  };

  /** Called on every update, since `sync-url` may be added or removed at any time. */
  sync(): void {
    const wanted = this.mode() !== undefined;
    if (wanted && !this.listening) {
      window.addEventListener('popstate', this.onPopState);
      this.listening = true;
    } else if (!wanted && this.listening) {
      window.removeEventListener('popstate', this.onPopState);
      this.listening = false;
    }
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    this.listening = false;
  }
}
