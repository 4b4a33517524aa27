/**
 * Which of the results the list shows: the pages the visitor asked for (or the teaser's limit),
 * past events once asked for, and the instant results are computed for. That instant moves on
 * data and filter changes, not on every render: a card must not change day under the visitor's
 * eyes because a status message redrew the list.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FilterState } from '../../filters/filter-state.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import type { ListData } from './list-data.js';
import type { ListOptions } from './options.js';
import type { Position, Results } from './results.js';

export interface ShownInput {
  filters: FilterState;
  options: ListOptions;
  near: Position | undefined;
  lang: Lang;
  /** The partner's `past` attribute. */
  past: boolean;
}

export class ShownResults {
  /** The visitor asked to see events that are over. */
  showPast = false;
  private pages = 1;
  private reference = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly held: ListData,
    private readonly input: () => ShownInput,
    private readonly now: () => number,
  ) {}

  /** The instant cards are described for. */
  get instant(): number {
    return this.reference || this.now();
  }

  results(): Results | undefined {
    const { filters, options, near, lang, past } = this.input();
    const input = { filters, sort: options.sort, near, lang, now: this.instant, includePast: past || this.showPast };
    return this.held.results(input, options.limit ?? options.pageSize);
  }

  /** Events shown out of `results`. */
  count(results: Results): number {
    const { limit, pageSize } = this.input().options;
    if (limit !== undefined) return Math.min(limit, results.events.length);
    return Math.min(results.events.length, this.pages * pageSize);
  }

  /** The events on screen; undefined before any data. */
  visible(): SdiEvent[] | undefined {
    const results = this.results();
    return results?.events.slice(0, this.count(results));
  }

  /** Back to the first page (new filters, a new order, other data). */
  restart(): void {
    this.pages = 1;
    this.host.requestUpdate();
  }

  /** The data or the filters changed: results are computed for now. */
  moveOn(): void {
    this.reference = this.now();
    this.host.requestUpdate();
  }

  /** One more page; the first event it adds, for the focus. */
  more(): SdiEvent | undefined {
    const results = this.results();
    if (!results) return undefined;
    const first = results.events[this.count(results)];
    this.pages += 1;
    this.host.requestUpdate();
    return first;
  }

  includePast(): void {
    this.showPast = true;
    this.host.requestUpdate();
  }
}
