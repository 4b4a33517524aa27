/**
 * Peer of the "from navigation" bench (bundled by bench/navigation.ts, never shipped): a
 * partner page showing the edition's events with FullCalendar's list view, reading the OpenAgenda
 * API directly, as an integrator without our widgets would.
 */
import { Calendar } from '@fullcalendar/core';
import listPlugin from '@fullcalendar/list';
import { LIST_FIELDS } from './feed-query.js';
import { feedConfig, readFeed } from './read-feed.js';

interface FeedEvent {
  uid: number;
  /** A string with `monolingual=fr`. */
  title?: string;
  timings?: { begin: string; end: string }[];
}

async function main(): Promise<void> {
  const container = document.getElementById('list')!;
  const { base, region } = feedConfig(container);
  const events = (await readFeed<FeedEvent>(base, { fields: LIST_FIELDS, region })).filter(
    (event) => (event.timings?.length ?? 0) > 0,
  );
  // The list opens on the edition's year: the earliest time of the feed, as the integrator would
  // hard-code the edition's first day.
  const first = events.reduce(
    (min, event) => (event.timings![0]!.begin < min ? event.timings![0]!.begin : min),
    events[0]?.timings?.[0]?.begin ?? '',
  );
  const calendar = new Calendar(container, {
    plugins: [listPlugin],
    initialView: 'listYear',
    initialDate: first || undefined,
    locale: 'fr',
    events: events.map((event) => ({
      id: String(event.uid),
      title: event.title ?? '',
      start: event.timings![0]!.begin,
      end: event.timings![event.timings!.length - 1]!.end,
    })),
  });
  calendar.render();
}

void main();
