/**
 * Work that can wait until the page is idle (indexing for the first filter change). Safari has
 * no requestIdleCallback, so a short timeout stands in. Returns a cancel function: an element
 * leaving the page must not leave the callback pending.
 */
export function whenIdle(work: () => unknown, timeout = 2000): () => void {
  // Deferred work runs outside any caller's try/catch: an error here, or the rejection of the
  // promise the work returns, would reach the host page.
  const safe = async () => {
    try {
      await work();
    } catch (error) {
      console.warn('[semaine-industrie-widgets] background work failed:', error);
    }
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => void safe(), { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => void safe(), 200);
  return () => clearTimeout(handle);
}
