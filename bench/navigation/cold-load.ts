/**
 * One measured load of the "from navigation" bench: a new browser context (nothing shared with
 * the previous run: no cache, no connections, no compiled code), cache disabled, the condition's
 * network and CPU emulation, the probe installed before the page's first script, then the time
 * the probe saw the first card / symbol and every network exchange the page made by then.
 */
import type { Browser, Protocol } from 'puppeteer-core';
import type { Exchange } from './critical-path.js';
import type { ProbeResult, ProbeTarget } from './probe.js';

export interface Condition {
  name: string;
  /** Network.emulateNetworkConditions: round trip added per request (ms), bytes per second. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  /** Emulation.setCPUThrottlingRate. */
  cpuSlowdown?: number;
}

/** Lighthouse's "slow 4G" (its mobile default), and its 4× CPU slowdown. */
export const CONDITIONS: readonly Condition[] = [
  { name: 'no emulation' },
  {
    name: 'slow 4G (150 ms RTT, 1.6 Mb/s down, 750 kb/s up), 4× CPU',
    network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
    cpuSlowdown: 4,
  },
];

export interface LoadResult {
  /** ms from navigation start to the first target seen in the viewport. */
  firstMs: number;
  /** The same instant, ms since the epoch. */
  firstAt: number;
  count: number;
  exchanges: Exchange[];
}

export async function coldLoad(
  browser: Browser,
  url: string,
  targets: readonly ProbeTarget[],
  probeSource: string,
  condition: Condition,
  timeoutMs: number,
): Promise<LoadResult> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setViewport({ width: 1280, height: 900 });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (condition.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...condition.network });
    if (condition.cpuSlowdown) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuSlowdown });

    // CDP stamps network events on a monotonic clock (s); requestWillBeSent also gives the wall
    // clock, which places them on the page's clock (performance.timeOrigin is epoch ms).
    let offset: number | undefined;
    const pending = new Map<string, Exchange>();
    const exchanges: Exchange[] = [];
    cdp.on('Network.requestWillBeSent', (e: Protocol.Network.RequestWillBeSentEvent) => {
      if (e.request.url.startsWith('data:')) return;
      offset ??= e.wallTime - e.timestamp;
      pending.set(e.requestId, { url: e.request.url, start: (e.timestamp + offset) * 1000, end: Infinity, encoded: 0, mime: '' });
    });
    cdp.on('Network.responseReceived', (e: Protocol.Network.ResponseReceivedEvent) => {
      const exchange = pending.get(e.requestId);
      if (exchange) exchange.mime = e.response.mimeType;
    });
    cdp.on('Network.loadingFinished', (e: Protocol.Network.LoadingFinishedEvent) => {
      const exchange = pending.get(e.requestId);
      if (!exchange || offset === undefined) return;
      exchange.end = (e.timestamp + offset) * 1000;
      exchange.encoded = e.encodedDataLength;
      exchanges.push(exchange);
    });

    await page.evaluateOnNewDocument(`${probeSource}\nsdiProbe.watch(${JSON.stringify(targets)});`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    try {
      await page.waitForFunction('window.sdiNavigationProbe !== undefined', { polling: 100, timeout: timeoutMs });
    } catch (error) {
      throw new Error(
        `${url}: nothing seen in ${timeoutMs / 1000} s (${String(error)}); page errors: ${errors.join('; ') || 'none'}`,
      );
    }
    const probe = (await page.evaluate('window.sdiNavigationProbe')) as ProbeResult;
    // Measured all the same (the target was seen), but a page that threw is not a clean run.
    if (errors.length > 0) console.warn(`  warning: ${url}: ${errors.join('; ')}`);
    return { firstMs: probe.firstMs, firstAt: probe.timeOrigin + probe.firstMs, count: probe.count, exchanges };
  } finally {
    await context.close();
  }
}
