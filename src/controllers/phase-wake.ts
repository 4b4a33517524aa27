/**
 * Keeps a widget's words true of the edition's phase: it renders the host again when the phase
 * ends (the week starts, ends, or its weeks after are over), so a page left open across that
 * instant does not keep saying « terminée » of a week still to come; and, with `followPage`, when
 * another widget of the page publishes the programme the phase is derived from. One timer, set
 * after each update to the end of the phase the last render was written from (`until`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onPageProgramme } from '../editions/page-programme.js';

/** setTimeout's longest delay (about 24.8 days); a later end is looked at again by then. */
const LONGEST = 2 ** 31 - 1;

export class PhaseWake implements ReactiveController {
  /** The instant the caption's phase ends, as its last render found it. */
  until: number | undefined;
  private scheduled: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopFollowing: (() => void) | undefined;
  /** An update lit completes after the host left the page must not arm a timer nobody clears. */
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => number,
    private readonly followPage = false,
    /** What waking does; by default a render (the list moves its results' instant on too). */
    private readonly wake: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // A widget without data of its own (the countdown), or whose data comes later, follows the
    // programme the first data widget of the page publishes.
    if (this.followPage) this.stopFollowing ??= onPageProgramme(() => this.host.requestUpdate());
  }

  hostUpdated(): void {
    if (!this.connected) return;
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
        this.wake();
      },
      Math.min(delay + 50, LONGEST),
    );
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.stopFollowing?.();
    this.stopFollowing = undefined;
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = undefined;
  }
}
