/**
 * The built classic-script loader, `dist/sdi-widgets.classic.js`, as a partner whose CMS drops
 * `type="module"` uses it: a plain page with `<script src="…/dist/sdi-widgets.classic.js">` (no
 * type) and elements placed by attributes. It must render like the module tag, live beside the
 * module tag and itself pasted twice, find the snapshot where the module tag finds it, and only
 * warn, never throw, when it cannot do its job. Needs `npm run build` first (see dist-bundle).
 */
import { expect } from '@open-wc/testing';
import { pollUntil, shadowText } from '../support/browser/support.js';

const CLASSIC = '/dist/sdi-widgets.classic.js';
const MODULE = '/dist/sdi-widgets.js';

// Installed before any other script of the frame: errors and warnings of the loader happen while
// the page loads, before a test could add listeners to the frame.
const RECORDER = `<script>
window.__errors = [];
window.__warnings = [];
addEventListener('error', function (e) { __errors.push(String(e.error || e.message)); });
addEventListener('unhandledrejection', function (e) { __errors.push(String(e.reason)); });
var warn = console.warn;
console.warn = function () {
  __warnings.push(Array.prototype.map.call(arguments, String).join(' '));
  return warn.apply(console, arguments);
};
</script>`;

interface FrameWindow extends Window {
  __errors: string[];
  __warnings: string[];
}

interface Frame {
  window: FrameWindow & typeof globalThis;
  document: Document;
}

async function load(head: string, body: string): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1000px';
  iframe.style.height = '900px';
  document.body.append(iframe);
  await new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8">${RECORDER}${head}</head><body>${body}</body></html>`;
  });
  return { window: iframe.contentWindow as FrameWindow & typeof globalThis, document: iframe.contentDocument! };
}

function resources(win: Window): string[] {
  return win.performance.getEntriesByType('resource').map((entry) => entry.name);
}

const SNAPSHOT = '<meta name="sdi:src" content="/snapshot/">';
const classicTag = `<script src="${CLASSIC}"></script>`;
const moduleTag = `<script type="module" src="${MODULE}"></script>`;

