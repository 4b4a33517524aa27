/** Measuring helpers shared by the benchmark pages (never shipped). */

/**
 * Resolves just after the next frame is painted: rendering happens right after the
 * requestAnimationFrame callbacks, and a message posted from one runs after that frame.
 */
export const painted = (): Promise<void> =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

/** Waits (without the 4 ms clamp of nested timeouts) until `ready` holds. */
export async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => queueMicrotask(() => setTimeout(r, 0)));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
