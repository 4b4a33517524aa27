// A @web/test-runner server command that measures the page through the DevTools protocol: a full
// garbage collection, then the live DOM counters (documents, nodes, JS event listeners) and the
// JavaScript heap. Tests call it with executeServerCommand('sdi-memory'); leaks.test.ts compares
// the numbers after 100 and after 1,000 mounts of a widget.
//
// Only Chromium speaks CDP here. Firefox also runs under puppeteer (same launcher, same
// session.browser.type), but over WebDriver BiDi, where createCDPSession() throws puppeteer's
// UnsupportedOperation (checked with puppeteer-core 24 and Firefox ESR); WebKit runs
// under WebDriver. Both get `{ supported: false }` and the test keeps to its own instrumentation.

/** Chromium's launcher is named 'Chromium' (or 'Chrome'); puppeteer's Firefox is 'Firefox'. */
function isChromium(session) {
  const browser = session.browser;
  return browser?.type === 'puppeteer' && /^(chromium|chrome)$/i.test(browser.name ?? '');
}

async function measure(page) {
  const client = await page.createCDPSession();
  try {
    // Twice: objects freed by the first collection (finalizers, weak callbacks) can release more.
    await client.send('HeapProfiler.collectGarbage');
    await client.send('HeapProfiler.collectGarbage');
    const dom = await client.send('Memory.getDOMCounters');
    const heap = await client.send('Runtime.getHeapUsage');
    return {
      supported: true,
      documents: dom.documents,
      nodes: dom.nodes,
      jsEventListeners: dom.jsEventListeners,
      heapUsed: heap.usedSize,
      heapTotal: heap.totalSize,
    };
  } finally {
    await client.detach().catch(() => undefined);
  }
}

export function cdpPlugin() {
  return {
    name: 'sdi-cdp-memory',
    async executeCommand({ command, payload, session }) {
      // The page cannot read the environment: SDI_LEAK_MOUNTS=1000 gives every widget the issue's
      // full thousand mounts in every engine, beyond the budget of `npm test`.
      // (An object: the runner takes null or undefined for "not mine" and asks the next plugin.)
      if (command === 'sdi-leak-mounts') return { mounts: Number(process.env.SDI_LEAK_MOUNTS) || null };
      // The visitor's time zone (year-round.test.ts: a Martinique visitor during the week). Kept on
      // the page until set again (`zone: null` restores the machine's); Chromium only, like memory.
      if (command === 'sdi-timezone') {
        if (!isChromium(session)) return { supported: false, browser: session.browser?.name ?? 'unknown' };
        await session.browser.getPage(session.id).emulateTimezone(payload?.zone ?? undefined);
        return { supported: true };
      }
      if (command !== 'sdi-memory') return undefined;
      if (!isChromium(session)) return { supported: false, browser: session.browser?.name ?? 'unknown' };
      try {
        return await measure(session.browser.getPage(session.id));
      } catch (error) {
        // Should another puppeteer browser get past the name check, its UnsupportedOperation means
        // "no CDP here"; any other failure is a broken set-up and fails the test.
        if (error?.name === 'UnsupportedOperation') return { supported: false, browser: session.browser.name };
        throw error;
      }
    },
  };
}
