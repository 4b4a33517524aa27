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
 * the widgets do (measured here without it: 0.34 at 360 px when that race is lost); docs/CMS.md
 * says what partners can add for that case.
 *
 * Needs `npm run build` first, as dist-bundle.test.ts.
 */
import { expect } from '@open-wc/testing';
import { pollUntil, shadowText, testControl } from './support.js';

const BUNDLE = '/dist/sdi-widgets.js';
const TAGS = ['sdi-edition-banner', 'sdi-countdown', 'sdi-region-map', 'sdi-event-list'] as const;
/** Lighthouse's "good" CLS is under 0.1; the widgets together must stay far below it. */
const BUDGET = 0.02;
const LAYOUT_SHIFT = typeof PerformanceObserver !== 'undefined' &&
  (PerformanceObserver.supportedEntryTypes ?? []).includes('layout-shift');

interface Shift {
  value: number;
  sources: string[];
}

interface ProbeWindow extends Window {
  sdiShifts: Shift[];
  sdiHeld: string[];
  sdiRelease: () => void;
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

function page(partnerCss = ''): string {
  const after = (what: string) => `<p class="after" id="after-${what}">Le contenu de la page, sous le widget (${what}).</p>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="sdi:src" content="/snapshot/">
<style>body { margin: 0; padding: 0 8px; font: 16px/1.5 sans-serif; } .after { margin: 0; padding: 8px 0; } ${partnerCss}</style>
<script>${PROBE}</script>
<script type="module" blocking="render" src="${BUNDLE}"></script>
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
}

const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function load(width: number, height: number, partnerCss = ''): Promise<Loaded> {
  const iframe = document.createElement('iframe');
  // Fixed and in view: Chromium does not render (nor report shifts in) an off-screen frame.
  Object.assign(iframe.style, { position: 'fixed', top: '0', left: '0', width: `${width}px`, height: `${height}px`, border: '0' });
  document.body.append(iframe);
  await new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.srcdoc = page(partnerCss);
  });
  const win = iframe.contentWindow as ProbeWindow & typeof globalThis;
  const doc = iframe.contentDocument!;
  // The loader ran and every chunk arrived: their definitions are held.
  await pollUntil(() => TAGS.every((tag) => win.sdiHeld.includes(tag)), 'the four chunks to arrive');
  await frames();
  const heights = () => Object.fromEntries(TAGS.map((tag) => [tag, Math.round(doc.querySelector(tag)!.getBoundingClientRect().height)]));
  for (const tag of TAGS) expect(win.customElements.get(tag), `${tag} is still undefined`).to.equal(undefined);
  const undefinedHeights = heights();
  win.sdiRelease();
  await frames();
  const loadingHeights = heights();
  const banner = doc.querySelector('sdi-edition-banner');
  const list = doc.querySelector('sdi-event-list');
  const map = doc.querySelector('sdi-region-map');
  await pollUntil(() => /\d+ événements/.test(shadowText(banner)) && !banner?.shadowRoot?.querySelector('.count.pending'), 'the banner count');
  await pollUntil(() => shadowText(doc.querySelector('sdi-countdown')).length > 10, 'the countdown');
  await pollUntil(() => Boolean(list?.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"])')), 'the list cards');
  // Last on the page, below the fold: it renders its frame but draws only when scrolled to.
  await pollUntil(() => Boolean(map?.shadowRoot?.querySelector('[part~="map"]')), 'the map frame');
  // Late effects (the list's count line, the map's fit) land within a few frames.
  await new Promise((r) => setTimeout(r, 800));
  await frames();
  return { win, doc, undefinedHeights, loadingHeights, finalHeights: heights(), shifts: [...win.sdiShifts] };
}

/** Sums by source node, as Lighthouse attributes them (an entry counts for each node it moved). */
function bySource(shifts: Shift[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const shift of shifts) {
    for (const source of new Set(shift.sources)) sums[source] = Number(((sums[source] ?? 0) + shift.value).toFixed(4));
  }
  return sums;
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

  for (const [width, height] of [[360, 800], [1000, 800]] as const) {
    it(`at ${width} px wide, every undefined tag has a box and nothing moves the page (< ${BUDGET} in Chromium)`, async () => {
      const { undefinedHeights, loadingHeights, finalHeights, shifts } = await load(width, height);
      const total = Number(shifts.reduce((sum, s) => sum + s.value, 0).toFixed(4));
      // The numbers, for the report and for whoever tunes the reservations.
      console.log(`layout shift at ${width} px: total ${total}`, JSON.stringify(bySource(shifts)),
        '\n  heights undefined', JSON.stringify(undefinedHeights), '\n  loading', JSON.stringify(loadingHeights), '\n  final', JSON.stringify(finalHeights));
      for (const tag of TAGS) expect(undefinedHeights[tag], `height of the undefined <${tag}>`).to.be.above(0);
      if (!LAYOUT_SHIFT) {
        console.log(`layout shift score not checked in ${navigator.userAgent}: no layout-shift entries (Chromium only)`);
        return;
      }
      expect(total, `layout shift ${JSON.stringify(bySource(shifts))}`).to.be.below(BUDGET);
    });
  }

  it("the partner's own CSS wins over the reservation, whatever its specificity", async () => {
    const { undefinedHeights } = await load(1000, 800, 'sdi-countdown { min-height: 300px } sdi-event-list:not(:defined) { min-height: 100px }');
    expect(undefinedHeights['sdi-countdown']).to.equal(300);
    expect(undefinedHeights['sdi-event-list']).to.equal(100);
  });

  it('reserves the space on the strict-CSP page too (adopted sheet, no <style>)', async () => {
    const iframe = document.createElement('iframe');
    Object.assign(iframe.style, { position: 'fixed', top: '0', left: '0', width: '1000px', height: '800px', border: '0' });
    document.body.append(iframe);
    await new Promise<void>((resolve) => {
      iframe.addEventListener('load', () => resolve(), { once: true });
      iframe.src = '/__csp/page.html?script=dist';
    });
    const doc = iframe.contentDocument!;
    const win = iframe.contentWindow as Window & typeof globalThis;
    await pollUntil(() => Boolean(win.customElements.get('sdi-countdown')), 'the countdown');
    const rules = doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(rules).to.contain('sdi-event-list:not(:defined)');
    // csp-trusted-types.test.ts checks that this page reports no violation.
    const reports = (win as unknown as { __sdiCspReports: { kind: string; directive?: string }[] }).__sdiCspReports;
    expect(reports.filter((r) => r.kind === 'violation')).to.deep.equal([]);
  });
});
