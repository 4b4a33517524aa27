import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An AbortSignal that fires when the element leaves the page, so its pending requests are given
 * up (and shared ones aborted once nobody waits for them). A new signal is issued on reconnect.
 */
export class DisconnectSignal implements ReactiveController {
  private controller = new AbortController();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** One signal that aborts when either the element leaves or the given run is superseded. */
  with(other: AbortSignal): AbortSignal {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (this.signal.aborted || other.aborted) controller.abort();
    this.signal.addEventListener('abort', abort, { once: true, signal: controller.signal });
    other.addEventListener('abort', abort, { once: true, signal: controller.signal });
    return controller.signal;
  }

  hostConnected(): void {
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }

  hostDisconnected(): void {
    this.controller.abort();
  }
}
