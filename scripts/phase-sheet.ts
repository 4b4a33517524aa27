/**
 * The picture sheet of issue #13: the demo's four widgets (banner, countdown, list, map) at one
 * instant per edition phase, taken from a running demo (`npm start`), as scripts/screenshots.ts
 * takes the README's pictures:
 *
 *   node --import tsx scripts/phase-sheet.ts [--url http://localhost:8000] [--out docs/images/phases]
 *
 * Writes <phase>-<widget>.png and docs/PHASES.md, the index a reviewer reads to check that the
 * four widgets tell one story in each phase. The demo's sample is the 15th edition (16–22 November
 * 2026). For "programme awaited" the page is given last year's index (the 14th edition recorded,
 * its days a year earlier), as a partner's page carries it before the next programme is out; only
 * the index is replaced, so the list's cards are still the 2026 sample's (the demo has no other).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 8000}` },
    out: { type: 'string', default: 'docs/images/phases' },
    index: { type: 'string', default: 'docs/PHASES.md' },
  },
});

interface Instant {
  phase: string;
  /** ISO instant with Paris's offset. */
  at: string;
  title: string;
  /** Serve last year's index instead of the sample's. */
  lastYear?: boolean;
}

const INSTANTS: readonly Instant[] = [
  { phase: 'programme-awaited', at: '2026-03-10T12:00:00+01:00', title: 'Programme attendu (10 mars 2026)', lastYear: true },
  { phase: 'week-ahead', at: '2026-11-09T10:00:00+01:00', title: 'Semaine à venir, programme publié (9 novembre 2026)' },
  { phase: 'under-way', at: '2026-11-18T10:00:00+01:00', title: 'Semaine en cours (18 novembre 2026)' },
  { phase: 'week-over', at: '2026-12-07T10:00:00+01:00', title: 'Semaine terminée (7 décembre 2026)' },
  { phase: 'off-season', at: '2027-05-15T12:00:00+02:00', title: 'Hors saison, prochaine édition non datée (15 mai 2027)' },
];

const WIDGETS: ReadonlyArray<[name: string, selector: string, ready: (element: Element) => boolean]> = [
  [
    'banner',
    '.top sdi-edition-banner',
    (el) => Boolean(el.shadowRoot?.querySelector('[part~="count"]') && !el.shadowRoot.querySelector('.pending')),
  ],
  ['countdown', '.top sdi-countdown', (el) => Boolean(el.shadowRoot?.querySelector('[part~="message"]'))],
  [
    'list',
    '#evenements sdi-event-list',
    (el) => {
      const shadow = el.shadowRoot;
      if (!shadow?.querySelector('[part~="list"][aria-busy="false"], [part~="empty"], [part~="edition-state"]')) return false;
      // Only the pictures in the captured top (900 px: MAX_HEIGHT, run in the page without it).
      const bottom = el.getBoundingClientRect().top + 900;
      return [...shadow.querySelectorAll('img')]
        .filter((img) => img.getBoundingClientRect().top < bottom)
        .every((img) => img.complete && img.naturalWidth > 0);
    },
  ],
  [
    'map',
    '#evenements sdi-region-map',
    (el) =>
      Boolean(
        el.shadowRoot?.querySelector('[part~="map"][aria-busy="false"]') && el.shadowRoot.querySelector('[part~="caption"]'),
      ),
  ],
];

const base = new URL(values.url ?? 'http://localhost:8000');
const root = resolve(new URL('..', import.meta.url).pathname);
const outDir = resolve(root, values.out ?? 'docs/images/phases');
const indexFile = resolve(root, values.index ?? 'docs/PHASES.md');
const VIEWPORT = { width: 1280, height: 900, deviceScaleFactor: 1 };
/** The top of a list tells its state; the rest only weighs. */
const MAX_HEIGHT = 900;
const TIMEOUT_MS = 30_000;
const WEEKS_52 = 364 * 24 * 60 * 60 * 1000;

/** Moves the page's clock to `epoch`, time still running (source text: see scripts/screenshots.ts). */
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

type IndexJson = { edition?: unknown; counts: { day: Record<string, number> } } & Record<string, unknown>;

/** The sample's index as last year's page would have it: the 14th edition, its days 52 weeks earlier. */
function lastYearIndex(index: IndexJson): IndexJson {
  const day = Object.fromEntries(
    Object.entries(index.counts.day).map(([key, n]) => [
      new Date(Date.parse(`${key}T00:00:00Z`) - WEEKS_52).toISOString().slice(0, 10),
      n,
    ]),
  );
  return {
    ...index,
    edition: { number: 14, year: 2025, start: '2025-11-17', end: '2025-11-23' },
    counts: { ...index.counts, day },
  };
}

