/**
 * Screenshots of the widgets for the documentation, taken from a running demo (`npm start`):
 *
 *   node --import tsx scripts/screenshots.ts [--url http://localhost:8000] [--out docs/images]
 *                                            [--now 2026-11-09T10:00:00+01:00 | --now real]
 *
 * It starts no server: the demo must already run, so the pictures show exactly what a visitor of
 * the demo sees (the real bundle, the real snapshot). Headless Chromium from Debian's package, at
 * device scale 1 so each PNG stays small enough for a repository.
 *
 * The pages' clock is pinned by default to a week before the sample (15th, 2026) edition: run on
 * any other day, the countdown and the list would show another phase ("dates à venir", only the
 * last events), and the pictures would change from one run to the next.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 8000}` },
    out: { type: 'string', default: 'docs/images' },
    now: { type: 'string', default: '2026-11-09T10:00:00+01:00' },
  },
});

const pinnedNow = values.now === 'real' ? undefined : Date.parse(values.now ?? '');
if (pinnedNow !== undefined && Number.isNaN(pinnedNow)) {
  console.error(`--now: not a date: ${values.now}`);
  process.exit(2);
}

/**
 * Moves the page's clock to `epoch` (time still runs from there, so timers behave). Sent as source
 * text: a compiled function could carry helpers of the TypeScript loader the page does not have.
 */
function pinClock(epoch: number): string {
  return `(() => {
    const RealDate = Date;
    const offset = ${epoch} - RealDate.now();
    function PinnedDate(...args) {
      if (!new.target) return new RealDate(RealDate.now() + offset).toString();
      return args.length ? new RealDate(...args) : new RealDate(RealDate.now() + offset);
    }
    PinnedDate.prototype = RealDate.prototype;
    PinnedDate.now = () => RealDate.now() + offset;
    PinnedDate.parse = RealDate.parse;
    PinnedDate.UTC = RealDate.UTC;
    globalThis.Date = PinnedDate;
  })();`;
}

const base = new URL(values.url ?? 'http://localhost:8000');
const root = resolve(new URL('..', import.meta.url).pathname);
const outDir = resolve(root, values.out ?? 'docs/images');
const VIEWPORT = { width: 1280, height: 900, deviceScaleFactor: 1 };
/** A list or a long page is cut here: the top tells the story, the rest only weighs. */
const MAX_HEIGHT = 1400;
const SIZE_BUDGET = 300 * 1024;
const TIMEOUT_MS = 30_000;

/** True once the widget shows its data rather than a loading state (run in the page). */
type Ready = (element: Element) => boolean;

const bannerReady: Ready = (element) => {
  const shadow = element.shadowRoot;
  return Boolean(shadow?.querySelector('[part~="count"]') && !shadow.querySelector('.count.pending'));
};

const countdownReady: Ready = (element) => Boolean(element.shadowRoot?.querySelector('[part~="number"], [part~="message"]'));

const listReady: Ready = (element) => {
  const shadow = element.shadowRoot;
  if (!shadow?.querySelector('[part~="list"][aria-busy="false"] [part~="card"]')) return false;
  // Thumbnails come from the demo server: a half-loaded card would be a misleading picture. Only
  // those in the captured top count: lazy images further down never load in a still page.
  // (The 1400 is MAX_HEIGHT: this function runs in the page, without the script's constants.)
  const bottom = element.getBoundingClientRect().top + 1400;
  return [...shadow.querySelectorAll('img')]
    .filter((img) => img.getBoundingClientRect().top < bottom)
    .every((img) => img.complete && img.naturalWidth > 0);
};

const mapReady: Ready = (element) => {
  const shadow = element.shadowRoot;
  return Boolean(shadow?.querySelector('[part~="map"][aria-busy="false"]') && shadow.querySelector('[part~="region-button"]'));
};

