/**
 * Giving the main thread back between slices of long work (expanding a national file of 8,000
 * events), so that a visitor's tap or scroll, and a frame, can come in between.
 */

interface Scheduler {
  yield(): Promise<void>;
}

/** How long one slice may run: well under the 50 ms at which a task counts as long. */
export const SLICE_MS = 8;

function schedulerYield(): (() => Promise<void>) | undefined {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  const fn = scheduler?.yield;
  return typeof fn === 'function' ? () => fn.call(scheduler) : undefined;
}

/**
 * Resolves in a later task. `scheduler.yield` (Chromium, Firefox) resumes ahead of other queued
 * work; elsewhere a message, which unlike a chain of timeouts is not clamped to 4 ms. One channel
 * per call, closed at once: nothing stays open (the leaks suite counts what a widget leaves).
 */
function nextTask(): Promise<void> {
  const viaScheduler = schedulerYield();
  if (viaScheduler) return viaScheduler();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function abortError(): DOMException {
  return new DOMException('aborted', 'AbortError');
}

/**
 * Yields to the browser, then rejects with an AbortError if `signal` was aborted meanwhile: the
 * work of a widget that has left the page stops at its next slice. No listener is added to the
 * signal, so an abort costs nothing to clean up.
 */
export async function yieldToBrowser(signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw abortError();
  await nextTask();
  if (signal?.aborted) throw abortError();
}

/**
 * Calls `step` until it says it is done, yielding whenever a slice has run `sliceMs` (time, not a
 * count: a slow phone gets smaller slices, not longer tasks). The first slice runs at once, in the
 * caller's task; an abort stops the work within `checkEvery` steps, even mid-slice, with an AbortError.
 */
export async function runSliced(step: () => boolean, signal?: AbortSignal, sliceMs = SLICE_MS, checkEvery = 16): Promise<void> {
  if (signal?.aborted) throw abortError();
  let sliceStart = performance.now();
  for (let n = 1; !step(); n++) {
    // performance.now() is cheap but not free: look at the clock (and the signal) every few steps.
    if (n % checkEvery === 0) {
      if (signal?.aborted) throw abortError();
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToBrowser(signal);
        sliceStart = performance.now();
      }
    }
  }
}

/** Calls `step(item, i)` for each item, in order, in slices (see runSliced). */
export async function forEachSliced<T>(
  items: readonly T[],
  step: (item: T, i: number) => void,
  signal?: AbortSignal,
  sliceMs = SLICE_MS,
): Promise<void> {
  let i = 0;
  await runSliced(
    () => {
      if (i >= items.length) return true;
      step(items[i] as T, i);
      i += 1;
      return i >= items.length;
    },
    signal,
    sliceMs,
  );
}
