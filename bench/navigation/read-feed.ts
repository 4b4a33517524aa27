/**
 * How a peer page reads the raw feed: page after page, each request waiting for the previous
 * answer's cursor (the API offers no other way to go past the first page without an offset, and
 * offsets are capped), then everything is handed to the library at once, as FullCalendar's and
 * markercluster's event sources expect.
 */
import { feedPagePath, type Cursor, type FeedPage, type FeedScope } from './feed-query.js';

export async function readFeed<T>(base: string, scope: FeedScope): Promise<T[]> {
  const events: T[] = [];
  let after: Cursor | null = null;
  do {
    const url = new URL(feedPagePath(scope, after), new URL(base, location.href));
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    const page = (await response.json()) as FeedPage<T>;
    for (const event of page.events) events.push(event);
    after = page.after;
  } while (after);
  return events;
}

/** The page's configuration, written by the bench on the contender's container. */
export function feedConfig(container: HTMLElement): { base: string; region?: string } {
  const base = container.dataset.feed;
  if (!base) throw new Error(`#${container.id}: no data-feed`);
  return { base, region: container.dataset.region || undefined };
}
