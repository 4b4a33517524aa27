/**
 * Layout shift as a partner page sees it: the built script-tag bundle (dist/, as pasted) loads a
 * banner, a countdown, a list and a map (tiles="none") on a plain page, each followed by the
 * page's own content. A widget must not push that content when its code or its data arrives.
 *
 * The page holds back every `customElements.define` until the test releases it: the tags are
 * first painted undefined, exactly as when the lazy chunks arrive late on a slow network, and the
 * snapshot answers late too, so the loading renders are painted before the data. Layout-shift
 * entries exist in Chromium only (the Layout Instability API): the score is checked there; in
 * every engine the test checks that each undefined tag already has a box.
 *
 * The bundle's tag carries `blocking="render"` (honoured by Chromium), so that the frame is not
 * painted before the loader runs: a page painted before the loader arrives shows 0 px tags whatever
 * the widgets do (measured here without it: 0.34 at 360 px when that race is lost). The "late
 * loader" cases lose that race on purpose (the script tag is inserted only once a frame has been
 * painted) and check what docs/CMS.md tells partners to add for it: the stylesheet the build
 * writes beside the loader (dist/sdi-widgets.css), which keeps the space from the first paint.
 *
 * Needs `npm run build` first, as dist-bundle.test.ts.
 */
import { expect } from '@open-wc/testing';
import { pollUntil, shadowText, testControl } from '../support/browser/support.js';

const BUNDLE = '/dist/sdi-widgets.js';
const SHEET = '/dist/sdi-widgets.css';
const TAGS = ['sdi-edition-banner', 'sdi-countdown', 'sdi-region-map', 'sdi-event-list'] as const;
/** Lighthouse's "good" CLS is under 0.1; the widgets together must stay far below it. */
const BUDGET = 0.02;
const LAYOUT_SHIFT =
  typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('layout-shift');

interface Shift {
  value: number;
  sources: string[];
}

interface ProbeWindow extends Window {
  sdiShifts: Shift[];
  sdiHeld: string[];
  sdiRelease: () => void;
  /** With a late loader: the tags' heights in the frame painted before the loader was inserted. */
  sdiBeforeLoader?: Record<string, number>;
}

interface PageOptions {
  partnerCss?: string;
  /** Links dist/sdi-widgets.css in the head, as docs/CMS.md recommends. */
  sheet?: boolean;
  /**
   * Inserts the loader's script tag only after a frame has been painted (the second animation
   * frame after DOMContentLoaded), as a slow network delivers a deferred module: no `blocking`.
   */
  late?: boolean;
}

/**
 * The page's first script: records layout shifts (buffered, so none is missed before the
 * observer starts) and holds element definitions until released. Inline: this test page has no
 * CSP (the strict page is csp-trusted-types.test.ts).
 */
const PROBE = `
window.sdiShifts = [];
const label = (node) => {
  if (!node) return '?';
  const host = node.getRootNode && node.getRootNode().host;
  const name = node.nodeType === 1 ? node.localName + (node.id ? '#' + node.id : '') : '#text';
  return host ? host.localName + ' > ' + name : name;
};
if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).includes('layout-shift')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.sdiShifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => label(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
window.sdiHeld = [];
const held = [];
const define = customElements.define.bind(customElements);
customElements.define = (tag, ctor, options) => {
  window.sdiHeld.push(tag);
  held.push(() => define(tag, ctor, options));
};
window.sdiRelease = () => {
  customElements.define = define;
  for (const run of held.splice(0)) run();
};
`;

/** Inserts the loader once the first frame is painted, noting the heights that frame showed. */
const LATE_LOADER = `
document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => requestAnimationFrame(() => {
  window.sdiBeforeLoader = Object.fromEntries(${JSON.stringify(TAGS)}.map((tag) =>
    [tag, Math.round(document.querySelector(tag).getBoundingClientRect().height)]));
  const script = document.createElement('script');
  script.type = 'module';
  script.src = '${BUNDLE}';
  document.head.append(script);
})));
`;

function page({ partnerCss = '', sheet = false, late = false }: PageOptions = {}): string {
  const after = (what: string) => `<p class="after" id="after-${what}">Le contenu de la page, sous le widget (${what}).</p>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="sdi:src" content="/snapshot/">
${sheet ? `<link rel="stylesheet" href="${SHEET}">` : ''}
<style>body { margin: 0; padding: 0 8px; font: 16px/1.5 sans-serif; } .after { margin: 0; padding: 8px 0; } ${partnerCss}</style>
<script>${PROBE}</script>
${late ? `<script>${LATE_LOADER}</script>` : `<script type="module" blocking="render" src="${BUNDLE}"></script>`}
</head><body>
<sdi-edition-banner region="32" href="#programme"></sdi-edition-banner>${after('banner')}
<sdi-countdown edition="15" href="#programme"></sdi-countdown>${after('countdown')}
<sdi-event-list region="84" past page-size="6"></sdi-event-list>${after('list')}
<sdi-region-map tiles="none" height="300"></sdi-region-map>${after('map')}
</body></html>`;
}

