/**
 * The widgets on a page with a strict Content-Security-Policy sent as a response header, Trusted
 * Types enforced (test/hostile-pages/csp/): the built bundle and the sources, reading a snapshot
 * or the live API. Each page is driven like a visitor would (a detail opened, a region chosen, a
 * map popup opened and closed; with `seo`, the list's JSON-LD block checked) and must report no
 * violation, no uncaught error and no refused resource. Canaries at the end prove that the policy was in force and the probe was listening, so
 * an empty report means something. Chromium and WebKit enforce Trusted Types; Firefox ESR the
 * rest of the policy (the test checks `window.trustedTypes` and says which applies).
 */
import { expect } from '@open-wc/testing';
import { readPoints, type SnapshotIndex, type SnapshotPointsFile } from '../../src/feed/snapshot-format.js';
import { testControl } from '../support/browser/support.js';

interface ProbeReport {
  kind: 'ready' | 'violation' | 'error' | 'rejection' | 'resource-error';
  trustedTypes?: boolean;
  directive?: string;
  sample?: string;
  [key: string]: unknown;
}

interface Page {
  win: Window & typeof globalThis;
  doc: Document;
  reports: ProbeReport[];
  trustedTypes: boolean;
}

interface LeafletMap {
  setView(at: [number, number], zoom: number, options: { animate: boolean }): unknown;
  getCenter(): { lat: number; lng: number };
  getZoom(): number;
}

interface MapElement extends HTMLElement {
  mapView?: { map: LeafletMap };
}

const problems = (page: Page) => page.reports.filter((r) => r.kind !== 'ready');
const cleanups: (() => void)[] = [];
/** The reports of the page being visited, named in every time-out: they usually say why. */
let current: ProbeReport[] = [];

