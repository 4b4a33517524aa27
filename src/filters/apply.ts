/**
 * The filtering API the elements, the map and the tests use, gathered in one import: the index
 * (event-index.ts, built from facet-index.ts and text-search.ts), the match (match.ts), the
 * search text rules (query.ts) and the state helpers (filter-state.ts).
 */
export { indexEvents, prepareFacets, prepareSearch, type EventIndex } from './event-index.js';
export type { Facets } from './facet-index.js';
export type { SearchIndex } from './text-search.js';
export { filterEvents } from './match.js';
export { capQuery, queryTokens, QUERY_MAX_LENGTH, QUERY_MAX_WORDS } from './query.js';
export { activeFilterCount, cleanFilters, isEmptyFilter, sameFilters } from './filter-state.js';
