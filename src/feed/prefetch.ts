/**
 * Requests the script-tag loader starts before any element's code has arrived (index.json, then
 * the files it names for the widgets on the page), handed over to the store, which would
 * otherwise have asked for them one chunk download later. Each is handed over once: the page
 * still makes one request per file, and a later read (a refresh) goes to the network.
 */
import type { FetchLike } from './http.js';

/** Older than this, a prefetched answer is not used: the store asks again. */
const FRESH_MS = 60_000;

interface Prefetched {
  response: Promise<Response>;
  at: number;
}

const pending = new Map<string, Prefetched>();

/**
 * What fetchJson sends (http.ts): an answer is used only for a request of the same kind, so a
 * browser cache keyed on headers or credentials sees one request.
 */
const INIT: RequestInit = { headers: { accept: 'application/json' }, credentials: 'omit' };

function start(url: string, fetcher: FetchLike): Promise<Response> {
  const known = pending.get(url);
  if (known) return known.response;
  const response = fetcher(url, INIT);
  // Nobody may ever take it (a widget that reads another scope): not an unhandled rejection.
  response.catch(() => undefined);
  pending.set(url, { response, at: Date.now() });
  return response;
}

const browserFetch: FetchLike = (input, init) => fetch(input, init);

/** Starts a request for `url` (once), for the store to take. */
export function prefetch(url: string, fetcher: FetchLike = browserFetch): void {
  void start(url, fetcher);
}

/**
 * Starts a request for `url` (once) and reads its JSON from a copy of the answer, leaving the
 * answer itself to the store; undefined when it fails or is not JSON.
 */
export function prefetchJson(url: string, fetcher: FetchLike = browserFetch): Promise<unknown> {
  // Copied in the first reaction to the answer, before the store (which reacts later) reads it.
  return start(url, fetcher)
    .then((response) => (response.ok ? response.clone().json() : undefined))
    .catch(() => undefined);
}

/**
 * The prefetched answer for `url`, once, or undefined. It follows `init.signal` like a fetch of
 * its own: an abort (the store's timeout, the widget leaving) rejects it.
 */
export function takePrefetched(url: string, init?: RequestInit): Promise<Response> | undefined {
  const known = pending.get(url);
  if (!known) return undefined;
  pending.delete(url);
  if (Date.now() - known.at > FRESH_MS) return undefined;
  const signal = init?.signal;
  if (!signal) return known.response;
  return new Promise<Response>((resolve, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    known.response.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** For tests: forget every prefetched request. */
export function clearPrefetched(): void {
  pending.clear();
}
