/**
 * Shared set-up of the <sdi-event-list> browser tests: a clock before the sample edition (so no
 * event is over), a store of the tests' own, and readers of the shadow DOM.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/elements/event-list/define.js';
import type { SdiEventList } from '../../../src/elements/event-list/sdi-event-list.js';
import { filterEvents, indexEvents, type EventIndex } from '../../../src/filters/apply.js';
import type { FilterState } from '../../../src/filters/filter-state.js';
import type { SdiEvent } from '../../../src/model/types.js';
import { FeedStore, type EventsData } from '../../../src/store/feed-store.js';

/** 1 November 2026, 09:00 in Paris: before every event of the sample edition (16–22 November). */
export const NOW = Date.parse('2026-11-01T08:00:00Z');
export const clock = (): number => NOW;

export const SNAPSHOT = new URL('/snapshot/', location.href).href;

/** One store for the tests that only read: the 4 MB sample is fetched and parsed once per file. */
export const sharedStore = new FeedStore({ retries: 0, backoffMs: 1 });

export function freshStore(options: ConstructorParameters<typeof FeedStore>[0] = {}): FeedStore {
  return new FeedStore({ retries: 0, backoffMs: 1, timeoutMs: 10_000, ...options });
}

export async function resetServer(): Promise<void> {
  await fetch('/__test/reset', { method: 'POST' });
}

export async function snapshotFault(fault: { match: string; status?: number; times?: number }): Promise<void> {
  await fetch('/__test/snapshot-fault', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

// The fixture server is shared by every test file of the run: start from a clean one, whatever
// faults an earlier file left behind.
before(resetServer);

let data: Promise<EventsData> | undefined;
let index: EventIndex | undefined;

/** The whole sample, as the element reads it. */
export function sample(): Promise<EventsData> {
  data ??= sharedStore.events({ kind: 'snapshot', src: SNAPSHOT });
  return data;
}

/** An event with its details (description, conditions, registration), as the detail view gets it. */
export function withDetails(event: SdiEvent): Promise<SdiEvent> {
  return sharedStore.details({ kind: 'snapshot', src: SNAPSHOT }, event);
}

/** The first event of the sample whose full record passes `test`; `cheap` narrows the search first. */
export async function findEvent(
  cheap: (event: SdiEvent) => boolean,
  test: (event: SdiEvent) => boolean = () => true,
): Promise<SdiEvent> {
  for (const event of (await sample()).events) {
    if (!cheap(event)) continue;
    const full = await withDetails(event);
    if (test(full)) return full;
  }
  throw new Error('no such event in the sample');
}

/** What the logic modules say the list should hold for `filters`. */
export async function expected(filters: FilterState): Promise<SdiEvent[]> {
  const all = await sample();
  index ??= indexEvents(all.events);
  return filterEvents(index, filters);
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** Collapses template whitespace; keeps no-break spaces. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}

export const cards = (el: Element): HTMLElement[] => [
  ...shadow(el).querySelectorAll<HTMLElement>('[part~="card"]:not([part~="skeleton"])'),
];
export const titles = (el: Element): string[] => cards(el).map((c) => text(c.querySelector('[part~="card-title"]')));
export const countText = (el: Element): string => text(shadow(el).querySelector('[part~="count"]'));
export const statusText = (el: Element): string => text(shadow(el).querySelector('.visually-hidden[role="status"]'));

/** «1 234 événements» → 1234; «Aucun événement» → 0. */
export function countOf(el: Element): number {
  const digits = countText(el).replace(/[^\d]/g, '');
  return digits ? Number(digits) : 0;
}

/** Resolves once the data is shown (cards, or the empty message). */
export async function loaded(el: SdiEventList): Promise<void> {
  await waitUntil(
    () => shadow(el).querySelector('[part~="card"]:not([part~="skeleton"]), [part~="empty"]'),
    'the list did not show its events',
    { timeout: 15_000 },
  );
  await el.updateComplete;
}

/** Waits for a rendering that satisfies `check` (filters apply after a debounce). */
export async function until(el: SdiEventList, check: () => boolean, message = 'condition not reached'): Promise<void> {
  await waitUntil(check, message, { timeout: 10_000 });
  await el.updateComplete;
}

export async function list(template: TemplateResult): Promise<SdiEventList> {
  const el = await fixture<SdiEventList>(template);
  await loaded(el);
  return el;
}

export function select(el: Element, id: string): HTMLSelectElement {
  const found = shadow(el).querySelector<HTMLSelectElement>(`#${id}`);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

export function input(el: Element, id: string): HTMLInputElement {
  const found = shadow(el).querySelector<HTMLInputElement>(`#${id}`);
  if (!found) throw new Error(`no #${id}`);
  return found;
}

export function choose(control: HTMLSelectElement | HTMLInputElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function button(el: Element, label: string | RegExp): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  );
  if (!found) throw new Error(`no button ${String(label)}`);
  return found;
}

/** The element the keyboard is on, through shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
