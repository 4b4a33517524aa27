/**
 * The npm entry: element classes WITHOUT registration (register them under your own names, or
 * import `semaine-industrie-widgets/define` for the `sdi-` tags), and the plain TypeScript they are
 * views over (feed client, store, model) for apps that build their own UI.
 */
export { SdiEditionBanner } from './elements/edition-banner/sdi-edition-banner.js';
export { SdiCountdown } from './elements/countdown/sdi-countdown.js';
export { SdiEventList } from './elements/event-list/sdi-event-list.js';
export { SdiRegionMap } from './elements/region-map/sdi-region-map.js';
export type { FilterState } from './filters/filter-state.js';
export type { FilterChangeDetail, EventOpenDetail } from './controllers/events.js';
export { configureWidgets, resolveSource, type SourceConfig } from './feed/source.js';
export { FeedStore, feedStore, type EventsData, type Scope, type Summary } from './store/feed-store.js';
export type * from './model/types.js';
export { VERSION } from './version.js';
