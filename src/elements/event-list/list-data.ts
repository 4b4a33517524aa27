/**
 * The events the list holds and what is derived from them: the filtering index (prepared in idle
 * slices while the visitor reads, so their first filter does not wait), and the memo of results.
 * Another feed's events are forgotten at once: they must not stand in for this one's, not even as
 * stale data.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { indexEvents, type EventIndex } from '../../filters/apply.js';
import type { Lang } from '../../model/types.js';
import type { SourceConfig } from '../../feed/source.js';
import type { EventsData, FeedStore, Scope } from '../../store/feed-store.js';
import { firstPageView } from '../../store/first-page.js';
import { whenIdle } from '../../time/when-idle.js';
import { ChoiceLabels } from './card.js';
import { ListProgramme } from './list-programme.js';
import { prepareIndex, ResultsMemo, type Results, type ResultsInput } from './results.js';

export class ListData implements ReactiveController {
  data?: EventsData;
  /** Where the edition stands, from what the data's source says of its programme. */
  readonly programme: ListProgramme;
  private index?: EventIndex;
  private readonly memo = new ResultsMemo();
  /** Cards and the dialog ask for labels many times per render: built once per schema and language. */
  private labelCache?: { schema: EventsData['schema'] | undefined; lang: Lang; labels: ChoiceLabels };
  /** Stops the index's preparation, pending or under way. */
  private cancelPreparation?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.programme = new ListProgramme(host);
  }

  /**
   * Reads `source`'s events in `scope` from the page's store, handing each data set to `accept`. A
   * failed refresh of data the page already had keeps showing it, marked as old, then fails.
   */
  async load(
    store: FeedStore,
    source: SourceConfig,
    scope: Scope,
    how: { signal: AbortSignal; force: boolean; accept: (data: EventsData) => void },
  ): Promise<EventsData> {
    try {
      // The scope's first-page file paints the first cards while the full file is read (#14).
      const first = how.force || this.data ? undefined : await store.firstEvents(source, scope, how.signal);
      if (first) how.accept(first);
      const data = await store.events(source, scope, how.signal, how.force);
      how.accept(data);
      void this.programme.learn(store, source, data);
      return data;
    } catch (error) {
      if (!how.signal.aborted) {
        const stale = store.peekEvents(source, scope);
        if (stale && stale !== this.data) how.accept(stale);
        if (stale) void this.programme.learn(store, source, stale);
      }
      throw error;
    }
  }

  /** New data; false when it is the data already held. */
  set(data: EventsData): boolean {
    if (data === this.data) return false;
    this.data = data;
    const index = indexEvents(data.events);
    this.index = index;
    this.prepare(index);
    this.memo.clear();
    this.host.requestUpdate();
    return true;
  }

  forget(): void {
    this.cancelPreparation?.();
    this.data = undefined;
    this.programme.forget();
    this.index = undefined;
    this.memo.clear();
    this.host.requestUpdate();
  }

  /** The results for these filters and options; undefined before any data. */
  results(input: Omit<ResultsInput, 'index'>, needed = 0): Results | undefined {
    if (!this.index) return undefined;
    const results = this.memo.get({ ...input, index: this.index });
    // First-page data (#14): only the events surely first, with the scope's count; undefined while
    // they are fewer than `needed` cards or these filters need the full data.
    const first = this.data?.first;
    if (!first || !this.data) return results;
    const view = firstPageView(results.events, first, this.data.generatedAt, { ...input, now: results.reference }, needed);
    return view ? { ...results, events: view.events, total: view.total, pastHidden: 0 } : undefined;
  }

  /** The type and audience labels of the data's schema, in `lang`. */
  labels(lang: Lang): ChoiceLabels {
    const schema = this.data?.schema;
    const cached = this.labelCache;
    if (cached && cached.schema === schema && cached.lang === lang) return cached.labels;
    const labels = new ChoiceLabels(schema, lang);
    this.labelCache = { schema, lang, labels };
    return labels;
  }

  /**
   * The first paint needs no index; it is built while the visitor reads, for their first filter,
   * in slices so that their taps and typing are not kept waiting. A filter before it is done
   * finishes the rest at once (see prepareIndex).
   */
  private prepare(index: EventIndex): void {
    // The previous data's preparation is of no use now (cancelling twice is harmless).
    this.cancelPreparation?.();
    // Data arriving for a list that has left the page: prepared if it comes back (hostConnected).
    if (!this.host.isConnected) return;
    const preparation = new AbortController();
    const cancel = whenIdle(() => prepareIndex(index, preparation.signal));
    this.cancelPreparation = () => {
      cancel();
      preparation.abort();
    };
  }

  hostConnected(): void {
    if (this.index) this.prepare(this.index);
  }

  hostDisconnected(): void {
    this.cancelPreparation?.();
    this.cancelPreparation = undefined;
  }
}
