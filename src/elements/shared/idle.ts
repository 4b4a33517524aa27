/**
 * Work that can wait until the page is idle (indexing for the first filter change). Safari has
 * no requestIdleCallback, so a short timeout stands in. Returns a cancel function: an element
 * leaving the page must not leave the callback pending.
 */
export function whenIdle(work: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}
