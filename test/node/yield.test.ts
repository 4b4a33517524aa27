import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { forEachSliced, yieldToBrowser } from '../../src/feed/yield.js';

const isAbortError = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Busy for `ms`: a step that costs time, so slices fill up. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('yieldToBrowser', () => {
  afterEach(() => {
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it('resumes in a later task, not in a microtask', async () => {
    let resumed = false;
    const done = yieldToBrowser().then(() => (resumed = true));
    await microtasks(200);
    assert.equal(resumed, false);
    await done;
    assert.equal(resumed, true);
  });

  it('lets a timer queued before it run while the work waits', async () => {
    let timer = false;
    setTimeout(() => (timer = true), 0);
    spin(5);
    // A few yields: Node runs timers and messages in different phases of its loop.
    for (let i = 0; i < 20 && !timer; i++) await yieldToBrowser();
    assert.equal(timer, true);
  });

  it('uses scheduler.yield where the browser has it', async () => {
    let calls = 0;
    (globalThis as { scheduler?: unknown }).scheduler = {
      yield(this: unknown) {
        calls += 1;
        return new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
    };
    await yieldToBrowser();
    assert.equal(calls, 1);
  });

  it('rejects with an AbortError when the signal is aborted before or during the wait', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(yieldToBrowser(before.signal), isAbortError);
    const during = new AbortController();
    const waiting = yieldToBrowser(during.signal);
    during.abort();
    await assert.rejects(waiting, isAbortError);
  });
});

describe('forEachSliced', () => {
  it('visits every item once, in order, and yields between slices', async () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const seen: number[] = [];
    let timer = false;
    let timerSeenAt = -1;
    setTimeout(() => (timer = true), 0);
    await forEachSliced(
      items,
      (item, i) => {
        assert.equal(item, i);
        seen.push(item);
        if (timer && timerSeenAt < 0) timerSeenAt = i;
        spin(0.2);
      },
      undefined,
      2,
    );
    assert.deepEqual(seen, items);
    // 200 × 0.2 ms in 2 ms slices: the timer ran in a pause between items, not after the last.
    assert.ok(timerSeenAt > 0 && timerSeenAt < items.length - 1, `timer seen at item ${timerSeenAt}`);
  });

  it('runs a short list in one go, in the caller’s task', async () => {
    let count = 0;
    const done = forEachSliced([1, 2, 3], () => (count += 1));
    assert.equal(count, 3);
    await done;
  });

  it('stops within 16 items once its signal is aborted', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const controller = new AbortController();
    let steps = 0;
    const work = forEachSliced(
      items,
      (_, i) => {
        steps += 1;
        if (i === 100) controller.abort();
        spin(0.05);
      },
      controller.signal,
      // Slices long enough that the abort lands mid-slice.
      1000,
    );
    await assert.rejects(work, isAbortError);
    // The signal is looked at every 16 items, whether or not the slice is over.
    assert.ok(steps <= 100 + 16, `${steps} steps run`);
  });

  it('does nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let steps = 0;
    await assert.rejects(
      forEachSliced([1, 2], () => (steps += 1), controller.signal),
      isAbortError,
    );
    assert.equal(steps, 0);
  });
});