describe('dist/sdi-widgets.classic.js on a plain page', () => {
  before(async () => {
    const response = await fetch(CLASSIC, { method: 'HEAD', cache: 'no-store' });
    if (!response.ok) {
      throw new Error('dist/sdi-widgets.classic.js is missing: run `npm run build` before the browser tests');
    }
  });

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('is a classic script: no type needed, no import statement, parsed as a script', async () => {
    const code = await (await fetch(CLASSIC, { cache: 'no-store' })).text();
    expect(code).not.to.match(/(^|[;}\s])(import|export)\s*[{*\w]/);
    // A script parse (Function body) throws on a static import; it accepts import().
    expect(() => new Function(code)).not.to.throw();
  });

  it('registers and renders a list and a banner from the snapshot, loaded from a <script> without type', async () => {
    const { document: doc, window: win } = await load(
      `${SNAPSHOT}${classicTag}`,
      `<sdi-edition-banner number="12"></sdi-edition-banner>
       <sdi-event-list region="84" past></sdi-event-list>`,
    );
    await pollUntil(() => Boolean(win.customElements.get('sdi-event-list')), 'the list to register');
    await pollUntil(() => shadowText(doc.querySelector('sdi-edition-banner')).includes('12 événements'), 'the banner');
    await pollUntil(
      () => Boolean(doc.querySelector('sdi-event-list')?.shadowRoot?.querySelector('[part~="card"]')),
      'the list cards',
    );
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warnings).to.deep.equal([]);
    const loaded = resources(win);
    expect(
      loaded.some((name) => name.endsWith(MODULE)),
      'the module bundle beside the loader',
    ).to.equal(true);
    expect(
      loaded.some((name) => /map-view|sdi-region-map/.test(name)),
      'only the elements present',
    ).to.equal(false);
  });

  it('pasted twice and beside the module tag: one registration, no error, no warning', async () => {
    const { document: doc, window: win } = await load(
      `${SNAPSHOT}${classicTag}${moduleTag}${classicTag}`,
      '<sdi-edition-banner number="7"></sdi-edition-banner>',
    );
    await pollUntil(() => shadowText(doc.querySelector('sdi-edition-banner')).includes('7 événements'), 'the banner');
    // Let every copy finish its import before judging.
    await new Promise((r) => setTimeout(r, 300));
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warnings).to.deep.equal([]);
    expect(doc.querySelector('sdi-edition-banner')!.shadowRoot!.querySelectorAll('[part~="banner"]').length).to.equal(1);
  });

  it('reads the default snapshot beside the script, the folder the module tag reads', async () => {
    const expected = new URL('/dist/snapshot/index.json', location.href).href;
    const viaClassic = await load(classicTag, '<sdi-edition-banner></sdi-edition-banner>');
    await pollUntil(
      () => resources(viaClassic.window).some((name) => name.includes('/snapshot/')),
      'a snapshot request (classic)',
    );
    const classicRequests = resources(viaClassic.window).filter((name) => name.includes('/snapshot/'));
    const viaModule = await load(moduleTag, '<sdi-edition-banner></sdi-edition-banner>');
    await pollUntil(() => resources(viaModule.window).some((name) => name.includes('/snapshot/')), 'a snapshot request (module)');
    const moduleRequests = resources(viaModule.window).filter((name) => name.includes('/snapshot/'));
    expect(classicRequests[0]).to.equal(expected);
    expect(moduleRequests[0]).to.equal(expected);
  });

  it('picks up elements a CMS adds after load', async () => {
    const { document: doc, window: win } = await load(`${SNAPSHOT}${classicTag}`, '<p>vide</p>');
    await new Promise((r) => setTimeout(r, 200));
    expect(win.customElements.get('sdi-edition-banner')).to.equal(undefined);
    const banner = doc.createElement('sdi-edition-banner');
    banner.setAttribute('number', '3');
    doc.body.append(banner);
    await pollUntil(() => shadowText(banner).includes('3 événements'), 'the added banner');
    expect(win.__errors).to.deep.equal([]);
  });

  it('finds its tag when a loader runs it without document.currentScript (as Rocket Loader does)', async () => {
    const code = await (await fetch(CLASSIC, { cache: 'no-store' })).text();
    // Rocket Loader retypes the tag so the browser skips it, then runs the code itself: here the
    // tag is inert and the same code runs from an inline script, whose currentScript has no src.
    const { document: doc, window: win } = await load(
      `${SNAPSHOT}<script type="text/x-deferred" src="${CLASSIC}"></script><script>${code}</script>`,
      '<sdi-edition-banner number="9"></sdi-edition-banner>',
    );
    await pollUntil(() => shadowText(doc.querySelector('sdi-edition-banner')).includes('9 événements'), 'the banner');
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warnings).to.deep.equal([]);
  });

  it('is not steered by DOM clobbering: an <img name="currentScript"> and a decoy tag change nothing', async () => {
    // Issue #11, item 3: the clobbered currentScript is not a script, and the loader used to fall
    // back to the last matching tag, an attacker's, and import the "bundle" beside it.
    const decoy = '/decoy/sdi-widgets.classic.js';
    const { document: doc, window: win } = await load(
      `${SNAPSHOT}<script defer src="${CLASSIC}"></script>`,
      `<img name="currentScript" alt=""><script type="text/x-inert" src="${decoy}"></script>` +
        '<sdi-edition-banner number="9"></sdi-edition-banner>',
    );
    await pollUntil(() => shadowText(doc.querySelector('sdi-edition-banner')).includes('9 événements'), 'the banner');
    expect(resources(win).filter((name) => name.includes('/decoy/'))).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warnings).to.deep.equal([]);
  });

  it('warns without throwing when a policy blocks the module bundle', async () => {
    const allowed = new URL(CLASSIC, location.href).href;
    // The partner's CSP lists the loader's exact address but not the bundle beside it.
    const csp = `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline' ${allowed}">`;
    const { window: win } = await load(`${csp}${classicTag}`, '<sdi-edition-banner></sdi-edition-banner>');
    await pollUntil(() => win.__warnings.length > 0, 'a warning');
    expect(win.__warnings[0]).to.contain('[semaine-industrie-widgets] could not load');
    expect(win.__warnings[0]).to.contain(MODULE);
    await new Promise((r) => setTimeout(r, 200));
    expect(win.__errors).to.deep.equal([]);
    expect(win.customElements.get('sdi-edition-banner')).to.equal(undefined);
  });

  it('warns without throwing when it cannot know its own address', async () => {
    const code = await (await fetch(CLASSIC, { cache: 'no-store' })).text();
    const blobUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    try {
      // A blob: copy has an address but no folder to find the bundle in.
      const fromBlob = await load(`<script src="${blobUrl}"></script>`, '');
      await pollUntil(() => fromBlob.window.__warnings.length > 0, 'a warning (blob)');
      expect(fromBlob.window.__warnings[0]).to.contain('cannot locate sdi-widgets.js');
      expect(fromBlob.window.__errors).to.deep.equal([]);
    } finally {
      URL.revokeObjectURL(blobUrl);
    }
    // In a shadow root, document.currentScript is null.
    const inShadow = await load('', '<div id="host"></div>');
    const host = inShadow.document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    const script = inShadow.document.createElement('script');
    script.src = CLASSIC;
    root.append(script);
    await pollUntil(() => inShadow.window.__warnings.length > 0, 'a warning (shadow root)');
    expect(inShadow.window.__warnings[0]).to.contain('could not find its own address');
    expect(inShadow.window.__errors).to.deep.equal([]);
  });
});