interface Loaded {
  win: ProbeWindow & typeof globalThis;
  doc: Document;
  /** Heights of the undefined tags, once the loader has run and before any definition. */
  undefinedHeights: Record<string, number>;
  /** Heights in the frame after the definitions (the loading renders), and at the end. */
  loadingHeights: Record<string, number>;
  finalHeights: Record<string, number>;
  shifts: Shift[];
  /** With a late loader: the heights painted before the loader ran. */
  beforeLoader?: Record<string, number>;
}

const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function load(width: number, height: number, options: PageOptions = {}): Promise<Loaded> {
  const iframe = document.createElement('iframe');
  // Fixed and in view: Chromium does not render (nor report shifts in) an off-screen frame.
  Object.assign(iframe.style, {
    position: 'fixed',
    top: '0',
    left: '0',
    width: `${width}px`,
    height: `${height}px`,
    border: '0',
  });
  document.body.append(iframe);
  await new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.srcdoc = page(options);
  });
  const win = iframe.contentWindow as ProbeWindow & typeof globalThis;
  const doc = iframe.contentDocument!;
  // The loader ran and every chunk arrived: their definitions are held.
  await pollUntil(() => TAGS.every((tag) => win.sdiHeld.includes(tag)), 'the four chunks to arrive');
  await frames();
  const heights = () =>
    Object.fromEntries(TAGS.map((tag) => [tag, Math.round(doc.querySelector(tag)!.getBoundingClientRect().height)]));
  for (const tag of TAGS) expect(win.customElements.get(tag), `${tag} is still undefined`).to.equal(undefined);
  const undefinedHeights = heights();
  win.sdiRelease();
  await frames();
  const loadingHeights = heights();
  const banner = doc.querySelector('sdi-edition-banner');
  const list = doc.querySelector('sdi-event-list');
  const map = doc.querySelector('sdi-region-map');
  await pollUntil(
    () => /\d+ événements/.test(shadowText(banner)) && !banner?.shadowRoot?.querySelector('.count.pending'),
    'the banner count',
  );
  await pollUntil(() => shadowText(doc.querySelector('sdi-countdown')).length > 10, 'the countdown');
  await pollUntil(() => Boolean(list?.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"])')), 'the list cards');
  // Last on the page, below the fold: it renders its frame but draws only when scrolled to.
  await pollUntil(() => Boolean(map?.shadowRoot?.querySelector('[part~="map"]')), 'the map frame');
  // Late effects (the list's count line, the map's fit) land within a few frames.
  await new Promise((r) => setTimeout(r, 800));
  await frames();
  return {
    win,
    doc,
    undefinedHeights,
    loadingHeights,
    finalHeights: heights(),
    shifts: [...win.sdiShifts],
    ...(win.sdiBeforeLoader ? { beforeLoader: win.sdiBeforeLoader } : {}),
  };
}

/** Sums by source node, as Lighthouse attributes them (an entry counts for each node it moved). */
function bySource(shifts: Shift[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const shift of shifts) {
    for (const source of new Set(shift.sources)) sums[source] = Number(((sums[source] ?? 0) + shift.value).toFixed(4));
  }
  return sums;
}

/** The strict-CSP page (test/hostile-pages/csp) with the built bundle, loaded in a frame; `violations` reads its probe. */
async function openStrictPage(): Promise<{ doc: Document; win: Window & typeof globalThis; violations: () => unknown[] }> {
  const iframe = document.createElement('iframe');
  Object.assign(iframe.style, { position: 'fixed', top: '0', left: '0', width: '1000px', height: '800px', border: '0' });
  document.body.append(iframe);
  await new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.src = '/__csp/page.html?script=dist';
  });
  const win = iframe.contentWindow as Window & typeof globalThis;
  const reports = () => (win as unknown as { __sdiCspReports: { kind: string; directive?: string }[] }).__sdiCspReports;
  return { doc: iframe.contentDocument!, win, violations: () => reports().filter((r) => r.kind === 'violation') };
}

