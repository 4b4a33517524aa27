/**
 * Renders the map again when the edition's phase ends (its week starts, ends, or its weeks after
 * are over), so a page left open across that instant does not keep saying « terminée » of a week
 * still to come, or nothing of one under way. One timer, set after each update to the end of the
 * phase the caption was written from.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** setTimeout's longest delay (about 24.8 days); a later end is looked at again by then. */
const LONGEST = 2 ** 31 - 1;

export class PhaseWake implements ReactiveController {
  /** The instant the caption's phase ends, as its last render found it. */
  until: number | undefined;
  private scheduled: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => number,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.until === this.scheduled && this.timer !== undefined) return;
    this.stop();
    const until = this.until;
    if (until === undefined) return;
    const delay = until - this.clock();
    if (delay < 0) return;
    this.scheduled = until;
    // A little after the instant: rendered at it exactly, the phase could still read as the old one.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.scheduled = undefined;
        this.host.requestUpdate();
      },
      Math.min(delay + 50, LONGEST),
    );
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = undefined;
  }
}
