/**
 * The slicing helper in real engines: Chromium and Firefox resume through scheduler.yield,
 * WebKit through a MessageChannel. Between slices the browser must get its turn (a timer, a
 * frame), and a signal aborted mid-work must stop the work.
 */
import { expect } from '@open-wc/testing';
import { forEachSliced, yieldToBrowser } from '../../src/feed/yield.js';

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const isAbortError = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

interface PostTask {
  postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

/**
 * Urgent work of the page (what input handling is): where scheduler.yield exists, its
 * continuations run before ordinary tasks, and only urgent ones come in between; elsewhere any
 * task does.
 */
function queueUrgent(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(callback, { priority: 'user-blocking' });
  else setTimeout(callback, 0);
}

describe('yieldToBrowser and forEachSliced', () => {
  it('resume in a later task, after urgent work queued before', async () => {
    let urgent = false;
    queueUrgent(() => (urgent = true));
    let resumed = false;
    const done = yieldToBrowser().then(() => (resumed = true));
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(resumed).to.equal(false);
    await done;
    // A timeout can be clamped to a few ms: yield a little longer if it is not due yet.
    for (let i = 0; i < 50 && !urgent; i++) await yieldToBrowser();
    expect(urgent).to.equal(true);
  });

  it('let urgent work in between slices of 100 ms of work, and keep the order', async () => {
    let urgentAt = -1;
    const order: number[] = [];
    const items = Array.from({ length: 200 }, (_, i) => i);
    await forEachSliced(
      items,
      (item, i) => {
        if (i === 0) queueUrgent(() => (urgentAt = order.length));
        order.push(item);
        spin(0.5);
      },
      undefined,
      5,
    );
    expect(order).to.deep.equal(items);
    // Not after the last item: in a pause of the work.
    expect(urgentAt).to.be.greaterThan(0).and.lessThan(items.length);
  });

  it('stop the work within 16 items of an abort, and reject with an AbortError', async () => {
    const controller = new AbortController();
    let steps = 0;
    let error: unknown;
    try {
      // Slices longer than the whole work: the abort lands mid-slice.
      await forEachSliced(
        Array.from({ length: 2000 }),
        (_, i) => {
          steps += 1;
          if (i === 500) controller.abort();
          spin(0.01);
        },
        controller.signal,
        10_000,
      );
    } catch (e) {
      error = e;
    }
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(steps).to.be.within(501, 501 + 16);
  });

  it('reject with an AbortError when the signal is aborted during the wait', async () => {
    const controller = new AbortController();
    const waiting = yieldToBrowser(controller.signal);
    controller.abort();
    let error: unknown;
    await waiting.catch((e: unknown) => (error = e));
    expect(isAbortError(error), String(error)).to.equal(true);
  });
});