describe('layout shift of the widgets on a partner page (dist/sdi-widgets.js)', function () {
  this.timeout(60000);

  before(async () => {
    const response = await fetch(BUNDLE, { method: 'HEAD', cache: 'no-store' });
    if (!response.ok) throw new Error('dist/sdi-widgets.js is missing: run `npm run build` before the browser tests');
    await testControl.reset();
  });

  beforeEach(async () => {
    await testControl.reset();
    // The data arrives after the loading renders are painted, as on a real network.
    await testControl.snapshotFault({ match: '/snapshot/', delayMs: 400 });
  });

  afterEach(async () => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    await testControl.reset();
  });

  for (const [width, height] of [
    [360, 800],
    [1000, 800],
  ] as const) {
    it(`at ${width} px wide, every undefined tag has a box and nothing moves the page (< ${BUDGET} in Chromium)`, async () => {
      const { undefinedHeights, loadingHeights, finalHeights, shifts } = await load(width, height);
      const total = Number(shifts.reduce((sum, s) => sum + s.value, 0).toFixed(4));
      // The numbers, for the report and for whoever tunes the reservations.
      console.log(
        `layout shift at ${width} px: total ${total}`,
        JSON.stringify(bySource(shifts)),
        '\n  heights undefined',
        JSON.stringify(undefinedHeights),
        '\n  loading',
        JSON.stringify(loadingHeights),
        '\n  final',
        JSON.stringify(finalHeights),
      );
      for (const tag of TAGS) expect(undefinedHeights[tag], `height of the undefined <${tag}>`).to.be.above(0);
      if (!LAYOUT_SHIFT) {
        console.log(`layout shift score not checked in ${navigator.userAgent}: no layout-shift entries (Chromium only)`);
        return;
      }
      expect(total, `layout shift ${JSON.stringify(bySource(shifts))}`).to.be.below(BUDGET);
    });
  }

  for (const [width, height] of [
    [360, 800],
    [1000, 800],
  ] as const) {
    it(`at ${width} px wide, with dist/sdi-widgets.css linked, a loader run after the first paint moves nothing (< ${BUDGET} in Chromium)`, async () => {
      const { beforeLoader, undefinedHeights, shifts } = await load(width, height, { sheet: true, late: true });
      const total = Number(shifts.reduce((sum, s) => sum + s.value, 0).toFixed(4));
      console.log(
        `late loader with the stylesheet at ${width} px: total ${LAYOUT_SHIFT ? total : 'not measured (no layout-shift entries)'}`,
        JSON.stringify(bySource(shifts)),
        '\n  heights before the loader',
        JSON.stringify(beforeLoader),
        '\n  after it',
        JSON.stringify(undefinedHeights),
      );
      expect(beforeLoader, 'heights noted before the loader was inserted').to.be.an('object');
      for (const tag of TAGS) expect(beforeLoader![tag], `height of <${tag}> painted before the loader`).to.be.above(0);
      // One table for the file and the loader: running the loader changes no height, except the
      // map's, whose `height` attribute static CSS cannot read.
      for (const tag of TAGS.filter((t) => t !== 'sdi-region-map')) {
        expect(undefinedHeights[tag], `<${tag}> before and after the loader`).to.equal(beforeLoader![tag]);
      }
      if (!LAYOUT_SHIFT) return;
      expect(total, `layout shift ${JSON.stringify(bySource(shifts))}`).to.be.below(BUDGET);
    });

    it(`at ${width} px wide, without the stylesheet, the same late loader moves the page (what the case above guards)`, async () => {
      const { beforeLoader, undefinedHeights, shifts } = await load(width, height, { late: true });
      const total = Number(shifts.reduce((sum, s) => sum + s.value, 0).toFixed(4));
      console.log(
        `late loader without the stylesheet at ${width} px: total ${LAYOUT_SHIFT ? total : 'not measured (no layout-shift entries)'}`,
        '\n  heights before the loader',
        JSON.stringify(beforeLoader),
        '\n  after it',
        JSON.stringify(undefinedHeights),
      );
      // An undefined tag is an empty inline box until the loader's sheet arrives: a line at most.
      for (const tag of TAGS)
        expect(beforeLoader![tag], `height of <${tag}> painted before the loader`).to.be.below(undefinedHeights[tag]! / 2);
      if (!LAYOUT_SHIFT) return;
      expect(total, 'layout shift without the stylesheet').to.be.above(BUDGET);
    });
  }

  for (const sheet of [false, true]) {
    it(`the partner's own CSS wins over the reservation, whatever its specificity${sheet ? ', with dist/sdi-widgets.css linked' : ''}`, async () => {
      const { undefinedHeights } = await load(1000, 800, {
        sheet,
        partnerCss: 'sdi-countdown { min-height: 300px } sdi-event-list:not(:defined) { min-height: 100px }',
      });
      expect(undefinedHeights['sdi-countdown']).to.equal(300);
      expect(undefinedHeights['sdi-event-list']).to.equal(100);
    });
  }

  it('reserves the space on the strict-CSP page too (adopted sheet, no <style>)', async () => {
    const { doc, win, violations } = await openStrictPage();
    await pollUntil(() => Boolean(win.customElements.get('sdi-countdown')), 'the countdown');
    const rules = doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(rules).to.contain('sdi-event-list:not(:defined)');
    // csp-trusted-types.test.ts checks that this page reports no violation.
    expect(violations()).to.deep.equal([]);
  });

  it("links dist/sdi-widgets.css on the strict-CSP page without a violation (style-src 'self')", async () => {
    const { doc, violations } = await openStrictPage();
    // Added to the page's head, the stylesheet is fetched under the page's policy, as a <link>
    // typed in the head would be.
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = SHEET;
    const outcome = new Promise<string>((resolve) => {
      link.addEventListener('load', () => resolve('load'), { once: true });
      link.addEventListener('error', () => resolve('error'), { once: true });
    });
    doc.head.append(link);
    expect(await outcome, 'the stylesheet loads').to.equal('load');
    expect([...link.sheet!.cssRules].map((rule) => rule.cssText).join('\n')).to.contain('sdi-widgets-reserve');
    await frames();
    expect(violations()).to.deep.equal([]);
  });
});