async function serveLastYear(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (!/\/snapshot\/index\.json(\?|$)/.test(request.url())) {
      void request.continue();
      return;
    }
    void (async () => {
      const body = lastYearIndex((await (await fetch(request.url())).json()) as IndexJson);
      await request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    })();
  });
}

async function open(browser: Browser, instant: Instant): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.emulateTimezone('Europe/Paris');
  await page.evaluateOnNewDocument(pinClock(Date.parse(instant.at)));
  if (instant.lastYear) await serveLastYear(page);
  page.on('pageerror', (error) => console.warn(`  page error (${instant.phase}): ${String(error)}`));
  const response = await page.goto(new URL('/demo/', base).href, { waitUntil: 'networkidle0', timeout: TIMEOUT_MS });
  if (!response?.ok()) throw new Error(`/demo/: HTTP ${response?.status() ?? 'no response'}`);
  return page;
}

async function shoot(page: Page, selector: string, ready: (el: Element) => boolean, file: string): Promise<number> {
  const element = (await page.waitForSelector(selector, { timeout: TIMEOUT_MS })) as ElementHandle<Element> | null;
  if (!element) throw new Error(`${selector} not found`);
  await element.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForFunction(ready, { timeout: TIMEOUT_MS, polling: 100 }, element);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  await new Promise((done) => setTimeout(done, 300));
  const box = await element.boundingBox();
  if (!box) throw new Error(`${selector}: not visible`);
  const clip = box.height > MAX_HEIGHT ? { x: 0, y: 0, width: box.width, height: MAX_HEIGHT } : undefined;
  await writeFile(file, await element.screenshot({ type: 'png', ...(clip ? { clip } : {}) }));
  return (await stat(file)).size;
}

/** The texts the pictures show, so the index can be read (and diffed) without opening them. */
async function texts(page: Page): Promise<Record<string, string>> {
  // Source text: a compiled function would carry the TypeScript loader's helpers (__name).
  return page.evaluate(`(() => {
    const read = (selector, inner) =>
      (document.querySelector(selector)?.shadowRoot?.querySelector(inner)?.textContent ?? '').replace(/\\s+/g, ' ').trim();
    return {
      banner: read('.top sdi-edition-banner', 'section .text'),
      countdown: read('.top sdi-countdown', '.body'),
      list: read('#evenements sdi-event-list', '[part~="edition-state"]') || read('#evenements sdi-event-list', '[part~="count"]'),
      map: read('#evenements sdi-region-map', '[part~="caption"]'),
    };
  })()`) as Promise<Record<string, string>>;
}

async function main(): Promise<void> {
  try {
    await fetch(new URL('/demo/', base));
  } catch {
    console.error(`No demo at ${base.href}: start it first (npm start, or PORT=8130 npm start and --url).`);
    process.exit(2);
  }
  await mkdir(outDir, { recursive: true });
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const lines = [
    '# Les quatre widgets au fil de l’année',
    '',
    'Planche générée par `scripts/phase-sheet.ts` depuis la démo (`npm start`), une date par phase de',
    'l’édition (issue #13). L’échantillon de la démo est la 15e édition (16–22 novembre 2026). Pour',
    '« programme attendu », la page reçoit l’index de l’an dernier (14e édition) : seul l’index est',
    'remplacé, les cartes de la liste restent celles de l’échantillon 2026.',
    '',
    '_The picture sheet of the four widgets in each phase of the edition, generated from the demo._',
    '',
  ];
  let total = 0;
  try {
    for (const instant of INSTANTS) {
      const page = await open(browser, instant);
      lines.push(`## ${instant.title}`, '', `Phase \`${instant.phase}\`, horloge ${instant.at}.`, '');
      for (const [name, selector, ready] of WIDGETS) {
        const file = join(outDir, `${instant.phase}-${name}.png`);
        const bytes = await shoot(page, selector, ready, file);
        total += bytes;
        console.log(`${relative(root, file)}  ${(bytes / 1024).toFixed(1)} KB`);
      }
      const shown = await texts(page);
      lines.push('| widget | ce qu’il dit |', '|---|---|');
      for (const [name, text] of Object.entries(shown)) lines.push(`| ${name} | ${text.replace(/\|/g, '\\|')} |`);
      lines.push('');
      const link = (name: string) =>
        `![${name}](${relative(resolve(indexFile, '..'), join(outDir, `${instant.phase}-${name}.png`))})`;
      lines.push(`| ${link('banner')} | ${link('countdown')} |`, '|---|---|', `| ${link('list')} | ${link('map')} |`, '');
      await page.close();
    }
  } finally {
    await browser.close();
  }
  await writeFile(indexFile, `${lines.join('\n')}\n`);
  console.log(`${relative(root, indexFile)}; ${(total / 1024).toFixed(0)} KB of pictures`);
}

await main();
