/**
 * Popup contents built with DOM calls and textContent only: titles and places come from thousands
 * of organisers, and Leaflet would write a string popup with innerHTML.
 */
import { formatSlot, visitorTimeZone } from '../list/format-event.js';
import { safeHttpUrl } from '../model/url.js';
import { pickText } from '../model/text.js';
import type { Lang, SdiEvent } from '../model/types.js';
import type { MapViewMessages } from './view-messages.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The slot to show: the next one still to come, else the last (a past event stays readable). */
function shownTiming(event: SdiEvent, now: number) {
  return event.timings.find((t) => t.end >= now) ?? event.timings[event.timings.length - 1];
}

export function placeText(event: SdiEvent): string {
  const location = event.location;
  if (!location) return '';
  const parts = [location.name, location.city].filter((p): p is string => Boolean(p && p.trim()));
  // "Usine X, Lyon" but not "Lyon, Lyon" when the place is named after its city.
  return [...new Set(parts)].join(', ');
}

function summary(event: SdiEvent, lang: Lang, m: MapViewMessages, now: number): HTMLElement {
  const box = el('div', 'sdi-popup-event');
  const title = pickText(event.title, lang) || m.event;
  box.append(el('p', 'sdi-popup-title', title));
  const timing = shownTiming(event, now);
  if (timing) {
    box.append(el('p', 'sdi-popup-date', formatSlot(timing, event.timezone, lang, { visitorZone: visitorTimeZone() })));
  }
  const place = placeText(event);
  if (place) box.append(el('p', 'sdi-popup-place', place));
  const href = safeHttpUrl(event.url);
  if (href) {
    const link = el('a', 'sdi-popup-link', m.popupLink);
    link.href = href;
    link.target = '_blank';
    // As the list's links to the same page: the event's site cannot reach the partner's page
    // (window.opener) nor learn its address (Referer).
    link.rel = 'noopener noreferrer';
    // The link text is the same for every event: the title tells screen readers which one.
    link.setAttribute('aria-label', `${m.popupLink} : ${title}`);
    box.append(link);
  }
  return box;
}

/** The popup's root; `part="popup"` lets partners style it from outside the shadow root. */
export function popupRoot(): HTMLElement {
  const root = el('div', 'sdi-popup');
  root.setAttribute('part', 'popup');
  root.tabIndex = -1;
  return root;
}

export function fillLoading(root: HTMLElement, m: MapViewMessages): void {
  root.replaceChildren(el('p', 'sdi-popup-status', m.popupLoading));
  root.setAttribute('aria-busy', 'true');
}

/** One event, or a few sharing an address (`more` untold ones are summed up in a line). */
export function fillEvents(
  root: HTMLElement,
  events: readonly SdiEvent[],
  lang: Lang,
  m: MapViewMessages,
  more = 0,
  now = Date.now(),
): void {
  root.removeAttribute('aria-busy');
  if (events.length === 0) {
    root.replaceChildren(el('p', 'sdi-popup-status', m.popupUnavailable));
    return;
  }
  if (events.length === 1 && more === 0) {
    root.replaceChildren(summary(events[0] as SdiEvent, lang, m, now));
    return;
  }
  const list = el('ul', 'sdi-popup-list');
  for (const event of events) {
    const item = el('li', 'sdi-popup-item');
    item.append(summary(event, lang, m, now));
    list.append(item);
  }
  root.replaceChildren(list);
  if (more > 0) root.append(el('p', 'sdi-popup-more', m.more(more)));
}
