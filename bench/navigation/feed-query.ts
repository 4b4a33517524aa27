/**
 * The OpenAgenda API v2 request a peer page makes for one page of events (bench only, never
 * shipped). Shared by the browser peers, which send it, and by the bench, which answers every
 * such request ahead of time from the mock API so one static server serves all contenders.
 *
 * The peers ask the way the API's documentation recommends for production (shared/OPENAGENDA.md):
 * only the fields they show (`includeFields[]`), one language (`monolingual=fr`), the largest page
 * (300), upcoming and current events only, the key in the query string (a simple GET, no
 * preflight). That is the raw feed at its leanest: what a careful integrator would write.
 */

export const AGENDA_UID = 9464342;
export const FEED_KEY = 'test-key';
export const FEED_PAGE_SIZE = 300;

export interface FeedScope {
  /** Dotted paths, as `includeFields[]` takes them. */
  fields: readonly string[];
  /** Region name for `adminLevel1` (a partner showing one region), or none for the nation. */
  region?: string;
}

/** What FullCalendar's list view shows: a title and the first and last times. */
export const LIST_FIELDS = ['uid', 'title', 'timings'] as const;
/** What a markercluster map places: coordinates (and a title for the marker's tooltip). */
export const MAP_FIELDS = ['uid', 'title', 'location.latitude', 'location.longitude'] as const;

export type Cursor = readonly (number | string)[];

export interface FeedPage<T> {
  total: number;
  events: T[];
  after: Cursor | null;
}

/** Path and query of one page, relative to the API's base (`…/v2/`). */
export function feedPagePath(scope: FeedScope, after: Cursor | null): string {
  const params = new URLSearchParams();
  params.set('key', FEED_KEY);
  params.set('size', String(FEED_PAGE_SIZE));
  params.append('relative[]', 'current');
  params.append('relative[]', 'upcoming');
  params.set('monolingual', 'fr');
  for (const field of scope.fields) params.append('includeFields[]', field);
  if (scope.region) params.set('adminLevel1', scope.region);
  for (const value of after ?? []) params.append('after[]', String(value));
  return `agendas/${AGENDA_UID}/events?${params.toString()}`;
}

/** One spelling per request, whatever encoding the client chose for `[]`. */
export function requestKey(pathname: string, search: string): string {
  return `${pathname}?${new URLSearchParams(search).toString()}`;
}
