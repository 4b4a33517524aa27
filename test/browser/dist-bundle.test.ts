/**
 * The built script-tag bundle itself, as a partner uses it: a plain HTML page with only
 * `<script type="module" src="…/dist/sdi-widgets.js">` (pasted twice, as happens in CMSs) and
 * elements placed by attributes. Runs in every engine; needs `npm run build` first (CI builds
 * before testing), and says so instead of passing when dist/ is missing.
 */
import { expect } from '@open-wc/testing';
import { pollUntil, shadowText } from '../support/browser/support.js';

const BUNDLE = '/dist/sdi-widgets.js';

async function bundleBuilt(): Promise<boolean> {
  const response = await fetch(BUNDLE, { method: 'HEAD', cache: 'no-store' });
  return response.ok;
}

function page(body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="sdi:src" content="/snapshot/">
<script type="module" src="${BUNDLE}"></script>
<script type="module" src="${BUNDLE}"></script>
</head><body>${body}</body></html>`;
}

interface Frame {
  window: Window & typeof globalThis;
  document: Document;
  errors: unknown[];
}

async function load(body: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1000px';
  iframe.style.height = '900px';
  document.body.append(iframe);
  const errors: unknown[] = [];
  await new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.srcdoc = page(body);
  });
  const win = iframe.contentWindow as Window & typeof globalThis;
  win.addEventListener('error', (event) => errors.push(event.error ?? event.message));
  win.addEventListener('unhandledrejection', (event) => errors.push(event.reason));
  return { window: win, document: iframe.contentDocument!, errors };
}

describe('dist/sdi-widgets.js on a plain page', () => {
  before(async () => {
    if (!(await bundleBuilt())) {
      throw new Error('dist/sdi-widgets.js is missing: run `npm run build` before the browser tests');
    }
  });

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('registers and renders the banner, the countdown and the list from the snapshot, loaded twice without error', async () => {
    const frame = await load(`
      <sdi-edition-banner number="12"></sdi-edition-banner>
      <sdi-countdown edition="15"></sdi-countdown>
      <sdi-event-list region="84" past></sdi-event-list>`);
    const { document: doc, window: win } = frame;
    await pollUntil(() => Boolean(win.customElements.get('sdi-event-list')), 'the list to register');
    await pollUntil(() => shadowText(doc.querySelector('sdi-edition-banner')).includes('12 événements'), 'the banner');
    await pollUntil(() => shadowText(doc.querySelector('sdi-countdown')).length > 10, 'the countdown');
    await pollUntil(
      () => Boolean(doc.querySelector('sdi-event-list')?.shadowRoot?.querySelector('[part~="card"]')),
      'the list cards',
    );
    expect(frame.errors).to.deep.equal([]);
    const scripts = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(
      scripts.some((name) => /map-view/.test(name)),
      'a page without a map never loads Leaflet',
    ).to.equal(false);
    expect(scripts.some((name) => /sdi-region-map/.test(name))).to.equal(false);
  });

  it('loads the map code only on a page with a map', async () => {
    const frame = await load('<sdi-region-map height="400"></sdi-region-map>');
    const { document: doc, window: win } = frame;
    await pollUntil(
      () => Boolean(doc.querySelector('sdi-region-map')?.shadowRoot?.querySelector('.leaflet-container')),
      'the map',
    );
    const names = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(names.some((name) => /map-view/.test(name))).to.equal(true);
    expect(frame.errors).to.deep.equal([]);
  });

  it('shows a fallback link placed inside an element only until the element renders', async () => {
    const frame = await load(
      '<sdi-edition-banner number="5"><a id="fallback" href="https://openagenda.com/">Voir les événements</a></sdi-edition-banner>',
    );
    const { document: doc } = frame;
    const banner = doc.querySelector('sdi-edition-banner')!;
    await pollUntil(() => shadowText(banner).includes('5 événements'), 'the banner');
    // No <slot> in the shadow root: light-DOM children are not rendered once the element is.
    expect(doc.getElementById('fallback')!.getClientRects().length).to.equal(0);
  });

  it('picks up elements a CMS adds after load', async () => {
    const frame = await load('<p>vide</p>');
    const { document: doc, window: win } = frame;
    await new Promise((r) => setTimeout(r, 200));
    expect(win.customElements.get('sdi-edition-banner')).to.equal(undefined);
    const banner = doc.createElement('sdi-edition-banner');
    banner.setAttribute('number', '3');
    doc.body.append(banner);
    await pollUntil(() => shadowText(banner).includes('3 événements'), 'the added banner');
  });
});
