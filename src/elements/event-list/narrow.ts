/**
 * Whether the widget is narrow (a phone, a sidebar). CSS container queries lay the controls out,
 * but only script can fold them into a disclosure: on a phone, ten filters before the first event
 * would push the list two screens down.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const NARROW_PX = 576;

export class Narrow implements ReactiveController {
  value = false;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    // Known before the first render when the host already has its box (the loader reserves it):
    // folding only once the observer reports would move the events up after they were painted.
    const width = this.host.getBoundingClientRect().width;
    if (width > 0) this.value = width < NARROW_PX;
    this.observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      // A hidden widget measures 0: that says nothing about the room it will have.
      const narrow = width > 0 && width < NARROW_PX;
      if (narrow === this.value) return;
      // Next frame: re-rendering inside the observer's callback would resize what it observes
      // in the same frame, which browsers report to the page as a "ResizeObserver loop" error.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.value = narrow;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
  }
}