async function until(check: () => unknown, what: string, timeout = 20000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeout) {
      throw new Error(
        `timed out waiting for ${what}; the page reported ${JSON.stringify(current.filter((r) => r.kind !== 'ready'))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function open(query: string): Promise<Page> {
  const iframe = document.createElement('iframe');
  // Pinned to the test page's viewport, whatever a previous test scrolled: the map draws only when seen.
  Object.assign(iframe.style, { position: 'fixed', top: '0', left: '0', width: '1000px', height: '1400px', border: '0' });
  const reports: ProbeReport[] = [];
  current = reports;
  const onMessage = (event: MessageEvent<{ sdiCspProbe?: ProbeReport }>) => {
    if (event.source === iframe.contentWindow && event.data?.sdiCspProbe) reports.push(event.data.sdiCspProbe);
  };
  window.addEventListener('message', onMessage);
  cleanups.push(() => {
    window.removeEventListener('message', onMessage);
    iframe.remove();
  });
  document.body.append(iframe);
  iframe.src = `/__csp/page.html?${query}`;
  await until(() => reports.some((r) => r.kind === 'ready'), 'the probe of the strict page');
  const ready = reports.find((r) => r.kind === 'ready') as ProbeReport;
  return {
    win: iframe.contentWindow as Window & typeof globalThis,
    doc: iframe.contentDocument as Document,
    reports,
    trustedTypes: ready.trustedTypes === true,
  };
}

function shadowOf(page: Page, tag: string): ShadowRoot {
  const root = page.doc.querySelector(tag)?.shadowRoot;
  if (!root) throw new Error(`${tag} has not rendered`);
  return root;
}

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Node | null | undefined) => squash(node?.textContent ?? '');

async function rendered(page: Page): Promise<void> {
  await until(
    () => page.win.customElements.get('sdi-event-list') && page.win.customElements.get('sdi-region-map'),
    'the elements',
  );
  const banner = () => shadowOf(page, 'sdi-edition-banner');
  await until(() => /\d+ événements/.test(text(banner())) && !banner().querySelector('.count.pending'), 'the banner count');
  await until(() => text(shadowOf(page, 'sdi-countdown')).length > 10, 'the countdown');
  const list = () => shadowOf(page, 'sdi-event-list');
  await until(() => list().querySelectorAll('[part~="card"]').length > 0, 'the list cards');
  await until(() => /\d/.test(text(list().querySelector('[part~="count"]'))), 'the list count');
  const map = () => shadowOf(page, 'sdi-region-map');
  await until(() => map().querySelector('.leaflet-container') && map().querySelector('.sdi-symbol-icon'), 'the map symbols');
  await until(() => map().querySelectorAll('[part~="region-button"]').length > 0, 'the region list');
  // height="420" is applied through the CSSOM, which style-src allows, not a style attribute.
  expect(getComputedStyle(map().querySelector('[part~="map"]')!).getPropertyValue('--_height').trim()).to.equal('420px');
  // The answer to Leaflet's inline-SVG probe (src/map/leaflet-svg-probe.ts) is gone once Leaflet is in.
  expect(Object.hasOwn(page.win.HTMLDivElement.prototype, 'innerHTML'), 'the page has its own innerHTML back').to.equal(false);
  // Event images are same-origin here (see routes.ts): the ones shown must load under img-src.
  // They are lazy, and this frame lies below the test page's fold: asked for now.
  const images = [...list().querySelectorAll('img')];
  expect(images.length, 'cards with an image').to.be.above(0);
  for (const image of images) image.loading = 'eager';
  await until(() => images.every((img) => img.complete && img.naturalWidth > 0), 'the card images to load');
}

/** The description goes through DOMPurify, then lit's unsafeHTML. */
async function openDetail(page: Page): Promise<void> {
  const list = shadowOf(page, 'sdi-event-list');
  list.querySelector<HTMLButtonElement>('[part~="card"] button.open')!.click();
  await until(() => list.querySelector('dialog')?.open, 'the detail dialog');
  await until(() => text(list.querySelector('dialog .description')).length > 20, 'the sanitised description');
  const description = list.querySelector('dialog .description') as HTMLElement;
  expect(description.children.length, 'the description is HTML, not text').to.be.above(0);
  list.querySelector('dialog')!.close();
  await until(() => !list.querySelector('dialog')?.open, 'the dialog to close');
}

interface JsonLdEvent {
  '@type'?: string;
  name?: string;
}

/**
 * The list's JSON-LD block (`seo`), once it names exactly the events of the cards: it is written at
 * idle, through the library's Trusted Types policy, and again whenever the cards change.
 */
async function jsonLdOfCards(page: Page, what: string): Promise<string[]> {
  const list = page.doc.querySelector('sdi-event-list') as HTMLElement;
  const cardTitles = () =>
    [...shadowOf(page, 'sdi-event-list').querySelectorAll('[part~="card-title"]')].map((node) => text(node));
  const block = () => list.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
  const names = (): string[] | undefined => {
    const script = block();
    if (!script) return undefined;
    return (JSON.parse(script.textContent ?? '') as JsonLdEvent[]).map((event) => squash(event.name ?? ''));
  };
  await until(() => {
    const found = names();
    const titles = cardTitles();
    // The same events; the order is the results' (cards are grouped by day), not checked here.
    return found !== undefined && titles.length > 0 && JSON.stringify([...found].sort()) === JSON.stringify([...titles].sort());
  }, what).catch((error: Error) => {
    throw new Error(`${error.message}; JSON-LD names ${JSON.stringify(names())}, cards ${JSON.stringify(cardTitles())}`);
  });
  const script = block() as HTMLScriptElement;
  expect(list.querySelectorAll('script').length, 'one JSON-LD block').to.equal(1);
  const data = JSON.parse(script.textContent ?? '') as JsonLdEvent[];
  expect(
    data.every((event) => event['@type'] === 'Event'),
    'schema.org Events',
  ).to.equal(true);
  expect(script.textContent, 'no "<" that could close the script element').to.not.contain('<');
  return names() ?? [];
}

/** Until the map has stopped moving for a moment (a region is framed with an animation). */
async function settled(map: LeafletMap): Promise<void> {
  let last = '';
  let still = 0;
  await until(() => {
    const now = `${map.getCenter().lat.toFixed(5)},${map.getCenter().lng.toFixed(5)},${map.getZoom()}`;
    still = now === last ? still + 1 : 0;
    last = now;
    return still >= 6;
  }, 'the map to settle');
}

/** A region chosen in the map's list (symbols redrawn, the grouped list filtered). */
async function pickRegion(page: Page): Promise<void> {
  const map = shadowOf(page, 'sdi-region-map');
  const before = text(shadowOf(page, 'sdi-event-list').querySelector('[part~="count"]'));
  const button = map.querySelector<HTMLButtonElement>('[part~="region-button"][data-region="84"]')!;
  button.click();
  await until(() => button.getAttribute('aria-pressed') === 'true', 'the region to be chosen');
  await until(
    () => text(shadowOf(page, 'sdi-event-list').querySelector('[part~="count"]')) !== before,
    'the list to follow the map',
  );
  await until(() => map.querySelector('.sdi-symbol-icon.is-selected, .sdi-cluster-icon, .sdi-marker-icon'), 'the map to redraw');
}

/** A popup built from feed data, and Leaflet's close button, at the last zoom on one event. */
async function openPopup(page: Page): Promise<void> {
  const index = (await (await fetch('/__csp/snapshot/index.json')).json()) as SnapshotIndex;
  const pointsFile = (await (
    await fetch(new URL((index.files.points as { path: string }).path, new URL('/__csp/snapshot/', location.href)))
  ).json()) as SnapshotPointsFile;
  const target = readPoints(pointsFile).find((p) => p.region === '84')!;
  const leaflet = (page.doc.querySelector('sdi-region-map') as MapElement).mapView!.map;
  const map = shadowOf(page, 'sdi-region-map');
  await settled(leaflet);
  leaflet.setView([target.lat, target.lng], 16, { animate: false });
  await settled(leaflet);
  // Markers are redrawn when more data arrives (live mode reads page after page): a click on one
  // just replaced is lost, as a visitor's would be, so the click is repeated on a fresh one.
  for (let attempt = 1; !map.querySelector('.sdi-popup'); attempt++) {
    await until(() => map.querySelector('.sdi-marker-icon, .sdi-cluster-icon'), 'a marker at the last zoom');
    map.querySelector<HTMLElement>('.sdi-marker-icon, .sdi-cluster-icon')!.click();
    await until(() => map.querySelector('.sdi-popup'), 'the popup', attempt < 5 ? 2000 : 20000).catch((error: Error) => {
      if (attempt >= 5) throw error;
    });
  }
  await until(() => map.querySelector('.sdi-popup-title'), 'the popup to fill').catch((error: Error) => {
    throw new Error(`${error.message}; popup: ${text(map.querySelector('.leaflet-popup-pane'))}`);
  });
  // Links to the event pages (OpenAgenda, from the feed): a new tab that cannot reach this page
  // (window.opener) nor learn its address (Referer).
  const links = [...map.querySelectorAll<HTMLAnchorElement>('.sdi-popup a')];
  expect(links.length, 'the popup links to the event page').to.be.above(0);
  for (const link of links) {
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
  }
  const close = map.querySelector<HTMLElement>('.leaflet-popup-close-button');
  expect(close, 'the popup has a close button').to.not.equal(null);
  expect(close!.getAttribute('aria-label')).to.equal('Fermer');
  close!.click();
  await until(() => !map.querySelector('.sdi-popup-title'), 'the popup to close');
}

/** Deliberate violations: the page's policy is in force and the probe hears it. */
async function canaries(page: Page): Promise<void> {
  const image = page.doc.createElement('img');
  image.src = 'http://127.0.0.1:9/canary.png';
  page.doc.body.append(image);
  await until(() => problems(page).some((r) => r.directive === 'img-src'), 'the img-src canary report');
  if (!page.trustedTypes) return;
  expect(() => {
    page.doc.createElement('div').innerHTML = '<b>canary</b>';
  }, 'Trusted Types refuse a string in innerHTML').to.throw();
  await until(() => problems(page).some((r) => r.directive === 'require-trusted-types-for'), 'the Trusted Types canary report');
}

async function visit(query: string): Promise<Page> {
  const page = await open(query);
  const seo = new URLSearchParams(query).get('seo') === '1';
  // Chromium has enforced Trusted Types for years: its absence would be a broken harness, not a pass.
  if (/Chrome\//.test(navigator.userAgent)) expect(page.trustedTypes, 'Chromium exposes Trusted Types').to.equal(true);
  await rendered(page);
  // With `seo`, the JSON-LD takes the library's policy first, and the description must then share
  // it: a second createPolicy('sdi-widgets') is refused where only the documented names are allowed.
  const first = seo ? await jsonLdOfCards(page, 'the JSON-LD of the first cards') : [];
  await openDetail(page);
  await pickRegion(page);
  if (seo) {
    const region = await jsonLdOfCards(page, "the JSON-LD of the region's cards");
    expect(region, 'the JSON-LD followed the region chosen').to.not.deep.equal(first);
  }
  await openPopup(page);
  // Late reports (a lazy image, an idle task) have a moment to arrive.
  await new Promise((r) => setTimeout(r, 300));
  expect(problems(page), `reports of ${query} (Trusted Types ${page.trustedTypes ? 'enforced' : 'not supported'})`).to.deep.equal(
    [],
  );
  await canaries(page);
  return page;
}

describe('strict Content-Security-Policy with Trusted Types enforced', function () {
  this.timeout(90_000);

  before(async () => {
    await testControl.reset();
    const bundle = await fetch('/dist/sdi-widgets.js', { method: 'HEAD', cache: 'no-store' });
    if (!bundle.ok) throw new Error('dist/sdi-widgets.js is missing: run `npm run build` before the browser tests');
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('the built bundle on a snapshot: every widget renders and is used without a violation', async () => {
    await visit('script=dist&source=snapshot');
  });

  it('the built bundle in live mode against the same-origin API', async () => {
    await visit('script=dist&source=live');
  });

  it('the sources on a snapshot (what the next build will ship)', async () => {
    await visit('script=src&source=snapshot');
  });

  it('the built bundle with the Trusted Types policy names restricted to the documented ones', async () => {
    await visit('script=dist&source=snapshot&tt=names');
  });

  it('the sources with the policy names restricted', async () => {
    await visit('script=src&source=snapshot&tt=names');
  });

  it('the built bundle with `seo`: the JSON-LD block is published through the Trusted Types policy', async () => {
    await visit('script=dist&source=snapshot&seo=1');
  });

  it('the built bundle with `seo` and the policy names restricted: one policy for JSON-LD and descriptions', async () => {
    await visit('script=dist&source=snapshot&seo=1&tt=names');
  });

  it('the sources with `seo` and the policy names restricted', async () => {
    await visit('script=src&source=snapshot&seo=1&tt=names');
  });
});
