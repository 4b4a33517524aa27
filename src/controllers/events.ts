/**
 * The two DOM events the widgets fire, for the host page and for each other. Widgets with the same
 * `group` share their filters through them: each change is announced as a bubbling, composed
 * `sdi-filter-change` on the widget, and every other widget of the group applies it. Using the
 * document as the meeting point (not a module-level registry) lets two copies of the library on
 * one page talk to each other.
 */
import type { FilterState } from '../filters/filter-state.js';

export const FILTER_CHANGE = 'sdi-filter-change';
export const EVENT_OPEN = 'sdi-event-open';

export interface FilterChangeDetail {
  /** The group of the widget that changed its filters; absent when it has none. */
  group?: string;
  /** The whole filter state after the change. */
  filters: FilterState;
  /** Which keys changed. */
  changed: (keyof FilterState)[];
}

export interface EventOpenDetail {
  uid: number;
  title: string;
  url?: string;
  group?: string;
}

declare global {
  // `el.addEventListener('sdi-event-open', (e) => e.detail.uid)` is typed, on an element and on
  // the document the events bubble to.
  interface GlobalEventHandlersEventMap {
    'sdi-filter-change': CustomEvent<FilterChangeDetail>;
    'sdi-event-open': CustomEvent<EventOpenDetail>;
  }
  interface HTMLElementEventMap {
    'sdi-filter-change': CustomEvent<FilterChangeDetail>;
    'sdi-event-open': CustomEvent<EventOpenDetail>;
  }
}

export function announceFilters(from: HTMLElement, detail: FilterChangeDetail): void {
  from.dispatchEvent(new CustomEvent<FilterChangeDetail>(FILTER_CHANGE, { detail, bubbles: true, composed: true }));
}

export function announceOpen(from: HTMLElement, detail: EventOpenDetail): void {
  from.dispatchEvent(new CustomEvent<EventOpenDetail>(EVENT_OPEN, { detail, bubbles: true, composed: true }));
}

/**
 * Calls `apply` for changes announced by OTHER widgets of `group`. Returns the unsubscribe
 * function, to call when the element leaves the page.
 */
export function followGroup(self: HTMLElement, group: string, apply: (detail: FilterChangeDetail) => void): () => void {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<FilterChangeDetail>).detail;
    if (!detail || detail.group !== group) return;
    // composedPath()[0] is the announcing element even across shadow roots.
    if (event.composedPath()[0] === self) return;
    apply(detail);
  };
  document.addEventListener(FILTER_CHANGE, listener);
  return () => document.removeEventListener(FILTER_CHANGE, listener);
}