async function open(browser: Browser, path: string, width = VIEWPORT.width): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ ...VIEWPORT, width });
  // Stable pictures: no motion (the countdown hides its seconds, the map does not animate), and
  // the dates as a French visitor reads them.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.emulateTimezone('Europe/Paris');
  if (pinnedNow !== undefined) await page.evaluateOnNewDocument(pinClock(pinnedNow));
  page.on('pageerror', (error) => console.warn(`  page error on ${path}: ${String(error)}`));
  page.on('response', (response) => {
    // The demo has no favicon; anything else missing would show in the pictures.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      console.warn(`  HTTP ${response.status()} for ${response.url()}`);
  });
  const response = await page.goto(new URL(path, base).href, { waitUntil: 'networkidle0', timeout: TIMEOUT_MS });
  if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status() ?? 'no response'}`);
  return page;
}

async function find(page: Page, selector: string, ready?: Ready): Promise<ElementHandle<Element>> {
  const element = await page.waitForSelector(selector, { timeout: TIMEOUT_MS });
  if (!element) throw new Error(`${selector} not found on ${page.url()}`);
  if (ready) {
    // In view first: lazy images and the map's first layout wait for visibility.
    await element.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    try {
      await page.waitForFunction(ready, { timeout: TIMEOUT_MS, polling: 100 }, element);
    } catch (error) {
      throw new Error(`${selector} never showed its data on ${page.url()}`, { cause: error });
    }
  }
  return element;
}

/** Lets layout, fonts and the last images settle before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  await new Promise((done) => setTimeout(done, 300));
}

async function shoot(element: ElementHandle<Element>, name: string): Promise<{ file: string; bytes: number }> {
  const box = await element.boundingBox();
  if (!box) throw new Error(`${name}: the element is not visible`);
  const clip = box.height > MAX_HEIGHT ? { x: 0, y: 0, width: box.width, height: MAX_HEIGHT } : undefined;
  const image = await element.screenshot({ type: 'png', ...(clip ? { clip } : {}) });
  const file = join(outDir, name);
  await writeFile(file, image);
  const { size } = await stat(file);
  return { file, bytes: size };
}

/** The map's box alone (the map and its legend, without the region list below it). */
async function mapBox(map: ElementHandle<Element>): Promise<ElementHandle<Element>> {
  const box = await map.evaluateHandle((el) => el.shadowRoot?.querySelector('[part~="map"]') ?? el);
  return box as ElementHandle<Element>;
}

/** Waits until the map has stopped moving (no zoom animation, the same view for a few frames). */
async function mapStill(page: Page): Promise<void> {
  await new Promise((done) => setTimeout(done, 600));
  await settle(page);
}

/** Chooses a region as a visitor would: its button, or the folded list on a narrow map. */
async function chooseRegion(map: ElementHandle<Element>, code: string): Promise<void> {
  await map.evaluate((el, region) => {
    const root = el.shadowRoot;
    const button = root?.querySelector<HTMLButtonElement>(`[part~="region-button"][data-region="${region}"]`);
    if (button && button.offsetParent !== null) return button.click();
    const select = root?.querySelector<HTMLSelectElement>('select');
    if (!select) throw new Error(`no way to choose region ${region}`);
    select.value = region;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, code);
}

/**
 * The base map's states (issue #15), wide and on a phone: France whole with its overseas insets,
 * a region chosen (its departments and their names), an overseas region chosen from its inset, and
 * the choropleth option with its legend.
 */
async function mapStates(browser: Browser, shots: Array<{ file: string; bytes: number }>): Promise<void> {
  for (const width of [1280, 375]) {
    // At its width from the start: the map frames France for the box it first has.
    const page = await open(browser, '/demo/', width);
    const map = await find(page, '#evenements sdi-region-map', mapReady);
    await mapStill(page);
    shots.push(await shoot(await mapBox(map), `map-national-${width}.png`));
    await chooseRegion(map, '84');
    await mapStill(page);
    shots.push(await shoot(await mapBox(map), `map-region-${width}.png`));
    await chooseRegion(map, '84');
    await mapStill(page);
    // The inset of La Réunion, clicked where a visitor would.
    const inset = await map.evaluateHandle((el) => el.shadowRoot?.querySelector('path.sdi-inset-region[data-region="04"]'));
    const target = inset.asElement() as ElementHandle<Element> | null;
    if (!target) throw new Error('no inset for La Réunion');
    await target.click();
    await mapStill(page);
    shots.push(await shoot(await mapBox(map), `map-overseas-${width}.png`));
    await page.close();
    // The choropleth on a fresh page, set before the map comes into view: France whole.
    const shaded = await open(browser, '/demo/', width);
    await shaded.$eval('#evenements sdi-region-map', (el) => el.setAttribute('mode', 'choropleth'));
    const choropleth = await find(shaded, '#evenements sdi-region-map', (el) =>
      Boolean(el.shadowRoot?.querySelector('[part~="map"][aria-busy="false"] .sdi-legend li')),
    );
    await mapStill(shaded);
    shots.push(await shoot(await mapBox(choropleth), `map-choropleth-${width}.png`));
    await shaded.close();
  }
}

async function main(): Promise<void> {
  try {
    await fetch(new URL('/demo/', base));
  } catch {
    console.error(`No demo at ${base.href}: start it first (npm start, or PORT=8130 npm start and --url).`);
    process.exit(2);
  }
  await mkdir(outDir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const shots: Array<{ file: string; bytes: number }> = [];
  try {
    const demo = await open(browser, '/demo/');
    const targets: Array<[string, string, Ready]> = [
      ['.top sdi-edition-banner', 'edition-banner.png', bannerReady],
      ['.top sdi-countdown', 'countdown.png', countdownReady],
      ['#evenements sdi-event-list', 'event-list.png', listReady],
      ['#evenements sdi-region-map', 'region-map.png', mapReady],
    ];
    for (const [selector, name, ready] of targets) {
      const element = await find(demo, selector, ready);
      await settle(demo);
      shots.push(await shoot(element, name));
    }
    await demo.close();
    await mapStates(browser, shots);

    // The configurator with a few options set, so the snippet shows what it is for.
    const configurator = await open(browser, '/demo/configurator.html');
    await find(configurator, '#sdi-cfg-banner-region');
    await configurator.select('#sdi-cfg-banner-region', '32');
    await configurator.type('#sdi-cfg-banner-href', 'https://www.example.org/agenda');
    await configurator.type('#sdi-cfg-banner-cta', 'Voir le programme');
    // Leaves the field so the preview is rebuilt now, not after the typing pause.
    await configurator.$eval('#sdi-cfg-banner-cta', (input) => input.dispatchEvent(new Event('change', { bubbles: true })));
    await find(configurator, '#sdi-cfg-preview sdi-edition-banner[region="32"][cta]', bannerReady);
    await configurator.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await settle(configurator);
    shots.push(await shoot(await find(configurator, 'main'), 'configurator.png'));
  } finally {
    await browser.close();
  }

  let over = false;
  for (const { file, bytes } of shots) {
    const flag = bytes > SIZE_BUDGET ? '  (over the 300 KB budget)' : '';
    over ||= Boolean(flag);
    console.log(`${relative(root, file)}  ${(bytes / 1024).toFixed(1)} KB${flag}`);
  }
  if (over) process.exitCode = 1;
}

await main();
