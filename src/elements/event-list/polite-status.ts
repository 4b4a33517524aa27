/**
 * The list's polite status (the count, read by screen readers): it speaks once the visitor
 * pauses, not after every keystroke or page of results, and never after the list has left.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ANNOUNCE_DELAY_MS = 400;

export class PoliteStatus implements ReactiveController {
  /** What the live region says now. */
  text = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The sentence to say when the delay is over; undefined when there is nothing to say yet. */
    private readonly compose: () => string | undefined,
  ) {
    host.addController(this);
  }

  /** Says the current sentence after a pause; a newer call restarts the pause. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const text = this.compose();
      if (text === undefined || text === this.text) return;
      this.text = text;
      this.host.requestUpdate();
    }, ANNOUNCE_DELAY_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
