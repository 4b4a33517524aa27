/**
 * Our element definitions on pages that already have some: an older copy of a widget defined
 * before ours (a theme bundling a previous version), and our script loaded twice (pasted twice in
 * a CMS, bundled by two plugins). The page must see no exception, and a console.warn of ours at
 * most. Nothing of ours is imported statically: the older copy has to be defined first, as on
 * the partner's page, so this file runs alone in its own page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { stubWarn } from '../support/browser/support.js';

class OlderBanner extends HTMLElement {
  connectedCallback(): void {
    this.textContent = 'Bannière d’une version précédente';
  }
}
customElements.define('sdi-edition-banner', OlderBanner);

const OURS = '[semaine-industrie-widgets]';

/** A second copy of a module: the same file under another URL is another module instance. */
function secondCopy(path: string): Promise<unknown> {
  return import(/* @vite-ignore */ `${new URL(path, import.meta.url).href}?copy=2`) as Promise<unknown>;
}

describe('element definitions on a page that already has some', () => {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent): void => void uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent): void => void uncaught.push(event.reason);
  let warn: ReturnType<typeof stubWarn>;

  beforeEach(() => {
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    warn = stubWarn();
  });
  afterEach(() => {
    warn.restore();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('an older copy of the banner defined first: ours throws nothing, keeps it, and says so once', async () => {
    await import('../../src/define.js');
    expect(customElements.get('sdi-edition-banner')).to.equal(OlderBanner);
    // The other elements are ours and work.
    for (const tag of ['sdi-countdown', 'sdi-event-list', 'sdi-region-map'])
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    const page = await fixture<HTMLDivElement>(html`<div>
      <sdi-edition-banner number="12"></sdi-edition-banner>
      <sdi-countdown></sdi-countdown>
    </div>`);
    expect(page.querySelector('sdi-edition-banner')?.textContent).to.equal('Bannière d’une version précédente');
    await waitUntil(
      () => page.querySelector('sdi-countdown')?.shadowRoot?.querySelector('[part~="countdown"]'),
      'our countdown did not render',
    );

    const warnings = warn.calls.map((args) => args.map(String).join(' '));
    expect(
      warnings.every((w) => w.startsWith(OURS)),
      warnings.join('\n'),
    ).to.equal(true);
    expect(warnings.filter((w) => w.includes('<sdi-edition-banner>'))).to.have.length(1);
    // Defining again (another of our bundles on the page) does not repeat it.
    await secondCopy('../../src/elements/edition-banner/define.ts');
    expect(warn.calls).to.have.length(warnings.length);
    expect(uncaught.map(String)).to.deep.equal([]);
  });

  it('the script-tag entry loaded twice: one definition per tag, no error, no warning', async () => {
    await import('../../src/sdi-widgets.js');
    await secondCopy('../../src/sdi-widgets.ts');
    const page = await fixture<HTMLDivElement>(html`<div>
      <sdi-countdown edition="15"></sdi-countdown>
      <sdi-event-list src="/snapshot/" region="53" filters="none" past></sdi-event-list>
    </div>`);
    await waitUntil(
      () => page.querySelector('sdi-event-list')?.shadowRoot?.querySelector('[part~="card"]:not([part~="skeleton"])'),
      'the list did not render',
      {
        timeout: 15_000,
      },
    );
    expect(page.querySelector('sdi-countdown')?.shadowRoot).to.not.equal(null);
    expect(warn.calls).to.deep.equal([]);
    expect(uncaught.map(String)).to.deep.equal([]);
  });

  it('another copy of our class, same version: ignored silently; another version: reported once', async () => {
    const { defineElement } = await import('../../src/elements/shared/define.js');
    const { SdiCountdown } = await import('../../src/elements/countdown/sdi-countdown.js');
    const ours = customElements.get('sdi-countdown');
    expect(() => defineElement('sdi-countdown', class SameVersionCopy extends SdiCountdown {})).to.not.throw();
    expect(warn.calls).to.deep.equal([]);
    expect(() => defineElement('sdi-countdown', class OlderVersion extends SdiCountdown {}, '0.0.1')).to.not.throw();
    expect(() => defineElement('sdi-countdown', class OlderVersion extends SdiCountdown {}, '0.0.1')).to.not.throw();
    const warnings = warn.calls.map((args) => args.map(String).join(' '));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<sdi-countdown>').and.to.contain('0.0.1');
    expect(customElements.get('sdi-countdown')).to.equal(ours);
  });
});
