import { expect } from '@open-wc/testing';
import { FeedStore } from '../../src/store/feed-store.js';
import type { SourceConfig } from '../../src/feed/source.js';

const SOURCE: SourceConfig = { kind: 'snapshot', src: `${location.origin}/snapshot/` };

interface Call {
  url: string;
  signal?: AbortSignal | null;
}

/** A fetch that goes to the fixture server but records every call, and can be held back. */
function recordingFetch(options: { hold?: Promise<void> } = {}) {
  const calls: Call[] = [];
  const fetchFn = async (input: string, init?: RequestInit) => {
    calls.push({ url: input, signal: init?.signal ?? null });
    if (options.hold) await options.hold;
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return fetch(input, { ...init, cache: 'no-store' });
  };
  return { calls, fetchFn };
}

describe('FeedStore', () => {
  it('shares one request between widgets asking the same thing at the same time', async () => {
    const { calls, fetchFn } = recordingFetch();
    const store = new FeedStore({ fetch: fetchFn });
    const results = await Promise.all([1, 2, 3, 4].map(() => store.events(SOURCE, { region: '84' })));
    expect(new Set(results).size).to.equal(1);
    expect(calls.filter((c) => c.url.endsWith('index.json'))).to.have.length(1);
    expect(calls.filter((c) => c.url.includes('region-84'))).to.have.length(1);
    // A later ask is served from the cache.
    await store.events(SOURCE, { region: '84' });
    await store.summary(SOURCE);
    expect(calls).to.have.length(2);
  });

  it('aborts a request once every widget waiting for it has left the page', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { calls, fetchFn } = recordingFetch({ hold });
    const store = new FeedStore({ fetch: fetchFn, retries: 0 });
    const first = new AbortController();
    const second = new AbortController();
    const a = store.events(SOURCE, {}, first.signal).catch((e: unknown) => e);
    const b = store.events(SOURCE, {}, second.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).to.have.length(1);
    first.abort();
    expect(calls[0]!.signal!.aborted, 'still one widget waiting').to.equal(false);
    second.abort();
    expect(calls[0]!.signal!.aborted, 'nobody waiting').to.equal(true);
    release();
    expect(((await a) as DOMException).name).to.equal('AbortError');
    expect(((await b) as DOMException).name).to.equal('AbortError');
  });

  it('serves stale data at once and revalidates in the background, notifying subscribers', async () => {
    const { calls, fetchFn } = recordingFetch();
    const store = new FeedStore({ fetch: fetchFn, maxAgeMs: 0 });
    const first = await store.summary(SOURCE);
    const notified = new Promise<void>((resolve) => store.subscribe(SOURCE, resolve));
    const again = await store.summary(SOURCE);
    expect(again).to.equal(first, 'the cached value, without waiting');
    await notified;
    expect(calls.filter((c) => c.url.endsWith('index.json')).length).to.be.greaterThan(1);
  });

  it('keeps the last data, marked stale, when a refresh fails', async () => {
    let fail = false;
    const store = new FeedStore({
      retries: 0,
      maxAgeMs: 0,
      fetch: (input, init) => (fail ? Promise.resolve(new Response('{}', { status: 503 })) : fetch(input, init)),
    });
    const fresh = await store.summary(SOURCE);
    expect(fresh.stale).to.equal(false);
    fail = true;
    const notified = new Promise<void>((resolve) => store.subscribe(SOURCE, resolve));
    await store.summary(SOURCE);
    await notified;
    const stale = await store.summary(SOURCE);
    expect(stale.stale).to.equal(true);
    expect(stale.total).to.equal(fresh.total);
  });

  it('retries a 503 with backoff, then gives up after the configured retries', async () => {
    let count = 0;
    const store = new FeedStore({
      retries: 2,
      backoffMs: 1,
      fetch: () => {
        count += 1;
        return Promise.resolve(new Response('{"message":"busy"}', { status: 503 }));
      },
    });
    const error = await store.summary(SOURCE).catch((e: unknown) => e);
    expect((error as Error).message).to.contain('503');
    expect(count).to.equal(3);
  });

  it('does not retry a 404', async () => {
    let count = 0;
    const store = new FeedStore({
      retries: 3,
      backoffMs: 1,
      fetch: () => {
        count += 1;
        return Promise.resolve(new Response('{"message":"no"}', { status: 404 }));
      },
    });
    await store.summary(SOURCE).catch(() => undefined);
    expect(count).to.equal(1);
  });
});
