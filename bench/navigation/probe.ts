/**
 * The in-page detector of the "from navigation" bench, injected before any of the page's scripts
 * (bundled to one IIFE and given to Page.addScriptToEvaluateOnNewDocument). Every animation frame
 * it looks for the first event card / map symbol that lies in the viewport, in the light DOM
 * (peers) or inside an element's shadow root (ours), and records `performance.now()` at that
 * moment: milliseconds since navigation start (performance.timeOrigin). A rendering step runs the
 * animation-frame callbacks and then paints, so what the probe sees in a callback is on screen in
 * that frame; it was not in the previous frame, where the probe looked too.
 */

export interface ProbeTarget {
  /** Custom element whose open shadow root holds the target (ours), or none (light DOM). */
  host?: string;
  selector: string;
}

export interface ProbeResult {
  /** ms since navigation start when the first target was seen in the viewport. */
  firstMs: number;
  /** performance.timeOrigin (ms since the epoch), to place network events on the same clock. */
  timeOrigin: number;
  /** How many targets were in the DOM at that moment (in or out of view). */
  count: number;
}

declare global {
  interface Window {
    sdiNavigationProbe?: ProbeResult;
  }
}

function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
}

function candidates(targets: readonly ProbeTarget[]): Element[] {
  const found: Element[] = [];
  for (const { host, selector } of targets) {
    if (!host) {
      found.push(...document.querySelectorAll(selector));
      continue;
    }
    for (const element of document.querySelectorAll(host)) {
      if (element.shadowRoot) found.push(...element.shadowRoot.querySelectorAll(selector));
    }
  }
  return found;
}

export function watch(targets: readonly ProbeTarget[]): void {
  const frame = () => {
    const found = candidates(targets);
    if (found.some(inViewport)) {
      window.sdiNavigationProbe = { firstMs: performance.now(), timeOrigin: performance.timeOrigin, count: found.length };
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
