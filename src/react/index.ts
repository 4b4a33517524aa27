/**
 * React wrappers of the four elements (`semaine-industrie-widgets/react`), made with @lit/react:
 * props are set as element properties, and the DOM events the widgets fire become `on…` props.
 * Importing this module registers the elements (their `sdi-` tags), as the wrappers render them.
 *
 * ```tsx
 * import { SdiEventList, SdiRegionMap } from 'semaine-industrie-widgets/react';
 * <SdiRegionMap group="page" /> <SdiEventList group="page" onSdiEventOpen={(e) => log(e.detail.uid)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { SdiEditionBanner as EditionBannerElement } from '../elements/edition-banner/define.js';
import { SdiCountdown as CountdownElement } from '../elements/countdown/define.js';
import { SdiEventList as EventListElement } from '../elements/event-list/define.js';
import { SdiRegionMap as RegionMapElement } from '../elements/region-map/define.js';
import type { EventOpenDetail, FilterChangeDetail } from '../controllers/events.js';

/**
 * Members kept public for tests and apps that replace them (marked `@internal`): not React props.
 * The wrappers are typed over the element without them.
 */
type Internal = 'store' | 'now' | 'download' | 'loadDetail' | 'loadUrlState' | 'loadJsonLd' | 'loadView';
type PublicClass<E extends HTMLElement, K extends keyof E> = new () => Omit<E, K> & HTMLElement;
function publicClass<E extends HTMLElement, K extends keyof E & Internal>(klass: new () => E): PublicClass<E, K> {
  return klass as unknown as PublicClass<E, K>;
}

/** The events of the widgets that have filters, as React props. */
const groupEvents = {
  /** `sdi-filter-change`: the visitor changed the filters (detail: `{ group, filters, changed }`). */
  onSdiFilterChange: 'sdi-filter-change' as EventName<CustomEvent<FilterChangeDetail>>,
  /** `sdi-event-open`: the visitor opened an event (detail: `{ uid, title, url, group }`). */
  onSdiEventOpen: 'sdi-event-open' as EventName<CustomEvent<EventOpenDetail>>,
};

export const SdiEditionBanner = createComponent({
  react: React,
  tagName: 'sdi-edition-banner',
  elementClass: publicClass<EditionBannerElement, 'store' | 'now'>(EditionBannerElement),
  displayName: 'SdiEditionBanner',
});

export const SdiCountdown = createComponent({
  react: React,
  tagName: 'sdi-countdown',
  elementClass: CountdownElement,
  displayName: 'SdiCountdown',
});

export const SdiEventList = createComponent({
  react: React,
  tagName: 'sdi-event-list',
  elementClass: publicClass<EventListElement, 'store' | 'now' | 'download' | 'loadDetail' | 'loadUrlState' | 'loadJsonLd'>(
    EventListElement,
  ),
  events: groupEvents,
  displayName: 'SdiEventList',
});

export const SdiRegionMap = createComponent({
  react: React,
  tagName: 'sdi-region-map',
  elementClass: publicClass<RegionMapElement, 'store' | 'loadView'>(RegionMapElement),
  events: groupEvents,
  displayName: 'SdiRegionMap',
});

export type { EventOpenDetail, FilterChangeDetail };
