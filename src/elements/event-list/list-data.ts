/**
 * The events the list holds and what is derived from them: the filtering index (prepared in idle
 * slices while the visitor reads, so their first filter does not wait), and the memo of results.
 * Another feed's events are forgotten at once: they must not stand in for this one's, not even as
 * stale data.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { indexEvents, type EventIndex } from '../../filters/apply.js';
import type { EventsData } from '../../store/feed-store.js';
import { whenIdle } from '../shared/idle.js';
import { prepareIndex, ResultsMemo, type Results, type ResultsInput } from './results.js';

export class ListData implements ReactiveController {
  data?: EventsData;
  private index?: EventIndex;
  private readonly memo = new ResultsMemo();
  /** Stops the index's preparation, pending or under way. */
  private cancelPreparation?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
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
    this.index = undefined;
    this.memo.clear();
    this.host.requestUpdate();
  }

  /** The results for these filters and options; undefined before any data. */
  results(input: Omit<ResultsInput, 'index'>): Results | undefined {
    return this.index ? this.memo.get({ ...input, index: this.index }) : undefined;
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
