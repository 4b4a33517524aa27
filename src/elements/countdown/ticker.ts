/**
 * The countdown's clock: one timer, aligned on the next change of what is shown, so it never
 * drifts like setInterval; none in a hidden tab (browsers throttle it anyway), and the clock read
 * again when the tab comes back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CountdownState } from '../../editions/countdown-phase.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** setTimeout overflows above 2^31 − 1 ms (≈ 24.8 days) and would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;

/** Milliseconds until what is shown changes; undefined when it never does. */
export function nextChange(state: CountdownState, showSeconds: boolean, now: number): number | undefined {
  if (state.phase === 'before') {
    const step = showSeconds ? SECOND : MINUTE;
    // The display changes when the remaining time crosses a multiple of the step; the start
    // instant itself is such a boundary, so the switch to 'during' is on time.
    return state.remaining.totalMs % step || step;
  }
  if (state.phase === 'during') return Math.max(0, state.endsAt - now);
  // 'after' and 'unknown' do not change with time: built-in facts are fixed for the page's life.
  return undefined;
}

export class Ticker implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** After each update: milliseconds until the next tick, undefined for none. */
    private readonly delay: () => number | undefined,
  ) {
    host.addController(this);
  }

  /** Reads the clock again, re-renders and re-arms the timer. */
  tick(): Promise<boolean> {
    this.host.requestUpdate();
    return this.host.updateComplete;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    // Re-arms the timer when the element is moved or re-inserted (the update reschedules).
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.clear();
  }

  hostUpdated(): void {
    this.clear();
    if (!this.host.isConnected || document.visibilityState === 'hidden') return;
    const delay = this.delay();
    if (delay !== undefined) this.timer = setTimeout(this.onTimer, Math.min(delay, MAX_DELAY));
  }

  private clear(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    void this.tick();
  };

  private readonly onVisibilityChange = (): void => {
    // On return the clock may have jumped: read it again rather than trusting the old schedule.
    if (document.visibilityState === 'hidden') this.clear();
    else void this.tick();
  };
}
