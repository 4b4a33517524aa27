/**
 * Where the edition stands for the list: the page's one edition phase (editions/page-programme),
 * fed with what the list's source says of its programme. A snapshot's summary is the index the
 * events were found through (no request); live data has no index, so the days and number of the
 * events the list holds stand in. The list reads the phase, never derives its own: a banner or a
 * countdown beside it names the same edition, dates and phase at every instant.
 */
import type { ReactiveControllerHost } from 'lit';
import { pageEditionPhase } from '../../editions/page-programme.js';
import type { EditionPhase, ProgrammeFacts } from '../../editions/phase.js';
import { programmeFactsOf } from '../../editions/programme-facts.js';
import { EDITION_TIME_ZONE } from '../../editions/editions.js';
import { sourceKey, type SourceConfig } from '../../feed/source.js';
import type { EventsData, FeedStore } from '../../store/feed-store.js';
import { localDay } from '../../time/local-day.js';

/** The programme facts of events in hand: their days in Paris (the edition's zone) and number. */
export function programmeOfEvents(data: EventsData): ProgrammeFacts {
  const days = new Set<string>();
  for (const event of data.events) for (const timing of event.timings) days.add(localDay(timing.begin, EDITION_TIME_ZONE));
  return { total: data.events.length, days: [...days] };
}

export class ListProgramme {
  private read?: { source: string; facts: ProgrammeFacts };

  constructor(private readonly host: ReactiveControllerHost) {}

  /** What `source` says of its programme, once its full data is in hand (not a first page). */
  async learn(store: FeedStore, source: SourceConfig, data: EventsData): Promise<void> {
    if (data.first) return;
    const key = sourceKey(source);
    let facts: ProgrammeFacts;
    try {
      facts = source.kind === 'snapshot' ? programmeFactsOf(await store.summary(source)) : programmeOfEvents(data);
    } catch {
      // Without its index the list still shows its events; the calendar names the edition then.
      facts = programmeOfEvents(data);
    }
    this.read = { source: key, facts };
    this.host.requestUpdate();
  }

  forget(): void {
    this.read = undefined;
  }

  /** The phase at `now`; undefined until the programme is known (the list shows its skeleton then). */
  phase(now: number): EditionPhase | undefined {
    const read = this.read;
    return read && pageEditionPhase({ now, programme: read.facts, source: read.source });
  }
}
