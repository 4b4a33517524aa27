/**
 * #16's acceptance for `--images mirror`: a snapshot of the sample edition (200 events) built by
 * the real CLI with its images mirrored, shown by the demo page's widgets (map, banner, countdown,
 * list) on a page whose policy allows images from the page's own host only (`img-src 'self'`, as
 * a response header: test/support/mirror-routes.ts).
 * Cards with a thumbnail are scrolled into view and an event's detail is opened, as a visitor
 * would; then every request the page made (Resource Timing) must be to its own origin, no policy
 * violation may have fired, and the images must have loaded. A canary at the end proves the
 * policy was in force and the probe listening, so the empty report means something.
 */
import { expect } from '@open-wc/testing';

interface ProbeReport {
  kind: 'ready' | 'violation' | 'error' | 'rejection' | 'resource-error';
  directive?: string;
  blocked?: string;
  [key: string]: unknown;
}

let reports: ProbeReport[] = [];
let frame: HTMLIFrameElement | undefined;
let onMessage: ((event: MessageEvent<{ sdiCspProbe?: ProbeReport }>) => void) | undefined;

async function until(check: () => unknown, what: string, timeout = 30000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeout) {
      throw new Error(
        `timed out waiting for ${what}; the page reported ${JSON.stringify(reports.filter((r) => r.kind !== 'ready'))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(() => {
  if (onMessage) window.removeEventListener('message', onMessage);
  frame?.remove();
});

const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;

describe("--images mirror: the page loads images from its own host only, under img-src 'self'", function () {
  // The first request builds the mirrored snapshot (200 events, their pictures drawn and resized).
  this.timeout(180000);

  it('shows the cards’ thumbnails and a detail image with no request elsewhere and no violation', async () => {
    frame = document.createElement('iframe');
    // As tall as the strict-CSP test's frame: in a 900 px one WebKit never showed the list's cards.
    Object.assign(frame.style, { position: 'fixed', top: '0', left: '0', width: '1000px', height: '1400px', border: '0' });
    reports = [];
    const mine = reports;
    onMessage = (event) => {
      if (event.source === frame?.contentWindow && event.data?.sdiCspProbe) mine.push(event.data.sdiCspProbe);
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
    frame.src = '/__mirror/page.html';
    await until(() => reports.some((r) => r.kind === 'ready'), 'the probe of the page', 170000);
    const win = frame.contentWindow as Window & typeof globalThis;
    // Room for every entry: a full buffer would silently drop later requests from the check.
    win.performance.setResourceTimingBufferSize(100000);
    const observed: string[] = [];
    new win.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) observed.push(entry.name);
    }).observe({ type: 'resource', buffered: true });

    await until(() => win.customElements.get('sdi-event-list'), 'the element');
    const host = win.document.querySelector('sdi-event-list') as HTMLElement;
    const list = () => host.shadowRoot as ShadowRoot;
    await until(() => list().querySelectorAll('[part~="card"]').length >= 20, 'the cards');
    // The demo page's other widgets, drawn before the requests are checked.
    const map = () => win.document.querySelector('sdi-region-map')?.shadowRoot;
    await until(() => map()?.querySelector('.leaflet-container') && map()?.querySelector('.sdi-symbol-icon'), 'the map symbols');
    await until(() => /\d/.test(win.document.querySelector('sdi-edition-banner')?.shadowRoot?.textContent ?? ''), 'the banner');

    const thumbs = [...list().querySelectorAll<HTMLImageElement>('[part~="thumbnail"] img')];
    expect(thumbs.length, 'cards with a thumbnail').to.be.at.least(5);
    for (const img of thumbs) {
      expect(img.getAttribute('src'), 'a mirrored card image').to.match(
        /\/__mirror\/snapshot\/images\/card\.[0-9a-f]{16}\.webp$/,
      );
      img.scrollIntoView({ block: 'center' });
      await until(() => loaded(img), `the thumbnail ${img.src}`);
    }

    const card = thumbs[0]!.closest('[part~="card"]') as HTMLElement;
    card.querySelector<HTMLButtonElement>('button.open')!.click();
    await until(() => list().querySelector('dialog')?.open, 'the detail dialog');
    await until(() => list().querySelector('dialog .detail-image img'), 'the detail image');
    const detail = list().querySelector<HTMLImageElement>('dialog .detail-image img')!;
    expect(detail.getAttribute('src')).to.match(/\/__mirror\/snapshot\/images\/detail\.[0-9a-f]{16}\.webp$/);
    detail.scrollIntoView({ block: 'center' });
    await until(() => loaded(detail), 'the detail image to load');

    const origin = win.location.origin;
    const requests = [...new Set([...observed, ...win.performance.getEntriesByType('resource').map((e) => e.name)])];
    const webp = requests.filter((name) => /\/images\/(card|detail)\.[0-9a-f]{16}\.webp$/.test(name));
    expect(webp.length, 'the images were seen by Resource Timing').to.be.at.least(thumbs.length + 1);
    expect(
      requests.filter((name) => new URL(name).origin !== origin),
      'requests outside the page’s host',
    ).to.deep.equal([]);
    expect(
      reports.filter((r) => r.kind !== 'ready'),
      'violations, errors, refused resources',
    ).to.deep.equal([]);

    // Canary: an image from elsewhere is refused and reported, so the checks above could fail.
    const canary = win.document.createElement('img');
    canary.src = 'http://127.0.0.1:9/canary.png';
    win.document.body.append(canary);
    await until(
      () => reports.some((r) => r.kind === 'violation' && String(r.blocked).includes('canary')),
      'the canary’s violation',
    );
    expect(reports.find((r) => r.kind === 'violation')?.directive).to.equal('img-src');
  });
});
